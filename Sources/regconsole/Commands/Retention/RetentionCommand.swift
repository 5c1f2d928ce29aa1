import ArgumentParser

/// `regconsole retention …`: a Harbor project's own tag retention policy.
struct RetentionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: "Show, preview, dry-run, run and edit a Harbor project's tag retention policy.",
        discussion: """
            A policy's rules are "or"-ed: an artifact is kept when any enabled rule keeps it; the rest of \
            the repositories the rules cover is deleted, except artifacts an immutability rule protects. \
            `preview` is regconsole's own reading of the policy; `dry-run` asks Harbor and compares.
            """,
        subcommands: [
            RetentionShowCommand.self, RetentionPreviewCommand.self, RetentionDryRunCommand.self,
            RetentionRunCommand.self, RetentionRuleCommand.self,
        ],
        defaultSubcommand: RetentionShowCommand.self)
}
