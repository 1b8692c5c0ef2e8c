/// The message `key` in the run's language (`Translation.current`), placeholders filled in.
public func tr(_ key: String, _ values: [String: String] = [:]) -> String {
    Translation.current.text(key, values)
}

/// The plural message `key` for `count` in the run's language: `1 day`, `5 dní`.
public func tr(_ key: String, count: Int, _ values: [String: String] = [:]) -> String {
    Translation.current.count(key, count, values)
}
