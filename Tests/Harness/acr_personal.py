"""ACR Personal Edition (`cr` 2016-06-07, ROA) for acr_emulator.py, served on the emulator's port.

The contract is docs/acr-personal-edition.md; where it marks a shape as a guess, this module serves
that guess. Section numbers (§7.3 …) refer to the project's ACR OpenAPI reference notes.

Routing. acr_emulator.py's Handler hands a request to `serve` when its `x-acs-version` is
`2016-06-07` or its path is not `/`. The path names the action (GET /namespace is GetNamespaceList,
PUT /repos is CreateRepo, …: the table of the contract, 31 actions, in ROUTES); path segments are
percent-decoded. An unknown path or method, an `x-acs-action` header naming another action than the
path's, or an `x-acs-version` other than 2016-06-07 answers 400 InvalidAction.NotFound. Query
parameters: Page (1-based, default 1), PageSize (default 30, 1..100, else 400
InvalidParameter.PageSize), and per action Status, Authorize, Severity. PUT/POST bodies are JSON
objects under one wrapper key ({"Repo":{…}}); a body that is not a JSON object answers 400
InvalidParameter.Body.

Signatures: both schemes are verified against the emulator's keys.
  Legacy (§7.3): `Authorization: acs ID:BASE64` = HMAC-SHA1 over method, Accept, Content-MD5,
  Content-Type, Date (each + `\\n`), the `x-acs-*` headers lower-cased and sorted as `name:value\\n`,
  and the resource: the path as sent (still encoded), then `?` and the decoded query parameters sorted
  by name as `k=v` (bare `k` when empty), joined with `&`, not re-encoded. The body is not signed; a
  Content-MD5 that is not the body's answers SignatureDoesNotMatch.
  V3 (ACS3-HMAC-SHA256, the SDK's default): acr_emulator.authenticate with the path as canonical URI.
Gateway errors, in the order checked: 400 IncompleteSignature (no or malformed Authorization),
404 InvalidAccessKeyId.NotFound, 400 InvalidTimeStamp.Expired (legacy: Date missing, not RFC 1123,
or more than 15 minutes off), 400 SignatureDoesNotMatch, 400 MissingSignatureNonce /
SignatureNonceUsed, 400 InvalidSecurityToken.Mismatch (an --sts-key without its
x-acs-security-token), 400 InvalidAction.NotFound, 400 Throttling.User (injected; header
x-acs-retry-after). Their body is {"Code","Message","RequestId","HostId":"cr.<region>.aliyuncs.com"}.
API errors have the body {"code","message","requestId"}: 403 NoPrivilege (the --readonly-key with
any method but GET, or injected), 400 InvalidParameter.<Field> (the message says what is allowed),
404 NAMESPACE_NOT_EXIST / REPO_NOT_EXIST / TAG_NOT_EXIST / BUILD_RULE_NOT_EXIST / BUILD_NOT_EXIST /
WEBHOOK_NOT_EXIST, 400 NAMESPACE_ALREADY_EXIST / REPO_ALREADY_EXIST / BUILD_ALREADY_FINISHED.
Success: HTTP 200 {"data":{…},"requestId":"…"}, header x-acs-request-id. The control endpoint's
throttle and noPrivilege faults match these action names; isSuccessFalse does not apply (the API has
no IsSuccess). The request log records them with the key id of either scheme and "edition":
"personal" (the Enterprise API's entries say "enterprise"; several action names are shared).

Model, read from the same registry data as the Enterprise instances but a separate copy: every
repository of exactly two path segments whose names fit the Personal Edition rules (namespace 2–30,
repository 1–64 characters of [a-z0-9_-], not starting with - or _); referrer fallback tags are
skipped. Namespaces: {namespace, authorizeType ADMIN, defaultVisibility PRIVATE, autoCreate true,
namespaceStatus NORMAL} (lists show namespace, authorizeType, namespaceStatus). Repositories:
{repoNamespace, repoName, repoType PRIVATE, summary, regionId, repoDomainList{public: the registry's
HOST:PORT, internal: registry-internal.<region>.aliyuncs.com, vpc: registry-vpc.<region>.aliyuncs.com},
repoId (a stable integer), repoStatus NORMAL, gmtModified ms}, GetRepo adds `detail`; lists sort by
namespace then name. Tags: {tag, imageId, digest (both bare hex), imageSize, imageCreate, imageUpdate
(ms), status NORMAL}, newest first by imageUpdate then tag. Deletes change the model only, never the
registry; DeleteNamespace deletes its repositories, deleting a tag or repository forgets its scans.
GetAuthorizationToken: {authorizationToken: --registry-password, tempUserName: --registry-username,
expireDate: now + 1 h ms}.
  Scans: StartImageScan (re)starts; scanStatus answers NO_DATA before any scan, SCANNING to the first
2 polls, then COMPLETE. scanCount {totalCount, highCount, mediumCount, lowCount, unknownCount} and
scanResult {vulnerabilities[]{cveName, severity (high|medium|low|unknown), cveLink, feature,
version, versionFixed, addedBy, description}, page, pageSize, total} come from acr_emulator.findings
once COMPLETE (zeros and empty before); Severity filters case-insensitively.
  Builds: the first repository (by namespace/name) is seeded with one rule (GIT_BRANCH master,
dockerfileLocation "/", dockerfileName "Dockerfile", imageTag "latest") and two finished builds a day
ago (SUCCESS, then FAILED). Rules: {buildRuleId (integer), pushType GIT_BRANCH|GIT_TAG, pushName,
dockerfileLocation, dockerfileName, imageTag}; Create needs PushType, PushName and Tag, Update sets
the fields it is sent. StartRepoBuildByRule answers {buildId} (a UUID); the build is PENDING for the
control endpoint's buildTiming.pendingMs, BUILDING for lines × lineIntervalMs, then SUCCESS.
Builds: {buildId, buildStatus, startTime, endTime (null while running), image{repoNamespace,
repoName, tag}}, newest first. CancelRepoBuild turns a PENDING or BUILDING build CANCELED; a finished
one answers 400 BUILD_ALREADY_FINISHED.
  Webhooks (none seeded): {webhookId (integer), webhookName (1–60 characters), webhookUrl (http or
https), triggerType ALL|TAG_LIST|TAG_REG_EXP, triggerList[] (strings; a string is split at commas)};
Create needs WebhookName, WebhookUrl and TriggerType, Update sets the fields it is sent and also takes
TriggerName and TriggerUrl for WebhookName and WebhookUrl.
"""

