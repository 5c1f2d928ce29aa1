import ArgumentParser

/// `--output table|json|csv`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
    case csv
}
