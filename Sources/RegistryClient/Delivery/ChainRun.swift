import Foundation

/// One run of a delivery chain over an image. ACR reports the run as a whole: no per-step detail.
public struct ChainRun: Sendable, Hashable, Identifiable {
    public var id: String
    public var chainID: String?
    public var chainName: String?
    /// `namespace/name` of the image's repository.
    public var repository: String?
    /// `RUNNING`, `COMPLETE`, `CANCELING`, `CANCELED`.
    public var status: String
    /// `SUCCESS`, `FAILED`, `CANCELED`, `DENIED`; nil while running.
    public var result: String?
    public var startTime: Date?
    public var endTime: Date?

    /// Creates a run.
    public init(
        id: String, chainID: String? = nil, chainName: String? = nil, repository: String? = nil, status: String,
        result: String? = nil, startTime: Date? = nil, endTime: Date? = nil
    ) {
        self.id = id
        self.chainID = chainID
        self.chainName = chainName
        self.repository = repository
        self.status = status
        self.result = result
        self.startTime = startTime
        self.endTime = endTime
    }

    /// Whether the run is still going.
    public var isRunning: Bool { ["RUNNING", "CANCELING"].contains(status.uppercased()) }
}
