extension Duration {
    /// The duration in whole milliseconds (rounded down), for APIs that take an integer count.
    public var wholeMilliseconds: Int {
        Int(components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000)
    }
}

extension Duration {
    /// Seconds as people write them: `3`, `2.5`.
    var secondsText: String {
        let milliseconds = wholeMilliseconds
        return milliseconds % 1000 == 0
            ? String(milliseconds / 1000) : String(format: "%.1f", Double(milliseconds) / 1000)
    }
}
