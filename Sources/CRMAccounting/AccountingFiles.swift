import CRMInterchange
import CRMWorkspace

/// The files accounting programs and banks give: an ISDOC document (`.isdocx` is a ZIP whose
/// `manifest.xml` names it, read with `unzip` when installed), and statements told apart by
/// content: GPC starts with a `074` record, camt.053 is XML.
public enum AccountingFiles {
    /// The file's bytes; for an `.isdocx`, the ISDOC document inside it.
    public static func read(_ path: String, environment: [String: String]) throws(FileError) -> [UInt8] {
        let bytes = try FileIO.read(path, limit: XMLTree.maximumSize)
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return bytes }
        guard let unzip = Subprocess.find("unzip", path: environment["PATH"]) else {
            throw FileError(path: path, code: 0, operation: "read", explanation: "it is a ZIP archive (.isdocx); install unzip to read it")
        }
        func member(_ name: String) throws(FileError) -> [UInt8]? {
            let result = try Subprocess(unzip, ["-p", path, name], environment: environment).run()
            return result.succeeded && !result.output.isEmpty ? result.output : nil
        }
        let manifest = try member("manifest.xml")
        let main = manifest.flatMap { try? XMLTree(parsing: $0) }?.root.child("maindocument")?.attributes["filename"]
        if let main, let document = try member(main) { return document }
        if let document = try member("*.isdoc") { return document }
        throw FileError(path: path, code: 0, operation: "read", explanation: "the archive holds no ISDOC document (manifest.xml names none)")
    }

    /// The statements in a camt.053 or GPC file.
    public static func statements(_ bytes: [UInt8]) throws(ReadError) -> [BankStatement] {
        bytes.starts(with: Array("074".utf8)) ? try GPCStatement.read(bytes) : try CamtStatement.read(bytes)
    }
}
