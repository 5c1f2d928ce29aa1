#!/usr/bin/env python3
"""Checks harbor_emulator.py's robot accounts, quotas and audit log (harbor_admin.py) with PyPI's
`harbor-api-client` (2.12.2, `import harbor_client`), whose models must decode every answer.

  harbor_client_check_admin.py --endpoint 127.0.0.1:PORT --username U --password P [--verbose]

Prints ONE JSON line {"checked": [names], "failures": ["name: detail", …]} and exits 1 when a check
failed. Names are the client's operations: list_robot (system robots, then a project's through `q`),
create_robot, get_robot_by_id, update_robot, refresh_sec, delete_robot (RobotApi); list_quotas,
get_quota, update_quota (QuotaApi); and list_audit_log_exts, get_log_exts, list_audit_log_event_types,
which the 2.12.2 client lacks (its AuditlogApi has only the deprecated /audit-logs): they are called
raw through the client's ApiClient, with its authentication, and their JSON checked field by field
against the swagger's AuditLogExt and AuditLogEventType. The check ends by restoring the startup model.
"""

import argparse
import json
import time

import harbor_client
from harbor_client.rest import ApiException

from sdk_check_support import CheckerBase, Failure, expect, run_and_report

AUDIT_FIELDS = {"id": int, "username": str, "resource": str, "resource_type": str, "operation": str,
                "operation_description": str, "operation_result": bool, "op_time": str}


