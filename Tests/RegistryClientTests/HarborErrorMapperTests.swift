import Foundation
import Testing

@testable import RegistryClient

/// What the user is told for Harbor's error answers: the code, the server's words, and what to do.
struct HarborErrorMapperTests {
    private static let robot = HarborErrorMapper.Context(
        host: "harbor.example", operation: "listing artifacts of lib/app", principal: "robot$lib+ci")

    private func map(
        _ status: Int, _ body: String, context: HarborErrorMapper.Context = Self.robot
    ) -> RegistryError {
        HarborErrorMapper.map(status: status, body: Data(body.utf8), context: context)
    }

    private func errors(_ code: String, _ message: String) -> String {
        #"{"errors":[{"code":"\#(code)","message":"\#(message)"}]}"#
    }

    @Test func unauthorizedNamesThePrincipalAndTheAnonymousFallback() {
        let error = map(401, errors("UNAUTHORIZED", "unauthorized"))
        #expect(error.code == .unauthorized)
        #expect(error.status == 401)
        #expect(error.serverCode == "UNAUTHORIZED")
        #expect(
            error.message
                == "Harbor at harbor.example refused listing artifacts of lib/app (401 UNAUTHORIZED: unauthorized)")
        #expect(error.hint?.contains("'robot$lib+ci'") == true)
        #expect(error.hint?.contains("only public projects") == true)

        let anonymous = HarborErrorMapper.Context(host: "harbor.example", operation: "listing projects")
        #expect(
            map(401, errors("UNAUTHORIZED", "unauthorized"), context: anonymous).hint
                == "the call needs credentials: configure a Harbor user or a robot account (robot$…) for harbor.example"
        )
    }

    @Test func forbiddenIsAPermissionUnlessTheCSRFCheckFired() {
        let denied = map(403, errors("FORBIDDEN", "forbidden"))
        #expect(denied.code == .denied)
        #expect(denied.hint?.hasPrefix("'robot$lib+ci' lacks the permission") == true)

        let csrf = map(403, errors("FORBIDDEN", "CSRF token invalid"))
        #expect(csrf.code == .denied)
        #expect(csrf.message.hasSuffix("(403 FORBIDDEN: CSRF token invalid)"))
        #expect(csrf.hint?.contains("cookie (sid)") == true)
        #expect(csrf.hint?.contains("send no cookies") == true)
    }

    @Test func notFoundAndUnknownPath() {
        let missing = map(404, errors("NOT_FOUND", "artifact lib/app:v9 not found"))
        #expect(missing.code == .notFound)
        #expect(missing.serverCode == "NOT_FOUND")
        #expect(missing.hint?.hasPrefix("check the project and repository names") == true)

        let path = map(404, errors("NOT_FOUND", "path /api/v2.0/nothing was not found"))
        #expect(path.code == .unsupported)
        #expect(path.hint?.contains("/api/v2.0/systeminfo") == true)
    }

    @Test func conflicts() {
        let scan = map(409, errors("CONFLICT", "a previous scan process is Running"))
        #expect(scan.code == .refused)
        #expect(scan.hint == "a scan of this artifact is already pending or running; wait for it to finish")
        #expect(
            map(409, errors("CONFLICT", "name lib already exists")).hint
                == "the name is taken or the same rule exists already")
    }

    @Test(arguments: [
        ("the operation isn't allowed as the tag v1 is immutable", "an immutability rule"),
        ("no available scanner for project lib", "the project has no active scanner"),
        ("the project contains repositories, can not be deleted", "the project is not empty"),
        (
            "Quota exceeded when processing the request of adding 1.2 MiB of storage resource, 1023.5 MiB of 1 GiB used",
            "the project's storage quota is used up"
        ),
        ("replication policy is disabled", "Harbor's precondition failed"),
    ])
    func preconditionsSayWhichOne(message: String, hintStart: String) {
        let error = map(412, errors("PRECONDITION", message))
        #expect(error.code == .refused)
        #expect(error.serverCode == "PRECONDITION")
        #expect(error.hint?.hasPrefix(hintStart) == true)
    }

    @Test func validationAndServerFailures() {
        let pageSize = map(
            422,
            errors(
                "UNPROCESSABLE_ENTITY",
                "validation failure list:\\npage_size in query should be less than or equal to 100"))
        #expect(pageSize.code == .invalidReference)
        #expect(pageSize.message.contains("validation failure list: page_size in query"))
        #expect(pageSize.hint?.contains("page_size must be 1 to 100") == true)

        #expect(map(400, errors("BAD_REQUEST", "invalid query")).code == .invalidReference)
        #expect(map(429, "").code == .rateLimited)
        let server = map(500, errors("UNKNOWN", "internal server error"))
        #expect(server.code == .server)
        #expect(server.hint?.contains("X-Request-Id") == true)
        #expect(map(418, "").code == .invalidResponse)
    }

    @Test func nonJSONBodies() {
        let proxy = map(502, "Bad Gateway\n")
        #expect(proxy.code == .server)
        #expect(proxy.serverCode == nil)
        #expect(proxy.message == "Harbor at harbor.example failed while listing artifacts of lib/app (502 Bad Gateway)")

        let html = map(503, "<html><body>Service Unavailable</body></html>")
        #expect(html.message == "Harbor at harbor.example failed while listing artifacts of lib/app (503)")
    }

    @Test func serverTextIsCleanedAndCut() {
        let hostile = String(repeating: "x", count: 500) + "\\u001b[31m"
        let error = map(404, errors("NOT_FOUND", "evil\\u001b[2J\\u202Etext " + hostile))
        #expect(!error.message.unicodeScalars.contains { $0.properties.generalCategory == .control })
        #expect(!error.message.unicodeScalars.contains { $0.properties.generalCategory == .format })
        #expect(error.message.contains("evil [2J text xxx"))
        #expect(error.message.count < 300)
        #expect(error.message.hasSuffix("…)"))
    }
}
