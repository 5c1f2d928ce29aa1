extension RegistryError {
    /// Whether the failure concerns only the tag asked about (vanished, unreadable or unnameable),
    /// so a view over many tags reports it and goes on; an unreachable or refusing registry fails
    /// the whole read.
    var concernsOneTag: Bool { [.notFound, .invalidResponse, .invalidReference].contains(code) }
}
