import Foundation
import Testing

/// crm clone and crm sync over a real ssh server on this machine, reached through an
/// `~/.ssh/config` alias with its port, user and identity file, as git would reach it.
@Suite("Transports: ssh with the user's ssh config", .serialized)
struct TransportTests {
    @Test("crm clone and crm sync through an ~/.ssh/config alias; two clones edit one record; an unknown host key is refused",
          .enabled(if: SSHServer.isInstalled, "openssh-server is not installed (make deps installs it)"))
    func ssh() throws {
        let ssh = try SSHServer()
        let origin = try GitFixture(files: ["customers/acme.yaml": "name: Acme s.r.o.\nstatus: active\nowner: jana\n"])
        let bare = ssh.server.folder + "/crm.git"
        try LoopbackServer.run(["git", "clone", "-q", "--bare", origin.root, bare])
        var environment = origin.environment
        environment["HOME"] = ssh.home
        // OpenSSH reads ~/.ssh/config from the passwd entry's home, not $HOME: name the test's own.
        environment["GIT_SSH_COMMAND"] = "ssh -F \(ssh.home)/.ssh/config"
        func crm(_ arguments: [String], in folder: String) throws -> CLIHarness.Result {
            try GitFixture.shell([GitFixture.executable, "-C", folder] + arguments, environment: environment)
        }
        let ana = ssh.server.folder + "/ana"
        let ben = ssh.server.folder + "/ben"
        for folder in [ana, ben] {
            let cloned = try GitFixture.shell([GitFixture.executable, "clone", "crm-server:\(bare)", folder], environment: environment)
            #expect(cloned.status == 0, "\(cloned.errors)")
            #expect(cloned.output.hasSuffix("test: 1 customer\n"), "\(cloned.output)")
        }
        #expect(try crm(["set", "acme", "status=inactive"], in: ana).status == 0)
        #expect(try crm(["set", "acme", "owner=petr"], in: ben).status == 0)
        let first = try crm(["sync"], in: ana)
        #expect(first.status == 0, "\(first.errors)")
        let second = try crm(["sync"], in: ben)
        #expect(second.status == 0, "\(second.errors)")
        #expect(try crm(["sync"], in: ana).status == 0)
        for folder in [ana, ben] {
            let record = try String(contentsOfFile: folder + "/customers/acme.yaml", encoding: .utf8)
            #expect(record.contains("status: inactive\n") && record.contains("owner: petr\n"), "\(folder): \(record)")
        }
        let stranger = try GitFixture.shell([GitFixture.executable, "clone", "crm-stranger:\(bare)", ssh.server.folder + "/eve"],
                                            environment: environment)
        #expect(stranger.status == 2)
        #expect(stranger.errors.contains("Host key verification failed"), "\(stranger.errors)")
        #expect(stranger.errors.contains("hint: the server's ssh host key is unknown or has changed"))
        let changed = try GitFixture.shell([GitFixture.executable, "clone", "crm-changed:\(bare)", ssh.server.folder + "/mallory"],
                                           environment: environment)
        #expect(changed.status == 2)
        #expect(changed.errors.contains("REMOTE HOST IDENTIFICATION HAS CHANGED"), "\(changed.errors)")
        #expect(changed.errors.contains("hint: the server's ssh host key is unknown or has changed"))
        #expect(!FileManager.default.fileExists(atPath: ssh.server.folder + "/mallory/.crm"))
    }

