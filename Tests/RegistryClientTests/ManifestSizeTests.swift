import Foundation
import RegistryClient
import Testing

/// Sizes come from the server: sums that pass `Int64` hold at the limit instead of crashing.
struct ManifestSizeTests {
    private static func descriptor(_ size: Int64, platform: Platform? = nil) -> Descriptor {
        Descriptor(
            mediaType: MediaType.ociManifest, digest: Digest.sha256(of: Data("\(size)".utf8)), size: size,
            platform: platform)
    }

    private static func image(layers: [Int64]) -> Artifact.Image {
        let manifest = ImageManifest(
            mediaType: MediaType.ociManifest, config: descriptor(2), layers: layers.map { descriptor($0) })
        return Artifact.Image(digest: descriptor(0).digest, manifest: manifest, config: nil)
    }

    @Test func manifestSizeHoldsAtTheLimit() {
        #expect(Self.image(layers: [10, 20]).manifest.contentSize == 32)
        #expect(Self.image(layers: [.max - 1, 1, 5]).manifest.contentSize == .max)
        #expect(Self.image(layers: [.min, -5]).manifest.contentSize == .min)
    }

    @Test func indexSizeHoldsAtTheLimit() {
        let linux = Platform(os: "linux", architecture: "amd64")
        let child = Artifact.Child(
            descriptor: Self.descriptor(528, platform: linux), image: Self.image(layers: [.max / 2]))
        let index = ImageIndex(
            mediaType: MediaType.ociIndex, manifests: [child.descriptor, child.descriptor, child.descriptor])
        let artifact = Artifact(
            reference: Reference(locator: "local", repository: "app"), digest: Self.descriptor(1).digest,
            mediaType: MediaType.ociIndex, rawManifest: Data(), content: .index(index, children: [child, child, child]))
        #expect(artifact.size == .max)
    }
}
