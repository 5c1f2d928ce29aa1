import Foundation

/// The clock check: this machine's time against a server's `Date` header.
public enum ClockSkew {
    /// The largest offset that passes. Alibaba Cloud refuses signatures more than 15 minutes off;
    /// token expiry and certificate validity suffer well before that.
    public static let tolerance: TimeInterval = 5 * 60

    /// Compares `local` (when the answer arrived) with the server's `Date` header value.
    public static func evaluate(serverDate header: String?, local: Date, host: String) -> DoctorCheck.Outcome {
        guard let header, let server = HTTPDate.parse(header) else {
            return .passed("\(host) sent no Date header; the clock could not be compared")
        }
        // Date has a resolution of one second: a second of difference is no skew.
        let offset = (local.timeIntervalSince(server)).rounded()
        let text = describe(offset)
        if abs(offset) > tolerance {
            return .failed(
                "this machine's clock is \(text) \(host) (server time \(HTTPDate.format(server))); "
                    + "signed requests (ACR refuses more than 15 min) and tokens fail",
                fix: "sync the clock with NTP (timedatectl set-ntp true, or chronyc makestep)")
        }
        return .passed(offset == 0 ? "in step with \(host)" : "\(text) \(host) (within 5 min)")
    }

    /// `42 s ahead of`, `17 min 5 s behind`.
    static func describe(_ offset: TimeInterval) -> String {
        let seconds = Int(abs(offset))
        let amount = seconds >= 60 ? "\(seconds / 60) min \(seconds % 60) s" : "\(seconds) s"
        return "\(amount) \(offset > 0 ? "ahead of" : "behind")"
    }
}
