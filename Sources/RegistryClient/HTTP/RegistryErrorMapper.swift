import Foundation

/// Turns transport failures and unwanted HTTP answers into `RegistryError`s whose messages say
/// what failed and what to do.
public enum RegistryErrorMapper {
    /// What a failed request was about, for not-found messages.
    public enum Subject: Sendable {
        case none
        case repository(String)
        case manifest(repository: String, reference: String)
        case blob(repository: String, digest: String)
    }

    /// Maps a transport failure.
    public static func map(_ error: HTTPTransportError, operation: String) -> RegistryError {
        let host = error.host
        switch error.kind {
        case .unknownHost:
            return RegistryError(
                .unknownHost, "cannot resolve host '\(host)' while \(operation)",
                hint: "check the instance's url or the host in the reference (and your network/DNS)")
        case .connectionRefused:
            return RegistryError(
                .network, "cannot connect to \(host) while \(operation): \(error.detail)",
                hint: "is the registry running and is the url's port right?")
        case .timedOut:
            return RegistryError(
                .timeout, "\(host) did not answer in time while \(operation) (\(error.detail))",
                hint: "check the network or proxy settings, then retry; "
                    + "request_timeout and blob_timeout under [limits] in the config set the deadlines")
        case .tlsFailure:
            return RegistryError(
                .tls, "TLS with \(host) failed while \(operation): \(error.detail)",
                hint:
                    "for a self-signed certificate or plain HTTP set insecure = true on the instance (or pass --insecure)"
            )
        case .connectionReset:
            return RegistryError(
                .network, "the connection to \(host) broke while \(operation): \(error.detail)",
                hint: "retry; if it persists, check the registry and any proxy in between")
        case .truncated:
            return RegistryError(
                .invalidResponse, "the answer from \(host) was cut short while \(operation)",
                hint: "retry; the server or a proxy closed the connection early")
        case .bodyTooLarge:
            return RegistryError(
                .invalidResponse, "the answer from \(host) while \(operation) is too large: \(error.detail)",
                hint: "the server is misbehaving or is not a registry")
        case .tooManyRedirects:
            return RegistryError(
                .invalidResponse, "\(host) redirected too many times while \(operation)",
                hint: "check the url; the server may redirect in a loop")
        case .insecureRedirect:
            return RegistryError(
                .tls, "\(host) redirected \(operation) from HTTPS to plain HTTP, which is never followed",
                hint: "the registry or a proxy in front of it is misconfigured; nothing was sent unencrypted")
        case .other:
            return RegistryError(.network, "request to \(host) failed while \(operation): \(error.detail)")
        }
    }

    /// Maps an HTTP answer that is not a success.
    public static func map(_ response: HTTPResponse, operation: String, subject: Subject) -> RegistryError {
        var error = classify(response, operation: operation, subject: subject)
        error.serverCode = DistributionErrorBody.entries(in: response.body).first?.code
        return error
    }

    private static func classify(_ response: HTTPResponse, operation: String, subject: Subject) -> RegistryError {
        let host = response.url.host.map { host in response.url.port.map { "\(host):\($0)" } ?? host } ?? "registry"
        let entries = DistributionErrorBody.entries(in: response.body)
        let code = entries.first?.code ?? ""
        let serverMessage = entries.first?.message.map { ": \($0)" } ?? ""
        let status = response.status
        switch (status, code) {
        case (401, _):
            return RegistryError(
                .unauthorized, "\(host) refused \(operation) (401\(serverMessage))",
                hint: "log in (docker login \(host)) or configure credentials for the instance", status: status)
        case (403, _), (_, "DENIED"):
            return RegistryError(
                .denied, "\(host) denied \(operation) (\(status)\(serverMessage))",
                hint: "the account lacks the permission for this action", status: status)
        case (404, _):
            return notFound(subject, host: host, code: code, status: status)
        case (405, _), (_, "UNSUPPORTED"):
            return RegistryError(
                .unsupported, "\(host) does not support \(operation) (\(status)\(serverMessage))",
                hint: "deletes need storage.delete.enabled: true on a distribution registry", status: status)
        case (429, _), (_, "TOOMANYREQUESTS"):
            let after = response.headers["Retry-After"].map { " (retry after \($0) s)" } ?? ""
            return RegistryError(
                .rateLimited, "\(host) is rate limiting \(operation)\(after)",
                hint: "wait and retry, or lower --concurrency", status: status)
        case (_, "NAME_INVALID"), (_, "TAG_INVALID"), (_, "DIGEST_INVALID"):
            return RegistryError(
                .invalidReference, "\(host) rejected the name in \(operation) (\(code)\(serverMessage))",
                hint: "check the repository name and tag format", status: status)
        case (500...599, _):
            return RegistryError(
                .server, "\(host) failed while \(operation) (HTTP \(status)\(serverMessage))",
                hint: "the registry is failing; retry later or check its logs", status: status)
        default:
            return RegistryError(
                .invalidResponse,
                "\(host) answered HTTP \(status) to \(operation)\(serverMessage.isEmpty ? "" : " (\(code)\(serverMessage))")",
                status: status)
        }
    }

    private static func notFound(_ subject: Subject, host: String, code: String, status: Int) -> RegistryError {
        switch subject {
        case .repository(let repository):
            return RegistryError(
                .notFound, "repository '\(repository)' does not exist on \(host)",
                hint: "list repositories with: regconsole repos <instance>", status: status)
        case .manifest(let repository, let reference) where code == "NAME_UNKNOWN":
            return RegistryError(
                .notFound, "repository '\(repository)' does not exist on \(host) (looking for \(reference))",
                hint: "check the repository name", status: status)
        case .manifest(let repository, let reference):
            return RegistryError(
                .notFound, "'\(reference)' is not in \(repository) on \(host)",
                hint: "list tags with: regconsole tags <instance>/\(repository)", status: status)
        case .blob(let repository, let digest):
            return RegistryError(
                .notFound, "blob \(digest) is missing from \(repository) on \(host)",
                hint: "the image is incomplete on the registry", status: status)
        case .none:
            return RegistryError(.notFound, "\(host) answered 404 Not Found", status: status)
        }
    }
}
