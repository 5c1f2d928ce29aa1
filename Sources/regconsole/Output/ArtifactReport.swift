import Foundation
import RegistryClient
import TerminalUI

/// An artifact as `inspect` prints it: a sectioned text report, a JSON object, or CSV rows of
/// every descriptor (config, layers, index children, referrers).
struct ArtifactReport {
    let artifact: Artifact

    init(_ artifact: Artifact) {
        self.artifact = artifact
    }

    // MARK: JSON

    var json: JSONValue {
        var fields: [(String, JSONValue)] = [
            ("reference", .string(artifact.reference.description)),
            ("digest", .string(artifact.digest.description)),
            ("mediaType", .string(artifact.mediaType)),
            ("size", artifact.size.map { .number($0) } ?? .null),
            ("created", .date(artifact.created)),
            ("platforms", .array(artifact.platforms.map { .string($0.description) })),
        ]
        switch artifact.content {
        case .image(let image):
            fields += imageFields(image)
        case .index(let index, let children):
            fields.append(("annotations", annotations(index.annotations)))
            fields.append(
                (
                    "manifests",
                    .array(
                        children.map { child in
                            var entry: [(String, JSONValue)] = [
                                ("digest", .string(child.descriptor.digest.description)),
                                ("mediaType", .string(child.descriptor.mediaType)),
                                ("platform", .text(child.descriptor.platform?.description)),
                                ("size", child.image.map { .number($0.manifest.contentSize) } ?? .null),
                                ("created", .date(child.image?.config?.createdDate)),
                            ]
                            if let image = child.image, image.config != nil { entry += imageFields(image) }
                            return .object(entry)
                        })
                ))
        }
        fields.append(
            (
                "referrers",
                .array(
                    artifact.referrers.map { referrer in
                        .object([
                            ("digest", .string(referrer.descriptor.digest.description)),
                            ("artifactType", .string(referrer.artifactType)),
                            ("mediaType", .string(referrer.descriptor.mediaType)),
                            ("size", .number(referrer.descriptor.size)),
                            ("annotations", annotations(referrer.descriptor.annotations)),
                            ("discovery", .string(referrer.discovery.rawValue)),
                        ])
                    })
            ))
        fields.append(("manifest", (try? JSONDecoder().decode(JSONValue.self, from: artifact.rawManifest)) ?? .null))
        return .object(fields)
    }

    private func imageFields(_ image: Artifact.Image) -> [(String, JSONValue)] {
        let runtime = image.config?.config
        return [
            ("artifactType", .string(image.manifest.effectiveArtifactType)),
            ("annotations", annotations(image.manifest.annotations)),
            (
                "config",
                .object([
                    ("digest", .string(image.manifest.config.digest.description)),
                    ("mediaType", .string(image.manifest.config.mediaType)),
                    ("size", .number(image.manifest.config.size)),
                    ("architecture", .text(image.config?.architecture)), ("os", .text(image.config?.os)),
                    ("author", .text(image.config?.author)),
                    ("user", .text(runtime?.User)), ("workingDir", .text(runtime?.WorkingDir)),
                    ("entrypoint", .array((runtime?.Entrypoint ?? []).map { .string($0) })),
                    ("cmd", .array((runtime?.Cmd ?? []).map { .string($0) })),
                    ("env", .array((runtime?.Env ?? []).map { .string($0) })),
                    ("exposedPorts", .array((runtime?.ExposedPorts ?? [:]).keys.sorted().map { .string($0) })),
                    ("labels", annotations(runtime?.Labels)),
                ])
            ),
            (
                "layers",
                .array(
                    image.manifest.layers.map { layer in
                        .object([
                            ("digest", .string(layer.digest.description)), ("mediaType", .string(layer.mediaType)),
                            ("size", .number(layer.size)),
                        ])
                    })
            ),
            (
                "history",
                .array(
                    (image.config?.history ?? []).map { step in
                        .object([
                            ("created", .text(step.created)), ("createdBy", .text(step.created_by)),
                            ("comment", .text(step.comment)),
                            ("emptyLayer", .bool(step.empty_layer ?? false)),
                        ])
                    })
            ),
        ]
    }

    private func annotations(_ map: [String: String]?) -> JSONValue {
        .object((map ?? [:]).keys.sorted().map { ($0, .string(map![$0]!)) })
    }

    // MARK: CSV

