import RegistryClient

extension Instance {
    /// An ACR Personal Edition instance: its API has build rules and builds, but no source
    /// binding, rebuilds or build logs.
    var isACRPersonal: Bool { kind == .acr && specification == ACRPersonalProvider.specification }
}
