import Foundation

/// A docker credential program, `docker-credential-<name>`: `get` reads the server URL on stdin
/// and prints `{"ServerURL","Username","Secret"}`.
struct CredentialHelper: Sendable {
    var name: String
    var environment: [String: String]

    private struct Answer: Decodable {
        var Username: String?
        var Secret: String?
    }

    /// The stored credential, nil when the helper has none for this server.
    /// - Throws: `RegistryError(.unauthorized)` when the helper cannot be run or answers garbage.
    func get(serverURL: String) async throws -> Credential? {
        let program = "docker-credential-\(name)"
        let output: CommandRunner.Output
        do {
            output = try await CommandRunner.run(
                [program, "get"], input: Data(serverURL.utf8), environment: environment, timeout: .seconds(30))
        } catch {
            throw RegistryError(
                .unauthorized, "credential helper \(program) failed: \(error)",
                hint: "install \(program) or fix credHelpers/credsStore in the docker config")
        }
        guard output.status == 0 else { return nil }  // "credentials not found in native keychain"
        guard let answer = try? JSONDecoder().decode(Answer.self, from: output.stdout), let secret = answer.Secret
        else {
            throw RegistryError(
                .unauthorized, "credential helper \(program) printed something that is not a credential",
                hint: "run '\(program) get' by hand")
        }
        let username = answer.Username ?? ""
        if username == "<token>" {
            return Credential(username: "", secret: .identityToken(secret), source: program)
        }
        return Credential(username: username, secret: .password(secret), source: program)
    }
}
