/// The texts of the build panes (rules, builds, logs, source binding).
extension Catalog {
    static let buildsEnglish: [Message: String] = [:]

    static let buildsChinese: [Message: String] = [:]
}
