/// The texts of Harbor's projects and artifacts (pull times, accessories, storage, scan overviews).
extension Catalog {
    static let harborEnglish: [Message: String] = [
        .columnLastPulled: "PULLED", .columnAccessories: "ACCESSORIES", .columnStorage: "STORAGE",
        .scanFailedCell: "scan failed", .storageUnlimited: "{0} (no quota)",
    ]

    static let harborChinese: [Message: String] = [
        .columnLastPulled: "拉取时间", .columnAccessories: "附件", .columnStorage: "存储",
        .scanFailedCell: "扫描失败", .storageUnlimited: "{0}（无配额）",
    ]
}
