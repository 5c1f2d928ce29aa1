import Foundation
import Testing

@testable import RegistryClient

/// Harbor's three time formats and its zero-time "never".
struct HarborTimeTests {
    private struct Holder: Decodable {
        var time: HarborTime?
    }

    private func decode(_ json: String) throws -> HarborTime? {
        try JSONDecoder().decode(Holder.self, from: Data(json.utf8)).time
    }

    @Test func millisecondsUTC() throws {
        let time = try decode(#"{"time": "2024-05-01T10:00:00.000Z"}"#)
        #expect(time?.date == Date(timeIntervalSince1970: 1_714_557_600))
    }

    @Test func fractionDigitsWithOffset() throws {
        let nine = try decode(#"{"time": "2024-05-01T12:00:00.123456789+02:00"}"#)
        let seconds = try #require(nine?.date?.timeIntervalSince1970)
        #expect(abs(seconds - 1_714_557_600.123_456_789) < 0.000_01)
        let one = try decode(#"{"time": "2024-05-01T05:00:00.5-05:00"}"#)
        #expect(one?.date == Date(timeIntervalSince1970: 1_714_557_600.5))
    }

    @Test func wholeSeconds() throws {
        #expect(try decode(#"{"time": "2024-05-01T10:00:00Z"}"#)?.date == Date(timeIntervalSince1970: 1_714_557_600))
        #expect(
            try decode(#"{"time": "2024-05-01T18:00:00+08:00"}"#)?.date == Date(timeIntervalSince1970: 1_714_557_600))
    }

    @Test func zeroTimeMeansNever() throws {
        let never = try decode(#"{"time": "0001-01-01T00:00:00.000Z"}"#)
        #expect(never != nil)
        #expect(never?.date == nil)
        #expect(try decode(#"{"time": "0001-01-01T00:00:00Z"}"#)?.date == nil)
        #expect(try decode(#"{"time": ""}"#)?.date == nil)
        #expect(try decode(#"{"time": null}"#) == nil)
    }

    @Test func otherTextIsAnError() {
        #expect(throws: DecodingError.self) { try decode(#"{"time": "yesterday"}"#) }
        #expect(throws: DecodingError.self) { try decode(#"{"time": 1714557600}"#) }
    }
}
