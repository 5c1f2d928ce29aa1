import TerminalUI
import Testing

/// Regex filters that glibc would need gigabytes to compile are refused before `regcomp`.
struct RegexCostTests {
    static let refused: [(filter: String, message: String)] = [
        (
            "re:^lib.*(a++++++++++++lpine|ubuntu)$",
            "invalid regex '^lib.*(a++++++++++++lpine|ubuntu)$': a quantifier cannot follow another"
        ),
        ("/a{2}*/", "invalid regex 'a{2}*': a quantifier cannot follow another"),
        ("re:a{1,32767}", "invalid regex 'a{1,32767}': a repeat count is at most 255"),
        (
            "re:((ab){1,100}){1,100}",
            "invalid regex '((ab){1,100}){1,100}': the pattern repeats too much (over 10000 states)"
        ),
    ]

    @Test(arguments: refused)
    func costlyRegexIsRefused(_ refused: (filter: String, message: String)) {
        #expect {
            try FilterQuery(refused.filter)
        } throws: { error in
            (error as? FilterQuery.InvalidPattern)?.description == refused.message
        }
    }

    @Test func ordinaryRegexesStillMatch() throws {
        let key = FilterQuery.key("ns/app:v1.25.3+build")
        let filters = [
            "re:^ns/app:v[0-9]+\\.[0-9]{1,3}", "re:[+*?]+build$", "re:v1\\.25\\.3\\+", "re:(a|p){2,}:",
            "re:x{0}n[[:alpha:]]{1,255}/",
        ]
        for filter in filters {
            #expect(try FilterQuery(filter).matches(key), "\(filter)")
        }
    }
}
