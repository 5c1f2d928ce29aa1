/// A path under Harbor's `/api/v2.0`, each name encoded the way Harbor decodes it: a project name
/// and a reference once, a repository name (without its project) twice, so that a `/` in it
/// reaches the handler as `%2F` and never splits the path.
struct HarborPath: Sendable, Hashable, CustomStringConvertible {
    /// The encoded path, starting with `/api/v2.0`.
    private(set) var path: String

    var description: String { path }

    /// `/api/v2.0`, which every other path extends (`root.appending("robots")`).
    static let root = HarborPath(path: "/api/v2.0")

    /// `/api/v2.0/projects`.
    static let projects = root.appending("projects")

    /// `/api/v2.0/projects/{project_name}`. A name made only of digits means a project id unless the
    /// request sends `X-Is-Resource-Name: true`.
    static func project(_ project: String) -> HarborPath {
        projects.appending(name: project)
    }

    /// `/api/v2.0/projects/{project_name}/repositories`.
    static func repositories(in project: String) -> HarborPath {
        Self.project(project).appending("repositories")
    }

    /// `/api/v2.0/projects/{project_name}/repositories/{repository_name}`; `repository` may be the
    /// full name (`lib/team/app`) or the name within the project (`team/app`).
    static func repository(_ repository: String, in project: String) -> HarborPath {
        repositories(in: project).appending(name: encode(shortName(of: repository, in: project)))
    }

    /// `…/repositories/{repository_name}/artifacts`.
    static func artifacts(of repository: String, in project: String) -> HarborPath {
        Self.repository(repository, in: project).appending("artifacts")
    }

    /// `…/repositories/{repository_name}/artifacts/{reference}`, for a tag or a `sha256:` digest.
    static func artifact(_ reference: String, of repository: String, in project: String) -> HarborPath {
        artifacts(of: repository, in: project).appending(name: reference)
    }

    /// The repository's name within its project: `lib/team/app` in `lib` is `team/app`.
    static func shortName(of repository: String, in project: String) -> String {
        repository.hasPrefix(project + "/") ? String(repository.dropFirst(project.count + 1)) : repository
    }

    /// This path followed by fixed segments such as `tags` or `additions/vulnerabilities`.
    func appending(_ literal: String) -> HarborPath {
        HarborPath(path: path + "/" + literal)
    }

    /// This path followed by one segment holding `name`, percent-encoded once.
    func appending(name: String) -> HarborPath {
        HarborPath(path: path + "/" + Self.encode(name))
    }

    /// The path with a query, e.g. `?q=name%3D~foo&page_size=100`; every value is percent-encoded
    /// (spaces as `%20`), which is what Harbor's second decoding of `q` expects.
    func query(_ items: KeyValuePairs<String, String>) -> String {
        query(items.map { ($0.key, $0.value) })
    }

    /// The path with the query `items`, in order, encoded as `query(_:)` does.
    func query(_ items: [(String, String)]) -> String {
        guard !items.isEmpty else { return path }
        return path + "?"
            + items.map { "\(Self.encode($0.0, keeping: ""))=\(Self.encode($0.1, keeping: ""))" }
            .joined(separator: "&")
    }

    /// Percent-encodes every byte but the unreserved ones (and `extra`); a segment that is only dots
    /// has them encoded too, so that `.` and `..` never act as relative steps.
    static func encode(_ text: String, keeping extra: String = ":") -> String {
        let dotsOnly = !text.isEmpty && text.utf8.allSatisfy { $0 == UInt8(ascii: ".") }
        var encoded = ""
        for byte in text.utf8 {
            if !dotsOnly && (isUnreserved(byte) || extra.utf8.contains(byte)) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%" + String(hexDigits[Int(byte >> 4)]) + String(hexDigits[Int(byte & 0x0F)])
            }
        }
        return encoded
    }

    private static let hexDigits = Array("0123456789ABCDEF")

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-._~".utf8.contains(byte)
        }
    }
}
