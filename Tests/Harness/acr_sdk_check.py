#!/usr/bin/env python3
"""Runs Alibaba's official Python SDK (alibabacloud-cr20181201) against acr_emulator.py.

  .venv-acr/bin/python acr_sdk_check.py --endpoint 127.0.0.1:PORT --access-key-id ID --access-key-secret SECRET
      [--region cn-hangzhou] [--readonly-key ID:SECRET] [--sts-key ID:SECRET:TOKEN] [--no-faults] [--verbose]

Needs the SDK (`python3 -m venv .venv-acr && .venv-acr/bin/pip install alibabacloud-cr20181201==2.2.5`);
the emulator itself needs only the standard library. The SDK signs with ACS3-HMAC-SHA256 (its default
when Config.signature_algorithm is not 'v2'), sends every parameter in the query string, booleans as
`True`/`False`, and uses GET for GetRepoTag, GetArtifactLifecycleRule, ListArtifactLifecycleRule,
ListEventCenterRuleName, ListEventCenterRecord, Get/ListArtifactSubscriptionRule,
Get/ListArtifactSubscriptionTask and GetArtifactSubscriptionTaskResult. Its GetChain decoder refers to a class the package
never defines (Routers[].From), so this script aliases it before use.

It discovers the seeded data through List calls, then calls every emulated action with real
arguments and checks that the SDK's typed response models carry what the emulator sent: ListInstance,
GetInstance, ListInstanceEndpoint, GetAuthorizationToken, List/Get/Create/Update/DeleteNamespace,
List/Get/Create/Update/DeleteRepository, ListRepoTag, GetRepoTag, CreateRepoTag, DeleteRepoTag,
CreateRepoTagScanTask, GetRepoTagScanStatus, GetRepoTagScanSummary, ListRepoTagScanResult and
List/Get/Create/Update/DeleteArtifactLifecycleRule, and the delivery pipeline (acr_delivery.py):
List/Create/Update/DeleteRepoBuildRule, CreateBuildRecordByRule/ByRecord, CancelRepoBuildRecord,
ListRepoBuildRecord, GetRepoBuildRecord(Status), ListRepoBuildRecordLog (a build on ns/app followed to
its end with short timings set through /__control__ buildTiming, deduplicating the line that repeats
at Offset; a cancelled and a failing build), Get/Create/UpdateRepoSourceCodeRepo,
List/Create/Update/DeleteRepoTrigger (TriggerTag forms, the seeded trigger's URL with credentials),
ListEventCenterRuleName, UpdateEventCenterRule (integer Code 200), ListEventCenterRecord (the
builds' and the scan's events), DeleteEventCenterRule, List/Get/Create/Update/DeleteChain (nodes,
DenyPolicy, routers) and ListChainInstance (the seeded runs and the build's run), and acr_replication.py's
actions: List/Create/DeleteRepoSyncRule, CreateRepoSyncTaskByRule and GetRepoSyncTask (a task followed
to SUCCESS with short /__control__ syncTiming, Progress 0 then 1, LayerTasks, the synced tag's digest on
cri-emulated0002), ListRepoSyncTask (string TotalCount, ModifedTime, the seeded SUCCESS and
TAG_CONFLICT tasks), CreateRepoSyncTask, SyncTaskIssues (TAG_CONFLICT on an immutable target,
NETWORK_ERROR for a `*-fail-network` tag), CancelRepoSyncTask,
Create/Get/Update/List/DeleteArtifactSubscriptionRule, Create/Get/ListArtifactSubscriptionTask,
GetArtifactSubscriptionTaskResult, GetInstanceEndpoint, Create/DeleteInstanceEndpointAclPolicy (Entry
and Entries, CIDR validation, duplicates), UpdateInstanceEndpointStatus (DELETING/CREATING, then
RUNNING), GetInstanceVpcEndpoint, Create/DeleteInstanceVpcEndpointLinkedVpc, ResetLoginPassword (the
password rule; never echoed), GetInstanceUsage (strings matching the lists) and GetInstanceCount;
ListInstanceEndpoint also checks the seeded ACL and Summary, GetAuthorizationToken ExpiresInHours 1–24.
Everything it creates (a namespace, a repository, a tag, a lifecycle rule, a trigger, a build rule, the
built tag, a chain, a sync rule and its target namespace on cri-emulated0002, a subscription rule, ACL
entries, a linked VPC; the endpoint is switched off and on again) is deleted again and the build-notify
event rule it retargets is restored; the scan task, build records, event records, chain runs, sync and
subscription tasks stay, and the seeded event rule scan-alert is deleted
(the API cannot create event rules).
Negative checks: a wrong secret fails with SignatureDoesNotMatch; error codes for missing objects and
duplicates; with --readonly-key, reads pass and writes fail with NoPrivilege (AccessDeniedDetail
decoded, naming cr:CreateNamespace and, for CreateRepoTrigger, cr:CreateWebHook; check ReadOnlySync:
ListRepoSyncTask passes, CreateRepoSyncTaskByRule names cr:PullRepository); with --sts-key, a Config with security_token works; unless --no-faults, the emulator's
/__control__ faults (Throttling.User → ThrottlingException.retry_after, IsSuccess false, NoPrivilege)
are injected once each and cleared; finally the emulator's request log is used to confirm the
HTTP method the SDK used per action.

Prints ONE JSON line {"checked": [action names…], "failures": [text…]} and exits 1 if anything failed
(2 if the SDK is not importable).
"""

import json
import re
import sys
import time
import uuid

from sdk_check_support import CheckerBase, Failure, expect, main

try:
    from alibabacloud_cr20181201 import models as cr
    from alibabacloud_cr20181201.client import Client
    from alibabacloud_tea_openapi.models import Config
except ImportError as error:  # pragma: no cover - depends on the environment
    print(json.dumps({"checked": [], "failures": [f"the SDK is not importable: {error}; "
                                                   "pip install alibabacloud-cr20181201==2.2.5"]}), flush=True)
    sys.exit(2)

# alibabacloud-cr20181201 2.2.5 decodes GetChain's Routers[].From through a class it never defines
# (GetChainResponseBodyChainConfigRoutersFrom_) and then hands back a body of None for any chain with a
# router; the alias lets the check read what the emulator sent.
if not hasattr(cr, "GetChainResponseBodyChainConfigRoutersFrom_"):
    cr.GetChainResponseBodyChainConfigRoutersFrom_ = cr.GetChainResponseBodyChainConfigRoutersFrom

HEX64 = re.compile(r"^[0-9a-f]{64}$")
GET_ACTIONS = {"GetRepoTag", "GetArtifactLifecycleRule", "ListArtifactLifecycleRule", "ListEventCenterRuleName",
               "ListEventCenterRecord", "GetArtifactSubscriptionRule", "ListArtifactSubscriptionRule",
               "GetArtifactSubscriptionTask", "ListArtifactSubscriptionTask", "GetArtifactSubscriptionTaskResult"}


def error_code(call):
    """Runs `call`, which must fail; returns (code, exception)."""
    try:
        call()
    except Exception as error:  # the SDK raises ClientException / ThrottlingException / …
        return getattr(error, "code", None), error
    raise Failure("the call succeeded but should have failed")


