#!/usr/bin/env python3
"""An emulator of the Harbor REST API v2.0 (`/api/v2.0`) and of Harbor's `/v2/` over a real registry.

  harbor_emulator.py --registry URL --registry-username U --registry-password P --admin USER:PASSWORD
                     [--swagger PATH] [--registry-snapshot FILE] [--parent-pid PID] [--verbose]
  harbor_emulator.py --self-test

Standard library, acr_emulator.py's RegistryReader and the modules of EXTENSION_MODULES (this
directory); PyYAML for --swagger and --self-test (without it, the emulator re-executes itself with
.venv-acr's python). Section numbers (§0.2 …) refer to the project's Harbor API reference notes.

Startup: reads the registry (catalog, tags, manifests, config blobs, referrers), builds the model,
prints ONE JSON line {"url": "http://127.0.0.1:PORT", "endpoint": "127.0.0.1:PORT", "base": "…/api/v2.0",
"projects": ["ns", …], "pid": PID} and serves until killed or until --parent-pid goes away. On a
startup failure it prints {"error": "..."} and exits 1.

Model. Every registry repository with at least two path segments: project = first segment,
repository = the full name (`ns/team/app`). Artifacts are its distinct manifest digests with all their
tags: `type` IMAGE, `size` = config + layers (an index: the sum over its platform children),
`push_time` = the config's `created` (an index: its first platform child's; else the startup time),
`pull_time`: digests whose first hex digit is 0-7 were pulled 1-16 hours after the push (the second
digit decides), the others never (`0001-01-01T00:00:00.000Z`); tags share their artifact's times.
OCI referrers (the registry's referrers API, else the `sha256-<hex>` fallback tag indexes) become
accessories of their subject, typed by artifactType (cosign → signature.cosign, notary/notation →
signature.notation, SPDX/CycloneDX → sbom.harbor, else subject.accessory), never artifact rows. Ids
are sequential in name order (projects from 1). After startup the model is authoritative: deletes
never touch the registry.

Transport (§1). Paths are decoded once and split on `/`; a `{repository_name}` segment is decoded a
second time, so `team%252Fapp` names `<project>/team/app` while a single-encoded `team%2Fapp` matches
no route: 404 NOT_FOUND "path … was not found". Errors: {"errors": [{"code", "message"}]}.
  Authentication: Basic --admin. `/ping` (text/plain `Pong`) and `/systeminfo` are anonymous
(`harbor_version` and the URLs only for an authenticated caller); every other call without valid
credentials answers 401 UNAUTHORIZED. Every response sets `Set-Cookie: sid=…` and echoes
`X-Request-Id`; a non-GET request that sends a `sid` cookie back answers 403 FORBIDDEN "CSRF token
invalid" (§0.2). Booleans are accepted in any casing (the Python client sends `True`).
  Lists page with `page` (1-based) and `page_size` (default 10, 1..100, else 422
UNPROCESSABLE_ENTITY), set `X-Total-Count` and a Harbor-style `Link` (relative URLs joined by " , ").
Every mutation records an audit entry through Api.audit (user, "<project>/<repo>:<tag or digest>", …).

Endpoints under /api/v2.0:
  GET /ping, GET /systeminfo, GET /system/CVEAllowlist (SYSTEM_ALLOWLIST)
  GET /projects (name= exact filter), GET /projects/{name_or_id} (digits are an id unless
      X-Is-Resource-Name: true; metadata.retention_id once a retention policy exists; cve_allowlist
      from PROJECT_ALLOWLISTS, metadata.reuse_sys_cve_allowlist "true" for projects without one),
      GET /projects/{name_or_id}/summary (repo_count, quota hard from harbor_admin's quotas, else -1;
      used = the sum of artifact sizes)
  GET /projects/{p}/repositories, GET|DELETE /projects/{p}/repositories/{r} (pull_count counts /v2/
      manifest pulls; DELETE: 412 PRECONDITION while an artifact has an immutable tag)
  GET …/{r}/artifacts (with_tag default true, with_scan_overview, with_immutable_status,
      with_accessory; an image's extra_attrs carry its config's created, os and architecture as
      Harbor's image processor sets them), GET|DELETE …/artifacts/{reference} (tag or digest; DELETE
      removes the artifact, its tags and accessories; 412 PRECONDITION "… is immutable" when a tag is
      immutable)
  GET …/artifacts/{reference}/tags (paged, with_immutable_status), POST …/tags {"name"} → 201 +
      Location (400 bad name, 409 CONFLICT taken in the repository), DELETE …/tags/{tag_name} (untag;
      412 PRECONDITION if immutable)
  GET …/artifacts/{reference}/accessories (paged; q=type=<type>)
  POST …/artifacts/{reference}/scan → 202; 409 CONFLICT while Pending or Running. Each later read of
      the artifact with with_scan_overview=true advances it: Pending, Running, then Success. Only a
      scanned artifact has `scan_overview`, keyed by REPORT_MIME.
  GET …/artifacts/{reference}/additions/vulnerabilities → {REPORT_MIME: report} once the scan
      succeeded, else {}. Findings: 2–5 entries of a built-in table chosen by hashing the digest.
  harbor_retention.py (its docstring has the details): GET /retentions/metadatas, POST /retentions,
      GET|PUT|DELETE /retentions/{id}, POST|GET /retentions/{id}/executions, PATCH
      …/executions/{eid}, GET …/executions/{eid}/tasks, GET …/executions/{eid}/tasks/{tid} (text log),
      GET|POST /projects/{name_or_id}/immutabletagrules, PUT|DELETE …/immutabletagrules/{id}
  harbor_admin.py: /robots (v2, project robots with q=Level=project,ProjectID=N), /quotas, /auditlog-exts
      and /projects/{p}/auditlog-exts, /auditlog-exts/events

Registry endpoint /v2/ (§3): the administrator's GET and HEAD go to --registry with the registry's own
Basic credentials; status, body (streamed) and the headers Content-Type, Content-Length,
Docker-Content-Digest, Docker-Distribution-Api-Version, Etag, OCI-Subject, OCI-Filters-Applied,
Content-Range and Link / Location (made relative) come back. A manifest GET sets the artifact's pull
time (and the tag's, when pulled by tag) to now. Without the administrator's credentials: 401 with
`WWW-Authenticate: Basic realm="harbor"`; other methods: 405 UNSUPPORTED (deletes go through the
API). When the registry answers 404 to `/v2/<name>/referrers/<digest>`, the referrers index comes from
the model's accessories (`?artifactType=` filters and sets OCI-Filters-Applied).

--swagger PATH: every JSON or text answer under /api/v2.0 is validated against the swagger
(harbor_schema.py); each problem is recorded as {method, path, status, problem}.

Control endpoint (unauthenticated, for tests):
  POST /__control__ {"clockOffsetDays": N}  the server's clock runs N days ahead (retention's "now"): a
                                          skewed clock is one real reason a dry run and a preview differ
  POST /__control__ {"resetModel": true}  restores the model read at startup and forgets scans,
                                          retention policies, executions and immutability rules
                                          (schema violations are kept)
  GET /__control__                        → {"requests": N, "schemaViolations": [...]} (N: API
                                          requests served so far)
"""

