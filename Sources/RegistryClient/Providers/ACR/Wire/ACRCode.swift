/// The envelope's `Code`: a string (`"success"`, `"NoPrivilege"`) in most actions, an integer in a few.
struct ACRCode: Decodable, Sendable, Equatable {
    var text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            text = String(number)
        } else {
            text = try container.decode(String.self)
        }
    }
}
