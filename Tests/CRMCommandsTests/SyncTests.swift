import Foundation
import Testing
@testable import CRMCommands

/// Concurrent edits of one workspace by two people, merged with the real `git pull` (using our
/// merge driver) and with `crm sync`: each scenario checks the merged file byte for byte, the
/// exit statuses, and that no value from either side is lost.
@Suite("Team sync: the record merge driver, git pull and crm sync", .serialized)
struct SyncTests {
    static let acme = """
        # Our biggest customer
        name: Acme Trading s.r.o.   # legal name
        status: active
        phone: +420 601 111 222
        tags: [vip]
        notes: |
          Met at the Brno fair.
          Wants quarterly visits.

          Pays late in summer.

        """

    static func team() throws -> TeamFixture {
        try TeamFixture(files: ["customers/acme.yaml": acme])
    }

    /// Acme with each `old` text replaced by its `new` one.
    static func acme(_ replacements: (String, String)...) -> String {
        replacements.reduce(acme) { $0.replacing($1.0, with: $1.1) }
    }

    @Test("Different fields changed on each side merge", arguments: TeamFixture.Way.allCases)
    func differentFields(way: TeamFixture.Way) throws {
        let team = try Self.team()
        try team.anaShares(["set", "acme", "status=inactive"])
        try team.benDoes(["set", "acme", "phone=+420 777 000 111"])
        let merged = try team.benMerges(way)
        #expect(merged.status == 0, "\(merged.errors)")
        let expected = Self.acme(("status: active", "status: inactive"), ("+420 601 111 222", "+420 777 000 111"))
        #expect(try team.ben.read("customers/acme.yaml") == expected)
        #expect(try team.benParents() == 2)
        #expect(try team.ben.git("status", "--porcelain") == "")
        if way == .crmSync {
            #expect(merged.output.contains("customers/acme.yaml: merged field by field\n"))
            #expect(merged.output.contains("pushed 2 commits to origin/master\n"))
            #expect(team.ana.crm(["sync"]).status == 0)
            #expect(try team.ana.read("customers/acme.yaml") == expected)
        }
    }

    @Test("The same change on both sides is made once", arguments: TeamFixture.Way.allCases)
    func sameChange(way: TeamFixture.Way) throws {
        let team = try Self.team()
        try team.anaShares(["set", "acme", "status=inactive"])
        try team.benDoes(["set", "acme", "status=inactive"])
        #expect(try team.benMerges(way).status == 0)
        #expect(try team.ben.read("customers/acme.yaml") == Self.acme(("status: active", "status: inactive")))
    }

