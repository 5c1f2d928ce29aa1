/// Where an instance's credentials come from, as its config entry says. Holds references to
/// secrets (an environment variable, a command), or a plain password from a 0600 file.
public enum CredentialSource: Sendable, Equatable {
    /// No credentials in the config: fall back to the docker and containers auth files.
    case unspecified
    /// Password from an environment variable.
    case passwordEnvironment(username: String, variable: String)
    /// Password printed by a command (argv, no shell).
    case passwordCommand(username: String, arguments: [String])
    /// Password written in the config file (only accepted when the file is mode 0600).
    case password(username: String, password: String)

    /// A description that names the reference but never the secret.
    public var summary: String {
        switch self {
        case .unspecified: "none configured"
        case .passwordEnvironment(let user, let variable): "user '\(user)', password from $\(variable)"
        case .passwordCommand(let user, let arguments):
            "user '\(user)', password from command '\(arguments.first ?? "")'"
        case .password(let user, _): "user '\(user)', password in the config file"
        }
    }
}
