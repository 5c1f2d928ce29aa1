import CCurl
import Glibc

/// `curl_global_init`, done once per process before the first handle is made.
enum CurlGlobal {
    private static let initialized: Bool = {
        // Handles use CURLOPT_NOSIGNAL, so libcurl no longer shields the process from SIGPIPE when
        // a TLS peer closes mid-write; without this a dropped connection would kill the process.
        signal(SIGPIPE, SIG_IGN)
        return curl_global_init(ccurl_global_default_flags()) == CURLE_OK
    }()

    /// Initializes libcurl if that has not happened yet.
    static func ensureInitialized() {
        precondition(initialized, "curl_global_init failed")
    }
}
