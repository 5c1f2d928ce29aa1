import Foundation

/// The registry hosts named in the docker config (and podman's auth file), read the way
/// `CredentialChain` reads them, with where each host's credential comes from. No secret is kept.
struct DockerConfigHosts {
    /// One host.
    struct Host: Equatable {
        /// `HOST[:PORT]`.
        var host: String
        /// Whether a key spelled it `http://HOST`.
        var plainHTTP: Bool
        /// The file it was found in.
        var file: URL
        /// Where `CredentialChain` will find its credential.
        var credentials: String
    }

    var hosts: [Host] = []
    /// Files that could not be read.
    var notes: [String] = []

    /// Reads the files `CredentialChain` reads for `environment`.
    init(environment: [String: String]) {
        let chain = CredentialChain(environment: environment)
        var seen = Set<String>()
        for url in [chain.dockerConfigURL, chain.containersAuthURL].compactMap({ $0 }) {
            let file: DockerConfigFile
            do {
                guard let loaded = try DockerConfigFile.load(url) else { continue }
                file = loaded
            } catch {
                notes.append("\(error) (skipped)")
                continue
            }
            let keys = Array((file.auths ?? [:]).keys) + Array((file.credHelpers ?? [:]).keys)
            for host in file.hosts where seen.insert(host).inserted {
                let plainHTTP = keys.contains {
                    $0.lowercased().hasPrefix("http://") && DockerConfigFile.normalize($0) == host
                }
                hosts.append(
                    Host(host: host, plainHTTP: plainHTTP, file: url, credentials: Self.source(of: host, in: file, url))
                )
            }
        }
    }

    /// Where the credential of `host` comes from, in `CredentialChain`'s order.
    private static func source(of host: String, in file: DockerConfigFile, _ url: URL) -> String {
        if let helper = file.credHelpers?.first(where: { DockerConfigFile.normalize($0.key) == host })?.value {
            return "docker-credential-\(helper) (credHelpers in \(url.path))"
        }
        if let store = file.credsStore, !store.isEmpty {
            return "docker-credential-\(store) (credsStore in \(url.path))"
        }
        return "the auths entry in \(url.path)"
    }
}
