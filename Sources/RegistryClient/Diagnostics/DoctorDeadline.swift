/// Bounds one doctor check: the work is cancelled, and the check fails, once its time is up.
enum DoctorDeadline {
    /// The value of `body`, or `DoctorProbeFailure` when it takes longer than `timeout`.
    static func run<T: Sendable>(
        _ timeout: Duration, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                throw DoctorProbeFailure("no answer within \(timeout.secondsText) s")
            }
            return value
        }
    }

    /// What a check shows for an error: the message, and the fix the error suggests.
    static func describe(_ error: any Error) -> (detail: String, fix: String?) {
        switch error {
        case let error as RegistryError: (error.message, error.hint)
        case let error as DoctorProbeFailure: (error.message, nil)
        case let error as HTTPTransportError: (error.description, nil)
        default: (String(describing: error), nil)
        }
    }
}
