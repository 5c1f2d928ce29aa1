#!/usr/bin/env python3
"""Checks that PyPI's `harbor-api-client` (2.12.2, `import harbor_client`) reads the retention
policy and immutability rules regconsole wrote, field by field, against harbor_emulator.py.

  harbor_client_check_retention.py --endpoint 127.0.0.1:PORT --username U --password P --project P
                                   --expect JSON [--verbose]

`--expect` is {"cron": "...", "rules": [[template, param or null, tag decoration, tag pattern,
untagged, repository decoration, repository pattern, disabled], …], "immutable": [[tag pattern,
disabled], …]}. Checks: get_project (metadata.retention_id), get_retention (the client's models
decode regconsole's policy; every rule as expected, `extras` a JSON string), list_immu_rules. Prints
ONE JSON line {"checked": [names], "failures": ["name: detail", …]} and exits 1 when a check failed.
"""

import argparse
import json

import harbor_client

from sdk_check_support import CheckerBase, expect, run_and_report


class RetentionChecker(CheckerBase):
    def run(self):
        configuration = harbor_client.Configuration()
        configuration.host = f"http://{self.args.endpoint}/api/v2.0"
        configuration.username = self.args.username
        configuration.password = self.args.password
        api = harbor_client.ApiClient(configuration)
        self.expected = json.loads(self.args.expect)
        policy_id = self.step("get_project", self.project, harbor_client.ProjectApi(api))
        if policy_id is not None:
            self.step("get_retention", self.retention, harbor_client.RetentionApi(api), policy_id)
        self.step("list_immu_rules", self.immutable, harbor_client.ImmutableApi(api))

    def project(self, projects):
        project = projects.get_project(self.args.project, x_is_resource_name=True)
        retention_id = (project.metadata.retention_id if project.metadata else None) or ""
        expect(retention_id.isdigit(), f"metadata.retention_id is {retention_id!r}")
        return int(retention_id)

    def retention(self, retentions, policy_id):
        policy = retentions.get_retention(policy_id)
        expect(policy.algorithm == "or", policy.algorithm)
        expect(policy.scope.level == "project", policy.scope)
        cron = (policy.trigger.settings or {}).get("cron", "")
        expect(policy.trigger.kind == "Schedule" and cron == self.expected["cron"], policy.trigger)
        rules = []
        for rule in policy.rules:
            tag = rule.tag_selectors[0]
            repository = rule.scope_selectors["repository"][0]
            extras = json.loads(tag.extras)
            expect(tag.kind == "doublestar" and repository.kind == "doublestar", (tag.kind, repository.kind))
            expect(rule.action == "retain", rule.action)
            rules.append([rule.template, (rule.params or {}).get(rule.template), tag.decoration, tag.pattern,
                          extras.get("untagged"), repository.decoration, repository.pattern, rule.disabled])
        expect(rules == self.expected["rules"], f"{rules} != {self.expected['rules']}")

    def immutable(self, immutables):
        rules = immutables.list_immu_rules(self.args.project, x_is_resource_name=True, page_size=100)
        found = [[rule.tag_selectors[0].pattern, rule.disabled] for rule in rules]
        expect(found == self.expected["immutable"], f"{found} != {self.expected['immutable']}")
        expect(all(rule.action == "immutable" and rule.template == "immutable_template" for rule in rules),
               [(rule.action, rule.template) for rule in rules])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--endpoint", required=True, help="host:port of harbor_emulator.py")
    parser.add_argument("--username", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--project", required=True)
    parser.add_argument("--expect", required=True, help="the expected policy and rules, as JSON")
    parser.add_argument("--verbose", action="store_true", help="print tracebacks of unexpected exceptions to stderr")
    args = parser.parse_args()
    args.endpoint = args.endpoint.replace("http://", "").rstrip("/")
    run_and_report(RetentionChecker(args))


if __name__ == "__main__":
    main()