import argparse
import base64
import copy
import datetime
import hashlib
import http.client
import importlib
import importlib.util
import json
import os
import re
import secrets
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
# Extension modules import this module by name; run as a script, it must be the same module object.
sys.modules.setdefault("harbor_emulator", sys.modules[__name__])

from acr_emulator import REFERRER_TAG, RegistryReader, rfc3339_ms  # noqa: E402  (found through HERE)

REPORT_MIME = "application/vnd.security.vulnerability.report; version=1.1"
NEVER = "0001-01-01T00:00:00.000Z"
PREFIX = "/api/v2.0"
OCI_INDEX = "application/vnd.oci.image.index.v1+json"
TAG_NAME = re.compile(r"^[\w][\w.-]{0,127}$")
IMAGE_ICON = "sha256:0048162a053eef4d4ce3fe7518615bef084403614f8bca43b40ae2e762e11e06"  # Harbor's built-in image icon
SCANNER = {"name": "Trivy", "vendor": "Aqua Security", "version": "v0.51.2"}
# CVE allowlists: project `ns` has its own; every other project reuses the system's.
PROJECT_ALLOWLISTS = {"ns": ["CVE-2019-1549"]}
SYSTEM_ALLOWLIST = ["CVE-2021-3711"]
SEVERITIES = ["Unknown", "Negligible", "Low", "Medium", "High", "Critical"]
FINDINGS = [
    ("CVE-2019-1549", "libssl1.1", "1.1.1c-r0", "1.1.1d-r0", "Medium", 5.3, "CWE-330"),
    ("CVE-2021-3711", "libcrypto1.1", "1.1.1k-r0", "1.1.1l-r0", "Critical", 9.8, "CWE-120"),
    ("CVE-2022-28391", "busybox", "1.35.0-r13", "1.35.0-r15", "High", 8.8, "CWE-94"),
    ("CVE-2018-25032", "zlib", "1.2.11-r3", "1.2.12-r0", "High", 7.5, "CWE-787"),
    ("CVE-2020-28928", "musl", "1.2.1-r1", "", "Medium", 5.5, "CWE-787"),
    ("CVE-2022-37434", "zlib", "1.2.12-r1", "1.2.12-r2", "Critical", 9.8, "CWE-787"),
    ("CVE-2023-0464", "libcrypto3", "3.0.8-r0", "3.0.8-r1", "Low", 3.1, "CWE-295"),
]


