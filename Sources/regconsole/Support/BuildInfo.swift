import CBuildInfo

/// What `--version` prints: the release and the commit the binary was built from.
enum BuildInfo {
    /// The release number.
    static let version = "0.1.0"

    /// The short commit hash (`-dirty` when built with uncommitted changes), or `unknown`.
    static var commit: String { String(cString: regconsole_build_commit()) }

    /// `0.1.0 (c5d56ca)`.
    static var versionLine: String { "\(version) (\(commit))" }
}
