/// One-line descriptions of `DecodingError`s that name the JSON path, e.g. `at tags[3]: expected a string`.
public enum DecodingErrorSummary {
    /// Describes any error; decoding errors get their JSON path.
    public static func describe(_ error: any Error) -> String {
        guard let decodingError = error as? DecodingError else { return "\(error)" }
        switch decodingError {
        case .typeMismatch(let type, let context):
            return "at \(path(context.codingPath)): expected \(typeName(type))"
        case .valueNotFound(let type, let context):
            return "at \(path(context.codingPath)): expected \(typeName(type)), found null"
        case .keyNotFound(let key, let context):
            return "at \(path(context.codingPath + [key])): required key is missing"
        case .dataCorrupted(let context):
            let underlying = context.underlyingError.map { " (\($0.localizedDescription))" } ?? ""
            let reason =
                context.debugDescription.contains("not valid JSON") || context.underlyingError != nil
                ? "not valid JSON (truncated or garbage?)\(underlying)" : context.debugDescription
            return context.codingPath.isEmpty ? reason : "at \(path(context.codingPath)): \(reason)"
        @unknown default:
            return "\(decodingError)"
        }
    }

    /// `$.tags[3].name` style path.
    public static func path(_ codingPath: [any CodingKey]) -> String {
        var text = "$"
        for key in codingPath {
            if let index = key.intValue { text += "[\(index)]" } else { text += ".\(key.stringValue)" }
        }
        return text
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type, is Double.Type: "a number"
        case is Bool.Type: "a boolean"
        default: "\(type)"
        }
    }
}
