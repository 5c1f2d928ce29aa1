/// A repository (`GET /projects/{project_name}/repositories`, `GET /repositories`); `name` is the
/// full name, project included (`lib/team/app`).
struct HarborRepositoryRecord: Decodable, Sendable {
    var id: Int
    var projectID: Int?
    var name: String
    var description: String?
    var artifactCount: Int?
    var pullCount: Int?
    var creationTime: HarborTime?
    var updateTime: HarborTime?

    enum CodingKeys: String, CodingKey {
        case id
        case projectID = "project_id"
        case name
        case description
        case artifactCount = "artifact_count"
        case pullCount = "pull_count"
        case creationTime = "creation_time"
        case updateTime = "update_time"
    }

    /// The project part of the name: `lib` for `lib/team/app`.
    var projectName: String { String(name.prefix { $0 != "/" }) }

    /// The name within the project, as repository paths take it: `team/app` for `lib/team/app`.
    var nameInProject: String { HarborPath.shortName(of: name, in: projectName) }
}
