/// One page of a list action: the items under the action's own key, and the paging echo.
struct ACRPage<Item: Decodable & Sendable>: Decodable, Sendable {
    var items: [Item]
    var totalCount: Int?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: NamedCodingKey.self)
        let itemsKey = decoder.userInfo[.acrItemsKey] as? String ?? "Items"
        items = try container.decodeIfPresent([Item].self, forKey: NamedCodingKey(itemsKey)) ?? []
        totalCount = try container.decodeIfPresent(LenientInt.self, forKey: NamedCodingKey("TotalCount"))?.value
    }
}

extension CodingUserInfoKey {
    /// The key a list page's items sit under (`Instances`, `Images`…), set per decode.
    static let acrItemsKey = CodingUserInfoKey(rawValue: "acr.itemsKey")!
}
