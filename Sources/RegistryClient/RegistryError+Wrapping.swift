/// Any error as a `RegistryError`, for callers that show or branch on one error type.
extension RegistryError {
    /// `error` itself when it is a `RegistryError`; an unreadable scan report or server answer as
    /// `.invalidResponse`; a cancellation as `.cancelled`; anything else as `.unexpected`, naming
    /// the error's type.
    public init(wrapping error: any Error) {
        switch error {
        case let error as RegistryError:
            self = error
        case let error as ScanReportError:
            self.init(.invalidResponse, error.description)
        case let error as DecodingError:
            self.init(.invalidResponse, "the answer could not be read: \(DecodingErrorSummary.describe(error))")
        case is CancellationError:
            self.init(.cancelled, "cancelled")
        default:
            self.init(.unexpected, "unexpected \(String(reflecting: type(of: error))): \(error)")
        }
    }
}
