#!/usr/bin/env python3
"""Checks harbor_emulator.py's replication and webhook endpoints (harbor_replication.py,
harbor_webhooks.py) with PyPI's `harbor-api-client` (`import harbor_client`): RegistryApi,
ReplicationApi and WebhookApi call every emulated operation, and the client's models must decode
the answers to the seeded values.

  harbor_client_check_replication.py --endpoint 127.0.0.1:PORT --username U --password P [--project ns]
                                     [--verbose]

Prints ONE JSON line {"checked": [names], "failures": ["name: detail", …]} and exits 1 when a check
failed. Names are the client's operations. The check starts, stops and changes things, and ends by
restoring the emulator's startup model.
"""

import argparse

import harbor_client
from harbor_client.rest import ApiException

from sdk_check_support import CheckerBase, expect, run_and_report


class ReplicationChecker(CheckerBase):
    def run(self):
        configuration = harbor_client.Configuration()
        configuration.host = f"http://{self.args.endpoint}/api/v2.0"
        configuration.username, configuration.password = self.args.username, self.args.password
        api = harbor_client.ApiClient(configuration)
        self.registries = harbor_client.RegistryApi(api)
        self.replication = harbor_client.ReplicationApi(api)
        self.webhooks = harbor_client.WebhookApi(api)
        try:
            self.step("list_registries", self.list_registries)
            self.step("list_replication_policies", self.list_policies)
            self.step("get_replication_policy", self.get_policy)
            self.step("update_replication_policy", self.update_policy)
            self.step("list_replication_executions", self.list_executions)
            self.step("list_replication_tasks", self.list_tasks)
            self.step("get_replication_log", self.get_log)
            started = self.step("start_replication", self.start)
            if started:
                self.step("get_replication_execution", self.get_execution, started)
                self.step("stop_replication", self.stop, started)
            self.step("start_replication_disabled", self.start_disabled)
            self.step("list_webhook_policies_of_project", self.list_webhooks)
            self.step("get_webhook_policy_of_project", self.get_webhook)
            self.step("get_supported_event_types", self.event_types)
            self.step("list_executions_of_webhook_policy", self.webhook_executions)
            self.step("list_tasks_of_webhook_execution", self.webhook_tasks)
            self.step("get_logs_of_webhook_task", self.webhook_log)
            self.step("update_webhook_policy_of_project", self.update_webhook)
            self.step("delete_webhook_policy_of_project", self.delete_webhook)
        finally:
            self.control({"resetModel": True})

    def list_registries(self):
        rows, status, headers = self.registries.list_registries_with_http_info(page_size=100)
        expect([r.name for r in rows] == ["docker-hub", "dr-harbor"], [r.name for r in rows])
        expect(headers.get("X-Total-Count") == "2", headers.get("X-Total-Count"))
        expect(rows[1].credential.access_secret == "*****", rows[1].credential)

    def list_policies(self):
        rows = self.replication.list_replication_policies(page_size=100)
        expect([p.name for p in rows] == ["push-ns-to-dr", "pull-mirror-from-dr", "offsite-copy"], rows)
        expect(rows[0].dest_registry.name == "dr-harbor" and rows[0].src_registry.id == 0, rows[0])
        expect(rows[1].trigger.trigger_settings.cron == "0 0 3 * * *", rows[1].trigger)
        named = self.replication.list_replication_policies(q="name=~pull")
        expect([p.id for p in named] == [2], named)

    def get_policy(self):
        policy = self.replication.get_replication_policy(1)
        expect(policy.filters[0].type == "name" and policy.filters[0].value == "ns/{app,web}", policy.filters)
        expect(policy.enabled is True and policy.dest_namespace == "ns-backup", policy)

    def update_policy(self):
        policy = self.replication.get_replication_policy(3)
        policy.enabled = True
        self.replication.update_replication_policy(3, policy)
        expect(self.replication.get_replication_policy(3).enabled is True, "policy 3 stayed disabled")
        policy.enabled = False
        self.replication.update_replication_policy(3, policy)

    def list_executions(self):
        rows, _, headers = self.replication.list_replication_executions_with_http_info(page_size=100)
        expect([e.id for e in rows] == [3, 2, 1], [e.id for e in rows])
        expect(headers.get("X-Total-Count") == "3", headers.get("X-Total-Count"))
        expect(rows[1].status == "Failed" and (rows[1].total, rows[1].failed) == (2, 1), rows[1])
        failed = self.replication.list_replication_executions(policy_id=1, status="Failed")
        expect([e.id for e in failed] == [2], failed)

    def list_tasks(self):
        tasks = self.replication.list_replication_tasks(2, status="Failed")
        expect(len(tasks) == 1 and tasks[0].dst_resource.startswith("ns-backup/app:["), tasks)
        self.failed_task = tasks[0].id

    def get_log(self):
        log = self.replication.get_replication_log(2, self.failed_task)
        expect("failed to push manifest of artifact ns-backup/app:" in log, log)

    def start(self):
        body = harbor_client.StartReplicationExecution(policy_id=1)
        _, status, headers = self.replication.start_replication_with_http_info(body)
        expect(status == 201, status)
        location = headers.get("Location") or ""
        expect(location.startswith("/api/v2.0/replication/executions/"), location)
        return int(location.rsplit("/", 1)[1])

    def get_execution(self, execution_id):
        execution = self.replication.get_replication_execution(execution_id)
        expect(execution.status == "InProgress" and execution.total == 2, execution)

    def stop(self, execution_id):
        self.replication.stop_replication(execution_id)
        execution = self.replication.get_replication_execution(execution_id)
        expect(execution.status == "Stopped" and execution.stopped == 2, execution)

    def start_disabled(self):
        try:
            self.replication.start_replication(harbor_client.StartReplicationExecution(policy_id=3))
        except ApiException as error:
            expect(error.status == 412 and "PRECONDITION" in str(error.body), (error.status, error.body))
            return
        expect(False, "a disabled policy started")

    def list_webhooks(self):
        rows, _, headers = self.webhooks.list_webhook_policies_of_project_with_http_info(
            self.args.project, x_is_resource_name=True)
        expect([p.name for p in rows] == ["deploy-hook", "chat-alerts"], rows)
        expect(headers.get("X-Total-Count") == "2", headers.get("X-Total-Count"))
        expect(rows[0].targets[0].payload_format == "Default" and rows[0].targets[0].auth_header, rows[0].targets)
        self.project_id = rows[0].project_id

    def get_webhook(self):
        policy = self.webhooks.get_webhook_policy_of_project(str(self.project_id), 1)
        expect(policy.event_types == ["PUSH_ARTIFACT", "DELETE_ARTIFACT", "SCANNING_COMPLETED"], policy.event_types)

    def event_types(self):
        supported = self.webhooks.get_supported_event_types(self.args.project, x_is_resource_name=True)
        expect("PUSH_ARTIFACT" in supported.event_type and supported.notify_type == ["http", "slack"], supported)
        expect(supported.payload_formats[0].formats == ["Default", "CloudEvents"], supported.payload_formats)

    def webhook_executions(self):
        rows = self.webhooks.list_executions_of_webhook_policy(self.args.project, 1, x_is_resource_name=True)
        expect([(e.id, e.status) for e in rows] == [(3, "Error"), (2, "Success"), (1, "Success")], rows)
        expect(rows[0].extra_attrs["event_type"] == "PUSH_ARTIFACT" and rows[0].metrics.error_task_count == 1, rows[0])

    def webhook_tasks(self):
        tasks = self.webhooks.list_tasks_of_webhook_execution(self.args.project, 1, 3, x_is_resource_name=True)
        expect(len(tasks) == 1 and tasks[0].status == "Error" and tasks[0].run_count == 3, tasks)
        self.webhook_task = tasks[0].id

    def webhook_log(self):
        log = self.webhooks.get_logs_of_webhook_task(self.args.project, 1, 3, self.webhook_task,
                                                     x_is_resource_name=True)
        expect("failed to exec webhook request" in log, log)

    def update_webhook(self):
        policy = self.webhooks.get_webhook_policy_of_project(str(self.project_id), 2)
        policy.enabled = True
        self.webhooks.update_webhook_policy_of_project(str(self.project_id), 2, policy)
        expect(self.webhooks.get_webhook_policy_of_project(str(self.project_id), 2).enabled is True, "not enabled")

    def delete_webhook(self):
        self.webhooks.delete_webhook_policy_of_project(str(self.project_id), 2)
        rows = self.webhooks.list_webhook_policies_of_project(str(self.project_id))
        expect([p.id for p in rows] == [1], rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--endpoint", required=True, help="host:port of harbor_emulator.py")
    parser.add_argument("--username", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--project", default="ns")
    parser.add_argument("--verbose", action="store_true", help="print tracebacks of unexpected exceptions to stderr")
    args = parser.parse_args()
    args.endpoint = args.endpoint.replace("http://", "").rstrip("/")
    run_and_report(ReplicationChecker(args))


if __name__ == "__main__":
    main()
