import Foundation
import Testing

@testable import RegistryClient

/// Harbor retention task logs read into per-artifact and per-tag results.
struct RetentionTaskLogTests {
    private static let a = "sha256:9ad722a66269e306a27ed110e2b957bf82573125b88a918048c1d40ded7e6fba"
    private static let b = "sha256:d32621605c1bf43aabd4a578e397029a5774a475a4d1620a630f1bcb4ec63513"
    private static let c = "sha256:" + String(repeating: "c3", count: 32)
    private static let d = "sha256:" + String(repeating: "d4", count: 32)
    private static let e = "sha256:" + String(repeating: "e5", count: 32)

    /// A log in the shape of goharbor/harbor #16592 (Harbor 2.4): a header with trailing spaces, the
    /// candidate count, an entry whose message starts on the next line with the padded table, and
    /// an error line after it.
    static let sample = """
        2022-03-28T06:45:54Z [INFO] [/pkg/retention/job.go:83]: Run retention process.
         Repository: tce-syu/harbor \n Rule Algorithm: or \n Dry Run: true
        2022-03-28T06:45:55Z [INFO] [/pkg/retention/job.go:98]: Load 5 candidates from repository tce-syu/harbor
        2022-03-28T06:45:55Z [INFO] [/pkg/retention/job.go:201]: \n\
        |                                 Digest                                  |       Tag        | Kind  | Labels |     PushedTime      |     PulledTime      |     CreatedTime     | Retention |
        |-------------------------------------------------------------------------|------------------|-------|--------|---------------------|---------------------|---------------------|-----------|
        | \(a) | 2.2.3,9ad722a662 | image |        | 2022/03/28 06:40:02 |                     | 2022/03/28 06:40:02 | RETAIN    |
        | \(b) | d32621605c       | image |        | 2022/03/28 06:40:01 | 2022/03/28 06:41:10 | 2022/03/28 06:40:01 | DEL       |
        | \(c) |                  | image |        | 2021/11/03 11:05:01 |                     | 2021/11/03 11:05:01 | RETAIN    |
        | \(d) | v1               | image | prod   | 2021/11/03 11:00:00 |                     | 2021/11/03 11:00:00 | IMMUTABLE |
        | \(e) | old              | image |        | 2021/01/01 00:00:00 |                     | 2021/01/01 00:00:00 | ERR       |
        2022-03-28T06:45:56Z [INFO] [/pkg/retention/job.go:215]: Retention error for artifact image:tce-syu/harbor@\(e) : object is not found

        """

    private static func utc(_ text: String) -> Date? { RetentionTaskLog.time(text) }

    @Test func readsTheSampleLog() throws {
        let log = RetentionTaskLog(parsing: Self.sample)
        #expect(log.repository == "tce-syu/harbor")
        #expect(log.dryRun == true)
        #expect(log.candidates == 5)
        #expect(log.skippedLines == 0)
        #expect(log.rows.map(\.digest) == [Self.a, Self.b, Self.c, Self.d, Self.e])
        #expect(log.rows.map(\.tags) == [["2.2.3", "9ad722a662"], ["d32621605c"], [], ["v1"], ["old"]])
        #expect(log.rows.map(\.outcome) == [.retain, .delete, .retain, .immutable, .error])
        #expect(log.rows[3].labels == ["prod"])
        #expect(log.rows[0].kind == "image")
        #expect(log.rows[0].pushed == Date(timeIntervalSince1970: 1_648_449_602))
        #expect(log.rows[0].pulled == nil)
        #expect(log.rows[1].pulled == Date(timeIntervalSince1970: 1_648_449_670))
        #expect(log.rows[2].created == Date(timeIntervalSince1970: 1_635_937_501))
        #expect(log.errors.count == 1)
        #expect(log.errors.first?.contains("object is not found") == true)
    }

    @Test func tagsTakeTheirArtifactsOutcome() {
        let results = RetentionTaskLog(parsing: Self.sample).tagResults(repository: "ignored")
        #expect(results.map(\.tag) == ["2.2.3", "9ad722a662", "d32621605c", nil, "v1", "old"])
        #expect(results.map(\.outcome) == [.retain, .retain, .delete, .retain, .immutable, .error])
        #expect(results.map(\.digest) == [Self.a, Self.a, Self.b, Self.c, Self.d, Self.e])
        #expect(Set(results.map(\.repository)) == ["tce-syu/harbor"])
    }

