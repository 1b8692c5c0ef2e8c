/// A file open in the editor: its text as the editor has it, saved or not.
struct OpenDocument {
    let uri: String
    /// Relative to the workspace.
    let path: String
    var version: Int
    var text: EditorText
}