import base64
import copy
import email.utils
import hashlib
import hmac
import json
import re
import threading
import time
import urllib.parse
import uuid

import acr_delivery

VERSION = "2016-06-07"
NAMESPACE = re.compile(r"^[a-z0-9][a-z0-9_-]{1,29}$")
REPOSITORY = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
NAME_RULE = "lower-case letters, digits, - and _, not starting with - or _"
SEVERITIES = ("high", "medium", "low", "unknown")
HOUR_MS = 3600 * 1000

_REPO = "/repos/{ns}/{repo}"
ROUTES = [
    ("GET", "/namespace", "GetNamespaceList"),
    ("PUT", "/namespace", "CreateNamespace"),
    ("GET", "/namespace/{ns}", "GetNamespace"),
    ("POST", "/namespace/{ns}", "UpdateNamespace"),
    ("DELETE", "/namespace/{ns}", "DeleteNamespace"),
    ("GET", "/repos", "GetRepoList"),
    ("PUT", "/repos", "CreateRepo"),
    ("GET", "/repos/{ns}", "GetRepoListByNamespace"),
    ("GET", _REPO, "GetRepo"),
    ("POST", _REPO, "UpdateRepo"),
    ("DELETE", _REPO, "DeleteRepo"),
    ("GET", _REPO + "/tags", "GetRepoTags"),
    ("GET", _REPO + "/tags/{tag}", "GetRepoTag"),
    ("DELETE", _REPO + "/tags/{tag}", "DeleteImage"),
    ("PUT", _REPO + "/tags/{tag}/scan", "StartImageScan"),
    ("GET", _REPO + "/tags/{tag}/scanStatus", "GetRepoTagScanStatus"),
    ("GET", _REPO + "/tags/{tag}/scanCount", "GetRepoTagScanSummary"),
    ("GET", _REPO + "/tags/{tag}/scanResult", "GetRepoTagScanList"),
    ("GET", _REPO + "/rules", "GetRepoBuildRuleList"),
    ("PUT", _REPO + "/rules", "CreateRepoBuildRule"),
    ("POST", _REPO + "/rules/{id}", "UpdateRepoBuildRule"),
    ("DELETE", _REPO + "/rules/{id}", "DeleteRepoBuildRule"),
    ("PUT", _REPO + "/rules/{id}/build", "StartRepoBuildByRule"),
    ("GET", _REPO + "/build", "GetRepoBuildList"),
    ("GET", _REPO + "/build/{id}/status", "GetRepoBuildStatus"),
    ("POST", _REPO + "/build/{id}/cancel", "CancelRepoBuild"),
    ("GET", _REPO + "/webhooks", "GetRepoWebhook"),
    ("PUT", _REPO + "/webhooks", "CreateRepoWebhook"),
    ("POST", _REPO + "/webhooks/{id}", "UpdateRepoWebhook"),
    ("DELETE", _REPO + "/webhooks/{id}", "DeleteRepoWebhook"),
    ("GET", "/tokens", "GetAuthorizationToken"),
]
ACTIONS = [action for _, _, action in ROUTES]


def now_ms():
    return int(time.time() * 1000)


def stable_int(*parts):
    return 100000 + int(hashlib.sha256("/".join(parts).encode()).hexdigest()[:8], 16) % 900000000


# ---------------------------------------------------------------------------------------------
# Legacy ROA signature (§7.3)
# ---------------------------------------------------------------------------------------------

def legacy_string_to_sign(method, raw_path, header_pairs, parse_query):
    """The StringToSign of a request as received: `raw_path` is the path and query as sent."""
    values = {}
    for name, value in header_pairs:
        values.setdefault(name.lower(), str(value).strip())
    path, _, raw_query = raw_path.partition("?")
    head = "".join(f"{values.get(name, '')}\n" for name in ("accept", "content-md5", "content-type", "date"))
    headers = "".join(f"{name}:{values[name]}\n" for name in sorted(values) if name.startswith("x-acs-"))
    pairs = sorted((key.decode("utf-8", "replace"), value.decode("utf-8", "replace")) for key, value in parse_query(raw_query))
    resource = path + ("?" + "&".join(f"{key}={value}" if value else key for key, value in pairs) if pairs else "")
    return f"{method.upper()}\n{head}{headers}{resource}"


def legacy_signature(secret, text):
    return base64.b64encode(hmac.new(secret.encode("utf-8"), text.encode("utf-8"), hashlib.sha1).digest()).decode()


