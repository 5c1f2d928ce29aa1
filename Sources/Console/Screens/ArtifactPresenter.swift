import Foundation
import RegistryClient
import TerminalUI

/// Turns an `Artifact` into the lines of each detail tab.
@MainActor
struct ArtifactPresenter {
    /// The detail tabs, in order.
    enum Tab: Int, CaseIterable {
        case overview, platforms, layers, config, history, referrers, manifest

        var title: Message {
            switch self {
            case .overview: .tabOverview
            case .platforms: .tabPlatforms
            case .layers: .tabLayers
            case .config: .tabConfig
            case .history: .tabHistory
            case .referrers: .tabReferrers
            case .manifest: .tabManifest
            }
        }
    }

    let artifact: Artifact
    let context: any PaneContext

    /// The exact time, and how long ago when that is recent (an older one already reads as a date).
    private func createdText(_ date: Date) -> String {
        let exact = RFC3339.format(date)
        let relative = context.relativeTime(date)
        return exact.hasPrefix(relative) ? exact : "\(exact)  (\(relative))"
    }
    private var catalog: Catalog { context.catalog }

    /// The lines of a tab.
    func lines(_ tab: Tab) -> [StyledLine] {
        switch tab {
        case .overview: overview()
        case .platforms: platforms()
        case .layers: perImage(layers)
        case .config: perImage(config)
        case .history: perImage(history)
        case .referrers: referrers()
        case .manifest: JSONHighlighter.lines(artifact.rawManifest)
        }
    }

    private func field(_ label: Message, _ value: String, _ role: ThemeRole = .text) -> StyledLine {
        StyledLine([.init(DisplayWidth.fit(catalog[label], to: 16), .title), .init(value, role)])
    }

    private func overview() -> [StyledLine] {
        var lines = [
            field(.labelReference, artifact.reference.description),
            field(.labelDigest, artifact.digest.description),
            field(.labelMediaType, artifact.mediaType),
            field(.labelSize, artifact.size.map { "\(ByteCount.format($0)) (\($0))" } ?? "-"),
            field(.labelCreated, artifact.created.map(createdText) ?? "-"),
            field(.labelPlatforms, artifact.platforms.map(\.description).joined(separator: ", ")),
        ]
        if case .image(let image) = artifact.content {
            lines.append(field(.labelArtifactType, image.manifest.effectiveArtifactType))
            lines += annotations(image.manifest.annotations)
        }
        if case .index(let index, _) = artifact.content { lines += annotations(index.annotations) }
        lines.append(field(.tabReferrers, "\(artifact.referrers.count)"))
        return lines
    }

    private func annotations(_ map: [String: String]?) -> [StyledLine] {
        guard let map, !map.isEmpty else { return [] }
        return [StyledLine(""), StyledLine(catalog[.labelAnnotations], .title)]
            + map.sorted { $0.key < $1.key }.map {
                StyledLine([.init("  \($0.key)", .jsonKey), .init(" = \($0.value)")])
            }
    }

    private func platforms() -> [StyledLine] {
        switch artifact.content {
        case .image(let image):
            return [
                field(.labelPlatform, image.platform?.description ?? "-"),
                field(.labelDigest, image.digest.description),
            ]
        case .index(_, let children):
            return children.map { child in
                let platform =
                    switch child.descriptor.indexEntryKind {
                    case .platform(let platform): platform.description
                    case .attestation: catalog[.attestation]
                    }
                let size = child.image.map { ByteCount.format($0.manifest.contentSize) } ?? "-"
                let created = child.image?.config?.createdDate.map { context.relativeTime($0) } ?? "-"
                return StyledLine([
                    .init(DisplayWidth.fit(platform, to: 18), child.descriptor.isPlatformImage ? .title : .muted),
                    .init(child.descriptor.digest.short + "  "),
                    .init(DisplayWidth.fit(size, to: 10, alignRight: true) + "  "), .init(created, .muted),
                ])
            }
        }
    }

    /// Sections for each platform image (one for a single image).
    private func perImage(_ body: (Artifact.Image) -> [StyledLine]) -> [StyledLine] {
        switch artifact.content {
        case .image(let image):
            return body(image)
        case .index(_, let children):
            return children.compactMap { child -> [StyledLine]? in
                guard let image = child.image, child.descriptor.isPlatformImage else { return nil }
                return [
                    StyledLine("▸ " + (child.descriptor.platform?.description ?? child.descriptor.digest.short), .title)
                ] + body(image) + [StyledLine("")]
            }.flatMap { $0 }
        }
    }

    private func layers(_ image: Artifact.Image) -> [StyledLine] {
        guard !image.manifest.layers.isEmpty else { return [StyledLine(catalog[.noLayers], .muted)] }
        return image.manifest.layers.enumerated().map { index, layer in
            StyledLine([
                .init(DisplayWidth.fit("\(index + 1)", to: 4, alignRight: true) + "  ", .muted),
                .init(DisplayWidth.fit(ByteCount.format(layer.size), to: 10, alignRight: true) + "  "),
                .init(layer.digest.short + "  "), .init(layer.mediaType, .muted),
            ])
        }
    }

    private func config(_ image: Artifact.Image) -> [StyledLine] {
        guard let runtime = image.config?.config else { return [StyledLine("-", .muted)] }
        var lines: [StyledLine] = []
        func add(_ label: Message, _ value: String?) {
            if let value, !value.isEmpty { lines.append(field(label, value)) }
        }
        add(.labelEntrypoint, runtime.Entrypoint?.joined(separator: " "))
        add(.labelCmd, runtime.Cmd?.joined(separator: " "))
        add(.labelWorkingDir, runtime.WorkingDir)
        add(.labelUser, runtime.User)
        add(.labelPorts, runtime.ExposedPorts?.keys.sorted().joined(separator: ", "))
        add(.labelCreated, image.config?.created)
        if let env = runtime.Env, !env.isEmpty {
            lines.append(StyledLine(catalog[.labelEnv], .title))
            lines += env.map { StyledLine("  " + $0) }
        }
        if let labels = runtime.Labels, !labels.isEmpty {
            lines.append(StyledLine(catalog[.labelLabels], .title))
            lines += labels.sorted { $0.key < $1.key }.map {
                StyledLine([.init("  \($0.key)", .jsonKey), .init(" = \($0.value)")])
            }
        }
        return lines
    }

    private func history(_ image: Artifact.Image) -> [StyledLine] {
        let steps = image.config?.history ?? []
        guard !steps.isEmpty else { return [StyledLine(catalog[.noHistory], .muted)] }
        return steps.map { step in
            let created = step.created.flatMap(RFC3339.parse).map { context.relativeTime($0) } ?? "-"
            return StyledLine([
                .init(DisplayWidth.fit(created, to: 12) + "  ", .muted),
                .init(step.created_by ?? step.comment ?? "", step.empty_layer == true ? .muted : .text),
            ])
        }
    }

    private func referrers() -> [StyledLine] {
        guard !artifact.referrers.isEmpty else { return [StyledLine(catalog[.noReferrers], .muted)] }
        return artifact.referrers.flatMap { referrer -> [StyledLine] in
            [
                StyledLine([
                    .init(referrer.artifactType + "  ", .title), .init(referrer.descriptor.digest.short + "  "),
                    .init(ByteCount.format(referrer.descriptor.size) + "  "),
                    .init("\(catalog[.labelFoundBy]): \(referrer.discovery.rawValue)", .muted),
                ])
            ] + annotations(referrer.descriptor.annotations).dropFirst(2)
        }
    }
}
