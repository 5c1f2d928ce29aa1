import Foundation
import RegistryClient

extension FuzzTarget {
    /// A manifest body decoded as the distribution provider decodes it, as an index, an image
    /// manifest or an image config, then summarised the way a tag list and `inspect` show it.
    static let manifest = FuzzTarget(name: "manifest") { data in
        let decoder = JSONDecoder()
        let digest = Digest.sha256(of: data)
        let config = try? decoder.decode(ImageConfig.self, from: data)
        _ = (config?.createdDate, config?.platform?.description)
        var contents: [(String, Artifact.Content)] = []
        if let index = try? decoder.decode(ImageIndex.self, from: data) {
            let children = index.manifests.map { Artifact.Child(descriptor: $0, image: nil) }
            contents.append((index.mediaType ?? MediaType.ociIndex, .index(index, children: children)))
        }
        if let manifest = try? decoder.decode(ImageManifest.self, from: data) {
            let image = Artifact.Image(digest: digest, manifest: manifest, config: config)
            contents.append((manifest.mediaType ?? MediaType.ociManifest, .image(image)))
            // The same image as every platform child of an index, as a multi-platform tag sums them.
            let index = ImageIndex(mediaType: MediaType.ociIndex, manifests: [manifest.config] + manifest.layers)
            let children = index.manifests.map { Artifact.Child(descriptor: $0, image: image) }
            contents.append((MediaType.ociIndex, .index(index, children: children)))
            _ = manifest.effectiveArtifactType
        }
        let reference = Reference(locator: "registry.example", repository: "fuzz", digest: digest)
        for (mediaType, content) in contents {
            let artifact = Artifact(
                reference: reference, digest: digest, mediaType: mediaType, rawManifest: data, content: content)
            _ = (artifact.details, artifact.platforms.map(\.description))
        }
    }
}
