import Foundation

/// RFC 8288 `Link` header parsing, as registries use it for paging.
public enum LinkHeader {
    /// The target of the `rel="next"` link, resolved against the URL of the response that carried it.
    /// Registries send path-relative links (`</v2/_catalog?last=a&n=2>; rel="next"`).
    public static func next(in headers: HTTPHeaders, relativeTo base: URL) -> URL? {
        for value in headers.values("Link") {
            for link in splitLinks(value) {
                guard let open = link.firstIndex(of: "<"), let close = link.firstIndex(of: ">"), open < close else {
                    continue
                }
                let target = String(link[link.index(after: open)..<close])
                let parameters = link[link.index(after: close)...].split(separator: ";").map {
                    $0.trimmingCharacters(in: .whitespaces).lowercased()
                }
                let isNext = parameters.contains { parameter in
                    guard parameter.hasPrefix("rel=") else { return false }
                    let relations = parameter.dropFirst(4).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                    return relations.split(separator: " ").contains("next")
                }
                if isNext { return URL(string: target, relativeTo: base)?.absoluteURL }
            }
        }
        return nil
    }

    /// Splits a header value holding several comma-separated links, ignoring commas inside `<…>`.
    private static func splitLinks(_ value: String) -> [Substring] {
        var links: [Substring] = []
        var start = value.startIndex
        var insideTarget = false
        for index in value.indices {
            switch value[index] {
            case "<": insideTarget = true
            case ">": insideTarget = false
            case "," where !insideTarget:
                links.append(value[start..<index])
                start = value.index(after: index)
            default: break
            }
        }
        links.append(value[start...])
        return links
    }
}
