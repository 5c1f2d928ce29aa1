import Foundation
import RegistryClient
import TerminalUI

extension FuzzTarget {
    /// A findings filter expression, applied to a few findings.
    static let findingFilter = FuzzTarget(name: "finding-filter") { data in
        guard let filter = try? FindingFilter(text(data)) else { return }
        for finding in sampleFindings {
            _ = (filter.matches(finding), filter.matches(finding, suppressed: true))
        }
    }

    /// A table `/` filter, matched against a few row keys.
    static let filterQuery = FuzzTarget(name: "filter-query") { data in
        guard let query = try? FilterQuery(text(data)) else { return }
        let previous = try? FilterQuery(String(text(data).dropLast()))
        for key in sampleKeys {
            _ = (query.matches(key), query.score(key), previous.map(query.narrows))
        }
    }

    private static let sampleFindings = [
        Finding(
            vulnerability: "CVE-2024-0001", aliases: ["GHSA-xxxx-yyyy"], severity: .high, sourceSeverity: "HIGH",
            package: "openssl", installedVersion: "3.0.1", fixedVersion: "3.0.2", title: "Overflow", cvssScore: 7.5),
        Finding(vulnerability: "", severity: .unknown, sourceSeverity: "", package: "", installedVersion: ""),
    ]

    private static let sampleKeys = ["", "library/alpine", "ns/app:v1.2.3 sha256:abc", "中文 tag-\u{1B}[31m"]
        .map(FilterQuery.key)
}
