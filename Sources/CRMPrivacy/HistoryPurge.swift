import CRMChange
import CRMGit
import CRMSyntax
import CRMWorkspace
import Foundation

/// Purges an erased person from the git history: every commit that any branch, tag or
/// remote-tracking reference reaches is rewritten with the scrubbed versions of the files that
/// named them (the same scrubbing as `Erasure`; the person's own file as erased), commit and
/// tag messages scrubbed too, authors, committers and dates kept; the references are moved,
/// the reflogs expired and unreachable objects pruned, so no object of the repository holds
/// the erased values. A record of the rewrite (old → new commit ids, no personal data) is
/// committed as `.crm/purges/DAY-ID.yaml`, from which `crm sync` of an older clone recognises
/// the purge.
public struct HistoryPurge {
    /// What the purge will rewrite, worked out before anything changes.
    public struct Plan: Sendable {
        /// The references to move.
        public let references: [Repository.ReferenceTarget]
        /// How many commits they reach.
        public let commits: Int
        /// How many distinct values (names, addresses, numbers) the history held for the person.
        public let identifiers: Int
    }

    /// The rewrite: each commit that changed, old → new, oldest first, and the references moved.
    public struct Outcome: Sendable {
        public var commits: [(old: String, new: String)] = []
        public var references: [(name: String, old: String, new: String)] = []
        /// The record of the rewrite, committed on top.
        public var report = ""
    }

    public let subject: PrivacySubject
    public let git: WorkspaceGit
    public let plan: Plan
    private let mention: PersonMention
    private let history: [CommitInfo]

    /// Plans the purge of `subject`, erased already in the working files, from `git`'s history.
    public init(_ subject: PrivacySubject, git: WorkspaceGit) throws(PrivacyError) {
        guard subject.isErased, subject.personalFields.isEmpty else {
            throw PrivacyError("\(subject.record.id) is not erased yet; purge removes from history what erase removed from the files",
                               hint: "crm privacy erase \(subject.record.id) first, then purge")
        }
        let repository = git.repository
        do {
            guard !repository.isInOperation else {
                throw PrivacyError("git is in the middle of a merge, rebase or cherry-pick", hint: "finish or abort it first")
            }
            let changed = try repository.status(under: "").filter { !$0.untracked }
            guard changed.isEmpty else {
                throw PrivacyError("\(changed.count) uncommitted \(changed.count == 1 ? "change" : "changes") (\(changed[0].path)); "
                                   + "a purge rewrites every commit", hint: "commit them (crm commit) or put them away first")
            }
            let references = try repository.references()
            history = try repository.commits(reachableFrom: references.map(\.commit))
            self.git = git
            self.subject = subject
            mention = try Self.identifiers(of: subject, in: history, git: git)
            plan = Plan(references: references, commits: history.count,
                        identifiers: mention.names.count + mention.emails.count + mention.phones.count)
        } catch let error as PrivacyError {
            throw error
        } catch {
            throw PrivacyError("cannot read the history: \(error)")
        }
    }

    /// Every value the person's personal name, e-mail and phone fields held in any commit.
    private static func identifiers(of subject: PrivacySubject, in history: [CommitInfo], git: WorkspaceGit) throws(GitError) -> PersonMention {
        var names: Set<String> = [], emails: Set<String> = [], phones: Set<String> = []
        let path = git.repositoryPath(subject.record.path)
        for commit in history {
            guard let bytes = try git.repository.file(path, at: commit.id),
                  let document = try? RecordDocument(parsing: bytes, path: subject.record.path) else { continue }
            for definition in PersonalFields.of(subject.type) {
                let values = document[definition.key]?.strings ?? []
                switch definition.kind {
                case .email, .list(.email): emails.formUnion(values)
                case .phone, .list(.phone): phones.formUnion(values)
                default: if definition.key == subject.type.title { names.formUnion(values) }
                }
            }
        }
        return PersonMention(names: names.sorted(), emails: emails.sorted(), phones: phones.sorted())
    }

