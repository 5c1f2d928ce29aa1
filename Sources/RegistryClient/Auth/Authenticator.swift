import Foundation

/// Answers a registry's authentication challenges for one registry host: Basic, or the Bearer
/// token flow with a per-scope token cache. Credentials are looked up only when a challenge needs them.
///
/// The token realm may be on another host (as Docker Hub's is) and gets the registry's credentials,
/// but never over plain HTTP when the registry itself is HTTPS, unless the instance is `insecure`.
actor Authenticator {
    private enum Scheme {
        case unknown
        case basic
        case bearer(realm: URL, service: String?)
    }

    private let registry: URL
    private let registryHost: String
    private let instanceName: String
    private let configured: CredentialSource
    private let chain: CredentialChain
    private let http: any HTTPClient
    private let security: TransportSecurity
    private let now: @Sendable () -> Date

    private var scheme = Scheme.unknown
    private var tokens: [String: BearerToken] = [:]
    private var pendingTokens: [String: Task<BearerToken, any Error>] = [:]
    private var lookup: Task<CredentialChain.Lookup, any Error>?

    /// Creates the authenticator of the registry at `registry`; `now` is the clock tokens expire by.
    init(
        registry: URL, instanceName: String, configured: CredentialSource, chain: CredentialChain, http: any HTTPClient,
        security: TransportSecurity, now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.registry = registry
        self.registryHost = Instance.hostAndPort(registry)
        self.instanceName = instanceName
        self.configured = configured
        self.chain = chain
        self.http = http
        self.security = security
        self.now = now
    }

    /// The `Authorization` value to send up front, once the registry's scheme is known.
    func authorization(for scopes: [AuthScope]) async throws -> String? {
        switch scheme {
        case .unknown:
            return nil
        case .basic:
            return try await basicAuthorization()
        case .bearer(let realm, let service):
            return "Bearer " + (try await token(realm: realm, service: service, scopes: scopes).value)
        }
    }

    /// Learns from a 401 and returns the `Authorization` value for one more try.
    /// - Parameters:
    ///   - retry: how many challenges this request has already answered.
    ///   - sent: the `Authorization` value the refused request carried.
    /// - Throws: `RegistryError(.unauthorized)` when another try cannot help.
    func authorization(
        answering challenges: [AuthChallenge], for scopes: [AuthScope], retry: Int, sent: String?
    ) async throws -> String {
        if let bearer = challenges.first(where: { $0.scheme == "bearer" }) {
            guard let realmText = bearer.realm, let realm = URL(string: realmText), let realmOrigin = URLOrigin(realm)
            else {
                throw RegistryError(
                    .invalidResponse, "\(registryHost) sent a Bearer challenge without a usable realm",
                    hint: "the registry's token auth is misconfigured")
            }
            if security == .verified, let origin = URLOrigin(registry), origin.isDowngrade(to: realmOrigin) {
                throw RegistryError(
                    .refused,
                    "\(registryHost) is HTTPS but sent its token realm as plain HTTP (\(realmOrigin)); "
                        + "refused to send credentials over it",
                    hint:
                        "fix the registry's token realm to use https, or set insecure = true on the instance to allow it"
                )
            }
            let wanted = AuthScope.union(scopes + bearer.scopes)
            let key = Self.cacheKey(realm: realm, service: bearer.service, scopes: wanted)
            // A token that was fresh and still refused: the account lacks the permission.
            if retry > 0, !bearer.isInsufficientScope || tokens[key] != nil {
                throw try await refusal(insufficientScope: bearer.isInsufficientScope, scopes: wanted)
            }
            scheme = .bearer(realm: realm, service: bearer.service)
            // Another request fetched a token while this one was in flight: use it.
            if let cached = tokens[key], cached.isFresh(now: now()), "Bearer \(cached.value)" != sent,
                !bearer.isInsufficientScope
            {
                return "Bearer \(cached.value)"
            }
            tokens[key] = nil
            return "Bearer " + (try await token(realm: realm, service: bearer.service, scopes: wanted).value)
        }
        if challenges.contains(where: { $0.scheme == "basic" }) {
            scheme = .basic
            guard retry == 0, let header = try await basicAuthorization() else {
                throw try await refusal(insufficientScope: false, scopes: scopes)
            }
            return header
        }
        throw try await refusal(insufficientScope: false, scopes: scopes)
    }

    /// The error for a challenge this request already answered once: the credentials were refused,
    /// or the account lacks the scope the server asks for again.
    func refusal(repeating challenges: [AuthChallenge], for scopes: [AuthScope]) async throws -> RegistryError {
        let bearer = challenges.first { $0.scheme == "bearer" }
        let wanted = AuthScope.union(scopes + (bearer?.scopes ?? []))
        return try await refusal(insufficientScope: bearer?.isInsufficientScope == true, scopes: wanted)
    }

    // MARK: - Credentials

    private func credentials() async throws -> CredentialChain.Lookup {
        if let lookup { return try await lookup.value }
        let task = Task { [chain, registryHost, configured, instanceName] in
            try await chain.lookup(host: registryHost, configured: configured, instance: instanceName)
        }
        lookup = task
        return try await task.value
    }

    private func basicAuthorization() async throws -> String? {
        guard let credential = try await credentials().credential else { return nil }
        switch credential.secret {
        case .password(let password):
            return "Basic " + Data("\(credential.username):\(password)".utf8).base64EncodedString()
        case .registryToken(let token):
            return "Bearer " + token
        case .identityToken:
            return nil
        }
    }

    /// The Basic `Authorization` value of the instance's user and password, with the user's name,
    /// for an API beside the registry (Harbor's); nil when no password is configured or stored.
    func passwordAuthorization() async throws -> (header: String, username: String)? {
        guard let credential = try await credentials().credential, case .password(let password) = credential.secret
        else { return nil }
        let header = "Basic " + Data("\(credential.username):\(password)".utf8).base64EncodedString()
        return (header, credential.username)
    }

    /// The unauthorized or denied error, naming the credentials that were tried.
    private func refusal(insufficientScope: Bool, scopes: [AuthScope]) async throws -> RegistryError {
        let lookup = try await credentials()
        let wanted = scopes.map(\.description).joined(separator: " ")
        if let credential = lookup.credential {
            if insufficientScope {
                return RegistryError(
                    .denied, "\(registryHost) denied \(credential) access to \(wanted)",
                    hint:
                        "the account needs that permission (actions: \(scopes.flatMap(\.actions).joined(separator: ",")))",
                    status: 401)
            }
            return RegistryError(
                .unauthorized, "\(registryHost) rejected \(credential)",
                hint: "check the username and password (docker login \(registryHost), or the instance's password_env)",
                status: 401)
        }
        let configEntry =
            instanceName == registryHost ? [] : ["config instance '\(instanceName)' (\(configured.summary))"]
        let tried = (configEntry + lookup.consulted).joined(separator: "; ")
        return RegistryError(
            .unauthorized,
            "\(registryHost) requires credentials and none were found (tried: \(tried.isEmpty ? "nothing" : tried))",
            hint: "set username and password_env for the instance, or run docker login \(registryHost)", status: 401)
    }

    // MARK: - Tokens

    private static func cacheKey(realm: URL, service: String?, scopes: [AuthScope]) -> String {
        ([realm.absoluteString, service ?? ""] + scopes.map(\.description).sorted()).joined(separator: " ")
    }

    private func token(realm: URL, service: String?, scopes: [AuthScope]) async throws -> BearerToken {
        let key = Self.cacheKey(realm: realm, service: service, scopes: scopes)
        if let cached = tokens[key], cached.isFresh(now: now()) { return cached }
        if let pending = pendingTokens[key] { return try await pending.value }
        let task = Task { try await self.fetchToken(realm: realm, service: service, scopes: scopes) }
        pendingTokens[key] = task
        defer { pendingTokens[key] = nil }
        let token = try await task.value
        tokens[key] = token
        return token
    }

    /// The error for a token realm that cannot be turned into a request URL.
    private static func unusableRealm(_ realm: URL) -> RegistryError {
        RegistryError(
            .invalidResponse, "the token realm '\(realm.absoluteString)' is not a usable URL",
            hint: "the registry's token auth is misconfigured")
    }

    private func fetchToken(realm: URL, service: String?, scopes: [AuthScope]) async throws -> BearerToken {
        let credential = try await credentials().credential
        if case .registryToken(let value)? = credential?.secret {
            return BearerToken(value: value, expires: .distantFuture)
        }
        guard var components = URLComponents(url: realm, resolvingAgainstBaseURL: false) else {
            throw Self.unusableRealm(realm)
        }
        var query = components.queryItems ?? []
        if let service { query.append(URLQueryItem(name: "service", value: service)) }
        var request: HTTPRequest
        if case .identityToken(let refreshToken)? = credential?.secret {
            // OAuth2 refresh-token grant (docker's identitytoken).
            var form = URLComponents()
            form.queryItems = [
                URLQueryItem(name: "grant_type", value: "refresh_token"),
                URLQueryItem(name: "refresh_token", value: refreshToken),
                URLQueryItem(name: "client_id", value: "regconsole"),
                URLQueryItem(name: "service", value: service ?? ""),
                URLQueryItem(name: "scope", value: scopes.map(\.description).joined(separator: " ")),
            ]
            components.queryItems = query.isEmpty ? nil : query
            guard let url = components.url else { throw Self.unusableRealm(realm) }
            request = HTTPRequest(
                method: .post, url: url, body: Data((form.percentEncodedQuery ?? "").utf8), security: security)
            request.headers.set("Content-Type", "application/x-www-form-urlencoded")
        } else {
            query += scopes.map { URLQueryItem(name: "scope", value: $0.description) }
            if let credential { query.append(URLQueryItem(name: "account", value: credential.username)) }
            components.queryItems = query
            guard let url = components.url else { throw Self.unusableRealm(realm) }
            request = HTTPRequest(url: url, security: security)
            if case .password(let password)? = credential?.secret {
                request.headers.set(
                    "Authorization", "Basic " + Data("\(credential!.username):\(password)".utf8).base64EncodedString())
            }
        }
        let response: HTTPResponse
        do {
            response = try await http.send(request)
        } catch let error as HTTPTransportError {
            throw RegistryErrorMapper.map(
                error, operation: "fetching a token from \(realm.host ?? realm.absoluteString)")
        }
        guard response.isSuccess else {
            if response.status == 401 || response.status == 403 {
                throw try await refusal(insufficientScope: false, scopes: scopes)
            }
            throw RegistryErrorMapper.map(
                response, operation: "fetching a token from \(realm.host ?? "")", subject: .none)
        }
        do {
            return try BearerToken.decode(response.body, now: now())
        } catch {
            throw RegistryError(
                .invalidResponse,
                "the token server \(realm.host ?? "") answered with an unusable token: \(DecodingErrorSummary.describe(error))"
            )
        }
    }
}
