import ArgumentParser

/// `--output` of `scan show`: the listing formats plus SARIF and Markdown.
enum ScanOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, sarif, markdown
}