    @Test("The key from the ssh agent: crm clone through an alias without an identity file, and not without the agent",
          .enabled(if: SSHServer.isInstalled, "openssh-server is not installed (make deps installs it)"))
    func sshAgent() throws {
        let ssh = try SSHServer()
        let origin = try GitFixture(files: ["customers/acme.yaml": "name: Acme s.r.o.\nstatus: active\n"])
        let bare = ssh.server.folder + "/crm.git"
        try LoopbackServer.run(["git", "clone", "-q", "--bare", origin.root, bare])
        let socket = ssh.server.folder + "/agent.sock"
        let agent = try LoopbackServer(folder: ssh.server.folder, port: 0, arguments: ["/usr/bin/ssh-agent", "-D", "-a", socket],
                                       ready: { FileManager.default.fileExists(atPath: socket) }, removesFolder: false)
        defer { withExtendedLifetime(agent) {} }
        var environment = origin.environment
        environment["HOME"] = ssh.home
        environment["GIT_SSH_COMMAND"] = "ssh -F \(ssh.home)/.ssh/config"
        environment["SSH_AUTH_SOCK"] = ssh.server.folder + "/no-agent.sock"
        let without = try GitFixture.shell([GitFixture.executable, "clone", "crm-agent:\(bare)", ssh.server.folder + "/no-agent"],
                                           environment: environment)
        #expect(without.status == 2)
        #expect(without.errors.contains("Permission denied (publickey"), "\(without.errors)")
        environment["SSH_AUTH_SOCK"] = socket
        try LoopbackServer.run(["ssh-add", "-q", ssh.home + "/.ssh/team_key"], environment: ["SSH_AUTH_SOCK": socket])
        let cloned = try GitFixture.shell([GitFixture.executable, "clone", "crm-agent:\(bare)", ssh.server.folder + "/ana"],
                                          environment: environment)
        #expect(cloned.status == 0, "\(cloned.errors)")
        #expect(cloned.output.hasSuffix("test: 1 customer\n"), "\(cloned.output)")
        let synced = try GitFixture.shell([GitFixture.executable, "-C", ssh.server.folder + "/ana", "sync"], environment: environment)
        #expect(synced.status == 0, "\(synced.errors)")
    }

    @Test("crm clone and crm sync over https with TLS and basic auth: credentials from git's credential helper, or CRM_GIT_USERNAME",
          .enabled(if: HTTPSServer.isInstalled, "nginx, fcgiwrap or openssl is not installed (make deps installs them)"))
    func https() throws {
        let server = try HTTPSServer()
        let origin = try GitFixture(files: ["customers/acme.yaml": "name: Acme s.r.o.\nstatus: active\nowner: jana\n"])
        try LoopbackServer.run(["git", "clone", "-q", "--bare", origin.root, server.root + "/crm.git"])
        let home = server.folder + "/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        var environment = origin.environment
        environment["HOME"] = home
        environment["GIT_SSL_CAINFO"] = server.certificate
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        let url = server.base + "/crm.git"
        let refused = try GitFixture.shell([GitFixture.executable, "clone", url, server.folder + "/nobody"], environment: environment)
        #expect(refused.status == 2)
        #expect(refused.errors.contains("hint: store your credentials with a git credential helper, or set CRM_GIT_USERNAME"), "\(refused.errors)")
        try LoopbackServer.run(["git", "config", "--global", "credential.helper", "store"], environment: environment)
        try "https://\(server.user):\(server.password)@127.0.0.1:\(server.nginx.port)\n"
            .write(toFile: home + "/.git-credentials", atomically: true, encoding: .utf8)
        let ana = server.folder + "/ana"
        let cloned = try GitFixture.shell([GitFixture.executable, "clone", url, ana], environment: environment)
        #expect(cloned.status == 0, "\(cloned.errors)")
        var token = origin.environment
        token["GIT_SSL_CAINFO"] = server.certificate
        token["HOME"] = server.folder + "/empty-home"
        token["CRM_GIT_USERNAME"] = server.user
        token["CRM_GIT_PASSWORD"] = server.password
        let ben = server.folder + "/ben"
        let second = try GitFixture.shell([GitFixture.executable, "clone", url, ben], environment: token)
        #expect(second.status == 0, "\(second.errors)")
        #expect(try GitFixture.shell([GitFixture.executable, "-C", ana, "set", "acme", "status=inactive"], environment: environment).status == 0)
        #expect(try GitFixture.shell([GitFixture.executable, "-C", ben, "set", "acme", "owner=petr"], environment: token).status == 0)
        let pushed = try GitFixture.shell([GitFixture.executable, "-C", ana, "sync"], environment: environment)
        #expect(pushed.status == 0, "\(pushed.errors)")
        let merged = try GitFixture.shell([GitFixture.executable, "-C", ben, "sync"], environment: token)
        #expect(merged.status == 0, "\(merged.errors)")
        let record = try String(contentsOfFile: ben + "/customers/acme.yaml", encoding: .utf8)
        #expect(record.contains("status: inactive\n") && record.contains("owner: petr\n"), "\(record)")
        let served = try LoopbackServer.run(["git", "-C", server.root + "/crm.git", "show", "HEAD:customers/acme.yaml"])
        #expect(served.contains("status: inactive\n") && served.contains("owner: petr\n"), "\(served)")
    }
}
