import Foundation
import RegistryClient

/// The strings of one language, looked up by `Message` and filled with arguments.
public struct Catalog: Sendable {
    public let language: Language
    private let texts: [Message: String]

    /// The catalog for a language.
    public init(_ language: Language) {
        self.language = language
        self.texts = language == .english ? Self.english : Self.simplifiedChinese
    }

    /// A delete refusal in this language.
    public func describe(_ refusal: DeleteRefusal) -> String {
        switch refusal {
        case .tagMissing(let tag): self[.refusalTagMissing, tag]
        case .digestMissing(let digest, let repository): self[.refusalDigestMissing, digest.short, repository]
        case .sharedDigest(let requested, let digest, let others):
            self[.refusalSharedDigest, requested.joined(separator: ", "), digest.short, others.joined(separator: ", ")]
        case .tagMoved(let tag, let now, let planned): self[.refusalTagMoved, tag, now?.short ?? "-", planned.short]
        case .tagsAdded(let tags, let digest): self[.refusalTagsAdded, tags.joined(separator: ", "), digest.short]
        }
    }

    /// Why the lifecycle engine keeps or deletes a tag, in this language.
    public func describe(_ reason: LifecyclePlan.Reason) -> String {
        switch reason {
        case .newest(let rank, let count): self[.reasonNewest, rank, count]
        case .matches(let pattern): self[.reasonMatches, pattern]
        case .pushedWithin(let days): self[.reasonPushedWithin, days]
        case .sharesDigest(let tag): self[.reasonSharesDigest, tag]
        case .createdUnknown: self[.reasonCreatedUnknown]
        case .unreadable(let why): self[.reasonUnreadable, why]
        case .referrersTag: self[.reasonReferrers]
        case .notCovered: self[.reasonNotCovered]
        case .notKept(let count, let pattern, let days):
            self[
                .reasonDeleted,
                [
                    count.map { self[.notKeptCount, $0] }, pattern.map { self[.notKeptPattern, $0] },
                    days.map { self[.notKeptDays, $0] },
                ].compactMap { $0 }.joined(separator: language == .english ? ", " : "，")]
        }
    }

    /// A severity's word: `critical`, `严重`.
    public func severity(_ severity: Severity) -> String {
        switch severity {
        case .critical: self[.severityCritical]
        case .high: self[.severityHigh]
        case .medium: self[.severityMedium]
        case .low: self[.severityLow]
        case .negligible: self[.severityNegligible]
        case .unknown: self[.severityUnknown]
        }
    }

    /// A visibility's word: `public`, `公开`.
    public func visibility(_ visibility: RepositoryVisibility) -> String {
        switch visibility {
        case .public: self[.visibilityPublic]
        case .private: self[.visibilityPrivate]
        }
    }

