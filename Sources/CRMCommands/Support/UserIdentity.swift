import CRMGit
import CRMWorkspace

/// Who runs `crm`, for `--owner me` and a new call's `by`: `$CRM_USER`, else git's `crm.user`,
/// else the part of git's `user.email` before the @, else git's `user.name`, else `$USER`.
/// Records name people by short names (`jana`), so each of these may be the one they use.
struct UserIdentity {
    /// The names that mean "me", the preferred one first.
    let names: [String]

    init(workspace: Workspace, environment: [String: String]) {
        func config(_ key: String) -> String? {
            let repository = try? Repository.discover(containing: workspace.root)
            let value = repository.map { try? $0.configValue(key) } ?? (try? Repository.globalConfigValue(key))
            return value.flatMap { $0 }
        }
        let email = config("user.email").flatMap { $0.split(separator: "@").first.map(String.init) }
        let candidates = [environment["CRM_USER"], config("crm.user"), email, config("user.name"), environment["USER"]]
        var names: [String] = []
        for case let name? in candidates where !name.isEmpty && !names.contains(name) { names.append(name) }
        self.names = names
    }

    /// The name to write as the person who did something.
    var name: String? { names.first }

    /// True when `value` names this person.
    func matches(_ value: String) -> Bool {
        let folded = TextFold.fold(value)
        return !folded.isEmpty && names.contains { TextFold.fold($0) == folded }
    }

    /// A test for `--owner NAME`: `me` is this person, any other name matches itself.
    static func ownerFilter(_ option: String?, context: CommandContext) throws(CommandError) -> ((String) -> Bool)? {
        guard let option else { return nil }
        if option == "me" {
            let identity = UserIdentity(workspace: try context.workspace(), environment: context.environment)
            guard !identity.names.isEmpty else {
                throw CommandError("cannot tell who 'me' is", hint: "set CRM_USER, or git config crm.user NAME")
            }
            return identity.matches
        }
        let folded = TextFold.fold(option)
        return { TextFold.fold($0) == folded }
    }
}
