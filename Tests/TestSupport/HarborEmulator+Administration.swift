import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// What the robot, quota and audit-log tests need from the Harbor emulator: its model back to the
/// startup state, the clock its seeds are placed by, and the client check of those endpoints.
extension HarborEmulator {
    /// The start of the current UTC day: harbor_admin.py places its seeded robots and audit
    /// entries relative to it, so a console with this clock shows stable relative times.
    public static var seedAnchor: Date {
        Date(timeIntervalSince1970: (Date().timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
    }

    /// Restores the model read at startup: seeded robots, quotas and audit entries, no changes.
    public func resetModel() async throws {
        try await control(#"{"resetModel": true}"#)
    }

    /// Runs harbor_client_check_admin.py (RobotApi, QuotaApi and the audit log) against this emulator.
    public func runAdministrationClientCheck(timeout: Duration = .seconds(300)) async throws -> ACRSDKCheck.Report {
        try await ACRSDKCheck.runScript(
            "harbor_client_check_admin.py", ["--endpoint", endpoint, "--username", username, "--password", password],
            timeout: timeout)
    }
}

extension HarborEmulator {
    /// API requests served so far (the control endpoint's count), to show that a refused command sent none.
    public func requestCount() async throws -> Int {
        guard let target = URL(string: url + "/__control__") else {
            throw TestSupportError("bad emulator URL \(url)")
        }
        let (data, _) = try await URLSession.shared.data(from: target)
        struct Counts: Decodable { var requests: Int }
        return try JSONDecoder().decode(Counts.self, from: data).requests
    }
}
