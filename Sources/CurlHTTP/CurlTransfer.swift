import CCurl
import Foundation
import RegistryClient
import Synchronization

/// One request on one curl easy handle: its configuration, the bytes received, and the
/// continuation waiting for it. After submission only the I/O thread touches it, except the
/// cancellation flag.
final class CurlTransfer: @unchecked Sendable {
    let easy: UnsafeMutableRawPointer
    private let request: HTTPRequest
    private var requestHeaders: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    private var body = Data()
    private var responseHeaders = HTTPHeaders()
    private var exceededLimit = false
    private let cancelled = Mutex(false)
    var continuation: CheckedContinuation<HTTPResponse, any Error>?

    init(request: HTTPRequest, options: CurlHTTPClient.Options, timeout: Duration) throws {
        guard let easy = ccurl_easy_init() else {
            throw HTTPTransportError(kind: .other, host: request.url.host ?? "", detail: "curl_easy_init failed")
        }
        self.easy = easy
        self.request = request
        errorBuffer.initialize(to: 0)
        configure(options, timeout: timeout)
    }

    deinit {
        ccurl_easy_cleanup(easy)
        ccurl_slist_free_all(requestHeaders)
        errorBuffer.deallocate()
    }

    var isCancelled: Bool { cancelled.withLock { $0 } }

    func markCancelled() { cancelled.withLock { $0 = true } }

    /// Resumes the waiting task exactly once.
    func finish(_ result: Result<HTTPResponse, any Error>) {
        continuation?.resume(with: result)
        continuation = nil
    }

    /// Turns libcurl's verdict into a response or a transport error.
    func complete(_ code: CURLcode) {
        guard code == CURLE_OK else {
            finish(.failure(transportError(code)))
            return
        }
        var status = 0
        _ = ccurl_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        var effective: UnsafePointer<CChar>?
        _ = ccurl_easy_getinfo_string(easy, CURLINFO_EFFECTIVE_URL, &effective)
        let finalURL = effective.flatMap { URL(string: String(cString: $0)) } ?? request.url
        finish(.success(HTTPResponse(status: status, headers: responseHeaders, body: body, url: finalURL)))
    }

    // MARK: - Configuration

    private func configure(_ options: CurlHTTPClient.Options, timeout: Duration) {
        setString(CURLOPT_URL, request.url.absoluteString)
        setLong(CURLOPT_NOSIGNAL, 1)
        setString(CURLOPT_PROTOCOLS_STR, "http,https")
        // Never downgrade: a redirect from https may only go to https.
        setString(CURLOPT_REDIR_PROTOCOLS_STR, request.url.scheme == "https" ? "https" : "http,https")
        setLong(CURLOPT_FOLLOWLOCATION, 1)
        setLong(CURLOPT_MAXREDIRS, options.maxRedirects)
        // libcurl drops a custom Authorization header when a redirect leaves the original host
        // (CURLOPT_UNRESTRICTED_AUTH stays off).
        setLong(CURLOPT_UNRESTRICTED_AUTH, 0)
        setLong(CURLOPT_CONNECTTIMEOUT_MS, options.connectTimeout.wholeMilliseconds)
        // The whole transfer, headers and body, must end by the deadline; libcurl's 0 means none.
        setLong(CURLOPT_TIMEOUT_MS, max(1, timeout.wholeMilliseconds))
        let lowSpeed = request.lowSpeedLimit ?? options.lowSpeedLimit
        setLong(CURLOPT_LOW_SPEED_LIMIT, lowSpeed.bytesPerSecond)
        setLong(CURLOPT_LOW_SPEED_TIME, max(1, lowSpeed.window.wholeMilliseconds / 1000))
        if let caFile = options.caFile { setString(CURLOPT_CAINFO, caFile) }
        setString(CURLOPT_USERAGENT, options.userAgent)
        setString(CURLOPT_ACCEPT_ENCODING, "")
        _ = ccurl_easy_setopt_off_t(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(request.maxResponseBytes))
        _ = ccurl_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer)
        if request.security == .insecure {
            setLong(CURLOPT_SSL_VERIFYPEER, 0)
            setLong(CURLOPT_SSL_VERIFYHOST, 0)
        }

