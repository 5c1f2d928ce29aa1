import RegistryClient

/// The texts of Harbor's tag retention rules, the dry-run comparison and immutability rules.
extension Catalog {
    static let retentionEnglish: [Message: String] = [
        .harborRetention: "retention rules", .emptyHarborRetention: "No retention rules. Press n to add one.",
        .retentionSchedule: "cron {0}", .retentionScheduleManual: "run by hand",
        .columnTagPattern: "TAGS", .columnTemplate: "TEMPLATE", .columnRepos: "REPOS", .columnUntagged: "UNTAGGED",
        .columnDisabled: "DISABLED",
        .columnPreview: "PREVIEW", .columnServer: "SERVER",
        .templateLatestPushed: "the {0} most recently pushed", .templateLatestPulled: "the {0} most recently pulled",
        .templateDaysPushed: "pushed within {0} days", .templateDaysPulled: "pulled within {0} days",
        .templateAlways: "always", .templateLatestActive: "the {0} most recently active",
        .templateLastDays: "pushed in the last {0} days",
        .selectorAny: "any", .selectorMatching: "matching {0}", .selectorExcluding: "excluding {0}",
        .decisionImmutable: "immutable", .decisionError: "error",
        .actionDryRun: "server dry run",
        .retentionEditor: "retention rule", .fieldTemplate: "Keep", .fieldParameter: "Count or days",
        .hintParameter: "0 to 32766; none for always", .fieldTagSelector: "Tags", .fieldTagMode: "Tags are",
        .fieldRepoSelector: "Repositories", .fieldRepoMode: "Repositories are", .fieldUntagged: "Untagged too",
        .fieldDisabled: "Disabled", .modeMatching: "matching", .modeExcluding: "excluding",
        .retentionPreviewTotals: "keep {0} · delete {1} · immutable {2}", .retentionGoes: "goes: {0}",
        .retentionSaved: "Saved the retention policy of {0}",
        .retentionRuleDeleteTitle: "Delete retention rule {0}?",
        .retentionRuleDeleteBody: "The policy keeps its other rules; nothing is deleted until it runs.",
        .retentionDryRunning: "Dry run of {0}'s policy on the server…",
        .retentionCompareTitle: "server dry run vs preview",
        .retentionSummary: "server and preview agree on {0} of {1} tags; {2} differ",
        .retentionRunTitle: "Run the retention policy of {0} now?",
        .retentionRunBody: "Harbor deletes, for real, every artifact in the rules' repositories that no rule keeps.",
        .retentionRunConfirm: "Run for real", .retentionRunning: "Running the retention policy of {0}…",
        .retentionRunDone: "Retention run {0} {1}: deleted {2} {2|artifact|artifacts}",
        .retentionNoPolicy: "{0} has no retention policy yet: press n to add a rule.",
        .retentionEditorKeys: "enter saves · esc leaves · ←/→ change a choice",
        .immutableRules: "immutable tags", .emptyImmutable: "No immutability rules. Press n to add one.",
        .immutableNew: "New immutability rule", .immutableDeleteTitle: "Delete immutability rule {0}?",
        .immutableDeleteBody: "Its tags can be deleted and pushed over again.", .immutableDeleteConfirm: "Delete rule",
        .immutableSaved: "Saved immutability rule {0}", .immutableDeleted: "Deleted immutability rule {0}",
        .immutableEnabled: "Enabled immutability rule {0}", .immutableDisabled: "Disabled immutability rule {0}",
        .commandImmutable: "immutable tag rules of a Harbor project",
    ]

