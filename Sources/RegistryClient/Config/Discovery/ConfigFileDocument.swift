/// The text of the config file `config init` writes: a header on the options, then one commented
/// `[[instances]]` entry per proposal. Every outside string is a quoted TOML string or a comment
/// without control characters.
public enum ConfigFileDocument {
    /// The file for `proposals`, which `Config.parse` reads back as their entries.
    public static func render(_ proposals: [InstanceProposal]) -> String {
        var text = header
        for proposal in proposals { text += "\n" + render(proposal) }
        return text
    }

    private static let header = """
        # regconsole config, written by `regconsole config init`. Check it with `regconsole config check`.
        #
        # Each [[instances]] entry also takes:
        #   production = true    changes ask you to type the instance name first
        #   read_only = true     changes are hidden and refused
        #   insecure = true      plain HTTP and unverified TLS (a self-signed certificate)
        #   username = "NAME" with one of
        #     password_env = "VARIABLE"           the password in an environment variable
        #     password_command = ["cmd", "arg"]   a command that prints it
        # Without username, registries take their login from the docker config (credHelpers,
        # credsStore, auths) at run time. acr entries sign API calls with an Alibaba Cloud AccessKey:
        # profile = "NAME" picks an aliyun CLI profile or a ~/.alibabacloud/credentials section;
        # instance_id = "cri-..." shows one instance instead of every one in the region.
        # Top-level settings: theme, language, read_only, mouse, [keymap], [limits].

        """

    private static func render(_ proposal: InstanceProposal) -> String {
        let entry = proposal.entry
        var lines = ["# Found in \(comment(proposal.origin))", "# Credentials: \(comment(proposal.credentials))"]
        lines += proposal.notes.map { "# Note: \(comment($0))" }
        lines.append("[[instances]]")
        func key(_ name: String, _ value: String?) {
            if let value { lines.append("\(name) = \(TOMLString.quoted(value))") }
        }
        key("name", entry.name)
        key("kind", entry.kind.rawValue)
        key("url", entry.url?.absoluteString)
        key("region", entry.region)
        if entry.kind == .acr, entry.edition == .personal { key("edition", entry.edition.rawValue) }
        key("registry", entry.registry)
        key("instance_id", entry.instanceID)
        key("endpoint", entry.endpoint?.absoluteString)
        key("profile", entry.profile)
        lines += ["# production = true", "# read_only = true"]
        if entry.kind != .acr { lines.append("# insecure = true") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` on one comment line: control characters become `?`.
    private static func comment(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "?" : $0 }))
    }
}
