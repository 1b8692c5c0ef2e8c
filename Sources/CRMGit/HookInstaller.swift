#if canImport(Glibc)
import Glibc
#endif
import CRMWorkspace

/// Installs crm's git hooks: `pre-commit` in a clone (`crm setup-git --hooks`) and
/// `pre-receive` in a server's repository (`crm setup-git --server`). A hook already there that
/// is not crm's is kept as `NAME.before-crm` and run first, with the same input; running the
/// installation again changes nothing.
public enum HookInstaller {
    /// The line that marks a hook as crm's.
    static let marker = "# Installed by crm setup-git"

    /// This process's executable, absolute (Linux's `/proc/self/exe`), for hooks to run.
    public static func currentExecutable() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The script of hook `name`, which runs `crm hook NAME` with `crm` (its absolute path, else the one on the PATH).
    static func script(_ name: String, crm: String, why: String, arguments: String = "") -> String {
        let quoted = "'" + crm.replacing("'", with: "'\\''") + "'"
        let readsInput = name == "pre-receive" || name == "pre-push"
        return """
            #!/bin/sh
            \(marker) \(name == "pre-receive" ? "--server" : "--hooks"): \(why)
            crm=\(quoted)
            [ -x "$crm" ] || crm=crm
            hooks=$(dirname "$0")
            \(readsInput ? "input=$(cat)\n" : "")if [ -x "$hooks/\(name).before-crm" ]; then
              \(readsInput ? "printf '%s\\n' \"$input\" | " : "")"$hooks/\(name).before-crm" "$@" || exit $?
            fi
            \(readsInput ? "printf '%s\\n' \"$input\" | " : "")exec "$crm" hook \(name)\(arguments)

            """
    }

    /// Writes hook `name` into `folder`; returns what it did, for people.
    @discardableResult
    public static func install(_ name: String, in folder: String, crm: String, why: String, arguments: String = "") throws(FileError) -> String {
        let path = folder + "/" + name
        let text = script(name, crm: crm, why: why, arguments: arguments)
        var note = "installed the \(name) hook in \(folder)"
        if FileIO.kind(of: folder) == nil {
            try SystemCall.check("create", folder) { mkdir(folder, 0o755) }
        }
        if let existing = try? FileIO.read(path) {
            if String(decoding: existing, as: UTF8.self).contains(marker) {
                if existing == Array(text.utf8) { return "the \(name) hook in \(folder) is crm's already" }
                note = "updated the \(name) hook in \(folder)"
            } else {
                let kept = path + ".before-crm"
                guard FileIO.kind(of: kept) == nil else {
                    throw FileError(path: kept, code: EEXIST, operation: "keep the existing hook",
                                    explanation: "\(kept) exists already; merge it with \(path) by hand")
                }
                try SystemCall.check("rename", path) { rename(path, kept) }
                note += " (the hook that was there runs first, as \(name).before-crm)"
            }
        }
        try AtomicFile.write(Array(text.utf8), to: path)
        try SystemCall.check("make executable", path) { chmod(path, 0o755) }
        return note
    }
}
