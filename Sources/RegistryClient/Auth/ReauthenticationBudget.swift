/// How often one request may answer a 401: once per distinct challenge (its scheme and scopes) and
/// at most `limit` times in all, so a server that asks for a new scope with every refusal cannot keep
/// the client fetching tokens (and sending the password) forever.
struct ReauthenticationBudget {
    /// What to do about a 401.
    enum Verdict: Equatable {
        /// Answer it.
        case answer
        /// The same challenge came back after it was answered: the credentials do not suffice.
        case repeated
        /// The request has answered `limit` challenges already.
        case exhausted
    }

    /// Challenges answered per request, in all.
    static let limit = 3

    /// How many challenges this request has answered.
    private(set) var answered = 0
    private var seen: Set<String> = []

    /// Judges a 401's challenges and, when they are to be answered, counts them.
    mutating func admit(_ challenges: [AuthChallenge]) -> Verdict {
        let key = challenges.map { "\($0.scheme) \($0.scopes.map(\.description).sorted().joined(separator: " "))" }
            .sorted().joined(separator: ", ")
        guard !seen.contains(key) else { return .repeated }
        guard answered < Self.limit else { return .exhausted }
        seen.insert(key)
        answered += 1
        return .answer
    }
}
