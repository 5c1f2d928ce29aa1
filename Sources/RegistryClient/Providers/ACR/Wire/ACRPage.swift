/// One page of a list action: the items under the action's own key, and the paging echo.
struct ACRPage<Item: Decodable & Sendable>: Decodable, Sendable {
    var items: [Item]
    var totalCount: Int?

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let itemsKey = decoder.userInfo[.acrItemsKey] as? String ?? "Items"
        items = try container.decodeIfPresent([Item].self, forKey: Key(stringValue: itemsKey)) ?? []
        totalCount = try container.decodeIfPresent(LenientInt.self, forKey: Key(stringValue: "TotalCount"))?.value
    }
}

extension CodingUserInfoKey {
    /// The key a list page's items sit under (`Instances`, `Images`…), set per decode.
    static let acrItemsKey = CodingUserInfoKey(rawValue: "acr.itemsKey")!
}
