import Foundation
import RegistryClient
import Testing

struct ReferenceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var locator: String
        var repository: String
        var tag: String?
        var digest: String?
        var testDescription: String { text }
    }

    static let valid: [Case] = [
        Case(text: "local/ns/app", locator: "local", repository: "ns/app"),
        Case(text: "local/ns/app:1.10.0", locator: "local", repository: "ns/app", tag: "1.10.0"),
        Case(
            text: "127.0.0.1:5000/mirror/library/alpine:3.19", locator: "127.0.0.1:5000",
            repository: "mirror/library/alpine", tag: "3.19"),
        Case(
            text: "registry.example.com/alpha@sha256:" + String(repeating: "a", count: 64),
            locator: "registry.example.com", repository: "alpha",
            digest: "sha256:" + String(repeating: "a", count: 64)),
        Case(
            text: "acr-hz.prod/team/svc:v2@sha256:" + String(repeating: "0", count: 64), locator: "acr-hz.prod",
            repository: "team/svc", tag: "v2",
            digest: "sha256:" + String(repeating: "0", count: 64)),
        Case(text: "h:1/a__b/c-d.e--f:_tag", locator: "h:1", repository: "a__b/c-d.e--f", tag: "_tag"),
    ]

    @Test(arguments: valid)
    func parsesAndFormatsBack(_ expected: Case) throws {
        let reference = try Reference.parse(expected.text)
        #expect(reference.locator == expected.locator)
        #expect(reference.repository == expected.repository)
        #expect(reference.tag == expected.tag)
        #expect(reference.digest?.description == expected.digest)
        #expect(reference.description == expected.text)
    }

    @Test(arguments: [
        ("noslash", "names no repository"),
        ("local/NS/app", "not a valid repository name"),
        ("local/ns//app", "not a valid repository name"),
        ("local/ns/app-", "not a valid repository name"),
        ("local/ns/app:-bad", "not a valid tag"),
        ("local/ns/app:" + String(repeating: "x", count: 129), "not a valid tag"),
        ("local/ns/app@sha256:abc", "is not a digest"),
        ("/ns/app", "empty instance or host"),
    ])
    func rejectsWithAReason(text: String, reason: String) {
        #expect {
            try Reference.parse(text)
        } throws: { error in
            guard let error = error as? RegistryError else { return false }
            return error.code == .invalidReference && error.message.contains(reason) && error.hint != nil
        }
    }

    @Test func digestsValidateAndHash() throws {
        let digest = Digest.sha256(of: Data("{}".utf8))
        #expect(digest.description == "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a")
        #expect(digest.matches(Data("{}".utf8)) == true)
        #expect(digest.matches(Data("{ }".utf8)) == false)
        #expect(digest.short == "44136fa355b3")
        #expect(
            digest.referrersFallbackTag == "sha256-44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a")
        #expect(Digest("sha256:" + String(repeating: "A", count: 64)) == nil)
        #expect(Digest("sha256:abc") == nil)
        #expect(Digest("md5") == nil)
    }

    @Test func referrersTagsAreRecognized() {
        #expect(RegistryClient.Tag(name: "sha256-" + String(repeating: "a", count: 64)).isReferrersTag)
        #expect(RegistryClient.Tag(name: "sha256-" + String(repeating: "b", count: 64) + ".sig").isReferrersTag)
        #expect(!RegistryClient.Tag(name: "sha256-abc").isReferrersTag)
        #expect(!RegistryClient.Tag(name: "latest").isReferrersTag)
    }
}
