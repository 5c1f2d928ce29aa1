/// One page of a Personal Edition list: the items under the list's own key (`repos`, `tags`…)
/// and the paging echo (`page`, `pageSize`, `total`) beside them in `data`.
struct ACRPersonalPage<Item: Decodable & Sendable>: Decodable, Sendable {
    var items: [Item]
    var total: Int?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: NamedCodingKey.self)
        let itemsKey = decoder.userInfo[.acrItemsKey] as? String ?? "items"
        items = try container.decodeIfPresent([Item].self, forKey: NamedCodingKey(itemsKey)) ?? []
        total = try container.decodeIfPresent(LenientInt.self, forKey: NamedCodingKey("total"))?.value
    }
}