        switch request.method {
        case .get:
            break
        case .head:
            setLong(CURLOPT_NOBODY, 1)
        case .put, .post, .patch, .delete:
            setString(CURLOPT_CUSTOMREQUEST, request.method.rawValue)
            if request.body != nil || request.method != .delete {
                let payload = request.body ?? Data()
                _ = ccurl_easy_setopt_off_t(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(payload.count))
                if payload.isEmpty {
                    setString(CURLOPT_COPYPOSTFIELDS, "")
                } else {
                    payload.withUnsafeBytes { bytes in
                        _ = ccurl_easy_setopt_pointer(
                            easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
                    }
                }
            }
        }

        var headers = request.headers
        if request.body != nil || [.put, .post, .patch].contains(request.method) {
            headers.add("Expect", "")
            if headers["Content-Type"] == nil { headers.add("Content-Type", "") }
        }
        for (name, value) in headers {
            let line = value.isEmpty ? "\(name):" : "\(name): \(value)"
            requestHeaders = ccurl_slist_append(requestHeaders, line)
        }
        if let requestHeaders { _ = ccurl_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, requestHeaders) }

        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = ccurl_easy_setopt_data_callback(easy, CURLOPT_WRITEFUNCTION, Self.bodyCallback)
        _ = ccurl_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context)
        _ = ccurl_easy_setopt_data_callback(easy, CURLOPT_HEADERFUNCTION, Self.headerCallback)
        _ = ccurl_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context)
    }

    private func setLong(_ option: CURLoption, _ value: Int) {
        _ = ccurl_easy_setopt_long(easy, option, value)
    }

    private func setString(_ option: CURLoption, _ value: String) {
        // libcurl copies string options (since 7.17), so a temporary C string is enough.
        _ = ccurl_easy_setopt_string(easy, option, value)
    }

    // MARK: - Callbacks (I/O thread)

    private static let bodyCallback: ccurl_data_callback = { data, size, count, context in
        guard let context else { return 0 }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
        return transfer.receiveBody(data, size * count)
    }

    private static let headerCallback: ccurl_data_callback = { data, size, count, context in
        guard let context else { return 0 }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
        transfer.receiveHeaderLine(data, size * count)
        return size * count
    }

    private func receiveBody(_ data: UnsafeMutablePointer<CChar>?, _ length: Int) -> Int {
        guard let data, length > 0 else { return length }
        if body.count + length > request.maxResponseBytes {
            exceededLimit = true
            return 0
        }
        body.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: length)
        return length
    }

    private func receiveHeaderLine(_ data: UnsafeMutablePointer<CChar>?, _ length: Int) {
        guard let data, length > 0 else { return }
        var bytes = UnsafeRawBufferPointer(start: data, count: length)[...]
        while let last = bytes.last, last == 0x0A || last == 0x0D || last == 0x20 { bytes = bytes.dropLast() }
        if bytes.starts(with: "HTTP/".utf8) {
            // A new response begins (redirect, 100 Continue): keep only the final one's headers.
            responseHeaders = HTTPHeaders()
            body.removeAll(keepingCapacity: true)
            return
        }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return }
        var value = bytes[(colon + 1)...]
        while let first = value.first, first == 0x20 || first == 0x09 { value = value.dropFirst() }
        let name = String(decoding: bytes[..<colon], as: UTF8.self)
        let text = String(decoding: value, as: UTF8.self)
        responseHeaders.add(name, text)
        // A declared length sizes the body buffer once instead of doubling it (and copying) as it grows.
        if request.method != .head, name.lowercased() == "content-length", let length = Int(text), length > 0,
            length <= request.maxResponseBytes
        {
            body.reserveCapacity(length)
        }
    }

    // MARK: - Errors

    private func transportError(_ code: CURLcode) -> HTTPTransportError {
        let host = request.url.host ?? ""
        let explanation =
            errorBuffer.pointee != 0 ? String(cString: errorBuffer) : String(cString: ccurl_easy_strerror(code))
        let kind: HTTPTransportError.Kind
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            kind = .unknownHost
        case CURLE_COULDNT_CONNECT:
            kind = .connectionRefused
        case CURLE_OPERATION_TIMEDOUT:
            kind = .timedOut
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_INVALIDCERTSTATUS:
            kind = .tlsFailure
        case CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR:
            kind = .connectionReset
        case CURLE_PARTIAL_FILE, CURLE_BAD_CONTENT_ENCODING:
            kind = .truncated
        case CURLE_FILESIZE_EXCEEDED:
            kind = .bodyTooLarge
        case CURLE_WRITE_ERROR where exceededLimit:
            kind = .bodyTooLarge
        case CURLE_TOO_MANY_REDIRECTS:
            kind = .tooManyRedirects
        case CURLE_UNSUPPORTED_PROTOCOL where request.url.scheme == "https":
            // Only a redirect can lead an https request to a protocol it does not allow (plain http).
            kind = .insecureRedirect
        default:
            kind = .other
        }
        let detail: String
        switch kind {
        case .bodyTooLarge: detail = "response body is larger than the \(request.maxResponseBytes >> 20) MiB limit"
        case .insecureRedirect: detail = "refused a redirect from HTTPS to plain HTTP (\(explanation))"
        default: detail = explanation
        }
        return HTTPTransportError(kind: kind, host: host, detail: detail)
    }
}
