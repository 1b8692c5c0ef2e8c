#if canImport(Glibc)
import Glibc
#endif
internal import CGit2

extension Repository {
    /// The remotes, by name.
    public func remoteNames() throws(GitError) -> [String] {
        var names = git_strarray()
        try check(git_remote_list(&names, pointer), "list the remotes")
        defer { git_strarray_dispose(&names) }
        return (0..<names.count).compactMap { names.strings[$0].map { String(cString: $0) } }
    }

    /// The branch HEAD is on (`main`), or `nil` when HEAD is detached.
    public func currentBranch() throws(GitError) -> String? {
        var head: OpaquePointer?
        let result = git_repository_head(&head, pointer)
        if result == GIT_EUNBORNBRANCH.rawValue {
            var symbolic: OpaquePointer?
            try check(git_reference_lookup(&symbolic, pointer, "HEAD"), "read HEAD")
            defer { git_reference_free(symbolic) }
            return git_reference_symbolic_target(symbolic).map { String(String(cString: $0).dropFirst("refs/heads/".count)) }
        }
        try check(result, "read HEAD")
        defer { git_reference_free(head) }
        guard git_reference_is_branch(head) != 0 else { return nil }
        return String(cString: git_reference_shorthand(head))
    }

    /// The remote the branch tracks, if it tracks one.
    public func upstreamRemote(of branch: String) -> String? {
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        guard git_branch_upstream_remote(&buffer, pointer, "refs/heads/\(branch)") == 0, let text = buffer.ptr else { return nil }
        return String(cString: text)
    }

    /// Makes `branch` track the branch of the same name on `remote`, as `git push -u` does.
    public func setUpstream(of branch: String, to remote: String) throws(GitError) {
        var reference: OpaquePointer?
        try check(git_branch_lookup(&reference, pointer, branch, GIT_BRANCH_LOCAL), "find the branch \(branch)")
        defer { git_reference_free(reference) }
        try check(git_branch_set_upstream(reference, "\(remote)/\(branch)"), "make \(branch) track \(remote)/\(branch)")
    }

    /// The commit a reference points to, or `nil` when there is no such reference.
    public func commitID(of reference: String) throws(GitError) -> String? {
        var oid = git_oid()
        let result = git_reference_name_to_id(&oid, pointer, reference)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "read \(reference)")
        return hex(&oid)
    }

    /// How many commits `local` has that `upstream` lacks, and the other way round.
    public func aheadBehind(_ local: String, _ upstream: String) throws(GitError) -> (ahead: Int, behind: Int) {
        var (localID, upstreamID) = (git_oid(), git_oid())
        try check(git_oid_fromstr(&localID, local), "read commit id '\(local)'")
        try check(git_oid_fromstr(&upstreamID, upstream), "read commit id '\(upstream)'")
        var (ahead, behind) = (0, 0)
        try check(git_graph_ahead_behind(&ahead, &behind, pointer, &localID, &upstreamID), "compare \(local) with \(upstream)")
        return (ahead, behind)
    }

    /// Fetches `remote`'s branches into `refs/remotes/REMOTE/`.
    public func fetch(_ remote: String) throws(GitError) {
        try withRemote(remote) { handle, state throws(GitError) in
            var options = git_fetch_options()
            try check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), "prepare the fetch")
            options.callbacks.credentials = credentials
            options.callbacks.payload = UnsafeMutableRawPointer(state)
            try check(git_remote_fetch(handle, nil, &options, "crm sync: fetch"), "fetch from \(remote)")
        }
    }

    /// Pushes `branch` to the branch of the same name on `remote`.
    public func push(_ branch: String, to remote: String) throws(GitError) {
        try withRemote(remote) { handle, state throws(GitError) in
            var options = git_push_options()
            try check(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), "prepare the push")
            options.callbacks.credentials = credentials
            options.callbacks.payload = UnsafeMutableRawPointer(state)
            options.callbacks.push_update_reference = { _, status, payload in
                if let status, let state = payload?.assumingMemoryBound(to: RemoteCallbackState.self) {
                    state.pointee.rejection = String(cString: status)
                }
                return 0
            }
            let refspec = strdup("refs/heads/\(branch):refs/heads/\(branch)")
            defer { free(refspec) }
            var spec: UnsafeMutablePointer<CChar>? = refspec
            try withUnsafeMutablePointer(to: &spec) { strings throws(GitError) in
                var refspecs = git_strarray(strings: strings, count: 1)
                try check(git_remote_push(handle, &refspecs, &options), "push \(branch) to \(remote)")
            }
            if let rejection = state.pointee.rejection {
                throw GitError(operation: "push \(branch) to \(remote)", code: -1, message: rejection)
            }
        }
    }

    private func withRemote(_ name: String, _ body: (OpaquePointer, UnsafeMutablePointer<RemoteCallbackState>) throws(GitError) -> Void) throws(GitError) {
        var remote: OpaquePointer?
        try check(git_remote_lookup(&remote, pointer, name), "find the remote '\(name)'")
        defer { git_remote_free(remote) }
        let state = UnsafeMutablePointer<RemoteCallbackState>.allocate(capacity: 1)
        state.initialize(to: RemoteCallbackState())
        defer { state.deinitialize(count: 1).deallocate() }
        try body(remote!, state)
    }
}

/// What the callbacks of one fetch or push remember: the credentials offered, and a refused update.
private struct RemoteCallbackState {
    var credentialsOffered = false
    var rejection: String?
}

/// Credentials for fetching and pushing: the ssh agent for ssh remotes, and for https the
/// user name and password in `CRM_GIT_USERNAME` and `CRM_GIT_PASSWORD` (a token) when set.
/// They are offered once, so refused credentials end in an error, not in a loop.
private let credentials: git_credential_acquire_cb = { out, _, username, allowed, payload in
    guard let state = payload?.assumingMemoryBound(to: RemoteCallbackState.self), !state.pointee.credentialsOffered else {
        return GIT_EAUTH.rawValue
    }
    state.pointee.credentialsOffered = true
    if allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 {
        if let username { return git_credential_ssh_key_from_agent(out, username) }
        return "git".withCString { git_credential_ssh_key_from_agent(out, $0) }
    }
    if allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0, let user = getenv("CRM_GIT_USERNAME"),
       let password = getenv("CRM_GIT_PASSWORD") {
        return git_credential_userpass_plaintext_new(out, user, password)
    }
    if allowed & GIT_CREDENTIAL_DEFAULT.rawValue != 0 {
        return git_credential_default_new(out)
    }
    return GIT_PASSTHROUGH.rawValue
}
