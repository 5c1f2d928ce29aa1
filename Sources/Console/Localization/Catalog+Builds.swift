import Foundation
import RegistryClient

/// The texts of the build panes (rules, builds, logs, source binding).
extension Catalog {
    static let buildsEnglish: [Message: String] = [
        .buildRecords: "builds", .buildRules: "build rules", .buildLog: "build log",
        .commandBuilds: "image builds of a repository, its rules and logs (ACR)",
        .buildsNeedACR: "Image builds need an ACR Enterprise instance.",
        .emptyBuilds: "No builds yet. Press r for the build rules.",
        .emptyBuildRules: "No build rules. Press n to add one.",
        .actionBuild: "build", .actionRules: "rules",
        .actionCancelBuild: "cancel build", .actionBindSource: "bind source", .actionFollow: "follow",
        .columnBuild: "BUILD", .columnStarted: "STARTED", .columnDuration: "DURATION", .columnTrigger: "STARTED BY",
        .columnPush: "PUSH", .columnDockerfile: "DOCKERFILE", .columnBuildArgs: "BUILD ARGS",
        .buildPending: "pending", .buildBuilding: "building", .buildSuccess: "success", .buildFailed: "failed",
        .buildCanceled: "canceled", .originRule: "you · rule {0}", .originRebuild: "you · rebuild of {0}",
        .originListedRule: "rule {0}",
        .durationSeconds: "{0}s", .durationMinutes: "{0}m{1}s", .durationHours: "{0}h{1}m",
        .pushBranch: "branch", .pushTag: "tag",
        .sourceSummary: "Source: {0}", .sourceAutoBuildOn: "auto-build on", .sourceAutoBuildOff: "auto-build off",
        .sourceNone: "No source repository bound: builds need one (bind source).",
        .sourcePersonal: "Source: bound in the ACR console (Personal Edition's API does not show it)",
        .sourceBindTitle: "Source repository of {0}", .sourceBound: "Bound {0} to {1}",
        .fieldSourceProvider: "Code host", .fieldSourceNamespace: "Owner or group", .fieldSourceName: "Code repository",
        .fieldAutoBuild: "Auto-build", .fieldDisableCache: "Build without cache",
        .fieldOverseaBuild: "Build outside mainland China", .hintAutoBuild: "build on every push a rule matches",
        .buildRuleNew: "New build rule for {0}", .buildRuleEdit: "Edit build rule {0}",
        .buildRuleCreated: "Created build rule {0}", .buildRuleSaved: "Saved build rule {0}",
        .buildRuleDeleted: "Deleted build rule {0}", .buildRuleDeleteTitle: "Delete build rule {0}?",
        .buildRuleDeleteBody: "Pushes to {0} no longer build; past builds stay.",
        .buildRuleDeleteConfirm: "Delete rule",
        .fieldPushType: "Push type", .fieldPushName: "Branch or tag", .fieldImageTag: "Image tag",
        .fieldDockerfileLocation: "Dockerfile directory", .fieldDockerfileName: "Dockerfile name",
        .fieldBuildPlatforms: "Platforms", .fieldBuildArgs: "Build args",
        .hintBuildPlatforms: "space-separated, e.g. linux/amd64 linux/arm64",
        .hintBuildArgs: "space-separated KEY=VALUE",
        .buildStarting: "Starting a build of {0}…", .buildStarted: "Started build {0} of {1}",
        .buildStartFailed: "Could not start the build: {0}", .buildNotRunning: "Build {0} is not running",
        .buildCancelTitle: "Cancel build {0}?", .buildCancelBody: "The build of {0} stops and pushes nothing.",
        .buildCancelConfirm: "Cancel build", .buildCancelKeep: "Keep building",
        .buildCanceling: "Canceling build {0}…", .buildCancelRequested: "Asked build {0} to stop",
        .buildCancelFailed: "Could not cancel the build: {0}",
        .logFollowing: "following", .logPaused: "paused", .logLineCount: "{0} {0|line|lines}",
        .logEmpty: "No log lines yet.", .logFailed: "Reading the log failed: {0}",
        .logMatch: "/{0}: match {1} of {2} (n next, N previous)", .logNoMatch: "/{0}: no match",
        .buildFinishedSuccess: "build {0} of {1} succeeded in {2}",
        .buildFinishedFailed: "build {0} of {1} failed after {2}",
        .buildFinishedCanceled: "build {0} of {1} was canceled after {2}",
        .buildFinishedOther: "build {0} of {1} ended {3} after {2}",
    ]