    @Test("The same field changed differently is a conflict, settled with crm resolve", arguments: TeamFixture.Way.allCases)
    func conflictingField(way: TeamFixture.Way) throws {
        let team = try Self.team()
        try team.anaShares(["set", "acme", "status=inactive"])
        try team.benDoes(["set", "acme", "status=churned"])
        let merged = try team.benMerges(way)
        #expect(merged.status == 1)
        let other = try team.anasCommit()
        let conflicted = Self.acme(("status: active", "status: churned")) + "conflicts:\n  status: inactive\nconflicts-with: \(other)\n"
        #expect(try team.ben.read("customers/acme.yaml") == conflicted)
        #expect(try team.ben.git("status", "--porcelain") == "UU customers/acme.yaml\n")
        let check = team.ben.crm(["check"])
        #expect(check.status == 1)
        #expect(check.output.contains(
            "customers/acme.yaml:12:3: error: merge conflict in 'status': ours is 'churned', the other side (\(other)) has 'inactive'\n"
            + " 12 |   status: inactive\n    |   ^\nhint: settle it: crm resolve acme status --ours, --theirs or --value VALUE\n"))
        let listed = team.ben.crm(["resolve"])
        #expect(listed.status == 1)
        #expect(listed.output == "acme status: ours churned, \(other) inactive\n  crm resolve acme status --ours | --theirs | --value VALUE\n")
        let early = team.benFinishes(way)
        #expect(early.status == 2)
        #expect(early.errors.contains("1 conflict"))
        #expect(team.ben.crm(["resolve", "acme", "status", "--theirs"]).status == 0)
        #expect(try team.ben.read("customers/acme.yaml") == Self.acme(("status: active", "status: inactive")))
        let finished = team.benFinishes(way)
        #expect(finished.status == 0, "\(finished.errors)")
        #expect(try team.benParents() == 2)
        #expect(try team.ben.git("status", "--porcelain") == "")
        #expect(team.ben.crm(["check"]).status == 0)
    }

    @Test("A record with two conflicts stays not merged in git until both are settled")
    func twoConflicts() throws {
        let team = try Self.team()
        try team.anaShares(["set", "acme", "status=inactive", "phone=+420 111 111 111"])
        try team.benDoes(["set", "acme", "status=churned", "phone=+420 222 222 222"])
        #expect(try team.benMerges(.gitPull).status == 1)
        #expect(try team.ben.read("customers/acme.yaml").hasSuffix("conflicts:\n  status: inactive\n  phone: +420 111 111 111\n"
                                                                   + "conflicts-with: \(try team.anasCommit())\n"))
        #expect(team.ben.crm(["resolve", "acme", "status", "--ours"]).status == 0)
        #expect(try team.ben.git("status", "--porcelain") == "UU customers/acme.yaml\n")
        #expect(team.ben.crm(["commit"]).status == 2)
        #expect(team.ben.crm(["resolve", "acme", "phone", "--theirs"]).status == 0)
        #expect(try team.ben.git("status", "--porcelain") == "M  customers/acme.yaml\n")
        #expect(try team.ben.read("customers/acme.yaml") == Self.acme(("status: active", "status: churned"), ("601 111 222", "111 111 111")))
        #expect(team.ben.crm(["commit"]).status == 0)
        #expect(try team.benParents() == 2)
    }

    @Test("Tags added on both sides are both kept", arguments: TeamFixture.Way.allCases)
    func tagsOnBothSides(way: TeamFixture.Way) throws {
        let team = try Self.team()
        try team.anaShares(["add", "acme", "tags", "partner"])
        try team.benDoes(["add", "acme", "tags", "export"])
        #expect(try team.benMerges(way).status == 0)
        #expect(try team.ben.read("customers/acme.yaml") == Self.acme(("tags: [vip]", "tags: [vip, export, partner]")))
    }

    @Test("Notes edited in different paragraphs merge line by line", arguments: TeamFixture.Way.allCases)
    func notesDifferentParagraphs(way: TeamFixture.Way) throws {
        let team = try Self.team()
        try team.bothEdit("customers/acme.yaml", ana: Self.acme(("Brno fair.", "Brno fair in 2024.")),
                          ben: Self.acme(("late in summer.", "late in summer; send reminders.")))
        #expect(try team.benMerges(way).status == 0)
        #expect(try team.ben.read("customers/acme.yaml")
                    == Self.acme(("Brno fair.", "Brno fair in 2024."), ("late in summer.", "late in summer; send reminders.")))
    }

    @Test("Notes edited in the same line are a conflict keeping both texts", arguments: TeamFixture.Way.allCases)
    func notesSameLine(way: TeamFixture.Way) throws {
        let team = try Self.team()
        try team.bothEdit("customers/acme.yaml", ana: Self.acme(("quarterly", "monthly")),
                          ben: Self.acme(("quarterly visits", "visits twice a year")))
        #expect(try team.benMerges(way).status == 1)
        let expected = Self.acme(("quarterly visits", "visits twice a year"))
            + "conflicts:\n  notes: \"Met at the Brno fair.\\nWants monthly visits.\\n\\nPays late in summer.\\n\"\n"
            + "conflicts-with: \(try team.anasCommit())\n"
        #expect(try team.ben.read("customers/acme.yaml") == expected)
        #expect(team.ben.crm(["resolve", "acme", "notes", "--theirs"]).status == 0)
        #expect(try team.ben.read("customers/acme.yaml") == Self.acme(("quarterly", "monthly")))
        #expect(team.benFinishes(way).status == 0)
    }

    @Test("A field added on both sides merges when equal and conflicts when not", arguments: TeamFixture.Way.allCases)
    func fieldAddedOnBothSides(way: TeamFixture.Way) throws {
        let team = try Self.team()
        try team.anaShares(["set", "acme", "email=ana@acme.cz", "website=https://acme.cz"])
        try team.benDoes(["set", "acme", "email=ben@acme.cz", "website=https://acme.cz"])
        #expect(try team.benMerges(way).status == 1)
        let expected = Self.acme(("phone: +420 601 111 222\n", "email: ben@acme.cz\nphone: +420 601 111 222\nwebsite: https://acme.cz\n"))
            + "conflicts:\n  email: ana@acme.cz\nconflicts-with: \(try team.anasCommit())\n"
        #expect(try team.ben.read("customers/acme.yaml") == expected)
        #expect(team.ben.crm(["resolve", "acme", "email", "--value", "office@acme.cz"]).status == 0)
        #expect(try team.ben.read("customers/acme.yaml").contains("email: office@acme.cz\nphone"))
        #expect(team.benFinishes(way).status == 0)
        #expect(try team.ben.git("status", "--porcelain") == "")
    }

    @Test("A record deleted on one side and changed on the other is kept until someone decides", arguments: TeamFixture.Way.allCases)
    func deleteVersusChange(way: TeamFixture.Way) throws {
        let team = try Self.team()
        try team.anaShares(["rm", "acme"])
        try team.benDoes(["set", "acme", "status=inactive"])
        let merged = try team.benMerges(way)
        #expect(merged.status == 1)
        #expect(try team.ben.read("customers/acme.yaml") == Self.acme(("status: active", "status: inactive")))
        let check = team.ben.crm(["check"])
        #expect(check.status == 1)
        #expect(check.output.contains("customers/acme.yaml: error: deleted on one side and changed on the other"))
        #expect(check.output.contains("hint: decide: crm resolve acme --keep, or crm resolve acme --delete"))
        #expect(team.ben.crm(["resolve"]).output == "acme: deleted on one side and changed on the other\n  crm resolve acme --keep | --delete\n")
        #expect(team.benFinishes(way).status == 2)
        let keep = way == .gitPull
        #expect(team.ben.crm(["resolve", "acme", keep ? "--keep" : "--delete"]).status == 0)
        #expect(team.benFinishes(way).status == 0)
        #expect(try team.benParents() == 2)
        #expect(try team.ben.git("status", "--porcelain") == "")
        #expect(try team.ben.git("ls-files", "customers") == (keep ? "customers/acme.yaml\n" : ""))
    }

    @Test("The same new id on both sides keeps both records, flagged as likely duplicates", arguments: TeamFixture.Way.allCases)
    func sameNewID(way: TeamFixture.Way) throws {
        let team = try Self.team()
        try team.anaShares(["new", "customer", "name=Beta s.r.o.", "phone=+420 111 111 111"])
        try team.benDoes(["new", "customer", "name=Beta s.r.o.", "phone=+420 222 222 222"])
        let merged = try team.benMerges(way)
        #expect(merged.status == (way == .gitPull ? 1 : 0))
        let ours = "name: Beta s.r.o.\nkind: company\nstatus: lead\nphone: +420 222 222 222\ncreated: 2026-11-22\n"
        let theirs = "name: Beta s.r.o.\nkind: company\nstatus: lead\nphone: +420 111 111 111\ncreated: 2026-11-22\n"
        #expect(try team.ben.read("customers/beta.yaml") == ours)
        #expect(try team.ben.read("customers/beta-2.yaml") == theirs)
        if way == .gitPull {
            #expect(merged.errors.contains("customers/beta.yaml was created on both sides with different content"))
            #expect(team.benFinishes(way).status == 0)
        } else {
            #expect(merged.output.contains("customers/beta.yaml: created on both sides; theirs kept as customers/beta-2.yaml"))
        }
        #expect(try team.ben.git("status", "--porcelain") == "")
        let check = team.ben.crm(["check"])
        #expect(check.status == 0)
        #expect(check.output.contains("customers/beta-2.yaml:1:7: warning: likely the same customer as 'beta' (same name 'Beta s.r.o.')"))
    }

    @Test("A rename on one side and an edit on the other both survive", arguments: TeamFixture.Way.allCases)
    func renameAndEdit(way: TeamFixture.Way) throws {
        let team = try Self.team()
        try team.anaShares(["mv", "acme", "acme-trading"])
        try team.benDoes(["set", "acme", "phone=+420 777 000 111"])
        let merged = try team.benMerges(way)
        #expect(merged.status == 0, "\(merged.errors)")
        #expect(try team.ben.git("ls-files", "customers") == "customers/acme-trading.yaml\n")
        #expect(try team.ben.read("customers/acme-trading.yaml") == Self.acme(("+420 601 111 222", "+420 777 000 111")))
    }

    @Test("A reference to a record deleted on the other side is caught by the check, and crm sync does not push it")
    func brokenReferenceAfterMerge() throws {
        let team = try TeamFixture(files: ["customers/acme.yaml": Self.acme, "customers/beta.yaml": "name: Beta\n"])
        try team.anaShares(["rm", "beta"])
        try team.benDoes(["new", "contact", "name=Eva Malá", "customer=beta"])
        let merged = team.ben.crm(["sync"])
        #expect(merged.status == 2)
        #expect(merged.output.contains("merged origin/master"))
        #expect(merged.errors.contains("contacts/eva-mala.yaml:2:11: error: no customer 'beta'"))
        #expect(merged.errors.contains("not pushed: the workspace has 1 error"))
        let remoteHead = try team.ana.git("ls-remote", team.remote, "refs/heads/master").prefix(40)
        #expect(remoteHead == (try team.ana.git("rev-parse", "HEAD").prefix(40)))
        #expect(try team.benParents() == 2)
    }

    @Test("crm init --git and crm setup-git register the driver; the first crm sync pushes and tracks the branch")
    func setUp() throws {
        let team = try Self.team()
        #expect(try team.ana.read(".gitattributes") == "# Records merge field by field: crm setup-git\n"
                    + "calls/**/*.yaml merge=crm\ncomplaints/**/*.yaml merge=crm\ncontacts/**/*.yaml merge=crm\ncustomers/**/*.yaml merge=crm\n"
                    + "invoices/**/*.yaml merge=crm\n")
        for fixture in [team.ana, team.ben] {
            #expect(try fixture.git("config", "merge.crm.driver") == "crm merge-file %O %A %B --path %P\n")
            #expect(try fixture.git("check-attr", "merge", "customers/acme.yaml", "calls/2026/11/x.yaml", "notes.yaml")
                        == "customers/acme.yaml: merge: crm\ncalls/2026/11/x.yaml: merge: crm\nnotes.yaml: merge: unspecified\n")
        }
        #expect(try team.ana.git("rev-parse", "--abbrev-ref", "master@{upstream}") == "origin/master\n")
        let commits = try team.ben.git("rev-list", "--count", "HEAD")
        #expect(team.ben.crm(["setup-git"]).output == "git merges records with `crm merge-file %O %A %B --path %P` in this clone\n")
        #expect(try team.ben.git("rev-list", "--count", "HEAD") == commits)
    }

    @Test("crm sync --dry-run says what would happen and changes nothing")
    func dryRun() throws {
        let team = try Self.team()
        try team.anaShares(["set", "acme", "status=inactive"])
        try team.benDoes(["set", "acme", "status=churned"])
        let head = try team.ben.git("rev-parse", "HEAD")
        let result = team.ben.crm(["sync", "--dry-run"])
        #expect(result.status == 0)
        #expect(result.output == """
            fetched origin
            customers/acme.yaml: conflict in status
            the merge of origin/master would stop on conflicts; nothing was changed

            """)
        #expect(try team.ben.git("rev-parse", "HEAD") == head)
        #expect(try team.ben.git("status", "--porcelain") == "")
        #expect(try team.ben.read("customers/acme.yaml") == Self.acme(("status: active", "status: churned")))
    }

    @Test("crm sync refuses to start over uncommitted or invalid changes, and lists them")
    func refusesUnfinishedWork() throws {
        let team = try Self.team()
        try team.ben.write("customers/acme.yaml", Self.acme(("status: active", "status: asleep")))
        let head = try team.ben.git("rev-parse", "HEAD")
        let result = team.ben.crm(["sync"])
        #expect(result.status == 2)
        #expect(result.errors.contains("customers/acme.yaml:3:9: error: "))
        #expect(result.errors.contains("  modified: customers/acme.yaml\n"))
        #expect(result.errors.contains("crm: error: not synced: 1 file changed since the last commit, with 1 problem\n"))
        #expect(try team.ben.git("rev-parse", "HEAD") == head)
        #expect(try team.ben.read("customers/acme.yaml") == Self.acme(("status: active", "status: asleep")))
    }

    @Test("crm sync fast-forwards when only the other side changed, and names an unknown remote")
    func fastForwardAndUnknownRemote() throws {
        let team = try Self.team()
        try team.anaShares(["set", "acme", "status=inactive"])
        let result = team.ben.crm(["sync"])
        #expect(result.output == "fetched origin\ntook 1 commit from origin/master (1 record changed)\nnothing to push\n")
        #expect(try team.ben.read("customers/acme.yaml") == Self.acme(("status: active", "status: inactive")))
        #expect(try team.benParents() == 1)
        let unknown = team.ben.crm(["sync", "orign"])
        #expect(unknown.status == 2)
        #expect(unknown.errors == "crm: error: no remote 'orign'\nhint: did you mean 'origin'?\n")
    }
}
