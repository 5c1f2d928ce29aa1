import CCurl
import Glibc

/// Loading libcurl and `curl_global_init`, done once per process before the first handle is made.
enum CurlGlobal {
    private static let initialized: Bool = {
        if let reason = ccurl_load() { preconditionFailure(String(cString: reason)) }
        // Handles use CURLOPT_NOSIGNAL, so libcurl no longer shields the process from SIGPIPE when
        // a TLS peer closes mid-write; without this a dropped connection would kill the process.
        signal(SIGPIPE, SIG_IGN)
        return ccurl_global_init(ccurl_global_default_flags()) == CURLE_OK
    }()

    /// Loads and initializes libcurl if that has not happened yet.
    static func ensureInitialized() {
        precondition(initialized, "curl_global_init failed")
    }
}
