import Foundation
import TestSupport
import Testing

@testable import RegistryClient

/// Tag and repository grammar, and the request paths built from names a server or user chose.
struct NameGrammarTests {
    /// Names a hostile registry listed as tags, and more outside the grammar; none may reach a request.
    static let hostileTags =
        OddTagsRegistry.hostileTags + ["", ".hidden", "-flag", String(repeating: "x", count: 129), "é", "a\u{301}"]

    @Test(arguments: ["a", "_x", "1.0", "A-b_c.d", "v1.2.3-rc.1", "__", String(repeating: "x", count: 128)])
    func validTagNames(_ name: String) throws {
        #expect(RegistryClient.Tag.isValidName(name))
        #expect(RegistryClient.Tag(name: name).hasValidName)
        try RegistryClient.Tag.requireValidName(name)
    }

    @Test(arguments: hostileTags)
    func invalidTagNamesAreRefused(_ name: String) {
        #expect(!RegistryClient.Tag.isValidName(name))
        #expect {
            try RegistryClient.Tag.requireValidName(name)
        } throws: { error in
            (error as? RegistryError)?.code == .invalidReference
                && (error as? RegistryError)?.message == "'\(name)' is not a valid tag name; it was not requested"
        }
    }

    @Test(arguments: [
        ("ns/app", true), ("a", true), ("mirror/library/alpine", true), ("a__b/c-d.e--f", true), ("a.b_c", true),
        ("NS/app", false), ("ns//app", false), ("/ns", false), ("ns/", false), ("ns/app-", false), ("ns/../x", false),
        ("ns/a b", false), ("ns/中文", false), ("a___b", false), ("", false), ("a---b.c_d", true), ("a..b", false),
        ("a.-b", false), ("a-_b", false), ("_a", false), ("a_", false), ("ns/-a", false), ("ns/a.", false),
        (String(repeating: "a", count: 256), false),
    ])
    func repositoryNames(_ name: String, valid: Bool) {
        #expect(Repository.isValidName(name) == valid)
    }

    @Test func segmentsArePercentEncodedWhole() {
        #expect(DistributionPath.encode(segment: "a/../../x") == "a%2F..%2F..%2Fx")
        #expect(DistributionPath.encode(segment: "a b") == "a%20b")
        #expect(DistributionPath.encode(segment: "%") == "%25")
        #expect(DistributionPath.encode(segment: "#?") == "%23%3F")
        #expect(DistributionPath.encode(segment: "esc\u{1B}") == "esc%1B")
        #expect(DistributionPath.encode(segment: "中文") == "%E4%B8%AD%E6%96%87")
        #expect(DistributionPath.encode(segment: "rlo\u{202E}") == "rlo%E2%80%AE")
        #expect(DistributionPath.encode(segment: "sha256:abc+d=") == "sha256:abc+d=")
    }

    @Test func pathsForValidNames() throws {
        let digest = "sha256:" + String(repeating: "a", count: 64)
        let deep = try DistributionPath.manifest("mirror/library/alpine", "3.19")
        #expect(deep == "/v2/mirror/library/alpine/manifests/3.19")
        #expect(try DistributionPath.manifest("ns/app", digest) == "/v2/ns/app/manifests/\(digest)")
        #expect(try DistributionPath.blob("ns/app", #require(Digest(digest))) == "/v2/ns/app/blobs/\(digest)")
        #expect(try DistributionPath.repository("ns/app", "tags", "list") == "/v2/ns/app/tags/list")
    }

    @Test(arguments: hostileTags)
    func manifestPathsRefuseInvalidTags(_ tag: String) {
        #expect(throws: RegistryError.self) { try DistributionPath.manifest("ns/app", tag) }
    }

    @Test(arguments: ["NS/app", "ns/../x", "ns/a b", "ns/a%2Fb", "ns//app", ""])
    func pathsRefuseInvalidRepositories(_ repository: String) {
        #expect(throws: RegistryError.self) { try DistributionPath.repository(repository, "tags", "list") }
        #expect(throws: RegistryError.self) { try DistributionPath.manifest(repository, "latest") }
    }

    @Test(arguments: [
        ("/v2/ns/app/manifests/1.0", true), ("/v2/ns/app/manifests/a%2F..%2Fx", true), ("/v2/", true),
        ("/v2/ns/app/manifests/a b", false), ("/v2/%zz", false), ("/v2/%2", false), ("v2/ns", false),
        ("/v2/a?b", false),
        ("/v2/a#b", false), ("/v2/中文", false), ("", false),
    ])
    func encodedPathCheck(_ path: String, encoded: Bool) {
        #expect(DistributionPath.isEncoded(path) == encoded)
    }

    @Test(arguments: [
        ("reg.cn-hangzhou.cr.aliyuncs.com", true), ("127.0.0.1:5000", true), ("localhost", true),
        ("evil.example/x", false), ("user@evil.example", false), ("h?x=1", false), ("h#f", false), ("", false),
        ("-h", false), ("h:", false), ("h:123456", false),
    ])
    func registryDomainsFromACRMustBeHosts(_ domain: String, valid: Bool) {
        #expect(ACRRegistryAccess.isHostName(domain) == valid)
    }

    /// Through the provider: a hostile tag ends in `.invalidReference` before any request, and a
    /// valid one is asked for at exactly its path.
    @Test func providerSendsNothingForAnInvalidTag() async throws {
        let http = RecordingHTTP()
        let url = try #require(URL(string: "http://127.0.0.1:9"))
        let provider = DistributionProvider(
            instance: Instance(name: "h", kind: .distribution, url: url, origin: .host), baseURL: url, http: http,
            credentials: .unspecified, chain: CredentialChain(environment: [:]), content: ContentStore(directory: nil))
        for tag in Self.hostileTags {
            await #expect(throws: RegistryError.self) { try await provider.tagDetails(repository: "odd/app", tag: tag) }
            await #expect(throws: RegistryError.self) {
                try await provider.currentDigest(repository: "odd/app", tag: tag)
            }
        }
        await #expect(throws: RegistryError.self) { try await provider.tags(repository: "odd/../x").collect() }
        #expect(http.paths.isEmpty)
        _ = try? await provider.currentDigest(repository: "odd/app", tag: "1.0")
        #expect(http.paths == ["HEAD /v2/odd/app/manifests/1.0"])
    }
}

/// Answers every request with 404 and remembers `METHOD path` of each.
private final class RecordingHTTP: HTTPClient, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []

    var paths: [String] { lock.withLock { recorded } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let path = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? "?"
        lock.withLock { recorded.append("\(request.method.rawValue) \(path)") }
        let body = Data(#"{"errors":[{"code":"MANIFEST_UNKNOWN"}]}"#.utf8)
        return HTTPResponse(status: 404, body: body, url: request.url)
    }
}
