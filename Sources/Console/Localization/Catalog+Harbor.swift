/// The texts of Harbor's projects and artifacts (pull times, accessories, storage, scan overviews).
extension Catalog {
    static let harborEnglish: [Message: String] = [
        .columnLastPulled: "PULLED", .columnAccessories: "ACCESSORIES", .columnStorage: "STORAGE",
        .scanFailedCell: "scan failed", .storageUnlimited: "{0} (no quota)",
        .columnAllowlist: "ALLOWLIST", .allowlistedCount: "{0} on the registry's CVE allowlist",
        .allowlistSystem: "system", .allowlistProject: "project {0}",
    ]

    static let harborChinese: [Message: String] = [
        .columnLastPulled: "拉取时间", .columnAccessories: "附件", .columnStorage: "存储",
        .scanFailedCell: "扫描失败", .storageUnlimited: "{0}（无配额）",
        .columnAllowlist: "CVE 白名单", .allowlistedCount: "{0} 个在仓库的 CVE 白名单中",
        .allowlistSystem: "系统", .allowlistProject: "项目 {0}",
    ]
}
