import Foundation

/// Turns Harbor's error answers (`{"errors":[{"code","message"}]}`, or whatever a proxy in front
/// of it sent) into `RegistryError`s that say what to fix: the credentials, a project role or
/// robot permission, a cookie sent back, an immutability rule, a full quota, the scanner, the page size.
enum HarborErrorMapper {
    /// What the failed call was about.
    struct Context: Sendable {
        /// The instance's host, e.g. `harbor.example.com`.
        var host: String
        /// What was being done, e.g. `listing artifacts of lib/team/app`.
        var operation: String
        /// The user or robot (`robot$lib+ci`) whose credentials were sent; nil for anonymous calls.
        var principal: String?
    }

    /// Maps a non-success answer with its body.
    static func map(status: Int, body: Data, context: Context) -> RegistryError {
        let entry = DistributionErrorBody.entries(in: body).first
        let code = entry?.code.map { ServerText.displayable($0, limit: 40) } ?? ""
        let message = entry?.message.map { ServerText.displayable($0) } ?? plainText(body)
        var error = classify(status: status, code: code, message: message, context: context)
        error.status = status
        error.serverCode = code.isEmpty ? nil : code
        return error
    }

    /// A short body that is not Harbor's JSON (a proxy's one-line answer); nothing for HTML pages.
    private static func plainText(_ body: Data) -> String {
        let text = ServerText.displayable(String(decoding: body.prefix(1024), as: UTF8.self), limit: 100)
        return text.hasPrefix("<") || text.hasPrefix("{") ? "" : text
    }

    private static func classify(status: Int, code: String, message: String, context: Context) -> RegistryError {
        let said = [code, message].filter { !$0.isEmpty }.joined(separator: ": ")
        let detail = "\(status)\(said.isEmpty ? "" : " \(said)")"
        let what = "Harbor at \(context.host) refused \(context.operation) (\(detail))"
        let lowered = message.lowercased()
        switch status {
        case 401:
            return RegistryError(.unauthorized, what, hint: unauthorizedHint(context))
        case 403 where lowered.contains("csrf"):
            return RegistryError(
                .denied, what,
                hint:
                    "a session cookie (sid) from an earlier answer was sent back, which turns on Harbor's CSRF check; send no cookies on API calls"
            )
        case 403:
            let who = context.principal.map { "'\($0)'" } ?? "anonymous access"
            return RegistryError(
                .denied, what,
                hint:
                    "\(who) lacks the permission: give the user a project role that allows it, or add the permission to the robot account"
            )
        case 404 where lowered.hasPrefix("path") && lowered.contains("not found"):
            return RegistryError(
                .unsupported, "Harbor at \(context.host) does not serve \(context.operation) (\(detail))",
                hint: "this Harbor version may lack the call; its version is in /api/v2.0/systeminfo")
        case 404:
            return RegistryError(
                .notFound, "Harbor at \(context.host) found nothing for \(context.operation) (\(detail))",
                hint:
                    "check the project and repository names; it may have been deleted, or be invisible to this account")
        case 409:
            return RegistryError(
                .refused, what,
                hint: lowered.contains("scan")
                    ? "a scan of this artifact is already pending or running; wait for it to finish"
                    : "the name is taken or the same rule exists already")
        case 412:
            return RegistryError(.refused, what, hint: preconditionHint(lowered))
        case 400, 422:
            return RegistryError(
                .invalidReference, what,
                hint: "a parameter is invalid: page_size must be 1 to 100, and the q filter must be well formed")
        case 429:
            return RegistryError(.rateLimited, what, hint: "wait a moment and retry with fewer parallel requests")
        case 500...599:
            return RegistryError(
                .server, "Harbor at \(context.host) failed while \(context.operation) (\(detail))",
                hint:
                    "retry later; Harbor hides the cause of internal errors, so look in its core log for the request's X-Request-Id"
            )
        default:
            return RegistryError(
                .invalidResponse, "Harbor at \(context.host) answered \(context.operation) with \(detail)")
        }
    }

    private static func unauthorizedHint(_ context: Context) -> String {
        guard let principal = context.principal else {
            return
                "the call needs credentials: configure a Harbor user or a robot account (robot$…) for \(context.host)"
        }
        return
            "check the password or secret of '\(principal)' (a robot's name includes its robot$ prefix); Harbor treats wrong credentials as anonymous, so a list showing only public projects means the same"
    }

    private static func preconditionHint(_ message: String) -> String {
        if message.contains("immutable") {
            return "an immutability rule of the project protects the tag; change the rule first"
        }
        if message.contains("quota") {
            return
                "the project's storage quota is used up: raise it (regconsole usage shows it) or delete images first"
        }
        if message.contains("scanner") {
            return "the project has no active scanner; add or enable one under Interrogation Services"
        }
        if message.contains("contain") || message.contains("not empty") || message.contains("repositor") {
            return "the project is not empty; delete its repositories first"
        }
        return "Harbor's precondition failed; the message says which"
    }
}
