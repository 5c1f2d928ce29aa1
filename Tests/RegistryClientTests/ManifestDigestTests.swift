import Foundation
import TestSupport
import Testing

@testable import RegistryClient

/// A manifest whose bytes do not hash to the digest it was asked for by, or to the one the
/// registry names in `Docker-Content-Digest`, is refused with both digests in the message.
struct ManifestDigestTests {
    private typealias Registry = ScriptedRegistry
    private static let served =
        #"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{},"layers":[]}"#
    private static let servedDigest = Digest.sha256(of: Data(served.utf8))
    private static let otherDigest = Digest.sha256(of: Data("another manifest".utf8))

    private func manifest(_ reference: String, headers: HTTPHeaders = [:]) -> ScriptedHTTPClient.Exchange {
        .init(.get, "/v2/ns/app/manifests/\(reference)", headers: headers, body: Self.served)
    }

    @Test func aManifestFetchedByDigestMustHashToIt() async throws {
        let http = ScriptedHTTPClient([manifest(Self.otherDigest.description)])
        let error = await #expect(throws: RegistryError.self) {
            _ = try await Registry.provider(http).fetchManifest(
                repository: "ns/app", reference: Self.otherDigest.description)
        }
        #expect(error?.code == .digestMismatch)
        #expect(error?.message == "manifest ns/app@\(Self.otherDigest) from reg hashes to \(Self.servedDigest)")
        #expect(error?.hint == "the registry or a proxy served wrong content; do not trust this image")
        #expect(http.requests.count == 1)
    }

    @Test func aManifestMustHashToTheDigestTheRegistryNames() async throws {
        let http = ScriptedHTTPClient([manifest("v1", headers: ["Docker-Content-Digest": Self.otherDigest.description])]
        )
        let error = await #expect(throws: RegistryError.self) {
            _ = try await Registry.provider(http).tagDetails(repository: "ns/app", tag: "v1")
        }
        #expect(error?.code == .digestMismatch)
        #expect(
            error?.message == "reg says ns/app:v1 is \(Self.otherDigest) but its bytes hash to \(Self.servedDigest)")
        #expect(error?.hint == "the registry converted or altered the manifest")
        #expect(http.requests.count == 1)
    }

    @Test func aMatchingDigestIsAcceptedAndItsBytesAreKept() async throws {
        let http = ScriptedHTTPClient([
            manifest(Self.servedDigest.description, headers: ["Docker-Content-Digest": Self.servedDigest.description])
        ])
        let provider = Registry.provider(http)
        let fetched = try await provider.fetchManifest(repository: "ns/app", reference: Self.servedDigest.description)
        #expect(fetched.digest == Self.servedDigest)
        #expect(fetched.mediaType == MediaType.ociManifest)
        // A second fetch of a verified digest as an index child comes from the content store.
        let cached = try await provider.fetchManifest(
            repository: "ns/app", reference: Self.servedDigest.description, cached: true)
        #expect(cached.data == Data(Self.served.utf8))
        #expect(http.requests.count == 1)
    }
}
