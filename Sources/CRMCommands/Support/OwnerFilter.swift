import CRMGit
import CRMLocale
import CRMWorkspace

extension UserIdentity {
    /// A test for `--owner NAME`: `me` is this person, any other name matches itself.
    static func ownerFilter(_ option: String?, context: CommandContext) throws(CommandError) -> ((String) -> Bool)? {
        guard let option else { return nil }
        if option == "me" {
            let identity = UserIdentity(workspace: try context.workspace(), environment: context.environment)
            guard !identity.names.isEmpty else {
                throw CommandError(tr("err-who-is-me"), hint: tr("hint-who-is-me"))
            }
            return identity.matches
        }
        let folded = TextFold.fold(option)
        return { TextFold.fold($0) == folded }
    }
}