def authenticate_legacy(ee, method, raw_path, header_pairs, body, keys, nonces, now=None, log=None):
    """Verifies an `acs ID:SIG` request. Returns (key id, key record) or raises ee.ApiError."""
    now = time.time() if now is None else now
    values = {name.lower(): str(value).strip() for name, value in reversed(list(header_pairs))}
    match = re.match(r"^acs ([^:\s]+):(\S+)$", values.get("authorization", ""))
    if not match:
        raise ee.ApiError(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards. "
                          "Authorization must be `acs <AccessKeyId>:<Signature>`.")
    key_id, given = match.groups()
    key = keys.get(key_id)
    if key is None:
        raise ee.ApiError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.")
    try:
        stamp = email.utils.parsedate_to_datetime(values.get("date", "")).timestamp()
    except (TypeError, ValueError, IndexError):
        stamp = None
    if stamp is None or abs(now - stamp) > ee.MAX_CLOCK_SKEW:
        raise ee.ApiError(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired. "
                          "The Date header must be an RFC 1123 GMT time within 15 minutes of the server's.")
    if "content-md5" in values and values["content-md5"] != base64.b64encode(hashlib.md5(body).digest()).decode():
        raise ee.ApiError(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation. "
                          "Content-MD5 is not the MD5 of the body.")
    text = legacy_string_to_sign(method, raw_path, header_pairs, ee.parse_query)
    if not hmac.compare_digest(legacy_signature(key["secret"], text), given):
        if log:
            log(f"legacy signature mismatch for {key_id}; string to sign:\n{text}\n---")
        raise ee.ApiError(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.")
    nonce = values.get("x-acs-signature-nonce", "")
    if not nonce:
        raise ee.ApiError(400, "MissingSignatureNonce", "SignatureNonce is mandatory for this action.")
    if not nonces.use(nonce, now):
        raise ee.ApiError(400, "SignatureNonceUsed", "Specified signature nonce was used already.")
    if key.get("kind") == "sts" and values.get("x-acs-security-token") != key.get("token"):
        raise ee.ApiError(400, "InvalidSecurityToken.Mismatch", "Specified SecurityToken mismatch with the AccessKey.")
    return key_id, key


def route(method, path):
    """(action, {placeholder: decoded segment}) for a request, or None."""
    segments = path.split("/")[1:]
    for route_method, pattern, action in ROUTES:
        parts = pattern.split("/")[1:]
        if route_method != method or len(parts) != len(segments):
            continue
        bound = {}
        for part, segment in zip(parts, segments):
            if part.startswith("{"):
                if not segment:
                    break
                bound[part[1:-1]] = urllib.parse.unquote(segment)
            elif part != segment:
                break
        else:
            return action, bound
    return None


# ---------------------------------------------------------------------------------------------
# The model
# ---------------------------------------------------------------------------------------------

def build_model(ee, registry_data, region, registry_host, started_ms):
    namespaces, repos = {}, {}
    for full_name in sorted(registry_data):
        parts = full_name.split("/")
        if len(parts) != 2 or not NAMESPACE.match(parts[0]) or not REPOSITORY.match(parts[1]):
            continue
        namespace, name = parts
        namespaces.setdefault(namespace, new_namespace(namespace))
        tags = {tag: ee.tag_record(tag, description, started_ms) for tag, description in registry_data[full_name].items()}
        summary = ee.APP_SUMMARY if full_name == "ns/app" else f"synced from {full_name}"
        repo = new_repo(namespace, name, summary, "PRIVATE", "", region, registry_host,
                        max((record["ImageUpdate"] for record in tags.values()), default=started_ms))
        repo["tags"] = tags
        repos[(namespace, name)] = repo
    model = {"namespaces": namespaces, "repos": repos, "rules": {}, "builds": {}, "webhooks": {}, "scans": {}}
    if repos:
        first = repos[min(repos)]
        rule = new_rule(first, {"PushType": "GIT_BRANCH", "PushName": "master", "DockerfileLocation": "/",
                                "DockerfileName": "Dockerfile", "ImageTag": "latest"}, stable_int("rule", *min(repos)))
        model["rules"][rule["buildRuleId"]] = rule
        for index, fail in enumerate((False, True)):
            build = new_build(first, rule, acr_delivery.DEFAULT_TIMING, started_ms - 24 * HOUR_MS + index * HOUR_MS,
                              str(uuid.uuid5(uuid.NAMESPACE_URL, f"personal/{'/'.join(min(repos))}/seed-build-{index}")))
            build["fail"] = fail
            model["builds"][build["buildId"]] = build
    return model


def new_namespace(name):
    return {"namespace": name, "authorizeType": "ADMIN", "defaultVisibility": "PRIVATE", "autoCreate": True,
            "namespaceStatus": "NORMAL"}


def new_repo(namespace, name, summary, repo_type, detail, region, registry_host, modified):
    return {"repoNamespace": namespace, "repoName": name, "repoType": repo_type, "summary": summary,
            "regionId": region, "repoDomainList": {"public": registry_host,
                                                   "internal": f"registry-internal.{region}.aliyuncs.com",
                                                   "vpc": f"registry-vpc.{region}.aliyuncs.com"},
            "repoId": stable_int(namespace, name), "repoStatus": "NORMAL", "gmtModified": modified,
            "detail": detail, "tags": {}}


def new_rule(repo, fields, rule_id):
    return {"buildRuleId": rule_id, "pushType": fields["PushType"], "pushName": fields["PushName"],
            "dockerfileLocation": fields["DockerfileLocation"], "dockerfileName": fields["DockerfileName"],
            "imageTag": fields["ImageTag"], "repo": (repo["repoNamespace"], repo["repoName"])}


def new_build(repo, rule, timing, start, build_id=None):
    """A build record in acr_delivery's shape, so acr_delivery.build_state tells its status."""
    return {"buildId": build_id or str(uuid.uuid4()), "repo": (repo["repoNamespace"], repo["repoName"]),
            "start": start, "timing": dict(timing), "canceledAt": None, "fail": False,
            "pushType": rule["pushType"], "pushName": rule["pushName"],
            "commit": hashlib.sha256(f"{repo['repoId']}/{start}".encode()).hexdigest()[:12],
            "image": {"RepoNamespaceName": repo["repoNamespace"], "RepoName": repo["repoName"], "ImageTag": rule["imageTag"]}}


# ---------------------------------------------------------------------------------------------
# Request values
# ---------------------------------------------------------------------------------------------

class Request:
    """The query, the body's wrapper object and the path's placeholders of one call."""

    def __init__(self, ee, query, body, bound):
        self.ee, self.query, self.body, self.bound = ee, query, body, bound

    def error(self, status, code, message):
        return self.ee.ApiError(status, code, message, extra={"personal": True})

    def wrapped(self, wrapper):
        value = self.body.get(wrapper)
        if not isinstance(value, dict):
            raise self.error(400, f"InvalidParameter.{wrapper}", f"The body must be {{\"{wrapper}\":{{…}}}}.")
        return value

    def field(self, wrapper, name, required=False, aliases=()):
        fields = self.wrapped(wrapper)
        for key in (name,) + tuple(aliases):
            if fields.get(key) is not None:
                return fields[key]
        if required:
            raise self.error(400, f"InvalidParameter.{name}", f"{wrapper}.{name} is required.")
        return None

    def choice(self, wrapper, name, choices, required=False):
        value = self.field(wrapper, name, required)
        if value is not None and value not in choices:
            raise self.error(400, f"InvalidParameter.{name}", f"{name} must be one of {', '.join(choices)}: {value!r}.")
        return value

    def integer_query(self, name, default, minimum, maximum):
        text = self.query.get(name)
        if text in (None, ""):
            return default
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or value < minimum or (maximum is not None and value > maximum):
            allowed = f"from {minimum} to {maximum}" if maximum else f"at least {minimum}"
            raise self.error(400, f"InvalidParameter.{name}", f"{name} must be an integer {allowed}: {text!r}.")
        return value

    def page(self, items):
        number = self.integer_query("Page", 1, 1, None)
        size = self.integer_query("PageSize", 30, 1, 100)
        return {"page": number, "pageSize": size, "total": len(items)}, items[(number - 1) * size:number * size]


# ---------------------------------------------------------------------------------------------
# The API
# ---------------------------------------------------------------------------------------------

class PersonalApi:
    """The Personal Edition model and its actions (`do_<Action>(request)` → data)."""

    def __init__(self, ee, registry_data, region, registry_host, username, password, build_timing, started_ms=None):
        self.ee, self.region, self.registry_host = ee, region, registry_host
        self.username, self.password = username, password
        self.build_timing = build_timing  # a callable: the emulator's current buildTiming
        self.lock = threading.RLock()
        self.initial = build_model(ee, registry_data, region, registry_host, started_ms or now_ms())
        self.model = copy.deepcopy(self.initial)

    def reset_model(self):
        with self.lock:
            self.model = copy.deepcopy(self.initial)

    def call(self, action, request):
        with self.lock:
            return getattr(self, "do_" + action)(request)

    # -- lookups ---------------------------------------------------------------------------

    def namespace(self, request, name=None):
        name = name or request.bound["ns"]
        found = self.model["namespaces"].get(name)
        if found is None:
            raise request.error(404, "NAMESPACE_NOT_EXIST", f"The namespace {name} does not exist.")
        return found

    def repo(self, request):
        key = (request.bound["ns"], request.bound["repo"])
        found = self.model["repos"].get(key)
        if found is None:
            raise request.error(404, "REPO_NOT_EXIST", f"The repository {'/'.join(key)} does not exist.")
        return found

    def tag(self, request):
        repo = self.repo(request)
        name = request.bound["tag"]
        if name not in repo["tags"]:
            raise request.error(404, "TAG_NOT_EXIST", f"The tag {name} does not exist in {repo['repoNamespace']}/{repo['repoName']}.")
        return repo, name, repo["tags"][name]

    def owned(self, request, store, code, what):
        repo = self.repo(request)
        key = request.bound["id"]
        for record_id, record in self.model[store].items():
            if str(record_id) == key and record["repo"] == (repo["repoNamespace"], repo["repoName"]):
                return repo, record
        raise request.error(404, code, f"The {what} {key} does not exist in {repo['repoNamespace']}/{repo['repoName']}.")

    @staticmethod
    def repo_view(repo, detail=False):
        keys = ["repoNamespace", "repoName", "repoType", "summary", "regionId", "repoDomainList", "repoId", "repoStatus",
                "gmtModified"] + (["detail"] if detail else [])
        return {key: copy.deepcopy(repo[key]) for key in keys}

    @staticmethod
    def tag_view(record):
        return {"tag": record["Tag"], "imageId": record["ImageId"], "digest": record["Digest"], "imageSize": record["ImageSize"],
                "imageCreate": record["ImageCreate"], "imageUpdate": record["ImageUpdate"], "status": record["Status"]}

    def forget(self, key, tag=None):
        """Drops the scans (and, for a whole repository, the rules, builds and webhooks) of a repository or tag."""
        for scan in [scan for scan in self.model["scans"] if scan[:2] == key and (tag is None or scan[2] == tag)]:
            del self.model["scans"][scan]
        if tag is None:
            for store in ("rules", "builds", "webhooks"):
                for record_id in [rid for rid, record in self.model[store].items() if record["repo"] == key]:
                    del self.model[store][record_id]

    # -- namespaces ------------------------------------------------------------------------

    def do_GetNamespaceList(self, request):
        authorize, status = request.query.get("Authorize"), request.query.get("Status")
        return {"namespaces": [{key: namespace[key] for key in ("namespace", "authorizeType", "namespaceStatus")}
                               for _, namespace in sorted(self.model["namespaces"].items())
                               if (not authorize or namespace["authorizeType"] == authorize)
                               and (not status or namespace["namespaceStatus"] == status)]}

    def do_GetNamespace(self, request):
        return {"namespace": dict(self.namespace(request))}

    def do_CreateNamespace(self, request):
        name = request.field("Namespace", "Namespace", required=True)
        if not isinstance(name, str) or not NAMESPACE.match(name):
            raise request.error(400, "InvalidParameter.Namespace", f"A namespace name is 2 to 30 characters of {NAME_RULE}: {name!r}.")
        if name in self.model["namespaces"]:
            raise request.error(400, "NAMESPACE_ALREADY_EXIST", f"The namespace {name} already exists.")
        self.model["namespaces"][name] = new_namespace(name)
        return {}

    def do_UpdateNamespace(self, request):
        namespace = self.namespace(request)
        auto = request.field("Namespace", "AutoCreate")
        if isinstance(auto, str) and auto.lower() in ("true", "false"):
            auto = auto.lower() == "true"
        if auto is not None and not isinstance(auto, bool):
            raise request.error(400, "InvalidParameter.AutoCreate", f"AutoCreate must be true or false: {auto!r}.")
        visibility = request.choice("Namespace", "DefaultVisibility", ("PUBLIC", "PRIVATE"))
        if auto is not None:
            namespace["autoCreate"] = auto
        if visibility is not None:
            namespace["defaultVisibility"] = visibility
        return {}

    def do_DeleteNamespace(self, request):
        name = self.namespace(request)["namespace"]
        del self.model["namespaces"][name]
        for key in [key for key in self.model["repos"] if key[0] == name]:
            del self.model["repos"][key]
            self.forget(key)
        return {}

    # -- repositories ----------------------------------------------------------------------

    def repo_list(self, request, namespace=None):
        status = request.query.get("Status")
        items = [repo for key, repo in sorted(self.model["repos"].items())
                 if (namespace is None or key[0] == namespace) and (not status or repo["repoStatus"] == status)]
        paging, chunk = request.page(items)
        return {"repos": [self.repo_view(repo) for repo in chunk], **paging}

    def do_GetRepoList(self, request):
        return self.repo_list(request)

    def do_GetRepoListByNamespace(self, request):
        return self.repo_list(request, self.namespace(request)["namespace"])

    def do_GetRepo(self, request):
        return {"repo": self.repo_view(self.repo(request), detail=True)}

    @staticmethod
    def summary(request, value):
        if value is not None and (not isinstance(value, str) or len(value) > 100):
            raise request.error(400, "InvalidParameter.Summary", "Summary must be text of at most 100 characters.")
        return value

    def do_CreateRepo(self, request):
        namespace = request.field("Repo", "RepoNamespace", required=True)
        name = request.field("Repo", "RepoName", required=True)
        repo_type = request.choice("Repo", "RepoType", ("PUBLIC", "PRIVATE"), required=True)
        summary = self.summary(request, request.field("Repo", "Summary", required=True))
        detail = request.field("Repo", "Detail") or ""
        if not isinstance(name, str) or not REPOSITORY.match(name):
            raise request.error(400, "InvalidParameter.RepoName", f"A repository name is 1 to 64 characters of {NAME_RULE}: {name!r}.")
        self.namespace(request, namespace)
        if (namespace, name) in self.model["repos"]:
            raise request.error(400, "REPO_ALREADY_EXIST", f"The repository {namespace}/{name} already exists.")
        self.model["repos"][(namespace, name)] = new_repo(namespace, name, summary, repo_type, str(detail), self.region,
                                                          self.registry_host, now_ms())
        return {}

    def do_UpdateRepo(self, request):
        repo = self.repo(request)
        repo_type = request.choice("Repo", "RepoType", ("PUBLIC", "PRIVATE"))
        summary = self.summary(request, request.field("Repo", "Summary"))
        detail = request.field("Repo", "Detail")
        for key, value in (("repoType", repo_type), ("summary", summary), ("detail", detail)):
            if value is not None:
                repo[key] = value
        repo["gmtModified"] = now_ms()
        return {}

    def do_DeleteRepo(self, request):
        repo = self.repo(request)
        key = (repo["repoNamespace"], repo["repoName"])
        del self.model["repos"][key]
        self.forget(key)
        return {}

    # -- tags ------------------------------------------------------------------------------

    def do_GetRepoTags(self, request):
        repo = self.repo(request)
        items = sorted(repo["tags"].values(), key=lambda record: (-record["ImageUpdate"], record["Tag"]))
        paging, chunk = request.page(items)
        return {"tags": [self.tag_view(record) for record in chunk], **paging}

    def do_GetRepoTag(self, request):
        return self.tag_view(self.tag(request)[2])

    def do_DeleteImage(self, request):
        repo, name, _ = self.tag(request)
        del repo["tags"][name]
        self.forget((repo["repoNamespace"], repo["repoName"]), name)
        repo["gmtModified"] = now_ms()
        return {}

    # -- scans -----------------------------------------------------------------------------

    def scan(self, request):
        repo, name, record = self.tag(request)
        return self.model["scans"].get((repo["repoNamespace"], repo["repoName"], name))

    def scan_findings(self, request):
        task = self.scan(request)
        if task is None or task["polls"] <= 2:
            return []
        return [{"cveName": item["CveName"], "severity": item["Severity"].lower(), "cveLink": item["CveLink"],
                 "feature": item["Feature"], "version": item["Version"], "versionFixed": item["VersionFixed"],
                 "addedBy": item["AddedBy"], "description": item["Description"]}
                for item in self.ee.findings(task["digest"], task["layers"])]

    def do_StartImageScan(self, request):
        repo, name, record = self.tag(request)
        self.model["scans"][(repo["repoNamespace"], repo["repoName"], name)] = {
            "polls": 0, "digest": record["Digest"], "layers": list(record["layers"])}
        return {}

    def do_GetRepoTagScanStatus(self, request):
        task = self.scan(request)
        if task is None:
            return {"status": "NO_DATA"}
        task["polls"] += 1
        return {"status": "SCANNING" if task["polls"] <= 2 else "COMPLETE"}

    def do_GetRepoTagScanSummary(self, request):
        items = self.scan_findings(request)
        counts = {level: sum(1 for item in items if item["severity"] == level) for level in SEVERITIES}
        return {"totalCount": len(items), **{f"{level}Count": counts[level] for level in SEVERITIES}}

    def do_GetRepoTagScanList(self, request):
        severity = (request.query.get("Severity") or "").lower()
        if severity and severity not in SEVERITIES:
            raise request.error(400, "InvalidParameter.Severity",
                                f"Severity must be one of {', '.join(SEVERITIES)} (any casing): {request.query['Severity']!r}.")
        items = [item for item in self.scan_findings(request) if not severity or item["severity"] == severity]
        paging, chunk = request.page(items)
        return {"vulnerabilities": chunk, **paging}

    # -- build rules and builds ------------------------------------------------------------

    @staticmethod
    def rule_view(rule):
        return {key: rule[key] for key in ("buildRuleId", "pushType", "pushName", "dockerfileLocation", "dockerfileName", "imageTag")}

    def rule_fields(self, request, required):
        fields = {"PushType": request.choice("BuildRule", "PushType", ("GIT_BRANCH", "GIT_TAG"), required),
                  "PushName": request.field("BuildRule", "PushName", required),
                  "DockerfileLocation": request.field("BuildRule", "DockerfileLocation"),
                  "DockerfileName": request.field("BuildRule", "DockerfileName"),
                  "ImageTag": request.field("BuildRule", "Tag", required)}
        for name in ("PushName", "DockerfileLocation", "DockerfileName", "ImageTag"):
            if fields[name] is not None and (not isinstance(fields[name], str) or not fields[name]):
                raise request.error(400, f"InvalidParameter.{'Tag' if name == 'ImageTag' else name}",
                                    f"{name} must be non-empty text: {fields[name]!r}.")
        return fields

    def do_GetRepoBuildRuleList(self, request):
        repo = self.repo(request)
        key = (repo["repoNamespace"], repo["repoName"])
        return {"buildRules": [self.rule_view(rule) for _, rule in sorted(self.model["rules"].items()) if rule["repo"] == key]}

    def do_CreateRepoBuildRule(self, request):
        repo = self.repo(request)
        fields = self.rule_fields(request, True)
        fields["DockerfileLocation"] = fields["DockerfileLocation"] or "/"
        fields["DockerfileName"] = fields["DockerfileName"] or "Dockerfile"
        rule_id = max(self.model["rules"], default=stable_int("rules")) + 1
        self.model["rules"][rule_id] = new_rule(repo, fields, rule_id)
        return {"buildRuleId": rule_id}

    def do_UpdateRepoBuildRule(self, request):
        _, rule = self.owned(request, "rules", "BUILD_RULE_NOT_EXIST", "build rule")
        for name, value in self.rule_fields(request, False).items():
            if value is not None:
                rule[name[0].lower() + name[1:]] = value
        return {}

    def do_DeleteRepoBuildRule(self, request):
        _, rule = self.owned(request, "rules", "BUILD_RULE_NOT_EXIST", "build rule")
        del self.model["rules"][rule["buildRuleId"]]
        return {}

    def do_StartRepoBuildByRule(self, request):
        repo, rule = self.owned(request, "rules", "BUILD_RULE_NOT_EXIST", "build rule")
        build = new_build(repo, rule, self.build_timing(), now_ms())
        self.model["builds"][build["buildId"]] = build
        return {"buildId": build["buildId"]}

    @staticmethod
    def build_status(build):
        status, _, end = acr_delivery.build_state(build, now_ms())
        return status, end

    def do_GetRepoBuildList(self, request):
        repo = self.repo(request)
        key = (repo["repoNamespace"], repo["repoName"])
        items = sorted((build for build in self.model["builds"].values() if build["repo"] == key),
                       key=lambda build: (-build["start"], build["buildId"]))
        paging, chunk = request.page(items)
        views = []
        for build in chunk:
            status, end = self.build_status(build)
            views.append({"buildId": build["buildId"], "buildStatus": status, "startTime": build["start"], "endTime": end,
                          "image": {"repoNamespace": key[0], "repoName": key[1], "tag": build["image"]["ImageTag"]}})
        return {"builds": views, **paging}

    def do_GetRepoBuildStatus(self, request):
        _, build = self.owned(request, "builds", "BUILD_NOT_EXIST", "build")
        return {"buildStatus": self.build_status(build)[0]}

    def do_CancelRepoBuild(self, request):
        _, build = self.owned(request, "builds", "BUILD_NOT_EXIST", "build")
        status, _ = self.build_status(build)
        if status not in acr_delivery.RUNNING:
            raise request.error(400, "BUILD_ALREADY_FINISHED", f"The build {build['buildId']} already finished with status "
                                f"{status}; only a PENDING or BUILDING build can be canceled.")
        build["canceledAt"] = now_ms()
        return {}

    # -- webhooks --------------------------------------------------------------------------

    @staticmethod
    def webhook_view(webhook):
        return {key: copy.deepcopy(webhook[key]) for key in ("webhookId", "webhookName", "webhookUrl", "triggerType", "triggerList")}

    def webhook_fields(self, request, required):
        name = request.field("Webhook", "WebhookName", required, aliases=("TriggerName",))
        url = request.field("Webhook", "WebhookUrl", required, aliases=("TriggerUrl",))
        trigger_type = request.choice("Webhook", "TriggerType", ("ALL", "TAG_LIST", "TAG_REG_EXP"), required)
        trigger_list = request.field("Webhook", "TriggerList")
        if name is not None and (not isinstance(name, str) or not 1 <= len(name) <= 60):
            raise request.error(400, "InvalidParameter.WebhookName", f"WebhookName must be 1 to 60 characters: {name!r}.")
        if url is not None and (not isinstance(url, str) or not re.match(r"^https?://[^\s/]+", url)):
            raise request.error(400, "InvalidParameter.WebhookUrl", f"WebhookUrl must be an http:// or https:// URL: {url!r}.")
        if isinstance(trigger_list, str):
            trigger_list = [item.strip() for item in trigger_list.split(",") if item.strip()]
        if trigger_list is not None and (not isinstance(trigger_list, list) or not all(isinstance(i, str) for i in trigger_list)):
            raise request.error(400, "InvalidParameter.TriggerList", "TriggerList must be a list of tag names or expressions.")
        return {"webhookName": name, "webhookUrl": url, "triggerType": trigger_type, "triggerList": trigger_list}

    def do_GetRepoWebhook(self, request):
        repo = self.repo(request)
        key = (repo["repoNamespace"], repo["repoName"])
        return {"webhooks": [self.webhook_view(hook) for _, hook in sorted(self.model["webhooks"].items()) if hook["repo"] == key]}

    def do_CreateRepoWebhook(self, request):
        repo = self.repo(request)
        fields = self.webhook_fields(request, True)
        webhook_id = max(self.model["webhooks"], default=stable_int("webhooks")) + 1
        self.model["webhooks"][webhook_id] = {**fields, "triggerList": fields["triggerList"] or [], "webhookId": webhook_id,
                                              "repo": (repo["repoNamespace"], repo["repoName"])}
        return {"webhookId": webhook_id}

    def do_UpdateRepoWebhook(self, request):
        _, webhook = self.owned(request, "webhooks", "WEBHOOK_NOT_EXIST", "webhook")
        for key, value in self.webhook_fields(request, False).items():
            if value is not None:
                webhook[key] = value
        return {}

    def do_DeleteRepoWebhook(self, request):
        _, webhook = self.owned(request, "webhooks", "WEBHOOK_NOT_EXIST", "webhook")
        del self.model["webhooks"][webhook["webhookId"]]
        return {}

    # -- tokens ----------------------------------------------------------------------------

    def do_GetAuthorizationToken(self, request):
        return {"authorizationToken": self.password, "tempUserName": self.username, "expireDate": now_ms() + HOUR_MS}


# ---------------------------------------------------------------------------------------------
# Serving (called by acr_emulator.Handler)
# ---------------------------------------------------------------------------------------------

def key_id_of(authorization):
    match = re.match(r"^acs ([^:\s]+):", authorization or "") or re.search(r"Credential=([^,\s]+)", authorization or "")
    return match.group(1) if match else None


def serve(handler, body, ee):
    """Answers one Personal Edition request on `handler` (an acr_emulator.Handler)."""
    state = handler.state
    api = state.personal
    request_id = str(uuid.uuid4()).upper()
    split = urllib.parse.urlsplit(handler.path)
    found = route(handler.command, split.path)
    action = found[0] if found else (handler.headers.get("x-acs-action") or "")
    entry = {"action": action, "method": handler.command, "accessKeyId": key_id_of(handler.headers.get("Authorization")),
             "status": None, "code": None, "edition": "personal"}
    headers = {"x-acs-request-id": request_id}
    try:
        authorization = handler.headers.get("Authorization") or ""
        if authorization.startswith("acs "):
            key_id, key = authenticate_legacy(ee, handler.command, handler.path, handler.headers.items(), body,
                                              state.keys, state.nonces, log=state.log)
        else:
            key_id, key = ee.authenticate(handler.command, handler.path, handler.headers.items(), body, state.keys,
                                          state.nonces, log=state.log)
        sent_action = handler.headers.get("x-acs-action")
        if found is None or handler.headers.get("x-acs-version") != VERSION or (sent_action and sent_action != action):
            raise ee.ApiError(400, "InvalidAction.NotFound", f"Specified api is not found, please check your url and method "
                              f"(x-acs-version {VERSION}, a path and method of the Personal Edition API, and a matching x-acs-action).")
        if key.get("kind") == "readonly" and handler.command != "GET":
            raise ee.ApiError(403, "NoPrivilege", f"Access denied for this user: {key_id} may only read.", extra={"personal": True})
        fault = state.take_fault(action)
        if fault and fault["kind"] == "throttle":
            raise ee.ApiError(400, "Throttling.User", "Request was denied due to user flow control.",
                              headers={"x-acs-retry-after": str(fault["retryAfterMs"])})
        if fault and fault["kind"] == "noPrivilege":
            raise ee.ApiError(403, "NoPrivilege", "Access denied for this user (injected).", extra={"personal": True})
        query = {}
        for raw_key, raw_value in ee.parse_query(split.query):
            try:
                query[raw_key.decode("utf-8")] = raw_value.decode("utf-8")
            except UnicodeDecodeError:
                raise ee.ApiError(400, "InvalidParameter", "Query parameters must be UTF-8.", extra={"personal": True})
        try:
            document = json.loads(body) if body.strip() else {}
        except ValueError:
            document = None
        if not isinstance(document, dict):
            raise ee.ApiError(400, "InvalidParameter.Body", "The body must be a JSON object.", extra={"personal": True})
        data = api.call(action, Request(ee, query, document, found[1]))
        entry.update(status=200, code="success")
        handler.answer(entry, 200, {"data": data, "requestId": request_id}, headers)
    except ee.ApiError as error:
        entry.update(status=error.status, code=error.code)
        if error.extra.get("personal"):
            document = {"code": error.code, "message": error.message, "requestId": request_id}
        else:
            document = {"Code": error.code, "Message": error.message, "RequestId": request_id,
                        "HostId": f"cr.{state.region}.aliyuncs.com"}
        handler.answer(entry, error.status, document, {**headers, **error.headers})
    except Exception as error:  # a bug in the emulator: answer 500 so the test sees it
        entry.update(status=500, code="SystemError")
        state.log(f"internal error in {action}: {error!r}")
        handler.answer(entry, 500, {"code": "SystemError", "message": f"emulator error: {error!r}", "requestId": request_id},
                       headers)


# ---------------------------------------------------------------------------------------------
# Self-test (§7.4 known answers)
# ---------------------------------------------------------------------------------------------

def self_test(check, ee):
    check("roa empty string", legacy_signature("secret", "GET\n\n\n\n\n") == "XGXDWA78AEvx/wmfxKoVCq/afWw=")
    date = "Thu, 06 Feb 2020 07:32:54 GMT"
    moment = email.utils.parsedate_to_datetime(date).timestamp()
    common = [("accept", "application/json"), ("date", date), ("x-acs-signature-method", "HMAC-SHA1"),
              ("x-acs-signature-version", "1.0"), ("x-acs-version", VERSION)]
    tags = common + [("x-acs-action", "GetRepoTags"), ("x-acs-signature-nonce", "3d8a1c9e0b7f4a2c9d6e5f4a3b2c1d0e")]
    tags_path = "/repos/my-ns/my-repo/tags?PageSize=30&Page=1"
    text = legacy_string_to_sign("GET", tags_path, tags, ee.parse_query)
    check("roa string to sign", text.endswith("x-acs-version:2016-06-07\n/repos/my-ns/my-repo/tags?Page=1&PageSize=30"), repr(text))
    check("roa GetRepoTags", legacy_signature("testsecret", text) == "kjEPAYJnHePbfrU7Tpjo08gfDqw=", legacy_signature("testsecret", text))
    create = common + [("content-type", "application/json; charset=utf-8"), ("x-acs-action", "CreateRepo"),
                       ("x-acs-signature-nonce", "9b1f0c2d3e4a5b6c7d8e9f0a1b2c3d4e")]
    signed = legacy_signature("testsecret", legacy_string_to_sign("PUT", "/repos", create, ee.parse_query))
    check("roa CreateRepo", signed == "abtr2E9rWtw7Fw19YdiGtRly8LU=", signed)
    check("roa bare key", legacy_string_to_sign("GET", "/x?B=2&A=", [], ee.parse_query).endswith("\n/x?A&B=2"))

    keys = {"AK": {"secret": "testsecret", "kind": "full"}, "STS": {"secret": "testsecret", "kind": "sts", "token": "t"}}

    def code_of(pairs, path=tags_path, now=moment, nonces=None, body=b"", method="GET"):
        try:
            authenticate_legacy(ee, method, path, pairs, body, keys, nonces or ee.NonceStore(), now=now)
            return "accepted"
        except ee.ApiError as error:
            return error.code

    good = tags + [("Authorization", "acs AK:kjEPAYJnHePbfrU7Tpjo08gfDqw=")]
    nonces = ee.NonceStore()
    check("roa accepted", code_of(good, nonces=nonces) == "accepted")
    check("roa nonce reuse", code_of(good, nonces=nonces) == "SignatureNonceUsed")
    check("roa create accepted", code_of(create + [("Authorization", f"acs AK:{signed}")], "/repos", body=b"{}", method="PUT") == "accepted")
    check("roa wrong signature", code_of(tags + [("Authorization", "acs AK:AAAAJnHePbfrU7Tpjo08gfDqw=")]) == "SignatureDoesNotMatch")
    check("roa changed query", code_of(good, path=tags_path.replace("30", "31")) == "SignatureDoesNotMatch")
    check("roa unknown key", code_of(tags + [("Authorization", "acs NO:kjEPAYJnHePbfrU7Tpjo08gfDqw=")]) == "InvalidAccessKeyId.NotFound")
    check("roa expired", code_of(good, now=moment + 16 * 60) == "InvalidTimeStamp.Expired")
    check("roa missing", code_of(tags) == "IncompleteSignature")
    check("roa sts without token", code_of(tags + [("Authorization", "acs STS:kjEPAYJnHePbfrU7Tpjo08gfDqw=")]) == "InvalidSecurityToken.Mismatch")
    check("roa bad md5", code_of(good + [("content-md5", "xxxx")]) == "SignatureDoesNotMatch")
    check("routes", route("GET", "/repos/a%2Db/r/tags/v1/scanCount") == ("GetRepoTagScanSummary", {"ns": "a-b", "repo": "r", "tag": "v1"})
          and route("PUT", "/repos") == ("CreateRepo", {}) and route("GET", "/repos/a") == ("GetRepoListByNamespace", {"ns": "a"})
          and route("PATCH", "/repos") is None and len(set(ACTIONS)) == len(ACTIONS) == 31)
    check("pe names", NAMESPACE.match("ab") and not NAMESPACE.match("a") and not NAMESPACE.match("_ab")
          and REPOSITORY.match("a") and not REPOSITORY.match("a.b") and not REPOSITORY.match("-a"))
