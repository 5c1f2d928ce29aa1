import Foundation
import RegistryClient
import TerminalUI

/// A list result every command prints the same way: as an aligned table, a JSON array of
/// objects, or RFC 4180 CSV. Strings are sanitized in every format.
struct RecordSet {
    /// One value in a row.
    enum Value {
        case text(String?)
        case integer(Int64?)
        /// A decimal shown with one digit (a CVSS score).
        case decimal(Double?)
        case bytes(Int64?)
        case date(Date?)
        case list([String])
        case flag(Bool)
        /// Findings per severity (`C2 M1` in a table and CSV, an object of every severity in JSON);
        /// nil when there is no report.
        case counts([Severity: Int]?)
        /// Objects of text fields (an endpoint's access list): an array of objects in JSON, leaving
        /// out fields without a value; `a b; c d` in a table and CSV.
        case objects([[(String, String?)]])

        /// A text, number or time the server did not give.
        var isAbsent: Bool {
            switch self {
            case .text(let text): text == nil
            case .integer(let number), .bytes(let number): number == nil
            case .decimal(let number): number == nil
            case .date(let date): date == nil
            case .counts, .list, .flag, .objects: false
            }
        }
    }

    /// A column: its JSON/CSV key, its table header, and whether the table shows it.
    struct Column {
        var key: String
        var header: String
        var inTable = true
        var alignRight = false
        /// A column for people only (a running build's elapsed time): JSON and CSV leave it out.
        var onlyInTable = false
    }

    var columns: [Column]
    var rows: [[Value]] = []
    /// JSON leaves out the keys of values the server did not give, instead of writing null.
    var omitsAbsent = false

    /// Prints the records to standard output in `format`.
    func print(as format: OutputFormat) {
        switch format {
        case .table: Swift.print(tableText(), terminator: "")
        case .json: JSONValue.print(array: jsonRows)
        case .csv: Swift.print(csvText(), terminator: "")
        }
    }

    /// The records as JSON objects, each made as it is written.
    private var jsonRows: some Sequence<JSONValue> {
        rows.lazy.map { row in
            .object(
                zip(columns, row).filter { !$0.onlyInTable && !(omitsAbsent && $1.isAbsent) }
                    .map { ($0.key, Self.jsonValue($1)) })
        }
    }

    /// Columns padded to their widest cell (in display columns), separated by two spaces.
    func tableText() -> String {
        let shown = columns.indices.filter { columns[$0].inTable }
        let cells = rows.map { row in shown.map { Sanitizer.clean(Self.tableCell(row[$0])) } }
        let headers = shown.map { columns[$0].header }
        let widths = shown.indices.map { index in
            ([headers[index]] + cells.map { $0[index] }).map(DisplayWidth.of).max() ?? 0
        }
        func line(_ values: [String]) -> String {
            values.indices.map { index in
                let isLast = index == values.count - 1
                let column = columns[shown[index]]
                if isLast && !column.alignRight { return values[index] }
                return DisplayWidth.fit(values[index], to: widths[index], alignRight: column.alignRight)
            }.joined(separator: "  ")
        }
        return ([line(headers)] + cells.map(line)).map { $0 + "\n" }.joined()
    }

    /// A GitHub Markdown table of the columns the table shows (`|` in cells escaped).
    func markdownText() -> String {
        let shown = columns.indices.filter { columns[$0].inTable }
        func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }
        let rule = line(shown.map { columns[$0].alignRight ? "---:" : "---" })
        let body = rows.map { row in
            line(shown.map { Sanitizer.clean(Self.tableCell(row[$0])).replacingOccurrences(of: "|", with: "\\|") })
        }
        return line(shown.map { columns[$0].header }) + rule + body.joined()
    }

    /// RFC 4180: a header row, CRLF line ends, quotes around fields with `,`, `"` or line breaks.
    /// Cells a spreadsheet would run as a formula are defused (see `defusingFormula`).
    func csvText() -> String {
        let data = columns.indices.filter { !columns[$0].onlyInTable }
        let header = data.map { Self.csvField(columns[$0].key) }.joined(separator: ",")
        let lines = rows.map { row in
            data.map { Self.csvField(Sanitizer.clean(Self.defusingFormula(Self.csvCell(row[$0])))) }
                .joined(separator: ",")
        }
        return ([header] + lines).map { $0 + "\r\n" }.joined()
    }

    private static func jsonValue(_ value: Value) -> JSONValue {
        switch value {
        case .text(let text): .text(text)
        case .integer(let number), .bytes(let number): number.map { .number($0) } ?? .null
        case .decimal(let number): number.map { .double($0) } ?? .null
        case .date(let date): .date(date)
        case .list(let items): .array(items.map { .string($0) })
        case .flag(let flag): .bool(flag)
        case .objects(let objects):
            .array(
                objects.map { fields in
                    .object(fields.compactMap { key, value in value.map { (key, .string($0)) } })
                })
        case .counts(let counts):
            counts.map { counts in
                .object(Severity.worstFirst.map { ($0.description, .number(Int64(counts[$0] ?? 0))) })
            }
                ?? .null
        }
    }

    private static func tableCell(_ value: Value) -> String {
        switch value {
        case .text(let text): text.flatMap { $0.isEmpty ? nil : $0 } ?? "-"
        case .integer(let number): number.map(String.init) ?? "-"
        case .decimal(let number): number.map { String(format: "%.1f", $0) } ?? "-"
        case .bytes(let number): number.map(ByteCount.format) ?? "-"
        case .date(let date): date.map(RFC3339.format) ?? "-"
        case .list(let items): items.isEmpty ? "-" : items.joined(separator: ",")
        case .flag(let flag): flag ? "yes" : "no"
        case .counts(let counts): counts?.countsText ?? "-"
        case .objects(let objects): objects.isEmpty ? "-" : objectsText(objects)
        }
    }

    private static func csvCell(_ value: Value) -> String {
        switch value {
        case .text(let text): text ?? ""
        case .integer(let number), .bytes(let number): number.map(String.init) ?? ""
        case .decimal(let number): number.map { String(format: "%.1f", $0) } ?? ""
        case .date(let date): date.map(RFC3339.format) ?? ""
        case .list(let items): items.joined(separator: ";")
        case .flag(let flag): flag ? "true" : "false"
        case .counts(let counts): counts?.countsText ?? ""
        case .objects(let objects): objectsText(objects)
        }
    }

    /// `10.0.0.0/8 office network; 203.0.113.7/32`: each object's values, objects apart by `; `.
    private static func objectsText(_ objects: [[(String, String?)]]) -> String {
        objects.map { $0.compactMap(\.1).joined(separator: " ") }.joined(separator: "; ")
    }

    /// OWASP's rule against CSV formula injection: a cell starting with `=`, `+`, `-`, `@`, tab or
    /// carriage return gets a leading `'`, so a spreadsheet shows it as text instead of running it.
    static func defusingFormula(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        return "'" + cell
    }

    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
