/// Standard output in 64 KiB writes, for output too large to build as one string first.
struct StandardOutputBuffer: TextOutputStream {
    private var buffer = ""

    mutating func write(_ string: String) {
        buffer += string
        if buffer.utf8.count >= 1 << 16 { flush() }
    }

    /// Writes what is buffered.
    mutating func flush() {
        print(buffer, terminator: "")
        buffer.removeAll(keepingCapacity: true)
    }
}