    /// Every descriptor the artifact names, one row each.
    var descriptors: RecordSet {
        var records = RecordSet(columns: [
            .init(key: "role", header: "ROLE"), .init(key: "platform", header: "PLATFORM"),
            .init(key: "digest", header: "DIGEST"),
            .init(key: "mediaType", header: "MEDIA TYPE"), .init(key: "size", header: "SIZE"),
        ])
        func add(_ role: String, _ platform: String?, _ descriptor: Descriptor) {
            records.rows.append([
                .text(role), .text(platform), .text(descriptor.digest.description), .text(descriptor.mediaType),
                .integer(descriptor.size),
            ])
        }
        func addImage(_ image: Artifact.Image, platform: String?) {
            add("config", platform, image.manifest.config)
            image.manifest.layers.forEach { add("layer", platform, $0) }
        }
        switch artifact.content {
        case .image(let image):
            addImage(image, platform: image.platform?.description)
        case .index(_, let children):
            for child in children {
                add("manifest", child.descriptor.platform?.description, child.descriptor)
                if let image = child.image { addImage(image, platform: child.descriptor.platform?.description) }
            }
        }
        artifact.referrers.forEach { add("referrer", nil, $0.descriptor) }
        return records
    }

    // MARK: Text

    /// The human report.
    var text: String {
        var out = ""
        func field(_ name: String, _ value: String) {
            out += DisplayWidth.fit(name, to: 12) + Sanitizer.clean(value) + "\n"
        }
        func section(_ title: String, _ body: String) {
            guard !body.isEmpty else { return }
            out +=
                "\n\(title)\n"
                + body.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  \($0)" }
                .joined(separator: "\n")
            if !out.hasSuffix("\n") { out += "\n" }
        }
        field("Reference", artifact.reference.description)
        field("Digest", artifact.digest.description)
        field("Media type", artifact.mediaType)
        field("Size", artifact.size.map { "\(ByteCount.format($0)) (\($0) bytes)" } ?? "-")
        field("Created", artifact.created.map(RFC3339.format) ?? "-")
        field("Platforms", artifact.platforms.map(\.description).joined(separator: ", "))
        switch artifact.content {
        case .image(let image):
            imageSections(image, section: section)
        case .index(_, let children):
            var table = RecordSet(columns: [
                .init(key: "platform", header: "PLATFORM"), .init(key: "digest", header: "DIGEST"),
                .init(key: "size", header: "SIZE", alignRight: true), .init(key: "created", header: "CREATED"),
            ])
            table.rows = children.map { child in
                [
                    .text(child.descriptor.indexEntryKind.description),
                    .text(child.descriptor.digest.description), .bytes(child.image?.manifest.contentSize),
                    .date(child.image?.config?.createdDate),
                ]
            }
            section("Manifests", table.tableText())
        }
        if !artifact.referrers.isEmpty {
            var table = RecordSet(columns: [
                .init(key: "artifactType", header: "ARTIFACT TYPE"), .init(key: "digest", header: "DIGEST"),
                .init(key: "size", header: "SIZE", alignRight: true), .init(key: "discovery", header: "FOUND BY"),
            ])
            table.rows = artifact.referrers.map {
                [
                    .text($0.artifactType), .text($0.descriptor.digest.description), .bytes($0.descriptor.size),
                    .text($0.discovery.rawValue),
                ]
            }
            section("Referrers", table.tableText())
        }
        return out
    }

    private func imageSections(_ image: Artifact.Image, section: (String, String) -> Void) {
        var layers = RecordSet(columns: [
            .init(key: "digest", header: "DIGEST"), .init(key: "size", header: "SIZE", alignRight: true),
            .init(key: "mediaType", header: "MEDIA TYPE"),
        ])
        layers.rows = image.manifest.layers.map {
            [.text($0.digest.description), .bytes($0.size), .text($0.mediaType)]
        }
        section("Layers", layers.tableText())
        if let runtime = image.config?.config {
            var lines: [String] = []
            func add(_ name: String, _ value: String?) {
                guard let value, !value.isEmpty else { return }
                lines.append(DisplayWidth.fit(name, to: 12) + Sanitizer.clean(value))
            }
            add("Entrypoint", runtime.Entrypoint?.joined(separator: " "))
            add("Cmd", runtime.Cmd?.joined(separator: " "))
            add("WorkingDir", runtime.WorkingDir)
            add("User", runtime.User)
            for variable in runtime.Env ?? [] { add("Env", variable) }
            for (key, value) in (runtime.Labels ?? [:]).sorted(by: { $0.key < $1.key }) {
                add("Label", "\(key)=\(value)")
            }
            section("Config", lines.joined(separator: "\n"))
        }
        let history = (image.config?.history ?? []).map { step in
            "\(step.created ?? "-")  \(Sanitizer.clean(step.created_by ?? step.comment ?? ""))"
        }
        section("History", history.joined(separator: "\n"))
        if let annotations = image.manifest.annotations, !annotations.isEmpty {
            section(
                "Annotations",
                annotations.sorted { $0.key < $1.key }.map { Sanitizer.clean("\($0.key)=\($0.value)") }.joined(
                    separator: "\n"))
        }
    }
}
