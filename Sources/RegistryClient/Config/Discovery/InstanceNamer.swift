/// Instance names made from outside text (host names, ACR instance names) that satisfy the config's
/// name grammar and are unique.
enum InstanceNamer {
    /// The longest name made, leaving room for a `-N` suffix within the grammar's 64 characters.
    static let maximumLength = 60

    /// `text` with every character outside `[A-Za-z0-9._-]` replaced by `-`, leading non-alphanumerics
    /// dropped, cut to `maximumLength`; `registry` when nothing is left.
    static func name(from text: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-".unicodeScalars)
        let mapped = String(String.UnicodeScalarView(text.unicodeScalars.map { allowed.contains($0) ? $0 : "-" }))
        let trimmed = mapped.drop { "._-".contains($0) }.prefix(maximumLength)
        return trimmed.isEmpty ? "registry" : String(trimmed)
    }

    /// Each proposal's name made grammatical and unique, the first keeping its name and later ones
    /// getting `-2`, `-3`, ….
    static func makeUnique(_ proposals: inout [InstanceProposal]) {
        var taken = Set<String>()
        for index in proposals.indices {
            let base = name(from: proposals[index].entry.name)
            var candidate = base
            var number = 2
            while !taken.insert(candidate.lowercased()).inserted {
                candidate = "\(base)-\(number)"
                number += 1
            }
            proposals[index].entry.name = candidate
        }
    }
}
