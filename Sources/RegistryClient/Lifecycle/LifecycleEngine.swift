import Foundation

/// Plans lifecycle rules over an inventory: a pure, deterministic function (rules, tags, now) →
/// `LifecyclePlan`. The semantics, with the choices ACR's documentation leaves open, are in
/// `docs/lifecycle.md`:
///
/// - A tag is kept when a rule covering its repository keeps it: it is among the rule's
///   `retentionTagCount` newest, its name contains a match of `tagRegexp`, or it was created within
///   `keepPushedWithinDays`. Rules are OR-ed: a tag any covering rule keeps is kept.
/// - "Newest" orders by created time, newest first; ties go to the higher version, then to the
///   name later in byte order. Tags without a created time or that could not be read are kept.
/// - A tag whose digest a kept tag shares is kept (deleting the digest would delete both).
/// - `sha256-…` referrers tags are not images and are always kept; repositories no rule covers too.
public enum LifecycleEngine {
    /// Plans `rules` over `inventory` as of `now`.
    public static func plan(rules: [LifecycleRule], inventory: LifecycleInventory, now: Date) -> LifecyclePlan {
        var warnings: [String] = []
        let patterns = compile(rules, warnings: &warnings)
        var entries: [LifecyclePlan.Entry] = []
        var bytesFreed: Int64 = 0
        for repository in inventory.repositories.keys.sorted() {
            let tags = inventory.repositories[repository] ?? []
            let covering = rules.indices.filter { rules[$0].covers(repository: repository) }
            let planned = planRepository(
                repository, tags: tags, rules: covering.map { (rules[$0], patterns[$0]) }, now: now)
            bytesFreed = [bytesFreed, planned.bytesFreed].saturatingSum
            warnings += repositoryWarnings(repository, planned.entries)
            entries += planned.entries
        }
        for rule in rules where !inventory.repositories.keys.contains(where: rule.covers) {
            warnings.append("rule \(rule.id) covers no repository (\(rule.scope))")
        }
        return LifecyclePlan(entries: entries, bytesFreed: bytesFreed, warnings: warnings)
    }

    /// A pattern per rule; a pattern that does not compile makes its rule keep everything.
    private static func compile(_ rules: [LifecycleRule], warnings: inout [String]) -> [TagPattern?] {
        rules.map { rule in
            guard let pattern = rule.tagRegexp else { return nil }
            do {
                return try TagPattern(pattern)
            } catch {
                warnings.append("rule \(rule.id): tag_regexp does not compile, so the rule keeps every tag")
                return try? TagPattern("")
            }
        }
    }

    private typealias CompiledRule = (rule: LifecycleRule, pattern: TagPattern?)

    /// Plans one repository. Works on indexes and interned digests: plans run over 100,000 tags
    /// on every keystroke of the editor.
    private static func planRepository(
        _ repository: String, tags: [LifecycleInventory.TagFacts], rules: [CompiledRule], now: Date
    ) -> (entries: [LifecyclePlan.Entry], bytesFreed: Int64) {
        var digestIDs: [Digest: Int] = [:]
        digestIDs.reserveCapacity(tags.count)
        var digestOfTag = [Int](repeating: -1, count: tags.count)
        for index in tags.indices {
            guard let digest = tags[index].digest else { continue }
            if let id = digestIDs[digest] {
                digestOfTag[index] = id
            } else {
                digestOfTag[index] = digestIDs.count
                digestIDs[digest] = digestIDs.count
            }
        }
        var decisions = [LifecyclePlan.Decision](repeating: .keep, count: tags.count)
        var reasons = [LifecyclePlan.Reason](repeating: .notCovered, count: tags.count)
        var deciders = [String?](repeating: nil, count: tags.count)
        var special: [Int] = []
        var ranked: [Int] = []
        for index in tags.indices {
            if Tag(name: tags[index].name).isReferrersTag {
                reasons[index] = .referrersTag
            } else if rules.isEmpty {
                reasons[index] = .notCovered
            } else if tags[index].digest == nil {
                reasons[index] = .unreadable(tags[index].problem ?? "no digest")
            } else if tags[index].created == nil {
                reasons[index] = .createdUnknown
            } else {
                ranked.append(index)
                continue
            }
            special.append(index)
        }
        let times = tags.map { $0.created?.timeIntervalSinceReferenceDate ?? -.infinity }
        ranked.sort { times[$0] != times[$1] ? times[$0] > times[$1] : newerFirst(tags[$0], tags[$1]) }
        special.sort { tags[$0].name < tags[$1].name }
        let reference = now.timeIntervalSinceReferenceDate
        let criteria = Criteria(rules)
        for (rank, index) in ranked.enumerated() {
            (decisions[index], reasons[index], deciders[index]) = criteria.decide(
                tags[index].name, age: reference - times[index], rank: rank)
        }
        // A digest a kept tag points to cannot be deleted: keep its other tags too.
        var keptTagOfDigest = [String?](repeating: nil, count: digestIDs.count)
        for index in tags.indices where decisions[index] == .keep && digestOfTag[index] >= 0 {
            let id = digestOfTag[index]
            if let known = keptTagOfDigest[id], known < tags[index].name { continue }
            keptTagOfDigest[id] = tags[index].name
        }
        for index in ranked where decisions[index] == .delete {
            guard let kept = keptTagOfDigest[digestOfTag[index]] else { continue }
            decisions[index] = .keep
            reasons[index] = .sharesDigest(tag: kept)
        }
        let entries = (ranked + special).map { index in
            LifecyclePlan.Entry(
                repository: repository, tag: tags[index].name, digest: tags[index].digest, created: tags[index].created,
                decision: decisions[index],
                reason: reasons[index], rule: deciders[index])
        }
        return (entries, freedBytes(tags, decisions: decisions, digestOfTag: digestOfTag, digests: digestIDs.count))
    }

