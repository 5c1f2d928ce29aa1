/// A coding key made from any name, for JSON whose keys are known only at run time (a list's own
/// key, the top-level keys that tell formats apart).
struct NamedCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { self.stringValue = name }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