    static let buildsChinese: [Message: String] = [
        .buildRecords: "构建记录", .buildRules: "构建规则", .buildLog: "构建日志",
        .commandBuilds: "仓库的镜像构建、构建规则与日志（ACR）",
        .buildsNeedACR: "镜像构建需要 ACR 企业版实例。",
        .emptyBuilds: "还没有构建。按 r 查看构建规则。",
        .emptyBuildRules: "没有构建规则。按 n 新建。",
        .actionBuild: "构建", .actionRules: "规则",
        .actionCancelBuild: "取消构建", .actionBindSource: "绑定代码源", .actionFollow: "跟随",
        .columnBuild: "构建", .columnStarted: "开始", .columnDuration: "耗时", .columnTrigger: "触发方",
        .columnPush: "触发", .columnDockerfile: "DOCKERFILE", .columnBuildArgs: "构建参数",
        .buildPending: "排队中", .buildBuilding: "构建中", .buildSuccess: "成功", .buildFailed: "失败",
        .buildCanceled: "已取消", .originRule: "你 · 规则 {0}", .originRebuild: "你 · 重新构建 {0}",
        .originListedRule: "规则 {0}",
        .durationSeconds: "{0}秒", .durationMinutes: "{0}分{1}秒", .durationHours: "{0}小时{1}分",
        .pushBranch: "分支", .pushTag: "标签",
        .sourceSummary: "代码源：{0}", .sourceAutoBuildOn: "自动构建已开启", .sourceAutoBuildOff: "自动构建已关闭",
        .sourceNone: "未绑定代码源：构建需要先绑定（绑定代码源）。",
        .sourcePersonal: "代码源：在 ACR 控制台绑定（个人版 API 不提供）",
        .sourceBindTitle: "{0} 的代码源", .sourceBound: "已将 {0} 绑定到 {1}",
        .fieldSourceProvider: "代码托管平台", .fieldSourceNamespace: "所有者或组织", .fieldSourceName: "代码仓库",
        .fieldAutoBuild: "自动构建", .fieldDisableCache: "不使用缓存构建",
        .fieldOverseaBuild: "在中国内地以外构建", .hintAutoBuild: "代码推送匹配规则时自动构建",
        .buildRuleNew: "为 {0} 新建构建规则", .buildRuleEdit: "编辑构建规则 {0}",
        .buildRuleCreated: "已创建构建规则 {0}", .buildRuleSaved: "已保存构建规则 {0}",
        .buildRuleDeleted: "已删除构建规则 {0}", .buildRuleDeleteTitle: "删除构建规则 {0}？",
        .buildRuleDeleteBody: "推送到 {0} 将不再触发构建；已有的构建记录保留。",
        .buildRuleDeleteConfirm: "删除规则",
        .fieldPushType: "触发类型", .fieldPushName: "分支或标签", .fieldImageTag: "镜像标签",
        .fieldDockerfileLocation: "Dockerfile 目录", .fieldDockerfileName: "Dockerfile 文件名",
        .fieldBuildPlatforms: "构建平台", .fieldBuildArgs: "构建参数",
        .hintBuildPlatforms: "以空格分隔，例如 linux/amd64 linux/arm64",
        .hintBuildArgs: "以空格分隔的 KEY=VALUE",
        .buildStarting: "正在启动 {0} 的构建…", .buildStarted: "已启动构建 {0}（{1}）",
        .buildStartFailed: "无法启动构建：{0}", .buildNotRunning: "构建 {0} 未在运行",
        .buildCancelTitle: "取消构建 {0}？", .buildCancelBody: "{0} 的构建将停止，不会推送任何镜像。",
        .buildCancelConfirm: "取消构建", .buildCancelKeep: "继续构建",
        .buildCanceling: "正在取消构建 {0}…", .buildCancelRequested: "已请求停止构建 {0}",
        .buildCancelFailed: "无法取消构建：{0}",
        .logFollowing: "跟随中", .logPaused: "已暂停", .logLineCount: "{0} 行",
        .logEmpty: "还没有日志。", .logFailed: "读取日志失败：{0}",
        .logMatch: "/{0}：第 {1} 处，共 {2} 处（n 下一处，N 上一处）", .logNoMatch: "/{0}：无匹配",
        .buildFinishedSuccess: "{1} 的构建 {0} 已成功，耗时 {2}",
        .buildFinishedFailed: "{1} 的构建 {0} 失败，耗时 {2}",
        .buildFinishedCanceled: "{1} 的构建 {0} 已取消，耗时 {2}",
        .buildFinishedOther: "{1} 的构建 {0} 已结束（{3}），耗时 {2}",
    ]

    /// A build status in words: `success`, `构建中`, or the server's own word.
    func buildStatus(_ status: BuildStatus) -> String {
        switch status {
        case .pending: self[.buildPending]
        case .building: self[.buildBuilding]
        case .success: self[.buildSuccess]
        case .failed: self[.buildFailed]
        case .canceled: self[.buildCanceled]
        case .other(let text): text.lowercased()
        }
    }

    /// A build's length: `42s`, `2m10s`, `1h05m` (`2分10秒`).
    func duration(_ seconds: TimeInterval) -> String {
        let total = Int(max(0, seconds))
        switch total {
        case ..<60: return self[.durationSeconds, total]
        case ..<3600: return self[.durationMinutes, total / 60, String(format: "%02d", total % 60)]
        default: return self[.durationHours, total / 3600, String(format: "%02d", total / 60 % 60)]
        }
    }
}
