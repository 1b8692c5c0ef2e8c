import CRMGit
import CRMWorkspace

/// Makes git merge the workspace's records field by field in a clone: `crm merge-file` as the
/// merge driver `crm` in the repository's configuration, and `FOLDER/**/*.yaml merge=crm` for
/// every type folder in the workspace's `.gitattributes`, which is committed so that every clone
/// has it (each clone registers the driver once: `crm setup-git`).
public enum MergeDriverSetup {
    public static let driver = "crm merge-file %O %A %B --path %P"

    /// Registers the driver in the repository's configuration, and plans the lines
    /// `.gitattributes` lacks in `change`; returns those lines.
    public static func configure(_ git: WorkspaceGit, change: inout WorkspaceChange) throws(ChangeError) -> [String] {
        do {
            try git.repository.setConfigValue("merge.crm.name", "crm: merge records field by field")
            try git.repository.setConfigValue("merge.crm.driver", driver)
        } catch {
            throw ChangeError.git(error)
        }
        let path = ".gitattributes"
        let existing = try change.current(path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let lines = existing.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let wanted = git.workspace.schema.types.map { "\($0.folder)/**/*.yaml merge=crm" }.filter { !lines.contains($0) }
        guard !wanted.isEmpty else { return [] }
        var text = existing
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        if !lines.contains(where: { $0.hasSuffix("merge=crm") }) { text += "# Records merge field by field: crm setup-git\n" }
        text += wanted.map { $0 + "\n" }.joined()
        change.write(Array(text.utf8), to: path)
        return wanted
    }
}
