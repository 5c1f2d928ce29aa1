/// The languages the console speaks.
public enum Language: String, Sendable, CaseIterable {
    case english = "en"
    case simplifiedChinese = "zh-Hans"

    /// The language from the config (`language = "zh-Hans"`), else `LC_ALL`, `LC_MESSAGES`, `LANG`.
    public static func choose(configured: String?, environment: [String: String]) -> Language {
        if let configured, let language = parse(configured) { return language }
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[variable], !value.isEmpty else { continue }
            return parse(value) ?? .english
        }
        return .english
    }

    /// `zh`, `zh_CN.UTF-8`, `zh-Hans`, `zh_SG` → Simplified Chinese; `en…`, `C`, `POSIX` → English.
    static func parse(_ value: String) -> Language? {
        let lowered = value.lowercased()
        if lowered.hasPrefix("zh") { return .simplifiedChinese }  // the only Chinese shipped; closest for zh_TW too
        if lowered.hasPrefix("en") || lowered == "c" || lowered.hasPrefix("c.") || lowered == "posix" {
            return .english
        }
        return nil
    }
}