    /// The covering rules' criteria, unpacked once per repository.
    private struct Criteria {
        let counts: [Int?]
        let patterns: [TagPattern?]
        let sources: [String?]
        let seconds: [Double?]
        let days: [Int?]
        let ids: [String]
        /// Why a tag no rule keeps is deleted: the first rule's criteria.
        let deletion: LifecyclePlan.Reason

        init(_ rules: [CompiledRule]) {
            counts = rules.map(\.rule.retentionTagCount)
            patterns = rules.map(\.pattern)
            sources = rules.map(\.rule.tagRegexp)
            days = rules.map(\.rule.keepPushedWithinDays)
            seconds = days.map { $0.map { Double($0) * 86_400 } }
            ids = rules.map(\.rule.id)
            deletion =
                rules.first.map {
                    .notKept(
                        count: $0.rule.retentionTagCount, pattern: $0.rule.tagRegexp, days: $0.rule.keepPushedWithinDays
                    )
                } ?? .notCovered
        }

        /// The first keeping reason of any rule, else the deletion, with the deciding rule.
        func decide(
            _ name: String, age: TimeInterval, rank: Int
        ) -> (LifecyclePlan.Decision, LifecyclePlan.Reason, String?) {
            for index in ids.indices {
                if let count = counts[index], rank < count {
                    return (.keep, .newest(rank: rank + 1, count: count), ids[index])
                }
                if let pattern = patterns[index], pattern.matches(name) {
                    return (.keep, .matches(pattern: sources[index] ?? ""), ids[index])
                }
                if let limit = seconds[index], age <= limit {
                    return (.keep, .pushedWithin(days: days[index] ?? 0), ids[index])
                }
            }
            return ids.isEmpty ? (.keep, .notCovered, nil) : (.delete, deletion, ids[0])
        }
    }

    /// Newest first; equal times go to the higher version, then the later name.
    static func newerFirst(_ lhs: LifecycleInventory.TagFacts, _ rhs: LifecycleInventory.TagFacts) -> Bool {
        let left = lhs.created ?? .distantPast
        let right = rhs.created ?? .distantPast
        if left != right { return left > right }
        switch (SemanticVersion(lhs.name), SemanticVersion(rhs.name)) {
        case let (l?, r?) where l != r: return l > r
        case (.some, nil): return true
        case (nil, .some): return false
        default: return lhs.name > rhs.name
        }
    }

    /// Bytes of blobs that only deleted manifests of the repository reference.
    private static func freedBytes(
        _ tags: [LifecycleInventory.TagFacts], decisions: [LifecyclePlan.Decision], digestOfTag: [Int], digests: Int
    ) -> Int64 {
        var keptDigest = [Bool](repeating: false, count: digests)
        for index in tags.indices where decisions[index] == .keep && digestOfTag[index] >= 0 {
            keptDigest[digestOfTag[index]] = true
        }
        var seen = [Bool](repeating: false, count: digests)
        // 1: a kept manifest uses the blob; 2: counted as freed.
        var blobs: [Digest: UInt8] = [:]
        blobs.reserveCapacity(digests)
        for index in tags.indices
        where digestOfTag[index] >= 0 && keptDigest[digestOfTag[index]] && !seen[digestOfTag[index]] {
            seen[digestOfTag[index]] = true
            for blob in tags[index].blobs { blobs[blob.digest] = 1 }
        }
        var bytes: Int64 = 0
        for index in tags.indices
        where digestOfTag[index] >= 0 && !keptDigest[digestOfTag[index]] && !seen[digestOfTag[index]] {
            seen[digestOfTag[index]] = true
            for blob in tags[index].blobs { countFreed(&blobs[blob.digest, default: 0], size: blob.size, into: &bytes) }
        }
        return bytes
    }

    /// Counts a blob of a deleted manifest once, unless a kept manifest uses it (one lookup per blob).
    private static func countFreed(_ state: inout UInt8, size: Int64, into bytes: inout Int64) {
        guard state == 0 else { return }
        state = 2
        bytes = [bytes, size].saturatingSum  // sizes come from servers
    }

    private static func repositoryWarnings(_ repository: String, _ entries: [LifecyclePlan.Entry]) -> [String] {
        var warnings: [String] = []
        var images = 0
        var kept = 0
        var undated = 0
        var unreadable = 0
        for entry in entries {
            switch entry.reason {
            case .referrersTag: continue
            case .createdUnknown: undated += 1
            case .unreadable: unreadable += 1
            default: break
            }
            images += 1
            if entry.decision == .keep { kept += 1 }
        }
        if images > 0, kept == 0 { warnings.append("\(repository): every tag would be deleted") }
        if undated > 0 {
            warnings.append("\(repository): \(undated) tag\(undated == 1 ? "" : "s") without a creation time kept")
        }
        if unreadable > 0 {
            warnings.append(
                "\(repository): \(unreadable) tag\(unreadable == 1 ? "" : "s") could not be read and are kept")
        }
        return warnings
    }
}
