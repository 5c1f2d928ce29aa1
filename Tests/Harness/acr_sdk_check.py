#!/usr/bin/env python3
"""Runs Alibaba's official Python SDK (alibabacloud-cr20181201) against acr_emulator.py.

  .venv-acr/bin/python acr_sdk_check.py --endpoint 127.0.0.1:PORT --access-key-id ID --access-key-secret SECRET
      [--region cn-hangzhou] [--readonly-key ID:SECRET] [--sts-key ID:SECRET:TOKEN] [--no-faults] [--verbose]

Needs the SDK (`python3 -m venv .venv-acr && .venv-acr/bin/pip install alibabacloud-cr20181201==2.2.5`);
the emulator itself needs only the standard library. The SDK signs with ACS3-HMAC-SHA256 (its default
when Config.signature_algorithm is not 'v2'), sends every parameter in the query string, booleans as
`True`/`False`, and uses GET for GetRepoTag, GetArtifactLifecycleRule and ListArtifactLifecycleRule.

It discovers the seeded data through List calls, then calls every emulated action with real
arguments and checks that the SDK's typed response models carry what the emulator sent: ListInstance,
GetInstance, ListInstanceEndpoint, GetAuthorizationToken, List/Get/Create/Update/DeleteNamespace,
List/Get/Create/Update/DeleteRepository, ListRepoTag, GetRepoTag, CreateRepoTag, DeleteRepoTag,
CreateRepoTagScanTask, GetRepoTagScanStatus, GetRepoTagScanSummary, ListRepoTagScanResult and
List/Get/Create/Update/DeleteArtifactLifecycleRule. Everything it creates (a namespace, a repository,
a tag, a lifecycle rule) is deleted again; the scan task it starts stays (scans are not persistent).
Negative checks: a wrong secret fails with SignatureDoesNotMatch; error codes for missing objects and
duplicates; with --readonly-key, reads pass and a write fails with NoPrivilege (AccessDeniedDetail
decoded); with --sts-key, a Config with security_token works; unless --no-faults, the emulator's
/__control__ faults (Throttling.User → ThrottlingException.retry_after, IsSuccess false, NoPrivilege)
are injected once each and cleared; finally the emulator's request log is used to confirm the
HTTP method the SDK used per action.

Prints ONE JSON line {"checked": [action names…], "failures": [text…]} and exits 1 if anything failed
(2 if the SDK is not importable).
"""

import argparse
import json
import re
import sys
import time
import traceback
import urllib.request
import uuid

try:
    from alibabacloud_cr20181201 import models as cr
    from alibabacloud_cr20181201.client import Client
    from alibabacloud_tea_openapi.models import Config
except ImportError as error:  # pragma: no cover - depends on the environment
    print(json.dumps({"checked": [], "failures": [f"the SDK is not importable: {error}; "
                                                   "pip install alibabacloud-cr20181201==2.2.5"]}), flush=True)
    sys.exit(2)

HEX64 = re.compile(r"^[0-9a-f]{64}$")
GET_ACTIONS = {"GetRepoTag", "GetArtifactLifecycleRule", "ListArtifactLifecycleRule"}


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


def error_code(call):
    """Runs `call`, which must fail; returns (code, exception)."""
    try:
        call()
    except Exception as error:  # the SDK raises ClientException / ThrottlingException / …
        return getattr(error, "code", None), error
    raise Failure("the call succeeded but should have failed")


