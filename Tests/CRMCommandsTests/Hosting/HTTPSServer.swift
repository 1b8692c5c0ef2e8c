import Foundation

/// Smart HTTP as a git host serves it: `git http-backend` behind nginx (through fcgiwrap) on
/// 127.0.0.1, over TLS with a generated certificate, pushes allowed to one user with basic auth.
struct HTTPSServer {
    let fcgi: LoopbackServer
    let nginx: LoopbackServer
    let folder: String
    /// The repositories served, as `https://127.0.0.1:PORT/NAME.git`.
    let root: String
    let user = "jana"
    let password = "heslo-2026"

    static var isInstalled: Bool {
        ["/usr/sbin/nginx", "/usr/sbin/fcgiwrap", "/usr/lib/git-core/git-http-backend", "/usr/bin/openssl"]
            .allSatisfy(FileManager.default.isExecutableFile(atPath:))
    }

    var base: String { "https://127.0.0.1:\(nginx.port)" }
    var certificate: String { folder + "/cert.pem" }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("crm-https-\(UUID().uuidString.prefix(8))").path
        root = folder + "/repositories"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for path in ["client_body", "proxy", "fastcgi", "uwsgi", "scgi", "logs"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + path, withIntermediateDirectories: true)
        }
        try LoopbackServer.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                                "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", folder + "/key.pem", "-out", folder + "/cert.pem"])
        let hash = try LoopbackServer.run(["openssl", "passwd", "-apr1", password]).trimmingCharacters(in: .newlines)
        try "\(user):\(hash)\n".write(toFile: folder + "/htpasswd", atomically: true, encoding: .utf8)
        let socket = folder + "/fcgi.sock"
        fcgi = try LoopbackServer(folder: folder, port: 0, arguments: ["/usr/sbin/fcgiwrap", "-s", "unix:" + socket],
                                  ready: { FileManager.default.fileExists(atPath: socket) }, removesFolder: false)
        let port = LoopbackServer.freePort()
        try """
            daemon off;
            master_process off;
            pid \(folder)/nginx.pid;
            error_log \(folder)/logs/error.log;
            events { worker_connections 64; }
            http {
              access_log off;
              client_body_temp_path \(folder)/client_body;
              proxy_temp_path \(folder)/proxy;
              fastcgi_temp_path \(folder)/fastcgi;
              uwsgi_temp_path \(folder)/uwsgi;
              scgi_temp_path \(folder)/scgi;
              client_max_body_size 0;
              server {
                listen 127.0.0.1:\(port) ssl;
                ssl_certificate \(folder)/cert.pem;
                ssl_certificate_key \(folder)/key.pem;
                location / {
                  auth_basic "crm";
                  auth_basic_user_file \(folder)/htpasswd;
                  include /etc/nginx/fastcgi_params;
                  fastcgi_param SCRIPT_FILENAME /usr/lib/git-core/git-http-backend;
                  fastcgi_param GIT_PROJECT_ROOT \(root);
                  fastcgi_param GIT_HTTP_EXPORT_ALL "";
                  fastcgi_param PATH_INFO $uri;
                  fastcgi_param REMOTE_USER $remote_user;
                  fastcgi_pass unix:\(socket);
                }
              }
            }

            """.write(toFile: folder + "/nginx.conf", atomically: true, encoding: .utf8)
        nginx = try LoopbackServer(folder: folder, port: port, arguments: ["/usr/sbin/nginx", "-p", folder, "-c", folder + "/nginx.conf"])
    }
}
