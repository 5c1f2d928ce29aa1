import Testing

@testable import RegistryClient

/// Harbor API paths: the project once, the repository (without its project) twice, the reference
/// once, and `q` values percent-encoded for Harbor's second decoding.
struct HarborPathTests {
    @Test func artifactPathEncodesRepositoryTwice() {
        let path = HarborPath.artifact("v1", of: "lib/team/app", in: "lib")
        #expect(path.path == "/api/v2.0/projects/lib/repositories/team%252Fapp/artifacts/v1")
    }

    @Test func repositoryWithoutProjectPrefixIsTakenAsIs() {
        #expect(HarborPath.repository("team/app", in: "lib").path == "/api/v2.0/projects/lib/repositories/team%252Fapp")
        // A different project that merely starts with the same letters is not stripped.
        #expect(
            HarborPath.repository("library/app", in: "lib").path
                == "/api/v2.0/projects/lib/repositories/library%252Fapp")
    }

    @Test func digestReferenceKeepsItsColon() {
        let digest = "sha256:" + String(repeating: "ab", count: 32)
        let path = HarborPath.artifact(digest, of: "lib/app", in: "lib").appending("tags").appending(name: "v 2")
        #expect(path.path == "/api/v2.0/projects/lib/repositories/app/artifacts/\(digest)/tags/v%202")
    }

    @Test func projectAndSummaryPaths() {
        #expect(HarborPath.projects.path == "/api/v2.0/projects")
        #expect(HarborPath.project("my proj").appending("summary").path == "/api/v2.0/projects/my%20proj/summary")
        #expect(HarborPath.repositories(in: "lib").path == "/api/v2.0/projects/lib/repositories")
        #expect(HarborPath.artifacts(of: "lib/a", in: "lib").path == "/api/v2.0/projects/lib/repositories/a/artifacts")
    }

    @Test func queryIsEncodedForHarborsSecondDecoding() {
        let path = HarborPath.artifacts(of: "lib/app", in: "lib")
        #expect(
            path.query(["q": "name=~foo,tags=bar", "page_size": "100"])
                == "/api/v2.0/projects/lib/repositories/app/artifacts?q=name%3D~foo%2Ctags%3Dbar&page_size=100")
        #expect(
            path.query(["q": #"push_time=["2020-04-09 02:36:00"~]"#])
                == "/api/v2.0/projects/lib/repositories/app/artifacts?q=push_time%3D%5B%222020-04-09%2002%3A36%3A00%22~%5D"
        )
        #expect(path.query([:]) == path.path)
    }

    @Test(arguments: ["a/b c", "50%/x", "..", ".", "../..", "é/ü", "x?y#z", "a&b=c", "/"])
    func hostileNamesNeverSplitThePath(name: String) {
        let artifact = HarborPath.artifact(name, of: "lib/\(name)", in: name)
        let path = artifact.path
        let prefix = "/api/v2.0/projects/"
        #expect(path.hasPrefix(prefix))
        let segments = path.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false)
        #expect(segments.count == 5)
        #expect(segments[1] == "repositories" && segments[3] == "artifacts")
        for segment in [segments[0], segments[2], segments[4]] {
            #expect(!segment.isEmpty && segment != "." && segment != "..")
            #expect(!segment.contains("?") && !segment.contains("#") && !segment.contains(" "))
            #expect(segment.unicodeScalars.allSatisfy { $0.isASCII })
        }
        let query = artifact.query(["q": "name=~\(name)"]).dropFirst(path.count + 1)
        #expect(!query.contains { "/?#& ".contains($0) })
    }

    @Test func hostileNamesRoundTrip() {
        #expect(HarborPath.project("50%").path == "/api/v2.0/projects/50%25")
        #expect(HarborPath.repository("lib/..", in: "lib").path == "/api/v2.0/projects/lib/repositories/%252E%252E")
        #expect(HarborPath.repository("lib/é", in: "lib").path == "/api/v2.0/projects/lib/repositories/%25C3%25A9")
        #expect(HarborPath.project("a?b").path == "/api/v2.0/projects/a%3Fb")
    }
}
