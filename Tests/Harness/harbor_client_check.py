#!/usr/bin/env python3
"""Checks harbor_emulator.py with PyPI's `harbor-api-client` (2.12.2, `import harbor_client`): every
emulated endpoint is called through the client, whose models must decode the answers.

  harbor_client_check.py --endpoint 127.0.0.1:PORT --username U --password P [--project ns]
                         [--repository app] [--verbose]

Prints ONE JSON line {"checked": [names], "failures": ["name: detail", …]} and exits 1 when a check
failed. Names are the client's operations (list_projects, get_project, get_project_summary,
list_repositories, get_repository, list_artifacts, get_artifact, scan_artifact,
get_vulnerabilities_addition, delete_artifact, get_ping, get_system_info; list_tags, create_tag,
delete_tag, list_accessories; create_immu_rule, list_immu_rules, update_immu_rule;
get_rentenition_metadata, create_retention, get_retention, update_retention,
trigger_retention_execution, list_retention_executions, list_retention_tasks, get_retention_task_log,
operate_retention_execution, delete_retention, delete_immu_rule, delete_repository) plus WrongPassword
(the same calls with a wrong password answer 401). The client percent-encodes path parameters with
nothing safe, so a repository name is passed encoded once (`team%2Fapp` leaves as `team%252Fapp`).
`get_vulnerabilities_addition` and the retention task log are read raw (the client returns the repr
of a dict for the former). The dry run's expected verdicts are computed here from the listed push
times: the two newest artifacts of the repository are kept, one protected by an immutability rule is
IMMUTABLE, the rest DEL. The check deletes an artifact, a tag and a repository and ends by restoring
the emulator's startup model.
"""