class AdministrationChecker(CheckerBase):
    def run(self):
        configuration = harbor_client.Configuration()
        configuration.host = f"http://{self.args.endpoint}/api/v2.0"
        configuration.username = self.args.username
        configuration.password = self.args.password
        self.api = harbor_client.ApiClient(configuration)
        self.robots = harbor_client.RobotApi(self.api)
        self.quotas = harbor_client.QuotaApi(self.api)
        projects = harbor_client.ProjectApi(self.api).list_projects(page_size=100)
        self.project = min(projects, key=lambda p: p.project_id)
        self.step("list_robot", self.list_system_robots)
        self.step("list_robot", self.list_project_robots)
        created = self.step("create_robot", self.create_robot)
        if created:
            self.step("get_robot_by_id", self.get_robot, created)
            self.step("update_robot", self.update_robot, created)
            self.step("refresh_sec", self.refresh_secret, created)
            self.step("list_audit_log_exts", self.audit_log_exts, created)
            self.step("get_log_exts", self.project_log_exts, created)
            self.step("delete_robot", self.delete_robot, created)
        self.step("list_audit_log_event_types", self.event_types)
        quotas = self.step("list_quotas", self.list_quotas)
        if quotas:
            self.step("get_quota", self.get_quota, quotas[0])
            self.step("update_quota", self.update_quota, quotas[0])
        self.control({"resetModel": True})

    # -- robots --------------------------------------------------------------------------------

    def list_system_robots(self):
        robots = self.robots.list_robot(page_size=100)
        expect(sorted(r.name for r in robots) == ["robot$backup", "robot$ops"], [r.name for r in robots])
        expect(all(r.level == "system" and not r.secret for r in robots), "a system robot with a secret or level")
        backup = next(r for r in robots if r.name == "robot$backup")
        expect(backup.disable is True and backup.duration == 90, f"{backup.disable} {backup.duration}")
        ops = next(r for r in robots if r.name == "robot$ops")
        expect(ops.expires_at == -1 and ops.permissions[0].access[0].resource == "audit-log", ops.permissions)

    def list_project_robots(self):
        robots = self.robots.list_robot(q=f"Level=project,ProjectID={self.project.project_id}", page_size=100)
        names = sorted(r.name for r in robots)
        expected = sorted(f"robot${self.project.name}+{name}" for name in ("ci", "old"))
        expect(names == expected, f"{names} != {expected}")
        expired = next(r for r in robots if r.name.endswith("+old"))
        expect(0 < expired.expires_at < time.time(), f"expires_at {expired.expires_at}")

    def create_robot(self):
        permission = harbor_client.RobotPermission(
            kind="project", namespace=self.project.name,
            access=[harbor_client.Access(resource="repository", action="pull")])
        body = harbor_client.RobotCreate(name="clientcheck", level="project", duration=7, permissions=[permission])
        created, status, headers = self.robots.create_robot_with_http_info(body)
        expect(status == 201, f"status {status}")
        expect(headers.get("Location") == f"/api/v2.0/robots/{created.id}", headers.get("Location"))
        expect(created.name == f"robot${self.project.name}+clientcheck", created.name)
        expect(created.secret and len(created.secret) >= 16, "no secret in RobotCreated")
        expect(created.expires_at > time.time() + 6 * 86400, f"expires_at {created.expires_at}")
        return created

    def get_robot(self, created):
        robot = self.robots.get_robot_by_id(created.id)
        expect(robot.name == created.name and robot.level == "project" and robot.duration == 7, robot)
        expect(not robot.secret, "GET /robots/{id} returned the secret")

    def update_robot(self, created):
        robot = self.robots.get_robot_by_id(created.id)
        robot.disable = True
        self.robots.update_robot(created.id, robot)
        expect(self.robots.get_robot_by_id(created.id).disable is True, "still enabled after PUT")

    def refresh_secret(self, created):
        answer = self.robots.refresh_sec(created.id, harbor_client.RobotSec(secret=""))
        expect(answer.secret and answer.secret != created.secret, "no new secret")

    def delete_robot(self, created):
        self.robots.delete_robot(created.id)
        try:
            self.robots.get_robot_by_id(created.id)
            raise Failure("the deleted robot is still there")
        except ApiException as error:
            expect(error.status == 404, f"{error.status}")

    # -- audit log (raw: not in the 2.12.2 client) ---------------------------------------------

    def raw(self, path, query=None):
        response = self.api.call_api(path, "GET", query_params=query or [], header_params={"Accept": "application/json"},
                                     auth_settings=["basic"], _preload_content=False)
        return json.loads(response[0].data)

    @staticmethod
    def check_entries(entries):
        for entry in entries:
            for field, kind in AUDIT_FIELDS.items():
                expect(isinstance(entry.get(field), kind), f"{field} of entry {entry.get('id')}: {entry.get(field)!r}")
            expect(set(entry) == set(AUDIT_FIELDS), f"fields {sorted(entry)}")
        times = [entry["op_time"] for entry in entries]
        expect(times == sorted(times, reverse=True), "not newest first")

    def audit_log_exts(self, created):
        entries = self.raw("/auditlog-exts", [("q", "resource_type=robot,operation=update"), ("page_size", 100)])
        self.check_entries(entries)
        expect([e["resource"] for e in entries] == [created.name, created.name], entries)
        entries = self.raw("/auditlog-exts", [("q", f"resource=~{created.name}"), ("page_size", 100)])
        expect([e["operation"] for e in entries] == ["update", "update", "create"], entries)
        expect(all("secret" not in json.dumps(e).lower() for e in entries), "an entry mentions a secret")

    def project_log_exts(self, created):
        entries = self.raw(f"/projects/{self.project.name}/auditlog-exts", [("page_size", 100)])
        self.check_entries(entries)
        expect(entries and entries[0]["resource"] == created.name, entries[:1])
        expect(all(e["username"] in ("admin", "alice", "bob", self.args.username) for e in entries), entries)

    def event_types(self):
        types = self.raw("/auditlog-exts/events")
        expect(types and all(set(t) == {"event_type"} for t in types), types)
        expect({"create_robot", "delete_artifact"} <= {t["event_type"] for t in types}, types)

    # -- quotas --------------------------------------------------------------------------------

    def list_quotas(self):
        quotas = self.quotas.list_quotas(reference="project", page_size=100)
        expect(len(quotas) >= 1 and all(q.ref["name"] and "storage" in q.used for q in quotas), quotas)
        first = next(q for q in quotas if q.ref["id"] == self.project.project_id)
        expect(first.hard["storage"] == 1 << 30, f"hard {first.hard}")
        ordered = self.quotas.list_quotas(reference="project", sort="-used.storage", page_size=100)
        used = [q.used["storage"] for q in ordered]
        expect(used == sorted(used, reverse=True), f"sort -used.storage gave {used}")
        return quotas

    def get_quota(self, quota):
        again = self.quotas.get_quota(quota.id)
        expect(again.used == quota.used and again.hard == quota.hard, f"{again}")

    def update_quota(self, quota):
        self.quotas.update_quota(quota.id, harbor_client.QuotaUpdateReq(hard={"storage": 2048}))
        expect(self.quotas.get_quota(quota.id).hard["storage"] == 2048, "hard limit unchanged")
        try:
            self.quotas.update_quota(quota.id, harbor_client.QuotaUpdateReq(hard={"storage": 0}))
            raise Failure("a zero hard limit was accepted")
        except ApiException as error:
            expect(error.status == 400, f"{error.status}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--endpoint", required=True, help="host:port of harbor_emulator.py")
    parser.add_argument("--username", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--verbose", action="store_true", help="print tracebacks of unexpected exceptions to stderr")
    args = parser.parse_args()
    args.endpoint = args.endpoint.replace("http://", "").rstrip("/")
    run_and_report(AdministrationChecker(args))


if __name__ == "__main__":
    main()
