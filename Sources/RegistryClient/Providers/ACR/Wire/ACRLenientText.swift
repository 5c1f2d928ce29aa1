/// A field ACR types inconsistently: a string in most answers, a boolean or number in some
/// (`"Status": true` in an old GetRepoBuildRecord sample, `"AutoBuild": "true"`). Kept as text.
struct ACRLenientText: Decodable, Sendable, Hashable {
    var text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let string = try? container.decode(String.self) {
            text = string
        } else if let flag = try? container.decode(Bool.self) {
            text = flag ? "true" : "false"
        } else if let number = try? container.decode(Double.self) {
            text = number.rounded() == number ? String(Int(number)) : String(number)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected text, a flag or a number")
        }
    }

    /// `true`/`"true"` (any casing) as a flag; anything else is false.
    var flag: Bool { text.lowercased() == "true" }
}
