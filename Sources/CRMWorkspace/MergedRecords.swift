import CRMSyntax

/// `merged-from`: the ids of records `crm merge` combined into this one. Every record may carry
/// it; a reference to one of those ids is then broken with a hint naming the record it lives on in.
public enum MergedRecords {
    public static let field = "merged-from"

    /// The record that `id` was merged into, if any.
    public static func successor(of id: String, in index: WorkspaceIndex) -> Record? {
        index.records.first { $0[field]?.strings.contains(id) ?? false }
    }
}
