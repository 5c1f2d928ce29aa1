#!/usr/bin/env python3
"""A stateful emulator of the Alibaba Cloud ACR Enterprise OpenAPI (`cr` 2018-12-01, V3 signature).

  acr_emulator.py --access-key-id ID --access-key-secret SECRET
                  [--readonly-key ID:SECRET ...] [--sts-key ID:SECRET:TOKEN ...]
                  --region cn-hangzhou --registry URL --registry-username U --registry-password P
                  [--registry-snapshot FILE] [--clock-offset SECONDS] [--parent-pid PID] [--verbose]
  acr_emulator.py --self-test

Standard library only (plus registry_client.py from this directory). Section numbers below
(§1.4.6 …) refer to the project's ACR OpenAPI reference notes.

Startup: reads the real registry at --registry (catalog, every tag, every manifest; the config blob
for `created`; children of indexes for size) with 8 threads — or, with --registry-snapshot, only
what changed since an earlier emulator saved its reading there — builds the model, prints ONE JSON line

  {"url": "http://127.0.0.1:PORT", "endpoint": "127.0.0.1:PORT", "region": "cn-hangzhou",
   "instances": [{"id": "cri-emulated0001", "name": "emulator-main"},
                 {"id": "cri-emulated0002", "name": "emulator-empty"}], "pid": PID}

and serves until killed or until the process named by --parent-pid goes away. On a startup failure it
prints {"error": "..."} and exits 1.

Model. `cri-emulated0001` (emulator-main) holds every registry repository with at least two path
segments: namespace = first segment, repository = the rest (`mirror/library/alpine` is namespace
`mirror`, repo `library/alpine`); single-segment names are ignored, and so are OCI referrer fallback
tags (`sha256-<64 hex>`). `cri-emulated0002` (emulator-empty) starts empty. Ids are stable hashes
(`crn-…`, `crr-…`). After startup the in-memory model is authoritative: Create/Update/Delete of
namespaces, repositories, tags and rules never touch the registry.
  Tags: Digest and ImageId are bare 64-hex strings as in Alibaba's examples (no `sha256:` prefix);
ImageId is the config digest (the index digest for an index). ImageSize = config.size + layer sizes,
or for an index the sum over its platform children (children whose os/architecture is `unknown`, i.e.
attestations, are skipped). ImageCreate = ImageUpdate = the config's `created` (an index uses its
first platform child's); CreateRepoTag sets ImageUpdate to now. ListRepoTag sorts by ImageUpdate
newest first, then by tag name.

Transport (§1.1–§1.3, §2.2). Path `/`, parameters in the query string (`+` and `%20` both decode to a
space), headers `x-acs-action` and `x-acs-version: 2018-12-01`, GET or POST for every action (the SDK
uses GET for GetRepoTag, GetArtifactLifecycleRule and ListArtifactLifecycleRule). Booleans are
accepted as true/false in any casing (the Python SDK sends `True`/`False`). Every request must carry
`Authorization: ACS3-HMAC-SHA256 Credential=ID,SignedHeaders=a;b;…,Signature=HEX`; SignedHeaders
must be lower-case, sorted, unique, and include `host` and every `x-acs-*` header present. Errors,
roughly in the order they are checked:
  400 IncompleteSignature          no or malformed Authorization, bad SignedHeaders, a signed header
                                   missing, an x-acs-* header not signed, no x-acs-content-sha256
  404 InvalidAccessKeyId.NotFound  unknown key id
  400 InvalidTimeStamp.Expired     x-acs-date missing, not YYYY-MM-DDTHH:MM:SSZ, or >15 min off the
                                   emulator's clock (the real one shifted by --clock-offset, as is its Date header)
  400 SignatureDoesNotMatch        wrong signature, or x-acs-content-sha256 != sha256(body)
  400 MissingSignatureNonce / SignatureNonceUsed
  400 InvalidSecurityToken.Mismatch  the --sts-key id without its x-acs-security-token
  400 InvalidAction.NotFound       unknown action, wrong x-acs-version, or a method other than
                                   GET/POST (a path other than `/` goes to Personal Edition, below)
  403 NoPrivilege                  the --readonly-key calling anything but List*/Get*
  then injected faults, then the action's own checks: 400 Missing<Param> (a required parameter),
  400 InvalidParameter[.<Param>], 404 INSTANCE_NOT_EXIST / NAMESPACE_NOT_EXIST / REPO_NOT_EXIST /
  TAG_NOT_EXIST / RULE_NOT_EXIST, 400 NAMESPACE_ALREADY_EXIST / REPO_ALREADY_EXIST.
Error body: {"RequestId","Code","Message","HostId":"cr.<region>.aliyuncs.com","Recommend"} (+
"AccessDeniedDetail" for NoPrivilege). Success body: {"RequestId","Code":"success","IsSuccess":true,
…fields}. Type quirks reproduced: TotalCount is a JSON string in ListNamespace, ListRepository and
ListRepoTag, an integer elsewhere; ListInstance CreateTime/ModifiedTime and ListRepoTag
ImageCreate/ImageUpdate are numeric strings (epoch ms), integers elsewhere. (The integer-typed
`Code` of §1.2 only concerns actions this emulator does not implement.) Paging: PageNo (1-based,
default 1), PageSize (default 30, 1..100, else 400 InvalidParameter.PageSize); ListRepository and
ListRepoTag also page with MaxResults + NextToken (an opaque offset; NextToken is omitted on the
last page).

Actions: ListInstance GetInstance ListInstanceEndpoint GetAuthorizationToken ListNamespace
GetNamespace CreateNamespace UpdateNamespace DeleteNamespace ListRepository GetRepository
CreateRepository UpdateRepository DeleteRepository ListRepoTag GetRepoTag DeleteRepoTag
CreateRepoTag CreateRepoTagScanTask GetRepoTagScanStatus GetRepoTagScanSummary
ListRepoTagScanResult ListArtifactLifecycleRule GetArtifactLifecycleRule CreateArtifactLifecycleRule
UpdateArtifactLifecycleRule DeleteArtifactLifecycleRule, and the delivery pipeline of acr_delivery.py
(builds, triggers, event center, chains; its docstring is their spec, and names the RAM action a
NoPrivilege answer reports in AccessDeniedDetail.AuthAction — cr:<Action> for the actions above),
and the replication, subscription, access and capacity actions of acr_replication.py (sync rules and
tasks, artifact subscriptions, endpoints, ACLs, linked VPCs, ResetLoginPassword, GetInstanceUsage,
GetInstanceCount; its docstring is their spec, including ListInstanceEndpoint's).
  GetAuthorizationToken returns the --registry credentials as TempUsername/AuthorizationToken,
ExpireTime = now + ExpiresInHours (1–24, default 1; else 400 InvalidParameter.ExpiresInHours) hours.
  Lists: name filters (InstanceName, NamespaceName, RepoName) match substrings; ListRepository
filters by RepoNamespaceName exactly. DeleteNamespace also deletes its repositories; deleting a
repository or tag forgets its scans. CreateRepoTag (NamespaceName, RepoName, FromTag, ToTag) copies
a tag in the model (400 TAG_IMMUTABLE when overwriting in an immutable repository).
  Scans: CreateRepoTagScanTask(RepoId, Tag[, ScanService]) (re)starts a scan; GetRepoTagScanStatus
answers SCANNING to the first 2 polls, then COMPLETE. A tag never scanned answers HTTP 200 with
Status `NO_DATA` (and no ScanService); its summary is all zeros and its result list empty, as is
the case while SCANNING. Findings are 3–12 entries of a built-in table chosen by hashing the
digest; AddedBy is a layer digest of the image.
  Lifecycle rules: Create/Update require Scope (INSTANCE|NAMESPACE|REPO), ScheduleTime (WEEK|MONTH),
Auto and RetentionTagCount (else 400 InvalidParameter); NAMESPACE/REPO scopes must name an existing
namespace/repository (400 InvalidParameter.Scope). Update replaces the whole rule: fields not sent are
cleared (TagRegexp "", EnableDeleteTag false, …). NextTime is the next Monday (WEEK) or the 1st of
next month (MONTH), 00:00 UTC.

Control endpoint (unsigned, for tests):
  POST /__control__ with a JSON object holding any of
    {"throttle": {"action": "ListRepoTag", "times": 2, "retryAfterMs": 50}}
        → the next 2 calls answer 400 Throttling.User with header x-acs-retry-after: 50
    {"noPrivilege": {"action": "DeleteRepoTag", "times": 1}}      → 403 NoPrivilege
    {"isSuccessFalse": {"action": "ListNamespace", "times": 1}}   → 200 {"IsSuccess": false, "Code": "SYSTEM_ERROR"}
    {"buildTiming": {"pendingMs": 400, "lineIntervalMs": 150, "lines": 14}}  → timing of later builds
    {"syncTiming": {"pendingMs": 300, "msPerLayer": 200}}  → timing of later sync and subscription tasks
    {"reset": true}          clears the faults
    {"clearRequests": true}  empties the request log
    {"resetModel": true}     restores the model read at startup (and forgets scans and rules; the seeded
                             delivery and replication objects come back and buildTiming/syncTiming return to their defaults)
  ("action": "*" matches every action; "times" defaults to 1, "retryAfterMs" to 1000; a value may
  also be a list of such objects. Faults apply only to requests that pass authentication.)
  GET /__control__/requests[?action=NAME][&edition=enterprise|personal]
        → [{"action","method","accessKeyId","status","code","edition"}, …]
        (every non-control request in order; accessKeyId is the Credential= id even when it failed;
        edition tells the Enterprise API from Personal Edition, which share action names)
  GET /__control__          → {"faults": […], "requests": N}

Personal Edition. The same process also serves ACR Personal Edition (`cr` 2016-06-07, ROA, legacy
`acs ID:SIG` or V3 signature) for every request whose x-acs-version is 2016-06-07 or whose path is not
`/`: acr_personal.py, whose docstring is its spec. Its model is a separate copy read from the same
registry data (two-segment repositories with Personal Edition names); the control endpoint's faults
(throttle, noPrivilege), request log, resetModel and buildTiming apply to it by its action names.

Python tests may use `signed_call(url, action, params, key_id, secret, …)` from this module.
"""

