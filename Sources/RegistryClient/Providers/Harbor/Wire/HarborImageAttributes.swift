/// What Harbor's `extra_attrs` says of an image's config: its `created` time and platform. The
/// swagger types the map loosely, so each field is read only when it has the expected shape.
struct HarborImageAttributes: Decodable, Sendable {
    var created: HarborTime?
    var os: String?
    var architecture: String?
    var variant: String?

    enum CodingKeys: String, CodingKey {
        case created
        case os
        case architecture
        case variant
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        created = try? container.decodeIfPresent(HarborTime.self, forKey: .created)
        os = try? container.decodeIfPresent(String.self, forKey: .os)
        architecture = try? container.decodeIfPresent(String.self, forKey: .architecture)
        variant = try? container.decodeIfPresent(String.self, forKey: .variant)
    }
}