class Checker(CheckerBase):
    def __init__(self, args):
        super().__init__(args)
        self.client = self.make_client(args.access_key_id, args.access_key_secret)
        self.suffix = uuid.uuid4().hex[:6]

    def make_client(self, key_id, secret, token=None):
        config = Config(access_key_id=key_id, access_key_secret=secret, endpoint=self.args.endpoint,
                        protocol="http", region_id=self.args.region)
        if token:
            config.security_token = token
        return Client(config)


    # -- control endpoint ----------------------------------------------------------------


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
            expect(endpoint.status == "RUNNING" and endpoint.acl_enable is True and endpoint.linked_vpcs == []
                   and [entry.entry for entry in endpoint.acl_entries] == ["10.0.0.0/8", "203.0.113.7/32"], f"ACL {endpoint.to_map()}")
            summary = c.list_instance_endpoint(cr.ListInstanceEndpointRequest(instance_id=instance, summary=True)).body.endpoints[0]
            expect(not summary.acl_entries and summary.acl_enable is None and summary.enable is True, f"Summary {summary.to_map()}")
        self.step("ListInstanceEndpoint", list_endpoint)

        def authorization_token():
            body = c.get_authorization_token(cr.GetAuthorizationTokenRequest(instance_id=instance)).body
            expect(body.temp_username and body.authorization_token, "empty credentials")
            expect(isinstance(body.expire_time, int) and body.expire_time > time.time() * 1000, f"ExpireTime {body.expire_time!r}")
            day = c.get_authorization_token(cr.GetAuthorizationTokenRequest(instance_id=instance, expires_in_hours=24)).body
            expect(abs(day.expire_time - time.time() * 1000 - 24 * 3600 * 1000) < 60000, f"24 h ExpireTime {day.expire_time!r}")
            for hours in (0, 25):
                code, _ = error_code(lambda: c.get_authorization_token(cr.GetAuthorizationTokenRequest(
                    instance_id=instance, expires_in_hours=hours)))
                expect(code == "InvalidParameter.ExpiresInHours", f"ExpiresInHours {hours} gave {code}")
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

        if "app" in state and "repo" in state:
            self.delivery(c, instance, state)
            self.replication(c, instance, state, namespace)

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
                if "app" in state:
                    records = reader.list_repo_build_record(cr.ListRepoBuildRecordRequest(instance_id=instance, repo_id=state["app"])).body
                    expect(records.is_success is True, "read-only ListRepoBuildRecord failed")
                    code, error = error_code(lambda: reader.create_repo_trigger(cr.CreateRepoTriggerRequest(
                        instance_id=instance, repo_id=state["app"], trigger_name="ro", trigger_url="https://hooks.example.com/ro",
                        trigger_type="ALL")))
                    detail = getattr(error, "access_denied_detail", None) or {}
                    expect(code == "NoPrivilege" and detail.get("AuthAction") == "cr:CreateWebHook",
                           f"read-only CreateRepoTrigger gave {code} {detail}")
            self.step("ReadOnlyKey", readonly)

            def readonly_sync():
                reader = self.make_client(key_id, secret)
                tasks = reader.list_repo_sync_task(cr.ListRepoSyncTaskRequest(instance_id=instance)).body
                expect(tasks.is_success is True and int(tasks.total_count) >= 2, "read-only ListRepoSyncTask failed")
                code, error = error_code(lambda: reader.create_repo_sync_task_by_rule(cr.CreateRepoSyncTaskByRuleRequest(
                    instance_id=instance, repo_id=state["first_repo"], sync_rule_id=state["seed_sync_rule"], tag="latest")))
                detail = getattr(error, "access_denied_detail", None) or {}
                expect(code == "NoPrivilege" and detail.get("AuthAction") == "cr:PullRepository",
                       f"read-only CreateRepoSyncTaskByRule gave {code} {detail}")
            if "seed_sync_rule" in state:
                self.step("ReadOnlySync", readonly_sync)

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
            log = self.control(path="/__control__/requests?edition=enterprise")
            used = {}
            for entry in log:
                if entry.get("accessKeyId") == self.args.access_key_id:
                    used.setdefault(entry["action"], set()).add(entry["method"])
            wrong = {action: sorted(found) for action, found in used.items()
                     if found != {"GET" if action in GET_ACTIONS else "POST"}}
            expect(not wrong, f"unexpected HTTP methods: {wrong}")
            expect(all(used.get(action) == {"GET"} for action in ("ListEventCenterRuleName", "ListEventCenterRecord")),
                   f"the event-center lists were not sent with GET: {[used.get(a) for a in ('ListEventCenterRuleName', 'ListEventCenterRecord')]}")
        self.step("HttpMethods", methods)

    # -- the delivery pipeline (acr_delivery.py) ---------------------------------------------

    def wait_for_build(self, c, instance, repo_id, record_id, timeout=20):
        """Follows a build's log the way a client must (the line at Offset repeats): (status, lines, raw pages)."""
        lines, pages, offset, deadline = {}, [], 0, time.time() + timeout
        while time.time() < deadline:
            body = c.list_repo_build_record_log(cr.ListRepoBuildRecordLogRequest(
                instance_id=instance, repo_id=repo_id, build_record_id=record_id, offset=offset)).body
            expect(isinstance(body.total_count, str), f"ListRepoBuildRecordLog TotalCount should be a string: {body.total_count!r}")
            pages.append([line.line_number for line in body.build_record_logs])
            for line in body.build_record_logs:
                lines[line.line_number] = (line.build_stage, line.message)
            offset = max(lines) if lines else 0
            status = c.get_repo_build_record_status(cr.GetRepoBuildRecordStatusRequest(
                instance_id=instance, repo_id=repo_id, build_record_id=record_id)).body.build_status
            if status not in ("PENDING", "BUILDING") and len(lines) == int(body.total_count):
                # One more read at the last offset, as a client must before it stops: it repeats that line,
                # so the overlap is checked even when a loaded machine saw the whole log in one page.
                body = c.list_repo_build_record_log(cr.ListRepoBuildRecordLogRequest(
                    instance_id=instance, repo_id=repo_id, build_record_id=record_id, offset=offset)).body
                pages.append([line.line_number for line in body.build_record_logs])
                for line in body.build_record_logs:
                    lines[line.line_number] = (line.build_stage, line.message)
                return status, [lines[number] for number in sorted(lines)], pages
            time.sleep(0.05)
        raise Failure(f"build {record_id} did not finish within {timeout} s")

    def delivery(self, c, instance, state):
        first = c.list_repository(cr.ListRepositoryRequest(instance_id=instance, page_no=1, page_size=1)).body.repositories[0]
        app = state["app"]
        timing = {"pendingMs": 100, "lineIntervalMs": 20, "lines": 8}
        build_tag = f"sdk-build-{self.suffix}"

        # -- seeded objects on the first repository
        def list_build_rule():
            body = c.list_repo_build_rule(cr.ListRepoBuildRuleRequest(instance_id=instance, repo_id=first.repo_id,
                                                                      page_no=1, page_size=10)).body
            expect(body.total_count == "1" and len(body.build_rules) == 1, f"TotalCount {body.total_count!r}")
            rule = body.build_rules[0]
            expect(rule.build_rule_id.startswith("crbr-") and rule.push_type == "GIT_BRANCH" and rule.push_name == "main"
                   and rule.image_tag == "main-build", f"seeded rule {rule.to_map()}")
            expect(rule.platforms == ["linux/amd64", "linux/arm64"] and rule.build_args == ["GO_VERSION=1.22"]
                   and rule.dest_artifact_type == "DOCKER_IMAGE", f"seeded rule {rule.to_map()}")
            body = c.list_repo_build_record(cr.ListRepoBuildRecordRequest(instance_id=instance, repo_id=first.repo_id)).body
            expect([r.build_status for r in body.build_records] == ["FAILED", "SUCCESS"] and body.total_count == "2",
                   f"seeded records {[r.build_status for r in body.build_records]} {body.total_count!r}")
            state["seeded_failed"] = body.build_records[0].build_record_id
        self.step("ListRepoBuildRule", list_build_rule)

        def source_code():
            body = c.get_repo_source_code_repo(cr.GetRepoSourceCodeRepoRequest(instance_id=instance, repo_id=first.repo_id)).body
            expect(body.code_repo_type == "GITHUB" and body.code_repo_domain == "https://github.com"
                   and body.code_repo_namespace_name == "regconsole" and body.code_repo_name == "demo-app",
                   f"seeded binding {body.to_map()}")
            expect((body.auto_build, body.disable_cache_build, body.oversea_build) == ("true", "false", "false"),
                   f"flags should be strings: {body.auto_build!r} {body.disable_cache_build!r} {body.oversea_build!r}")
            unbound = c.get_repo_source_code_repo(cr.GetRepoSourceCodeRepoRequest(instance_id=instance, repo_id=state["repo"])).body
            expect(unbound.repo_id == state["repo"] and unbound.code_repo_type is None, f"unbound {unbound.to_map()}")
        if "repo" in state:
            self.step("GetRepoSourceCodeRepo", source_code)

        def create_source():
            c.create_repo_source_code_repo(cr.CreateRepoSourceCodeRepoRequest(
                instance_id=instance, repo_id=state["repo"], code_repo_type="GITLAB", code_repo_namespace_name="team",
                code_repo_name="tools", auto_build=True, disable_cache_build=False, oversea_build=True))
            body = c.get_repo_source_code_repo(cr.GetRepoSourceCodeRepoRequest(instance_id=instance, repo_id=state["repo"])).body
            expect(body.code_repo_type == "GITLAB" and body.code_repo_domain == "https://gitlab.com" and body.code_repo_name == "tools"
                   and (body.auto_build, body.oversea_build) == ("true", "true"), f"binding {body.to_map()}")
            code, _ = error_code(lambda: c.create_repo_source_code_repo(cr.CreateRepoSourceCodeRepoRequest(
                instance_id=instance, repo_id=state["repo"], code_repo_type="SVN", code_repo_namespace_name="a", code_repo_name="b")))
            expect(code == "InvalidParameter.CodeRepoType", f"bad CodeRepoType gave {code}")
        if "GetRepoSourceCodeRepo" in self.checked:
            self.step("CreateRepoSourceCodeRepo", create_source)

        def update_source():
            c.update_repo_source_code_repo(cr.UpdateRepoSourceCodeRepoRequest(
                instance_id=instance, repo_id=state["repo"], code_repo_type="CODEUP", code_repo_namespace_name="team",
                code_repo_name="tools-2", auto_build="false", disable_cache_build="true", oversea_build="false"))
            body = c.get_repo_source_code_repo(cr.GetRepoSourceCodeRepoRequest(instance_id=instance, repo_id=state["repo"])).body
            expect(body.code_repo_domain == "https://codeup.aliyun.com" and body.code_repo_name == "tools-2"
                   and (body.auto_build, body.disable_cache_build, body.oversea_build) == ("false", "true", "false"),
                   f"binding {body.to_map()}")
        if "CreateRepoSourceCodeRepo" in self.checked:
            self.step("UpdateRepoSourceCodeRepo", update_source)

        # -- triggers
        def list_trigger():
            body = c.list_repo_trigger(cr.ListRepoTriggerRequest(instance_id=instance, repo_id=first.repo_id)).body
            expect(len(body.triggers) == 1, f"seeded triggers {len(body.triggers)}")
            trigger = body.triggers[0]
            expect(trigger.trigger_id.startswith("crw-") and trigger.trigger_name == "redeploy"
                   and trigger.trigger_url == "https://deploy:s3cr3t@hooks.example.com/redeploy?token=abc123"
                   and trigger.trigger_type == "ALL" and trigger.trigger_tag == "*" and trigger.repo_event == "BUILD_SUCCESS",
                   f"seeded trigger {trigger.to_map()}")
        self.step("ListRepoTrigger", list_trigger)

        def create_trigger():
            body = c.create_repo_trigger(cr.CreateRepoTriggerRequest(
                instance_id=instance, repo_id=app, trigger_name="sdk-hook", trigger_url="https://hooks.example.com/sdk",
                trigger_type="TAG_LIST", trigger_tag='["v1","latest"]')).body
            expect(body.trigger_id and body.trigger_id.startswith("crw-"), f"TriggerId {body.trigger_id!r}")
            state["trigger"] = body.trigger_id
            listed = c.list_repo_trigger(cr.ListRepoTriggerRequest(instance_id=instance, repo_id=app)).body.triggers
            mine = [t for t in listed if t.trigger_id == body.trigger_id]
            expect(mine and mine[0].trigger_tag == '["v1","latest"]' and mine[0].trigger_type == "TAG_LIST", "created trigger not listed")
            for bad, wanted in (({"trigger_url": "ftp://hooks.example.com"}, "InvalidParameter.TriggerUrl"),
                                ({"trigger_tag": '{"v1": 1}'}, "InvalidParameter.TriggerTag")):
                arguments = dict(instance_id=instance, repo_id=app, trigger_name="bad", trigger_url="https://x.example.com",
                                 trigger_type="TAG_LIST", trigger_tag='["v1"]')
                arguments.update(bad)
                code, _ = error_code(lambda: c.create_repo_trigger(cr.CreateRepoTriggerRequest(**arguments)))
                expect(code == wanted, f"{bad} gave {code}")
        if "app" in state:
            self.step("CreateRepoTrigger", create_trigger)

        def update_trigger():
            c.update_repo_trigger(cr.UpdateRepoTriggerRequest(instance_id=instance, repo_id=app, trigger_id=state["trigger"],
                                                              trigger_type="TAG_REG_EXP", trigger_tag="^v[0-9]+$"))
            listed = c.list_repo_trigger(cr.ListRepoTriggerRequest(instance_id=instance, repo_id=app)).body.triggers
            mine = [t for t in listed if t.trigger_id == state["trigger"]][0]
            expect(mine.trigger_type == "TAG_REG_EXP" and mine.trigger_tag == "^v[0-9]+$" and mine.trigger_name == "sdk-hook",
                   f"after update {mine.to_map()}")
            code, _ = error_code(lambda: c.update_repo_trigger(cr.UpdateRepoTriggerRequest(
                instance_id=instance, repo_id=app, trigger_id=state["trigger"], trigger_tag="v[0-9")))
            expect(code == "InvalidParameter.TriggerTag", f"bad regex gave {code}")
        if "trigger" in state:
            self.step("UpdateRepoTrigger", update_trigger)

        def delete_trigger():
            c.delete_repo_trigger(cr.DeleteRepoTriggerRequest(instance_id=instance, repo_id=app, trigger_id=state["trigger"]))
            code, error = error_code(lambda: c.delete_repo_trigger(cr.DeleteRepoTriggerRequest(
                instance_id=instance, repo_id=app, trigger_id=state["trigger"])))
            expect(code == "TRIGGER_NOT_EXIST" and getattr(error, "status_code", None) == 404, f"after delete: {code}")
        if "trigger" in state:
            self.step("DeleteRepoTrigger", delete_trigger)

        # -- event center: point build-notify at this check's builds (restored at the end)
        def list_rule_names():
            body = c.list_event_center_rule_name(cr.ListEventCenterRuleNameRequest(instance_id=instance)).body
            names = {rule.rule_name: rule.rule_id for rule in body.rule_names}
            expect(set(names) >= {"build-notify", "scan-alert"} and all(i.startswith("crecr-") for i in names.values()),
                   f"rule names {names}")
            state["event_rules"] = names
        self.step("ListEventCenterRuleName", list_rule_names)

        def update_event_rule():
            body = c.update_event_center_rule(cr.UpdateEventCenterRuleRequest(
                instance_id=instance, rule_id=state["event_rules"]["build-notify"], rule_name="build-notify",
                event_type="cr:Artifact:BuildCompleted", event_scope="NAMESPACE", event_channel="EVENT_BRIDGE",
                event_config=json.dumps({"notifyMethod": "https", "notifyConfig": {"Url": "https://hooks.example.com/b", "id": "b"},
                                         "notifyFilter": {}}),
                repo_tag_filter_pattern="sdk-build-.*", namespaces=["ns"], repo_names=[])).body
            expect(body.code == 200 and body.rule_id == state["event_rules"]["build-notify"], f"Code {body.code!r} RuleId {body.rule_id}")
            code, _ = error_code(lambda: c.update_event_center_rule(cr.UpdateEventCenterRuleRequest(
                instance_id=instance, rule_id=state["event_rules"]["build-notify"], event_config="not json")))
            expect(code == "InvalidParameter.EventConfig", f"bad EventConfig gave {code}")
            code, _ = error_code(lambda: c.update_event_center_rule(cr.UpdateEventCenterRuleRequest(
                instance_id=instance, rule_id="crecr-nope")))
            expect(code == "EVENT_RULE_NOT_EXIST", f"unknown rule gave {code}")
        if "event_rules" in state:
            self.step("UpdateEventCenterRule", update_event_rule)

        # -- chains: one on ns/app, created before the build so the build runs it
        config = {"Nodes": [{"NodeName": "DOCKER_IMAGE_BUILD", "Enable": True, "NodeConfig": {}},
                            {"NodeName": "DOCKER_IMAGE_PUSH", "Enable": True, "NodeConfig": {}},
                            {"NodeName": "VULNERABILITY_SCANNING", "Enable": True, "node_config": {"DenyPolicy": {
                                "IssueLevel": "HIGH", "IssueCount": 3, "Logic": "OR", "Action": "BLOCK"}}}],
                  "Routers": [{"From": {"NodeName": "DOCKER_IMAGE_BUILD"}, "To": {"NodeName": "DOCKER_IMAGE_PUSH"}},
                              {"From": {"NodeName": "DOCKER_IMAGE_PUSH"}, "To": {"NodeName": "VULNERABILITY_SCANNING"}}]}

        def list_chain():
            body = c.list_chain(cr.ListChainRequest(instance_id=instance, repo_namespace_name=first.repo_namespace_name)).body
            seeded = [chain for chain in body.chains if chain.name == "default-delivery"]
            expect(isinstance(body.total_count, int) and seeded and seeded[0].chain_id.startswith("chi-")
                   and seeded[0].scope_type == "NAMESPACE" and seeded[0].scope_id.startswith("crn-"), f"chains {body.to_map()}")
            state["seeded_chain"] = seeded[0].chain_id
        self.step("ListChain", list_chain)

        def get_chain():
            body = c.get_chain(cr.GetChainRequest(instance_id=instance, chain_id=state["seeded_chain"])).body
            config_body = body.chain_config
            names = [node.node_name for node in config_body.nodes]
            expect(len(names) == 7 and len(config_body.routers) == 6 and config_body.chain_config_id.startswith("cci-")
                   and config_body.is_active is True and config_body.version == "1", f"config {config_body.to_map()}")
            scan = [node for node in config_body.nodes if node.node_name == "VULNERABILITY_SCANNING"][0]
            policy = scan.node_config.deny_policy
            expect((policy.issue_level, policy.issue_count, policy.logic, policy.action) == ("MEDIUM", "1", "AND", "BLOCK_DELETE_TAG"),
                   f"DenyPolicy {policy.to_map()}")
            expect(("SNAPSHOT", "TRIGGER_SNAPSHOT") in [(r.from_.node_name, r.to.node_name) for r in config_body.routers], "routers")
        if "seeded_chain" in state:
            self.step("GetChain", get_chain)

        def create_chain():
            body = c.create_chain(cr.CreateChainRequest(instance_id=instance, name=f"sdk-chain-{self.suffix}", repo_namespace_name="ns",
                                                        repo_name="app", description="from the SDK check",
                                                        chain_config=json.dumps(config))).body
            expect(body.chain_id and body.chain_id.startswith("chi-"), f"ChainId {body.chain_id!r}")
            state["chain"] = body.chain_id
            got = c.get_chain(cr.GetChainRequest(instance_id=instance, chain_id=body.chain_id)).body
            scan = [node for node in got.chain_config.nodes if node.node_name == "VULNERABILITY_SCANNING"][0]
            expect(got.scope_type == "REPOSITORY" and got.scope_id == app and scan.node_config.deny_policy.issue_count == "3",
                   f"created chain {got.to_map()}")
            bad = json.dumps({"Nodes": [{"NodeName": "NO_SUCH_NODE"}], "Routers": []})
            code, _ = error_code(lambda: c.create_chain(cr.CreateChainRequest(instance_id=instance, name="bad", repo_namespace_name="ns",
                                                                              chain_config=bad)))
            expect(code == "InvalidParameter.ChainConfig", f"bad ChainConfig gave {code}")
        if "app" in state:
            self.step("CreateChain", create_chain)

        def update_chain():
            c.update_chain(cr.UpdateChainRequest(instance_id=instance, chain_id=state["chain"], name=f"sdk-chain-{self.suffix}-2",
                                                 chain_config=json.dumps(config), scope_exclude=["other"]))
            got = c.get_chain(cr.GetChainRequest(instance_id=instance, chain_id=state["chain"])).body
            expect(got.name.endswith("-2") and got.chain_config.version == "2" and got.scope_exclude == ["other"],
                   f"updated chain {got.name} {got.chain_config.version} {got.scope_exclude}")
        if "chain" in state:
            self.step("UpdateChain", update_chain)

        # -- builds on ns/app with short timings
        def create_build_rule():
            self.control({"buildTiming": timing})
            body = c.create_repo_build_rule(cr.CreateRepoBuildRuleRequest(
                instance_id=instance, repo_id=app, push_type="GIT_TAG", push_name="v1.0.0", image_tag="placeholder",
                dockerfile_location="/build", dockerfile_name="Dockerfile.release", build_args=["A=1", "B=two"],
                platforms=["linux/amd64", "linux/arm/v7"])).body
            expect(body.build_rule_id and body.build_rule_id.startswith("crbr-"), f"BuildRuleId {body.build_rule_id!r}")
            state["build_rule"] = body.build_rule_id
            code, _ = error_code(lambda: c.create_repo_build_rule(cr.CreateRepoBuildRuleRequest(
                instance_id=instance, repo_id=app, push_type="GIT_TAG", push_name="v1", image_tag="x", platforms=["windows/amd64"])))
            expect(code == "InvalidParameter.Platforms", f"bad platform gave {code}")
            code, _ = error_code(lambda: c.create_repo_build_rule(cr.CreateRepoBuildRuleRequest(
                instance_id=instance, repo_id=app, push_name="v1", image_tag="x")))
            expect(code == "MissingPushType", f"missing PushType gave {code}")
        if "app" in state:
            self.step("CreateRepoBuildRule", create_build_rule)

        def update_build_rule():
            body = c.update_repo_build_rule(cr.UpdateRepoBuildRuleRequest(instance_id=instance, repo_id=app,
                                                                          build_rule_id=state["build_rule"], image_tag=build_tag)).body
            expect(body.build_rule_id == state["build_rule"], f"BuildRuleId {body.build_rule_id!r}")
            rules = c.list_repo_build_rule(cr.ListRepoBuildRuleRequest(instance_id=instance, repo_id=app)).body.build_rules
            rule = [r for r in rules if r.build_rule_id == state["build_rule"]][0]
            expect(rule.image_tag == build_tag and rule.platforms == ["linux/amd64", "linux/arm/v7"] and rule.build_args == ["A=1", "B=two"]
                   and rule.dockerfile_name == "Dockerfile.release", f"after update {rule.to_map()}")
        if "build_rule" in state:
            self.step("UpdateRepoBuildRule", update_build_rule)

        def build_by_rule():
            newest = c.list_repo_tag(cr.ListRepoTagRequest(instance_id=instance, repo_id=app, page_size=1)).body.images[0]
            body = c.create_build_record_by_rule(cr.CreateBuildRecordByRuleRequest(instance_id=instance, repo_id=app,
                                                                                   build_rule_id=state["build_rule"])).body
            expect(re.match(r"^[0-9a-f-]{36}$", body.build_record_id or ""), f"BuildRecordId {body.build_record_id!r}")
            state["build"] = body.build_record_id
            status, lines, state["pages"] = self.wait_for_build(c, instance, app, body.build_record_id)
            expect(status == "SUCCESS", f"status {status}")
            expect([stage for stage, _ in lines] == ["GIT_CLONE"] * 2 + ["BUILD"] * 4 + ["PUSH"] * 2, f"stages {lines}")
            expect(lines[2][1].startswith("Step 1/4 : "), f"first BUILD line {lines[2][1]!r}")
            tag = c.get_repo_tag(cr.GetRepoTagRequest(instance_id=instance, repo_id=app, tag=build_tag)).body
            expect(tag.digest == newest.digest, f"built tag digest {tag.digest} != newest {newest.digest}")
        if "UpdateRepoBuildRule" in self.checked:
            self.step("CreateBuildRecordByRule", build_by_rule)

        def build_log():
            pages = state["pages"]
            overlapping = [(a, b) for a, b in zip(pages, pages[1:]) if a and b]
            expect(overlapping and all(b[0] == a[-1] for a, b in overlapping), f"the line at Offset did not repeat: {pages}")
            body = c.list_repo_build_record_log(cr.ListRepoBuildRecordLogRequest(instance_id=instance, repo_id=app,
                                                                                build_record_id=state["build"], offset=3)).body
            expect([line.line_number for line in body.build_record_logs] == [3, 4, 5, 6, 7, 8] and body.total_count == "8"
                   and body.page_size == 100, f"Offset 3 gave {body.to_map()}")
            seeded = c.list_repo_build_record_log(cr.ListRepoBuildRecordLogRequest(instance_id=instance,
                                                                                  build_record_id=state["seeded_failed"])).body
            expect(seeded.build_record_logs and seeded.build_record_logs[0].line_number == 1
                   and "ERROR" in seeded.build_record_logs[-1].message, "seeded failed build log (no RepoId)")
        if "CreateBuildRecordByRule" in self.checked and "seeded_failed" in state:
            self.step("ListRepoBuildRecordLog", build_log)

        def build_status():
            body = c.get_repo_build_record_status(cr.GetRepoBuildRecordStatusRequest(instance_id=instance, repo_id=app,
                                                                                      build_record_id=state["build"])).body
            expect(body.build_status == "SUCCESS", f"BuildStatus {body.build_status!r}")
            code, _ = error_code(lambda: c.get_repo_build_record_status(cr.GetRepoBuildRecordStatusRequest(
                instance_id=instance, repo_id=first.repo_id, build_record_id=state["build"])))
            expect(code == "BUILD_RECORD_NOT_EXIST", f"another repository's record gave {code}")
        if "CreateBuildRecordByRule" in self.checked:
            self.step("GetRepoBuildRecordStatus", build_status)

        def get_build():
            body = c.get_repo_build_record(cr.GetRepoBuildRecordRequest(instance_id=instance, build_record_id=state["build"])).body
            expect(body.status == "SUCCESS" and isinstance(body.start_time, int) and isinstance(body.end_time, int)
                   and body.end_time == body.start_time + timing["pendingMs"] + 8 * timing["lineIntervalMs"], f"record {body.to_map()}")
            expect(body.image.image_tag == build_tag and body.image.repo_name == "app" and body.image.repo_namespace_name == "ns",
                   f"image {body.image.to_map()}")
            code, error = error_code(lambda: c.get_repo_build_record(cr.GetRepoBuildRecordRequest(instance_id=instance,
                                                                                                   build_record_id="nope")))
            expect(code == "BUILD_RECORD_NOT_EXIST" and getattr(error, "status_code", None) == 404, f"unknown record gave {code}")
        if "CreateBuildRecordByRule" in self.checked:
            self.step("GetRepoBuildRecord", get_build)

        def build_by_record():
            self.control({"buildTiming": dict(timing, pendingMs=60000)})  # stays PENDING until cancelled
            body = c.create_build_record_by_record(cr.CreateBuildRecordByRecordRequest(instance_id=instance, repo_id=app,
                                                                                       build_record_id=state["build"])).body
            expect(body.build_record_id and body.build_record_id != state["build"], f"BuildRecordId {body.build_record_id!r}")
            state["rerun"] = body.build_record_id
            got = c.get_repo_build_record(cr.GetRepoBuildRecordRequest(instance_id=instance, build_record_id=state["rerun"])).body
            expect(got.image.image_tag == build_tag and got.status == "PENDING" and got.end_time is None, f"re-run {got.to_map()}")
        if "CreateBuildRecordByRule" in self.checked:
            self.step("CreateBuildRecordByRecord", build_by_record)

        def cancel_build():
            self.control({"buildTiming": timing})
            rerun = state["rerun"]
            c.cancel_repo_build_record(cr.CancelRepoBuildRecordRequest(instance_id=instance, repo_id=app, build_record_id=rerun))
            status = c.get_repo_build_record_status(cr.GetRepoBuildRecordStatusRequest(
                instance_id=instance, repo_id=app, build_record_id=rerun)).body.build_status
            expect(status == "CANCELED", f"status after cancel {status}")
            log = c.list_repo_build_record_log(cr.ListRepoBuildRecordLogRequest(instance_id=instance, repo_id=app,
                                                                                build_record_id=rerun)).body
            expect(log.build_record_logs and log.build_record_logs[-1].message == "build canceled", f"log {log.to_map()}")
            code, _ = error_code(lambda: c.cancel_repo_build_record(cr.CancelRepoBuildRecordRequest(
                instance_id=instance, repo_id=app, build_record_id=rerun)))
            expect(code == "BUILD_RECORD_FINISHED", f"second cancel gave {code}")
        if "CreateBuildRecordByRecord" in self.checked:
            self.step("CancelRepoBuildRecord", cancel_build)

        def failing_build():
            c.update_repo_build_rule(cr.UpdateRepoBuildRuleRequest(instance_id=instance, repo_id=app, build_rule_id=state["build_rule"],
                                                                   build_args=["A=1", "EMULATOR_FAIL=1"]))
            body = c.create_build_record_by_rule(cr.CreateBuildRecordByRuleRequest(instance_id=instance, repo_id=app,
                                                                                   build_rule_id=state["build_rule"])).body
            status, lines, _ = self.wait_for_build(c, instance, app, body.build_record_id)
            expect(status == "FAILED" and lines[-1][0] == "BUILD" and "ERROR" in lines[-1][1]
                   and "PUSH" not in [stage for stage, _ in lines], f"failed build {status} {lines[-2:]}")
            records = c.list_repo_build_record(cr.ListRepoBuildRecordRequest(instance_id=instance, repo_id=app, page_no=1,
                                                                             page_size=3)).body
            expect(isinstance(records.total_count, str) and int(records.total_count) >= 3, f"TotalCount {records.total_count!r}")
            expect([r.build_record_id for r in records.build_records] == [body.build_record_id, state["rerun"], state["build"]],
                   "not newest first")
            expect([r.build_status for r in records.build_records] == ["FAILED", "CANCELED", "SUCCESS"],
                   f"statuses {[r.build_status for r in records.build_records]}")
            done = records.build_records[2]
            expect(done.start_time.isdigit() and done.end_time.isdigit() and int(done.end_time) > int(done.start_time)
                   and done.image.repo_id == app and done.image.image_tag == build_tag, f"record {done.to_map()}")
        if "CancelRepoBuildRecord" in self.checked:
            self.step("ListRepoBuildRecord", failing_build)

        def delete_build_rule():
            c.delete_repo_build_rule(cr.DeleteRepoBuildRuleRequest(instance_id=instance, repo_id=app, build_rule_id=state["build_rule"]))
            code, _ = error_code(lambda: c.create_build_record_by_rule(cr.CreateBuildRecordByRuleRequest(
                instance_id=instance, repo_id=app, build_rule_id=state["build_rule"])))
            expect(code == "BUILD_RULE_NOT_EXIST", f"after delete: {code}")
        if "build_rule" in state:
            self.step("DeleteRepoBuildRule", delete_build_rule)

        # -- what the builds left behind: events and a chain run
        def event_records():
            body = c.list_event_center_record(cr.ListEventCenterRecordRequest(
                instance_id=instance, rule_id=state["event_rules"]["build-notify"], repo_namespace_name="ns", repo_name="app")).body
            expect(isinstance(body.total_count, int) and body.total_count == 2 == len(body.records), f"TotalCount {body.total_count!r}")
            record = body.records[0]
            expect(record.record_id.startswith("crecrr-") and record.event_type == "cr:Artifact:BuildCompleted"
                   and record.tag == build_tag and record.event_notify_method == "https" and record.namespace == "ns"
                   and isinstance(record.create_time, int) and record.create_time >= body.records[1].create_time,
                   f"record {record.to_map()}")
            scans = c.list_event_center_record(cr.ListEventCenterRecordRequest(
                instance_id=instance, event_type="cr:Artifact:ScanCompleted", page_size=100)).body
            expect(any(r.repo_name == "app" and r.tag == "1.10.0" for r in scans.records), "no ScanCompleted record of the scan")
        if "ListRepoBuildRecord" in self.checked and "UpdateEventCenterRule" in self.checked:
            self.step("ListEventCenterRecord", event_records)

        def chain_instances():
            body = c.list_chain_instance(cr.ListChainInstanceRequest(instance_id=instance, repo_namespace_name="ns", repo_name="app")).body
            runs = [run for run in body.chain_instances if run.chain.chain_id == state["chain"]]
            expect(len(runs) == 1 and runs[0].status == "COMPLETE" and runs[0].result == "SUCCESS" and runs[0].chain.version == 2
                   and isinstance(runs[0].start_time, int), f"runs {body.to_map()}")
            expect(body.instance_id == instance and isinstance(body.total_count, int), f"envelope {body.instance_id} {body.total_count!r}")
            seeded = c.list_chain_instance(cr.ListChainInstanceRequest(instance_id=instance, repo_namespace_name=first.repo_namespace_name,
                                                                       repo_name=first.repo_name)).body
            expect(sorted(run.result for run in seeded.chain_instances) == ["DENIED", "SUCCESS"], f"seeded runs {seeded.to_map()}")
        if "chain" in state and "ListRepoBuildRecord" in self.checked:
            self.step("ListChainInstance", chain_instances)

        # -- clean up
        def delete_chain():
            c.delete_chain(cr.DeleteChainRequest(instance_id=instance, chain_id=state["chain"]))
            code, _ = error_code(lambda: c.get_chain(cr.GetChainRequest(instance_id=instance, chain_id=state["chain"])))
            expect(code == "CHAIN_NOT_EXIST", f"after delete: {code}")
        if "chain" in state:
            self.step("DeleteChain", delete_chain)
        if "CreateBuildRecordByRule" in self.checked:
            self.step("DeleteBuiltTag", lambda: c.delete_repo_tag(cr.DeleteRepoTagRequest(instance_id=instance, repo_id=app, tag=build_tag)))
        if "UpdateEventCenterRule" in self.checked:
            self.step("RestoreEventRule", lambda: c.update_event_center_rule(cr.UpdateEventCenterRuleRequest(
                instance_id=instance, rule_id=state["event_rules"]["build-notify"], event_scope="REPO",
                repo_tag_filter_pattern=".*", namespaces=[first.repo_namespace_name], repo_names=[first.repo_name])))

        def delete_event_rule():
            code, _ = error_code(lambda: c.delete_event_center_rule(cr.DeleteEventCenterRuleRequest(instance_id=instance,
                                                                                                    rule_id="crecr-nope")))
            expect(code == "EVENT_RULE_NOT_EXIST", f"unknown rule gave {code}")
            c.delete_event_center_rule(cr.DeleteEventCenterRuleRequest(instance_id=instance, rule_id=state["event_rules"]["scan-alert"]))
            names = [r.rule_name for r in c.list_event_center_rule_name(cr.ListEventCenterRuleNameRequest(instance_id=instance)).body.rule_names]
            expect("scan-alert" not in names and "build-notify" in names, f"after delete: {names}")
        if "ListEventCenterRecord" in self.checked:
            self.step("DeleteEventCenterRule", delete_event_rule)
        self.control({"buildTiming": {}})

    # -- replication, subscriptions, access and capacity (acr_replication.py) ------------------

    @staticmethod
    def wait_until(fetch, done, timeout=15):
        """Calls `fetch` until `done(value)`; returns every value seen."""
        seen, deadline = [], time.time() + timeout
        while time.time() < deadline:
            seen.append(fetch())
            if done(seen[-1]):
                return seen
            time.sleep(0.03)
        raise Failure(f"not done within {timeout} s: {[getattr(v, 'to_map', lambda: v)() for v in seen[-2:]]}")

    def follow_sync(self, c, instance, task_id):
        """Polls GetRepoSyncTask until the task ends; returns every body seen."""
        return self.wait_until(lambda: c.get_repo_sync_task(cr.GetRepoSyncTaskRequest(instance_id=instance,
                                                                                     sync_task_id=task_id)).body,
                               lambda body: body.task_status not in ("PENDING", "SYNCHRONIZING"))

    def replication(self, c, instance, state, namespace):
        first = c.list_repository(cr.ListRepositoryRequest(instance_id=instance, page_no=1, page_size=1)).body.repositories[0]
        target_instance = "cri-emulated0002"
        target_ns = f"sdk-sync-{self.suffix}"
        app = state["app"]
        self.control({"syncTiming": {"pendingMs": 60, "msPerLayer": 40}})

        def list_sync_rule():
            body = c.list_repo_sync_rule(cr.ListRepoSyncRuleRequest(instance_id=instance, page_no=1, page_size=50)).body
            expect(isinstance(body.total_count, int) and body.total_count == len(body.sync_rules) >= 1, f"TotalCount {body.total_count!r}")
            seeded = [rule for rule in body.sync_rules if rule.sync_rule_name == "replicate-first"]
            expect(seeded, f"seeded rule missing: {body.to_map()}")
            rule = seeded[0]
            expect(rule.sync_rule_id.startswith("crsr-") and rule.sync_scope == "REPO" and rule.sync_direction == "FROM"
                   and rule.local_namespace_name == first.repo_namespace_name and rule.local_repo_name == first.repo_name
                   and rule.target_instance_id == target_instance and rule.target_region_id == self.args.region
                   and rule.target_repo_name == first.repo_name and rule.cross_user is False and isinstance(rule.create_time, int),
                   f"seeded rule {rule.to_map()}")
            state["seed_sync_rule"] = rule.sync_rule_id
            state["first_repo"] = first.repo_id
        self.step("ListRepoSyncRule", list_sync_rule)

        def create_sync_rule():
            body = c.create_repo_sync_rule(cr.CreateRepoSyncRuleRequest(
                instance_id=instance, sync_rule_name=f"sdk-{self.suffix}", sync_scope="REPO", tag_filter=r"1\..*",
                namespace_name="ns", repo_name="app", target_region_id=self.args.region, target_instance_id=target_instance,
                target_namespace_name=target_ns, target_repo_name="app", sync_trigger="INITIATIVE", priority=2)).body
            expect(body.sync_rule_id and body.sync_rule_id.startswith("crsr-"), f"SyncRuleId {body.sync_rule_id!r}")
            state["sync_rule"] = body.sync_rule_id
            listed = c.list_repo_sync_rule(cr.ListRepoSyncRuleRequest(instance_id=instance, namespace_name="ns", repo_name="app")).body
            rules = [rule for rule in listed.sync_rules if rule.sync_rule_id == body.sync_rule_id]
            expect(rules and rules[0].sync_trigger == "INITIATIVE" and rules[0].priority == 2 and rules[0].tag_filter == r"1\..*"
                   and rules[0].target_namespace_name == target_ns, f"listed {listed.to_map()}")
            code, _ = error_code(lambda: c.create_repo_sync_rule(cr.CreateRepoSyncRuleRequest(
                instance_id=instance, sync_rule_name="x", sync_scope="REPO", tag_filter=".*", namespace_name="ns", repo_name="app",
                target_region_id=self.args.region, target_instance_id="cri-nope", target_namespace_name="ns", target_repo_name="app")))
            expect(code == "INSTANCE_NOT_EXIST", f"unknown target instance gave {code}")
            code, _ = error_code(lambda: c.create_repo_sync_rule(cr.CreateRepoSyncRuleRequest(
                instance_id=instance, sync_rule_name="x", sync_scope="REPO", tag_filter=".*", target_region_id=self.args.region,
                target_instance_id=target_instance)))
            expect(code == "MissingNamespaceName", f"REPO scope without names gave {code}")
        self.step("CreateRepoSyncRule", create_sync_rule)

        def sync_by_rule():
            source = c.get_repo_tag(cr.GetRepoTagRequest(instance_id=instance, repo_id=app, tag="1.10.0")).body
            code, _ = error_code(lambda: c.create_repo_sync_task_by_rule(cr.CreateRepoSyncTaskByRuleRequest(
                instance_id=instance, repo_id=app, sync_rule_id=state["sync_rule"], tag="latest")))
            expect(code == "InvalidParameter.Tag", f"a tag outside TagFilter gave {code}")
            body = c.create_repo_sync_task_by_rule(cr.CreateRepoSyncTaskByRuleRequest(
                instance_id=instance, repo_id=app, sync_rule_id=state["sync_rule"], tag="1.10.0")).body
            expect(body.sync_task_id and body.sync_task_id.startswith("rst-"), f"SyncTaskId {body.sync_task_id!r}")
            state["sync_task"] = body.sync_task_id
            seen = self.follow_sync(c, instance, body.sync_task_id)
            statuses = [b.task_status for b in seen]
            expect(statuses[-1] == "SUCCESS" and all(s in ("PENDING", "SYNCHRONIZING") for s in statuses[:-1]), f"statuses {statuses}")
            expect(all(b.progress == 0 for b in seen[:-1]) and seen[-1].progress == 1, f"Progress {[b.progress for b in seen]}")
            done = seen[-1]
            expect(done.layer_tasks and all(l.synced_size == l.size and l.task_status == "SUCCESS" for l in done.layer_tasks)
                   and done.synced_size == sum(l.size for l in done.layer_tasks) > 0, f"layers {done.to_map()}")
            expect(all(l.digest.startswith("sha256:") and l.artifact_digest == "sha256:" + source.digest
                       and l.sync_layer_task_id.startswith("rslt-") for l in done.layer_tasks), f"layer ids {done.to_map()}")
            expect(done.sync_rule_id == state["sync_rule"] and done.task_trigger == "INITIATIVE" and done.task_issue == ""
                   and done.image_from.repo_name == "app" and done.image_to.instance_id == target_instance
                   and done.image_to.repo_namespace_name == target_ns and done.image_to.image_tag == "1.10.0", f"task {done.to_map()}")
            copied = c.get_repository(cr.GetRepositoryRequest(instance_id=target_instance, repo_namespace_name=target_ns,
                                                               repo_name="app")).body
            tag = c.get_repo_tag(cr.GetRepoTagRequest(instance_id=target_instance, repo_id=copied.repo_id, tag="1.10.0")).body
            expect(tag.digest == source.digest, f"synced digest {tag.digest} != {source.digest}")
            state["target_repo"] = copied.repo_id
        if "sync_rule" in state:
            self.step("CreateRepoSyncTaskByRule", sync_by_rule)
            self.step("GetRepoSyncTask", lambda: expect("CreateRepoSyncTaskByRule" in self.checked, "followed above"))

        def list_sync_task():
            body = c.list_repo_sync_task(cr.ListRepoSyncTaskRequest(instance_id=instance, repo_namespace_name="ns",
                                                                    repo_name="app", page_size=50)).body
            expect(isinstance(body.total_count, str) and int(body.total_count) == len(body.sync_tasks), f"TotalCount {body.total_count!r}")
            task = [t for t in body.sync_tasks if t.sync_task_id == state["sync_task"]]
            expect(task and task[0].task_status == "SUCCESS" and isinstance(task[0].create_time, int)
                   and task[0].modifed_time == task[0].modified_time >= task[0].create_time and task[0].custom_link is False,
                   f"listed {body.to_map()}")
            batch = c.list_repo_sync_task(cr.ListRepoSyncTaskRequest(instance_id=instance, sync_record_id=task[0].sync_batch_task_id)).body
            expect([t.sync_task_id for t in batch.sync_tasks] == [state["sync_task"]], f"SyncRecordId filter {batch.to_map()}")
            seeded = c.list_repo_sync_task(cr.ListRepoSyncTaskRequest(instance_id=instance, repo_namespace_name=first.repo_namespace_name,
                                                                      repo_name=first.repo_name)).body
            outcomes = sorted((t.task_status, t.task_issue, t.task_trigger) for t in seeded.sync_tasks)
            expect(outcomes == [("ERROR", "TAG_CONFLICT", "PASSIVE"), ("SUCCESS", "", "PASSIVE")], f"seeded tasks {outcomes}")
        if "CreateRepoSyncTaskByRule" in self.checked:
            self.step("ListRepoSyncTask", list_sync_task)

        def sync_task():
            body = c.create_repo_sync_task(cr.CreateRepoSyncTaskRequest(
                instance_id=instance, repo_id=app, tag="1.2.0", target_region_id=self.args.region, target_instance_id=target_instance,
                target_namespace=target_ns, target_repo_name="app", target_tag="copied", override=True, priority=5)).body
            done = self.follow_sync(c, instance, body.sync_task_id)[-1]
            expect(done.task_status == "SUCCESS" and done.sync_rule_id == "" and done.priority == 5, f"task {done.to_map()}")
            source = c.get_repo_tag(cr.GetRepoTagRequest(instance_id=instance, repo_id=app, tag="1.2.0")).body
            tag = c.get_repo_tag(cr.GetRepoTagRequest(instance_id=target_instance, repo_id=state["target_repo"], tag="copied")).body
            expect(tag.digest == source.digest, "copied tag has another digest")
            code, _ = error_code(lambda: c.create_repo_sync_task(cr.CreateRepoSyncTaskRequest(
                instance_id=instance, repo_id=app, tag="1.2.0", target_region_id=self.args.region, target_instance_id="cri-nope",
                target_namespace=target_ns, target_repo_name="app", target_tag="x")))
            expect(code == "INSTANCE_NOT_EXIST", f"unknown target gave {code}")
        if "target_repo" in state:
            self.step("CreateRepoSyncTask", sync_task)

        def sync_errors():
            c.update_repository(cr.UpdateRepositoryRequest(instance_id=target_instance, repo_id=state["target_repo"],
                                                           repo_type="PRIVATE", summary="immutable", tag_immutability=True))
            body = c.create_repo_sync_task_by_rule(cr.CreateRepoSyncTaskByRuleRequest(
                instance_id=instance, repo_id=app, sync_rule_id=state["sync_rule"], tag="1.10.0")).body
            done = self.follow_sync(c, instance, body.sync_task_id)[-1]
            expect(done.task_status == "ERROR" and done.task_issue == "TAG_CONFLICT" and done.progress == 0, f"conflict {done.to_map()}")
            c.create_repo_tag(cr.CreateRepoTagRequest(instance_id=instance, namespace_name="ns", repo_name="app",
                                                      from_tag="latest", to_tag="net-fail-network"))
            body = c.create_repo_sync_task(cr.CreateRepoSyncTaskRequest(
                instance_id=instance, repo_id=app, tag="net-fail-network", target_region_id=self.args.region,
                target_instance_id=target_instance, target_namespace=target_ns, target_repo_name="app", target_tag="net")).body
            done = self.follow_sync(c, instance, body.sync_task_id)[-1]
            last = done.layer_tasks[-1]
            expect(done.task_status == "ERROR" and done.task_issue == "NETWORK_ERROR" and last.task_status == "ERROR"
                   and last.synced_size < last.size, f"network {done.to_map()}")
            c.delete_repo_tag(cr.DeleteRepoTagRequest(instance_id=instance, repo_id=app, tag="net-fail-network"))
        if "CreateRepoSyncTask" in self.checked:
            self.step("SyncTaskIssues", sync_errors)

        def cancel_sync():
            self.control({"syncTiming": {"pendingMs": 60000}})
            body = c.create_repo_sync_task_by_rule(cr.CreateRepoSyncTaskByRuleRequest(
                instance_id=instance, repo_id=app, sync_rule_id=state["sync_rule"], tag="1.0.0")).body
            self.control({"syncTiming": {"pendingMs": 60, "msPerLayer": 40}})
            got = c.get_repo_sync_task(cr.GetRepoSyncTaskRequest(instance_id=instance, sync_task_id=body.sync_task_id)).body
            expect(got.task_status == "PENDING", f"before cancel {got.task_status}")
            c.cancel_repo_sync_task(cr.CancelRepoSyncTaskRequest(instance_id=instance, sync_task_id=body.sync_task_id))
            got = c.get_repo_sync_task(cr.GetRepoSyncTaskRequest(instance_id=instance, sync_task_id=body.sync_task_id)).body
            expect(got.task_status == "CANCELED" and got.progress == 0, f"after cancel {got.to_map()}")
            code, _ = error_code(lambda: c.cancel_repo_sync_task(cr.CancelRepoSyncTaskRequest(instance_id=instance,
                                                                                              sync_task_id=body.sync_task_id)))
            expect(code == "SYNC_TASK_FINISHED", f"second cancel gave {code}")
            code, error = error_code(lambda: c.get_repo_sync_task(cr.GetRepoSyncTaskRequest(instance_id=instance, sync_task_id="rst-nope")))
            expect(code == "SYNC_TASK_NOT_EXIST" and getattr(error, "status_code", None) == 404, f"unknown task gave {code}")
        if "sync_rule" in state:
            self.step("CancelRepoSyncTask", cancel_sync)

        def delete_sync_rule():
            c.delete_repo_sync_rule(cr.DeleteRepoSyncRuleRequest(instance_id=instance, sync_rule_id=state["sync_rule"]))
            listed = c.list_repo_sync_rule(cr.ListRepoSyncRuleRequest(instance_id=instance)).body
            expect(state["sync_rule"] not in [rule.sync_rule_id for rule in listed.sync_rules], "deleted rule listed")
            code, _ = error_code(lambda: c.create_repo_sync_task_by_rule(cr.CreateRepoSyncTaskByRuleRequest(
                instance_id=instance, repo_id=app, sync_rule_id=state["sync_rule"], tag="1.10.0")))
            expect(code == "SYNC_RULE_NOT_EXIST", f"after delete: {code}")
        if "sync_rule" in state:
            self.step("DeleteRepoSyncRule", delete_sync_rule)
        if "target_repo" in state:
            self.step("DeleteSyncTarget", lambda: c.delete_namespace(cr.DeleteNamespaceRequest(instance_id=target_instance,
                                                                                               namespace_name=target_ns)))

        # -- artifact subscriptions
        def list_subscription_rule():
            body = c.list_artifact_subscription_rule(cr.ListArtifactSubscriptionRuleRequest(instance_id=instance, page_size=100)).body
            expect(isinstance(body.total_count, int) and body.total_count == len(body.rules) >= 1, f"TotalCount {body.total_count!r}")
            seeded = [rule for rule in body.rules if rule.source_repo_name == "nginx"]
            expect(seeded and seeded[0].source_provider == "DOCKER_HUB" and seeded[0].source_namespace_name == "library"
                   and seeded[0].source_domain == "docker.io" and seeded[0].platform == ["linux/amd64"]
                   and seeded[0].rule_id.startswith("crasr-") and seeded[0].tag_count == 3, f"seeded {body.to_map()}")
            state["seed_subscription"] = seeded[0].rule_id
        self.step("ListArtifactSubscriptionRule", list_subscription_rule)

        def create_subscription_rule():
            body = c.create_artifact_subscription_rule(cr.CreateArtifactSubscriptionRuleRequest(
                instance_id=instance, source_provider="QUAY", source_namespace_name="prometheus", source_repo_name="node-exporter",
                namespace_name=namespace, repo_name="node-exporter", tag_regexp="release-v.*", tag_count=1,
                platform=["linux/amd64", "linux/arm64"], override=False, accelerate=False)).body
            expect(body.rule_id and body.rule_id.startswith("crasr-"), f"RuleId {body.rule_id!r}")
            state["subscription"] = body.rule_id
            code, _ = error_code(lambda: c.create_artifact_subscription_rule(cr.CreateArtifactSubscriptionRuleRequest(
                instance_id=instance, source_provider="NPM", source_repo_name="x", namespace_name=namespace, repo_name="x",
                tag_regexp=".*", tag_count=1, platform=["linux/amd64"])))
            expect(code == "InvalidParameter.SourceProvider", f"unknown provider gave {code}")
        self.step("CreateArtifactSubscriptionRule", create_subscription_rule)

        def get_subscription_rule():
            body = c.get_artifact_subscription_rule(cr.GetArtifactSubscriptionRuleRequest(instance_id=instance,
                                                                                          rule_id=state["subscription"])).body
            expect(body.source_provider == "QUAY" and body.source_domain == "quay.io" and body.source_repo_name == "node-exporter"
                   and body.namespace_name == namespace and body.platform == ["linux/amd64", "linux/arm64"] and body.tag_count == 1
                   and body.override is False and body.instance_id == instance and isinstance(body.create_time, int),
                   f"rule {body.to_map()}")
        if "subscription" in state:
            self.step("GetArtifactSubscriptionRule", get_subscription_rule)

        def update_subscription_rule():
            c.update_artifact_subscription_rule(cr.UpdateArtifactSubscriptionRuleRequest(
                instance_id=instance, rule_id=state["subscription"], tag_count=2, override="true"))
            body = c.get_artifact_subscription_rule(cr.GetArtifactSubscriptionRuleRequest(instance_id=instance,
                                                                                          rule_id=state["subscription"])).body
            expect(body.tag_count == 2 and body.override is True and body.tag_regexp == "release-v.*", f"after update {body.to_map()}")
        if "subscription" in state:
            self.step("UpdateArtifactSubscriptionRule", update_subscription_rule)

        def subscription_task():
            body = c.create_artifact_subscription_task(cr.CreateArtifactSubscriptionTaskRequest(instance_id=instance,
                                                                                                rule_id=state["subscription"])).body
            expect(body.task_id and body.task_id.startswith("crast-"), f"TaskId {body.task_id!r}")
            state["subscription_task"] = body.task_id
        if "subscription" in state:
            self.step("CreateArtifactSubscriptionTask", subscription_task)

        def get_subscription_task():
            seen = self.wait_until(lambda: c.get_artifact_subscription_task(cr.GetArtifactSubscriptionTaskRequest(
                instance_id=instance, task_id=state["subscription_task"])).body, lambda body: body.task_status != "RUNNING")
            done = seen[-1]
            expect(done.task_status == "COMPLETED" and done.task_result == "SUCCESS" and done.tag_total_count == 2
                   and done.tag_subscription_count == 2 and done.artifact_type == "IMAGE" and done.source_provider == "QUAY"
                   and isinstance(done.start_time, int) and isinstance(done.end_time, int) and done.end_time >= done.start_time,
                   f"task {done.to_map()}")
        if "subscription_task" in state:
            self.step("GetArtifactSubscriptionTask", get_subscription_task)

        def list_subscription_task():
            body = c.list_artifact_subscription_task(cr.ListArtifactSubscriptionTaskRequest(instance_id=instance, page_size=50)).body
            expect(isinstance(body.total_count, int) and body.total_count == len(body.tasks) >= 2, f"TotalCount {body.total_count!r}")
            expect(body.tasks[0].task_id == state["subscription_task"] and body.tasks[0].start_time.isdigit()
                   and body.tasks[0].end_time.isdigit(), f"newest {body.tasks[0].to_map()}")
            expect(any(task.task_type == "AUTO" and task.source_repo_name == "nginx" for task in body.tasks), "seeded task missing")
        if "GetArtifactSubscriptionTask" in self.checked:
            self.step("ListArtifactSubscriptionTask", list_subscription_task)

        def subscription_result():
            body = c.get_artifact_subscription_task_result(cr.GetArtifactSubscriptionTaskResultRequest(
                instance_id=instance, task_id=state["subscription_task"], page_no=1, page_size=10)).body
            expect(body.total_count == 2 and [r.tag for r in body.task_results] == ["release-v1", "release-v2"]
                   and all(r.status == "COMPLETED" and r.result == "SUCCESS" and r.repo_name == "node-exporter"
                           and isinstance(r.end_time, int) for r in body.task_results), f"results {body.to_map()}")
        if "GetArtifactSubscriptionTask" in self.checked:
            self.step("GetArtifactSubscriptionTaskResult", subscription_result)

        def delete_subscription_rule():
            c.delete_artifact_subscription_rule(cr.DeleteArtifactSubscriptionRuleRequest(instance_id=instance,
                                                                                        rule_id=state["subscription"]))
            code, _ = error_code(lambda: c.get_artifact_subscription_rule(cr.GetArtifactSubscriptionRuleRequest(
                instance_id=instance, rule_id=state["subscription"])))
            expect(code == "SUBSCRIPTION_RULE_NOT_EXIST", f"after delete: {code}")
        if "subscription" in state:
            self.step("DeleteArtifactSubscriptionRule", delete_subscription_rule)

        # -- access
        def endpoint(kind="internet"):
            return c.get_instance_endpoint(cr.GetInstanceEndpointRequest(instance_id=instance, endpoint_type=kind,
                                                                         module_name="Registry")).body

        def get_endpoint():
            body = endpoint("Internet")
            expect(body.enable is True and body.status == "RUNNING" and body.acl_enable is True, f"endpoint {body.to_map()}")
            expect([(e.entry, e.comment) for e in body.acl_entries] == [("10.0.0.0/8", "office network"), ("203.0.113.7/32", "CI runner")],
                   f"seeded ACL {body.to_map()}")
            expect(body.domains and body.domains[0].type == "SYSTEM" and body.domains[0].domain == state.get("domain"), "domains")
            code, _ = error_code(lambda: endpoint("vpc"))
            expect(code == "InvalidParameter.EndpointType", f"EndpointType vpc gave {code}")
        self.step("GetInstanceEndpoint", get_endpoint)

        created = ["198.51.100.0/24", "198.51.100.9/32", "192.0.2.1"]

        def create_acl():
            c.create_instance_endpoint_acl_policy(cr.CreateInstanceEndpointAclPolicyRequest(
                instance_id=instance, endpoint_type="internet", entry=created[0], comment="sdk check", module_name="Registry"))
            c.create_instance_endpoint_acl_policy(cr.CreateInstanceEndpointAclPolicyRequest(
                instance_id=instance, endpoint_type="internet", entries=[cr.AccessControlEntry(entry=created[1], comment="one"),
                                                                         cr.AccessControlEntry(entry=created[2], comment="two")]))
            body = endpoint()
            expect([(e.entry, e.comment) for e in body.acl_entries][2:] == list(zip(created, ["sdk check", "one", "two"])),
                   f"after create {body.to_map()}")
            for bad, wanted in (("300.1.1.1/8", "InvalidParameter.Entry"), ("10.0.0.0/33", "InvalidParameter.Entry"),
                                (created[0], "ACL_ENTRY_ALREADY_EXIST")):
                code, _ = error_code(lambda: c.create_instance_endpoint_acl_policy(cr.CreateInstanceEndpointAclPolicyRequest(
                    instance_id=instance, endpoint_type="internet", entry=bad)))
                expect(code == wanted, f"{bad} gave {code}")
            listed = c.list_instance_endpoint(cr.ListInstanceEndpointRequest(instance_id=instance)).body.endpoints[0]
            expect([e.entry for e in listed.acl_entries][2:] == created and listed.acl_enable is True, f"listed {listed.to_map()}")
        self.step("CreateInstanceEndpointAclPolicy", create_acl)

        def delete_acl():
            c.delete_instance_endpoint_acl_policy(cr.DeleteInstanceEndpointAclPolicyRequest(
                instance_id=instance, endpoint_type="internet", entry=created[0]))
            c.delete_instance_endpoint_acl_policy(cr.DeleteInstanceEndpointAclPolicyRequest(
                instance_id=instance, endpoint_type="internet", entries=[cr.AccessControlEntry(entry=e) for e in created[1:]]))
            body = endpoint()
            expect([e.entry for e in body.acl_entries] == ["10.0.0.0/8", "203.0.113.7/32"], f"after delete {body.to_map()}")
            code, _ = error_code(lambda: c.delete_instance_endpoint_acl_policy(cr.DeleteInstanceEndpointAclPolicyRequest(
                instance_id=instance, endpoint_type="internet", entry=created[0])))
            expect(code == "ACL_ENTRY_NOT_EXIST", f"deleting an absent entry gave {code}")
        if "CreateInstanceEndpointAclPolicy" in self.checked:
            self.step("DeleteInstanceEndpointAclPolicy", delete_acl)

        def endpoint_status():
            for enable, passing in ((False, "DELETING"), (True, "CREATING")):
                c.update_instance_endpoint_status(cr.UpdateInstanceEndpointStatusRequest(
                    instance_id=instance, endpoint_type="internet", enable=enable, module_name="Registry"))
                seen = self.wait_until(endpoint, lambda body: body.status == "RUNNING")
                expect(seen[0].status == passing and seen[0].enable is (not enable), f"while switching {seen[0].to_map()}")
                expect(seen[-1].enable is enable, f"after switching {seen[-1].to_map()}")
        self.step("UpdateInstanceEndpointStatus", endpoint_status)

        def vpc_endpoint():
            return c.get_instance_vpc_endpoint(cr.GetInstanceVpcEndpointRequest(instance_id=instance, module_name="Registry")).body

        def get_vpc_endpoint():
            body = vpc_endpoint()
            expect(body.enable is True and body.domains and all(isinstance(d, str) and ("-vpc." in d or "-intranet." in d) for d in body.domains),
                   f"domains {body.domains}")
            issues = {vpc.vpc_id: (vpc.status, vpc.issue) for vpc in body.linked_vpcs}
            expect(issues.get("vpc-emulator0001") == ("RUNNING", "")
                   and issues.get("vpc-emulator0002") == ("RUNNING", f"PRIVATE_ZONE_CONFLICT_AT_{self.args.region}-a"), f"seeded {issues}")
            state["vpcs"] = len(body.linked_vpcs)
        self.step("GetInstanceVpcEndpoint", get_vpc_endpoint)

        vpc, vswitch = f"vpc-sdk{self.suffix}", f"vsw-sdk{self.suffix}"

        def link_vpc():
            c.create_instance_vpc_endpoint_linked_vpc(cr.CreateInstanceVpcEndpointLinkedVpcRequest(
                instance_id=instance, vpc_id=vpc, vswitch_id=vswitch, module_name="Registry", enable_create_dnsrecord_in_pvzt=True))
            mine = lambda body: [v for v in body.linked_vpcs if v.vpc_id == vpc]  # noqa: E731
            seen = self.wait_until(vpc_endpoint, lambda body: mine(body) and mine(body)[0].status == "RUNNING")
            expect(mine(seen[0])[0].status == "CREATING" and mine(seen[-1])[0].vswitch_id == vswitch
                   and re.match(r"^172\.\d+\.\d+\.\d+$", mine(seen[-1])[0].ip or ""), f"linked {mine(seen[-1])[0].to_map()}")
            code, _ = error_code(lambda: c.create_instance_vpc_endpoint_linked_vpc(cr.CreateInstanceVpcEndpointLinkedVpcRequest(
                instance_id=instance, vpc_id=vpc, vswitch_id=vswitch)))
            expect(code == "LINKED_VPC_ALREADY_EXIST", f"linking twice gave {code}")
            code, _ = error_code(lambda: c.create_instance_vpc_endpoint_linked_vpc(cr.CreateInstanceVpcEndpointLinkedVpcRequest(
                instance_id=instance, vpc_id="net-1", vswitch_id=vswitch)))
            expect(code == "InvalidParameter.VpcId", f"a bad VpcId gave {code}")
        if "vpcs" in state:
            self.step("CreateInstanceVpcEndpointLinkedVpc", link_vpc)

        def unlink_vpc():
            c.delete_instance_vpc_endpoint_linked_vpc(cr.DeleteInstanceVpcEndpointLinkedVpcRequest(
                instance_id=instance, vpc_id=vpc, vswitch_id=vswitch, module_name="Registry"))
            expect(len(vpc_endpoint().linked_vpcs) == state["vpcs"], "the VPC is still linked")
            code, _ = error_code(lambda: c.delete_instance_vpc_endpoint_linked_vpc(cr.DeleteInstanceVpcEndpointLinkedVpcRequest(
                instance_id=instance, vpc_id=vpc, vswitch_id=vswitch)))
            expect(code == "LINKED_VPC_NOT_EXIST", f"unlinking twice gave {code}")
        if "CreateInstanceVpcEndpointLinkedVpc" in self.checked:
            self.step("DeleteInstanceVpcEndpointLinkedVpc", unlink_vpc)

        def reset_password():
            good = f"Sdk-{self.suffix}-9x"
            body = c.reset_login_password(cr.ResetLoginPasswordRequest(instance_id=instance, password=good)).body
            expect(body.is_success is True and good not in json.dumps(body.to_map()), "the password came back")
            for bad in ("Ab1!", "abcdefghijkl", "123456789012", "x" * 30 + "1" * 3):
                code, error = error_code(lambda: c.reset_login_password(cr.ResetLoginPasswordRequest(instance_id=instance, password=bad)))
                expect(code == "InvalidParameter.Password" and bad not in str(error), f"{len(bad)} characters gave {code}")
        self.step("ResetLoginPassword", reset_password)

        # -- capacity
        def usage():
            body = c.get_instance_usage(cr.GetInstanceUsageRequest(instance_id=instance)).body
            fields = {key: value for key, value in body.to_map().items()
                      if key.endswith("Quota") or key.endswith("Usage")}
            expect(len(fields) == 10 and all(isinstance(v, str) and v.isdigit() for v in fields.values()), f"usage {fields}")
            namespaces = c.list_namespace(cr.ListNamespaceRequest(instance_id=instance)).body.total_count
            repositories = c.list_repository(cr.ListRepositoryRequest(instance_id=instance)).body.total_count
            expect(body.namespace_usage == namespaces and body.repo_usage == repositories
                   and body.vpc_usage == str(state.get("vpcs")) and body.namespace_quota == "15" and body.repo_quota == "300",
                   f"usage {fields} vs {namespaces} namespaces, {repositories} repositories")
        self.step("GetInstanceUsage", usage)

        def count():
            body = c.get_instance_count().body
            listed = c.list_instance(cr.ListInstanceRequest()).body.instances
            expect(isinstance(body.count, int) and body.count == len(listed) == 2, f"Count {body.count!r}")
        self.step("GetInstanceCount", count)
        self.control({"syncTiming": {}})

if __name__ == "__main__":
    main(Checker, __doc__)
