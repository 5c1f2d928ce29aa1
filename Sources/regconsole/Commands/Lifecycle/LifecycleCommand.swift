import ArgumentParser

/// `regconsole lifecycle …`: retention rules, their dry-run plans, and applying them.
struct LifecycleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lifecycle",
        abstract: "Edit lifecycle (retention) rules, preview what they delete, and apply them safely.",
        discussion: """
            Within its scope a rule keeps the retention_tag_count newest tags, tags whose name contains a match of
            tag_regexp, and tags pushed within keep_pushed_within_days; every other tag in scope is deleted. Rules
            are OR-ed, and a digest a kept tag shares is never deleted. Rules of distribution registries are kept in
            $XDG_DATA_HOME/regconsole/<instance>/lifecycle.toml and run by `lifecycle apply`; ACR rules live on the
            registry.
            """,
        subcommands: [
            LifecycleListCommand.self, LifecyclePlanCommand.self, LifecycleApplyCommand.self,
            LifecycleCreateCommand.self,
            LifecycleUpdateCommand.self, LifecycleDeleteCommand.self,
        ])
}
