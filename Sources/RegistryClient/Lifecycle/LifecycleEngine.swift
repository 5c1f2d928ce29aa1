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
            let planned = planRepository(repository, tags: tags, rules: covering.map { (rules[$0], patterns[$0]) }, now: now)
            bytesFreed += freedBytes(planned, tags: tags)
            warnings += repositoryWarnings(repository, planned)
            entries += planned
        }
        for rule in rules where !inventory.repositories.keys.contains(where: rule.covers) {
            warnings.append("rule \(rule.id) covers no repository (\(rule.scope))")
        }
        return LifecyclePlan(entries: entries, bytesFreed: bytesFreed, warnings: warnings)
    }

    /// A pattern per rule; a pattern that does not compile makes its rule keep everything.
    private static func compile(_ rules: [LifecycleRule], warnings: inout [String]) -> [Regex<AnyRegexOutput>?] {
        rules.map { rule in
            guard let pattern = rule.tagRegexp else { return nil }
            do {
                return try Regex(pattern)
            } catch {
                warnings.append("rule \(rule.id): tag_regexp does not compile, so the rule keeps every tag")
                return try? Regex("")
            }
        }
    }

    private static func planRepository(
        _ repository: String, tags: [LifecycleInventory.TagFacts], rules: [(rule: LifecycleRule, pattern: Regex<AnyRegexOutput>?)], now: Date
    ) -> [LifecyclePlan.Entry] {
        func entry(_ tag: LifecycleInventory.TagFacts, _ decision: LifecyclePlan.Decision, _ reason: LifecyclePlan.Reason, _ rule: String?) -> LifecyclePlan.Entry {
            LifecyclePlan.Entry(repository: repository, tag: tag.name, digest: tag.digest, created: tag.created, decision: decision, reason: reason, rule: rule)
        }
        var entries: [LifecyclePlan.Entry] = []
        var ranked: [LifecycleInventory.TagFacts] = []
        for tag in tags {
            if Tag(name: tag.name).isReferrersTag {
                entries.append(entry(tag, .keep, .referrersTag, nil))
            } else if rules.isEmpty {
                entries.append(entry(tag, .keep, .notCovered, nil))
            } else if tag.digest == nil {
                entries.append(entry(tag, .keep, .unreadable(tag.problem ?? "no digest"), nil))
            } else if tag.created == nil {
                entries.append(entry(tag, .keep, .createdUnknown, nil))
            } else {
                ranked.append(tag)
            }
        }
        ranked.sort(by: newerFirst)
        entries.sort { $0.tag < $1.tag }
        var decided: [LifecyclePlan.Entry] = []
        decided.reserveCapacity(ranked.count)
        for (rank, tag) in ranked.enumerated() {
            decided.append(decide(tag, rank: rank, rules: rules, now: now, entry: entry))
        }
        // A digest a kept tag points to cannot be deleted: keep its other tags too.
        var keptTagOfDigest: [Digest: String] = [:]
        for item in decided + entries where item.decision == .keep {
            guard let digest = item.digest else { continue }
            if let known = keptTagOfDigest[digest], known < item.tag { continue }
            keptTagOfDigest[digest] = item.tag
        }
        for index in decided.indices where decided[index].decision == .delete {
            guard let digest = decided[index].digest, let kept = keptTagOfDigest[digest] else { continue }
            decided[index].decision = .keep
            decided[index].reason = .sharesDigest(tag: kept)
        }
        return decided + entries
    }

    /// The first keeping reason of any rule, else a deletion explained by the first rule.
    private static func decide(
        _ tag: LifecycleInventory.TagFacts, rank: Int, rules: [(rule: LifecycleRule, pattern: Regex<AnyRegexOutput>?)], now: Date,
        entry: (LifecycleInventory.TagFacts, LifecyclePlan.Decision, LifecyclePlan.Reason, String?) -> LifecyclePlan.Entry
    ) -> LifecyclePlan.Entry {
        for (rule, pattern) in rules {
            if let count = rule.retentionTagCount, rank < count {
                return entry(tag, .keep, .newest(rank: rank + 1, count: count), rule.id)
            }
            if let pattern, tag.name.contains(pattern) {
                return entry(tag, .keep, .matches(pattern: rule.tagRegexp ?? ""), rule.id)
            }
            if let days = rule.keepPushedWithinDays, let created = tag.created, now.timeIntervalSince(created) <= Double(days) * 86_400 {
                return entry(tag, .keep, .pushedWithin(days: days), rule.id)
            }
        }
        let first = rules[0].rule
        return entry(tag, .delete, .notKept(count: first.retentionTagCount, pattern: first.tagRegexp, days: first.keepPushedWithinDays), first.id)
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
    private static func freedBytes(_ entries: [LifecyclePlan.Entry], tags: [LifecycleInventory.TagFacts]) -> Int64 {
        var blobsOfDigest: [Digest: [Blob]] = [:]
        for tag in tags { if let digest = tag.digest { blobsOfDigest[digest] = tag.blobs } }
        var kept: Set<Digest> = []
        var deleted: Set<Digest> = []
        for entry in entries {
            guard let digest = entry.digest else { continue }
            if entry.decision == .keep { kept.insert(digest) } else { deleted.insert(digest) }
        }
        let stillUsed = Set(kept.flatMap { blobsOfDigest[$0] ?? [] }.map(\.digest))
        var freed: [Digest: Int64] = [:]
        for digest in deleted.subtracting(kept) {
            for blob in blobsOfDigest[digest] ?? [] where !stillUsed.contains(blob.digest) { freed[blob.digest] = blob.size }
        }
        return freed.values.reduce(0, +)
    }

    private static func repositoryWarnings(_ repository: String, _ entries: [LifecyclePlan.Entry]) -> [String] {
        var warnings: [String] = []
        let images = entries.filter { $0.reason != .referrersTag }
        if !images.isEmpty, images.allSatisfy({ $0.decision == .delete }) {
            warnings.append("\(repository): every tag would be deleted")
        }
        let undated = entries.filter { $0.reason == .createdUnknown }.count
        if undated > 0 { warnings.append("\(repository): \(undated) tag\(undated == 1 ? "" : "s") without a creation time kept") }
        let unreadable = entries.filter { if case .unreadable = $0.reason { true } else { false } }.count
        if unreadable > 0 { warnings.append("\(repository): \(unreadable) tag\(unreadable == 1 ? "" : "s") could not be read and are kept") }
        return warnings
    }
}
