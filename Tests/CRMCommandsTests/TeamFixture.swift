import Foundation

/// Two people's clones of one workspace and the bare remote they sync through: Ana made the
/// workspace and pushed it; Ben cloned it with `git clone` and ran `crm setup-git`. In each
/// scenario Ana's change reaches the remote first and Ben merges it into his.
final class TeamFixture {
    /// How Ben merges.
    enum Way: String, CaseIterable, CustomStringConvertible {
        /// `git pull`, with our merge driver on the PATH.
        case gitPull = "git pull"
        /// `crm sync`, which merges through libgit2.
        case crmSync = "crm sync"

        var description: String { rawValue }
    }

    let remote: String
    let ana: GitFixture
    let ben: GitFixture

    init(files: [String: String]) throws {
        ana = try GitFixture(files: files)
        remote = FileManager.default.temporaryDirectory.appendingPathComponent("crm-remote-\(UUID().uuidString.prefix(8)).git").path
        try ana.run(["git", "init", "-q", "--bare", remote])
        try ana.git("remote", "add", "origin", remote)
        let pushed = ana.crm(["sync"])
        guard pushed.status == 0 else { throw FixtureError("the first crm sync failed: \(pushed.errors)") }
        ben = try GitFixture(cloning: remote, author: "Ben")
    }

    deinit {
        try? FileManager.default.removeItem(atPath: remote)
    }

    /// Ana runs `crm ARGUMENTS` and syncs; fails when either fails.
    func anaShares(_ arguments: [String]) throws {
        for command in [arguments, ["sync"]] {
            let result = ana.crm(command)
            guard result.status == 0 else { throw FixtureError("ana: crm \(command.joined(separator: " ")) failed: \(result.errors)") }
        }
    }

    /// Ben runs `crm ARGUMENTS`; fails when it fails.
    func benDoes(_ arguments: [String]) throws {
        let result = ben.crm(arguments)
        guard result.status == 0 else { throw FixtureError("ben: crm \(arguments.joined(separator: " ")) failed: \(result.errors)") }
    }

    /// Both edit `path` by hand and commit; Ana shares hers.
    func bothEdit(_ path: String, ana anasText: String, ben bensText: String) throws {
        try ana.write(path, anasText)
        try anaShares(["commit"])
        try ben.write(path, bensText)
        try benDoes(["commit"])
    }

    /// Ben merges what Ana shared, the way given.
    func benMerges(_ way: Way) throws -> CLIHarness.Result {
        switch way {
        case .gitPull: return try ben.gitWithDriver("pull", "--no-edit")
        case .crmSync: return ben.crm(["sync"])
        }
    }

    /// Ben finishes a merge he settled: `crm commit` after `git pull`, `crm sync` (which also pushes) otherwise.
    func benFinishes(_ way: Way) -> CLIHarness.Result {
        ben.crm(way == .gitPull ? ["commit"] : ["sync"])
    }

    /// The short id of Ana's last commit, as conflicts name the other side.
    func anasCommit() throws -> String {
        String(try ana.git("rev-parse", "--short=7", "HEAD").dropLast())
    }

    /// Ben's HEAD's parents: two after a merge.
    func benParents() throws -> Int {
        try ben.git("log", "-1", "--format=%P").split(separator: " ").count
    }
}
