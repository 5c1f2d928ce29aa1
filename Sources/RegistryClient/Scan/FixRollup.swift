import Foundation

/// "Upgrading package X fixes N findings": fixable findings grouped by package, most fixes first.
public struct FixRollup: Sendable, Identifiable {
    public var package: String
    public var installedVersion: String
    /// The highest fixed version any of the findings needs.
    public var upgradeTo: String
    public var fixes: Int
    /// The worst severity among them.
    public var worst: Severity

    public var id: String { "\(package)|\(installedVersion)" }

    /// The rollups of a list of findings.
    public static func of(_ findings: [Finding]) -> [FixRollup] {
        Dictionary(grouping: findings.filter(\.isFixable)) { "\($0.package)|\($0.installedVersion)" }.values.map {
            group in
            let versions = group.compactMap(\.fixedVersion).flatMap {
                $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            }
            let highest =
                versions.max { lhs, rhs in
                    switch (SemanticVersion(lhs), SemanticVersion(rhs)) {
                    case let (l?, r?): l < r
                    default: lhs.compare(rhs, options: .numeric) == .orderedAscending
                    }
                } ?? ""
            return FixRollup(
                package: group[0].package, installedVersion: group[0].installedVersion, upgradeTo: highest,
                fixes: group.count, worst: group.map(\.severity).max() ?? .unknown)
        }.sorted { ($0.fixes, $0.worst, $1.package) > ($1.fixes, $1.worst, $0.package) }
    }
}
