import Foundation

/// The query parameters of one ACR call, serialised as Alibaba's SDK does: text as is, integers
/// in decimal, booleans as `true`/`false`, nested objects as one compact JSON value; nil omitted.
public struct ACRParameters: Sendable, ExpressibleByDictionaryLiteral {
    /// The name/value pairs, in insertion order.
    public private(set) var pairs: [(String, String)] = []

    /// Creates parameters from text values; nil values are dropped.
    public init(dictionaryLiteral elements: (String, String?)...) {
        for (name, value) in elements { self[name] = value }
    }

    /// Sets or removes a text parameter.
    public subscript(name: String) -> String? {
        get { pairs.first { $0.0 == name }?.1 }
        set {
            pairs.removeAll { $0.0 == name }
            if let newValue { pairs.append((name, newValue)) }
        }
    }

    /// Sets or removes an integer parameter.
    public mutating func set(_ name: String, _ value: Int?) { self[name] = value.map(String.init) }

    /// Sets or removes a boolean parameter.
    public mutating func set(_ name: String, _ value: Bool?) { self[name] = value.map { $0 ? "true" : "false" } }

    /// Sets a "shrink" parameter: the object as one compact JSON string.
    public mutating func set(_ name: String, json object: [String: any Sendable]) {
        self[name] = Self.compactJSON(object, empty: "{}")
    }

    /// Sets a list as one compact JSON array string (`["ns1","ns2"]`).
    public mutating func set(_ name: String, jsonList list: [String]) {
        self[name] = Self.compactJSON(list, empty: "[]")
    }

    /// Sets a list of objects as one compact JSON array string (`[{"Entry":"…"}]`).
    public mutating func set(_ name: String, jsonObjects list: [[String: String]]) {
        self[name] = Self.compactJSON(list, empty: "[]")
    }

    /// Sets a plain list the way the SDK flattens it: `Name.1`, `Name.2`…; earlier items removed.
    public mutating func set(_ name: String, list: [String]) {
        pairs.removeAll { $0.0.hasPrefix(name + ".") }
        for (index, item) in list.enumerated() { pairs.append(("\(name).\(index + 1)", item)) }
    }

    private static func compactJSON(_ value: Any, empty: String) -> String {
        let data =
            (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data(empty.utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
