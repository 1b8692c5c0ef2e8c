import CRMGit
import CRMSyntax
import CRMWorkspace

/// Records changed since the last commit (by hand or with `--no-commit`), each with whether
/// it is valid now.
struct PendingChanges {
    struct Entry {
        var status: StatusEntry
        var id: String
        var type: String
        var problems: [Diagnostic]
    }

    let entries: [Entry]

    init(git: WorkspaceGit, workspace: Workspace) throws(CommandError) {
        let status = try History.run { () throws(GitError) in try git.status() }
        let head = try? git.commit(at: "HEAD")
        let changes = head.flatMap { head in try? git.changes(from: head.id, to: nil) } ?? []
        let committed = Dictionary(changes.map { ($0.path, $0.before) }, uniquingKeysWith: { first, _ in first })
        var locator = RecordLocator(workspace: workspace)
        var validator = RecordValidator(index: locator.referenceIndex())
        var entries: [Entry] = []
        for item in status where item.path.hasSuffix(".yaml") {
            guard let type = workspace.schema.type(forPath: item.path) else { continue }
            let id = String(item.path.split(separator: "/").last!.dropLast(5))
            var problems: [Diagnostic] = []
            if item.change != .deleted {
                do {
                    let document = try RecordDocument(parsing: try RecordFile.read(item.path, root: workspace.root), path: item.path)
                    problems = validator.validate(document, as: type).filter { $0.severity == .error }
                    if let lifecycle = Lifecycle(type: type) {
                        do {
                            try lifecycle.check(before: committed[item.path] ?? nil, after: document.values)
                        } catch {
                            problems.append(lifecycle.diagnostic(error, in: document))
                        }
                    }
                } catch let error as Diagnostic {
                    problems = [error]
                } catch {
                    problems = [Diagnostic(code: "unreadable", path: item.path, location: nil, message: "\(error)")]
                }
                if let problem = RecordID.problem(with: id) {
                    problems.append(Diagnostic(code: "invalid-id", path: item.path, location: nil,
                                               message: "invalid id '\(id)': \(problem)"))
                }
            }
            entries.append(Entry(status: item, id: id, type: type.name, problems: problems))
        }
        self.entries = entries
    }

    var problems: [Diagnostic] { entries.flatMap(\.problems) }
}
