import RegistryClient
import Testing

struct AuthChallengeTests {
    @Test func parsesBearerWithScopeAndError() throws {
        let header =
            #"Bearer realm="http://127.0.0.1:5058/token",service="console-registry",scope="repository:ns/app:pull,push",error="insufficient_scope""#
        let challenge = try #require(AuthChallenge.parse(header).first)
        #expect(challenge.scheme == "bearer")
        #expect(challenge.realm == "http://127.0.0.1:5058/token")
        #expect(challenge.service == "console-registry")
        #expect(challenge.scopes == [AuthScope(type: "repository", name: "ns/app", actions: ["pull", "push"])])
        #expect(challenge.isInsufficientScope)
    }

    @Test func parsesBasicAndSeveralChallenges() {
        let challenges = AuthChallenge.parse(
            #"Basic realm="console-test", Bearer realm="https://auth.example/token",service=registry.example"#)
        #expect(challenges.map(\.scheme) == ["basic", "bearer"])
        #expect(challenges[0].realm == "console-test")
        #expect(challenges[1].service == "registry.example")
    }

    @Test func quotedValuesKeepEscapesAndSpaces() {
        let challenge = AuthChallenge.parse(
            #"Bearer realm="https://a/t?x=1",scope="repository:a:pull registry:catalog:*",service="say \"hi\"""#
        ).first
        #expect(challenge?.scopes.map(\.description) == ["repository:a:pull", "registry:catalog:*"])
        #expect(challenge?.service == #"say "hi""#)
    }

    @Test func summaryOrdersParametersAndDropsControlCharacters() throws {
        let header =
            "Bearer error=\"insufficient_scope\",scope=\"repository:a:pull\",realm=\"https://a/t\u{1B}[2J\",service=\"s\u{202E}x\""
        let challenge = try #require(AuthChallenge.parse(header).first)
        #expect(
            challenge.summary
                == #"Bearer realm="https://a/t[2J",service="sx",scope="repository:a:pull",error="insufficient_scope""#)
        let long = try #require(AuthChallenge.parse("Basic realm=\"\(String(repeating: "r", count: 300))\"").first)
        #expect(long.summary == "Basic realm=\"\(String(repeating: "r", count: 100))…\"")
    }

    @Test func scopeNamesMayContainColons() throws {
        let scope = try #require(AuthScope("repository:localhost:5000/ns/app:pull,delete"))
        #expect(scope.name == "localhost:5000/ns/app")
        #expect(scope.actions == ["delete", "pull"])
    }

    @Test func unionMergesActionsPerResource() {
        let merged = AuthScope.union([.pull("ns/app"), .delete("ns/app"), .catalog, .pull("other")])
        #expect(
            merged.map(\.description) == [
                "repository:ns/app:delete,pull", "registry:catalog:*", "repository:other:pull",
            ])
    }
}
