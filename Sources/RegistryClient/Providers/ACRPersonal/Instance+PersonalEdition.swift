extension Instance {
    /// An ACR Personal Edition instance: no lifecycle rules, source bindings, rebuilds or build logs
    /// of its own, and none of Enterprise's sync, subscriptions, events, chains or endpoints.
    public var isACRPersonal: Bool { kind == .acr && specification == ACRPersonalProvider.specification }
}
