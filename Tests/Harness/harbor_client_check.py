#!/usr/bin/env python3
"""Checks harbor_emulator.py with PyPI's `harbor-api-client` (2.12.2, `import harbor_client`): every
emulated endpoint is called through the client, whose models must decode the answers.

  harbor_client_check.py --endpoint 127.0.0.1:PORT --username U --password P [--project ns]
                         [--repository app] [--verbose]

Prints ONE JSON line {"checked": [names], "failures": ["name: detail", …]} and exits 1 when a check
failed. Names are the client's operations (list_projects, get_project, get_project_summary,
list_repositories, get_repository, list_artifacts, get_artifact, scan_artifact,
get_vulnerabilities_addition, delete_artifact, get_ping, get_system_info) plus WrongPassword (the
same calls with a wrong password answer 401). The client percent-encodes path parameters with nothing
safe, so a repository name is passed encoded once (`team%2Fapp` leaves as `team%252Fapp`).
`get_vulnerabilities_addition` is read raw: the client returns the repr of a dict, not the JSON body.
The check deletes an artifact and ends by restoring the emulator's startup model.
"""

import argparse
import json
import urllib.parse

import harbor_client
from harbor_client.rest import ApiException

from sdk_check_support import CheckerBase, Failure, expect, run_and_report

REPORT_MIME = "application/vnd.security.vulnerability.report; version=1.1"


def body_text(error):
    """An ApiException's body as text (the client keeps bytes or str depending on the call)."""
    body = error.body or ""
    return body.decode() if isinstance(body, bytes) else body


