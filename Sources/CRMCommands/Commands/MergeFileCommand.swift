import CRMMerge
import CRMSyntax
import CRMWorkspace

/// `crm merge-file BASE OURS THEIRS`: git's merge driver for records.
enum MergeFileCommand {
    static let path = Option<String>(["--path"], value: "path", help: "The record's path in the repository, for messages and a second id.")
    static let other = Option<String>(["--other"], value: "name", help: "How conflicts name the other side. (default: its commit, from git)")

    static let spec = CommandSpec(
        name: "merge-file",
        abstract: "Merge two edits of a record, field by field (git's merge driver)",
        discussion: """
            Merges OURS and THEIRS, two edits of BASE, into OURS, as git's merge driver for records:
            `crm setup-git` (and `crm init --git`) registers it as `crm merge-file %O %A %B --path %P`.
            Different fields changed on each side merge; the same change on both sides is made once;
            lists merge as sets; multi-line text merges line by line. A field changed differently on
            both sides keeps our value, and the record gains a `conflicts:` entry with the other side's
            value (see docs/format.md); the exit status is then 1, so git stops the merge for that file,
            and `crm resolve` settles it. A record created on both sides with different content is kept
            twice: ours at its path, theirs under a new id next to it. A version that is not a record crm
            can read (another encoding than UTF-8, a binary file, a file that does not parse) is not
            merged: OURS is left untouched and the exit status is 2, so git keeps the file as a conflict.
            """,
        arguments: [
            ArgumentSpec("base", help: "The common ancestor's version (empty when the file is new on both sides)."),
            ArgumentSpec("ours", help: "Our version; the result is written here."),
            ArgumentSpec("theirs", help: "The other side's version."),
        ],
        options: [path.spec, other.spec],
        run: run)

    static func run(_ invocation: Invocation, _ context: inout CommandContext) throws -> Int32 {
        let (basePath, oursPath, theirsPath) = (invocation.arguments[0], invocation.arguments[1], invocation.arguments[2])
        func read(_ path: String) throws(CommandError) -> [UInt8] {
            do {
                return try FileIO.read(FileIO.absolute(path, from: context.currentDirectory), limit: RecordFile.maximumSize)
            } catch {
                throw CommandError(error.description)
            }
        }
        let path = try invocation[self.path] ?? oursPath
        let other = try invocation[self.other] ?? otherSide(context.environment)
        let outcome = FileMerge.merge(base: try read(basePath), ours: try read(oursPath), theirs: try read(theirsPath),
                                      path: path, other: other)
        func write(_ bytes: [UInt8], to target: String) throws(CommandError) {
            do {
                try AtomicFile.write(bytes, to: FileIO.absolute(target, from: context.currentDirectory))
            } catch {
                throw CommandError(error.description)
            }
        }
        switch outcome {
        case .merged(let bytes):
            try write(bytes, to: oursPath)
            return ExitStatus.success
        case .conflicted(let bytes, let fields):
            try write(bytes, to: oursPath)
            let id = RecordFile(path: path, type: "").id
            context.console.error("crm: \(path): both sides changed \(fields.joined(separator: ", ")) differently; "
                                  + "the record keeps our values and lists the other side's under `conflicts:`\n"
                                  + "  settle each with: crm resolve \(id) FIELD --ours, --theirs or --value VALUE\n")
            return ExitStatus.nothingFound
        case .bothAdded(let ours, let theirs):
            try write(ours, to: oursPath)
            let folder = context.currentDirectory
            let second = FileMerge.secondPath(for: path) { FileIO.kind(of: FileIO.absolute($0, from: folder)) != nil }
            try write(theirs, to: second)
            context.console.error("crm: \(path) was created on both sides with different content; ours stays, "
                                  + "theirs is kept as \(second) (add it, and check whether they are the same record)\n")
            return ExitStatus.nothingFound
        case .unreadable(let problem):
            context.report(problem)
            context.console.error("crm: \(path) was not merged and is left as ours; git keeps it as a conflict to merge by hand\n")
            return ExitStatus.failed
        }
    }

    /// The other side's commit, from the `GITHEAD_<id>` variable git sets for its merge drivers.
    static func otherSide(_ environment: [String: String]) -> String {
        guard let name = environment.keys.sorted().first(where: { $0.hasPrefix("GITHEAD_") }) else { return "the other side" }
        return String(name.dropFirst("GITHEAD_".count).prefix(7))
    }
}