class ApiError(Exception):
    def __init__(self, status, code, message):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def harbor_time(epoch_ms):
    moment = datetime.datetime.fromtimestamp(epoch_ms / 1000, datetime.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def pull_ms_of(digest, push_ms):
    """The startup pull time: digests whose first hex digit is 0-7 were pulled 1-16 hours after their
    push (the second digit decides), the others never (None)."""
    first, second = int(digest[7], 16), int(digest[8], 16)
    return push_ms + (second + 1) * 3_600_000 if first < 8 else None


def accessory_type(artifact_type):
    """Harbor's accessory type for an OCI referrer's artifactType."""
    lowered = (artifact_type or "").lower()
    for words, kind in ((("cosign",), "signature.cosign"), (("notary", "notation"), "signature.notation"),
                        (("spdx", "cyclonedx"), "sbom.harbor")):
        if any(word in lowered for word in words):
            return kind
    return "subject.accessory"


def build_model(registry_data, started_ms, referrers=None):
    """{project: {project_id, name, time, repositories: {full name: {id, name, time, artifacts: [...]}}}}.
    `referrers` ({repository: {subject digest: [OCI descriptors]}}) become the subjects' accessories."""
    projects, next_ids = {}, {"repository": 1, "artifact": 1, "tag": 1, "accessory": 1}
    referrers = referrers or {}
    for name in sorted(registry_data):
        project = projects.setdefault(name.split("/")[0], {
            "project_id": len(projects) + 1, "name": name.split("/")[0], "time": started_ms, "repositories": {}})
        artifacts = {}
        for tag, description in sorted(registry_data[name].items()):
            artifact = artifacts.setdefault(description["digest"], {"description": description, "tags": []})
            artifact["tags"].append(tag)
        subjects = referrers.get(name) or {}
        hidden = {descriptor.get("digest") for found in subjects.values() for descriptor in found}
        records = []
        for digest in sorted(set(artifacts) - hidden):
            description = artifacts[digest]["description"]
            push_ms = description.get("created") or started_ms
            record = {"id": next_ids["artifact"], "digest": digest, "size": description["size"],
                      "media_type": description["mediaType"], "tags": artifacts[digest]["tags"], "push_ms": push_ms,
                      "pull_ms": pull_ms_of(digest, push_ms), "children": description.get("children") or [],
                      "created_ms": description.get("created"), "platform": description.get("platform"),
                      "tag_meta": {}, "accessories": []}
            for tag in record["tags"]:
                record["tag_meta"][tag] = {"id": next_ids["tag"], "push_ms": push_ms, "pull_ms": record["pull_ms"]}
                next_ids["tag"] += 1
            records.append(record)
            next_ids["artifact"] += 1
        times = [record["push_ms"] for record in records] or [started_ms]
        project["time"] = min(project["time"], *times)
        project["repositories"][name] = {"id": next_ids["repository"], "name": name, "time": min(times),
                                         "update": max(times), "artifacts": records, "pulls": 0}
        next_ids["repository"] += 1
    artifact_id = next_ids["artifact"]
    for project in projects.values():
        for name, repository in project["repositories"].items():
            for record in repository["artifacts"]:
                for descriptor in (referrers.get(name) or {}).get(record["digest"]) or []:
                    annotations = descriptor.get("annotations") or {}
                    record["accessories"].append({
                        "id": next_ids["accessory"], "artifact_id": artifact_id, "digest": descriptor.get("digest"),
                        "size": int(descriptor.get("size") or 0), "annotations": annotations,
                        "media_type": descriptor.get("mediaType") or "application/vnd.oci.image.manifest.v1+json",
                        "artifact_type": descriptor.get("artifactType") or "",
                        "type": accessory_type(descriptor.get("artifactType")),
                        "created_ms": rfc3339_ms(annotations.get("org.opencontainers.image.created")) or started_ms})
                    next_ids["accessory"] += 1
                    artifact_id += 1
    return projects


def read_referrers(reader, data):
    """{repository: {subject digest: [descriptor]}} through the registry's referrers API when it has one,
    else through the `sha256-<hex>` fallback tags' indexes."""
    found = {}
    for name, tags in data.items():
        digests = sorted({description["digest"] for description in tags.values()})
        if not digests:
            continue
        response, _ = reader.get(f"/v2/{name}/referrers/{digests[0]}", OCI_INDEX, allow=(200, 400, 404, 405))
        if response.status == 200:
            references = [(digest, f"/v2/{name}/referrers/{digest}") for digest in digests]
        else:
            references = [(tag.replace("-", ":", 1), f"/v2/{name}/manifests/{tag}")
                          for tag in reader.tags(name) or [] if REFERRER_TAG.match(tag)]
        subjects = {}
        for subject, path in references:
            response, body = reader.get(path, OCI_INDEX, allow=(200, 404))
            manifests = json.loads(body).get("manifests") if response.status == 200 else None
            if manifests:
                subjects[subject] = manifests
        found[name] = subjects
    return found


def pull_time(epoch_ms):
    return harbor_time(epoch_ms) if epoch_ms else NEVER


def image_attributes(record):
    """An image's `extra_attrs` as Harbor's image processor fills them from the config (created, os,
    architecture, author, config); {} for an index or an artifact whose config was not read."""
    platform = record.get("platform")
    if record.get("children") or not platform or record.get("created_ms") is None:
        return {}
    return {"created": harbor_time(record["created_ms"]), "os": platform["os"],
            "architecture": platform["architecture"], "author": "", "config": {}}


def report_findings(digest):
    """2–5 FINDINGS rows chosen by the digest: deterministic per artifact."""
    seed = hashlib.sha256(digest.encode()).digest()
    count = 2 + seed[0] % 4
    chosen = []
    for byte in seed[1:]:
        row = FINDINGS[byte % len(FINDINGS)]
        if row not in chosen:
            chosen.append(row)
        if len(chosen) == count:
            break
    return chosen


def overall_severity(rows):
    return max((row[4] for row in rows), key=SEVERITIES.index, default="None")


# Modules serving further endpoints: each has `route(api, method, segments, params, headers, body)`
# (None when no route matches, else (status, document, headers)) and `reset(api)`, which (re)creates
# its part of the model from api.projects.
EXTENSIONS = []
EXTENSION_MODULES = ("harbor_retention", "harbor_replication")


def load_extensions():
    """Registers the modules of EXTENSION_MODULES (found next to this file) in EXTENSIONS, once."""
    for name in EXTENSION_MODULES:
        module = importlib.import_module(name)
        if module not in EXTENSIONS:
            EXTENSIONS.append(module)


class Params:
    def __init__(self, raw_query):
        self.values = dict(urllib.parse.parse_qsl(raw_query, keep_blank_values=True))

    def integer(self, name, default, minimum, maximum=None):
        text = self.values.get(name)
        if text is None or text == "":
            return default
        try:
            value = int(text)
        except ValueError:
            raise ApiError(422, "UNPROCESSABLE_ENTITY", f"{name} in query must be of type int64: \"{text}\"")
        if value < minimum:
            raise ApiError(422, "UNPROCESSABLE_ENTITY", f"{name} in query should be greater than or equal to {minimum}")
        if maximum is not None and value > maximum:
            raise ApiError(422, "UNPROCESSABLE_ENTITY", f"{name} in query should be less than or equal to {maximum}")
        return value

    def boolean(self, name, default):
        text = self.values.get(name)
        if text is None or text == "":
            return default
        if text.lower() not in ("true", "false"):
            raise ApiError(422, "UNPROCESSABLE_ENTITY", f"{name} in query must be of type boolean: \"{text}\"")
        return text.lower() == "true"


class Api:
    """The model and the endpoint handlers; each returns (status, document or text, headers)."""

    def __init__(self, projects, external_url):
        self.startup = projects
        self.clock_offset_ms = 0  # how far the server's clock is ahead of this machine's (POST /__control__)
        self.external_url = external_url
        self.lock = threading.Lock()
        self.reset_model()

    def reset_model(self):
        with self.lock:
            self.projects = copy.deepcopy(self.startup)
            self.scans = {}  # digest → {"report_id", "polls", "start_ms"}
            self.audit_log = []  # {"id", "username", "resource", "resource_type", "operation", "op_ms", …}
            self.next_tag_id = 1 + max((meta["id"] for record in self.all_artifacts()
                                        for meta in record["tag_meta"].values()), default=0)
            self.immutability = lambda project, repository, tag: False  # harbor_retention supplies the rules
            for extension in EXTENSIONS:
                extension.reset(self)

    def quota_hard(self, project):
        """The project's storage quota in bytes (-1 unlimited), as the quotas module keeps it."""
        return getattr(self, "quotas", {}).get(project["project_id"], {}).get("hard", -1)

    def audit(self, username, resource, resource_type, operation, project=None, result=True):
        """Records one audit-log entry (newest last); every mutation of every module calls it."""
        self.audit_log.append({"id": len(self.audit_log) + 1, "username": username, "resource": resource,
                               "resource_type": resource_type, "operation": operation, "project": project,
                               "operation_result": result, "op_ms": int(time.time() * 1000)})

    @staticmethod
    def caller(headers):
        """The Basic username of an (authenticated) request."""
        try:
            return base64.b64decode((headers.get("Authorization") or "")[6:]).decode().partition(":")[0] or "admin"
        except (ValueError, UnicodeDecodeError):
            return "admin"

    def all_artifacts(self):
        return [record for project in self.projects.values() for repository in project["repositories"].values()
                for record in repository["artifacts"]]

    def tag_immutable(self, project, repository, tag):
        """Whether an enabled immutability rule of `project` protects `tag` of `repository`."""
        return self.immutability(project, repository["name"][len(project["name"]) + 1:], tag)

    def record_pull(self, name, reference, digest):
        """A manifest GET through /v2/: the artifact's (and a pulled tag's) pull_time become now."""
        with self.lock:
            project = self.projects.get(name.split("/")[0])
            repository = project["repositories"].get(name) if project else None
            if repository is None:
                return
            for record in repository["artifacts"]:
                if digest == record["digest"] or reference in (record["digest"], *record["tags"]):
                    record["pull_ms"] = int(time.time() * 1000)
                    if reference in record["tag_meta"]:
                        record["tag_meta"][reference]["pull_ms"] = record["pull_ms"]
                    repository["pulls"] = repository.get("pulls", 0) + 1
                    return

    def accessories_of(self, name, digest):
        """The accessories of `digest` in repository `name`; None for a repository the model lacks."""
        with self.lock:
            project = self.projects.get(name.split("/")[0])
            repository = project["repositories"].get(name) if project else None
            if repository is None:
                return None
            return [copy.deepcopy(accessory) for record in repository["artifacts"] if record["digest"] == digest
                    for accessory in record["accessories"]]

    # -- lookups -----------------------------------------------------------------------------

    def project(self, name_or_id, by_name=True):
        if not by_name and name_or_id.isdigit():
            found = [p for p in self.projects.values() if p["project_id"] == int(name_or_id)]
        else:
            found = [self.projects[name_or_id]] if name_or_id in self.projects else []
        if not found:
            raise ApiError(404, "NOT_FOUND", f"project {name_or_id} not found")
        return found[0]

    def repository(self, project, short_name):
        full = f"{project['name']}/{short_name}"
        if full not in project["repositories"]:
            raise ApiError(404, "NOT_FOUND", f"repository {full} not found")
        return project["repositories"][full]

    @staticmethod
    def artifact(repository, reference):
        for record in repository["artifacts"]:
            if record["digest"] == reference or reference in record["tags"]:
                return record
        raise ApiError(404, "NOT_FOUND", f"artifact {repository['name']}:{reference} not found")

    # -- views -------------------------------------------------------------------------------

    def project_view(self, project):
        return {"project_id": project["project_id"], "name": project["name"], "owner_id": 1, "owner_name": "admin",
                "creation_time": harbor_time(project["time"]), "update_time": harbor_time(project["time"]),
                "repo_count": len(project["repositories"]), "deleted": False,
                "togglable": True, "current_user_role_id": 1, "current_user_role_ids": [1],
                "cve_allowlist": {"id": project["project_id"], "project_id": project["project_id"],
                                  "items": [{"cve_id": cve} for cve in PROJECT_ALLOWLISTS.get(project["name"], [])]},
                "metadata": {"public": "false", "auto_scan": "false", "prevent_vul": "false", "severity": "low",
                             "reuse_sys_cve_allowlist": "false" if project["name"] in PROJECT_ALLOWLISTS else "true",
                             **project.get("metadata", {})}}

    @staticmethod
    def repository_view(project, repository):
        return {"id": repository["id"], "project_id": project["project_id"], "name": repository["name"],
                "description": "", "artifact_count": len(repository["artifacts"]),
                "pull_count": repository.get("pulls", 0),
                "creation_time": harbor_time(repository["time"]), "update_time": harbor_time(repository["update"])}

    def scan_overview(self, record, advance):
        scan = self.scans.get(record["digest"])
        if scan is None:
            return None
        stage = scan["polls"]
        if advance and stage < 2:
            scan["polls"] += 1
        status = ["Pending", "Running", "Success"][stage]
        summary = {"report_id": scan["report_id"], "scan_status": status, "scanner": dict(SCANNER),
                   "start_time": harbor_time(scan["start_ms"]), "complete_percent": [0, 50, 100][stage]}
        if status == "Success":
            rows = report_findings(record["digest"])
            counts = {}
            for row in rows:
                counts[row[4]] = counts.get(row[4], 0) + 1
            fixable = sum(1 for row in rows if row[3])
            summary.update({"severity": overall_severity(rows), "duration": 3,
                            "end_time": harbor_time(scan["start_ms"] + 3000),
                            "summary": {"total": len(rows), "fixable": fixable, "summary": counts}})
        return {REPORT_MIME: summary}

    def artifact_view(self, project, repository, record, params):
        short = repository["name"][len(project["name"]) + 1:]
        encoded = urllib.parse.quote(urllib.parse.quote(short, safe=""), safe="")
        base = f"{PREFIX}/projects/{project['name']}/repositories/{encoded}/artifacts/{record['digest']}"
        view = {"id": record["id"], "type": "IMAGE", "digest": record["digest"], "size": record["size"],
                "artifact_type": "", "media_type": "application/vnd.oci.image.config.v1+json",
                "manifest_media_type": record["media_type"], "project_id": project["project_id"],
                "repository_id": repository["id"], "repository_name": repository["name"],
                "push_time": harbor_time(record["push_ms"]), "pull_time": pull_time(record["pull_ms"]), "icon": IMAGE_ICON,
                "extra_attrs": image_attributes(record), "annotations": {}, "labels": None, "accessories": None,
                "references": [{"parent_id": record["id"], "child_id": 0, "child_digest": child["digest"],
                                "platform": child["platform"], "urls": []} for child in record["children"]] or None,
                "addition_links": {"vulnerabilities": {"href": base + "/additions/vulnerabilities", "absolute": False}}}
        if params.boolean("with_tag", True):
            immutable = params.boolean("with_immutable_status", False)
            view["tags"] = [self.tag_view(project, repository, record, tag, immutable) for tag in record["tags"]] or None
        if params.boolean("with_accessory", False):
            view["accessories"] = [self.accessory_view(repository, record, a) for a in record["accessories"]] or None
        if params.boolean("with_scan_overview", False):
            overview = self.scan_overview(record, advance=True)
            if overview:
                view["scan_overview"] = overview
        return view

    def tag_view(self, project, repository, record, tag, with_immutable):
        meta = record["tag_meta"][tag]
        return {"id": meta["id"], "repository_id": repository["id"], "artifact_id": record["id"], "name": tag,
                "push_time": harbor_time(meta["push_ms"]), "pull_time": pull_time(meta["pull_ms"]),
                "immutable": with_immutable and self.tag_immutable(project, repository, tag)}

    @staticmethod
    def accessory_view(repository, record, accessory):
        return {"id": accessory["id"], "artifact_id": accessory["artifact_id"], "subject_artifact_id": record["id"],
                "subject_artifact_digest": record["digest"], "subject_artifact_repo": repository["name"],
                "size": accessory["size"], "digest": accessory["digest"], "type": accessory["type"], "icon": "",
                "creation_time": harbor_time(accessory["created_ms"])}

    # -- endpoints ---------------------------------------------------------------------------

    def route(self, method, segments, params, headers, authenticated, body=b""):
        """Dispatches `segments` (the path after /api/v2.0, decoded once); `body` is the raw request body.
        Each module in EXTENSIONS is asked first, under the model lock, after authentication."""
        if segments == ["ping"] and method == "GET":
            return 200, "Pong", {}
        if segments == ["systeminfo"] and method == "GET":
            return 200, self.systeminfo(authenticated), {}
        if not authenticated:
            raise ApiError(401, "UNAUTHORIZED", "unauthorized")
        if segments == ["system", "CVEAllowlist"] and method == "GET":
            return 200, {"id": 1, "project_id": 0, "items": [{"cve_id": cve} for cve in SYSTEM_ALLOWLIST]}, {}
        with self.lock:
            for extension in EXTENSIONS:
                answer = extension.route(self, method, segments, params, headers, body)
                if answer is not None:
                    return answer
            if not segments or segments[0] != "projects":
                return None
            return self.projects_route(method, segments[1:], params, headers, body)

    ROUTES = {("GET", 0, ()), ("GET", 1, ()), ("GET", 2, ("summary",)), ("GET", 2, ("repositories",)),
              ("GET", 3, ("repositories",)), ("GET", 4, ("repositories", "artifacts")),
              ("GET", 5, ("repositories", "artifacts")), ("DELETE", 5, ("repositories", "artifacts")),
              ("POST", 6, ("repositories", "artifacts", "scan")), ("DELETE", 3, ("repositories",)),
              ("GET", 6, ("repositories", "artifacts", "tags")), ("POST", 6, ("repositories", "artifacts", "tags")),
              ("DELETE", 7, ("repositories", "artifacts", "tags")),
              ("GET", 6, ("repositories", "artifacts", "accessories")),
              ("GET", 7, ("repositories", "artifacts", "additions", "vulnerabilities"))}

    def projects_route(self, method, rest, params, headers, body):
        """`rest` follows /projects; None for a path no route matches (checked before any lookup)."""
        words = (1, 3, 5) if len(rest) == 7 and rest[5] == "tags" else (1, 3, 5, 6)  # 7: a tag name
        shape = (method, len(rest), tuple(rest[index] for index in words if index < len(rest)))
        if shape not in self.ROUTES:
            return None
        if shape == ("GET", 0, ()):
            wanted = params.values.get("name")
            rows = [p for name, p in sorted(self.projects.items()) if wanted in (None, name)]
            return paged(params, [self.project_view(p) for p in rows])
        by_name = (headers.get("X-Is-Resource-Name") or "").lower() == "true"
        if shape == ("GET", 1, ()):
            return 200, self.project_view(self.project(rest[0], by_name)), {}
        if shape == ("GET", 2, ("summary",)):
            project = self.project(rest[0], by_name)
            used = sum(a["size"] for r in project["repositories"].values() for a in r["artifacts"])
            return 200, {"repo_count": len(project["repositories"]), "project_admin_count": 1,
                         "quota": {"hard": {"storage": self.quota_hard(project)}, "used": {"storage": used}}}, {}
        project = self.project(rest[0])
        if shape == ("GET", 2, ("repositories",)):
            rows = sorted(project["repositories"].values(), key=lambda r: r["name"])
            return paged(params, [self.repository_view(project, r) for r in rows])
        repository = self.repository(project, urllib.parse.unquote(rest[2]))
        if shape == ("GET", 3, ("repositories",)):
            return 200, self.repository_view(project, repository), {}
        user = self.caller(headers)
        if shape == ("DELETE", 3, ("repositories",)):
            for record in repository["artifacts"]:
                self.refuse_immutable(project, repository, record["tags"])
            del project["repositories"][repository["name"]]
            self.audit(user, repository["name"], "repository", "delete", project["name"])
            return 200, None, {}
        if shape == ("GET", 4, ("repositories", "artifacts")):
            rows = sorted(repository["artifacts"], key=lambda a: (-a["push_ms"], -a["id"]))
            params.integer("page_size", 10, 1, 100)  # validate before the views advance scans
            return paged(params, rows, lambda a: self.artifact_view(project, repository, a, params))
        record = self.artifact(repository, rest[4])
        if shape == ("GET", 5, ("repositories", "artifacts")):
            return 200, self.artifact_view(project, repository, record, params), {}
        if shape == ("DELETE", 5, ("repositories", "artifacts")):
            self.refuse_immutable(project, repository, record["tags"])
            repository["artifacts"].remove(record)
            self.scans.pop(record["digest"], None)
            self.audit(user, f"{repository['name']}:{record['digest']}", "artifact", "delete", project["name"])
            return 200, None, {}
        if shape[2][2:] in (("tags",), ("accessories",)):
            return self.tags_route(shape, project, repository, record, rest, params, body, user)
        if shape == ("POST", 6, ("repositories", "artifacts", "scan")):
            status = (self.scan_overview(record, advance=False) or {REPORT_MIME: {}})[REPORT_MIME].get("scan_status")
            if status in ("Pending", "Running"):
                raise ApiError(409, "CONFLICT", f"a previous vulnerability scan process is {status}")
            self.scans[record["digest"]] = {"report_id": secrets.token_hex(16), "polls": 0,
                                            "start_ms": int(time.time() * 1000)}
            return 202, None, {}
        overview = self.scan_overview(record, advance=False)  # the vulnerabilities addition
        if not overview or overview[REPORT_MIME]["scan_status"] != "Success":
            return 200, {}, {}
        return 200, {REPORT_MIME: self.report(record, overview[REPORT_MIME])}, {}

    def refuse_immutable(self, project, repository, tags):
        protected = [tag for tag in tags if self.tag_immutable(project, repository, tag)]
        if protected:
            raise ApiError(412, "PRECONDITION", f"the operation is prohibited because the tag {protected[0]} of "
                                                f"{repository['name']} is immutable")

    def tags_route(self, shape, project, repository, record, rest, params, body, user):
        """Tags of an artifact (list, add, remove) and its accessories."""
        if shape[0] == "GET" and shape[2][2] == "accessories":
            wanted = urllib.parse.unquote(params.values.get("q", "")).partition("type=")[2] or None
            rows = [a for a in record["accessories"] if wanted in (None, a["type"])]
            return paged(params, [self.accessory_view(repository, record, a) for a in rows])
        if shape[0] == "GET":
            immutable = params.boolean("with_immutable_status", False)
            return paged(params, [self.tag_view(project, repository, record, tag, immutable) for tag in record["tags"]])
        if shape[0] == "DELETE":
            tag = rest[6]
            if tag not in record["tags"]:
                raise ApiError(404, "NOT_FOUND", f"tag {tag} not found in artifact {record['digest']}")
            self.refuse_immutable(project, repository, [tag])
            record["tags"].remove(tag)
            del record["tag_meta"][tag]
            self.audit(user, f"{repository['name']}:{tag}", "tag", "delete", project["name"])
            return 200, None, {}
        try:
            name = json.loads(body or b"{}").get("name")
        except (ValueError, AttributeError):
            name = None
        if not isinstance(name, str) or not TAG_NAME.match(name):
            raise ApiError(400, "BAD_REQUEST", f"invalid tag name {name!r}")
        if any(name in other["tags"] for other in repository["artifacts"]):
            raise ApiError(409, "CONFLICT", f"tag {name} already exists in {repository['name']}")
        now = int(time.time() * 1000)
        record["tags"].append(name)
        record["tag_meta"][name] = {"id": self.next_tag_id, "push_ms": now, "pull_ms": None}
        self.next_tag_id += 1
        self.audit(user, f"{repository['name']}:{name}", "tag", "create", project["name"])
        return 201, None, {"Location": f"{PREFIX}/projects/{project['name']}/repositories/"
                                       f"{urllib.parse.quote(urllib.parse.quote(rest[2], safe=''), safe='')}"
                                       f"/artifacts/{record['digest']}/tags/{name}"}

    @staticmethod
    def report(record, summary):
        rows = report_findings(record["digest"])
        return {"generated_at": summary["end_time"], "severity": summary["severity"], "scanner": dict(SCANNER),
                "vulnerabilities": [
                    {"id": cve, "package": package, "version": version, "fix_version": fix, "severity": severity,
                     "status": "fixed" if fix else "affected", "description": f"{cve} in {package}",
                     "links": [f"https://avd.aquasec.com/nvd/{cve.lower()}"], "artifact_digests": [record["digest"]],
                     "preferred_cvss": {"score_v3": score, "score_v2": None,
                                        "vector_v3": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "vector_v2": ""},
                     "cwe_ids": [cwe], "vendor_attributes": {}}
                    for cve, package, version, fix, severity, score, cwe in rows]}

    def systeminfo(self, authenticated):
        info = {"auth_mode": "db_auth", "primary_auth_mode": False, "self_registration": False,
                "has_ca_root": False, "banner_message": ""}
        if authenticated:
            host = urllib.parse.urlparse(self.external_url).netloc
            info.update({"harbor_version": "v2.12.2-emulated", "external_url": self.external_url,
                         "registry_url": host, "read_only": False, "current_time": harbor_time(time.time() * 1000),
                         "registry_storage_provider_name": "filesystem", "notification_enable": True})
        return info


def paged(params, rows, view=lambda row: row):
    """One page of `rows` with X-Total-Count and a Harbor-style Link (relative, joined by " , ")."""
    page = params.integer("page", 1, 1)
    size = params.integer("page_size", 10, 1, 100)
    total = len(rows)
    links = []
    others = "".join(f"&{name}={value}" for name, value in params.values.items() if name not in ("page", "page_size"))
    if page > 1:
        links.append(f"<{{path}}?page={page - 1}&page_size={size}{others}>; rel=\"prev\"")
    if page * size < total:
        links.append(f"<{{path}}?page={page + 1}&page_size={size}{others}>; rel=\"next\"")
    headers = {"X-Total-Count": str(total)}
    if links:
        headers["Link"] = " , ".join(links)
    return 200, [view(row) for row in rows[(page - 1) * size: page * size]], headers


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    api: Api = None
    admin = ("", "")
    registry = {"url": "", "username": "", "password": ""}
    verbose = False
    served = 0
    swagger = None  # a harbor_schema.Swagger with --swagger
    violations = []  # {"method", "path", "status", "problem"}
    violations_lock = threading.Lock()

    def log_message(self, *args):
        if self.verbose:
            sys.stderr.write("harbor_emulator: " + (args[0] % args[1:]) + "\n")

    def reply(self, status, document, headers=None):
        if isinstance(document, str):
            body, content_type = document.encode(), "text/plain"
        elif document is None:
            body, content_type = b"", None
        else:
            body, content_type = json.dumps(document).encode(), "application/json"
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Set-Cookie", f"sid={secrets.token_hex(16)}; Path=/; HttpOnly")
        self.send_header("X-Request-Id", self.headers.get("X-Request-Id") or secrets.token_hex(8))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def authenticated(self):
        header = self.headers.get("Authorization") or ""
        if not header.lower().startswith("basic "):
            return False
        try:
            user, _, password = base64.b64decode(header[6:]).decode().partition(":")
        except (ValueError, UnicodeDecodeError):
            return False
        return (user, password) == self.admin

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        raw_path, _, raw_query = self.path.partition("?")
        if raw_path.rstrip("/") == "/__control__":
            return self.control(body)
        if raw_path == "/v2" or raw_path.startswith("/v2/"):
            return self.registry_proxy(raw_path if raw_path != "/v2" else "/v2/", raw_query)
        Handler.served += 1
        path = urllib.parse.unquote(raw_path)
        try:
            if self.command != "GET" and "sid=" in (self.headers.get("Cookie") or ""):
                raise ApiError(403, "FORBIDDEN", "CSRF token invalid")
            answer = None
            if path.startswith(PREFIX + "/"):
                segments = path[len(PREFIX) + 1:].rstrip("/").split("/")
                answer = self.api.route(self.command, segments, Params(raw_query), self.headers, self.authenticated(),
                                        body)
            if answer is None:
                raise ApiError(404, "NOT_FOUND", f"path {path} was not found")
            status, document, headers = answer
            if "Link" in headers:
                headers["Link"] = headers["Link"].replace("{path}", path)
        except ApiError as error:
            status, document = error.status, {"errors": [{"code": error.code, "message": error.message}]}
            headers = {"WWW-Authenticate": 'Basic realm="harbor"'} if error.status == 401 else {}
        if self.swagger is not None and raw_path.startswith(PREFIX + "/"):
            problems = self.swagger.validate(self.command, raw_path[len(PREFIX):], status, document)
            with Handler.violations_lock:
                Handler.violations += [{"method": self.command, "path": raw_path, "status": status, "problem": problem}
                                       for problem in problems]
        self.reply(status, document, headers)

    # -- /v2/: the real registry behind Harbor --------------------------------------------------

    def registry_answer(self, status, body, headers):
        self.send_response(status)
        for name, value in {"Content-Length": str(len(body)), "Docker-Distribution-Api-Version": "registry/2.0",
                            **headers}.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def registry_error(self, status, code, message, headers=None):
        body = json.dumps({"errors": [{"code": code, "message": message, "detail": None}]}).encode()
        self.registry_answer(status, body, {"Content-Type": "application/json; charset=utf-8", **(headers or {})})

    def registry_proxy(self, raw_path, raw_query):
        """Forwards an administrator's GET or HEAD to the real registry with its own credentials."""
        if not self.authenticated():
            return self.registry_error(401, "UNAUTHORIZED", "authentication required",
                                       {"WWW-Authenticate": 'Basic realm="harbor"'})
        if self.command not in ("GET", "HEAD"):
            return self.registry_error(405, "UNSUPPORTED", "The operation is unsupported.")
        upstream = urllib.parse.urlsplit(self.registry["url"])
        connection_class = http.client.HTTPSConnection if upstream.scheme == "https" else http.client.HTTPConnection
        connection = connection_class(upstream.netloc, timeout=60)
        headers = {"Authorization": "Basic " + base64.b64encode(
            f"{self.registry['username']}:{self.registry['password']}".encode()).decode()}
        for name in ("Accept", "Range", "If-None-Match"):
            if self.headers.get(name):
                headers[name] = ", ".join(self.headers.get_all(name))
        target = raw_path + ("?" + raw_query if raw_query else "")
        try:
            connection.request(self.command, target, headers=headers)
            response = connection.getresponse()
            name, _, reference = raw_path[len("/v2/"):].rpartition("/referrers/")
            if response.status == 404 and name and self.command == "GET":
                response.read()
                return self.referrers_index(name, reference, Params(raw_query))
            length = response.getheader("Content-Length")
            body = None if length is not None or self.command == "HEAD" else response.read()
            self.send_response(response.status)
            for header, value in response.getheaders():
                if header.lower() in ("content-type", "docker-content-digest", "docker-distribution-api-version",
                                      "etag", "oci-subject", "oci-filters-applied", "accept-ranges",
                                      "content-range", "last-modified"):
                    self.send_header(header, value)
                elif header.lower() in ("link", "location"):
                    self.send_header(header, value.replace(f"{upstream.scheme}://{upstream.netloc}", ""))
            self.send_header("Content-Length", str(len(body)) if body is not None else (length or "0"))
            self.end_headers()
            if response.status == 200 and self.command == "GET" and "/manifests/" in raw_path:
                self.api.record_pull(raw_path[len("/v2/"):].partition("/manifests/")[0],
                                     urllib.parse.unquote(raw_path.rpartition("/")[2]),
                                     response.getheader("Docker-Content-Digest"))
            if self.command == "HEAD":
                return None
            if body is not None:
                return self.wfile.write(body)
            remaining = int(length)
            while remaining > 0:
                chunk = response.read(min(remaining, 65536))
                if not chunk:
                    break
                self.wfile.write(chunk)
                remaining -= len(chunk)
        except OSError as error:
            self.close_connection = True
            return self.registry_error(502, "UNAVAILABLE", f"registry unreachable: {error}")
        finally:
            connection.close()

    def referrers_index(self, name, digest, params):
        """Harbor's referrers answer from the model's accessories (§3), for a registry without the API."""
        if not digest.startswith("sha256:"):
            return self.registry_error(400, "DIGEST_INVALID", "provided digest did not match uploaded content")
        accessories = self.api.accessories_of(name, digest)
        if accessories is None:
            return self.registry_error(404, "NAME_UNKNOWN", "repository name not known to registry")
        wanted = params.values.get("artifactType")
        manifests = [{"mediaType": accessory["media_type"], "digest": accessory["digest"], "size": accessory["size"],
                      "artifactType": accessory["artifact_type"], "annotations": accessory["annotations"]}
                     for accessory in accessories if wanted in (None, accessory["artifact_type"])]
        body = json.dumps({"schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": manifests}).encode()
        headers = {"Content-Type": OCI_INDEX, "X-Total-Count": str(len(manifests))}
        if wanted is not None:
            headers["OCI-Filters-Applied"] = "artifactType"
        self.registry_answer(200, body, headers)

    def control(self, body):
        if self.command == "GET":
            with Handler.violations_lock:
                return self.reply(200, {"requests": Handler.served, "schemaViolations": list(Handler.violations)})
        try:
            document = json.loads(body or b"{}")
        except ValueError:
            document = None
        offset = document.get("clockOffsetDays", 0) if isinstance(document, dict) else None
        if not isinstance(document, dict) or set(document) - {"resetModel", "clockOffsetDays"} \
                or not isinstance(offset, int) or isinstance(offset, bool):
            return self.reply(400, {"error": "expected {\"resetModel\": true} or {\"clockOffsetDays\": N}"})
        if document.get("resetModel"):
            self.api.reset_model()
        if "clockOffsetDays" in document:
            self.api.clock_offset_ms = offset * 86_400_000
        return self.reply(200, {"ok": True})

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = handle_any


def serve(api, admin, verbose=False, registry=None, swagger=None):
    Handler.api, Handler.admin, Handler.verbose, Handler.swagger = api, admin, verbose, swagger
    Handler.registry = registry or Handler.registry
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# ---------------------------------------------------------------------------------------------
# --self-test: a synthetic model served in-process
# ---------------------------------------------------------------------------------------------

def self_test():
    load_extensions()
    failures = []

    def check(name, condition, detail=""):
        if not condition:
            failures.append(f"{name}: {detail}")

    image = {"digest": "sha256:" + "a" * 64, "mediaType": "application/vnd.oci.image.manifest.v1+json",
             "size": 1234, "created": 1714557600000}
    index = {"digest": "sha256:" + "b" * 64, "mediaType": "application/vnd.oci.image.index.v1+json", "size": 99,
             "created": 1714557700000, "children": [{"digest": "sha256:" + "c" * 64,
                                                    "platform": {"os": "linux", "architecture": "arm64"}}]}
    import harbor_retention
    import harbor_schema
    data, referrers = harbor_retention.self_test_data()
    data.update({f"p{n:02d}/app": {"v1": image} for n in range(12)})
    data["lib/team/app"] = {"v1": index, "latest": index, "old": image}
    swagger_path = os.path.join(HERE, "..", "Fixtures", "harbor", "harbor-swagger.yaml")
    swagger = harbor_schema.Swagger(swagger_path) if importlib.util.find_spec("yaml") else None
    check("PyYAML", swagger is not None, "not importable: the responses go unvalidated")
    server = serve(Api(build_model(data, 1714557000000, referrers), "http://registry.invalid"), ("admin", "pw"),
                   swagger=swagger)
    port = server.server_address[1]
    auth = "Basic " + base64.b64encode(b"admin:pw").decode()

    def call(method, path, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request(method, PREFIX + path, body=None if body is None else json.dumps(body),
                           headers={"Authorization": auth, **(headers or {})})
        response = connection.getresponse()
        body = response.read()
        connection.close()
        try:
            document = json.loads(body) if body else None
        except ValueError:
            document = body.decode()
        return response.status, document, response

    status, document, response = call("GET", "/projects?page=2&page_size=5")
    check("page 2", status == 200 and [p["name"] for p in document] == ["p04", "p05", "p06", "p07", "p08"], document)
    check("X-Total-Count", response.getheader("X-Total-Count") == "13", response.getheader("X-Total-Count"))
    check("Link", response.getheader("Link") == '</api/v2.0/projects?page=1&page_size=5>; rel="prev" , '
          '</api/v2.0/projects?page=3&page_size=5>; rel="next"', response.getheader("Link"))
    status, document, _ = call("GET", "/projects?page_size=101")
    check("page_size 101", status == 422 and document["errors"][0]["code"] == "UNPROCESSABLE_ENTITY", document)
    status, document, _ = call("GET", "/projects/lib/repositories/team%252Fapp")
    check("double-encoded name", status == 200 and document["name"] == "lib/team/app", document)
    status, document, _ = call("GET", "/projects/lib/repositories/team%2Fapp")
    check("single-encoded name", status == 404 and "/team/app was not found" in document["errors"][0]["message"], document)
    status, document, _ = call("GET", "/projects/lib/repositories/team%252Fapp/artifacts?with_tag=True")
    check("one artifact, many tags", status == 200 and sorted(document[0]["tags"][i]["name"] for i in range(2)) ==
          ["latest", "v1"] and document[0]["references"][0]["platform"]["architecture"] == "arm64", document)
    status, document, _ = call("DELETE", "/projects/lib/repositories/team%252Fapp/artifacts/old",
                               headers={"Cookie": "sid=abc"})
    check("CSRF", status == 403 and document["errors"][0]["message"] == "CSRF token invalid", document)
    status, document, _ = call("GET", "/projects", headers={"Authorization": "Basic " + base64.b64encode(b"admin:x").decode()})
    check("wrong password", status == 401 and document["errors"][0]["code"] == "UNAUTHORIZED", document)
    status, document, _ = call("GET", "/projects/lib/repositories/team%252Fapp/artifacts/v1?with_scan_overview=true")
    check("no scan overview before a scan", status == 200 and "scan_overview" not in document, document)
    status, _, _ = call("POST", "/projects/lib/repositories/team%252Fapp/artifacts/v1/scan")
    second, _, _ = call("POST", "/projects/lib/repositories/team%252Fapp/artifacts/v1/scan")
    check("scan 202 then 409", (status, second) == (202, 409), (status, second))
    states = [call("GET", "/projects/lib/repositories/team%252Fapp/artifacts/v1?with_scan_overview=true")[1]
              ["scan_overview"][REPORT_MIME]["scan_status"] for _ in range(3)]
    check("scan states", states == ["Pending", "Running", "Success"], states)
    status, document, _ = call("GET", "/projects/lib/repositories/team%252Fapp/artifacts/old/additions/vulnerabilities")
    check("no report", status == 200 and document == {}, document)
    status, document, _ = call("GET", "/projects/lib/repositories/keep/artifacts/v3/accessories")
    check("accessories", status == 200 and [(a["type"], a["subject_artifact_digest"][7]) for a in document] ==
          [("signature.cosign", "c")], document)
    try:
        harbor_retention.self_test_cases(call, check)
    except (KeyError, TypeError, IndexError, AttributeError) as error:  # reported with the other failures
        check("retention cases", False, f"{type(error).__name__}: {error}")
    status = call("DELETE", "/projects/lib/repositories/team%252Fapp")[0]
    check("delete repository", (status, call("GET", "/projects/lib/repositories/team%252Fapp")[0]) == (200, 404), status)
    check("audit", [e["operation"] for e in server.RequestHandlerClass.api.audit_log].count("delete") >= 3, "few")
    for method, headers, expected in (("GET", {"Authorization": ""}, 401), ("DELETE", {}, 405)):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request(method, "/v2/lib/keep/manifests/v1", headers={"Authorization": auth, **headers})
        response = connection.getresponse()
        code = json.loads(response.read())["errors"][0]["code"]
        connection.close()
        check(f"/v2/ {method}", (response.status, code, response.getheader("Docker-Distribution-Api-Version")) ==
              (expected, "UNAUTHORIZED" if expected == 401 else "UNSUPPORTED", "registry/2.0"), response.status)
        check("/v2/ challenge", expected != 401 or response.getheader("WWW-Authenticate") == 'Basic realm="harbor"',
              response.getheader("WWW-Authenticate"))
    harbor_schema.self_test_cases(check)
    with Handler.violations_lock:
        check("schema violations", Handler.violations == [], Handler.violations)
    server.shutdown()
    print(json.dumps({"selfTest": "ok" if not failures else "failed", "failures": failures}), flush=True)
    return 0 if not failures else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--self-test", action="store_true", help="check routing, paging and CSRF in-process and exit")
    parser.add_argument("--registry")
    parser.add_argument("--registry-username")
    parser.add_argument("--registry-password")
    parser.add_argument("--registry-snapshot", help="reuse what an earlier emulator read (reader_snapshot.py)")
    parser.add_argument("--admin", metavar="USER:PASSWORD")
    parser.add_argument("--parent-pid", type=int)
    parser.add_argument("--swagger", metavar="PATH", help="validate every /api/v2.0 JSON response against it")
    parser.add_argument("--verbose", action="store_true", help="log every request to stderr")
    args = parser.parse_args()
    venv = os.path.abspath(os.path.join(HERE, "..", "..", ".venv-acr"))
    if (args.swagger or args.self_test) and importlib.util.find_spec("yaml") is None \
            and os.path.exists(os.path.join(venv, "bin", "python")) and os.path.abspath(sys.prefix) != venv:
        # PyYAML reads the swagger; scripts/install-deps puts it into .venv-acr.
        os.execv(os.path.join(venv, "bin", "python"), [os.path.join(venv, "bin", "python"), __file__] + sys.argv[1:])
    load_extensions()
    if args.self_test:
        sys.exit(self_test())
    if not (args.registry and args.admin and ":" in args.admin):
        print(json.dumps({"error": "--registry and --admin USER:PASSWORD are required"}), flush=True)
        sys.exit(1)
    try:
        started = int(time.time() * 1000)
        reader = RegistryReader(args.registry, args.registry_username, args.registry_password)
        data = reader.read_all(snapshot_path=args.registry_snapshot)
        api = Api(build_model(data, started, read_referrers(reader, data)), args.registry)
        user, _, password = args.admin.partition(":")
        swagger = None
        if args.swagger:
            from harbor_schema import Swagger
            swagger = Swagger(args.swagger)
        server = serve(api, (user, password), args.verbose, {
            "url": args.registry.rstrip("/"), "username": args.registry_username or "",
            "password": args.registry_password or ""}, swagger)
    except Exception as error:  # report and exit; the caller sees the message
        print(json.dumps({"error": f"{type(error).__name__}: {error}"}), flush=True)
        sys.exit(1)
    port = server.server_address[1]
    print(json.dumps({"url": f"http://127.0.0.1:{port}", "endpoint": f"127.0.0.1:{port}",
                      "base": f"http://127.0.0.1:{port}{PREFIX}", "projects": sorted(api.projects),
                      "pid": os.getpid()}), flush=True)
    try:
        while True:
            time.sleep(0.3)
            if args.parent_pid and os.getppid() != args.parent_pid:
                break
    except KeyboardInterrupt:
        pass
    server.shutdown()


EXTENSIONS.append(__import__("harbor_admin"))

if __name__ == "__main__":
    main()