class HarborChecker(CheckerBase):
    def client(self, password=None):
        configuration = harbor_client.Configuration()
        configuration.host = f"http://{self.args.endpoint}/api/v2.0"
        configuration.username = self.args.username
        configuration.password = self.args.password if password is None else password
        return harbor_client.ApiClient(configuration)

    def run(self):
        api = self.client()
        self.projects = harbor_client.ProjectApi(api)
        self.repositories = harbor_client.RepositoryApi(api)
        self.artifacts = harbor_client.ArtifactApi(api)
        self.scans = harbor_client.ScanApi(api)
        self.repository = urllib.parse.quote(self.args.repository, safe="")
        self.step("get_ping", self.ping, api)
        self.step("get_system_info", self.system_info, api)
        self.step("list_projects", self.list_projects)
        self.step("get_project", self.get_project)
        self.step("get_project_summary", self.get_project_summary)
        self.step("list_repositories", self.list_repositories)
        self.step("get_repository", self.get_repository)
        listed = self.step("list_artifacts", self.list_artifacts)
        if listed:
            self.step("get_artifact", self.get_artifact, listed)
            self.step("scan_artifact", self.scan_artifact, listed[0])
            self.step("get_vulnerabilities_addition", self.vulnerabilities, listed)
            self.step("delete_artifact", self.delete_artifact, listed[-1])
        self.step("WrongPassword", self.wrong_password)
        self.control({"resetModel": True})

    def ping(self, api):
        text = harbor_client.PingApi(api).get_ping()
        expect(text == "Pong", f"ping answered {text!r}")

    def system_info(self, api):
        info = harbor_client.SysteminfoApi(api).get_system_info()
        expect(info.auth_mode == "db_auth", f"auth_mode {info.auth_mode!r}")
        expect((info.harbor_version or "").startswith("v2."), f"harbor_version {info.harbor_version!r}")

    def list_projects(self):
        projects, status, headers = self.projects.list_projects_with_http_info(page=1, page_size=100)
        names = [project.name for project in projects]
        expect(status == 200 and self.args.project in names, f"{status} {names}")
        expect(headers.get("X-Total-Count") == str(len(names)), f"X-Total-Count {headers.get('X-Total-Count')}")
        first, _, headers = self.projects.list_projects_with_http_info(page=1, page_size=1)
        expect([project.name for project in first] == names[:1], f"first page {first}")
        link = headers.get("Link") or ""
        expect(len(names) < 2 or ('rel="next"' in link and "page=2&page_size=1" in link), f"Link {link!r}")
        try:
            self.projects.list_projects(_preload_content=False, page_size=100, page=0)
            raise Failure("page=0 was accepted")
        except ApiException as error:
            expect(error.status == 422 and "UNPROCESSABLE_ENTITY" in body_text(error), f"{error.status}")

    def get_project(self):
        project = self.projects.get_project(self.args.project)
        expect(project.name == self.args.project and isinstance(project.project_id, int), f"{project}")
        expect(project.metadata.public == "false", f"metadata {project.metadata}")
        again = self.projects.get_project(str(project.project_id))
        expect(again.name == project.name, f"by id: {again.name}")

    def get_project_summary(self):
        summary = self.projects.get_project_summary(self.args.project)
        repositories = self.repositories.list_repositories(self.args.project, page_size=100)
        expect(summary.repo_count == len(repositories), f"repo_count {summary.repo_count} of {len(repositories)}")
        # ResourceList has no declared properties: the client leaves it a dict.
        expect(summary.quota.hard == {"storage": -1}, f"hard {summary.quota.hard}")
        expect(summary.quota.used["storage"] > 0, f"used {summary.quota.used}")

    def list_repositories(self):
        rows, _, headers = self.repositories.list_repositories_with_http_info(self.args.project, page_size=100)
        names = [row.name for row in rows]
        expect(f"{self.args.project}/{self.args.repository}" in names, f"{names}")
        expect(headers.get("X-Total-Count") == str(len(rows)), f"X-Total-Count {headers.get('X-Total-Count')}")

    def get_repository(self):
        row = self.repositories.get_repository(self.args.project, self.repository)
        expect(row.name == f"{self.args.project}/{self.args.repository}", f"name {row.name}")
        expect(row.artifact_count > 0, f"artifact_count {row.artifact_count}")

    def list_artifacts(self):
        rows = self.artifacts.list_artifacts(self.args.project, self.repository, with_tag=True,
                                             with_scan_overview=True, page_size=100)
        expect(rows and all(row.type == "IMAGE" and row.scan_overview is None for row in rows), f"{rows}")
        expect(any(len(row.tags or []) > 1 for row in rows), "no artifact has several tags")
        expect(all(row.pull_time.year == 1 for row in rows), "pull_time is not the never-pulled sentinel")
        indexes = [row for row in rows if row.references]
        expect(all(ref.platform.os and ref.platform.architecture for row in indexes for ref in row.references),
               "a reference without a platform")
        untagged = self.artifacts.list_artifacts(self.args.project, self.repository, with_tag=False, page_size=100)
        expect(all(row.tags is None for row in untagged), "with_tag=False still lists tags")
        return rows

    def get_artifact(self, rows):
        row = next(row for row in rows if row.tags)
        by_tag = self.artifacts.get_artifact(self.args.project, self.repository, row.tags[0].name)
        by_digest = self.artifacts.get_artifact(self.args.project, self.repository, row.digest)
        expect(by_tag.digest == by_digest.digest == row.digest, f"{by_tag.digest} {by_digest.digest}")
        expect(by_digest.repository_name == f"{self.args.project}/{self.args.repository}", by_digest.repository_name)

    def scan_artifact(self, row):
        _, status, _ = self.scans.scan_artifact_with_http_info(self.args.project, self.repository, row.digest)
        expect(status == 202, f"scan answered {status}")
        try:
            self.scans.scan_artifact(self.args.project, self.repository, row.digest)
            raise Failure("a second scan while one runs was accepted")
        except ApiException as error:
            expect(error.status == 409, f"second scan {error.status}")
        states = []
        for _ in range(4):
            artifact = self.artifacts.get_artifact(self.args.project, self.repository, row.digest,
                                                   with_scan_overview=True)
            overview = artifact.scan_overview or {}
            expect(list(overview) == [REPORT_MIME], f"scan_overview keys {list(overview)}")
            states.append(overview[REPORT_MIME]["scan_status"])
        expect(states == ["Pending", "Running", "Success", "Success"], f"states {states}")
        summary = overview[REPORT_MIME]["summary"]
        expect(summary["total"] == sum(summary["summary"].values()), f"summary {summary}")

    def vulnerabilities(self, rows):
        raw = self.artifacts.get_vulnerabilities_addition(self.args.project, self.repository, rows[0].digest,
                                                          _preload_content=False)
        report = json.loads(raw.data)[REPORT_MIME]
        expect(report["vulnerabilities"] and all(item["artifact_digests"] == [rows[0].digest]
                                                 for item in report["vulnerabilities"]), f"{report}")
        expect(report["severity"] in ("Low", "Medium", "High", "Critical"), report["severity"])
        if len(rows) > 1:
            never = self.artifacts.get_vulnerabilities_addition(self.args.project, self.repository, rows[1].digest,
                                                                _preload_content=False)
            expect(json.loads(never.data) == {}, f"never scanned: {never.data!r}")

    def delete_artifact(self, row):
        self.artifacts.delete_artifact(self.args.project, self.repository, row.digest)
        try:
            self.artifacts.get_artifact(self.args.project, self.repository, row.digest)
            raise Failure("the deleted artifact is still there")
        except ApiException as error:
            expect(error.status == 404 and "NOT_FOUND" in body_text(error), f"{error.status}")

    def wrong_password(self):
        api = harbor_client.ProjectApi(self.client(password=self.args.password + "x"))
        try:
            api.list_projects()
            raise Failure("a wrong password was accepted")
        except ApiException as error:
            expect(error.status == 401 and "UNAUTHORIZED" in body_text(error), f"{error.status}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--endpoint", required=True, help="host:port of harbor_emulator.py")
    parser.add_argument("--username", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--project", default="ns")
    parser.add_argument("--repository", default="app", help="without the project")
    parser.add_argument("--verbose", action="store_true", help="print tracebacks of unexpected exceptions to stderr")
    args = parser.parse_args()
    args.endpoint = args.endpoint.replace("http://", "").rstrip("/")
    run_and_report(HarborChecker(args))


if __name__ == "__main__":
    main()
