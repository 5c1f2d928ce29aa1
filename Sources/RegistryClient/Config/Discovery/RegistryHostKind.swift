/// What a registry host's name says about the registry behind it.
public enum RegistryHostKind: Sendable, Equatable {
    /// Docker Hub (`index.docker.io`, `registry-1.docker.io`, `docker.io`).
    case dockerHub
    /// An ACR Enterprise instance: `<instance>-registry[-vpc].<region>.cr.aliyuncs.com`.
    case acrEnterprise(instance: String, region: String)
    /// ACR Personal Edition: `registry[-vpc|-intl|-intl-vpc].<region>.aliyuncs.com`.
    case acrPersonal(region: String)
    /// Any other registry (a plain registry, or Harbor: only asking it tells).
    case other

    /// The kind of `host` (`HOST[:PORT]`), by its name alone.
    public static func of(_ host: String) -> RegistryHostKind {
        let name = (host.split(separator: ":", maxSplits: 1).first.map(String.init) ?? host).lowercased()
        if ["index.docker.io", "registry-1.docker.io", "docker.io"].contains(name) { return .dockerHub }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard labels.count >= 4, labels.suffix(2) == ["aliyuncs", "com"], labels.allSatisfy({ !$0.isEmpty }) else {
            return .other
        }
        if labels.count == 5, labels[2] == "cr" {
            for suffix in ["-registry-vpc", "-registry"] where labels[0].hasSuffix(suffix) {
                let instance = String(labels[0].dropLast(suffix.count))
                return instance.isEmpty ? .other : .acrEnterprise(instance: instance, region: labels[1])
            }
        }
        if labels.count == 4, ["registry", "registry-vpc", "registry-intl", "registry-intl-vpc"].contains(labels[0]) {
            return .acrPersonal(region: labels[1])
        }
        return .other
    }
}