    /// Rewrites the history, moves the references, commits the record of it and prunes what
    /// is left, under the workspace lock; does nothing when no commit names the person. `today` dates the erased versions of the person's file.
    public func run(today: CivilDate, options: ChangeOptions) throws(PrivacyError) -> Outcome {
        let workspace = git.workspace
        let repository = git.repository
        let lock: WorkspaceLock
        do {
            lock = try WorkspaceChange.lock(workspace)
        } catch {
            throw PrivacyError(error.message, hint: error.hint)
        }
        var outcome = Outcome()
        do {
            var mapping: [String: String] = [:]
            var memo: [String: String] = [:]
            let personPath = git.repositoryPath(subject.record.path)
            for commit in history {
                let tree = try repository.treeID(of: commit.id)
                let newTree = try repository.rewriteTree(tree, memo: &memo) { path, bytes throws(GitError) in
                    path == personPath ? erased(bytes, day: today) : scrubbed(bytes, at: path)
                }
                let parents = commit.parents.map { mapping[$0] ?? $0 }
                let message = mention.scrubbed(commit.message) ?? commit.message
                guard newTree != tree || parents != commit.parents || message != commit.message else {
                    mapping[commit.id] = commit.id
                    continue
                }
                let new = try repository.createCommit(tree: newTree, parents: parents, message: message, author: commit.author,
                                                      committer: commit.committer)
                mapping[commit.id] = new
                outcome.commits.append((commit.id, new))
            }
            for reference in plan.references {
                guard let commit = mapping[reference.commit], commit != reference.commit else { continue }
                var target = commit
                if reference.isAnnotatedTag {
                    let message = try repository.tagMessage(reference.target)
                    target = try repository.retag(reference.target, name: reference.name, to: commit,
                                                  message: mention.scrubbed(message) ?? message)
                }
                try repository.setReference(reference.name, to: target, reflog: "crm privacy purge")
                outcome.references.append((reference.name, reference.target, target))
            }
            try repository.resetIndexToHead()
        } catch {
            throw PrivacyError("the purge stopped: \(error)", hint: "no reference was moved unless it is listed; the old history is still there")
        }
        guard !outcome.commits.isEmpty else { return outcome }
        outcome.report = try commitReport(outcome, today: today, options: options, lock: lock)
        for leftover in ["ORIG_HEAD", "FETCH_HEAD"] { try? FileManager.default.removeItem(atPath: repository.gitFolder + "/" + leftover) }
        do {
            try GitTransport(environment: options.environment).pruneUnreachable(in: repository)
        } catch {
            throw PrivacyError("the history was rewritten, but the old objects are still there: \(error)", hint: error.hint)
        }
        return outcome
    }

    /// Pushes each rewritten branch that tracks a remote to it, with `--force-with-lease`: only
    /// while the remote's branch is still the old commit the clone last fetched. Returns the
    /// branches pushed, as `remote/branch`.
    public func push(_ outcome: Outcome, environment: [String: String]) throws(PrivacyError) -> [String] {
        let repository = git.repository
        let transport = GitTransport(environment: environment)
        let moved = Dictionary(outcome.references.map { ($0.name, $0.old) }, uniquingKeysWith: { first, _ in first })
        var pushed: [String] = []
        for reference in outcome.references where reference.name.hasPrefix("refs/heads/") {
            let branch = String(reference.name.dropFirst("refs/heads/".count))
            guard let remote = repository.upstreamRemote(of: branch), let old = moved["refs/remotes/\(remote)/\(branch)"] else { continue }
            do {
                try transport.forcePush(branch, to: remote, expecting: old, in: repository)
            } catch {
                throw PrivacyError("the history was rewritten here, but pushing \(branch) to \(remote) failed: \(error)",
                                   hint: error.hint ?? "someone pushed meanwhile: crm sync, then push again with git push --force-with-lease")
            }
            pushed.append("\(remote)/\(branch)")
        }
        return pushed
    }

    /// The person's file as erased, or `nil` when it is already.
    private func erased(_ bytes: [UInt8], day: CivilDate) -> [UInt8]? {
        guard let document = try? RecordDocument(parsing: bytes, path: subject.record.path),
              let result = try? Erasure.erased(document, type: subject.type, mention: mention, day: day) else {
            return mention.scrubbed(String(decoding: bytes, as: UTF8.self)).map { Array($0.utf8) }
        }
        return result.bytes == bytes ? nil : result.bytes
    }

    /// Any other file with each mention scrubbed (a record's fields as `Erasure` scrubs them,
    /// other text as text), or `nil` when it does not name the person.
    private func scrubbed(_ bytes: [UInt8], at path: String) -> [UInt8]? {
        guard let text = String(validating: bytes, as: UTF8.self), let plain = mention.scrubbed(text) else { return nil }
        if let workspacePath = git.workspacePath(path), case .record(let typeName) = WorkspaceFile(path: workspacePath, schema: git.workspace.schema),
           let document = try? RecordDocument(parsing: bytes, path: workspacePath),
           let result = try? Erasure.scrubbed(document, type: git.workspace.schema.type(named: typeName), mention: mention) {
            return result.bytes
        }
        return Array(plain.utf8)
    }

    /// Commits `.crm/purges/DAY-ID.yaml`, the old and new id of every rewritten commit.
    private func commitReport(_ outcome: Outcome, today: CivilDate, options: ChangeOptions, lock: WorkspaceLock) throws(PrivacyError) -> String {
        let name = "\(today)-\(outcome.commits.last.map { String($0.new.prefix(8)) } ?? "none")"
        let path = ".crm/purges/\(name).yaml"
        var text = "# crm privacy purge: the history was rewritten; each line is a commit's old and new id.\n"
        text += "# crm sync moves work made on the old commits onto the new ones.\npurged: \(today)\ncommits:\n"
        for commit in outcome.commits { text += "  - \(commit.old) \(commit.new)\n" }
        var change = WorkspaceChange(git.workspace, options: options, lock: lock)
        change.write(Array(text.utf8), to: path)
        do {
            _ = try change.apply(message: "crm: privacy purge\n\nThe history was rewritten: \(outcome.commits.count) commits replaced.")
        } catch {
            throw PrivacyError("the history was rewritten, but its record could not be committed: \(error.message)", hint: error.hint)
        }
        return path
    }
}
