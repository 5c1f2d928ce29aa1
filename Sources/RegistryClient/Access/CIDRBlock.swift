/// An IPv4 network in CIDR notation (`192.168.1.0/24`), as ACR's endpoint ACLs take it. A bare
/// address means `/32`. Host bits set below the prefix are refused, since the entry would not
/// mean what it says.
public struct CIDRBlock: Sendable, Hashable, CustomStringConvertible {
    /// The network address, as four octets.
    public let octets: [UInt8]
    public let prefixLength: Int

    /// Parses `a.b.c.d[/n]`.
    /// - Throws: `RegistryError(.invalidReference)` saying what is wrong, with the corrected
    ///   network when only host bits were set.
    public init(_ text: String) throws {
        func refuse(_ why: String, hint: String = "e.g. 203.0.113.0/24 or 198.51.100.7") -> RegistryError {
            RegistryError(.invalidReference, "'\(text)' is not an IPv4 CIDR block: \(why)", hint: hint)
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw refuse("more than one '/'") }
        let address = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard address.count == 4 else { throw refuse("an address has four numbers separated by '.'") }
        var octets: [UInt8] = []
        for part in address {
            guard (1...3).contains(part.count), part.allSatisfy(\.isASCII), let value = UInt8(part),
                part.count == 1 || part.first != "0"
            else { throw refuse("'\(part)' is not a number from 0 to 255") }
            octets.append(value)
        }
        var length = 32
        if parts.count == 2 {
            guard let parsed = Int(parts[1]), (0...32).contains(parsed), parts[1].allSatisfy(\.isASCII) else {
                throw refuse("the prefix length must be 0 to 32")
            }
            length = parsed
        }
        let value = octets.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let mask: UInt32 = length == 0 ? 0 : ~UInt32(0) << (32 - length)
        guard value & ~mask == 0 else {
            let network = value & mask
            let text = (0..<4).map { String((network >> (24 - 8 * $0)) & 0xff) }.joined(separator: ".")
            throw refuse("host bits are set below /\(length)", hint: "did you mean \(text)/\(length)?")
        }
        self.octets = octets
        self.prefixLength = length
    }

    /// `a.b.c.d/n`.
    public var description: String { octets.map(String.init).joined(separator: ".") + "/\(prefixLength)" }
}
