import Foundation
import Testing

/// The snapshot helper itself.
struct SnapshotTests {
    @Test func updatingSnapshotsIsRefusedUnderCI() throws {
        let name = "refused-\(UUID().uuidString)"
        let url = Snapshot.directory.appendingPathComponent("\(name).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        try withKnownIssue {
            try Snapshot.check("screen", named: name, environment: ["UPDATE_SNAPSHOTS": "1", "CI": "true"])
        } matching: { issue in
            issue.comments.contains {
                $0.rawValue == "UPDATE_SNAPSHOTS=1 is refused under CI=true; \(name).txt was not rewritten"
            }
        }
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }
}
