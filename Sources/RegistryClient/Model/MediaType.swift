import Foundation

/// Media types of the OCI image spec and Docker's registry formats.
public enum MediaType {
    public static let ociIndex = "application/vnd.oci.image.index.v1+json"
    public static let ociManifest = "application/vnd.oci.image.manifest.v1+json"
    public static let ociConfig = "application/vnd.oci.image.config.v1+json"
    public static let ociEmpty = "application/vnd.oci.empty.v1+json"
    public static let dockerList = "application/vnd.docker.distribution.manifest.list.v2+json"
    public static let dockerManifest = "application/vnd.docker.distribution.manifest.v2+json"
    public static let dockerConfig = "application/vnd.docker.container.image.v1+json"

    /// Every manifest type the client understands, sent as `Accept` on every manifest request.
    /// Registry 2.8 answers an OCI manifest fetched without it with 404 and down-converts schema2.
    public static let manifestAccept = [ociIndex, ociManifest, dockerList, dockerManifest].joined(separator: ", ")

    /// Whether the type is a multi-platform index (OCI index or Docker manifest list).
    public static func isIndex(_ mediaType: String) -> Bool {
        mediaType == ociIndex || mediaType == dockerList
    }

    /// Whether the type is a single image manifest.
    public static func isManifest(_ mediaType: String) -> Bool {
        mediaType == ociManifest || mediaType == dockerManifest
    }

    /// The media type without parameters (`; charset=…`), lowercased.
    public static func essence(_ contentType: String) -> String {
        contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    }
}
