import Foundation

/// Runs one of `Tests/scripts/`'s Python helpers: the lines of `input` on its standard input,
/// one JSON object per line on its standard output.
public enum PythonHelper {
    public struct Failed: Error, CustomStringConvertible {
        public let description: String
    }

    /// The helper `name` in `Tests/scripts/`.
    public static func script(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/\(name)")
    }

    /// The objects the helper printed; throws when it fails, naming what `make deps` installs.
    public static func jsonLines(_ script: URL, input: [String], needs: String) throws -> [[String: Any]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        let data = Data((input.joined(separator: "\n") + "\n").utf8)
        let writer = Thread {
            stdin.fileHandleForWriting.write(data)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failed(description: "\(script.lastPathComponent) failed (exit \(process.terminationStatus)); "
                         + "are \(needs) installed? `make test` installs them")
        }
        return try output.split(separator: UInt8(ascii: "\n")).compactMap {
            try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any]
        }
    }
}