import argparse
import json
import time
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
            self.tags_and_accessories()
            self.immutability_and_retention(api)
        self.step("delete_repository", self.delete_repository)
        self.step("WrongPassword", self.wrong_password)
        self.control({"resetModel": True})

    # -- tags, accessories ---------------------------------------------------------------------

    def tags_and_accessories(self):
        rows = self.artifacts.list_artifacts(self.args.project, self.repository, with_accessory=True, page_size=100)
        target = next((row for row in rows if row.tags), None)
        if target is None:
            self.failures.append("list_tags: no tagged artifact")
            return
        self.step("list_tags", self.list_tags, target)
        self.step("create_tag", self.create_tag, target)
        self.step("delete_tag", self.delete_tag, target)
        self.step("list_accessories", self.list_accessories, rows)

    def tag_names(self, digest):
        tags = self.artifacts.list_tags(self.args.project, self.repository, digest, page_size=100)
        return sorted(tag.name for tag in tags)

    def list_tags(self, row):
        tags, _, headers = self.artifacts.list_tags_with_http_info(self.args.project, self.repository, row.digest,
                                                                   page_size=100)
        expect(sorted(tag.name for tag in tags) == sorted(tag.name for tag in row.tags), f"{tags}")
        expect(all(tag.artifact_id == row.id and tag.immutable is False for tag in tags), f"{tags}")
        expect(headers.get("X-Total-Count") == str(len(tags)), f"X-Total-Count {headers.get('X-Total-Count')}")

    def create_tag(self, row):
        before = self.tag_names(row.digest)
        _, status, headers = self.artifacts.create_tag_with_http_info(
            self.args.project, self.repository, row.digest, harbor_client.Tag(name="client-check"))
        expect(status == 201 and (headers.get("Location") or "").endswith("/tags/client-check"), f"{status} {headers}")
        expect(self.tag_names(row.digest) == sorted(before + ["client-check"]), "the new tag is not listed")
        try:
            self.artifacts.create_tag(self.args.project, self.repository, row.digest,
                                      harbor_client.Tag(name="client-check"))
            raise Failure("a second tag of the same name was accepted")
        except ApiException as error:
            expect(error.status == 409 and "CONFLICT" in body_text(error), f"{error.status}")

    def delete_tag(self, row):
        self.artifacts.delete_tag(self.args.project, self.repository, row.digest, "client-check")
        expect("client-check" not in self.tag_names(row.digest), "the deleted tag is still listed")

    def list_accessories(self, rows):
        carrying = [row for row in rows if row.accessories]
        expect(carrying, "no artifact of the repository lists accessories with with_accessory=True")
        for row in carrying:
            accessories = self.artifacts.list_accessories(self.args.project, self.repository, row.digest)
            expect([a.digest for a in accessories] == [a.digest for a in row.accessories], f"{accessories}")
            expect(all(a.subject_artifact_digest == row.digest and a.type in (
                "signature.cosign", "signature.notation", "sbom.harbor", "subject.accessory") for a in accessories),
                f"{accessories}")
        listed = {row.digest for row in rows}
        expect(not any(a.digest in listed for row in carrying for a in row.accessories), "an accessory is a row")

    # -- immutability, retention ---------------------------------------------------------------

    def immutability_and_retention(self, api):
        self.immutable = harbor_client.ImmutableApi(api)
        self.retention = harbor_client.RetentionApi(api)
        rows = self.artifacts.list_artifacts(self.args.project, self.repository, page_size=100)
        oldest = min((row for row in rows if row.tags), key=lambda row: row.push_time, default=None)
        if oldest is None:
            self.failures.append("create_immu_rule: no tagged artifact")
            return
        rule_id = self.step("create_immu_rule", self.create_immu_rule, oldest.tags[0].name)
        if rule_id is None:
            return
        self.step("list_immu_rules", self.list_immu_rules, rule_id, oldest)
        self.step("update_immu_rule", self.update_immu_rule, rule_id, oldest)
        self.step("get_rentenition_metadata", self.retention_metadata)
        policy_id = self.step("create_retention", self.create_retention)
        if policy_id is not None:
            self.step("get_retention", self.get_retention, policy_id)
            self.step("update_retention", self.update_retention, policy_id)
            execution = self.step("trigger_retention_execution", self.trigger, policy_id, True)
            if execution is not None:
                self.step("list_retention_executions", self.list_executions, policy_id, execution)
                tasks = self.step("list_retention_tasks", self.list_tasks, policy_id, execution, oldest)
                if tasks:
                    self.step("get_retention_task_log", self.task_log, policy_id, execution, tasks, oldest)
                self.step("operate_retention_execution", self.stop_execution, policy_id)
            self.step("delete_retention", self.delete_retention, policy_id)
        self.step("delete_immu_rule", self.delete_immu_rule, rule_id)

    def rule_selectors(self, selector_class, tag_pattern):
        return {"tag_selectors": [selector_class(kind="doublestar", decoration="matches", pattern=tag_pattern)],
                "scope_selectors": {"repository": [selector_class(kind="doublestar", decoration="repoMatches",
                                                                  pattern=self.args.repository)]}}

    def create_immu_rule(self, tag):
        rule = harbor_client.ImmutableRule(disabled=False, action="immutable", template="immutable_template",
                                           **self.rule_selectors(harbor_client.ImmutableSelector, tag))
        _, status, headers = self.immutable.create_immu_rule_with_http_info(self.args.project, rule)
        location = headers.get("Location") or ""
        expect(status == 201 and "/immutabletagrules/" in location, f"{status} {location}")
        return int(location.rsplit("/", 1)[1])

    def list_immu_rules(self, rule_id, oldest):
        rules = self.immutable.list_immu_rules(self.args.project, page_size=100)
        expect([rule.id for rule in rules] == [rule_id] and rules[0].tag_selectors[0].pattern == oldest.tags[0].name,
               f"{rules}")
        tags = self.artifacts.list_tags(self.args.project, self.repository, oldest.digest, with_immutable_status=True)
        expect(any(tag.immutable for tag in tags), f"no tag of {oldest.digest} is immutable: {tags}")
        try:
            self.artifacts.delete_artifact(self.args.project, self.repository, oldest.digest)
            raise Failure("an artifact with an immutable tag was deleted")
        except ApiException as error:
            expect(error.status == 412 and "immutable" in body_text(error), f"{error.status} {body_text(error)}")

    def update_immu_rule(self, rule_id, oldest):
        rule = self.immutable.list_immu_rules(self.args.project)[0]
        try:
            rule.id = None
            self.immutable.update_immu_rule(self.args.project, rule_id, rule)
            raise Failure("a PUT without the id in the body was accepted")
        except ApiException as error:
            expect(error.status == 400, f"{error.status}")
        for disabled in (True, False):
            rule.id, rule.disabled = rule_id, disabled
            self.immutable.update_immu_rule(self.args.project, rule_id, rule)
            tags = self.artifacts.list_tags(self.args.project, self.repository, oldest.digest,
                                            with_immutable_status=True)
            expect(any(tag.immutable for tag in tags) != disabled, f"disabled={disabled}: {tags}")

    def retention_metadata(self):
        metadata = self.retention.get_rentenition_metadata()
        expect([t.rule_template for t in metadata.templates] ==
               ["latestPushedK", "latestPulledN", "nDaysSinceLastPush", "nDaysSinceLastPull", "always"],
               f"{metadata.templates}")
        expect(metadata.tag_selectors[0].decorations == ["matches", "excludes"], f"{metadata.tag_selectors}")

    def policy(self, keep):
        project_id = self.projects.get_project(self.args.project).project_id
        rule = harbor_client.RetentionRule(disabled=False, action="retain", template="latestPushedK",
                                           params={"latestPushedK": keep},
                                           **self.rule_selectors(harbor_client.RetentionSelector, "**"))
        return harbor_client.RetentionPolicy(
            algorithm="or", rules=[rule], scope=harbor_client.RetentionPolicyScope(level="project", ref=project_id),
            trigger=harbor_client.RetentionRuleTrigger(kind="Schedule", settings={"cron": ""}))

    def create_retention(self):
        _, status, headers = self.retention.create_retention_with_http_info(self.policy(3))
        location = headers.get("Location") or ""
        expect(status == 201 and location.startswith("/api/v2.0/retentions/"), f"{status} {location}")
        policy_id = int(location.rsplit("/", 1)[1])
        metadata = self.projects.get_project(self.args.project).metadata
        expect(metadata.retention_id == str(policy_id), f"retention_id {metadata.retention_id!r}")
        try:
            self.retention.create_retention(self.policy(3))
            raise Failure("a second policy for the project was accepted")
        except ApiException as error:
            expect(error.status == 400 and "BAD_REQUEST" in body_text(error), f"{error.status}")
        return policy_id

    def get_retention(self, policy_id):
        policy = self.retention.get_retention(policy_id)
        expect(policy.id == policy_id and policy.algorithm == "or" and policy.rules[0].params == {"latestPushedK": 3},
               f"{policy}")
        expect(policy.rules[0].scope_selectors["repository"][0].pattern == self.args.repository, f"{policy.rules}")

    def update_retention(self, policy_id):
        self.retention.update_retention(policy_id, self.policy(2))
        policy = self.retention.get_retention(policy_id)
        expect(policy.rules[0].params == {"latestPushedK": 2}, f"{policy.rules[0].params}")

    def trigger(self, policy_id, dry_run):
        _, status, headers = self.retention.trigger_retention_execution_with_http_info(
            policy_id, harbor_client.Body(dry_run=dry_run))
        location = headers.get("Location") or ""
        expect(status == 201 and f"/retentions/{policy_id}/executions/" in location, f"{status} {location}")
        return int(location.rsplit("/", 1)[1])

    def list_executions(self, policy_id, execution):
        for _ in range(5):
            executions = self.retention.list_retention_executions(policy_id)
            if executions and executions[0].status != "InProgress":
                break
            time.sleep(0.05)
        expect([(e.id, e.status, e.dry_run, e.trigger) for e in executions] ==
               [(execution, "Succeed", True, "MANUAL")], f"{executions}")
        expect(executions[0].start_time <= executions[0].end_time, f"{executions[0]}")

    def newest_first(self):
        return sorted(self.artifacts.list_artifacts(self.args.project, self.repository, page_size=100),
                      key=lambda row: (row.push_time, row.id), reverse=True)

    def list_tasks(self, policy_id, execution, oldest):
        tasks = self.retention.list_retention_tasks(policy_id, execution)
        rows = self.newest_first()
        retained = len({row.digest for row in rows[:2]} | {oldest.digest})
        expect([(t.repository, t.total, t.retained, t.status) for t in tasks] ==
               [(self.args.repository, len(rows), retained, "Succeed")], f"{tasks}")
        return tasks

    def task_log(self, policy_id, execution, tasks, oldest):
        raw = self.retention.get_retention_task_log(policy_id, execution, tasks[0].id, _preload_content=False)
        log = raw.data.decode()
        rows = self.newest_first()
        expected = {row.digest: "RETAIN" for row in rows[:2]}
        expected.update({row.digest: "DEL" for row in rows[2:]})
        expected[oldest.digest] = "IMMUTABLE"
        verdicts = {line.split("|")[1].strip(): line.split("|")[8].strip()
                    for line in log.splitlines() if line.startswith("| sha256:")}
        expect(verdicts == expected, f"verdicts {verdicts} expected {expected}")
        expect(f"Repository: {self.args.project}/{self.args.repository}" in log and "Dry Run: true" in log
               and f"Load {len(rows)} candidates" in log, log[:300])

    def stop_execution(self, policy_id):
        execution = self.trigger(policy_id, True)
        self.retention.operate_retention_execution(policy_id, execution, harbor_client.Body1(action="stop"))
        statuses = [e.status for e in self.retention.list_retention_executions(policy_id) if e.id == execution]
        expect(statuses == ["Stopped"], f"{statuses}")

    def delete_retention(self, policy_id):
        self.retention.delete_retention(policy_id)
        metadata = self.projects.get_project(self.args.project).metadata
        expect(metadata.retention_id is None, f"retention_id {metadata.retention_id!r}")

    def delete_immu_rule(self, rule_id):
        self.immutable.delete_immu_rule(self.args.project, rule_id)
        expect(self.immutable.list_immu_rules(self.args.project) == [], "the rule is still listed")

    def delete_repository(self):
        names = [row.name for row in self.repositories.list_repositories(self.args.project, page_size=100)]
        others = [name for name in names if name != f"{self.args.project}/{self.args.repository}"]
        expect(others, f"no second repository in {names}")
        short = urllib.parse.quote(others[-1][len(self.args.project) + 1:], safe="")
        self.repositories.delete_repository(self.args.project, short)
        try:
            self.repositories.get_repository(self.args.project, short)
            raise Failure("the deleted repository is still there")
        except ApiException as error:
            expect(error.status == 404, f"{error.status}")

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
        # Digests starting 0-7 were pulled 1-16 hours after their push, the others never.
        expect(all((row.pull_time.year == 1) == (row.digest[7] in "89abcdef") for row in rows), "pull_time")
        expect(all(row.pull_time > row.push_time for row in rows if row.digest[7] < "8"), "pull before push")
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