class Checker:
    def __init__(self, args):
        self.args = args
        self.checked = []
        self.failures = []
        self.client = self.make_client(args.access_key_id, args.access_key_secret)
        self.suffix = uuid.uuid4().hex[:6]

    def make_client(self, key_id, secret, token=None):
        config = Config(access_key_id=key_id, access_key_secret=secret, endpoint=self.args.endpoint,
                        protocol="http", region_id=self.args.region)
        if token:
            config.security_token = token
        return Client(config)

    def step(self, name, function, *arguments):
        """Runs one check; records `name` as checked or the failure. Returns the function's value."""
        try:
            value = function(*arguments)
        except Failure as failure:
            self.failures.append(f"{name}: {failure}")
            return None
        except Exception as error:
            detail = getattr(error, "code", None)
            self.failures.append(f"{name}: {type(error).__name__} {detail or ''} {error}".strip())
            if self.args.verbose:
                traceback.print_exc()
            return None
        if name not in self.checked:
            self.checked.append(name)
        return value

    # -- control endpoint ----------------------------------------------------------------

    def control(self, document=None, path="/__control__"):
        url = f"http://{self.args.endpoint}{path}"
        data = json.dumps(document).encode() if document is not None else None
        request = urllib.request.Request(url, data=data, method="POST" if data else "GET",
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())

    # -- the run -------------------------------------------------------------------------

    def run(self):
        c = self.client
        state = {}

        # -- a wrong secret must fail (checked first, so it runs even when the given key is wrong)
        def wrong_secret():
            bad = self.make_client(self.args.access_key_id, self.args.access_key_secret + "-wrong")
            code, error = error_code(lambda: bad.list_instance(cr.ListInstanceRequest()))
            expect(code == "SignatureDoesNotMatch", f"wrong secret gave {code}: {error}")
            expect(getattr(error, "status_code", None) == 400, f"status {getattr(error, 'status_code', None)}")
            unknown = self.make_client("NoSuchKey", "x")
            code, _ = error_code(lambda: unknown.list_instance(cr.ListInstanceRequest()))
            expect(code == "InvalidAccessKeyId.NotFound", f"unknown key gave {code}")
        self.step("WrongSecret", wrong_secret)

        def list_instance():
            body = c.list_instance(cr.ListInstanceRequest(page_no=1, page_size=30)).body
            expect(body.is_success is True and body.code == "success", f"envelope {body.code} {body.is_success}")
            expect(body.instances, "no instances")
            expect(int(body.total_count) == len(body.instances), f"TotalCount {body.total_count} != {len(body.instances)}")
            main = [i for i in body.instances if i.instance_name == "emulator-main"] or body.instances
            state["instance"] = main[0].instance_id
            expect(isinstance(main[0].create_time, str) and main[0].create_time.isdigit(),
                   f"ListInstance CreateTime should be a numeric string: {main[0].create_time!r}")
            expect(main[0].instance_status == "RUNNING", main[0].instance_status)
            expect(body.request_id, "no RequestId")
        self.step("ListInstance", list_instance)
        if "instance" not in state:
            return
        instance = state["instance"]

        def get_instance():
            body = c.get_instance(cr.GetInstanceRequest(instance_id=instance)).body
            expect(body.instance_id == instance, body.instance_id)
            expect(isinstance(body.create_time, int), f"GetInstance CreateTime should be an integer: {body.create_time!r}")
            expect(body.instance_specification, "no InstanceSpecification")
        self.step("GetInstance", get_instance)

        def list_endpoint():
            body = c.list_instance_endpoint(cr.ListInstanceEndpointRequest(instance_id=instance, module_name="Registry")).body
            expect(body.endpoints, "no endpoints")
            endpoint = body.endpoints[0]
            expect(endpoint.endpoint_type == "internet" and endpoint.enable is True, f"{endpoint.endpoint_type} {endpoint.enable}")
            expect(endpoint.domains and endpoint.domains[0].domain and endpoint.domains[0].type == "SYSTEM", "no SYSTEM domain")
            state["domain"] = endpoint.domains[0].domain
        self.step("ListInstanceEndpoint", list_endpoint)

        def authorization_token():
            body = c.get_authorization_token(cr.GetAuthorizationTokenRequest(instance_id=instance)).body
            expect(body.temp_username and body.authorization_token, "empty credentials")
            expect(isinstance(body.expire_time, int) and body.expire_time > time.time() * 1000, f"ExpireTime {body.expire_time!r}")
        self.step("GetAuthorizationToken", authorization_token)

        # -- namespaces
        def list_namespace():
            body = c.list_namespace(cr.ListNamespaceRequest(instance_id=instance, page_size=100)).body
            expect(isinstance(body.total_count, str), f"ListNamespace TotalCount should be a string: {body.total_count!r}")
            expect(int(body.total_count) == len(body.namespaces), f"TotalCount {body.total_count} != {len(body.namespaces)}")
            names = [n.namespace_name for n in body.namespaces]
            expect("ns" in names, f"seeded namespace ns missing: {names}")
            expect(all(n.namespace_id.startswith("crn-") for n in body.namespaces), "NamespaceId without crn-")
            state["ns_id"] = [n.namespace_id for n in body.namespaces if n.namespace_name == "ns"][0]
            expect(body.page_no == 1 and body.page_size == 100, f"paging echo {body.page_no}/{body.page_size}")
        self.step("ListNamespace", list_namespace)

        def get_namespace():
            by_name = c.get_namespace(cr.GetNamespaceRequest(instance_id=instance, namespace_name="ns")).body
            expect(by_name.namespace_id == state.get("ns_id"), f"{by_name.namespace_id} != {state.get('ns_id')}")
            by_id = c.get_namespace(cr.GetNamespaceRequest(instance_id=instance, namespace_id=by_name.namespace_id)).body
            expect(by_id.namespace_name == "ns", by_id.namespace_name)
            expect(by_id.default_repo_configuration is not None and by_id.default_repo_configuration.repo_type,
                   "DefaultRepoConfiguration not decoded")
            code, _ = error_code(lambda: c.get_namespace(cr.GetNamespaceRequest(instance_id=instance, namespace_name="no-such-ns")))
            expect(code == "NAMESPACE_NOT_EXIST", f"missing namespace code {code}")
        self.step("GetNamespace", get_namespace)

        namespace = f"sdk-check-{self.suffix}"

        def create_namespace():
            body = c.create_namespace(cr.CreateNamespaceRequest(
                instance_id=instance, namespace_name=namespace, auto_create_repo=True, default_repo_type="PRIVATE",
                default_repo_configuration=cr.RepoConfiguration(repo_type="PRIVATE", tag_immutability=True))).body
            expect(body.is_success is True, "not IsSuccess")
            got = c.get_namespace(cr.GetNamespaceRequest(instance_id=instance, namespace_name=namespace)).body
            expect(got.auto_create_repo is True, f"AutoCreateRepo {got.auto_create_repo!r}")
            expect(got.default_repo_configuration.tag_immutability is True, "DefaultRepoConfiguration not stored")
            code, _ = error_code(lambda: c.create_namespace(cr.CreateNamespaceRequest(instance_id=instance, namespace_name=namespace)))
            expect(code == "NAMESPACE_ALREADY_EXIST", f"duplicate namespace code {code}")
            code, _ = error_code(lambda: c.create_namespace(cr.CreateNamespaceRequest(instance_id=instance, namespace_name="-Bad")))
            expect(code == "InvalidParameter.NamespaceName", f"bad namespace name code {code}")
        self.step("CreateNamespace", create_namespace)

        def update_namespace():
            c.update_namespace(cr.UpdateNamespaceRequest(instance_id=instance, namespace_name=namespace,
                                                         auto_create_repo=False, default_repo_type="PUBLIC"))
            got = c.get_namespace(cr.GetNamespaceRequest(instance_id=instance, namespace_name=namespace)).body
            expect(got.auto_create_repo is False and got.default_repo_type == "PUBLIC",
                   f"update not applied: {got.auto_create_repo!r} {got.default_repo_type}")
        self.step("UpdateNamespace", update_namespace)

        # -- repositories
        def list_repository():
            body = c.list_repository(cr.ListRepositoryRequest(instance_id=instance, repo_namespace_name="ns", page_size=100)).body
            expect(isinstance(body.total_count, str), f"ListRepository TotalCount should be a string: {body.total_count!r}")
            expect(int(body.total_count) == len(body.repositories), f"TotalCount {body.total_count} != {len(body.repositories)}")
            expect(all(r.repo_namespace_name == "ns" for r in body.repositories), "RepoNamespaceName filter ignored")
            app = [r for r in body.repositories if r.repo_name == "app"]
            expect(app, "ns/app missing")
            expect(app[0].summary == "应用服务镜像 — 生产环境", f"Summary {app[0].summary!r}")
            expect(isinstance(app[0].create_time, int), f"CreateTime {app[0].create_time!r}")
            state["app"] = app[0].repo_id
            # paging through everything two at a time, and with MaxResults/NextToken
            seen, page = [], 1
            while True:
                chunk = c.list_repository(cr.ListRepositoryRequest(instance_id=instance, page_no=page, page_size=2)).body
                seen += [f"{r.repo_namespace_name}/{r.repo_name}" for r in chunk.repositories]
                if page * 2 >= int(chunk.total_count):
                    break
                page += 1
            expect(len(seen) == int(chunk.total_count) == len(set(seen)), f"paged {len(seen)} of {chunk.total_count}")
            expect("mirror/library/alpine" in seen, f"nested repository name missing: {seen}")
            tokens, token = [], None
            while True:
                chunk = c.list_repository(cr.ListRepositoryRequest(instance_id=instance, max_results=3, next_token=token)).body
                tokens += [r.repo_id for r in chunk.repositories]
                token = chunk.next_token
                if not token:
                    break
            expect(len(tokens) == len(seen), f"NextToken paging gave {len(tokens)} of {len(seen)}")
            all_repos = c.list_repository(cr.ListRepositoryRequest(instance_id=instance, repo_namespace_name="bulk")).body
            bulk = [r for r in all_repos.repositories if r.repo_name == "many"]
            if bulk:
                state["bulk"] = bulk[0].repo_id
        self.step("ListRepository", list_repository)

        def get_repository():
            body = c.get_repository(cr.GetRepositoryRequest(instance_id=instance, repo_id=state["app"])).body
            expect(body.repo_name == "app" and body.repo_namespace_name == "ns", f"{body.repo_namespace_name}/{body.repo_name}")
            expect(body.detail is not None, "Detail missing")
            by_name = c.get_repository(cr.GetRepositoryRequest(instance_id=instance, repo_namespace_name="mirror",
                                                                repo_name="library/alpine")).body
            expect(by_name.repo_id.startswith("crr-"), by_name.repo_id)
            code, _ = error_code(lambda: c.get_repository(cr.GetRepositoryRequest(instance_id=instance, repo_id="crr-nope")))
            expect(code == "REPO_NOT_EXIST", f"missing repository code {code}")
        self.step("GetRepository", get_repository)

        summary = "SDK 检查 a+b/c~* 100%"

        def create_repository():
            body = c.create_repository(cr.CreateRepositoryRequest(
                instance_id=instance, repo_namespace_name=namespace, repo_name="tools/sdk-check", repo_type="PRIVATE",
                summary=summary, detail="详细说明 & more", tag_immutability=True)).body
            expect(body.repo_id and body.repo_id.startswith("crr-"), f"RepoId {body.repo_id!r}")
            state["repo"] = body.repo_id
            got = c.get_repository(cr.GetRepositoryRequest(instance_id=instance, repo_id=body.repo_id)).body
            expect(got.summary == summary and got.detail == "详细说明 & more" and got.tag_immutability is True,
                   f"stored {got.summary!r} {got.detail!r} {got.tag_immutability!r}")
            code, _ = error_code(lambda: c.create_repository(cr.CreateRepositoryRequest(
                instance_id=instance, repo_namespace_name=namespace, repo_name="tools/sdk-check", repo_type="PRIVATE", summary="x")))
            expect(code == "REPO_ALREADY_EXIST", f"duplicate repository code {code}")
        self.step("CreateRepository", create_repository)

        def update_repository():
            c.update_repository(cr.UpdateRepositoryRequest(instance_id=instance, repo_id=state["repo"], repo_type="PUBLIC",
                                                           summary="updated 更新", tag_immutability=False))
            got = c.get_repository(cr.GetRepositoryRequest(instance_id=instance, repo_id=state["repo"])).body
            expect(got.repo_type == "PUBLIC" and got.summary == "updated 更新" and got.tag_immutability is False,
                   f"update not applied: {got.repo_type} {got.summary!r} {got.tag_immutability!r}")
        if "repo" in state:
            self.step("UpdateRepository", update_repository)

        # -- tags
        def list_repo_tag():
            body = c.list_repo_tag(cr.ListRepoTagRequest(instance_id=instance, repo_id=state["app"], page_size=100)).body
            expect(isinstance(body.total_count, str), f"ListRepoTag TotalCount should be a string: {body.total_count!r}")
            expect(int(body.total_count) == len(body.images) and body.images, f"TotalCount {body.total_count} != {len(body.images)}")
            tags = {image.tag: image for image in body.images}
            expect("latest" in tags and "multi" in tags, f"tags {sorted(tags)}")
            expect(not any(t.startswith("sha256-") for t in tags), "referrer fallback tag listed")
            expect(all(HEX64.match(image.digest or "") for image in body.images), "a tag without a 64-hex digest")
            expect(all(isinstance(image.image_create, str) and image.image_create.isdigit() for image in body.images),
                   "ImageCreate should be a numeric string in ListRepoTag")
            updates = [int(image.image_update) for image in body.images]
            expect(updates == sorted(updates, reverse=True), "not sorted by ImageUpdate, newest first")
            expect(tags["latest"].digest == tags["1.10.0"].digest, "latest and 1.10.0 differ")
            state["tag"] = tags["latest"]
            if "bulk" in state:
                total, page, seen = None, 1, 0
                while True:
                    chunk = c.list_repo_tag(cr.ListRepoTagRequest(instance_id=instance, repo_id=state["bulk"],
                                                                  page_no=page, page_size=100)).body
                    total = int(chunk.total_count)
                    seen += len(chunk.images)
                    if not chunk.images or page * 100 >= total:
                        break
                    page += 1
                expect(seen == total, f"bulk/many paged {seen} of {total}")
        self.step("ListRepoTag", list_repo_tag)

        def get_repo_tag():
            listed = state["tag"]
            body = c.get_repo_tag(cr.GetRepoTagRequest(instance_id=instance, repo_id=state["app"], tag="latest")).body
            expect(body.digest == listed.digest and body.image_size == listed.image_size, "GetRepoTag differs from ListRepoTag")
            expect(isinstance(body.image_create, int) and str(body.image_create) == listed.image_create,
                   f"GetRepoTag ImageCreate {body.image_create!r} vs {listed.image_create!r}")
            code, _ = error_code(lambda: c.get_repo_tag(cr.GetRepoTagRequest(instance_id=instance, repo_id=state["app"], tag="nope")))
            expect(code == "TAG_NOT_EXIST", f"missing tag code {code}")
        if "tag" in state:
            self.step("GetRepoTag", get_repo_tag)

        copy_tag = f"sdk-check-{self.suffix}"

        def create_repo_tag():
            c.create_repo_tag(cr.CreateRepoTagRequest(instance_id=instance, namespace_name="ns", repo_name="app",
                                                      from_tag="latest", to_tag=copy_tag))
            body = c.get_repo_tag(cr.GetRepoTagRequest(instance_id=instance, repo_id=state["app"], tag=copy_tag)).body
            expect(body.digest == state["tag"].digest, "copied tag has another digest")
        if "tag" in state:
            self.step("CreateRepoTag", create_repo_tag)

        def delete_repo_tag():
            c.delete_repo_tag(cr.DeleteRepoTagRequest(instance_id=instance, repo_id=state["app"], tag=copy_tag))
            code, error = error_code(lambda: c.get_repo_tag(cr.GetRepoTagRequest(instance_id=instance, repo_id=state["app"], tag=copy_tag)))
            expect(code == "TAG_NOT_EXIST" and getattr(error, "status_code", None) == 404, f"after delete: {code}")
        if "CreateRepoTag" in self.checked:
            self.step("DeleteRepoTag", delete_repo_tag)

        # -- scans
        scan_tag = "1.10.0"

        def scan_task():
            c.create_repo_tag_scan_task(cr.CreateRepoTagScanTaskRequest(instance_id=instance, repo_id=state["app"], tag=scan_tag,
                                                                        scan_service="ACR_SCAN_SERVICE"))
        if "app" in state:
            self.step("CreateRepoTagScanTask", scan_task)

        def scan_status():
            statuses = []
            for _ in range(6):
                body = c.get_repo_tag_scan_status(cr.GetRepoTagScanStatusRequest(instance_id=instance, repo_id=state["app"],
                                                                                   tag=scan_tag)).body
                statuses.append(body.status)
                if body.status == "COMPLETE":
                    break
            expect(statuses[0] == "SCANNING" and statuses[-1] == "COMPLETE", f"statuses {statuses}")
            expect(body.scan_service == "ACR_SCAN_SERVICE", body.scan_service)
        if "CreateRepoTagScanTask" in self.checked:
            self.step("GetRepoTagScanStatus", scan_status)

        def scan_summary():
            body = c.get_repo_tag_scan_summary(cr.GetRepoTagScanSummaryRequest(instance_id=instance, repo_id=state["app"],
                                                                                 tag=scan_tag)).body
            parts = [body.high_severity, body.medium_severity, body.low_severity, body.unknown_severity]
            expect(all(isinstance(x, int) for x in parts + [body.total_severity]), f"counts {parts}")
            expect(sum(parts) == body.total_severity and 3 <= body.total_severity <= 12, f"{parts} total {body.total_severity}")
            state["summary"] = body
        if "GetRepoTagScanStatus" in self.checked:
            self.step("GetRepoTagScanSummary", scan_summary)

        def scan_result():
            summary_body = state["summary"]
            body = c.list_repo_tag_scan_result(cr.ListRepoTagScanResultRequest(instance_id=instance, repo_id=state["app"],
                                                                                 tag=scan_tag, page_no=1, page_size=100)).body
            expect(isinstance(body.total_count, int), f"ListRepoTagScanResult TotalCount should be an integer: {body.total_count!r}")
            expect(body.total_count == len(body.vulnerabilities) == summary_body.total_severity,
                   f"{body.total_count} / {len(body.vulnerabilities)} / {summary_body.total_severity}")
            for item in body.vulnerabilities:
                expect(item.cve_name.startswith("CVE-") and item.severity in ("High", "Medium", "Low", "Unknown"),
                       f"{item.cve_name} {item.severity}")
                expect(item.feature and item.version and item.version_format and item.scan_type in ("cve", "sca"),
                       f"fields of {item.cve_name}")
            expect(any(item.added_by and item.added_by.startswith("sha256:") for item in body.vulnerabilities), "AddedBy not a layer digest")
            high = c.list_repo_tag_scan_result(cr.ListRepoTagScanResultRequest(instance_id=instance, repo_id=state["app"],
                                                                                 tag=scan_tag, severity="High")).body
            expect(high.total_count == summary_body.high_severity and all(v.severity == "High" for v in high.vulnerabilities),
                   f"Severity filter: {high.total_count} vs {summary_body.high_severity}")
            paged = c.list_repo_tag_scan_result(cr.ListRepoTagScanResultRequest(instance_id=instance, repo_id=state["app"],
                                                                                  tag=scan_tag, page_no=2, page_size=2)).body
            expect(paged.page_no == 2 and len(paged.vulnerabilities) == min(2, max(0, body.total_count - 2)), "paging")
        if "summary" in state:
            self.step("ListRepoTagScanResult", scan_result)

        # -- lifecycle rules
        def create_rule():
            body = c.create_artifact_lifecycle_rule(cr.CreateArtifactLifecycleRuleRequest(
                instance_id=instance, scope="REPO", namespace_name=namespace, repo_name="tools/sdk-check",
                retention_tag_count=10, tag_regexp="release-.*", schedule_time="WEEK", auto=False, enable_delete_tag=True)).body
            expect(body.rule_id and body.rule_id.startswith("cralr-"), f"RuleId {body.rule_id!r}")
            state["rule"] = body.rule_id
            code, _ = error_code(lambda: c.create_artifact_lifecycle_rule(cr.CreateArtifactLifecycleRuleRequest(
                instance_id=instance, scope="REPO", namespace_name=namespace, repo_name="nope", retention_tag_count=1,
                schedule_time="WEEK", auto=True)))
            expect(code == "InvalidParameter.Scope", f"bad scope code {code}")
        if "repo" in state:
            self.step("CreateArtifactLifecycleRule", create_rule)

        def get_rule():
            body = c.get_artifact_lifecycle_rule(cr.GetArtifactLifecycleRuleRequest(instance_id=instance, rule_id=state["rule"])).body
            expect(body.scope == "REPO" and body.namespace_name == namespace and body.repo_name == "tools/sdk-check",
                   f"{body.scope} {body.namespace_name} {body.repo_name}")
            expect(body.retention_tag_count == 10 and body.tag_regexp == "release-.*" and body.schedule_time == "WEEK",
                   f"{body.retention_tag_count} {body.tag_regexp} {body.schedule_time}")
            expect(body.auto is False and body.enable_delete_tag is True, f"{body.auto!r} {body.enable_delete_tag!r}")
            expect(isinstance(body.next_time, int) and body.next_time > time.time() * 1000, f"NextTime {body.next_time!r}")
            expect(isinstance(body.create_time, int) and isinstance(body.modified_time, int), "times")
        if "rule" in state:
            self.step("GetArtifactLifecycleRule", get_rule)

        def list_rule():
            body = c.list_artifact_lifecycle_rule(cr.ListArtifactLifecycleRuleRequest(instance_id=instance, page_no=1,
                                                                                        page_size=100)).body
            expect(isinstance(body.total_count, int) and body.total_count == len(body.rules), f"TotalCount {body.total_count!r}")
            expect(state["rule"] in [rule.rule_id for rule in body.rules], "created rule not listed")
            filtered = c.list_artifact_lifecycle_rule(cr.ListArtifactLifecycleRuleRequest(instance_id=instance,
                                                                                            enable_delete_tag=False)).body
            expect(state["rule"] not in [rule.rule_id for rule in filtered.rules], "EnableDeleteTag=False filter ignored")
        if "rule" in state:
            self.step("ListArtifactLifecycleRule", list_rule)

        def update_rule():
            c.update_artifact_lifecycle_rule(cr.UpdateArtifactLifecycleRuleRequest(
                instance_id=instance, rule_id=state["rule"], scope="NAMESPACE", namespace_name=namespace,
                retention_tag_count=5, tag_regexp=".*-alpine", schedule_time="MONTH", auto=True, enable_delete_tag=True))
            body = c.get_artifact_lifecycle_rule(cr.GetArtifactLifecycleRuleRequest(instance_id=instance, rule_id=state["rule"])).body
            expect(body.scope == "NAMESPACE" and body.retention_tag_count == 5 and body.schedule_time == "MONTH"
                   and body.auto is True and body.repo_name == "", f"not replaced: {body.to_map()}")
            code, _ = error_code(lambda: c.update_artifact_lifecycle_rule(cr.UpdateArtifactLifecycleRuleRequest(
                instance_id=instance, rule_id=state["rule"], retention_tag_count=3)))
            expect(code == "InvalidParameter", f"partial update code {code}")
        if "rule" in state:
            self.step("UpdateArtifactLifecycleRule", update_rule)

        def delete_rule():
            c.delete_artifact_lifecycle_rule(cr.DeleteArtifactLifecycleRuleRequest(instance_id=instance, rule_id=state["rule"]))
            code, _ = error_code(lambda: c.get_artifact_lifecycle_rule(cr.GetArtifactLifecycleRuleRequest(
                instance_id=instance, rule_id=state["rule"])))
            expect(code == "RULE_NOT_EXIST", f"after delete: {code}")
        if "rule" in state:
            self.step("DeleteArtifactLifecycleRule", delete_rule)

        # -- clean up what we created
        def delete_repository():
            c.delete_repository(cr.DeleteRepositoryRequest(instance_id=instance, repo_id=state["repo"]))
            code, _ = error_code(lambda: c.get_repository(cr.GetRepositoryRequest(instance_id=instance, repo_id=state["repo"])))
            expect(code == "REPO_NOT_EXIST", f"after delete: {code}")
        if "repo" in state:
            self.step("DeleteRepository", delete_repository)

        def delete_namespace():
            c.delete_namespace(cr.DeleteNamespaceRequest(instance_id=instance, namespace_name=namespace))
            code, _ = error_code(lambda: c.get_namespace(cr.GetNamespaceRequest(instance_id=instance, namespace_name=namespace)))
            expect(code == "NAMESPACE_NOT_EXIST", f"after delete: {code}")
        self.step("DeleteNamespace", delete_namespace)

        # -- optional checks
        if self.args.readonly_key:
            key_id, secret = self.args.readonly_key.split(":", 1)

            def readonly():
                reader = self.make_client(key_id, secret)
                body = reader.list_namespace(cr.ListNamespaceRequest(instance_id=instance)).body
                expect(body.is_success is True, "read-only ListNamespace failed")
                code, error = error_code(lambda: reader.create_namespace(cr.CreateNamespaceRequest(
                    instance_id=instance, namespace_name=f"ro-{self.suffix}")))
                expect(code == "NoPrivilege" and getattr(error, "status_code", None) == 403, f"read-only write gave {code}")
                detail = getattr(error, "access_denied_detail", None) or {}
                expect(detail.get("AuthAction") == "cr:CreateNamespace", f"AccessDeniedDetail {detail}")
            self.step("ReadOnlyKey", readonly)

        if self.args.sts_key:
            key_id, secret, token = self.args.sts_key.split(":", 2)

            def sts():
                body = self.make_client(key_id, secret, token).list_instance(cr.ListInstanceRequest()).body
                expect(body.instances, "STS ListInstance empty")
                code, _ = error_code(lambda: self.make_client(key_id, secret, token + "x").list_instance(cr.ListInstanceRequest()))
                expect(code == "InvalidSecurityToken.Mismatch", f"wrong token gave {code}")
            self.step("StsKey", sts)

        if not self.args.no_faults and "app" in state:
            def faults():
                try:
                    self.control({"throttle": {"action": "ListRepoTag", "times": 1, "retryAfterMs": 50},
                                  "isSuccessFalse": {"action": "ListNamespace", "times": 1},
                                  "noPrivilege": {"action": "GetRepository", "times": 1}})
                    code, error = error_code(lambda: c.list_repo_tag(cr.ListRepoTagRequest(instance_id=instance, repo_id=state["app"])))
                    expect(code == "Throttling.User" and type(error).__name__ == "ThrottlingException"
                           and getattr(error, "retry_after", None) == 50, f"throttle gave {type(error).__name__} {code}")
                    body = c.list_repo_tag(cr.ListRepoTagRequest(instance_id=instance, repo_id=state["app"])).body
                    expect(body.is_success is True, "the throttle fault did not expire")
                    body = c.list_namespace(cr.ListNamespaceRequest(instance_id=instance)).body
                    expect(body.is_success is False and body.code == "SYSTEM_ERROR", f"isSuccessFalse gave {body.code} {body.is_success}")
                    code, _ = error_code(lambda: c.get_repository(cr.GetRepositoryRequest(instance_id=instance, repo_id=state["app"])))
                    expect(code == "NoPrivilege", f"noPrivilege fault gave {code}")
                finally:
                    self.control({"reset": True})
            self.step("Faults", faults)

        def methods():
            log = self.control(path="/__control__/requests")
            used = {}
            for entry in log:
                if entry.get("accessKeyId") == self.args.access_key_id:
                    used.setdefault(entry["action"], set()).add(entry["method"])
            wrong = {action: sorted(found) for action, found in used.items()
                     if found != {"GET" if action in GET_ACTIONS else "POST"}}
            expect(not wrong, f"unexpected HTTP methods: {wrong}")
        self.step("HttpMethods", methods)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--endpoint", required=True, help="host:port of acr_emulator.py")
    parser.add_argument("--access-key-id", required=True)
    parser.add_argument("--access-key-secret", required=True)
    parser.add_argument("--region", default="cn-hangzhou")
    parser.add_argument("--readonly-key", metavar="ID:SECRET")
    parser.add_argument("--sts-key", metavar="ID:SECRET:TOKEN")
    parser.add_argument("--no-faults", action="store_true", help="skip the /__control__ fault-injection checks")
    parser.add_argument("--verbose", action="store_true", help="print tracebacks of unexpected exceptions to stderr")
    args = parser.parse_args()
    args.endpoint = args.endpoint.replace("http://", "").rstrip("/")
    checker = Checker(args)
    try:
        checker.run()
    except Exception as error:  # a bug in this script: still report
        checker.failures.append(f"aborted: {type(error).__name__}: {error}")
    print(json.dumps({"checked": checker.checked, "failures": checker.failures}, ensure_ascii=False), flush=True)
    sys.exit(1 if checker.failures else 0)


if __name__ == "__main__":
    main()
