import Foundation

/// What a TLS handshake with a server showed.
public struct TLSInspection: Sendable, Equatable {
    /// The server's own (leaf) certificate.
    public struct Certificate: Sendable, Equatable {
        public var subject: String
        public var issuer: String
        /// The end of its validity; nil when it could not be read.
        public var notAfter: Date?

        public init(subject: String, issuer: String, notAfter: Date?) {
            self.subject = subject
            self.issuer = issuer
            self.notAfter = notAfter
        }
    }

    /// The leaf certificate, read from a handshake without verification; nil when none completed.
    public var certificate: Certificate?
    /// Why verification failed (the TLS library's words); nil when the certificate was trusted.
    public var verificationError: String?
    /// Why no handshake completed at all (refused, timed out, not TLS); nil when one did.
    public var connectionError: String?

    public init(certificate: Certificate?, verificationError: String?, connectionError: String?) {
        self.certificate = certificate
        self.verificationError = verificationError
        self.connectionError = connectionError
    }

    /// Parses the expiry dates TLS libraries print: OpenSSL's `Feb  1 00:00:00 2020 GMT` and
    /// GnuTLS's `2020-02-01 00:00:00 GMT`.
    public static func parseDate(_ text: String) -> Date? {
        let collapsed = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        for format in ["MMM d HH:mm:ss yyyy zzz", "yyyy-MM-dd HH:mm:ss zzz"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: collapsed) { return date }
        }
        return nil
    }
}