import argparse
import concurrent.futures
import copy
import datetime
import hashlib
import hmac
import http.client
import json
import os
import re
import sys
import threading
import time
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import acr_delivery  # noqa: E402  (found through HERE)
import acr_personal  # noqa: E402
import acr_replication  # noqa: E402

ThreadingHTTPServer.request_queue_size = 128

API_VERSION = "2018-12-01"
ALGORITHM = "ACS3-HMAC-SHA256"
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
MAX_CLOCK_SKEW = 15 * 60

MANIFEST_ACCEPT = ("application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, "
                   "application/vnd.docker.distribution.manifest.list.v2+json, "
                   "application/vnd.docker.distribution.manifest.v2+json")
INDEX_TYPES = ("application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json")
REFERRER_TAG = re.compile(r"^sha256-[0-9a-f]{64}$")
NAMESPACE_NAME = re.compile(r"^[a-z0-9](?:[a-z0-9._-]{0,118}[a-z0-9])$")
REPO_SEGMENT = r"[a-z0-9]+(?:[._-]+[a-z0-9]+)*"
REPO_NAME = re.compile(rf"^{REPO_SEGMENT}(?:/{REPO_SEGMENT})*$")
TAG_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")
DATE_FORMAT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")

INSTANCE_MAIN = "cri-emulated0001"
INSTANCE_EMPTY = "cri-emulated0002"
RESOURCE_GROUP = "rg-emulator000001"
APP_SUMMARY = "应用服务镜像 — 生产环境"


def now_ms() -> int:
    return int(time.time() * 1000)


# ---------------------------------------------------------------------------------------------
# ACS3-HMAC-SHA256 (§2.2)
# ---------------------------------------------------------------------------------------------

class ApiError(Exception):
    """An OpenAPI error answer: HTTP status, Code, Message, extra headers and body fields."""

    def __init__(self, status, code, message, headers=None, extra=None):
        super().__init__(f"{status} {code}: {message}")
        self.status, self.code, self.message = status, code, message
        self.headers = headers or {}
        self.extra = extra or {}


def rfc3986(value) -> str:
    """Percent-encodes every byte except A-Z a-z 0-9 - _ . ~, upper-case hex (str or bytes)."""
    return urllib.parse.quote(value, safe="")


def parse_query(raw: str):
    """Decodes a wire query string into (key bytes, value bytes) pairs; `+` is a space (form style)."""
    pairs = []
    for part in raw.split("&"):
        if not part:
            continue
        key, _, value = part.partition("=")
        pairs.append((urllib.parse.unquote_to_bytes(key.replace("+", " ")),
                      urllib.parse.unquote_to_bytes(value.replace("+", " "))))
    return pairs


def canonical_query(pairs) -> str:
    """RFC 3986-encoded `k=v` pairs sorted by encoded key (then value), joined with `&`."""
    encoded = sorted((rfc3986(key), rfc3986(value)) for key, value in pairs)
    return "&".join(f"{key}={value}" for key, value in encoded)


def header_values(header_pairs):
    """{lower-case name: [trimmed values]} of the request's headers."""
    values = {}
    for name, value in header_pairs:
        values.setdefault(name.lower(), []).append(str(value).strip())
    return values


def canonical_request(method, path, raw_query, header_pairs, signed_headers, payload_hash) -> str:
    """The V3 canonical request; `signed_headers` is the list of lower-case names, in order."""
    values = header_values(header_pairs)
    headers = "".join(f"{name}:{','.join(sorted(values.get(name, [])))}\n" for name in signed_headers)
    return "\n".join([method.upper(), path or "/", canonical_query(parse_query(raw_query)), headers,
                      ";".join(signed_headers), payload_hash])


def string_to_sign(canonical: str) -> str:
    return f"{ALGORITHM}\n{hashlib.sha256(canonical.encode('utf-8')).hexdigest()}"


def signature(secret: str, canonical: str) -> str:
    return hmac.new(secret.encode("utf-8"), string_to_sign(canonical).encode("utf-8"), hashlib.sha256).hexdigest()


def parse_authorization(value):
    """(key id, [signed headers], signature) from an Authorization header, or ApiError."""
    if not value:
        raise ApiError(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards. "
                       "The Authorization header is missing.")
    algorithm, _, rest = value.strip().partition(" ")
    if algorithm != ALGORITHM:
        raise ApiError(400, "IncompleteSignature", f"The request signature does not conform to Aliyun standards. "
                       f"Unsupported signature algorithm {algorithm!r}; expected {ALGORITHM}.")
    fields = {}
    for part in rest.split(","):
        name, sep, field = part.strip().partition("=")
        if sep:
            fields[name] = field
    if not fields.get("Credential") or not fields.get("SignedHeaders") or not fields.get("Signature"):
        raise ApiError(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards. "
                       "Authorization needs Credential=, SignedHeaders= and Signature=.")
    signed = fields["SignedHeaders"].split(";")
    if signed != sorted(set(signed)) or any(name != name.lower() or not name for name in signed):
        raise ApiError(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards. "
                       "SignedHeaders must be lower-case, sorted and unique.")
    return fields["Credential"], signed, fields["Signature"].lower()


def redacted(text):
    """`text` with the value of every Password query parameter hidden (ResetLoginPassword)."""
    return re.sub(r"((?:^|[&\n?])Password=)[^&\n]*", r"\1***", text)


class NonceStore:
    """Remembers signature nonces for twice the allowed clock skew."""

    def __init__(self):
        self.seen = {}
        self.lock = threading.Lock()

    def use(self, nonce, now) -> bool:
        with self.lock:
            if len(self.seen) > 10000:
                self.seen = {key: until for key, until in self.seen.items() if until > now}
            if nonce in self.seen:
                return False
            self.seen[nonce] = now + 2 * MAX_CLOCK_SKEW
            return True


