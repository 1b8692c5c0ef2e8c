import CRMGit
import CRMSyntax
import CRMWorkspace

/// What the workspace holds about a person (a subject access request, GDPR article 15): their
/// record, every record that refers to them, every record that names them in its values, and
/// the history of their personal fields from git (who changed what, when).
public struct SubjectAccess: Sendable {
    /// A record that names the person, and the fields that do.
    public struct Mention: Sendable {
        public let record: Record
        public let fields: [String]
    }

    /// One commit that changed the person's personal fields.
    public struct Change: Sendable {
        public let commit: CommitInfo
        public let fields: [FieldChange]
    }

    public let subject: PrivacySubject
    /// Records with a reference to the person, by path.
    public let referring: [Record]
    /// Other records whose values name the person, by path (those referring to them included).
    public let mentions: [Mention]
    /// Newest first; empty outside git.
    public let history: [Change]

    /// Gathers everything `index` holds about `subject`, and with `git` its history.
    public init(_ subject: PrivacySubject, index: WorkspaceIndex, git: WorkspaceGit?) throws(GitError) {
        self.subject = subject
        referring = index.referrers(of: subject.record).sorted { $0.path < $1.path }
        var mentions: [Mention] = []
        if !subject.mention.isEmpty {
            for record in index.records where record.id != subject.record.id {
                let fields = subject.mentioningFields(of: record)
                if !fields.isEmpty { mentions.append(Mention(record: record, fields: fields)) }
            }
        }
        self.mentions = mentions
        let personal = Set(PersonalFields.of(subject.type).map(\.key) + [PersonalFields.consent])
        history = try git?.history(ofRecord: subject.record.path).compactMap { item -> Change? in
            let fields = item.change.fields.filter { personal.contains($0.key) }
            return fields.isEmpty ? nil : Change(commit: item.commit, fields: fields)
        } ?? []
    }
}
