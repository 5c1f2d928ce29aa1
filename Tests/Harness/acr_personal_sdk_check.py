#!/usr/bin/env python3
"""Runs Alibaba's official Python SDK for ACR Personal Edition (alibabacloud-cr20160607) against
acr_emulator.py's Personal Edition API (acr_personal.py).

  .venv-acr/bin/python acr_personal_sdk_check.py --endpoint 127.0.0.1:PORT --access-key-id ID --access-key-secret SECRET
      [--region cn-hangzhou] [--readonly-key ID:SECRET] [--sts-key ID:SECRET:TOKEN] [--no-faults] [--verbose]

Needs the SDK (`.venv-acr/bin/pip install alibabacloud-cr20160607==1.0.1`). The SDK 1.0.1 builds every
request but decodes no response body (its response models hold only headers) and its PUT/POST
methods take no body. So every action is called twice:
  - through the typed client method (its path, method and x-acs-action), with the legacy signature
    (Config.signature_algorithm = 'v2', as regconsole signs) and, for the reads, also with the SDK's
    default V3 signature; the body the SDK cannot send is added to the request by a Client subclass
    (call_api), which also records the HTTP status (200 is required);
  - through `client.call_api(Params(style='ROA', body_type='json', …))`, which returns the body, to
    check the documented `data` fields with real values: the seeded namespace `ns` and repositories
    `ns/app`, `ns/web` (and no three-segment `mirror/library/alpine`), every tag digest of ns/app equal
    to the sha256 of the manifest the registry serves (read from repoDomainList.public with the
    GetAuthorizationToken credentials), created namespaces, repositories, rules and webhooks read back,
    a scan followed to COMPLETE with counts summing to totalCount, a build followed to SUCCESS with
    short timings set through /__control__ buildTiming, a build canceled, the seeded rule and two
    finished builds of the first repository.
Checked actions: GetNamespaceList GetNamespace CreateNamespace UpdateNamespace DeleteNamespace
GetRepoList GetRepoListByNamespace GetRepo CreateRepo UpdateRepo DeleteRepo GetRepoTags GetRepoTag
DeleteImage StartImageScan GetRepoTagScanStatus GetRepoTagScanSummary GetRepoTagScanList
GetRepoBuildRuleList CreateRepoBuildRule UpdateRepoBuildRule DeleteRepoBuildRule StartRepoBuildByRule
GetRepoBuildList GetRepoBuildStatus CancelRepoBuild GetRepoWebhook CreateRepoWebhook UpdateRepoWebhook
DeleteRepoWebhook GetAuthorizationToken; extra checks: WrongSecret (SignatureDoesNotMatch and
InvalidAccessKeyId.NotFound with both schemes), ReadOnlyKey (reads pass, a write answers 403
NoPrivilege with both schemes), StsKey (a Config with security_token works with both), Faults
(an injected Throttling.User reaches the SDK as ThrottlingException.retry_after with both schemes,
an injected NoPrivilege as 403),
HttpMethods (the emulator's request log shows each action's method) and ResetModel (/__control__
resetModel restores the seeded model).

Prints ONE JSON line {"checked": [names…], "failures": [text…]} and exits 1 if anything failed (2 if the
SDK is not importable).
"""

import base64
import hashlib
import json
import re
import sys
import time
import urllib.parse
import urllib.request
import uuid

from sdk_check_support import CheckerBase, Failure, expect, main

try:
    from alibabacloud_cr20160607 import models as cr
    from alibabacloud_cr20160607.client import Client
    from alibabacloud_tea_openapi.models import Config, OpenApiRequest, Params
    from alibabacloud_tea_util.models import RuntimeOptions
except ImportError as error:  # pragma: no cover - depends on the environment
    print(json.dumps({"checked": [], "failures": [f"the SDK is not importable: {error}; "
                                                   "pip install alibabacloud-cr20160607==1.0.1"]}), flush=True)
    sys.exit(2)

HEX64 = re.compile(r"^[0-9a-f]{64}$")
VERSION = "2016-06-07"
MANIFEST_ACCEPT = ("application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, "
                   "application/vnd.docker.distribution.manifest.list.v2+json, "
                   "application/vnd.docker.distribution.manifest.v2+json")
METHODS = {"GetNamespaceList": "GET", "GetNamespace": "GET", "CreateNamespace": "PUT", "UpdateNamespace": "POST",
           "DeleteNamespace": "DELETE", "GetRepoList": "GET", "GetRepoListByNamespace": "GET", "GetRepo": "GET",
           "CreateRepo": "PUT", "UpdateRepo": "POST", "DeleteRepo": "DELETE", "GetRepoTags": "GET", "GetRepoTag": "GET",
           "DeleteImage": "DELETE", "StartImageScan": "PUT", "GetRepoTagScanStatus": "GET", "GetRepoTagScanSummary": "GET",
           "GetRepoTagScanList": "GET", "GetRepoBuildRuleList": "GET", "CreateRepoBuildRule": "PUT",
           "UpdateRepoBuildRule": "POST", "DeleteRepoBuildRule": "DELETE", "StartRepoBuildByRule": "PUT",
           "GetRepoBuildList": "GET", "GetRepoBuildStatus": "GET", "CancelRepoBuild": "POST", "GetRepoWebhook": "GET",
           "CreateRepoWebhook": "PUT", "UpdateRepoWebhook": "POST", "DeleteRepoWebhook": "DELETE",
           "GetAuthorizationToken": "GET"}


