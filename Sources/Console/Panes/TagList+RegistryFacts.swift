import RegistryClient
import TerminalUI

/// Columns for what some registries record beside the manifest: when an image was last pulled
/// (Harbor) and the signatures and SBOMs attached to it.
extension TagList {
    /// PULLED on registries that record pulls; ACCESSORIES once a listed image has any. They go
    /// after SCAN.
    func registryFactColumns(in pane: ResourcePane<TagList>) -> [TableColumn<Row>] {
        let catalog = context.catalog
        var columns: [TableColumn<Row>] = []
        if instance.kind == .harbor {
            columns.append(
                TableColumn(catalog[.columnLastPulled], width: .fit(min: 8, max: 14)) { [context] row in
                    guard let details = row.details else { return "" }
                    return details.pulled.map { context.relativeTime($0) } ?? "-"
                })
        }
        if pane.list.items.contains(where: { !($0.details?.accessories.isEmpty ?? true) }) {
            columns.append(
                TableColumn(catalog[.columnAccessories], width: .fit(min: 6, max: 24)) { row in
                    Self.accessoriesText(row.details?.accessories ?? [])
                })
        }
        return columns
    }

    /// `cosign ×2, sbom`: accessory kinds by their short names, counted.
    static func accessoriesText(_ kinds: [String]) -> String {
        var counts: [(name: String, count: Int)] = []
        for kind in kinds {
            let name = shortName(of: kind)
            if let index = counts.firstIndex(where: { $0.name == name }) {
                counts[index].count += 1
            } else {
                counts.append((name, 1))
            }
        }
        return counts.map { $0.count > 1 ? "\($0.name) ×\($0.count)" : $0.name }.joined(separator: ", ")
    }

    private static func shortName(of kind: String) -> String {
        switch kind {
        case "signature.cosign": "cosign"
        case "signature.notation": "notation"
        case "sbom.harbor": "sbom"
        case "accelerator.nydus": "nydus"
        case "subject.accessory": "referrer"
        default: kind
        }
    }
}
