/// An artifact (`GET …/repositories/{repository_name}/artifacts[/{reference}]`): an image, index,
/// chart or other OCI artifact with its tags, index children, accessories and scan overview.
struct HarborArtifactRecord: Decodable, Sendable {
    /// A tag pointing at the artifact.
    struct Tag: Decodable, Sendable {
        var id: Int
        var repositoryID: Int?
        var artifactID: Int?
        var name: String
        var pushTime: HarborTime?
        var pullTime: HarborTime?
        var immutable: Bool?

        enum CodingKeys: String, CodingKey {
            case id
            case repositoryID = "repository_id"
            case artifactID = "artifact_id"
            case name
            case pushTime = "push_time"
            case pullTime = "pull_time"
            case immutable
        }
    }

    /// The platform of an index child.
    struct Platform: Decodable, Sendable {
        var os: String?
        var architecture: String?
        var variant: String?
        var osVersion: String?

        enum CodingKeys: String, CodingKey {
            case os
            case architecture
            case variant
            case osVersion = "os.version"
        }
    }

    /// A child of an index.
    struct Reference: Decodable, Sendable {
        var parentID: Int?
        var childID: Int?
        var childDigest: Digest
        var platform: Platform?

        enum CodingKeys: String, CodingKey {
            case parentID = "parent_id"
            case childID = "child_id"
            case childDigest = "child_digest"
            case platform
        }
    }

    /// A signature, SBOM or other referrer attached to the artifact.
    struct Accessory: Decodable, Sendable {
        var id: Int
        var artifactID: Int?
        var digest: Digest
        var size: Int?
        /// `signature.cosign`, `signature.notation`, `sbom.harbor`, `accelerator.nydus`, `subject.accessory`.
        var type: String?
        var subjectArtifactDigest: Digest?
        var creationTime: HarborTime?

        enum CodingKeys: String, CodingKey {
            case id
            case artifactID = "artifact_id"
            case digest
            case size
            case type
            case subjectArtifactDigest = "subject_artifact_digest"
            case creationTime = "creation_time"
        }
    }

    /// A related resource; `href` is already encoded and is used as it is.
    struct AdditionLink: Decodable, Sendable {
        var href: String
        var absolute: Bool?
    }

    var id: Int
    /// `IMAGE`, `CHART`, `CNAB`, `WASM`, `SBOM`, `CNAI` or `UNKNOWN`.
    var type: String?
    var digest: Digest
    /// Bytes, including the manifest's own length.
    var size: Int?
    var mediaType: String?
    var manifestMediaType: String?
    var artifactType: String?
    var projectID: Int?
    var repositoryID: Int?
    var repositoryName: String?
    var pushTime: HarborTime?
    var pullTime: HarborTime?
    var tags: [Tag]?
    var references: [Reference]?
    var accessories: [Accessory]?
    /// By kind: `vulnerabilities`, `build_history`, `values.yaml`, `sboms`…
    var additionLinks: [String: AdditionLink]?
    /// By report MIME type; absent or `{}` when never scanned.
    var scanOverview: [String: HarborScanOverview]?
    /// An image's config facts; nil for other artifacts or an unreadable map.
    var extraAttributes: HarborImageAttributes?

    enum CodingKeys: String, CodingKey {
        case id
        case type
        case digest
        case size
        case mediaType = "media_type"
        case manifestMediaType = "manifest_media_type"
        case artifactType = "artifact_type"
        case projectID = "project_id"
        case repositoryID = "repository_id"
        case repositoryName = "repository_name"
        case pushTime = "push_time"
        case pullTime = "pull_time"
        case tags
        case references
        case accessories
        case additionLinks = "addition_links"
        case scanOverview = "scan_overview"
        case extraAttributes = "extra_attrs"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int.self, forKey: .id)
        type = try container.decodeIfPresent(String.self, forKey: .type)
        digest = try container.decode(Digest.self, forKey: .digest)
        size = try container.decodeIfPresent(Int.self, forKey: .size)
        mediaType = try container.decodeIfPresent(String.self, forKey: .mediaType)
        manifestMediaType = try container.decodeIfPresent(String.self, forKey: .manifestMediaType)
        artifactType = try container.decodeIfPresent(String.self, forKey: .artifactType)
        projectID = try container.decodeIfPresent(Int.self, forKey: .projectID)
        repositoryID = try container.decodeIfPresent(Int.self, forKey: .repositoryID)
        repositoryName = try container.decodeIfPresent(String.self, forKey: .repositoryName)
        pushTime = try container.decodeIfPresent(HarborTime.self, forKey: .pushTime)
        pullTime = try container.decodeIfPresent(HarborTime.self, forKey: .pullTime)
        tags = try container.decodeIfPresent([Tag].self, forKey: .tags)
        references = try container.decodeIfPresent([Reference].self, forKey: .references)
        accessories = try container.decodeIfPresent([Accessory].self, forKey: .accessories)
        additionLinks = try container.decodeIfPresent([String: AdditionLink].self, forKey: .additionLinks)
        scanOverview = try container.decodeIfPresent([String: HarborScanOverview].self, forKey: .scanOverview)
        extraAttributes = try? container.decodeIfPresent(HarborImageAttributes.self, forKey: .extraAttributes)
    }

    /// The vulnerability scan's overview, whichever report type Harbor sent.
    var scan: HarborScanOverview? { HarborScanOverview.preferred(in: scanOverview) }
}