def error_of(call):
    """Runs `call`, which must fail; returns (code, HTTP status, exception)."""
    try:
        call()
    except Exception as error:  # the SDK raises ClientException / ThrottlingException / …
        return getattr(error, "code", None), getattr(error, "status_code", None) or getattr(error, "statusCode", None), error
    raise Failure("the call succeeded but should have failed")


def enc(segment):
    return urllib.parse.quote(str(segment), safe="")


class RecordingClient(Client):
    """The typed client, with the body its PUT/POST methods cannot send added (`body`), and the
    action and HTTP status of the last call recorded."""

    body = None
    last = None

    def call_api(self, params, request, runtime):
        if self.body is not None:
            request.body = self.body
        result = super().call_api(params, request, runtime)
        self.last = (params.action, params.method, result.get("statusCode"))
        return result


class Checker(CheckerBase):
    def __init__(self, args):
        super().__init__(args)
        self.legacy = self.make_client(args.access_key_id, args.access_key_secret, legacy=True)
        self.v3 = self.make_client(args.access_key_id, args.access_key_secret, legacy=False)
        self.suffix = uuid.uuid4().hex[:6]

    def make_client(self, key_id, secret, legacy, token=None):
        config = Config(access_key_id=key_id, access_key_secret=secret, endpoint=self.args.endpoint,
                        protocol="http", region_id=self.args.region)
        if legacy:
            config.signature_algorithm = "v2"
        if token:
            config.security_token = token
        return RecordingClient(config)


    # -- calling ---------------------------------------------------------------------------

    def typed(self, action, call, body=None, clients=None):
        """Calls a typed SDK method (`call(client)`) on each client; each must answer HTTP 200."""
        for client in clients or (self.legacy,):
            client.body = body
            try:
                response = call(client)
            finally:
                client.body = None
            expect(client.last and client.last[0] == action and client.last[2] == 200, f"typed call gave {client.last}")
            expect(response.headers.get("x-acs-request-id"), "no x-acs-request-id header")

    def raw(self, action, path, query=None, body=None, client=None):
        """The response body's `data` of one call_api call (the body is decoded)."""
        client = client or self.legacy
        params = Params(action=action, version=VERSION, protocol="HTTPS", pathname=path, method=METHODS[action],
                        auth_type="AK", style="ROA", req_body_type="json", body_type="json")
        request = OpenApiRequest(query={key: str(value) for key, value in (query or {}).items()}, body=body)
        result = client.call_api(params, request, RuntimeOptions())
        expect(result.get("statusCode") == 200, f"{action} status {result.get('statusCode')}")
        document = result.get("body")
        expect(isinstance(document, dict) and isinstance(document.get("data"), dict) and document.get("requestId"),
               f"{action} envelope {document!r}")
        return document["data"]

    def fails(self, action, path, code, query=None, body=None, client=None, status=None):
        got, got_status, error = error_of(lambda: self.raw(action, path, query, body, client))
        expect(got == code, f"{action} {path} gave {got} ({error}), expected {code}")
        if status is not None:
            expect(got_status == status, f"{action} {path} status {got_status}, expected {status}")
        return error


    def wait_until(self, read, done, seconds=30):
        """Every value `read()` returns until `done(value)` holds (Failure after `seconds`)."""
        seen = []
        deadline = time.time() + seconds
        while True:
            seen.append(read())
            if done(seen[-1]):
                return seen
            expect(time.time() < deadline, f"still {seen[-1]!r} after {seconds} s")
            time.sleep(0.05)

    # -- the run ---------------------------------------------------------------------------

    def run(self):
        state = {}
        self.run_auth()
        self.run_namespaces(state)
        if "ns" in state.get("namespaces", ()):
            self.run_repositories(state)
        if "first" in state:
            self.run_builds(state)
            self.run_webhooks(state)
        if "app_tags" in state:
            self.run_scans(state)
        self.run_deletes(state)
        if not self.args.no_faults:
            self.step("Faults", self.faults)
        self.step("HttpMethods", self.http_methods)

        def reset():
            self.control({"resetModel": True, "buildTiming": {}})
            names = [n["namespace"] for n in self.raw("GetNamespaceList", "/namespace")["namespaces"]]
            expect(names == state.get("namespaces"), f"after resetModel {names} != {state.get('namespaces')}")
            expect(len(self.raw("GetRepoTags", "/repos/ns/app/tags", {"PageSize": 100})["tags"]) == len(state.get("app_tags", [])),
                   "ns/app's tags did not come back")
        self.step("ResetModel", reset)

    def run_auth(self):
        def wrong_secret():
            for legacy in (True, False):
                bad = self.make_client(self.args.access_key_id, self.args.access_key_secret + "-wrong", legacy)
                code, status, error = error_of(lambda: bad.get_namespace_list(cr.GetNamespaceListRequest()))
                expect(code == "SignatureDoesNotMatch" and status == 400, f"wrong secret ({'v2' if legacy else 'V3'}) gave {code} {status}: {error}")
                unknown = self.make_client("NoSuchKey", "x", legacy)
                code, status, _ = error_of(lambda: unknown.get_repo_list(cr.GetRepoListRequest()))
                expect(code == "InvalidAccessKeyId.NotFound" and status == 404, f"unknown key gave {code} {status}")
        self.step("WrongSecret", wrong_secret)

        def read_only():
            key_id, _, secret = (self.args.readonly_key or "").partition(":")
            expect(key_id and secret, "no --readonly-key")
            for legacy in (True, False):
                client = self.make_client(key_id, secret, legacy)
                self.typed("GetNamespaceList", lambda c: c.get_namespace_list(cr.GetNamespaceListRequest()), clients=(client,))
                client.body = {"Namespace": {"Namespace": f"ro{self.suffix}"}}
                code, status, error = error_of(lambda: client.create_namespace())
                client.body = None
                expect(code == "NoPrivilege" and status == 403, f"a read-only write gave {code} {status}: {error}")
        if self.args.readonly_key:
            self.step("ReadOnlyKey", read_only)

        def sts():
            key_id, secret, token = (self.args.sts_key or "").split(":", 2)
            for legacy in (True, False):
                client = self.make_client(key_id, secret, legacy, token)
                self.typed("GetRepoList", lambda c: c.get_repo_list(cr.GetRepoListRequest()), clients=(client,))
                missing = self.make_client(key_id, secret, legacy)
                code, _, _ = error_of(lambda: missing.get_repo_list(cr.GetRepoListRequest()))
                expect(code == "InvalidSecurityToken.Mismatch", f"STS key without its token gave {code}")
        if self.args.sts_key:
            self.step("StsKey", sts)

    def run_namespaces(self, state):
        both = (self.legacy, self.v3)
        mine = f"sdk{self.suffix}"
        state["mine"] = mine

        def namespace_list():
            self.typed("GetNamespaceList", lambda c: c.get_namespace_list(cr.GetNamespaceListRequest(authorize="ADMIN", status="NORMAL")), clients=both)
            namespaces = self.raw("GetNamespaceList", "/namespace")["namespaces"]
            for namespace in namespaces:
                expect(set(namespace) == {"namespace", "authorizeType", "namespaceStatus"}, f"fields {sorted(namespace)}")
                expect(namespace["authorizeType"] == "ADMIN" and namespace["namespaceStatus"] == "NORMAL", f"{namespace}")
            names = [namespace["namespace"] for namespace in namespaces]
            expect("ns" in names and "bulk" in names and "mirror" not in names and names == sorted(names), f"namespaces {names}")
            state["namespaces"] = names
            v3 = [n["namespace"] for n in self.raw("GetNamespaceList", "/namespace", client=self.v3)["namespaces"]]
            expect(v3 == names, f"V3 listed {v3}")
        self.step("GetNamespaceList", namespace_list)

        def get_namespace():
            self.typed("GetNamespace", lambda c: c.get_namespace("ns"), clients=both)
            data = self.raw("GetNamespace", "/namespace/ns")["namespace"]
            expect(data == {"namespace": "ns", "authorizeType": "ADMIN", "defaultVisibility": "PRIVATE", "autoCreate": True,
                            "namespaceStatus": "NORMAL"}, f"namespace {data}")
            self.fails("GetNamespace", "/namespace/nosuchns", "NAMESPACE_NOT_EXIST", status=404)
        self.step("GetNamespace", get_namespace)

        def create_namespace():
            self.typed("CreateNamespace", lambda c: c.create_namespace(), {"Namespace": {"Namespace": mine}})
            expect(self.raw("GetNamespace", f"/namespace/{mine}")["namespace"]["namespace"] == mine, "not readable")
            expect(mine in [n["namespace"] for n in self.raw("GetNamespaceList", "/namespace")["namespaces"]], "not listed")
            self.fails("CreateNamespace", "/namespace", "NAMESPACE_ALREADY_EXIST", body={"Namespace": {"Namespace": mine}}, status=400)
            error = self.fails("CreateNamespace", "/namespace", "InvalidParameter.Namespace", body={"Namespace": {"Namespace": "_Bad"}})
            expect("2 to 30" in str(error), f"the message does not say what is allowed: {error}")
        self.step("CreateNamespace", create_namespace)

        def update_namespace():
            self.typed("UpdateNamespace", lambda c: c.update_namespace(mine),
                       {"Namespace": {"AutoCreate": False, "DefaultVisibility": "PUBLIC"}})
            data = self.raw("GetNamespace", f"/namespace/{mine}")["namespace"]
            expect(data["autoCreate"] is False and data["defaultVisibility"] == "PUBLIC", f"after update {data}")
            self.fails("UpdateNamespace", f"/namespace/{mine}", "InvalidParameter.DefaultVisibility",
                       body={"Namespace": {"DefaultVisibility": "SECRET"}})
        if "CreateNamespace" in self.checked:
            self.step("UpdateNamespace", update_namespace)

    def run_repositories(self, state):
        both = (self.legacy, self.v3)
        mine = state["mine"]

        def token():
            self.typed("GetAuthorizationToken", lambda c: c.get_authorization_token(), clients=both)
            data = self.raw("GetAuthorizationToken", "/tokens")
            expect(data["tempUserName"] and data["authorizationToken"], f"token {data}")
            expect(isinstance(data["expireDate"], int) and data["expireDate"] > time.time() * 1000 + 3000 * 1000, f"expireDate {data['expireDate']}")
            state["token"] = data
        self.step("GetAuthorizationToken", token)

        def repo_list():
            self.typed("GetRepoList", lambda c: c.get_repo_list(cr.GetRepoListRequest(page=1, page_size=100)), clients=both)
            data = self.raw("GetRepoList", "/repos", {"Page": 1, "PageSize": 100})
            names = [f"{r['repoNamespace']}/{r['repoName']}" for r in data["repos"]]
            expect(data["page"] == 1 and data["pageSize"] == 100 and data["total"] == len(names), f"paging {data['total']} {len(names)}")
            expect("ns/app" in names and "ns/web" in names and "mirror/library/alpine" not in names and names == sorted(names), f"repos {names}")
            app = data["repos"][names.index("ns/app")]
            expect(set(app) == {"repoNamespace", "repoName", "repoType", "summary", "regionId", "repoDomainList", "repoId",
                                "repoStatus", "gmtModified"}, f"fields {sorted(app)}")
            region = self.args.region
            domains = app["repoDomainList"]
            expect(domains["internal"] == f"registry-internal.{region}.aliyuncs.com" and domains["vpc"] == f"registry-vpc.{region}.aliyuncs.com"
                   and re.match(r"^127\.0\.0\.1:\d+$", domains["public"]), f"repoDomainList {domains}")
            expect(app["repoType"] == "PRIVATE" and app["regionId"] == region and app["repoStatus"] == "NORMAL"
                   and isinstance(app["repoId"], int) and isinstance(app["gmtModified"], int), f"ns/app {app}")
            state["public"] = domains["public"]
            state["first"] = data["repos"][0]
            state["repos"] = names
            one = self.raw("GetRepoList", "/repos", {"Page": 2, "PageSize": 1}, client=self.v3)
            expect(one["total"] == len(names) and [f"{r['repoNamespace']}/{r['repoName']}" for r in one["repos"]] == names[1:2],
                   f"page 2 of 1: {one}")
            self.fails("GetRepoList", "/repos", "InvalidParameter.PageSize", {"PageSize": 101}, status=400)
        self.step("GetRepoList", repo_list)

        def by_namespace():
            self.typed("GetRepoListByNamespace", lambda c: c.get_repo_list_by_namespace("ns", cr.GetRepoListByNamespaceRequest(page=1, page_size=30)),
                       clients=both)
            data = self.raw("GetRepoListByNamespace", "/repos/ns")
            names = [r["repoName"] for r in data["repos"]]
            expect({r["repoNamespace"] for r in data["repos"]} == {"ns"} and "app" in names and "web" in names
                   and data["total"] == len([n for n in state.get("repos", []) if n.startswith("ns/")]), f"ns repos {names}")
            self.fails("GetRepoListByNamespace", "/repos/nosuchns", "NAMESPACE_NOT_EXIST")
        self.step("GetRepoListByNamespace", by_namespace)

        def get_repo():
            self.typed("GetRepo", lambda c: c.get_repo("ns", "app"), clients=both)
            repo = self.raw("GetRepo", "/repos/ns/app")["repo"]
            expect(repo["repoNamespace"] == "ns" and repo["repoName"] == "app" and "detail" in repo and repo["summary"], f"repo {repo}")
            self.fails("GetRepo", "/repos/ns/nosuchrepo", "REPO_NOT_EXIST", status=404)
        self.step("GetRepo", get_repo)

        def create_repo():
            body = {"Repo": {"RepoNamespace": mine, "RepoName": "app-1", "Summary": "SDK 检查", "Detail": "# made by the SDK",
                             "RepoType": "PUBLIC"}}
            self.typed("CreateRepo", lambda c: c.create_repo(), body)
            repo = self.raw("GetRepo", f"/repos/{mine}/app-1")["repo"]
            expect((repo["summary"], repo["detail"], repo["repoType"]) == ("SDK 检查", "# made by the SDK", "PUBLIC"), f"created {repo}")
            self.fails("CreateRepo", "/repos", "REPO_ALREADY_EXIST", body=body)
            self.fails("CreateRepo", "/repos", "InvalidParameter.RepoType", body={"Repo": dict(body["Repo"], RepoName="x", RepoType="OPEN")})
            self.fails("CreateRepo", "/repos", "InvalidParameter.RepoName", body={"Repo": dict(body["Repo"], RepoName="a.b")})
            self.fails("CreateRepo", "/repos", "NAMESPACE_NOT_EXIST", body={"Repo": dict(body["Repo"], RepoNamespace="nosuchns")})
            state["created"] = (mine, "app-1")
        if "CreateNamespace" in self.checked:
            self.step("CreateRepo", create_repo)

        def update_repo():
            self.typed("UpdateRepo", lambda c: c.update_repo(mine, "app-1"),
                       {"Repo": {"Summary": "updated", "Detail": "new detail", "RepoType": "PRIVATE"}})
            repo = self.raw("GetRepo", f"/repos/{mine}/app-1")["repo"]
            expect((repo["summary"], repo["detail"], repo["repoType"]) == ("updated", "new detail", "PRIVATE"), f"updated {repo}")
        if "created" in state:
            self.step("UpdateRepo", update_repo)

        def repo_tags():
            self.typed("GetRepoTags", lambda c: c.get_repo_tags("ns", "app", cr.GetRepoTagsRequest(page=1, page_size=100)), clients=both)
            data = self.raw("GetRepoTags", "/repos/ns/app/tags", {"Page": 1, "PageSize": 100})
            tags = data["tags"]
            expect(tags and data["total"] == len(tags), f"{len(tags)} tags, total {data['total']}")
            for tag in tags:
                expect(set(tag) == {"tag", "imageId", "digest", "imageSize", "imageCreate", "imageUpdate", "status"}, f"fields {sorted(tag)}")
                expect(HEX64.match(tag["digest"]) and HEX64.match(tag["imageId"]) and isinstance(tag["imageSize"], int)
                       and tag["imageSize"] > 0 and isinstance(tag["imageUpdate"], int), f"tag {tag}")
            order = [(-tag["imageUpdate"], tag["tag"]) for tag in tags]
            expect(order == sorted(order), "not newest first")
            for tag in tags:
                expect(tag["digest"] == self.registry_digest(state, "ns/app", tag["tag"]), f"{tag['tag']}: digest differs from the registry's")
            state["app_tags"] = tags
            page = self.raw("GetRepoTags", "/repos/ns/app/tags", {"Page": 2, "PageSize": 2}, client=self.v3)
            expect([t["tag"] for t in page["tags"]] == [t["tag"] for t in tags[2:4]] and page["total"] == len(tags), "page 2 of 2")
        if "token" in state:
            self.step("GetRepoTags", repo_tags)

        def repo_tag():
            first = state["app_tags"][0]
            self.typed("GetRepoTag", lambda c: c.get_repo_tag("ns", "app", first["tag"]), clients=both)
            expect(self.raw("GetRepoTag", f"/repos/ns/app/tags/{enc(first['tag'])}") == first, "GetRepoTag differs from the list")
            self.fails("GetRepoTag", "/repos/ns/app/tags/nosuchtag", "TAG_NOT_EXIST", status=404)
        if "app_tags" in state:
            self.step("GetRepoTag", repo_tag)

    def registry_digest(self, state, repository, tag):
        """The sha256 (bare hex) of the manifest the registry serves, read with the API's token."""
        token = state["token"]
        credentials = base64.b64encode(f"{token['tempUserName']}:{token['authorizationToken']}".encode()).decode()
        request = urllib.request.Request(f"http://{state['public']}/v2/{repository}/manifests/{tag}",
                                         headers={"Accept": MANIFEST_ACCEPT, "Authorization": f"Basic {credentials}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return hashlib.sha256(response.read()).hexdigest()

    def run_scans(self, state):
        both = (self.legacy, self.v3)
        tags = state["app_tags"]
        tag = tags[0]["tag"]
        base = f"/repos/ns/app/tags/{enc(tag)}"

        def status():
            return self.raw("GetRepoTagScanStatus", f"{base}/scanStatus")["status"]

        def scan_status_before():
            self.typed("GetRepoTagScanStatus", lambda c: c.get_repo_tag_scan_status("ns", "app", tags[-1]["tag"]), clients=both)
            expect(self.raw("GetRepoTagScanStatus", f"/repos/ns/app/tags/{enc(tags[-1]['tag'])}/scanStatus") == {"status": "NO_DATA"},
                   "an unscanned tag is not NO_DATA")
        self.step("GetRepoTagScanStatus", scan_status_before)

        def start():
            self.typed("StartImageScan", lambda c: c.start_image_scan("ns", "app", tag))
            seen = self.wait_until(status, lambda value: value == "COMPLETE")
            expect(seen == ["SCANNING", "SCANNING", "COMPLETE"], f"statuses {seen}")
            self.fails("StartImageScan", "/repos/ns/app/tags/nosuchtag/scan", "TAG_NOT_EXIST")
        self.step("StartImageScan", start)
        if "StartImageScan" not in self.checked:
            return

        def summary():
            self.typed("GetRepoTagScanSummary", lambda c: c.get_repo_tag_scan_summary("ns", "app", tag), clients=both)
            data = self.raw("GetRepoTagScanSummary", f"{base}/scanCount")
            expect(set(data) == {"totalCount", "highCount", "mediumCount", "lowCount", "unknownCount"}, f"fields {sorted(data)}")
            expect(data["totalCount"] > 0 and data["totalCount"] == data["highCount"] + data["mediumCount"] + data["lowCount"]
                   + data["unknownCount"], f"counts {data}")
            state["counts"] = data
        self.step("GetRepoTagScanSummary", summary)

        def scan_list():
            self.typed("GetRepoTagScanList", lambda c: c.get_repo_tag_scan_list("ns", "app", tag, cr.GetRepoTagScanListRequest(page=1, page_size=100)),
                       clients=both)
            data = self.raw("GetRepoTagScanList", f"{base}/scanResult", {"Page": 1, "PageSize": 100})
            items = data["vulnerabilities"]
            expect(data["total"] == len(items) == state["counts"]["totalCount"], f"total {data['total']} of {len(items)}")
            for item in items:
                expect(set(item) == {"cveName", "severity", "cveLink", "feature", "version", "versionFixed", "addedBy", "description"},
                       f"fields {sorted(item)}")
                expect(item["severity"] in ("high", "medium", "low", "unknown") and item["cveName"].startswith("CVE-"), f"item {item}")
            high = self.raw("GetRepoTagScanList", f"{base}/scanResult", {"Severity": "HIGH"}, client=self.v3)
            expect(high["total"] == state["counts"]["highCount"] and all(i["severity"] == "high" for i in high["vulnerabilities"]),
                   f"Severity HIGH gave {high['total']}")
            self.fails("GetRepoTagScanList", f"{base}/scanResult", "InvalidParameter.Severity", {"Severity": "CRITICAL"})
        if "counts" in state:
            self.step("GetRepoTagScanList", scan_list)

    def run_builds(self, state):
        both = (self.legacy, self.v3)
        first = state["first"]
        seeded = f"/repos/{enc(first['repoNamespace'])}/{enc(first['repoName'])}"
        mine, repo = state.get("created", (None, None))
        path = f"/repos/{mine}/{repo}"

        def rule_list():
            self.typed("GetRepoBuildRuleList", lambda c: c.get_repo_build_rule_list(first["repoNamespace"], first["repoName"]), clients=both)
            rules = self.raw("GetRepoBuildRuleList", f"{seeded}/rules")["buildRules"]
            expect(len(rules) == 1 and isinstance(rules[0]["buildRuleId"], int), f"seeded rules {rules}")
            rule = {key: value for key, value in rules[0].items() if key != "buildRuleId"}
            expect(rule == {"pushType": "GIT_BRANCH", "pushName": "master", "dockerfileLocation": "/", "dockerfileName": "Dockerfile",
                            "imageTag": "latest"}, f"seeded rule {rule}")
        self.step("GetRepoBuildRuleList", rule_list)

        def build_list():
            self.typed("GetRepoBuildList", lambda c: c.get_repo_build_list(first["repoNamespace"], first["repoName"],
                                                                           cr.GetRepoBuildListRequest(page=1, page_size=30)), clients=both)
            data = self.raw("GetRepoBuildList", f"{seeded}/build")
            builds = data["builds"]
            expect([b["buildStatus"] for b in builds] == ["FAILED", "SUCCESS"] and data["total"] == 2, f"seeded builds {builds}")
            for build in builds:
                expect(set(build) == {"buildId", "buildStatus", "startTime", "endTime", "image"}, f"fields {sorted(build)}")
                expect(build["endTime"] > build["startTime"] and build["image"] == {"repoNamespace": first["repoNamespace"],
                       "repoName": first["repoName"], "tag": "latest"}, f"build {build}")
        self.step("GetRepoBuildList", build_list)
        if mine is None:
            return

        def create_rule():
            body = {"BuildRule": {"PushType": "GIT_TAG", "PushName": "v1.0", "DockerfileLocation": "/build",
                                  "DockerfileName": "Containerfile", "Tag": "release"}}
            self.typed("CreateRepoBuildRule", lambda c: c.create_repo_build_rule(mine, repo), body)
            self.fails("CreateRepoBuildRule", f"{path}/rules", "InvalidParameter.PushType", body={"BuildRule": dict(body["BuildRule"], PushType="GIT")})
            created = self.raw("CreateRepoBuildRule", f"{path}/rules", body=body, client=self.v3)
            rule_id = created["buildRuleId"]
            expect(isinstance(rule_id, int), f"buildRuleId {created}")
            rules = self.raw("GetRepoBuildRuleList", f"{path}/rules")["buildRules"]
            expect(len(rules) == 2 and rules[-1] == {"buildRuleId": rule_id, "pushType": "GIT_TAG", "pushName": "v1.0",
                                                     "dockerfileLocation": "/build", "dockerfileName": "Containerfile",
                                                     "imageTag": "release"}, f"rules {rules}")
            state["rule"] = rule_id
        self.step("CreateRepoBuildRule", create_rule)
        if "rule" not in state:
            return
        rule_id = state["rule"]

        def update_rule():
            self.typed("UpdateRepoBuildRule", lambda c: c.update_repo_build_rule(mine, repo, str(rule_id)),
                       {"BuildRule": {"PushType": "GIT_BRANCH", "PushName": "main", "DockerfileLocation": "/",
                                      "DockerfileName": "Dockerfile", "Tag": "main-build"}})
            rule = [r for r in self.raw("GetRepoBuildRuleList", f"{path}/rules")["buildRules"] if r["buildRuleId"] == rule_id]
            expect(rule and (rule[0]["pushType"], rule[0]["pushName"], rule[0]["imageTag"]) == ("GIT_BRANCH", "main", "main-build"),
                   f"updated {rule}")
            self.fails("UpdateRepoBuildRule", f"{path}/rules/1", "BUILD_RULE_NOT_EXIST", body={"BuildRule": {}}, status=404)
        self.step("UpdateRepoBuildRule", update_rule)

        def status_of(build_id):
            return self.raw("GetRepoBuildStatus", f"{path}/build/{build_id}/status")["buildStatus"]

        def start_build():
            self.control({"buildTiming": {"pendingMs": 100, "lineIntervalMs": 20, "lines": 6}})
            self.typed("StartRepoBuildByRule", lambda c: c.start_repo_build_by_rule(mine, repo, str(rule_id)))
            build_id = self.raw("StartRepoBuildByRule", f"{path}/rules/{rule_id}/build")["buildId"]
            expect(isinstance(build_id, str) and build_id, f"buildId {build_id!r}")
            seen = self.wait_until(lambda: status_of(build_id), lambda value: value == "SUCCESS")
            expect(set(seen) <= {"PENDING", "BUILDING", "SUCCESS"} and seen[0] in ("PENDING", "BUILDING"), f"statuses {seen}")
            state["build"] = build_id
        self.step("StartRepoBuildByRule", start_build)

        def build_status():
            self.typed("GetRepoBuildStatus", lambda c: c.get_repo_build_status(mine, repo, state["build"]), clients=both)
            expect(self.raw("GetRepoBuildStatus", f"{path}/build/{state['build']}/status", client=self.v3) == {"buildStatus": "SUCCESS"},
                   "not SUCCESS")
            self.fails("GetRepoBuildStatus", f"{path}/build/nosuchbuild/status", "BUILD_NOT_EXIST", status=404)
            builds = self.raw("GetRepoBuildList", f"{path}/build")["builds"]
            mine_build = [b for b in builds if b["buildId"] == state["build"]]
            expect(mine_build and mine_build[0]["buildStatus"] == "SUCCESS" and mine_build[0]["image"]["tag"] == "main-build"
                   and mine_build[0]["endTime"] >= mine_build[0]["startTime"], f"listed {mine_build}")
        if "build" in state:
            self.step("GetRepoBuildStatus", build_status)

        def cancel():
            self.control({"buildTiming": {"pendingMs": 60000}})
            build_id = self.raw("StartRepoBuildByRule", f"{path}/rules/{rule_id}/build")["buildId"]
            expect(status_of(build_id) == "PENDING", "a new build with a minute's pending time is not PENDING")
            self.typed("CancelRepoBuild", lambda c: c.cancel_repo_build(mine, repo, build_id))
            expect(status_of(build_id) == "CANCELED", "not CANCELED")
            error = self.fails("CancelRepoBuild", f"{path}/build/{build_id}/cancel", "BUILD_ALREADY_FINISHED", status=400)
            expect("finished" in str(error), f"message {error}")
            self.control({"buildTiming": {}})
        self.step("CancelRepoBuild", cancel)

        def delete_rule():
            self.typed("DeleteRepoBuildRule", lambda c: c.delete_repo_build_rule(mine, repo, str(rule_id)))
            rules = self.raw("GetRepoBuildRuleList", f"{path}/rules")["buildRules"]
            expect(rule_id not in [r["buildRuleId"] for r in rules] and len(rules) == 1, f"rules {rules}")
            self.fails("DeleteRepoBuildRule", f"{path}/rules/{rule_id}", "BUILD_RULE_NOT_EXIST")
        self.step("DeleteRepoBuildRule", delete_rule)

    def run_webhooks(self, state):
        both = (self.legacy, self.v3)
        if "created" not in state:
            return
        mine, repo = state["created"]
        path = f"/repos/{mine}/{repo}/webhooks"

        def listed():
            return self.raw("GetRepoWebhook", path)["webhooks"]

        def get_webhooks():
            self.typed("GetRepoWebhook", lambda c: c.get_repo_webhook(mine, repo), clients=both)
            expect(listed() == [], "a new repository has webhooks")
        self.step("GetRepoWebhook", get_webhooks)

        def create():
            body = {"Webhook": {"WebhookName": "notify", "WebhookUrl": "https://hooks.example.com/acr", "TriggerType": "TAG_LIST",
                                "TriggerList": ["v1", "latest"]}}
            self.typed("CreateRepoWebhook", lambda c: c.create_repo_webhook(mine, repo), body)
            created = self.raw("CreateRepoWebhook", path, body={"Webhook": dict(body["Webhook"], WebhookName="second", TriggerType="ALL",
                                                                             TriggerList=None)})
            expect(isinstance(created.get("webhookId"), int), f"webhookId {created}")
            hooks = listed()
            expect(len(hooks) == 2 and hooks[-1] == {"webhookId": created["webhookId"], "webhookName": "second",
                                                     "webhookUrl": "https://hooks.example.com/acr", "triggerType": "ALL",
                                                     "triggerList": []}, f"webhooks {hooks}")
            expect(hooks[0]["triggerList"] == ["v1", "latest"] and hooks[0]["triggerType"] == "TAG_LIST", f"first {hooks[0]}")
            state["webhooks"] = [hook["webhookId"] for hook in hooks]
            self.fails("CreateRepoWebhook", path, "InvalidParameter.WebhookUrl", body={"Webhook": dict(body["Webhook"], WebhookUrl="ftp://x")})
            self.fails("CreateRepoWebhook", path, "InvalidParameter.TriggerType", body={"Webhook": dict(body["Webhook"], TriggerType="SOME")})
        self.step("CreateRepoWebhook", create)
        if "webhooks" not in state:
            return
        first, second = state["webhooks"]

        def update():
            self.typed("UpdateRepoWebhook", lambda c: c.update_repo_webhook(mine, repo, str(first)),
                       {"Webhook": {"TriggerName": "renamed", "TriggerUrl": "http://hooks.example.com/v2", "TriggerType": "TAG_REG_EXP",
                                    "TriggerList": ["^v.*"]}})
            hook = [h for h in listed() if h["webhookId"] == first]
            expect(hook and (hook[0]["webhookName"], hook[0]["webhookUrl"], hook[0]["triggerType"], hook[0]["triggerList"])
                   == ("renamed", "http://hooks.example.com/v2", "TAG_REG_EXP", ["^v.*"]), f"updated {hook}")
            self.raw("UpdateRepoWebhook", f"{path}/{first}", body={"Webhook": {"WebhookName": "named"}})
            expect([h["webhookName"] for h in listed() if h["webhookId"] == first] == ["named"], "WebhookName not applied")
            self.fails("UpdateRepoWebhook", f"{path}/1", "WEBHOOK_NOT_EXIST", body={"Webhook": {}}, status=404)
        self.step("UpdateRepoWebhook", update)

        def delete():
            self.typed("DeleteRepoWebhook", lambda c: c.delete_repo_webhook(mine, repo, str(first)))
            self.raw("DeleteRepoWebhook", f"{path}/{second}", client=self.v3)
            expect(listed() == [], "webhooks left")
            self.fails("DeleteRepoWebhook", f"{path}/{first}", "WEBHOOK_NOT_EXIST")
        self.step("DeleteRepoWebhook", delete)

    def run_deletes(self, state):
        mine = state["mine"]

        def delete_image():
            tag = state["app_tags"][-1]["tag"]
            self.typed("DeleteImage", lambda c: c.delete_image("ns", "app", tag))
            self.fails("GetRepoTag", f"/repos/ns/app/tags/{enc(tag)}", "TAG_NOT_EXIST")
            left = self.raw("GetRepoTags", "/repos/ns/app/tags", {"PageSize": 100})["tags"]
            expect(len(left) == len(state["app_tags"]) - 1, f"{len(left)} tags left")
            expect(self.registry_digest(state, "ns/app", tag) == state["app_tags"][-1]["digest"], "the registry lost the tag")
        if "app_tags" in state:
            self.step("DeleteImage", delete_image)

        def delete_repo():
            self.raw("CreateRepo", "/repos", body={"Repo": {"RepoNamespace": mine, "RepoName": "gone", "Summary": "x", "RepoType": "PRIVATE"}})
            self.typed("DeleteRepo", lambda c: c.delete_repo(mine, "gone"))
            self.fails("GetRepo", f"/repos/{mine}/gone", "REPO_NOT_EXIST")
            self.fails("DeleteRepo", f"/repos/{mine}/gone", "REPO_NOT_EXIST")
        if "CreateNamespace" in self.checked:
            self.step("DeleteRepo", delete_repo)

        def delete_namespace():
            self.typed("DeleteNamespace", lambda c: c.delete_namespace(mine))
            self.fails("GetNamespace", f"/namespace/{mine}", "NAMESPACE_NOT_EXIST")
            names = [f"{r['repoNamespace']}/{r['repoName']}" for r in self.raw("GetRepoList", "/repos", {"PageSize": 100})["repos"]]
            expect(not [name for name in names if name.startswith(mine + "/")], f"its repositories are still listed: {names}")
            self.fails("DeleteNamespace", f"/namespace/{mine}", "NAMESPACE_NOT_EXIST")
        if "CreateNamespace" in self.checked:
            self.step("DeleteNamespace", delete_namespace)

    def faults(self):
        for client in (self.legacy, self.v3):
            self.control({"throttle": {"action": "GetRepoList", "times": 1, "retryAfterMs": 50}})
            code, status, error = error_of(lambda: client.get_repo_list(cr.GetRepoListRequest()))
            expect(code == "Throttling.User" and status == 400 and getattr(error, "retry_after", None) == 50,
                   f"throttled call gave {code} {status} retry_after {getattr(error, 'retry_after', None)}: {error}")
        self.control({"noPrivilege": {"action": "GetRepoTags", "times": 1}})
        code, status, error = error_of(lambda: self.v3.get_repo_tags("ns", "app", cr.GetRepoTagsRequest()))
        expect(code == "NoPrivilege" and status == 403, f"an injected NoPrivilege gave {code} {status}: {error}")
        self.typed("GetRepoList", lambda c: c.get_repo_list(cr.GetRepoListRequest()))
        self.control({"reset": True})

    def http_methods(self):
        entries = self.control(path="/__control__/requests?edition=personal")
        seen = {}
        for entry in entries:
            if entry["action"] in METHODS and entry["status"] == 200:
                seen.setdefault(entry["action"], set()).add(entry["method"])
        wrong = {action: sorted(methods) for action, methods in seen.items() if methods != {METHODS[action]}}
        expect(not wrong, f"methods {wrong}")
        missing = sorted(action for action in METHODS if action in self.checked and action not in seen)
        expect(not missing, f"no successful request logged for {missing}")


if __name__ == "__main__":
    main(Checker, __doc__)