    /// The text of a message with `{0}`, `{1}`… replaced by the arguments and `{1|one|other}` by the
    /// form the count in argument 1 takes.
    public subscript(_ message: Message, _ arguments: CustomStringConvertible...) -> String {
        var text = choosingForms(texts[message] ?? Self.english[message] ?? message.rawValue, arguments)
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument.description)
        }
        return text
    }

    static let english: [Message: String] = [
        .instances: "instances", .namespaces: "namespaces", .repositories: "repositories", .tags: "tags",
        .artifact: "artifact",
        .rootNamespace: "(root)",
        .columnName: "NAME", .columnKind: "KIND", .columnURL: "URL", .columnRegion: "REGION", .columnOrigin: "ORIGIN",
        .columnStatus: "STATUS", .columnFlags: "FLAGS", .columnNamespace: "NAMESPACE", .columnRepositories: "REPOS",
        .columnRepository: "REPOSITORY", .columnTags: "TAGS", .columnTag: "TAG", .columnDigest: "DIGEST",
        .columnSize: "SIZE",
        .columnCreated: "CREATED", .columnPlatforms: "PLATFORMS",
        .statusChecking: "checking…", .statusOK: "ok", .flagReadOnly: "read-only", .flagProduction: "production",
        .flagInsecure: "insecure",
        .counterLoading: "{0} loaded…", .counterDone: "{0}", .counterFiltered: "{0} of {1}",
        .counterDetails: "details {0}/{1}",
        .loading: "Loading…",
        .emptyInstances:
            "No instances. Add [[instances]] to the config file\n{0}\nor log in to a registry with docker login.",
        .emptyNamespaces: "No namespaces.", .emptyRepositories: "No repositories.", .emptyTags: "No tags.",
        .loadFailed: "Could not load: {0}",
        .tabOverview: "Overview", .tabPlatforms: "Platforms", .tabLayers: "Layers", .tabConfig: "Config",
        .tabHistory: "History",
        .tabReferrers: "Referrers", .tabManifest: "Manifest",
        .labelReference: "Reference", .labelDigest: "Digest", .labelMediaType: "Media type", .labelSize: "Size",
        .labelCreated: "Created", .labelPlatforms: "Platforms", .labelArtifactType: "Artifact type",
        .labelAnnotations: "Annotations",
        .labelEntrypoint: "Entrypoint", .labelCmd: "Cmd", .labelWorkingDir: "Working dir", .labelUser: "User",
        .labelEnv: "Env",
        .labelLabels: "Labels", .labelPorts: "Exposed ports", .labelPlatform: "Platform", .labelFoundBy: "found by",
        .labelSharedWith: "Same digest as",
        .noReferrers: "No referrers (signatures, SBOMs, scan reports) are attached.",
        .noHistory: "No build history in the config.", .noLayers: "No layers.", .attestation: "attestation",
        .helpTitle: "Keys", .helpPane: "This pane", .helpNavigation: "Navigation", .helpGeneral: "General",
        .helpCommands: "Commands (:)", .helpFilter: "Filter (/)",
        .actionUp: "up", .actionDown: "down", .actionPageUp: "page up", .actionPageDown: "page down",
        .actionTop: "first row",
        .actionBottom: "last row", .actionOpen: "open", .actionBack: "back", .actionQuit: "quit",
        .actionFilter: "filter",
        .actionCommand: "command", .actionHelp: "help", .actionMark: "mark", .actionClearMarks: "clear marks",
        .actionDelete: "delete", .actionRefresh: "refresh", .actionCopyTag: "copy pull by tag",
        .actionCopyDigest: "copy pull by digest",
        .actionNextTab: "next tab", .actionPreviousTab: "previous tab", .actionSortName: "sort by name",
        .actionSortSemver: "sort by version", .actionSortCreated: "sort by created", .actionSortSize: "sort by size",
        .actionSortSeverity: "sort by severity",
        .actionToggleReferrers: "show/hide sha256-… referrer tags",
        .commandContext: "switch instance", .commandNamespace: "repositories of a namespace",
        .commandRepositories: "repositories of an instance or a namespace", .commandTags: "tags of a repository",
        .commandQuit: "quit", .commandHelp: "this help", .commandInstances: "the instances",
        .commandNeedsInstance: "Open an instance first, or name one: {0} (instances: {1})", .commandUsage: "Usage: {0}",
        .knownInstances: "instances: {0}",
        .hintNextField: "next field", .hintPreviousField: "previous field", .hintSave: "save", .hintCancel: "cancel",
        .filterSyntax: "text = substring · re:REGEX · -f TEXT or ~TEXT = fuzzy · !… = inverse",
        .copied: "Copied: {0}", .copyNeedsDigest: "The digest of {0} is not known yet; try again in a moment",
        .readOnly: "{0} is read-only: deleting is off", .nothingSelected: "Nothing selected",
        .unknownCommand: "Unknown command '{0}' (see ? for commands)", .invalidFilter: "Invalid filter: {0}",
        .refreshing: "Refreshing…", .unknownInstance: "No instance named '{0}'", .sortedBy: "Sorted by {0}",
        .sortLabelVersion: "VERSION",
        .referrersShown: "Showing referrer tags", .referrersHidden: "Hiding referrer tags",
        .invalidTagName: "⚠ invalid name", .copyRefused: "Not copied: {0} holds control characters",
        .restoreFailed: "Could not reopen {0}: {1}",
        .deleteTitle: "Delete from {0}", .deletePlanning: "Planning the delete…",
        .deleteLine: "delete  {0}  (tags: {1})", .refuseLine: "refuse  {0}: {1}", .deleteCancel: "Cancel",
        .deleteConfirm: "Delete",
        .deleteTypePrompt: "Type '{0}' to confirm:", .deleteProgress: "Deleting {0}/{1}…",
        .deleteDone: "Deleted {0} {0|manifest|manifests}", .deleteSkipped: "{0} skipped: {1}",
        .deleteFailed: "Delete failed: {0}",
        .deleteNothing: "Nothing to delete: {0}",
        .deleteGarbageCollection: "storage is freed when the registry's garbage collection runs",
        .refusalTagMissing: "tag '{0}' does not exist", .refusalDigestMissing: "{0} is not in {1}",
        .refusalSharedDigest: "{0} shares digest {1} with {2}, which would be deleted too; mark them too",
        .refusalTagMoved: "tag '{0}' now points at {1} (planned: {2})",
        .refusalTagsAdded: "tag {0} was pushed onto {1} after the plan",
        .columnScan: "SCAN", .columnSeverity: "SEVERITY", .columnID: "ID", .columnPackage: "PACKAGE",
        .columnInstalled: "INSTALLED",
        .columnFixed: "FIXED", .columnCVSS: "CVSS", .columnTitle: "TITLE", .columnChange: "CHANGE",
        .columnFixes: "FIXES",
        .columnUpgradeTo: "UPGRADE TO", .columnFindings: "FINDINGS", .columnWorst: "WORST", .columnFixable: "FIXABLE",
        .findings: "findings", .findingDetail: "finding", .vulnerabilityOverview: "vulnerabilities", .diffTitle: "diff",
        .noReport: "No scan report for {0}. Attach one with: regconsole scan attach {0} REPORT",
        .scanLoading: "Reading the scan report…",
        .noFindings: "No findings.", .findingsCounter: "{0} {0|finding|findings}", .suppressedCount: "{0} suppressed",
        .expiredCount: "{0} expired",
        .suppressedBy: "suppressed ({0}) by {1} until {2}: {3}",
        .suppressionExpired: "suppression expired {0} ({1}): {2}",
        .severityCritical: "critical", .severityHigh: "high", .severityMedium: "medium", .severityLow: "low",
        .severityNegligible: "negligible", .severityUnknown: "unknown",
        .changeNew: "new", .changeFixed: "fixed", .changeUnchanged: "unchanged",
        .groupedByPackage: "Grouped by package: upgrade to fix", .groupedByVulnerability: "Grouped by vulnerability",
        .ungrouped: "One row per finding",
        .showingSuppressed: "Showing suppressed findings", .hidingSuppressed: "Hiding suppressed findings",
        .diffNeedsTwo: "Mark two tags (space) to compare them",
        .labelSeverity: "Severity", .labelPackage: "Package", .labelInstalled: "Installed", .labelFixed: "Fixed in",
        .labelCVSS: "CVSS",
        .labelLayer: "Layer", .labelTarget: "Found in", .labelAliases: "Aliases", .labelLinks: "Links",
        .labelDescription: "Description", .labelStatus: "Status",
        .suppressTitle: "Suppress {0}", .suppressStatus: "Decision", .suppressScope: "Applies to",
        .suppressPackageOnly: "Only in {0}",
        .suppressReason: "Reason", .suppressOwner: "Owner", .suppressExpires: "Expires (YYYY-MM-DD)",
        .scopeImage: "this image", .scopeRepository: "repository", .scopeNamespace: "namespace",
        .scopeInstance: "whole instance",
        .statusNotAffected: "not affected", .statusAccepted: "risk accepted", .suppressSave: "Save",
        .suppressSaved: "Suppressed {0} ({1})",
        .suppressRemoved: "Removed the suppression of {0}", .unsuppressTitle: "Unsuppress {0}",
        .unsuppressConfirm: "Remove",
        .reasonRequired: "a reason is required", .dateInvalid: "expected a date like 2026-12-31",
        .actionVulnerabilities: "vulnerabilities", .actionDiff: "diff two tags",
        .actionSuppress: "suppress / unsuppress",
        .actionGroupPackages: "group by package", .actionGroupVulnerabilities: "group by vulnerability",
        .actionShowSuppressed: "show suppressed",
        .commandVulns: "newest tag of every repository with its findings", .overviewProgress: "repositories {0}/{1}",
        .columnInstance: "INSTANCE", .columnOlder: "OLDER", .overviewAsOf: "as of {0}", .overviewFilter: "filter: {0}",
        .everyInstance: "every instance", .actionTagScope: "newest tag / every tag",
        .scopeNewestTags: "The newest tag of each repository; OLDER counts older images that also match",
        .scopeAllTags: "Every tagged image, one row per digest",
        .cancel: "Cancel",
        .lifecycleRules: "lifecycle rules", .lifecycleEditor: "rule", .lifecycleRun: "lifecycle run",
        .emptyRules: "No lifecycle rules here. Press n to create one.",
        .columnRule: "RULE", .columnScope: "SCOPE", .columnKeep: "KEEP", .columnSchedule: "SCHEDULE",
        .columnRunsOn: "RUNS ON",
        .columnLastRun: "LAST RUN", .columnDecision: "DECISION", .columnReason: "REASON",
        .runsOnRegistry: "registry", .runsOnRegconsole: "regconsole", .scheduleManual: "manual",
        .fieldScope: "Scope", .fieldKeepCount: "Keep newest", .fieldKeepRegexp: "Keep matching",
        .fieldKeepDays: "Keep days",
        .fieldSchedule: "Schedule", .fieldAuto: "Run automatically",
        .hintKeepCount: "the N newest tags by created time",
        .hintKeepRegexp: "kept when the name contains a match; ^…$ anchors",
        .hintKeepDays: "tags pushed within this many days", .errorWholeNumber: "a whole number, 1 or more",
        .editorKeys: "tab next field · enter save · ctrl-a save and apply · pgup/pgdn scroll preview · esc cancel",
        .previewLoading: "Reading tags {0}/{1}…",
        .previewTotals: "delete {0} of {1} {1|tag|tags} ({2} {2|manifest|manifests}) · keep {3} · frees {4}",
        .previewChanges: "compared with the saved rules: {0} more deleted, {1} fewer", .previewWarning: "warning: {0}",
        .decisionKeep: "keep", .decisionDelete: "delete",
        .reasonNewest: "kept: #{0} of the {1} newest", .reasonMatches: "kept: matches {0}",
        .reasonPushedWithin: "kept: pushed within {0} {0|day|days}",
        .reasonSharesDigest: "kept: shares its digest with kept tag {0}",
        .reasonCreatedUnknown: "kept: creation time unknown",
        .reasonUnreadable: "kept: could not be read ({0})", .reasonReferrers: "kept: referrers tag",
        .reasonNotCovered: "kept: no rule covers it",
        .reasonDeleted: "deleted: {0}", .notKeptCount: "older than the {0} newest",
        .notKeptPattern: "does not match {0}",
        .notKeptDays: "pushed more than {0} {0|day|days} ago",
        .ruleSaved: "Saved rule {0}", .ruleDeleted: "Deleted rule {0}", .ruleDeleteTitle: "Delete rule {0}?",
        .ruleDeleteBody: "The rule goes; no tag is touched.", .ruleDeleteConfirm: "Delete rule",
        .applyTitle: "Apply {0} to {1}",
        .applyBody:
            "delete {0} {0|tag|tags} ({1} {1|manifest|manifests}), keep {2}; frees {3} once the registry collects garbage",
        .applyConfirm: "Delete {0} {0|manifest|manifests}", .applyNothing: "Nothing to delete: every tag is kept",
        .runPending: "pending", .runDeleted: "deleted", .runSkipped: "skipped: {0}", .runFailed: "failed: {0}",
        .runSummary: "Deleted {0}, skipped {1}, failed {2}", .runProgress: "{0}/{1} done",
        .resumeTitle: "Resume the interrupted lifecycle run?",
        .resumeBody: "started {0}: {1} of {2} {2|manifest|manifests} done; only the rest of its list is deleted",
        .resumeConfirm: "Resume",
        .resumeOther:
            "An interrupted lifecycle run on {0} (started {1}, {2} of {3} {3|manifest|manifests} done) comes first: apply its own rules there "
            + "to finish it, or run `regconsole lifecycle apply --resume` or `--discard-journal`",
        .actionLifecycle: "lifecycle rules", .actionCreate: "new", .actionEdit: "edit", .actionApply: "apply",
        .commandLifecycle: "lifecycle rules here (instance, namespace or repository)",
        .columnInstanceID: "ID", .columnSpecification: "SPEC", .columnCredentials: "URL / ACCESSKEY",
        .columnUpdated: "PUSHED",
        .credentialsFrom: "key: {0}",
        .actionScan: "scan (registry's scanner)", .scanStarted: "Scan of {0} started; the SCAN column follows it.",
        .scanRunning: "scanning…", .scanFinished: "Scan of {0} finished.", .scanFailed: "Scan of {0} failed: {1}",
        .scanNotOffered: "{0} does not scan images itself; attach a report with: regconsole scan attach",
        .instanceUnavailable: "{0} cannot be opened: {1}",
        .columnVisibility: "VISIBILITY", .columnAutoCreate: "AUTO-CREATE", .columnSummary: "SUMMARY",
        .visibilityPublic: "public", .visibilityPrivate: "private", .yes: "yes", .no: "no",
        .fieldName: "Name", .fieldNamespace: "Namespace", .fieldVisibility: "Visibility",
        .fieldDefaultVisibility: "Default visibility",
        .fieldAutoCreate: "Create on push", .fieldSummary: "Summary", .fieldTagImmutability: "Immutable tags",
        .hintAutoCreate: "a push to a missing repository creates it",
        .hintTagImmutability: "a pushed tag can never be overwritten",
        .nameRule: "2–{0} of a-z 0-9 {1}; no separator at the ends",
        .valueRequired: "required", .create: "Create", .save: "Save", .saving: "Saving {0}…",
        .deleting: "Deleting {0}…",
        .saveFailed: "Could not save: {0}",
        .readOnlyChanges: "{0} is read-only: creating, editing and deleting are off",
        .namespaceNew: "New namespace", .namespaceEdit: "Edit namespace {0}",
        .namespaceCreated: "Created namespace {0}",
        .namespaceSaved: "Saved namespace {0}", .namespaceDeleted: "Deleted namespace {0}",
        .namespaceDeleteTitle: "Delete namespace {0}",
        .namespaceDeleteBody:
            "Every repository in namespace {0} on {1} is deleted, with all of its tags. This cannot be undone.",
        .namespaceDeleteConfirm: "Delete namespace",
        .repositoryNew: "New repository", .repositoryEdit: "Edit repository {0}",
        .repositoryCreated: "Created repository {0}",
        .repositorySaved: "Saved repository {0}", .repositoryDeleted: "Deleted repository {0}",
        .repositoryDeleteTitle: "Delete repository {0}",
        .repositoryDeleteBody: "Every tag in repository {0} on {1} is deleted. This cannot be undone.",
        .repositoryDeleteConfirm: "Delete repository",
        .tooSmall: "Terminal too small", .tooSmallSize: "{0}×{1} — needs at least {2}×{3}",
        .timeJustNow: "just now", .timeMinutes: "{0}m ago", .timeHours: "{0}h ago", .timeDays: "{0}d ago",
    ]

    static let simplifiedChinese: [Message: String] = [
        .instances: "实例", .namespaces: "命名空间", .repositories: "仓库", .tags: "标签", .artifact: "制品",
        .rootNamespace: "(根)",
        .columnName: "名称", .columnKind: "类型", .columnURL: "地址", .columnRegion: "地域", .columnOrigin: "来源",
        .columnStatus: "状态", .columnFlags: "属性", .columnNamespace: "命名空间", .columnRepositories: "仓库数",
        .columnRepository: "仓库", .columnTags: "标签数", .columnTag: "标签", .columnDigest: "摘要", .columnSize: "大小",
        .columnCreated: "创建时间", .columnPlatforms: "平台",
        .statusChecking: "检查中…", .statusOK: "正常", .flagReadOnly: "只读", .flagProduction: "生产", .flagInsecure: "不安全",
        .counterLoading: "已加载 {0}…", .counterDone: "{0}", .counterFiltered: "{0} / {1}", .counterDetails: "详情 {0}/{1}",
        .loading: "加载中…",
        .emptyInstances: "没有实例。请在以下配置文件中添加 [[instances]]：\n{0}\n或用 docker login 登录镜像仓库。",
        .emptyNamespaces: "没有命名空间。", .emptyRepositories: "没有仓库。", .emptyTags: "没有标签。",
        .loadFailed: "无法加载：{0}",
        .tabOverview: "概览", .tabPlatforms: "平台", .tabLayers: "镜像层", .tabConfig: "配置", .tabHistory: "构建历史",
        .tabReferrers: "关联制品", .tabManifest: "清单",
        .labelReference: "引用", .labelDigest: "摘要", .labelMediaType: "媒体类型", .labelSize: "大小",
        .labelCreated: "创建时间", .labelPlatforms: "平台", .labelArtifactType: "制品类型", .labelAnnotations: "注解",
        .labelEntrypoint: "入口命令", .labelCmd: "启动命令", .labelWorkingDir: "工作目录", .labelUser: "用户", .labelEnv: "环境变量",
        .labelLabels: "标注", .labelPorts: "暴露端口", .labelPlatform: "平台", .labelFoundBy: "发现方式",
        .labelSharedWith: "摘要相同的标签", .noReferrers: "没有关联制品（签名、SBOM、扫描报告）。",
        .noHistory: "配置中没有构建历史。", .noLayers: "没有镜像层。", .attestation: "证明",
        .helpTitle: "快捷键", .helpPane: "当前面板", .helpNavigation: "导航", .helpGeneral: "通用",
        .helpCommands: "命令（:）", .helpFilter: "过滤（/）",
        .actionUp: "上移", .actionDown: "下移", .actionPageUp: "上一页", .actionPageDown: "下一页", .actionTop: "第一行",
        .actionBottom: "最后一行", .actionOpen: "打开", .actionBack: "返回", .actionQuit: "退出", .actionFilter: "过滤",
        .actionCommand: "命令", .actionHelp: "帮助", .actionMark: "标记", .actionClearMarks: "清除标记",
        .actionDelete: "删除", .actionRefresh: "刷新", .actionCopyTag: "复制按标签拉取命令", .actionCopyDigest: "复制按摘要拉取命令",
        .actionNextTab: "下一个标签页", .actionPreviousTab: "上一个标签页", .actionSortName: "按名称排序",
        .actionSortSemver: "按版本排序", .actionSortCreated: "按创建时间排序", .actionSortSize: "按大小排序",
        .actionSortSeverity: "按严重程度排序",
        .actionToggleReferrers: "显示/隐藏 sha256-… 关联标签",
        .commandContext: "切换实例", .commandNamespace: "命名空间的仓库",
        .commandRepositories: "实例或命名空间的仓库", .commandTags: "仓库的标签",
        .commandQuit: "退出", .commandHelp: "本帮助", .commandInstances: "实例列表",
        .commandNeedsInstance: "请先打开一个实例，或写明实例：{0}（实例：{1}）", .commandUsage: "用法：{0}",
        .knownInstances: "实例：{0}",
        .hintNextField: "下一项", .hintPreviousField: "上一项", .hintSave: "保存", .hintCancel: "取消",
        .filterSyntax: "文本 = 子串 · re:正则 · -f 文本 或 ~文本 = 模糊 · !… = 反选",
        .copied: "已复制：{0}", .copyNeedsDigest: "{0} 的摘要尚未取得，请稍后再试",
        .readOnly: "{0} 为只读：不能删除", .nothingSelected: "未选择任何项",
        .unknownCommand: "未知命令「{0}」（按 ? 查看命令）", .invalidFilter: "无效的过滤条件：{0}",
        .refreshing: "刷新中…", .unknownInstance: "没有名为「{0}」的实例", .sortedBy: "已按{0}排序", .sortLabelVersion: "版本",
        .referrersShown: "显示关联标签", .referrersHidden: "隐藏关联标签",
        .invalidTagName: "⚠ 名称无效", .copyRefused: "未复制：{0} 含有控制字符",
        .restoreFailed: "无法重新打开 {0}：{1}",
        .deleteTitle: "从 {0} 删除", .deletePlanning: "正在生成删除计划…",
        .deleteLine: "删除  {0}  （标签：{1}）", .refuseLine: "拒绝  {0}：{1}", .deleteCancel: "取消", .deleteConfirm: "删除",
        .deleteTypePrompt: "输入「{0}」以确认：", .deleteProgress: "正在删除 {0}/{1}…",
        .deleteDone: "已删除 {0} 个清单", .deleteSkipped: "跳过 {0} 个：{1}", .deleteFailed: "删除失败：{0}",
        .deleteNothing: "没有可删除的内容：{0}", .deleteGarbageCollection: "镜像仓库执行垃圾回收后才会释放存储空间",
        .refusalTagMissing: "标签「{0}」不存在", .refusalDigestMissing: "{1} 中没有 {0}",
        .refusalSharedDigest: "{0} 与 {2} 共用摘要 {1}，删除会连带删除它们；请一并标记",
        .refusalTagMoved: "标签「{0}」已指向 {1}（计划时为 {2}）", .refusalTagsAdded: "计划之后有标签 {0} 被推送到 {1}",
        .columnScan: "扫描", .columnSeverity: "严重性", .columnID: "编号", .columnPackage: "软件包", .columnInstalled: "已安装",
        .columnFixed: "修复版本", .columnCVSS: "CVSS", .columnTitle: "标题", .columnChange: "变化", .columnFixes: "可修复",
        .columnUpgradeTo: "升级到", .columnFindings: "漏洞", .columnWorst: "最严重", .columnFixable: "可修复",
        .findings: "漏洞", .findingDetail: "漏洞详情", .vulnerabilityOverview: "漏洞总览", .diffTitle: "对比",
        .noReport: "{0} 没有扫描报告。可用 regconsole scan attach {0} 报告文件 附加", .scanLoading: "正在读取扫描报告…",
        .noFindings: "没有漏洞。", .findingsCounter: "{0} 个漏洞", .suppressedCount: "已忽略 {0}", .expiredCount: "已过期 {0}",
        .suppressedBy: "已忽略（{0}），负责人 {1}，至 {2}：{3}", .suppressionExpired: "忽略已于 {0} 过期（{1}）：{2}",
        .severityCritical: "严重", .severityHigh: "高危", .severityMedium: "中危", .severityLow: "低危",
        .severityNegligible: "可忽略", .severityUnknown: "未知",
        .changeNew: "新增", .changeFixed: "已修复", .changeUnchanged: "未变",
        .groupedByPackage: "按软件包分组：升级即可修复", .groupedByVulnerability: "按漏洞分组", .ungrouped: "每行一个漏洞",
        .showingSuppressed: "显示已忽略的漏洞", .hidingSuppressed: "隐藏已忽略的漏洞", .diffNeedsTwo: "请先用空格标记两个标签再对比",
        .labelSeverity: "严重性", .labelPackage: "软件包", .labelInstalled: "已安装版本", .labelFixed: "修复版本", .labelCVSS: "CVSS",
        .labelLayer: "镜像层", .labelTarget: "位置", .labelAliases: "别名", .labelLinks: "链接", .labelDescription: "描述",
        .labelStatus: "状态",
        .suppressTitle: "忽略 {0}", .suppressStatus: "结论", .suppressScope: "适用范围", .suppressPackageOnly: "仅限 {0}",
        .suppressReason: "原因", .suppressOwner: "负责人", .suppressExpires: "到期日（YYYY-MM-DD）",
        .scopeImage: "此镜像", .scopeRepository: "仓库", .scopeNamespace: "命名空间", .scopeInstance: "整个实例",
        .statusNotAffected: "不受影响", .statusAccepted: "接受风险", .suppressSave: "保存", .suppressSaved: "已忽略 {0}（{1}）",
        .suppressRemoved: "已取消对 {0} 的忽略", .unsuppressTitle: "取消忽略 {0}", .unsuppressConfirm: "取消忽略",
        .reasonRequired: "必须填写原因", .dateInvalid: "日期格式应为 2026-12-31",
        .actionVulnerabilities: "漏洞", .actionDiff: "对比两个标签", .actionSuppress: "忽略 / 取消忽略",
        .actionGroupPackages: "按软件包分组", .actionGroupVulnerabilities: "按漏洞分组", .actionShowSuppressed: "显示已忽略",
        .commandVulns: "每个仓库最新标签的漏洞", .overviewProgress: "仓库 {0}/{1}",
        .columnInstance: "实例", .columnOlder: "更早镜像", .overviewAsOf: "截至 {0}", .overviewFilter: "过滤：{0}",
        .everyInstance: "全部实例", .actionTagScope: "最新标签 / 全部标签",
        .scopeNewestTags: "每个仓库的最新标签；“更早镜像”为同样匹配的更早镜像数",
        .scopeAllTags: "全部已打标签的镜像，每个摘要一行",
        .cancel: "取消",
        .lifecycleRules: "生命周期规则", .lifecycleEditor: "规则", .lifecycleRun: "生命周期执行",
        .emptyRules: "这里没有生命周期规则。按 n 新建。",
        .columnRule: "规则", .columnScope: "范围", .columnKeep: "保留", .columnSchedule: "周期", .columnRunsOn: "执行方",
        .columnLastRun: "上次运行", .columnDecision: "决定", .columnReason: "原因",
        .runsOnRegistry: "镜像仓库", .runsOnRegconsole: "regconsole", .scheduleManual: "手动",
        .fieldScope: "范围", .fieldKeepCount: "保留最新", .fieldKeepRegexp: "保留匹配", .fieldKeepDays: "保留天数",
        .fieldSchedule: "执行周期", .fieldAuto: "自动执行",
        .hintKeepCount: "按创建时间最新的 N 个标签", .hintKeepRegexp: "名称中含有匹配即保留；用 ^…$ 锚定",
        .hintKeepDays: "在这些天内推送的标签", .errorWholeNumber: "应为不小于 1 的整数",
        .editorKeys: "tab 下一项 · enter 保存 · ctrl-a 保存并执行 · pgup/pgdn 滚动预览 · esc 取消",
        .previewLoading: "正在读取标签 {0}/{1}…", .previewTotals: "删除 {1} 个标签中的 {0} 个（{2} 个清单）· 保留 {3} · 释放 {4}",
        .previewChanges: "与已保存的规则相比：多删除 {0} 个，少删除 {1} 个", .previewWarning: "警告：{0}",
        .decisionKeep: "保留", .decisionDelete: "删除",
        .reasonNewest: "保留：最新 {1} 个中的第 {0} 个", .reasonMatches: "保留：匹配 {0}", .reasonPushedWithin: "保留：{0} 天内推送",
        .reasonSharesDigest: "保留：与保留的标签 {0} 共用摘要", .reasonCreatedUnknown: "保留：创建时间未知",
        .reasonUnreadable: "保留：无法读取（{0}）", .reasonReferrers: "保留：引用者标签", .reasonNotCovered: "保留：没有规则覆盖",
        .reasonDeleted: "删除：{0}", .notKeptCount: "不在最新 {0} 个之内", .notKeptPattern: "不匹配 {0}",
        .notKeptDays: "推送已超过 {0} 天",
        .ruleSaved: "已保存规则 {0}", .ruleDeleted: "已删除规则 {0}", .ruleDeleteTitle: "删除规则 {0}？",
        .ruleDeleteBody: "只删除规则，不会删除任何标签。", .ruleDeleteConfirm: "删除规则",
        .applyTitle: "在 {1} 上执行 {0}", .applyBody: "删除 {0} 个标签（{1} 个清单），保留 {2}；镜像仓库回收垃圾后释放 {3}",
        .applyConfirm: "删除 {0} 个清单", .applyNothing: "没有要删除的：所有标签都保留",
        .runPending: "等待", .runDeleted: "已删除", .runSkipped: "已跳过：{0}", .runFailed: "失败：{0}",
        .runSummary: "已删除 {0}，跳过 {1}，失败 {2}", .runProgress: "已完成 {0}/{1}",
        .resumeTitle: "继续被中断的生命周期执行？", .resumeBody: "开始于 {0}：已完成 {2} 个清单中的 {1} 个；只删除清单中剩下的",
        .resumeConfirm: "继续",
        .resumeOther: "{0} 上有一个被中断的生命周期执行（开始于 {1}，已完成 {3} 个清单中的 {2} 个），须先处理：在该处执行它自己的规则以完成它，"
            + "或运行 `regconsole lifecycle apply --resume` 或 `--discard-journal`",
        .actionLifecycle: "生命周期规则", .actionCreate: "新建", .actionEdit: "编辑", .actionApply: "执行",
        .commandLifecycle: "此处（实例、命名空间或仓库）的生命周期规则",
        .columnInstanceID: "实例 ID", .columnSpecification: "规格", .columnCredentials: "地址 / AccessKey",
        .columnUpdated: "推送时间",
        .credentialsFrom: "密钥来源：{0}",
        .actionScan: "扫描（镜像仓库自带扫描）", .scanStarted: "已开始扫描 {0}，扫描列会显示进度。",
        .scanRunning: "扫描中…", .scanFinished: "{0} 扫描完成。", .scanFailed: "{0} 扫描失败：{1}",
        .scanNotOffered: "{0} 不提供镜像扫描；请用 regconsole scan attach 附加扫描报告",
        .instanceUnavailable: "无法打开 {0}：{1}",
        .columnVisibility: "可见性", .columnAutoCreate: "自动创建", .columnSummary: "摘要",
        .visibilityPublic: "公开", .visibilityPrivate: "私有", .yes: "是", .no: "否",
        .fieldName: "名称", .fieldNamespace: "命名空间", .fieldVisibility: "可见性", .fieldDefaultVisibility: "默认可见性",
        .fieldAutoCreate: "自动创建仓库", .fieldSummary: "摘要", .fieldTagImmutability: "标签不可变",
        .hintAutoCreate: "推送到不存在的仓库时自动创建该仓库", .hintTagImmutability: "已推送的标签不能再被覆盖",
        .nameRule: "2 到 {0} 个字符：小写字母、数字和 {1}，首尾不能是分隔符",
        .valueRequired: "必填", .create: "创建", .save: "保存", .saving: "正在保存 {0}…", .deleting: "正在删除 {0}…",
        .saveFailed: "保存失败：{0}", .readOnlyChanges: "{0} 为只读：不能新建、编辑或删除",
        .namespaceNew: "新建命名空间", .namespaceEdit: "编辑命名空间 {0}", .namespaceCreated: "已创建命名空间 {0}",
        .namespaceSaved: "已保存命名空间 {0}", .namespaceDeleted: "已删除命名空间 {0}", .namespaceDeleteTitle: "删除命名空间 {0}",
        .namespaceDeleteBody: "{1} 上命名空间 {0} 中的所有仓库及其全部标签都将被删除，且无法恢复。",
        .namespaceDeleteConfirm: "删除命名空间",
        .repositoryNew: "新建仓库", .repositoryEdit: "编辑仓库 {0}", .repositoryCreated: "已创建仓库 {0}",
        .repositorySaved: "已保存仓库 {0}", .repositoryDeleted: "已删除仓库 {0}", .repositoryDeleteTitle: "删除仓库 {0}",
        .repositoryDeleteBody: "{1} 上仓库 {0} 中的所有标签都将被删除，且无法恢复。",
        .repositoryDeleteConfirm: "删除仓库",
        .tooSmall: "终端窗口太小", .tooSmallSize: "{0}×{1} — 至少需要 {2}×{3}",
        .timeJustNow: "刚刚", .timeMinutes: "{0} 分钟前", .timeHours: "{0} 小时前", .timeDays: "{0} 天前",
    ]
}