    static let retentionChinese: [Message: String] = [
        .harborRetention: "保留规则", .emptyHarborRetention: "没有保留规则。按 n 添加。",
        .retentionSchedule: "计划 {0}", .retentionScheduleManual: "手动执行",
        .columnTagPattern: "标签", .columnTemplate: "模板", .columnRepos: "仓库", .columnUntagged: "无标签",
        .columnDisabled: "停用",
        .columnPreview: "预览", .columnServer: "服务端",
        .templateLatestPushed: "最近推送的 {0} 个", .templateLatestPulled: "最近拉取的 {0} 个",
        .templateDaysPushed: "{0} 天内推送的", .templateDaysPulled: "{0} 天内拉取的",
        .templateAlways: "全部保留", .templateLatestActive: "最近活跃的 {0} 个", .templateLastDays: "最近 {0} 天推送的",
        .selectorAny: "全部", .selectorMatching: "匹配 {0}", .selectorExcluding: "排除 {0}",
        .decisionImmutable: "不可变", .decisionError: "错误",
        .actionDryRun: "服务端试运行",
        .retentionEditor: "保留规则", .fieldTemplate: "保留", .fieldParameter: "数量或天数",
        .hintParameter: "0 到 32766；全部保留时留空", .fieldTagSelector: "标签", .fieldTagMode: "标签方式",
        .fieldRepoSelector: "仓库", .fieldRepoMode: "仓库方式", .fieldUntagged: "包含无标签",
        .fieldDisabled: "停用", .modeMatching: "匹配", .modeExcluding: "排除",
        .retentionPreviewTotals: "保留 {0} · 删除 {1} · 不可变 {2}", .retentionGoes: "将删除：{0}",
        .retentionSaved: "已保存 {0} 的保留策略",
        .retentionRuleDeleteTitle: "删除保留规则 {0}？",
        .retentionRuleDeleteBody: "策略的其他规则保持不变；执行前不会删除任何内容。",
        .retentionDryRunning: "正在服务端试运行 {0} 的保留策略…",
        .retentionCompareTitle: "服务端试运行与预览对比",
        .retentionSummary: "服务端与预览在 {1} 个标签中有 {0} 个一致；{2} 个不同",
        .retentionRunTitle: "立即执行 {0} 的保留策略？",
        .retentionRunBody: "Harbor 将真正删除规则所涉仓库中没有任何规则保留的制品。",
        .retentionRunConfirm: "真正执行", .retentionRunning: "正在执行 {0} 的保留策略…",
        .retentionRunDone: "保留执行 {0} {1}：删除了 {2} 个制品",
        .retentionNoPolicy: "{0} 还没有保留策略：按 n 添加规则。",
        .retentionEditorKeys: "回车保存 · esc 离开 · ←/→ 切换选项",
        .immutableRules: "不可变标签", .emptyImmutable: "没有不可变规则。按 n 添加。",
        .immutableNew: "新建不可变规则", .immutableDeleteTitle: "删除不可变规则 {0}？",
        .immutableDeleteBody: "删除后这些标签可以再次被删除和覆盖。", .immutableDeleteConfirm: "删除规则",
        .immutableSaved: "已保存不可变规则 {0}", .immutableDeleted: "已删除不可变规则 {0}",
        .immutableEnabled: "已启用不可变规则 {0}", .immutableDisabled: "已停用不可变规则 {0}",
        .commandImmutable: "Harbor 项目的不可变标签规则",
    ]
}

extension Catalog {
    /// What a Harbor retention rule keeps, in words: "the 3 most recently pushed".
    func templateWords(_ rule: HarborRetentionRule) -> String {
        let n = rule.parameter.map(String.init) ?? "n"
        switch rule.kind {
        case .latestPushedK: return self[.templateLatestPushed, n]
        case .latestPulledN: return self[.templateLatestPulled, n]
        case .nDaysSinceLastPush: return self[.templateDaysPushed, n]
        case .nDaysSinceLastPull: return self[.templateDaysPulled, n]
        case .always: return self[.templateAlways]
        case .latestActiveK: return self[.templateLatestActive, n]
        case .lastXDays: return self[.templateLastDays, n]
        case nil: return rule.template
        }
    }

    /// A doublestar selector in words: "any", "matching v*", "excluding tmp/**".
    func selectorWords(_ selector: HarborRetentionRule.Selector) -> String {
        let pattern = selector.pattern.isEmpty ? "**" : selector.pattern
        if pattern == "**" && !selector.excludes { return self[.selectorAny] }
        return self[selector.excludes ? .selectorExcluding : .selectorMatching, pattern]
    }

    /// A retention decision's word: keep, delete, immutable.
    func decision(_ decision: RetentionDecision?) -> String {
        switch decision {
        case .keep: self[.decisionKeep]
        case .delete: self[.decisionDelete]
        case .immutable: self[.decisionImmutable]
        case nil: self[.decisionError]
        }
    }

    /// A policy's schedule: "schedule cron 0 0 2 * * *" or "run by hand".
    func retentionSchedule(_ policy: HarborRetentionPolicy?) -> String {
        guard let policy, !policy.schedule.isEmpty else { return self[.retentionScheduleManual] }
        return self[.retentionSchedule, policy.schedule]
    }
}
