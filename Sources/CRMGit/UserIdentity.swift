import CRMWorkspace

/// Who runs `crm`, for `--owner me` and a new call's `by`: `$CRM_USER`, else git's `crm.user`,
/// else the part of git's `user.email` before the @, else git's `user.name`, else `$USER`.
/// Records name people by short names (`jana`), so each of these may be the one they use;
/// queries take any of them for `me`.
public struct UserIdentity: Sendable {
    /// The names that mean "me", the preferred one first.
    public let names: [String]
    /// The user's e-mail address (git's `user.email`), when set.
    public let email: String?

    public init(workspace: Workspace, environment: [String: String]) {
        func config(_ key: String) -> String? {
            let repository = try? Repository.discover(containing: workspace.root)
            let value = repository.map { try? $0.configValue(key) } ?? (try? Repository.globalConfigValue(key))
            return value.flatMap { $0 }
        }
        let address = config("user.email").flatMap { $0.isEmpty ? nil : $0 }
        email = address
        let local = address.flatMap { $0.split(separator: "@").first.map(String.init) }
        let candidates = [environment["CRM_USER"], config("crm.user"), local, config("user.name"), environment["USER"]]
        var names: [String] = []
        for case let name? in candidates where !name.isEmpty && !names.contains(name) { names.append(name) }
        self.names = names
    }

    /// The name to write as the person who did something.
    public var name: String? { names.first }

    /// True when `value` names this person.
    public func matches(_ value: String) -> Bool {
        let folded = TextFold.fold(value)
        return !folded.isEmpty && names.contains { TextFold.fold($0) == folded }
    }
}
