#if canImport(Glibc)
import Glibc
#endif
import CRMWorkspace

/// Changing the items of a vdir: each file written whole and durably (a syncing vdirsyncer
/// never sees half a card), then the removed ones deleted. Used by the contact and the
/// calendar sync once their commit is made.
public enum VdirFiles {
    public static func apply(writes: [(file: String, bytes: [UInt8])], removals: [String], in folder: String) throws(FileError) {
        for (file, bytes) in writes { try AtomicFile.write(bytes, to: folder + "/" + file) }
        for file in removals where FileIO.kind(of: folder + "/" + file) != nil {
            if let code = SystemCall.failure({ unlink(folder + "/" + file) }) {
                throw FileError(path: folder + "/" + file, code: code, operation: "delete the item")
            }
        }
    }
}
