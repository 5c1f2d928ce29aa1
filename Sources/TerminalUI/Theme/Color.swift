import Foundation

/// A colour as themes write it: the terminal's default, one of the 256 indexed colours, or RGB.
public enum Color: Hashable, Sendable {
    case terminalDefault
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)

    /// The eight basic ANSI colour names, in index order.
    public static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses `default`, an ANSI name (`red`, `bright-red`), an index `0`…`255`, or `#rrggbb`.
    public init?(_ text: String) {
        let name = text.trimmingCharacters(in: .whitespaces).lowercased()
        if name == "default" || name.isEmpty {
            self = .terminalDefault
        } else if let index = Self.ansiNames.firstIndex(of: name) {
            self = .indexed(UInt8(index))
        } else if name.hasPrefix("bright-"), let index = Self.ansiNames.firstIndex(of: String(name.dropFirst(7))) {
            self = .indexed(UInt8(index + 8))
        } else if let number = UInt8(name) {
            self = .indexed(number)
        } else if name.hasPrefix("#"), name.count == 7, let value = UInt32(name.dropFirst(), radix: 16) {
            self = .rgb(UInt8(value >> 16), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
        } else {
            return nil
        }
    }

    /// The colour number for a terminal of `depth`: -1 for the default colour; RGB packed for direct
    /// colour; the nearest xterm-256 or ANSI colour otherwise. Nil when colours are off.
    public func number(for depth: ColorDepth) -> Int? {
        switch (self, depth) {
        case (_, .none): return nil
        case (.terminalDefault, _): return -1
        case (.indexed(let index), .basic):
            return Int(index < 16 ? index % 8 : Self.nearestBasic(Self.rgbOfIndex(index)))
        case (.indexed(let index), _): return Int(index)
        case (.rgb(let r, let g, let b), .direct): return Int(r) << 16 | Int(g) << 8 | Int(b)
        case (.rgb(let r, let g, let b), .indexed256): return Int(Self.nearest256((r, g, b)))
        case (.rgb(let r, let g, let b), .basic): return Int(Self.nearestBasic((r, g, b)))
        }
    }

    private static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    private static func rgbOfIndex(_ index: UInt8) -> (UInt8, UInt8, UInt8) {
        switch index {
        case 16...231:
            let value = Int(index) - 16
            return (UInt8(cubeLevels[value / 36]), UInt8(cubeLevels[(value / 6) % 6]), UInt8(cubeLevels[value % 6]))
        case 232...255:
            let level = UInt8(8 + (Int(index) - 232) * 10)
            return (level, level, level)
        default:
            return basicPalette[Int(index % 8)]
        }
    }

    private static let basicPalette: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    ]

    private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0)
        let dg = Int(a.1) - Int(b.1)
        let db = Int(a.2) - Int(b.2)
        return dr * dr * 3 + dg * dg * 4 + db * db * 2
    }

    static func nearest256(_ rgb: (UInt8, UInt8, UInt8)) -> UInt8 {
        var best: UInt8 = 16
        var bestDistance = Int.max
        for index in 16...255 {
            let candidate = distance(rgb, rgbOfIndex(UInt8(index)))
            if candidate < bestDistance {
                bestDistance = candidate
                best = UInt8(index)
            }
        }
        return best
    }

    static func nearestBasic(_ rgb: (UInt8, UInt8, UInt8)) -> UInt8 {
        UInt8(basicPalette.indices.min { distance(rgb, basicPalette[$0]) < distance(rgb, basicPalette[$1]) } ?? 7)
    }
}

/// How many colours the terminal can show.
public enum ColorDepth: Sendable, Equatable {
    /// No colour: `NO_COLOR`, `TERM=dumb`, or a monochrome terminal. Attributes still work.
    case none
    /// The eight ANSI colours.
    case basic
    /// xterm's 256 colours.
    case indexed256
    /// 24-bit direct colour.
    case direct

    /// The depth for a terminal reporting `colors`, honouring `NO_COLOR` and `TERM=dumb`.
    public static func detect(colors: Int, environment: [String: String]) -> ColorDepth {
        if environment["NO_COLOR"].map({ !$0.isEmpty }) == true || environment["TERM"] == "dumb" { return .none }
        switch colors {
        case ..<8: return .none
        case 8..<256: return .basic
        case 256..<0x100_0000:
            let truecolor = ["truecolor", "24bit"].contains(environment["COLORTERM"]?.lowercased() ?? "")
            return truecolor && colors >= 0x100_0000 ? .direct : .indexed256
        default: return .direct
        }
    }
}
