import Foundation

/// Hides what a URL carries as credentials: the password of its userinfo and the value of every
/// query parameter (`https://deploy:***@hooks.example.com/redeploy?token=***`). Works on text,
/// not on a parsed URL, so malformed URLs are masked too and nothing else is rewritten.
public enum URLCredentialMask {
    /// The URL with its userinfo password and query values replaced by `***`.
    public static func mask(_ url: String) -> String {
        var text = Substring(url)
        var result = ""
        if let scheme = text.range(of: "://") {
            result += text[..<scheme.upperBound]
            text = text[scheme.upperBound...]
        }
        let authorityEnd = text.firstIndex(where: { "/?#".contains($0) }) ?? text.endIndex
        let authority = text[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") {
            let userinfo = authority[..<at]
            let user = userinfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            result += userinfo.contains(":") ? "\(user):***" : "***"
            result += authority[at...]
        } else {
            result += authority
        }
        text = text[authorityEnd...]
        guard let question = text.firstIndex(of: "?") else { return result + text }
        result += text[...question]
        let afterQuery = text[text.index(after: question)...]
        let fragmentStart = afterQuery.firstIndex(of: "#") ?? afterQuery.endIndex
        let parameters = afterQuery[..<fragmentStart].split(separator: "&", omittingEmptySubsequences: false)
        result += parameters.map { parameter in
            guard let equals = parameter.firstIndex(of: "=") else { return String(parameter) }
            return parameter[...equals] + "***"
        }.joined(separator: "&")
        return result + afterQuery[fragmentStart...]
    }

    /// `url` with each query value that is a secret (a `Password` or token parameter, as ACR's
    /// password reset sends) replaced by `***`, and each that holds a URL with credentials (a
    /// trigger's URL sent as a parameter) masked as `mask` masks it, for request logs.
    public static func maskingSecretsInQuery(_ url: String) -> String {
        guard let question = url.firstIndex(of: "?") else { return url }
        let query = url[url.index(after: question)...]
        let end = query.firstIndex(of: "#") ?? query.endIndex
        let parameters = query[..<end].split(separator: "&", omittingEmptySubsequences: false).map { parameter in
            guard let equals = parameter.firstIndex(of: "=") else { return String(parameter) }
            if secretParameters.contains(parameter[..<equals].lowercased()) { return parameter[...equals] + "***" }
            guard let value = parameter[parameter.index(after: equals)...].removingPercentEncoding,
                value.contains("://"), hasCredentials(value)
            else { return String(parameter) }
            return parameter[...equals]
                + (mask(value).addingPercentEncoding(withAllowedCharacters: unreserved) ?? "***")
        }
        return url[...question] + parameters.joined(separator: "&") + query[end...]
    }

    /// Query parameters whose value is never logged.
    private static let secretParameters: Set<String> = [
        "password", "authorizationtoken", "accesskeysecret", "securitytoken", "token", "secret",
    ]

    /// RFC 3986's unreserved characters, which a query value keeps unencoded.
    private static let unreserved = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))

    /// Whether `mask` would change the URL.
    public static func hasCredentials(_ url: String) -> Bool { mask(url) != url }
}
