/// Turns ACR error answers into `RegistryError`s that name what to fix: the RAM permission, the
/// AccessKey and where it came from, the clock, the region.
enum ACRErrorMapper {
    /// What the failed call was talking to.
    struct Context: Sendable {
        var region: String
        var host: String
        var credentialSource: String
        /// The API the host should serve, for an answer that says it does not.
        var api = "ACR Enterprise's OpenAPI (cr.<region>.aliyuncs.com)"
    }

    /// The call that failed: its action's name, the RAM permission it needs when known, and
    /// whether it only reads.
    struct Call: Sendable {
        var name: String
        var permission: String?
        var isReadOnly: Bool
    }

    static func map(status: Int, envelope: ACREnvelope?, action: ACRAction, context: Context) -> RegistryError {
        map(
            status: status, envelope: envelope,
            call: Call(name: action.rawValue, permission: action.permission, isReadOnly: action.isReadOnly),
            context: context)
    }

    static func map(status: Int, envelope: ACREnvelope?, call action: Call, context: Context) -> RegistryError {
        let code = envelope?.code?.text ?? ""
        let serverMessage = envelope?.message.map { ": \($0)" } ?? ""
        let request = envelope?.requestID.map { " (RequestId \($0))" } ?? ""
        let denied = envelope?.accessDeniedDetail
        let permission = denied?.AuthAction ?? action.permission
        let detail = "\(code)\(serverMessage)\(request)"
        var error = classify(
            status: status, code: code, action: action, permission: permission, context: context,
            detail: detail.isEmpty ? "not an ACR error answer" : detail)
        if let kind = denied?.NoPermissionType, let policy = denied?.PolicyType {
            error.hint = (error.hint ?? "") + " (\(kind) by \(policy))"
        }
        error.status = status
        error.serverCode = code.isEmpty ? nil : code
        return error
    }

    private static func classify(
        status: Int, code: String, action: Call, permission: String?, context: Context, detail: String
    ) -> RegistryError {
        let call = "ACR \(action.name) in \(context.region)"
        let grant =
            permission.map { "grant \($0) to the RAM user" }
            ?? "grant the RAM user AliyunContainerRegistry\(action.isReadOnly ? "ReadOnly" : "Full")Access"
        let key = "the AccessKey from \(context.credentialSource)"
        switch code {
        case "NoPrivilege", "Forbidden.RAM", "Forbidden.NoPermission":
            return RegistryError(
                .denied, "\(key) lacks the RAM permission \(permission ?? "for \(action.name)") (\(detail))",
                hint: permission == nil
                    ? grant
                    : "\(grant), or attach AliyunContainerRegistry\(action.isReadOnly ? "ReadOnly" : "Full")Access")
        case "InvalidAccessKeyId.NotFound", "InvalidAccessKeyId.Inactive", "InvalidAccessKeyId":
            return RegistryError(
                .unauthorized, "\(call) rejected \(key): unknown or disabled AccessKey ID (\(detail))",
                hint: "check the key id in the RAM console; is it the right account?")
        case "SignatureDoesNotMatch", "IncompleteSignature", "InvalidSignature":
            return RegistryError(
                .unauthorized, "\(call) rejected the signature made with \(key) (\(detail))",
                hint:
                    "check the AccessKey secret (it must belong to the key id), and that no proxy rewrites the request")
        case let timestamp where timestamp.hasPrefix("InvalidTimeStamp") || timestamp == "RequestTimeTooSkewed":
            return RegistryError(
                .unauthorized, "\(call) says this machine's clock is off (\(detail))",
                hint:
                    "sync the clock (timedatectl set-ntp true, or chronyc makestep); requests must be within 15 minutes of Alibaba Cloud's time"
            )
        case let token where token.hasPrefix("InvalidSecurityToken"):
            return RegistryError(
                .unauthorized, "\(call) rejected the STS token from \(context.credentialSource) (\(detail))",
                hint: "STS tokens expire: fetch a new one (aliyun sts AssumeRole) and update the credential")
        case let throttled where throttled.hasPrefix("Throttling"):
            return RegistryError(
                .rateLimited, "\(call) is throttled (\(detail))",
                hint: "wait a minute and retry, or raise the account's API quota")
        case let missing
        where missing.hasSuffix("NOT_EXIST") || missing.hasSuffix("NotFound") && !missing.hasPrefix("InvalidAction"):
            return RegistryError(.notFound, "\(call): \(detail)", hint: "refresh the list; it may have been deleted")
        case let exists where exists.hasSuffix("ALREADY_EXIST"):
            return RegistryError(.refused, "\(call): \(detail)", hint: "choose another name")
        case let action where action.hasPrefix("InvalidAction"):
            return RegistryError(
                .unsupported, "\(context.host) does not offer \(call) (\(detail))",
                hint: "is the endpoint \(context.api)?")
        case let parameter where parameter.hasPrefix("InvalidParameter") || parameter.hasPrefix("Missing"):
            return RegistryError(.invalidReference, "\(call) refused a parameter (\(detail))")
        default:
            break
        }
        switch status {
        case 401:
            return RegistryError(.unauthorized, "\(call) rejected \(key) (\(detail))", hint: "check the AccessKey")
        case 403:
            return RegistryError(
                .denied, "\(call) was denied for \(key) (\(detail))", hint: grant)
        case 404: return RegistryError(.notFound, "\(call): not found (\(detail))")
        case 200..<300:
            return RegistryError(
                .server, "\(call) answered IsSuccess=false (\(detail))",
                hint: "retry; if it persists, check the instance in the ACR console")
        case 500...:
            return RegistryError(
                .server, "\(call) failed on the server (\(status) \(detail))",
                hint: "retry later; Alibaba Cloud's status page may show an incident")
        default: return RegistryError(.invalidResponse, "\(call) failed (\(status) \(detail))")
        }
    }
}
