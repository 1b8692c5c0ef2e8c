import Foundation

/// sshd on 127.0.0.1 with a generated host key, and a HOME whose `~/.ssh/config` names it
/// `crm-server` (port, user, identity file, known hosts), as a user's laptop would;
/// `crm-agent` is the same server with no identity file (the key comes from an ssh agent) and
/// `crm-stranger` the same with a known-hosts file that does not know it, `crm-changed` with
/// one that knows another key for it (a changed host key).
struct SSHServer {
    let server: LoopbackServer
    /// The HOME of the user who connects.
    let home: String

    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") }

    init() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crm-sshd-\(UUID().uuidString.prefix(8))").path
        home = folder + "/home"
        try FileManager.default.createDirectory(atPath: home + "/.ssh", withIntermediateDirectories: true)
        try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        try LoopbackServer.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", folder + "/host_key"])
        try LoopbackServer.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", home + "/.ssh/team_key"])
        try FileManager.default.copyItem(atPath: home + "/.ssh/team_key.pub", toPath: folder + "/authorized_keys")
        let port = LoopbackServer.freePort()
        let user = try ProcessInfo.processInfo.environment["USER"] ?? LoopbackServer.run(["id", "-un"]).trimmingCharacters(in: .newlines)
        try """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(folder)/host_key
            AuthorizedKeysFile \(folder)/authorized_keys
            PidFile \(folder)/sshd.pid
            StrictModes no
            UsePAM no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin prohibit-password
            SetEnv PATH=\(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")

            """.write(toFile: folder + "/sshd_config", atomically: true, encoding: .utf8)
        func publicKey(_ file: String) throws -> String {
            try String(contentsOfFile: file, encoding: .utf8).split(separator: " ").prefix(2).joined(separator: " ")
        }
        try "[127.0.0.1]:\(port) \(publicKey(folder + "/host_key.pub"))\n".write(toFile: home + "/.ssh/known_hosts", atomically: true, encoding: .utf8)
        try LoopbackServer.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", folder + "/other_host_key"])
        try "[127.0.0.1]:\(port) \(publicKey(folder + "/other_host_key.pub"))\n"
            .write(toFile: home + "/.ssh/changed_known_hosts", atomically: true, encoding: .utf8)
        let homeFolder = home
        func host(_ name: String, identity: String = "\(homeFolder)/.ssh/team_key", knownHosts: String) -> String {
            """
            Host \(name)
              HostName 127.0.0.1
              Port \(port)
              User \(user)
              IdentityFile \(identity)
            \(identity == "none" ? "" : "  IdentitiesOnly yes\n")  UserKnownHostsFile \(homeFolder)/.ssh/\(knownHosts)
              StrictHostKeyChecking yes
              BatchMode yes

            """
        }
        try (host("crm-server", knownHosts: "known_hosts") + host("crm-agent", identity: "none", knownHosts: "known_hosts")
             + host("crm-changed", knownHosts: "changed_known_hosts") + host("crm-stranger", knownHosts: "empty_known_hosts"))
            .write(toFile: home + "/.ssh/config", atomically: true, encoding: .utf8)
        chmod(home + "/.ssh/team_key", 0o600)
        chmod(home + "/.ssh/config", 0o600)
        server = try LoopbackServer(folder: folder, port: port, arguments: ["/usr/sbin/sshd", "-D", "-e", "-f", folder + "/sshd_config"])
    }
}
