import Foundation
import Testing

@testable import RegistryClient

/// Harbor's records decoded from the reference's and the swagger's examples, every value checked.
struct HarborWireTests {
    private static let digest = "sha256:" + String(repeating: "a1", count: 32)
    private static let childDigest = "sha256:" + String(repeating: "b2", count: 32)
    private static let signatureDigest = "sha256:" + String(repeating: "c3", count: 32)
    private static let may1 = Date(timeIntervalSince1970: 1_714_557_600)

    private func decode<Record: Decodable>(_ type: Record.Type, _ json: String) throws -> Record {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }

    @Test func project() throws {
        let project = try decode(
            HarborProjectRecord.self,
            #"""
            {"project_id": 3, "owner_id": 1, "name": "lib", "registry_id": null,
             "creation_time": "2024-05-01T10:00:00.000Z", "update_time": "2024-05-01T10:00:00.000Z",
             "deleted": false, "owner_name": "admin", "togglable": true, "current_user_role_id": 1,
             "current_user_role_ids": [1, 4], "repo_count": 12, "cve_allowlist": {"items": []},
             "metadata": {"public": "true", "auto_scan": "false", "severity": "high", "retention_id": "7"}}
            """#)
        #expect(project.id == 3)
        #expect(project.ownerID == 1)
        #expect(project.name == "lib")
        #expect(project.ownerName == "admin")
        #expect(project.creationTime?.date == Self.may1)
        #expect(project.updateTime?.date == Self.may1)
        #expect(project.repoCount == 12)
        #expect(project.registryID == nil)
        #expect(!project.isProxyCache)
        #expect(project.currentUserRoleIDs == [1, 4])
        #expect(project.metadata?["auto_scan"] == "false")
        #expect(project.metadata?["severity"] == "high")
        #expect(project.isPublic)
        #expect(project.retentionID == 7)

        let proxy = try decode(
            HarborProjectRecord.self,
            #"{"project_id": 4, "name": "hub", "registry_id": 2, "metadata": {"public": "false"}}"#)
        #expect(proxy.isProxyCache)
        #expect(!proxy.isPublic)
        #expect(proxy.retentionID == nil)
        #expect(proxy.creationTime == nil)
    }

    @Test func projectSummary() throws {
        let summary = try decode(
            HarborProjectSummaryRecord.self,
            #"""
            {"repo_count": 5, "project_admin_count": 1, "maintainer_count": 2, "developer_count": 3,
             "guest_count": 4, "limited_guest_count": 0,
             "quota": {"hard": {"storage": 10737418240}, "used": {"storage": 52428800}}}
            """#)
        #expect(summary.repoCount == 5)
        #expect(summary.projectAdminCount == 1)
        #expect(summary.maintainerCount == 2)
        #expect(summary.developerCount == 3)
        #expect(summary.guestCount == 4)
        #expect(summary.limitedGuestCount == 0)
        #expect(summary.storageLimit == 10_737_418_240)
        #expect(summary.storageUsed == 52_428_800)

        let unlimited = try decode(
            HarborProjectSummaryRecord.self,
            #"{"repo_count": 0, "quota": {"hard": {"storage": -1}, "used": {"storage": 0}}}"#)
        #expect(unlimited.storageLimit == nil)
        #expect(unlimited.storageUsed == 0)
        let hidden = try decode(HarborProjectSummaryRecord.self, #"{"repo_count": 2}"#)
        #expect(hidden.quota == nil && hidden.storageUsed == nil && hidden.maintainerCount == nil)
    }

    @Test func repository() throws {
        let repository = try decode(
            HarborRepositoryRecord.self,
            #"""
            {"id": 8, "project_id": 3, "name": "lib/team/app", "description": "", "artifact_count": 4,
             "pull_count": 17, "creation_time": "2024-05-01T10:00:00.000Z", "update_time": "2024-05-01T10:00:00.000Z"}
            """#)
        #expect(repository.id == 8)
        #expect(repository.projectID == 3)
        #expect(repository.name == "lib/team/app")
        #expect(repository.description == "")
        #expect(repository.artifactCount == 4)
        #expect(repository.pullCount == 17)
        #expect(repository.creationTime?.date == Self.may1)
        #expect(repository.updateTime?.date == Self.may1)
        #expect(repository.projectName == "lib")
        #expect(repository.nameInProject == "team/app")
    }

    @Test func artifact() throws {
        let artifact = try decode(
            HarborArtifactRecord.self,
            #"""
            {"id": 42, "type": "IMAGE", "digest": "\#(Self.digest)", "size": 3212345, "artifact_type": "",
             "media_type": "application/vnd.oci.image.config.v1+json",
             "manifest_media_type": "application/vnd.oci.image.index.v1+json", "project_id": 3, "repository_id": 8,
             "repository_name": "lib/team/app",
             "push_time": "2024-05-01T10:00:00.000Z", "pull_time": "0001-01-01T00:00:00.000Z",
             "tags": [{"id": 9, "repository_id": 8, "artifact_id": 42, "name": "v1",
                       "push_time": "2024-05-01T10:00:00.000Z", "pull_time": "0001-01-01T00:00:00.000Z", "immutable": false}],
             "references": [{"parent_id": 42, "child_id": 43, "child_digest": "\#(Self.childDigest)",
                             "platform": {"os": "linux", "architecture": "arm64", "variant": "v8"}}],
             "accessories": [{"id": 5, "artifact_id": 44, "digest": "\#(Self.signatureDigest)", "size": 1234,
                              "type": "signature.cosign", "subject_artifact_digest": "\#(Self.digest)",
                              "creation_time": "2024-05-01T10:00:00.000Z"}],
             "addition_links": {"vulnerabilities": {"href": "/api/v2.0/projects/lib/repositories/team%252Fapp/artifacts/\#(Self.digest)/additions/vulnerabilities", "absolute": false}},
             "scan_overview": {"application/vnd.security.vulnerability.report; version=1.1": {
               "report_id": "5f62c830-f996-11e9-957f-0242c0a89008", "scan_status": "Success", "severity": "High",
               "duration": 12, "complete_percent": 100,
               "start_time": "2024-05-01T10:00:00.000Z", "end_time": "2024-05-01T10:00:12.000Z",
               "scanner": {"name": "Trivy", "vendor": "Aqua Security", "version": "v0.51.2"},
               "summary": {"total": 7, "fixable": 5, "summary": {"High": 2, "Medium": 5}}}}}
            """#)
        #expect(artifact.id == 42)
        #expect(artifact.type == "IMAGE")
        #expect(artifact.digest.description == Self.digest)
        #expect(artifact.size == 3_212_345)
        #expect(artifact.artifactType == "")
        #expect(artifact.mediaType == "application/vnd.oci.image.config.v1+json")
        #expect(artifact.manifestMediaType == "application/vnd.oci.image.index.v1+json")
        #expect(artifact.projectID == 3)
        #expect(artifact.repositoryID == 8)
        #expect(artifact.repositoryName == "lib/team/app")
        #expect(artifact.pushTime?.date == Self.may1)
        #expect(artifact.pullTime != nil && artifact.pullTime?.date == nil)

        let tag = try #require(artifact.tags?.first)
        #expect(artifact.tags?.count == 1)
        #expect(tag.id == 9 && tag.repositoryID == 8 && tag.artifactID == 42)
        #expect(tag.name == "v1")
        #expect(tag.pushTime?.date == Self.may1)
        #expect(tag.pullTime?.date == nil)
        #expect(tag.immutable == false)

        let child = try #require(artifact.references?.first)
        #expect(child.parentID == 42 && child.childID == 43)
        #expect(child.childDigest.description == Self.childDigest)
        #expect(child.platform?.os == "linux")
        #expect(child.platform?.architecture == "arm64")
        #expect(child.platform?.variant == "v8")
        #expect(child.platform?.osVersion == nil)

        let signature = try #require(artifact.accessories?.first)
        #expect(signature.id == 5 && signature.artifactID == 44)
        #expect(signature.digest.description == Self.signatureDigest)
        #expect(signature.size == 1234)
        #expect(signature.type == "signature.cosign")
        #expect(signature.subjectArtifactDigest?.description == Self.digest)
        #expect(signature.creationTime?.date == Self.may1)

        let link = try #require(artifact.additionLinks?["vulnerabilities"])
        #expect(
            link.href
                == "/api/v2.0/projects/lib/repositories/team%252Fapp/artifacts/\(Self.digest)/additions/vulnerabilities"
        )
        #expect(link.absolute == false)

        let scan = try #require(artifact.scan)
        #expect(scan.reportID == "5f62c830-f996-11e9-957f-0242c0a89008")
        #expect(scan.scanStatus == "Success")
        #expect(scan.severity == "High")
        #expect(scan.duration == 12)
        #expect(scan.completePercent == 100)
        #expect(scan.startTime?.date == Self.may1)
        #expect(scan.endTime?.date == Self.may1.addingTimeInterval(12))
        #expect(scan.scanner?.name == "Trivy")
        #expect(scan.scanner?.vendor == "Aqua Security")
        #expect(scan.scanner?.version == "v0.51.2")
        #expect(scan.summary?.total == 7)
        #expect(scan.summary?.fixable == 5)
        #expect(scan.count(of: "High") == 2)
        #expect(scan.count(of: "Medium") == 5)
        #expect(scan.count(of: "Critical") == 0)
    }

    @Test func untaggedUnscannedArtifact() throws {
        let artifact = try decode(
            HarborArtifactRecord.self,
            #"{"id": 1, "digest": "\#(Self.digest)", "tags": null, "references": null, "scan_overview": {}}"#)
        #expect(artifact.tags == nil)
        #expect(artifact.references == nil)
        #expect(artifact.accessories == nil)
        #expect(artifact.scanOverview?.isEmpty == true)
        #expect(artifact.scan == nil)
    }

    @Test func scanOverviewOfTheOlderReportTypeAndWhileRunning() throws {
        let overviews = try decode(
            [String: HarborScanOverview].self,
            #"""
            {"application/vnd.scanner.adapter.vuln.report.harbor+json; version=1.0": {
              "report_id": "r1", "scan_status": "Running", "severity": "", "complete_percent": 40,
              "start_time": "2024-05-01T10:00:00.000Z", "end_time": "0001-01-01T00:00:00.000Z"}}
            """#)
        let scan = try #require(HarborScanOverview.preferred(in: overviews))
        #expect(scan.reportID == "r1")
        #expect(scan.scanStatus == "Running")
        #expect(scan.severity == "")
        #expect(scan.completePercent == 40)
        #expect(scan.endTime?.date == nil)
        #expect(scan.summary == nil)
        #expect(scan.count(of: "High") == 0)
        #expect(HarborScanOverview.preferred(in: nil) == nil)
    }

    @Test func totalCountHeader() {
        let page = HarborPage.page(["a", "b"], headers: ["X-Total-Count": " 205 "])
        #expect(page.items == ["a", "b"])
        #expect(page.total == 205)
        #expect(HarborPage.totalCount(["x-total-count": "0"]) == 0)
        #expect(HarborPage.totalCount(["X-Total-Count": "-3"]) == nil)
        #expect(HarborPage.totalCount(["X-Total-Count": "many"]) == nil)
        #expect(HarborPage.totalCount([:]) == nil)
        #expect(HarborPage.maxSize == 100)
    }
}
