import ArgumentParser
import Foundation
import TerminalUI

/// `--all`, shared by `tags` and `lifecycle plan`: referrer tags (`sha256-<64 hex>`, with any
/// `.sig`/`.att`/`.sbom` suffix) are left out of listings unless asked for, as in the console.
struct ReferrerTagOptions: ParsableArguments {
    @Flag(
        name: .long,
        help:
            "Also list referrer tags (sha256-<64 hex>, with any .sig/.att/.sbom suffix), hidden by default in every output format."
    )
    var all = false

    /// Tells standard error in one line that a table left out `hidden` referrer tags; other
    /// formats stay silent.
    func noteHidden(_ hidden: Int, format: OutputFormat) {
        guard hidden > 0, format == .table else { return }
        let line = "regconsole: \(hidden) referrer \(hidden == 1 ? "tag" : "tags") hidden (--all shows them)"
        FileHandle.standardError.write(Data((Sanitizer.clean(line) + "\n").utf8))
    }
}
