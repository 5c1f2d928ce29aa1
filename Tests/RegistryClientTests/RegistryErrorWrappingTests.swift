import Foundation
import Testing

@testable import RegistryClient

/// `RegistryError(wrapping:)`: one error type for whatever a load or an action threw.
struct RegistryErrorWrappingTests {
    private struct Odd: Error, CustomStringConvertible {
        var description: String { "something odd" }
    }

    private struct Numbered: Decodable {
        var count: Int
    }

    @Test func aRegistryErrorIsKeptAsItIs() {
        let error = RegistryError(
            .denied, "no push to ns/app", hint: "ask for push rights", status: 403, serverCode: "DENIED")
        #expect(RegistryError(wrapping: error) == error)
    }

    @Test func anUnreadableScanReportIsAnInvalidResponse() {
        let report = ScanReportError(
            source: "trivy.json", path: "$.SchemaVersion",
            message: "Trivy schema version 1 is not supported (expected 2)")
        let error = RegistryError(wrapping: report)
        #expect(error.code == .invalidResponse)
        #expect(error.message == "trivy.json: at $.SchemaVersion: Trivy schema version 1 is not supported (expected 2)")
    }

    @Test func anUndecodableAnswerIsAnInvalidResponseNamingThePath() throws {
        let decoding = try #require(throws: DecodingError.self) {
            try JSONDecoder().decode(Numbered.self, from: Data(#"{"count":"many"}"#.utf8))
        }
        let error = RegistryError(wrapping: decoding)
        #expect(error.code == .invalidResponse)
        #expect(error.message.hasPrefix("the answer could not be read: at $.count: expected"))
    }

    @Test func aCancellationIsCancelled() {
        #expect(RegistryError(wrapping: CancellationError()).code == .cancelled)
    }

    @Test func anyOtherErrorIsUnexpectedAndNamesItsType() {
        let error = RegistryError(wrapping: Odd())
        #expect(error.code == .unexpected)
        #expect(error.message.contains("Odd"))
        #expect(error.message.hasSuffix(": something odd"))
    }
}