def authenticate(method, raw_path, header_pairs, body, keys, nonces, now=None, log=None):
    """Verifies one request's V3 signature. `keys` maps key id → {"secret", "kind", "token"}.
    Returns (key id, key record) or raises ApiError with the gateway's code."""
    now = time.time() if now is None else now
    path, _, raw_query = raw_path.partition("?")
    values = header_values(header_pairs)
    key_id, signed, given = parse_authorization((values.get("authorization") or [""])[0])
    key = keys.get(key_id)
    if key is None:
        raise ApiError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.")
    date = (values.get("x-acs-date") or [""])[0]
    stamp = None
    if DATE_FORMAT.match(date):
        try:
            stamp = datetime.datetime.strptime(date, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc).timestamp()
        except ValueError:
            stamp = None
    if stamp is None or abs(now - stamp) > MAX_CLOCK_SKEW:
        raise ApiError(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.")
    for required in ["host"] + sorted(name for name in values if name.startswith("x-acs-")):
        if required not in signed:
            raise ApiError(400, "IncompleteSignature", f"The request signature does not conform to Aliyun standards. "
                           f"Header {required} must be signed.")
    for name in signed:
        if name not in values:
            raise ApiError(400, "IncompleteSignature", f"The request signature does not conform to Aliyun standards. "
                           f"Signed header {name} is not in the request.")
    if "x-acs-content-sha256" not in values:
        raise ApiError(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards. "
                       "Header x-acs-content-sha256 is missing.")
    payload_hash = hashlib.sha256(body).hexdigest()
    if values["x-acs-content-sha256"][0].lower() != payload_hash:
        raise ApiError(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation. "
                       "x-acs-content-sha256 is not the SHA-256 of the body.")
    canonical = canonical_request(method, path, raw_query, header_pairs, signed, payload_hash)
    expected = signature(key["secret"], canonical)
    if not hmac.compare_digest(expected, given):
        if log:
            log(f"signature mismatch for {key_id}; canonical request:\n{redacted(canonical)}\n---")
        raise ApiError(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.")
    nonce = (values.get("x-acs-signature-nonce") or [""])[0]
    if not nonce:
        raise ApiError(400, "MissingSignatureNonce", "SignatureNonce is mandatory for this action.")
    if not nonces.use(nonce, now):
        raise ApiError(400, "SignatureNonceUsed", "Specified signature nonce was used already.")
    if key.get("kind") == "sts" and (values.get("x-acs-security-token") or [""])[0] != key.get("token"):
        raise ApiError(400, "InvalidSecurityToken.Mismatch", "Specified SecurityToken mismatch with the AccessKey.")
    return key_id, key


def sign_headers(method, host, params, action, key_id, secret, token=None, body=b"", extra_headers=None,
                 date=None, nonce=None, version=API_VERSION):
    """Client side of §2.2: (canonical wire query, headers incl. Authorization). For tests."""
    query = "&".join(f"{rfc3986(str(k))}={rfc3986(str(v))}" for k, v in sorted(params.items()) if v is not None)
    headers = {
        "host": host,
        "x-acs-action": action,
        "x-acs-version": version,
        "x-acs-date": date or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "x-acs-signature-nonce": nonce or uuid.uuid4().hex,
        "x-acs-content-sha256": hashlib.sha256(body).hexdigest(),
        "accept": "application/json",
    }
    if token:
        headers["x-acs-security-token"] = token
    headers.update(extra_headers or {})
    signed = sorted(name.lower() for name in headers)
    canonical = canonical_request(method, "/", query, list(headers.items()), signed, headers["x-acs-content-sha256"])
    headers["Authorization"] = f"{ALGORITHM} Credential={key_id},SignedHeaders={';'.join(signed)},Signature={signature(secret, canonical)}"
    return query, headers


def signed_call(url, action, params, key_id, secret, method="POST", token=None, timeout=30, **kwargs):
    """Calls the emulator (or anything V3) and returns (HTTP status, response headers, decoded JSON)."""
    parsed = urllib.parse.urlparse(url)
    query, headers = sign_headers(method, parsed.netloc, params, action, key_id, secret, token=token, **kwargs)
    connection = http.client.HTTPConnection(parsed.netloc, timeout=timeout)
    try:
        connection.request(method, "/?" + query if query else "/", headers=headers)
        response = connection.getresponse()
        data = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, json.loads(data or b"null")
    finally:
        connection.close()


# ---------------------------------------------------------------------------------------------
# Reading the registry
# ---------------------------------------------------------------------------------------------

def rfc3339_ms(text):
    """Epoch milliseconds of an RFC 3339 time (any fraction length), or None."""
    if not isinstance(text, str) or not text:
        return None
    match = re.match(r"^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})?$", text.strip())
    if not match:
        return None
    day, clock, fraction, zone = match.groups()
    zone = "+00:00" if zone in (None, "Z", "z") else zone
    if re.match(r"^[+-]\d{4}$", zone):
        zone = zone[:3] + ":" + zone[3:]
    moment = datetime.datetime.fromisoformat(f"{day}T{clock}{zone}")
    micros = int(((fraction or ".0")[1:] + "000000")[:6])
    return int(moment.timestamp()) * 1000 + micros // 1000


def next_link(header):
    match = re.search(r"<([^>]+)>\s*;\s*rel=\"?next\"?", header or "")
    if not match:
        return None
    target = urllib.parse.urlparse(match.group(1))
    return target.path + ("?" + target.query if target.query else "")


class RegistryReader:
    """Reads catalog, tags, manifests and config blobs of one registry (Basic or Bearer auth)."""

    def __init__(self, url, username, password):
        from registry_client import RegistryClient
        self.client = RegistryClient(url, username, password)
        self.lock = threading.Lock()
        self.manifests = {}  # (repository, digest) → description
        self.created = {}    # config digest → epoch ms or None
        self.platforms = {}  # config digest → {"os", "architecture"} or None

    def get(self, path, accept=None, allow=(200,)):
        headers = {"Accept": accept} if accept else {}
        return self.client.request("GET", path, headers=headers, allow=allow)

    def paged(self, path, field):
        """Every item of a paged list; None when the list is gone (404)."""
        items = []
        while path:
            response, data = self.get(path, allow=(200, 404))
            if response.status == 404:
                return None
            items += json.loads(data).get(field) or []
            path = next_link(response.getheader("Link"))
        return items

    def catalog(self):
        return self.paged("/v2/_catalog?n=1000", "repositories") or []

    def tags(self, repository):
        """The tags; None for a repository deleted since the catalog was read (tests run in parallel)."""
        return self.paged(f"/v2/{repository}/tags/list", "tags")

    def config_created(self, repository, digest):
        if not digest:
            return None
        with self.lock:
            if digest in self.created:
                return self.created[digest]
        created, platform = None, None
        try:
            _, data = self.get(f"/v2/{repository}/blobs/{digest}")
            document = json.loads(data)
            if isinstance(document, dict):
                created = rfc3339_ms(document.get("created"))
                if document.get("os"):
                    platform = {"os": document.get("os"), "architecture": document.get("architecture") or ""}
        except (RuntimeError, ValueError):
            created = None
        with self.lock:
            self.created[digest] = created
            self.platforms[digest] = platform
        return created

    def describe(self, repository, reference):
        """{digest, mediaType, size, created, configDigest, layers} of a tag or digest (an index adds
        children: [{digest, platform}]); None if gone."""
        if reference.startswith("sha256:"):
            with self.lock:
                cached = self.manifests.get((repository, reference))
            if cached:
                return cached
        response, data = self.get(f"/v2/{repository}/manifests/{reference}", MANIFEST_ACCEPT, allow=(200, 404))
        if response.status == 404:
            return None
        document = json.loads(data)
        media = document.get("mediaType") or (response.getheader("Content-Type") or "").split(";")[0].strip()
        digest = "sha256:" + hashlib.sha256(data).hexdigest()
        if media in INDEX_TYPES or "manifests" in document:
            size, created, layers, config, sizes = 0, None, [], None, []
            for child in document.get("manifests") or []:
                platform = child.get("platform")
                if not platform or platform.get("os") == "unknown" or platform.get("architecture") == "unknown":
                    continue
                described = self.describe(repository, child["digest"])
                if described is None:
                    continue
                size += described["size"]
                if created is None:
                    created, layers, config = described["created"], described["layers"], described["configDigest"]
                    sizes = described["layerSizes"]
            children = [{"digest": child.get("digest"), "platform": child.get("platform")}
                        for child in document.get("manifests") or []]
            result = {"digest": digest, "mediaType": media, "size": size, "created": created,
                      "configDigest": None, "layers": layers, "layerSizes": sizes, "firstChildConfig": config,
                      "children": children}
        else:
            config = document.get("config") or {}
            layers = document.get("layers") or []
            result = {"digest": digest, "mediaType": media,
                      "size": int(config.get("size") or 0) + sum(int(layer.get("size") or 0) for layer in layers),
                      "created": self.config_created(repository, config.get("digest")),
                      "configDigest": config.get("digest"), "layers": [layer.get("digest") for layer in layers],
                      "platform": self.platforms.get(config.get("digest")),
                      "layerSizes": [int(layer.get("size") or 0) for layer in layers]}
        with self.lock:
            self.manifests[(repository, digest)] = result
        return result

    def read_all(self, workers=8, snapshot_path=None):
        """{repository: {tag: description}} for every multi-segment repository. With `snapshot_path`,
        unchanged repositories come from the snapshot there (see reader_snapshot.py)."""
        import reader_snapshot
        snapshot = reader_snapshot.load(snapshot_path)
        self.remember(snapshot)
        repositories = [name for name in self.catalog() if "/" in name]
        with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
            tag_lists = {name: [tag for tag in tags if not REFERRER_TAG.match(tag)]
                         for name, tags in zip(repositories, pool.map(self.tags, repositories)) if tags is not None}
            result, jobs = {}, []
            for name in (name for name in repositories if name in tag_lists):
                saved = reader_snapshot.reusable(snapshot, name, tag_lists[name])
                result[name] = dict(saved) if saved is not None else {}
                if saved is None:
                    jobs += [(name, tag) for tag in tag_lists[name]]
            described = pool.map(lambda job: self.describe(*job), jobs)
            for (name, tag), description in zip(jobs, described):
                if description is not None:
                    result[name][tag] = description
        if any(not name.startswith(reader_snapshot.MUTABLE_PREFIX) for name, _ in jobs):
            reader_snapshot.save(snapshot_path, self, result, tag_lists)
        return result

    def remember(self, snapshot):
        """Fills the manifest and config caches from a snapshot."""
        with self.lock:
            for name, digest, description in snapshot.get("manifests") or []:
                self.manifests[(name, digest)] = description
            for digest, created, platform in snapshot.get("configs") or []:
                self.created[digest] = created
                self.platforms[digest] = platform


# ---------------------------------------------------------------------------------------------
# The model
# ---------------------------------------------------------------------------------------------

def stable_id(prefix, *parts):
    return prefix + hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:16]


def new_namespace(instance_id, name, auto_create=True, repo_type="PRIVATE", configuration=None):
    return {
        "NamespaceId": stable_id("crn-", instance_id, name),
        "NamespaceName": name,
        "NamespaceStatus": "NORMAL",
        "AutoCreateRepo": auto_create,
        "DefaultRepoType": repo_type,
        "DefaultRepoConfiguration": configuration or {"RepoType": repo_type, "TagImmutability": False,
                                                      "ArtifactBuildRuleParameters": {"ImageIndexOnly": False}},
    }


def new_repository(instance_id, namespace, name, summary, repo_type="PRIVATE", detail="", immutable=False,
                   created=None, modified=None):
    stamp = now_ms()
    return {
        "RepoId": stable_id("crr-", instance_id, namespace, name),
        "RepoNamespaceName": namespace,
        "RepoName": name,
        "RepoType": repo_type,
        "RepoStatus": "NORMAL",
        "RepoBuildType": "MANUAL",
        "Summary": summary,
        "Detail": detail,
        "TagImmutability": immutable,
        "CreateTime": created or stamp,
        "ModifiedTime": modified or created or stamp,
        "tags": {},
    }


def tag_record(tag, description, fallback_ms):
    created = description.get("created") or fallback_ms
    image_id = (description.get("configDigest") or description["digest"]).split(":")[-1]
    return {"Tag": tag, "Digest": description["digest"].split(":")[-1], "ImageId": image_id,
            "ImageSize": int(description.get("size") or 0), "ImageCreate": created, "ImageUpdate": created,
            "Status": "NORMAL", "layers": list(description.get("layers") or []),
            "layerSizes": list(description.get("layerSizes") or [])}


def build_model(registry_data, region, started_ms):
    instances = {}
    for instance_id, name, created in ((INSTANCE_MAIN, "emulator-main", 1704067200000),
                                       (INSTANCE_EMPTY, "emulator-empty", 1706745600000)):
        instances[instance_id] = {
            "InstanceId": instance_id, "InstanceName": name, "InstanceStatus": "RUNNING",
            "InstanceSpecification": "Enterprise_Advanced" if instance_id == INSTANCE_MAIN else "Enterprise_Basic",
            "InstanceIssue": "", "RegionId": region, "ResourceGroupId": RESOURCE_GROUP,
            "CreateTime": created, "ModifiedTime": created + 3600 * 1000,
            "Tags": [{"TagKey": "purpose", "TagValue": "regconsole-tests"}],
            "namespaces": {}, "repos": {}, "rules": {}, "scans": {},
        }
    main = instances[INSTANCE_MAIN]
    for full_name in sorted(registry_data):
        namespace, _, repo_name = full_name.partition("/")
        if namespace not in main["namespaces"]:
            main["namespaces"][namespace] = new_namespace(INSTANCE_MAIN, namespace)
        tags = {tag: tag_record(tag, description, started_ms) for tag, description in registry_data[full_name].items()}
        times = [record["ImageCreate"] for record in tags.values()]
        summary = APP_SUMMARY if full_name == "ns/app" else f"synced from {full_name}"
        repo = new_repository(INSTANCE_MAIN, namespace, repo_name, summary,
                              created=min(times) if times else started_ms, modified=max(times) if times else started_ms)
        repo["tags"] = tags
        main["repos"][repo["RepoId"]] = repo
    acr_delivery.seed_delivery(instances, INSTANCE_MAIN, started_ms)
    acr_replication.seed_replication(instances, INSTANCE_MAIN, INSTANCE_EMPTY, region, started_ms)
    return instances


# ---------------------------------------------------------------------------------------------
# Vulnerability table (deterministic findings per digest)
# ---------------------------------------------------------------------------------------------

VULNERABILITIES = [
    {"CveName": "CVE-2023-4911", "Severity": "High", "Feature": "libc6", "Version": "2.36-9+deb12u1",
     "VersionFixed": "2.36-9+deb12u3", "VersionFormat": "dpkg", "FixCmd": "apt-get update && apt-get install -y --only-upgrade libc6",
     "CveLink": "https://security-tracker.debian.org/tracker/CVE-2023-4911", "ScanType": "cve",
     "Description": "A buffer overflow in the GNU C Library's dynamic loader ld.so while processing the GLIBC_TUNABLES environment variable (Looney Tunables)."},
    {"CveName": "CVE-2023-38545", "Severity": "High", "Feature": "curl", "Version": "8.2.1-r0",
     "VersionFixed": "8.4.0-r0", "VersionFormat": "apk", "FixCmd": "apk upgrade curl",
     "CveLink": "https://nvd.nist.gov/vuln/detail/CVE-2023-38545", "ScanType": "cve",
     "Description": "SOCKS5 堆缓冲区溢出：curl 在 SOCKS5 代理握手过程中处理过长主机名时可能发生堆溢出。"},
    {"CveName": "CVE-2023-5363", "Severity": "High", "Feature": "openssl", "Version": "3.0.11-1~deb12u1",
     "VersionFixed": "3.0.11-1~deb12u2", "VersionFormat": "dpkg", "FixCmd": "apt-get update && apt-get install -y --only-upgrade openssl",
     "CveLink": "https://security-tracker.debian.org/tracker/CVE-2023-5363", "ScanType": "cve",
     "Description": "Incorrect cipher key and IV length processing in OpenSSL 3.x may cause truncation or overruns."},
    {"CveName": "CVE-2023-44487", "Severity": "High", "Feature": "golang.org/x/net", "Version": "v0.15.0",
     "VersionFixed": "v0.17.0", "VersionFormat": "gomod", "FixCmd": "go get golang.org/x/net@v0.17.0",
     "CveLink": "https://nvd.nist.gov/vuln/detail/CVE-2023-44487", "ScanType": "sca", "CveLocation": "/usr/local/bin/app",
     "Description": "The HTTP/2 protocol allows a denial of service (rapid reset) because request cancellation can reset many streams quickly."},
    {"CveName": "CVE-2023-29491", "Severity": "Medium", "Feature": "ncurses-libs", "Version": "6.4_p20230506-r0",
     "VersionFixed": "", "VersionFormat": "apk", "FixCmd": "",
     "CveLink": "https://nvd.nist.gov/vuln/detail/CVE-2023-29491", "ScanType": "cve",
     "Description": "ncurses before 6.4 20230408, when used by a setuid application, allows local users to trigger memory corruption via malformed terminfo data."},
    {"CveName": "CVE-2023-39615", "Severity": "Medium", "Feature": "libxml2", "Version": "2.9.14+dfsg-1.3",
     "VersionFixed": "", "VersionFormat": "dpkg", "FixCmd": "",
     "CveLink": "https://security-tracker.debian.org/tracker/CVE-2023-39615", "ScanType": "cve",
     "Description": "Xmlsoft Libxml2 v2.11.0 was discovered to contain an out-of-bounds read via the xmlSAX2StartElement() function."},
    {"CveName": "CVE-2023-2650", "Severity": "Medium", "Feature": "libssl3", "Version": "3.1.0-r4",
     "VersionFixed": "3.1.1-r0", "VersionFormat": "apk", "FixCmd": "apk upgrade libssl3",
     "CveLink": "https://nvd.nist.gov/vuln/detail/CVE-2023-2650", "ScanType": "cve",
     "Description": "Processing some specially crafted ASN.1 object identifiers or data containing them may be very slow."},
    {"CveName": "CVE-2023-45853", "Severity": "Medium", "Feature": "zlib1g", "Version": "1:1.2.13.dfsg-1",
     "VersionFixed": "", "VersionFormat": "dpkg", "FixCmd": "",
     "CveLink": "https://security-tracker.debian.org/tracker/CVE-2023-45853", "ScanType": "cve",
     "Description": "MiniZip in zlib through 1.3 has an integer overflow and resultant heap-based buffer overflow in zipOpenNewFileInZip4_64."},
    {"CveName": "CVE-2023-32681", "Severity": "Medium", "Feature": "requests", "Version": "2.28.2",
     "VersionFixed": "2.31.0", "VersionFormat": "pip", "FixCmd": "pip install 'requests>=2.31.0'",
     "CveLink": "https://nvd.nist.gov/vuln/detail/CVE-2023-32681", "ScanType": "sca",
     "CveLocation": "/usr/lib/python3/dist-packages/requests-2.28.2.dist-info/METADATA",
     "Description": "Requests forwards Proxy-Authorization headers to destination servers when redirected to an HTTPS endpoint."},
    {"CveName": "CVE-2022-3715", "Severity": "Low", "Feature": "bash", "Version": "5.2.15-2",
     "VersionFixed": "", "VersionFormat": "dpkg", "FixCmd": "",
     "CveLink": "https://security-tracker.debian.org/tracker/CVE-2022-3715", "ScanType": "cve",
     "Description": "A heap-buffer-overflow in valid_parameter_transform in bash."},
    {"CveName": "CVE-2023-4039", "Severity": "Low", "Feature": "gcc-12-base", "Version": "12.2.0-14",
     "VersionFixed": "", "VersionFormat": "dpkg", "FixCmd": "",
     "CveLink": "https://security-tracker.debian.org/tracker/CVE-2023-4039", "ScanType": "cve",
     "Description": "A failure in the -fstack-protector feature in GCC-based toolchains targeting AArch64."},
    {"CveName": "CVE-2023-28531", "Severity": "Low", "Feature": "openssh-client", "Version": "9.3_p1-r3",
     "VersionFixed": "9.3_p2-r0", "VersionFormat": "apk", "FixCmd": "apk upgrade openssh-client",
     "CveLink": "https://nvd.nist.gov/vuln/detail/CVE-2023-28531", "ScanType": "cve",
     "Description": "ssh-add in OpenSSH before 9.3 adds smartcard keys to ssh-agent without the intended per-hop destination constraints."},
    {"CveName": "CVE-2022-27943", "Severity": "Low", "Feature": "libstdc++6", "Version": "12.2.0-14",
     "VersionFixed": "", "VersionFormat": "dpkg", "FixCmd": "",
     "CveLink": "https://security-tracker.debian.org/tracker/CVE-2022-27943", "ScanType": "cve",
     "Description": "libiberty/rust-demangle.c in GNU GCC 11.2 allows stack consumption in demangle_const."},
    {"CveName": "CVE-2023-31484", "Severity": "Unknown", "Feature": "perl-base", "Version": "5.36.0-7",
     "VersionFixed": "5.36.0-7+deb12u1", "VersionFormat": "dpkg", "FixCmd": "apt-get update && apt-get install -y --only-upgrade perl-base",
     "CveLink": "https://security-tracker.debian.org/tracker/CVE-2023-31484", "ScanType": "cve",
     "Description": "CPAN.pm before 2.35 does not verify TLS certificates when downloading distributions over HTTPS."},
    {"CveName": "CVE-2024-0727", "Severity": "Unknown", "Feature": "libcrypto3", "Version": "3.1.4-r2",
     "VersionFixed": "3.1.4-r5", "VersionFormat": "apk", "FixCmd": "apk upgrade libcrypto3",
     "CveLink": "https://nvd.nist.gov/vuln/detail/CVE-2024-0727", "ScanType": "cve",
     "Description": "Processing a maliciously formatted PKCS12 file may lead OpenSSL to crash leading to a potential Denial of Service attack."},
    {"CveName": "CVE-2023-24329", "Severity": "Medium", "Feature": "python3.11", "Version": "3.11.2-6",
     "VersionFixed": "3.11.2-6+deb12u1", "VersionFormat": "dpkg", "FixCmd": "apt-get update && apt-get install -y --only-upgrade python3.11",
     "CveLink": "https://security-tracker.debian.org/tracker/CVE-2023-24329", "ScanType": "cve",
     "Description": "urllib.parse in Python before 3.11.4 allows attackers to bypass blocklisting methods by supplying a URL that starts with blank characters."},
]
SEVERITY_ORDER = {"High": 0, "Medium": 1, "Low": 2, "Unknown": 3}


def findings(digest_hex, layers):
    """3–12 vulnerabilities chosen by hashing the digest, sorted by severity then CveName."""
    seed = hashlib.sha256(digest_hex.encode()).digest()
    count = 3 + seed[0] % 10
    order = sorted(range(len(VULNERABILITIES)),
                   key=lambda index: hashlib.sha256(f"{digest_hex}/{index}".encode()).hexdigest())
    chosen = []
    for position, index in enumerate(order[:count]):
        entry = dict(VULNERABILITIES[index])
        entry.setdefault("CveLocation", "")
        entry["AliasName"] = entry["CveName"]
        entry["AddedBy"] = layers[position % len(layers)] if layers else ""
        chosen.append(entry)
    chosen.sort(key=lambda entry: (SEVERITY_ORDER[entry["Severity"]], entry["CveName"]))
    return chosen


# ---------------------------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------------------------

class Params:
    def __init__(self, values):
        self.values = values

    def text(self, name, required=False, default=None):
        value = self.values.get(name)
        if value is None or (required and value == ""):
            if required:
                raise ApiError(400, f"Missing{name}", f"{name} is mandatory for this action.")
            return default
        return value

    def integer(self, name, default=None, required=False, minimum=None, maximum=None):
        value = self.text(name, required)
        if value is None or value == "":
            return default
        try:
            number = int(value)
        except ValueError:
            raise ApiError(400, f"InvalidParameter.{name}", f"The parameter {name} must be an integer: {value!r}.")
        if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
            raise ApiError(400, f"InvalidParameter.{name}", f"The parameter {name} is out of range: {number}.")
        return number

    def boolean(self, name, default=None, required=False):
        value = self.text(name, required)
        if value is None or value == "":
            return default
        if value.lower() in ("true", "false"):
            return value.lower() == "true"
        raise ApiError(400, f"InvalidParameter.{name}", f"The parameter {name} must be true or false: {value!r}.")

    def choice(self, name, choices, default=None, required=False):
        value = self.text(name, required)
        if value is None or value == "":
            return default
        if value not in choices:
            raise ApiError(400, f"InvalidParameter.{name}", f"The parameter {name} must be one of {', '.join(choices)}: {value!r}.")
        return value


def page(params, items):
    page_no = params.integer("PageNo", 1)
    page_size = params.integer("PageSize", 30)
    if page_no < 1:
        raise ApiError(400, "InvalidParameter.PageNo", f"PageNo must be at least 1: {page_no}.")
    if page_size < 1 or page_size > 100:
        raise ApiError(400, "InvalidParameter.PageSize", f"PageSize must be between 1 and 100: {page_size}.")
    start = (page_no - 1) * page_size
    return items[start:start + page_size], {"PageNo": page_no, "PageSize": page_size}


def page_or_token(params, items):
    """PageNo/PageSize, or MaxResults/NextToken when either is given (they take priority)."""
    if params.text("MaxResults") in (None, "") and params.text("NextToken") in (None, ""):
        return page(params, items)
    size = params.integer("MaxResults", 30)
    if size < 1 or size > 100:
        raise ApiError(400, "InvalidParameter.MaxResults", f"MaxResults must be between 1 and 100: {size}.")
    token = params.text("NextToken") or ""
    offset = 0
    if token:
        match = re.match(r"^o(\d+)$", token)
        if not match:
            raise ApiError(400, "InvalidParameter.NextToken", "The NextToken is invalid.")
        offset = int(match.group(1))
    chunk = items[offset:offset + size]
    echo = {"MaxResults": size}
    if offset + size < len(items):
        echo["NextToken"] = f"o{offset + size}"
    return chunk, echo


# ---------------------------------------------------------------------------------------------
# The API
# ---------------------------------------------------------------------------------------------

READ_ONLY_PREFIXES = ("List", "Get")


class Api(acr_delivery.DeliveryApi, acr_replication.ReplicationApi):
    Error = ApiError
    page = staticmethod(page)
    make_namespace = staticmethod(new_namespace)
    make_repository = staticmethod(new_repository)

    def __init__(self, instances, region, registry_url, username, password):
        self.lock = threading.RLock()
        self.initial = copy.deepcopy(instances)
        self.instances = instances
        self.region = region
        self.registry_host = urllib.parse.urlparse(registry_url).netloc
        self.username, self.password = username, password
        self.actions = {name[3:]: getattr(self, name) for name in dir(self) if name.startswith("do_")}

    def reset_model(self):
        with self.lock:
            self.instances = copy.deepcopy(self.initial)
            self.build_timing = acr_delivery.DEFAULT_TIMING
            self.sync_timing = acr_replication.DEFAULT_SYNC_TIMING

    def call(self, action, params):
        with self.lock:
            self.settle_deliveries()
            self.settle_replication()
            return self.actions[action](Params(params))

    # -- lookups -------------------------------------------------------------------------

    def instance(self, p):
        instance_id = p.text("InstanceId", required=True)
        instance = self.instances.get(instance_id)
        if instance is None:
            raise ApiError(404, "INSTANCE_NOT_EXIST", f"The instance {instance_id} does not exist.")
        return instance

    @staticmethod
    def namespace(instance, name):
        namespace = instance["namespaces"].get(name)
        if namespace is None:
            raise ApiError(404, "NAMESPACE_NOT_EXIST", f"The namespace {name} does not exist.")
        return namespace

    @staticmethod
    def find_repo(instance, namespace, name):
        for repo in instance["repos"].values():
            if repo["RepoNamespaceName"] == namespace and repo["RepoName"] == name:
                return repo
        return None

    def repo(self, instance, p, id_required=False):
        repo_id = p.text("RepoId", required=id_required)
        if repo_id:
            repo = instance["repos"].get(repo_id)
            if repo is None:
                raise ApiError(404, "REPO_NOT_EXIST", f"The repository {repo_id} does not exist.")
            return repo
        namespace, name = p.text("RepoNamespaceName"), p.text("RepoName")
        if not namespace or not name:
            raise ApiError(400, "InvalidParameter", "RepoId, or RepoNamespaceName and RepoName, must be given.")
        repo = self.find_repo(instance, namespace, name)
        if repo is None:
            raise ApiError(404, "REPO_NOT_EXIST", f"The repository {namespace}/{name} does not exist.")
        return repo

    @staticmethod
    def tag(repo, name):
        record = repo["tags"].get(name)
        if record is None:
            raise ApiError(404, "TAG_NOT_EXIST", f"The tag {name} does not exist in {repo['RepoNamespaceName']}/{repo['RepoName']}.")
        return record

    # -- views ---------------------------------------------------------------------------

    @staticmethod
    def instance_view(instance, string_times=False):
        view = {key: instance[key] for key in ("InstanceId", "InstanceName", "InstanceStatus", "InstanceSpecification",
                                               "InstanceIssue", "ResourceGroupId", "CreateTime", "ModifiedTime")}
        view["Tags"] = copy.deepcopy(instance["Tags"])
        if string_times:
            view["CreateTime"], view["ModifiedTime"] = str(view["CreateTime"]), str(view["ModifiedTime"])
            view["RegionId"] = instance["RegionId"]
        return view

    @staticmethod
    def namespace_view(instance, namespace):
        view = {key: copy.deepcopy(value) for key, value in namespace.items()}
        view["InstanceId"] = instance["InstanceId"]
        view["ResourceGroupId"] = RESOURCE_GROUP
        return view

    @staticmethod
    def repo_view(instance, repo, detail=False):
        keys = ["RepoId", "RepoNamespaceName", "RepoName", "RepoType", "RepoStatus", "RepoBuildType", "Summary",
                "TagImmutability", "CreateTime", "ModifiedTime"] + (["Detail"] if detail else [])
        view = {key: repo[key] for key in keys}
        view["InstanceId"] = instance["InstanceId"]
        view["ResourceGroupId"] = RESOURCE_GROUP
        return view

    @staticmethod
    def tag_view(record, string_times=False):
        view = {key: record[key] for key in ("Tag", "Digest", "ImageId", "ImageSize", "ImageCreate", "ImageUpdate", "Status")}
        if string_times:
            view["ImageCreate"], view["ImageUpdate"] = str(view["ImageCreate"]), str(view["ImageUpdate"])
        return view

    # -- instances -----------------------------------------------------------------------

    def do_ListInstance(self, p):
        name = p.text("InstanceName")
        status = p.text("InstanceStatus")
        group = p.text("ResourceGroupId")
        items = [instance for instance in self.instances.values()
                 if (not name or name in instance["InstanceName"]) and (not status or instance["InstanceStatus"] == status)
                 and (not group or instance["ResourceGroupId"] == group)]
        chunk, echo = page(p, items)
        return {"Instances": [self.instance_view(instance, string_times=True) for instance in chunk], **echo,
                "TotalCount": len(items)}

    def do_GetInstance(self, p):
        return self.instance_view(self.instance(p))

    def do_GetAuthorizationToken(self, p):
        self.instance(p)
        hours = p.integer("ExpiresInHours", 1, minimum=1, maximum=24)
        return {"TempUsername": self.username, "AuthorizationToken": self.password,
                "ExpireTime": now_ms() + hours * 3600 * 1000}

    # -- namespaces ----------------------------------------------------------------------

    def do_ListNamespace(self, p):
        instance = self.instance(p)
        name = p.text("NamespaceName")
        status = p.choice("NamespaceStatus", ("NORMAL", "DELETING"))
        items = [namespace for key, namespace in sorted(instance["namespaces"].items())
                 if (not name or name in key) and (not status or namespace["NamespaceStatus"] == status)]
        chunk, echo = page(p, items)
        return {"Namespaces": [self.namespace_view(instance, namespace) for namespace in chunk], **echo,
                "TotalCount": str(len(items))}

    def do_GetNamespace(self, p):
        instance = self.instance(p)
        namespace_id, name = p.text("NamespaceId"), p.text("NamespaceName")
        if namespace_id:
            found = [namespace for namespace in instance["namespaces"].values() if namespace["NamespaceId"] == namespace_id]
            if not found:
                raise ApiError(404, "NAMESPACE_NOT_EXIST", f"The namespace {namespace_id} does not exist.")
            return self.namespace_view(instance, found[0])
        if not name:
            raise ApiError(400, "InvalidParameter", "NamespaceId or NamespaceName must be given.")
        return self.namespace_view(instance, self.namespace(instance, name))

    @staticmethod
    def repo_configuration(p):
        text = p.text("DefaultRepoConfiguration")
        if not text:
            return None
        try:
            value = json.loads(text)
        except ValueError:
            value = None
        if not isinstance(value, dict):
            raise ApiError(400, "InvalidParameter.DefaultRepoConfiguration", "DefaultRepoConfiguration must be a JSON object.")
        return value

    def do_CreateNamespace(self, p):
        instance = self.instance(p)
        name = p.text("NamespaceName", required=True)
        if not NAMESPACE_NAME.match(name):
            raise ApiError(400, "InvalidParameter.NamespaceName", "The namespace name must be 2 to 120 characters of lower-case "
                           "letters, digits and the separators _ - ., and must not start or end with a separator.")
        if name in instance["namespaces"]:
            raise ApiError(400, "NAMESPACE_ALREADY_EXIST", f"The namespace {name} already exists.")
        auto = p.boolean("AutoCreateRepo", True)
        repo_type = p.choice("DefaultRepoType", ("PUBLIC", "PRIVATE"), default="PRIVATE")
        configuration = self.repo_configuration(p)
        instance["namespaces"][name] = new_namespace(instance["InstanceId"], name, auto, repo_type, configuration)
        return {}

    def do_UpdateNamespace(self, p):
        instance = self.instance(p)
        namespace = self.namespace(instance, p.text("NamespaceName", required=True))
        auto = p.boolean("AutoCreateRepo")
        repo_type = p.choice("DefaultRepoType", ("PUBLIC", "PRIVATE"))
        configuration = self.repo_configuration(p)
        if auto is not None:
            namespace["AutoCreateRepo"] = auto
        if repo_type is not None:
            namespace["DefaultRepoType"] = repo_type
        if configuration is not None:
            namespace["DefaultRepoConfiguration"] = configuration
        return {}

    def do_DeleteNamespace(self, p):
        instance = self.instance(p)
        name = p.text("NamespaceName", required=True)
        self.namespace(instance, name)
        del instance["namespaces"][name]
        for repo_id in [repo_id for repo_id, repo in instance["repos"].items() if repo["RepoNamespaceName"] == name]:
            self.forget_repo(instance, repo_id)
        return {}

    # -- repositories --------------------------------------------------------------------

    def forget_repo(self, instance, repo_id):
        instance["repos"].pop(repo_id, None)
        self.forget_repo_delivery(instance, repo_id)
        for key in [key for key in instance["scans"] if key[0] == repo_id]:
            del instance["scans"][key]

    def do_ListRepository(self, p):
        instance = self.instance(p)
        namespace = p.text("RepoNamespaceName")
        name = p.text("RepoName")
        status = p.choice("RepoStatus", ("NORMAL", "DELETING", "DELETED", "ALL"), default="ALL")
        items = sorted((repo for repo in instance["repos"].values()
                        if (not namespace or repo["RepoNamespaceName"] == namespace) and (not name or name in repo["RepoName"])
                        and (status == "ALL" or repo["RepoStatus"] == status)),
                       key=lambda repo: (repo["RepoNamespaceName"], repo["RepoName"]))
        chunk, echo = page_or_token(p, items)
        return {"Repositories": [self.repo_view(instance, repo) for repo in chunk], **echo, "TotalCount": str(len(items))}

    def do_GetRepository(self, p):
        instance = self.instance(p)
        return self.repo_view(instance, self.repo(instance, p), detail=True)

    def do_CreateRepository(self, p):
        instance = self.instance(p)
        namespace = p.text("RepoNamespaceName", required=True)
        name = p.text("RepoName", required=True)
        repo_type = p.choice("RepoType", ("PUBLIC", "PRIVATE"), required=True)
        summary = p.text("Summary", required=True)
        detail = p.text("Detail", default="")
        immutable = p.boolean("TagImmutability", False)
        if not (2 <= len(name) <= 64) or not REPO_NAME.match(name):
            raise ApiError(400, "InvalidParameter.RepoName", "The repository name must be 2 to 64 characters of lower-case "
                           "letters, digits and the separators _ - . /.")
        if len(summary) > 100:
            raise ApiError(400, "InvalidParameter.Summary", "The summary must be at most 100 characters.")
        self.namespace(instance, namespace)
        if self.find_repo(instance, namespace, name):
            raise ApiError(400, "REPO_ALREADY_EXIST", f"The repository {namespace}/{name} already exists.")
        repo = new_repository(instance["InstanceId"], namespace, name, summary, repo_type, detail, immutable)
        instance["repos"][repo["RepoId"]] = repo
        return {"RepoId": repo["RepoId"]}

    def do_UpdateRepository(self, p):
        instance = self.instance(p)
        repo = self.repo(instance, p)
        repo_type = p.choice("RepoType", ("PUBLIC", "PRIVATE"), required=True)
        summary = p.text("Summary", required=True)
        if len(summary) > 100:
            raise ApiError(400, "InvalidParameter.Summary", "The summary must be at most 100 characters.")
        detail = p.text("Detail")
        immutable = p.boolean("TagImmutability")
        repo["RepoType"], repo["Summary"] = repo_type, summary
        if detail is not None:
            repo["Detail"] = detail
        if immutable is not None:
            repo["TagImmutability"] = immutable
        repo["ModifiedTime"] = now_ms()
        return {}

    def do_DeleteRepository(self, p):
        instance = self.instance(p)
        repo = self.repo(instance, p)
        self.forget_repo(instance, repo["RepoId"])
        return {}

    # -- tags ----------------------------------------------------------------------------

    def do_ListRepoTag(self, p):
        instance = self.instance(p)
        repo = self.repo(instance, p, id_required=True)
        items = sorted(repo["tags"].values(), key=lambda record: (-record["ImageUpdate"], record["Tag"]))
        chunk, echo = page_or_token(p, items)
        return {"Images": [self.tag_view(record, string_times=True) for record in chunk], **echo, "TotalCount": str(len(items))}

    def do_GetRepoTag(self, p):
        instance = self.instance(p)
        repo = self.repo(instance, p, id_required=True)
        return self.tag_view(self.tag(repo, p.text("Tag", required=True)))

    def do_DeleteRepoTag(self, p):
        instance = self.instance(p)
        repo = self.repo(instance, p, id_required=True)
        name = p.text("Tag", required=True)
        self.tag(repo, name)
        del repo["tags"][name]
        instance["scans"].pop((repo["RepoId"], name), None)
        repo["ModifiedTime"] = now_ms()
        return {}

    def do_CreateRepoTag(self, p):
        instance = self.instance(p)
        namespace = p.text("NamespaceName", required=True)
        name = p.text("RepoName", required=True)
        source = p.text("FromTag", required=True)
        target = p.text("ToTag", required=True)
        repo = self.find_repo(instance, namespace, name)
        if repo is None:
            raise ApiError(404, "REPO_NOT_EXIST", f"The repository {namespace}/{name} does not exist.")
        record = self.tag(repo, source)
        if not TAG_NAME.match(target):
            raise ApiError(400, "InvalidParameter.ToTag", f"Invalid tag name {target!r}.")
        if target in repo["tags"] and repo["TagImmutability"]:
            raise ApiError(400, "TAG_IMMUTABLE", f"The tag {target} exists and the repository's tags are immutable.")
        copied = copy.deepcopy(record)
        copied["Tag"] = target
        copied["ImageUpdate"] = now_ms()
        repo["tags"][target] = copied
        instance["scans"].pop((repo["RepoId"], target), None)
        return {}

    # -- scans ---------------------------------------------------------------------------

    def scan_target(self, instance, p):
        """(repo, tag name, tag record, scan task or None) for RepoId+Tag or ScanTaskId."""
        task_id = p.text("ScanTaskId")
        if task_id and not (p.text("RepoId") and p.text("Tag")):
            for (repo_id, tag), task in instance["scans"].items():
                if task["ScanTaskId"] == task_id:
                    repo = instance["repos"][repo_id]
                    return repo, tag, repo["tags"][tag], task
            raise ApiError(404, "SCAN_TASK_NOT_EXIST", f"The scan task {task_id} does not exist.")
        repo = self.repo(instance, p, id_required=True)
        name = p.text("Tag", required=True)
        record = self.tag(repo, name)
        return repo, name, record, instance["scans"].get((repo["RepoId"], name))

    def do_CreateRepoTagScanTask(self, p):
        instance = self.instance(p)
        repo = self.repo(instance, p, id_required=True)
        name = p.text("Tag", required=True)
        record = self.tag(repo, name)
        service = p.choice("ScanService", ("ACR_SCAN_SERVICE", "SAS_SCAN_SERVICE"), default="ACR_SCAN_SERVICE")
        instance["scans"][(repo["RepoId"], name)] = {
            "ScanTaskId": str(uuid.uuid4()), "ScanService": service, "ScanType": p.text("ScanType") or "",
            "polls": 0, "digest": record["Digest"], "layers": list(record["layers"]), "created": now_ms(),
        }
        return {}

    def do_GetRepoTagScanStatus(self, p):
        instance = self.instance(p)
        _, _, _, task = self.scan_target(instance, p)
        if task is None:
            return {"Status": "NO_DATA"}
        task["polls"] += 1
        return {"Status": "SCANNING" if task["polls"] <= 2 else "COMPLETE", "ScanService": task["ScanService"]}

    @staticmethod
    def task_findings(task):
        if task is None or task["polls"] <= 2:
            return []
        return findings(task["digest"], task["layers"])

    def do_GetRepoTagScanSummary(self, p):
        instance = self.instance(p)
        _, _, _, task = self.scan_target(instance, p)
        items = self.task_findings(task)
        counts = {level: sum(1 for item in items if item["Severity"] == level) for level in SEVERITY_ORDER}
        return {"HighSeverity": counts["High"], "MediumSeverity": counts["Medium"], "LowSeverity": counts["Low"],
                "UnknownSeverity": counts["Unknown"], "TotalSeverity": len(items)}

    def do_ListRepoTagScanResult(self, p):
        instance = self.instance(p)
        _, _, _, task = self.scan_target(instance, p)
        severity = p.choice("Severity", tuple(SEVERITY_ORDER))
        scan_type = p.choice("ScanType", ("cve", "sca"))
        query = p.text("VulQueryKey")
        only = p.choice("FilterValue", ("FixCmd",))
        items = [item for item in self.task_findings(task)
                 if (not severity or item["Severity"] == severity) and (not scan_type or item["ScanType"] == scan_type)
                 and (not query or query.lower() in (item["CveName"] + " " + item["Feature"]).lower())]
        chunk, echo = page(p, items)
        if only == "FixCmd":
            chunk = [{"FixCmd": item["FixCmd"]} for item in chunk]
        return {"Vulnerabilities": chunk, **echo, "TotalCount": len(items)}

    # -- lifecycle rules -----------------------------------------------------------------

    @staticmethod
    def next_time(schedule, moment_ms):
        moment = datetime.datetime.fromtimestamp(moment_ms / 1000, datetime.timezone.utc)
        midnight = moment.replace(hour=0, minute=0, second=0, microsecond=0)
        if schedule == "MONTH":
            following = (midnight.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
        else:
            following = midnight + datetime.timedelta(days=7 - midnight.weekday())
        return int(following.timestamp() * 1000)

    def rule_fields(self, instance, p):
        """Validates a full rule definition (Create and Update resend every field)."""
        for name in ("Scope", "ScheduleTime", "Auto", "RetentionTagCount"):
            if p.text(name) in (None, ""):
                raise ApiError(400, "InvalidParameter", f"{name} is required; a lifecycle rule is always sent in full.")
        scope = p.text("Scope")
        if scope not in ("INSTANCE", "NAMESPACE", "REPO"):
            raise ApiError(400, "InvalidParameter.Scope", f"Scope must be INSTANCE, NAMESPACE or REPO: {scope!r}.")
        namespace, repo = p.text("NamespaceName", default=""), p.text("RepoName", default="")
        if scope in ("NAMESPACE", "REPO") and namespace not in instance["namespaces"]:
            raise ApiError(400, "InvalidParameter.Scope", f"Scope {scope} needs an existing NamespaceName: {namespace!r}.")
        if scope == "REPO" and not self.find_repo(instance, namespace, repo):
            raise ApiError(400, "InvalidParameter.Scope", f"Scope REPO needs an existing repository: {namespace}/{repo}.")
        if scope == "INSTANCE":
            namespace, repo = "", ""
        elif scope == "NAMESPACE":
            repo = ""
        fields = {
            "Scope": scope, "NamespaceName": namespace, "RepoName": repo,
            "ScheduleTime": p.choice("ScheduleTime", ("WEEK", "MONTH")),
            "Auto": p.boolean("Auto"),
            "RetentionTagCount": p.integer("RetentionTagCount", minimum=1, maximum=10000),
            "TagRegexp": p.text("TagRegexp", default=""),
            "EnableDeleteTag": p.boolean("EnableDeleteTag", False),
            "EnableDeleteUntaggedManifest": p.boolean("EnableDeleteUntaggedManifest", False),
            "DryRun": p.boolean("DryRun", False),
        }
        if fields["EnableDeleteTag"] and fields["EnableDeleteUntaggedManifest"]:
            raise ApiError(400, "InvalidParameter", "EnableDeleteTag and EnableDeleteUntaggedManifest are mutually exclusive.")
        try:
            re.compile(fields["TagRegexp"])
        except re.error as error:
            raise ApiError(400, "InvalidParameter.TagRegexp", f"TagRegexp is not a valid regular expression: {error}.")
        return fields

    @staticmethod
    def rule_view(instance, rule):
        view = {key: copy.deepcopy(value) for key, value in rule.items()}
        view["InstanceId"] = instance["InstanceId"]
        view["Policies"] = []  # response-only and undocumented (§1.4.6); not modelled
        return view

    def rule(self, instance, p):
        rule_id = p.text("RuleId", required=True)
        rule = instance["rules"].get(rule_id)
        if rule is None:
            raise ApiError(404, "RULE_NOT_EXIST", f"The lifecycle rule {rule_id} does not exist.")
        return rule

    def do_CreateArtifactLifecycleRule(self, p):
        instance = self.instance(p)
        fields = self.rule_fields(instance, p)
        stamp = now_ms()
        rule_id = "cralr-" + uuid.uuid4().hex[:16]
        instance["rules"][rule_id] = {"RuleId": rule_id, **fields, "CreateTime": stamp, "ModifiedTime": stamp,
                                      "NextTime": self.next_time(fields["ScheduleTime"], stamp)}
        return {"RuleId": rule_id}

    def do_UpdateArtifactLifecycleRule(self, p):
        instance = self.instance(p)
        rule = self.rule(instance, p)
        fields = self.rule_fields(instance, p)
        stamp = now_ms()
        rule.update(fields)
        rule["ModifiedTime"] = stamp
        rule["NextTime"] = self.next_time(fields["ScheduleTime"], stamp)
        return {}

    def do_GetArtifactLifecycleRule(self, p):
        instance = self.instance(p)
        return self.rule_view(instance, self.rule(instance, p))

    def do_ListArtifactLifecycleRule(self, p):
        instance = self.instance(p)
        enabled = p.boolean("EnableDeleteTag")
        items = sorted((rule for rule in instance["rules"].values() if enabled is None or rule["EnableDeleteTag"] == enabled),
                       key=lambda rule: (rule["CreateTime"], rule["RuleId"]))
        chunk, echo = page(p, items)
        return {"Rules": [self.rule_view(instance, rule) for rule in chunk], **echo, "TotalCount": len(items)}

    def do_DeleteArtifactLifecycleRule(self, p):
        instance = self.instance(p)
        rule = self.rule(instance, p)
        del instance["rules"][rule["RuleId"]]
        return {}


# ---------------------------------------------------------------------------------------------
# HTTP
# ---------------------------------------------------------------------------------------------

class State:
    """Keys, nonces, faults and the request log shared by the handler threads."""

    def __init__(self, api, keys, region, verbose=False, personal=None, clock_offset=0.0):
        self.api, self.keys, self.region, self.verbose = api, keys, region, verbose
        self.clock_offset = clock_offset  # --clock-offset: seconds added to the emulator's "now"
        self.personal = personal  # acr_personal.PersonalApi
        self.nonces = NonceStore()
        self.lock = threading.Lock()
        self.faults = []    # {"kind", "action", "remaining", "retryAfterMs"}
        self.requests = []  # {"action", "method", "accessKeyId", "status", "code"}

    def now(self):
        """The emulator's time: the real one shifted by --clock-offset."""
        return time.time() + self.clock_offset

    def log(self, text):
        if self.verbose:
            print(text, file=sys.stderr, flush=True)

    def take_fault(self, action):
        with self.lock:
            for fault in self.faults:
                if fault["remaining"] > 0 and fault["action"] in (action, "*"):
                    fault["remaining"] -= 1
                    if fault["remaining"] == 0:
                        self.faults.remove(fault)
                    return dict(fault)
        return None

    def add_faults(self, kind, value):
        for item in value if isinstance(value, list) else [value]:
            if not isinstance(item, dict) or not isinstance(item.get("action"), str):
                raise ValueError(f"{kind} needs an object with an \"action\"")
            with self.lock:
                self.faults.append({"kind": kind, "action": item["action"], "remaining": int(item.get("times", 1)),
                                    "retryAfterMs": int(item.get("retryAfterMs", 1000))})


def no_privilege(action, key_id):
    return ApiError(403, "NoPrivilege", "Access denied for this user", extra={"AccessDeniedDetail": {
        "AuthAction": acr_delivery.auth_action(action), "AuthPrincipalDisplayName": key_id, "AuthPrincipalOwnerId": "1234567890123456",
        "AuthPrincipalType": "SubUser", "EncodedDiagnosticMessage": "",
        "NoPermissionType": "ImplicitDeny", "PolicyType": "AccountLevelIdentityBasedPolicy"}})


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state: State = None

    def log_message(self, *args):
        pass

    def date_time_string(self, timestamp=None):
        """The Date header, on the emulator's (possibly shifted) clock."""
        return super().date_time_string(self.state.now() if timestamp is None else timestamp)

    def reply(self, status, document, headers=None):
        body = json.dumps(document, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json;charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        path = urllib.parse.urlsplit(self.path).path
        if path == "/__control__" or path.startswith("/__control__/"):
            return self.control(path, body)
        if self.headers.get("x-acs-version") == acr_personal.VERSION or path != "/":
            return acr_personal.serve(self, body, sys.modules[__name__])
        state = self.state
        request_id = str(uuid.uuid4()).upper()
        action = self.headers.get("x-acs-action") or ""
        credential = re.search(r"Credential=([^,\s]+)", self.headers.get("Authorization") or "")
        entry = {"action": action, "method": self.command, "accessKeyId": credential.group(1) if credential else None,
                 "status": None, "code": None, "edition": "enterprise"}
        try:
            key_id, key = authenticate(self.command, self.path, self.headers.items(), body, state.keys, state.nonces,
                                       now=state.now(), log=state.log)
            if (self.headers.get("x-acs-version") != API_VERSION or action not in state.api.actions or path != "/"
                    or self.command not in ("GET", "POST")):
                raise ApiError(400, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.")
            if key.get("kind") == "readonly" and not action.startswith(READ_ONLY_PREFIXES):
                raise no_privilege(action, key_id)
            fault = state.take_fault(action)
            if fault and fault["kind"] == "throttle":
                raise ApiError(400, "Throttling.User", "Request was denied due to user flow control.",
                               headers={"x-acs-retry-after": str(fault["retryAfterMs"])})
            if fault and fault["kind"] == "noPrivilege":
                raise no_privilege(action, key_id)
            if fault and fault["kind"] == "isSuccessFalse":
                entry.update(status=200, code="SYSTEM_ERROR")
                return self.answer(entry, 200, {"RequestId": request_id, "Code": "SYSTEM_ERROR", "IsSuccess": False,
                                        "Message": "A system error occurred (injected)."}, {"x-acs-request-id": request_id})
            params = {}
            for raw_key, raw_value in parse_query(urllib.parse.urlsplit(self.path).query):
                try:
                    params[raw_key.decode("utf-8")] = raw_value.decode("utf-8")
                except UnicodeDecodeError:
                    raise ApiError(400, "InvalidParameter", "Query parameters must be UTF-8.")
            fields = state.api.call(action, params)
            entry.update(status=200, code="success")
            self.answer(entry, 200, {"RequestId": request_id, "Code": "success", "IsSuccess": True, **fields},
                       {"x-acs-request-id": request_id})
        except ApiError as error:
            entry.update(status=error.status, code=error.code)
            document = {"RequestId": request_id, "Code": error.code, "Message": error.message,
                        "HostId": f"cr.{state.region}.aliyuncs.com",
                        "Recommend": f"https://api.aliyun.com/troubleshoot?q={error.code}&product=cr&requestId={request_id}",
                        **error.extra}
            self.answer(entry, error.status, document, {"x-acs-request-id": request_id, **error.headers})
        except Exception as error:  # a bug in the emulator: answer 500 so the test sees it
            entry.update(status=500, code="SystemError")
            state.log(f"internal error in {action}: {error!r}")
            self.answer(entry, 500, {"RequestId": request_id, "Code": "SystemError", "Message": f"emulator error: {error!r}",
                             "HostId": f"cr.{state.region}.aliyuncs.com"}, {"x-acs-request-id": request_id})

    def answer(self, entry, status, document, headers):
        """Records the request, then replies: a client that saw the answer finds it in the log."""
        state = self.state
        with state.lock:
            state.requests.append(entry)
            if len(state.requests) > 200000:
                del state.requests[:100000]
        state.log(f"{self.command} {entry['action']} {entry['accessKeyId']} -> {entry['status']} {entry['code']}")
        self.reply(status, document, headers)

    def control(self, path, body):
        state = self.state
        if self.command == "GET" and path == "/__control__/requests":
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
            wanted, edition = query.get("action", [None])[0], query.get("edition", [None])[0]
            with state.lock:
                entries = [dict(entry) for entry in state.requests if (wanted is None or entry["action"] == wanted)
                           and (edition is None or entry["edition"] == edition)]
            return self.reply(200, entries)
        if self.command == "GET" and path == "/__control__":
            with state.lock:
                return self.reply(200, {"faults": [dict(fault) for fault in state.faults], "requests": len(state.requests)})
        if self.command != "POST" or path != "/__control__":
            return self.reply(404, {"error": "unknown control endpoint"})
        try:
            document = json.loads(body or b"{}")
            if not isinstance(document, dict):
                raise ValueError("the body must be a JSON object")
            known = {"throttle", "noPrivilege", "isSuccessFalse", "reset", "clearRequests", "resetModel", "buildTiming",
                     "syncTiming"}
            unknown = set(document) - known
            if unknown:
                raise ValueError(f"unknown control keys: {sorted(unknown)}")
            if document.get("reset"):
                with state.lock:
                    state.faults.clear()
            if document.get("clearRequests"):
                with state.lock:
                    state.requests.clear()
            if document.get("resetModel"):
                state.api.reset_model()
                if state.personal:
                    state.personal.reset_model()
            if "buildTiming" in document:
                state.api.set_build_timing(document["buildTiming"])
            if "syncTiming" in document:
                state.api.set_sync_timing(document["syncTiming"])
            for kind in ("throttle", "noPrivilege", "isSuccessFalse"):
                if kind in document:
                    state.add_faults(kind, document[kind])
        except (ValueError, TypeError) as error:
            return self.reply(400, {"error": str(error)})
        with state.lock:
            return self.reply(200, {"ok": True, "faults": [dict(fault) for fault in state.faults]})

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = handle_any


# ---------------------------------------------------------------------------------------------
# Self-test (§3 known answer and canonicalisation details)
# ---------------------------------------------------------------------------------------------

def self_test():
    failures = []

    def check(name, condition, detail=""):
        if not condition:
            failures.append(f"{name}: {detail}")

    # §3: Alibaba's public V3 example.
    headers = [("host", "ecs.cn-shanghai.aliyuncs.com"), ("x-acs-action", "RunInstances"),
               ("x-acs-version", "2014-05-26"), ("x-acs-date", "2023-10-26T09:01:01Z"),
               ("x-acs-signature-nonce", "d410180a5abf7fe235dd9b74aca91fc0"),
               ("x-acs-content-sha256", EMPTY_SHA256)]
    query = "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai"
    signed = "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version"
    expected_canonical = "\n".join([
        "POST", "/", query,
        "host:ecs.cn-shanghai.aliyuncs.com\nx-acs-action:RunInstances\n"
        f"x-acs-content-sha256:{EMPTY_SHA256}\nx-acs-date:2023-10-26T09:01:01Z\n"
        "x-acs-signature-nonce:d410180a5abf7fe235dd9b74aca91fc0\nx-acs-version:2014-05-26\n",
        signed, EMPTY_SHA256])
    canonical = canonical_request("POST", "/", query, headers, signed.split(";"), EMPTY_SHA256)
    check("canonical request", canonical == expected_canonical, repr(canonical))
    check("canonical hash", hashlib.sha256(canonical.encode()).hexdigest() ==
          "29622f5feb1e9fcaaa2e276a72889c975f7b16f00e02be1ca34965b18cd85015")
    known = "e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804"
    check("known-answer signature", signature("YourAccessKeySecret", canonical) == known, signature("YourAccessKeySecret", canonical))

    # The full verifier accepts the documented request at its own time, once.
    keys = {"YourAccessKeyId": {"secret": "YourAccessKeySecret", "kind": "full"}}
    authorization = f"{ALGORITHM} Credential=YourAccessKeyId,SignedHeaders={signed},Signature={known}"
    moment = datetime.datetime(2023, 10, 26, 9, 1, 1, tzinfo=datetime.timezone.utc).timestamp()
    nonces = NonceStore()
    try:
        authenticate("POST", "/?" + query, headers + [("Authorization", authorization)], b"", keys, nonces, now=moment)
    except ApiError as error:
        failures.append(f"verifier rejects the known answer: {error}")

    def code_of(method="POST", path="/?" + query, extra=(), drop=(), auth=authorization, now=moment, body=b""):
        pairs = [(name, value) for name, value in headers if name not in drop] + list(extra) + [("Authorization", auth)]
        try:
            authenticate(method, path, pairs, body, keys, NonceStore(), now=now)
            return "accepted"
        except ApiError as error:
            return error.code

    try:
        authenticate("POST", "/?" + query, headers + [("Authorization", authorization)], b"", keys, nonces, now=moment)
        failures.append("replayed nonce: accepted")
    except ApiError as error:
        check("replayed nonce", error.code == "SignatureNonceUsed", error.code)
    check("wrong secret", code_of(auth=authorization.replace(known, signature("wrong", canonical))) == "SignatureDoesNotMatch")
    check("wrong method", code_of(method="GET") == "SignatureDoesNotMatch")
    check("changed query", code_of(path="/?" + query.replace("shanghai", "hangzhou")) == "SignatureDoesNotMatch")
    check("unknown key", code_of(auth=authorization.replace("YourAccessKeyId", "Other")) == "InvalidAccessKeyId.NotFound")
    check("expired date", code_of(now=moment + 16 * 60) == "InvalidTimeStamp.Expired")
    check("missing date", code_of(drop=("x-acs-date",)) == "InvalidTimeStamp.Expired")
    check("unsigned x-acs header", code_of(extra=[("x-acs-extra", "1")]) == "IncompleteSignature")
    check("no authorization", code_of(auth="") == "IncompleteSignature")
    check("body hash", code_of(body=b"x") == "SignatureDoesNotMatch")

    # Wire forms: `+` and %20 are both a space; `~` either way; non-ASCII is upper-case UTF-8 hex.
    check("plus is space", canonical_query(parse_query("b=a+b&a=%7E")) == "a=~&b=a%20b")
    check("utf-8", canonical_query(parse_query("Summary=%e5%ba%94%2A")) == "Summary=%E5%BA%94%2A")
    check("sorted keys", canonical_query(parse_query("PageSize=30&PageNo=1&InstanceId=cri-x")) ==
          "InstanceId=cri-x&PageNo=1&PageSize=30")
    check("empty value", canonical_query(parse_query("A=&B")) == "A=&B=")

    # The client helper signs what the verifier accepts, with Chinese and reserved characters.
    wire, signed_headers = sign_headers("POST", "127.0.0.1:1", {"Summary": "应用 a+b/c~*", "InstanceId": "cri-x"},
                                        "UpdateRepository", "YourAccessKeyId", "YourAccessKeySecret")
    try:
        authenticate("POST", "/?" + wire, list(signed_headers.items()), b"", keys, NonceStore())
    except ApiError as error:
        failures.append(f"round trip: {error}")
    check("rfc3339", rfc3339_ms("2024-01-01T00:00:00Z") == 1704067200000 and
          rfc3339_ms("2024-01-01T08:00:00.123456789+08:00") == 1704067200123)
    sample = findings("ab" * 32, ["sha256:layer"])
    check("findings count", 3 <= len(sample) <= 12 and sample == findings("ab" * 32, ["sha256:layer"]))
    acr_delivery.self_test(check)
    acr_replication.self_test(check)
    acr_personal.self_test(check, sys.modules[__name__])
    check("password redacted", redacted("POST\n/\nInstanceId=x&Password=s3cr%21t&Z=1\nhost:a") ==
          "POST\n/\nInstanceId=x&Password=***&Z=1\nhost:a")
    print(json.dumps({"selfTest": "ok" if not failures else "failed", "failures": failures}), flush=True)
    return 0 if not failures else 1


# ---------------------------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------------------------

def split_key(text, parts, option):
    pieces = text.split(":", parts - 1)
    if len(pieces) != parts or not all(pieces):
        raise SystemExit(json.dumps({"error": f"{option} wants {':'.join(['ID', 'SECRET', 'TOKEN'][:parts])}"}))
    return pieces


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--self-test", action="store_true", help="check the signature code against §3 and exit")
    parser.add_argument("--access-key-id")
    parser.add_argument("--access-key-secret")
    parser.add_argument("--readonly-key", action="append", default=[], metavar="ID:SECRET")
    parser.add_argument("--sts-key", action="append", default=[], metavar="ID:SECRET:TOKEN")
    parser.add_argument("--region", default="cn-hangzhou")
    parser.add_argument("--registry")
    parser.add_argument("--registry-username")
    parser.add_argument("--registry-password")
    parser.add_argument("--registry-snapshot", help="reuse what an earlier emulator read (reader_snapshot.py)")
    parser.add_argument("--clock-offset", type=float, default=0.0, metavar="SECONDS",
                        help="shift the emulator's clock (its Date header and the signature time check) by SECONDS")
    parser.add_argument("--parent-pid", type=int)
    parser.add_argument("--verbose", action="store_true", help="log every request and signature mismatches to stderr")
    args = parser.parse_args()
    if args.self_test:
        sys.exit(self_test())
    if not (args.access_key_id and args.access_key_secret and args.registry):
        print(json.dumps({"error": "--access-key-id, --access-key-secret and --registry are required"}), flush=True)
        sys.exit(1)

    keys = {args.access_key_id: {"secret": args.access_key_secret, "kind": "full"}}
    for text in args.readonly_key:
        key_id, secret = split_key(text, 2, "--readonly-key")
        keys[key_id] = {"secret": secret, "kind": "readonly"}
    for text in args.sts_key:
        key_id, secret, token = split_key(text, 3, "--sts-key")
        keys[key_id] = {"secret": secret, "kind": "sts", "token": token}

    try:
        started = now_ms()
        reader = RegistryReader(args.registry, args.registry_username, args.registry_password)
        data = reader.read_all(snapshot_path=args.registry_snapshot)
        instances = build_model(data, args.region, started)
        api = Api(instances, args.region, args.registry, args.registry_username or "", args.registry_password or "")
        personal = acr_personal.PersonalApi(sys.modules[__name__], data, args.region,
                                            urllib.parse.urlparse(args.registry).netloc, args.registry_username or "",
                                            args.registry_password or "", lambda: api.build_timing, started)
        Handler.state = State(api, keys, args.region, args.verbose, personal, args.clock_offset)
        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
    except Exception as error:  # report and exit; the caller sees the message
        print(json.dumps({"error": f"{type(error).__name__}: {error}"}), flush=True)
        sys.exit(1)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Handler.state.log(f"read {sum(len(tags) for tags in data.values())} tags of {len(data)} repositories "
                      f"in {(now_ms() - started) / 1000:.2f} s")
    print(json.dumps({"url": f"http://127.0.0.1:{port}", "endpoint": f"127.0.0.1:{port}", "region": args.region,
                      "instances": [{"id": instance["InstanceId"], "name": instance["InstanceName"]}
                                    for instance in instances.values()],
                      "pid": os.getpid()}), flush=True)
    try:
        while True:
            time.sleep(0.3)
            if args.parent_pid and os.getppid() != args.parent_pid:
                break  # the parent exited (its children are re-parented at once, even while it is a zombie)
    except KeyboardInterrupt:
        pass
    server.shutdown()


if __name__ == "__main__":
    main()
