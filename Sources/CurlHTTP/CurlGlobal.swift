import CCurl

/// `curl_global_init`, done once per process before the first handle is made.
enum CurlGlobal {
    private static let initialized: Bool = {
        curl_global_init(ccurl_global_default_flags()) == CURLE_OK
    }()

    /// Initializes libcurl if that has not happened yet.
    static func ensureInitialized() {
        precondition(initialized, "curl_global_init failed")
    }
}