    @Test func theTaskNamesTheRepositoryWhenTheHeaderDoesNot() {
        let table = Self.sample.split(separator: "\n").filter { $0.hasPrefix("|") }.joined(separator: "\n")
        let results = RetentionTaskLog(parsing: table).tagResults(repository: "lib/app")
        #expect(results.count == 6)
        #expect(Set(results.map(\.repository)) == ["lib/app"])
    }

    @Test func aLogWithoutATableHasNoRows() {
        let log = RetentionTaskLog(
            parsing: """
                2019-08-15T06:43:54Z [INFO] [/pkg/retention/job.go:76]: Run retention process.
                 Repository: library/hello-world \n Rule Algorithm: or \n Dry Run: true
                2019-08-15T06:43:54Z [INFO] [/pkg/retention/job.go:91]: Load 1 candidates from repository library/hello-world
                2019-08-15T06:43:54Z [ERROR] [/pkg/retention/job.go:216]: retention job: rule evaluator daysps is not registered
                """)
        #expect(log.rows.isEmpty)
        #expect(log.candidates == 1)
        #expect(log.repository == "library/hello-world")
        #expect(
            log.errors == [
                "2019-08-15T06:43:54Z [ERROR] [/pkg/retention/job.go:216]: retention job: rule evaluator daysps is not registered"
            ])
    }

    @Test func aTruncatedLogKeepsItsWholeRows() {
        let cut = String(Self.sample.prefix(upTo: Self.sample.range(of: "| \(Self.c)")!.upperBound))
        let log = RetentionTaskLog(parsing: cut + " |   ")
        #expect(log.rows.map(\.digest) == [Self.a, Self.b])
        #expect(log.skippedLines == 1)
        #expect(RetentionTaskLog(parsing: "").rows.isEmpty)
        #expect(RetentionTaskLog(parsing: "| Digest | Retention |").rows.isEmpty)
    }

    @Test func controlCharactersAreDropped() {
        let hostile = Self.sample.replacingOccurrences(of: "d32621605c ", with: "d326\u{1B}[31m21605c")
            .replacingOccurrences(of: "2.2.3,", with: "2.2.3\u{07}\u{9B},")
        let log = RetentionTaskLog(parsing: hostile)
        #expect(log.rows.count == 5)
        #expect(log.rows[1].tags == ["d326[31m21605c"])
        #expect(log.rows[0].tags == ["2.2.3", "9ad722a662"])
        #expect(!log.rows.flatMap(\.tags).joined().unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x9B })
    }

    @Test func badRowsAreSkippedNotTrusted() {
        let header = "| Digest | Tag | Kind | Labels | PushedTime | PulledTime | CreatedTime | Retention |"
        let log = RetentionTaskLog(
            parsing: """
                \(header)
                | not-a-digest | v1 | image | | | | | DEL |
                | \(Self.a) | v1 | image | | | | | MAYBE |
                | \(Self.a) | v1 | image | | | |
                | \(Self.b) | v2 | image | | 2024/13/45 99:99:99 | | | DEL |
                """)
        #expect(log.rows.map(\.digest) == [Self.b])
        #expect(log.rows.first?.pushed == nil)
        #expect(log.skippedLines == 3)
    }

    @Test func aHugeLogIsReadUpToItsLimits() {
        let row = "| \(Self.a) | v1 | image | | 2022/03/28 06:40:02 | | 2022/03/28 06:40:02 | RETAIN |\n"
        let header = "| Digest | Tag | Kind | Labels | PushedTime | PulledTime | CreatedTime | Retention |\n"
        let log = RetentionTaskLog(parsing: header + String(repeating: row, count: RetentionTaskLog.maxRows + 10))
        #expect(log.rows.count == RetentionTaskLog.maxRows)
        #expect(log.skippedLines == 10)
        let padded = String(repeating: "x", count: RetentionTaskLog.maxBytes) + "\n" + header + row
        #expect(RetentionTaskLog(parsing: padded).rows.isEmpty)
    }
}
