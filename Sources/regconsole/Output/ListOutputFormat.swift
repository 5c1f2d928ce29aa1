import ArgumentParser

/// `--output` of reports meant for people as much as scripts (`vulns`): the listing formats plus
/// Markdown, for pasting into an incident or a ticket.
enum ListOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, markdown
}

extension RecordSet {
    /// Prints the records to standard output in `format`.
    func print(_ format: ListOutputFormat) {
        switch format {
        case .table: print(as: OutputFormat.table)
        case .json: print(as: OutputFormat.json)
        case .csv: print(as: OutputFormat.csv)
        case .markdown: Swift.print(markdownText(), terminator: "")
        }
    }
}
