import CCurl
import Foundation
import RegistryClient

/// `TLSInspecting` with libcurl: a handshake that verifies (the same trust store the client uses),
/// and, to read the certificate when verification fails, one that does not. Each is a connect-only
/// transfer, on a thread of its own, bounded by the timeout.
public struct CurlTLSInspector: TLSInspecting {
    private let caFile: String?

    /// Creates an inspector trusting what a `CurlHTTPClient` with `options` trusts.
    public init(options: CurlHTTPClient.Options = CurlHTTPClient.Options()) {
        self.caFile = options.caFile
    }

    public func inspect(_ url: URL, timeout: Duration) async -> TLSInspection {
        CurlGlobal.ensureInitialized()
        let caFile = caFile
        let deadline = ContinuousClock.now + timeout
        let verified = await Self.handshake(url, verify: true, caFile: caFile, timeout: timeout)
        if verified.error == nil {
            return TLSInspection(certificate: verified.certificate, verificationError: nil, connectionError: nil)
        }
        guard let error = verified.error, verified.isVerificationFailure else {
            return TLSInspection(certificate: nil, verificationError: nil, connectionError: verified.error)
        }
        let left = deadline - ContinuousClock.now
        let unverified =
            left > .milliseconds(100)
            ? await Self.handshake(url, verify: false, caFile: caFile, timeout: left) : Handshake(error: "timed out")
        return TLSInspection(certificate: unverified.certificate, verificationError: error, connectionError: nil)
    }

    /// What one handshake gave.
    private struct Handshake: Sendable {
        var certificate: TLSInspection.Certificate?
        var error: String?
        var isVerificationFailure = false
    }

    private static func handshake(_ url: URL, verify: Bool, caFile: String?, timeout: Duration) async -> Handshake {
        await withCheckedContinuation { continuation in
            Thread {
                continuation.resume(returning: perform(url, verify: verify, caFile: caFile, timeout: timeout))
            }.start()
        }
    }

    /// A blocking connect-only transfer with certificate information collected.
    private static func perform(_ url: URL, verify: Bool, caFile: String?, timeout: Duration) -> Handshake {
        guard let easy = ccurl_easy_init() else { return Handshake(error: "curl_easy_init failed") }
        defer { ccurl_easy_cleanup(easy) }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(to: 0)
        defer { errorBuffer.deallocate() }
        _ = ccurl_easy_setopt_string(easy, CURLOPT_URL, url.absoluteString)
        _ = ccurl_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        _ = ccurl_easy_setopt_long(easy, CURLOPT_CONNECT_ONLY, 1)
        _ = ccurl_easy_setopt_long(easy, CURLOPT_CERTINFO, 1)
        _ = ccurl_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, max(1, timeout.wholeMilliseconds))
        _ = ccurl_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, max(1, timeout.wholeMilliseconds))
        _ = ccurl_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer)
        if let caFile { _ = ccurl_easy_setopt_string(easy, CURLOPT_CAINFO, caFile) }
        _ = ccurl_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, verify ? 1 : 0)
        _ = ccurl_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, verify ? 2 : 0)
        let code = ccurl_easy_perform(easy)
        guard code == CURLE_OK else {
            let message =
                errorBuffer.pointee != 0 ? String(cString: errorBuffer) : String(cString: ccurl_easy_strerror(code))
            let verification = [CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR]
            return Handshake(error: message, isVerificationFailure: verification.contains(code))
        }
        return Handshake(certificate: leafCertificate(easy))
    }

    /// The first certificate of the chain libcurl collected (`Subject:`, `Issuer:`, `Expire date:` fields).
    private static func leafCertificate(_ easy: UnsafeMutableRawPointer) -> TLSInspection.Certificate? {
        var info: UnsafeMutablePointer<curl_certinfo>?
        guard ccurl_easy_getinfo_certinfo(easy, &info) == CURLE_OK, let info, info.pointee.num_of_certs > 0,
            let fields = info.pointee.certinfo?[0]
        else { return nil }
        var values: [String: String] = [:]
        var next: UnsafeMutablePointer<curl_slist>? = fields
        while let item = next?.pointee {
            next = item.next
            guard let data = item.data else { continue }
            let line = String(cString: data)
            guard let colon = line.firstIndex(of: ":") else { continue }
            values[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return TLSInspection.Certificate(
            subject: values["Subject"] ?? "?", issuer: values["Issuer"] ?? "?",
            notAfter: values["Expire date"].flatMap(TLSInspection.parseDate))
    }
}
