import Foundation

/// The tls check: turns a `TLSInspection` into a pass or a failure with its fix.
public enum TLSVerdict {
    /// Why a certificate was not trusted.
    public enum Problem: Equatable, Sendable {
        case expired, notYetValid, nameMismatch, selfSigned, unknownAuthority, other
    }

    /// Certificates closer than this to their end pass with a warning.
    public static let warningDays = 14

    /// Classifies a TLS library's verification message (OpenSSL's and GnuTLS's wording).
    public static func problem(in message: String) -> Problem {
        let text = message.lowercased()
        if text.contains("expired") { return .expired }
        if text.contains("not yet valid") || text.contains("not activated") { return .notYetValid }
        if text.contains("subject name") || text.contains("does not match") || text.contains("hostname mismatch") {
            return .nameMismatch
        }
        if text.contains("self-signed") || text.contains("self signed") { return .selfSigned }
        if text.contains("local issuer") || text.contains("unknown ca") || text.contains("unable to get issuer")
            || text.contains("issuer certificate") || text.contains("not trusted")
        {
            return .unknownAuthority
        }
        return .other
    }

    /// The outcome for `host`; `insecure` instances pass a certificate that does not verify, saying so.
    public static func evaluate(
        _ inspection: TLSInspection, host: String, insecure: Bool, now: Date
    ) -> DoctorCheck.Outcome {
        if let error = inspection.connectionError {
            return .failed(
                "no TLS handshake with \(host): \(error)",
                fix: "check that \(host) serves HTTPS on that port (use http:// in the url if it serves plain HTTP)")
        }
        let certificate = inspection.certificate
        let subject = certificate.map { " for \($0.subject), issued by \($0.issuer)" } ?? ""
        let days = certificate?.notAfter.map { Int($0.timeIntervalSince(now) / 86_400) }
        guard let error = inspection.verificationError else {
            guard let days else { return .passed("certificate\(subject) verified") }
            if days < warningDays {
                return .passed(
                    "certificate\(subject) verified, but it expires in \(days) day(s): renew it soon")
            }
            return .passed("certificate\(subject) verified, valid for \(days) more days")
        }
        if insecure {
            return .passed("certificate\(subject) is not verified (insecure = true): \(error)")
        }
        let expiry = days.map { $0 < 0 ? " (expired \(-$0) day(s) ago)" : "" } ?? ""
        let detail = "certificate\(subject) is not trusted: \(error)\(expiry)"
        let unverified = "or set insecure = true for this instance (traffic is then not protected against interception)"
        switch problem(in: error) {
        case .expired:
            return .failed(detail, fix: "renew the certificate of \(host)")
        case .notYetValid:
            return .failed(detail, fix: "check this machine's clock, or the certificate's start date on \(host)")
        case .nameMismatch:
            return .failed(
                detail, fix: "use the host name the certificate is issued for in the url, or reissue it for \(host)")
        case .selfSigned, .unknownAuthority:
            return .failed(
                detail,
                fix: "add the CA that issued it to the system store (or point SSL_CERT_FILE at it), \(unverified)")
        case .other:
            return .failed(detail, fix: "fix the server's certificate, \(unverified)")
        }
    }
}
