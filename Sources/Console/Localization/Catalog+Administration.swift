import Foundation
import RegistryClient

/// The texts of the Harbor administration panes: robot accounts, the audit log, project quotas.
extension Catalog {
    static let administrationEnglish: [Message: String] = [
        .robots: "robots", .auditLog: "audit log",
        .emptyRobots: "No robot accounts. Press n to create one.",
        .emptyRobotsExpiring: "No robot account expires within {0} days. Press w to show all.",
        .emptyAuditLog: "No audit entries.", .needsHarbor: "This registry has no {0}: they need Harbor.",
        .quotaStorage: "storage",
        .columnLevel: "LEVEL", .columnPermissions: "PERMISSIONS", .columnExpires: "EXPIRES", .columnUser: "USER",
        .columnOperation: "OPERATION", .columnResource: "RESOURCE", .columnResourceType: "RESOURCE_TYPE",
        .robotLevelSystem: "system", .robotLevelProject: "project", .robotEnabled: "enabled",
        .robotDisabled: "disabled", .robotExpired: "expired",
        .expiresNever: "never", .expiresIn: "in {0}", .expiredAgo: "{0} ago", .spanDays: "{0}d", .spanHours: "{0}h",
        .spanMinutes: "{0}m",
        .robotsExpiringHeader: "Only robots expiring within {0} days; w shows all.",
        .actionRobots: "robots", .actionExpiringSoon: "expiring ≤14d", .actionToggleEnabled: "enable/disable",
        .actionLoadMore: "load more",
        .commandRobots: "robot accounts of the instance or of a project (Harbor)",
        .commandAudit: "Harbor's audit log, newest first",
        .robotNew: "New robot account in {0}", .fieldDuration: "Days valid", .hintDuration: "-1 for never",
        .fieldPermissions: "Permissions",
        .hintPermissions: "resource:action, comma-separated: repository:pull,repository:push",
        .errorDuration: "-1, or a number of days above 0", .errorPermission: "'{0}' is not resource:action",
        .robotCreated: "Created robot account {0}", .robotSecretTitle: "Secret of {0}",
        .robotSecretBody: "Shown only now: Harbor never shows it again. Copy it before closing.",
        .robotSecretCopy: "Copy", .robotSecretClose: "Close", .robotSecretCopied: "Copied the secret of {0}",
        .robotDeleteTitle: "Delete robot account {0}?",
        .robotDeleteBody: "Whatever logs in as {0} on {1} stops working.", .robotDeleteConfirm: "Delete robot",
        .robotDeleted: "Deleted robot account {0}", .robotEnabling: "Enabling {0}…",
        .robotDisabling: "Disabling {0}…", .robotEnabledDone: "Enabled robot account {0}",
        .robotDisabledDone: "Disabled robot account {0}",
        .auditFilterHint: "/ filters: user:NAME op:OPERATION resource:TEXT type:TYPE",
        .auditMore: "Newest {0} entries; m loads more.",
        .auditResultSuccess: "success", .auditResultFailure: "failed",
    ]

    static let administrationChinese: [Message: String] = [
        .robots: "机器人账户", .auditLog: "审计日志",
        .emptyRobots: "没有机器人账户。按 n 新建。",
        .emptyRobotsExpiring: "没有 {0} 天内过期的机器人账户。按 w 显示全部。",
        .emptyAuditLog: "没有审计记录。", .needsHarbor: "此镜像仓库没有{0}：需要 Harbor。",
        .quotaStorage: "存储",
        .columnLevel: "级别", .columnPermissions: "权限", .columnExpires: "过期", .columnUser: "用户",
        .columnOperation: "操作", .columnResource: "资源", .columnResourceType: "资源类型",
        .robotLevelSystem: "系统", .robotLevelProject: "项目", .robotEnabled: "已启用", .robotDisabled: "已禁用",
        .robotExpired: "已过期",
        .expiresNever: "永不", .expiresIn: "{0}后", .expiredAgo: "{0}前", .spanDays: "{0} 天", .spanHours: "{0} 小时",
        .spanMinutes: "{0} 分钟",
        .robotsExpiringHeader: "仅显示 {0} 天内过期的机器人账户；按 w 显示全部。",
        .actionRobots: "机器人账户", .actionExpiringSoon: "即将过期", .actionToggleEnabled: "启用/禁用",
        .actionLoadMore: "加载更多",
        .commandRobots: "实例或项目的机器人账户（Harbor）", .commandAudit: "Harbor 审计日志，最新在前",
        .robotNew: "在 {0} 新建机器人账户", .fieldDuration: "有效天数", .hintDuration: "-1 表示永不过期",
        .fieldPermissions: "权限", .hintPermissions: "资源:操作，逗号分隔：repository:pull,repository:push",
        .errorDuration: "-1，或大于 0 的天数", .errorPermission: "“{0}”不是 资源:操作",
        .robotCreated: "已创建机器人账户 {0}", .robotSecretTitle: "{0} 的密钥",
        .robotSecretBody: "仅此一次显示：Harbor 不会再显示。关闭前请复制。",
        .robotSecretCopy: "复制", .robotSecretClose: "关闭", .robotSecretCopied: "已复制 {0} 的密钥",
        .robotDeleteTitle: "删除机器人账户 {0}？",
        .robotDeleteBody: "以 {0} 登录 {1} 的一切都将失效。", .robotDeleteConfirm: "删除机器人账户",
        .robotDeleted: "已删除机器人账户 {0}", .robotEnabling: "正在启用 {0}…", .robotDisabling: "正在禁用 {0}…",
        .robotEnabledDone: "已启用机器人账户 {0}", .robotDisabledDone: "已禁用机器人账户 {0}",
        .auditFilterHint: "/ 筛选：user:用户 op:操作 resource:文本 type:类型",
        .auditMore: "最新 {0} 条；按 m 加载更多。",
        .auditResultSuccess: "成功", .auditResultFailure: "失败",
    ]

    /// A robot's level in words.
    func robotLevel(_ level: RobotAccount.Level) -> String {
        self[level == .system ? .robotLevelSystem : .robotLevelProject]
    }

    /// A robot's status in words.
    func robotStatus(_ status: RobotAccount.Status) -> String {
        switch status {
        case .enabled: self[.robotEnabled]
        case .disabled: self[.robotDisabled]
        case .expired: self[.robotExpired]
        }
    }

    /// `in 4d · 2026-12-12`, `2d ago · 2026-12-05`, `never`: an expiry, relative to `now` and as a day (UTC).
    func expiry(_ date: Date?, now: Date) -> String {
        guard let date else { return self[.expiresNever] }
        let seconds = date.timeIntervalSince(now)
        let magnitude = abs(seconds)
        let span =
            switch magnitude {
            case ..<3600: self[.spanMinutes, Int(magnitude / 60)]
            case ..<86400: self[.spanHours, Int(magnitude / 3600)]
            default: self[.spanDays, Int(magnitude / 86400)]
            }
        let day = String(RFC3339.format(date).prefix(10))
        return "\(self[seconds >= 0 ? .expiresIn : .expiredAgo, span]) · \(day)"
    }
}
