/// GetRepoBuildRecordStatus's answer.
struct ACRBuildStatusRecord: Decodable, Sendable {
    var BuildStatus: ACRLenientText?
}
