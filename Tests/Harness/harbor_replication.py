"""Replication (system level) and project webhooks for harbor_emulator.py, as its swagger has them.

Registered in harbor_emulator.EXTENSIONS; `route` answers the paths below (None for any other) and
`reset` seeds the model from api.projects. Webhooks live in harbor_webhooks.py, routed from here.
Errors, paging and times come from the emulator module that owns `api` (found through
`type(api).__module__`, so this works whether the emulator runs as a script or is imported).

Replication (§2.9):
  GET /registries                          two remote endpoints (docker-hub 1, dr-harbor 2), paged, q name
  GET|POST /replication/policies           paged, q `name=v` / `name=~v` (and the deprecated `name`)
  GET|PUT|DELETE /replication/policies/{id}  DELETE answers 412 while an execution runs
  POST /replication/executions {"policy_id"}  201 + Location; 412 PRECONDITION for a disabled policy
  GET /replication/executions?policy_id=&status=&trigger=  paged, newest first
  GET|PUT /replication/executions/{id}     PUT stops a running execution (a finished one is left as is)
  GET …/executions/{id}/tasks?status=&resource_type=  paged
  GET …/executions/{id}/tasks/{task_id}/log            text/plain
An execution has one task per model repository its `name` filters match (`**` any characters, `*`
any but `/`, `?` one, `{a,b}` alternatives). It reads InProgress twice (each read of the execution,
of a listing holding it, or of its tasks counts once), then ends: when the policy's dest_namespace or
a filter value contains "fail", the first task and every second one after it fail (log line `failed
to push manifest of artifact DEST:TAG: http status code: 403 …`) and the execution is Failed, else
every task and it Succeed.
Seed: 1 push-ns-to-dr (event_based, local → dr-harbor/ns-backup, ns/{app,web}), 2 pull-mirror-from-dr
(scheduled, dr-harbor → local, mirror/**), 3 offsite-copy (manual, disabled, ns/app → docker-hub
namespace failover); executions 3 (policy 2, Succeed), 2 (policy 1, Failed: app failed), 1 (policy
1, Succeed), started 1, 2 and 3 hours before the reset.

Webhooks (§2.10), {project_name_or_id} as the emulator resolves it (X-Is-Resource-Name):
  GET|POST /projects/{p}/webhook/policies (paged), GET|PUT|DELETE …/policies/{id}
  GET /projects/{p}/webhook/events         SupportedWebhookEventTypes, unpaged
  GET …/policies/{id}/executions (paged, newest first), …/executions/{eid}/tasks (paged),
  …/tasks/{tid}/log (text/plain); execution times are whole seconds.
Seed, in project `ns` (else the first project): 1 deploy-hook (http, credentials in its URL, an
auth_header; jobs 1 PUSH_ARTIFACT Success 30 minutes before the reset, 2 SCANNING_COMPLETED Success
20 minutes before, 3 PUSH_ARTIFACT Error 10 minutes before, each with one task and its log),
2 chat-alerts (slack, disabled, no jobs).
Every mutation records an audit entry with the Basic user's name.
"""

import base64
import copy
import hashlib
import json
import re
import sys
import time

import harbor_webhooks  # noqa: E402  (uses this module's helpers at call time)

EVENT_TYPES = ["DELETE_ARTIFACT", "PULL_ARTIFACT", "PUSH_ARTIFACT", "QUOTA_EXCEED", "QUOTA_WARNING", "REPLICATION",
               "SCANNING_FAILED", "SCANNING_STOPPED", "SCANNING_COMPLETED", "TAG_RETENTION"]
EXECUTION_STATES = ("InProgress", "Succeed", "Failed", "Stopped")


def emulator(api):
    return sys.modules[type(api).__module__]


def fail(api, status, code, message):
    return emulator(api).ApiError(status, code, message)


def now_ms():
    return int(time.time() * 1000)


def seconds_time(epoch_ms):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch_ms / 1000))


def username(headers):
    header = headers.get("Authorization") or ""
    try:
        return base64.b64decode(header[6:]).decode().partition(":")[0] or "admin"
    except (ValueError, UnicodeDecodeError):
        return "admin"


def glob_regex(pattern):
    """doublestar-ish: `**` anything, `*` anything but `/`, `?` one character, `{a,b}` alternatives."""
    out, index = "", 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**", index):
            out, index = out + ".*", index + 2
            continue
        if char == "{" and "}" in pattern[index:]:
            end = pattern.index("}", index)
            out += "(?:" + "|".join(re.escape(part) for part in pattern[index + 1:end].split(",")) + ")"
            index = end + 1
            continue
        out += {"*": "[^/]*", "?": "[^/]"}.get(char, re.escape(char))
        index += 1
    return re.compile(out + r"\Z")


def query_terms(params):
    """`q` as {key: (exact?, value)}; a deprecated `name` parameter is a fuzzy name term."""
    terms = {}
    for term in (params.values.get("q") or "").split(","):
        key, _, value = term.partition("=")
        if key and value.startswith("~"):
            terms[key.strip()] = (False, value[1:])
        elif key:
            terms[key.strip()] = (True, value)
    if params.values.get("name"):
        terms.setdefault("name", (False, params.values["name"]))
    return terms


def matches_query(row, terms):
    for key, (exact, value) in terms.items():
        if key not in row:
            continue  # unknown keys are ignored, as Harbor does
        text = str(row[key])
        if (exact and text != value) or (not exact and value.lower() not in text.lower()):
            return False
    return True


def json_body(api, body):
    try:
        document = json.loads(body or b"null")
    except ValueError:
        raise fail(api, 400, "BAD_REQUEST", "the request body is not valid JSON")
    if not isinstance(document, dict):
        raise fail(api, 400, "BAD_REQUEST", "the request body must be a JSON object")
    return document


def integer_segment(api, text, what):
    if not text.isdigit():
        raise fail(api, 422, "UNPROCESSABLE_ENTITY", f"{what} in path must be of type int64: \"{text}\"")
    return int(text)


# -- model -------------------------------------------------------------------------------------

def reset(api):
    started = now_ms()
    emu = emulator(api)
    registries = [
        {"id": 1, "name": "docker-hub", "url": "https://hub.docker.com", "type": "docker-hub", "insecure": False,
         "description": "Docker Hub", "credential": {"type": "basic", "access_key": "mirror-bot",
                                                     "access_secret": "*****"}},
        {"id": 2, "name": "dr-harbor", "url": "https://harbor-dr.example.com", "type": "harbor", "insecure": False,
         "description": "Disaster recovery site", "credential": {"type": "basic", "access_key": "robot$replicator",
                                                                 "access_secret": "*****"}},
    ]
    for registry in registries:
        registry.update({"status": "healthy", "creation_time": emu.harbor_time(started - 86400000),
                         "update_time": emu.harbor_time(started - 86400000)})
    api.replication = {"registries": registries, "policies": {}, "executions": {}, "tasks": {},
                       "ids": {"policy": 1, "execution": 1, "task": 1}}
    seeds = [
        ("push-ns-to-dr", "Copies the ns applications to the DR site", None, 2, "ns-backup",
         {"type": "event_based", "trigger_settings": {"cron": ""}}, "ns/{app,web}", True),
        ("pull-mirror-from-dr", "Mirrors the base images back from the DR site", 2, None, "",
         {"type": "scheduled", "trigger_settings": {"cron": "0 0 3 * * *"}}, "mirror/**", True),
        ("offsite-copy", "Off-site copy of ns/app", None, 1, "failover",
         {"type": "manual", "trigger_settings": {"cron": ""}}, "ns/app", False),
    ]
    for name, description, source, destination, namespace, trigger, pattern, enabled in seeds:
        store_policy(api, {"name": name, "description": description, "src_registry": {"id": source or 0},
                           "dest_registry": {"id": destination or 0}, "dest_namespace": namespace,
                           "dest_namespace_replace_count": 1, "trigger": trigger,
                           "filters": [{"type": "name", "value": pattern, "decoration": "matches"},
                                       {"type": "tag", "value": "**", "decoration": "matches"}],
                           "replicate_deletion": False, "override": True, "enabled": enabled, "speed": -1,
                           "copy_by_chunk": False, "single_active_replication": False}, started - 86400000)
    for policy_id, trigger, hours, failing in ((1, "event_based", 3, False), (1, "manual", 2, True),
                                               (2, "scheduled", 1, False)):
        execution = start_execution(api, api.replication["policies"][policy_id], trigger,
                                    started - hours * 3600000, failing)
        finish(api, execution, execution["start_ms"] + 42000)
    harbor_webhooks.reset(api, started)


def store_policy(api, document, created_ms, policy_id=None):
    state = api.replication
    if policy_id is None:
        policy_id = state["ids"]["policy"]
        state["ids"]["policy"] += 1
    policy = copy.deepcopy(document)
    policy.update({"id": policy_id, "creation_time_ms": created_ms, "update_time_ms": now_ms()})
    state["policies"][policy_id] = policy
    return policy


def registry_view(api, reference):
    registry_id = (reference or {}).get("id") or 0
    if registry_id == 0:
        return {"id": 0, "name": "Local", "url": "http://core:8080", "type": "harbor", "insecure": True,
                "status": "healthy", "description": "", "credential": {"type": "secret", "access_secret": "*****"},
                "creation_time": emulator(api).NEVER, "update_time": emulator(api).NEVER}
    for registry in api.replication["registries"]:
        if registry["id"] == registry_id:
            return copy.deepcopy(registry)
    raise fail(api, 400, "BAD_REQUEST", f"registry {registry_id} not found")


def policy_view(api, policy):
    view = {key: copy.deepcopy(value) for key, value in policy.items() if not key.endswith("_ms")}
    view["src_registry"] = registry_view(api, policy.get("src_registry"))
    view["dest_registry"] = registry_view(api, policy.get("dest_registry"))
    view["deletion"] = policy.get("replicate_deletion", False)
    view["creation_time"] = emulator(api).harbor_time(policy["creation_time_ms"])
    view["update_time"] = emulator(api).harbor_time(policy["update_time_ms"])
    return view


def is_failing(policy):
    values = [policy.get("dest_namespace") or ""] + [str(f.get("value")) for f in policy.get("filters") or []]
    return any("fail" in value for value in values)


def matched_repositories(api, policy):
    patterns = [glob_regex(str(f.get("value") or "**")) for f in policy.get("filters") or []
                if f.get("type") == "name" and f.get("decoration", "matches") != "excludes"] or [glob_regex("**")]
    names = sorted(name for project in api.projects.values() for name in project["repositories"])
    return [(name, api_tags(api, name)) for name in names if all(p.match(name) for p in patterns)]


def api_tags(api, name):
    project = api.projects[name.split("/")[0]]
    return sorted(tag for artifact in project["repositories"][name]["artifacts"] for tag in artifact["tags"])


def start_execution(api, policy, trigger, start_ms, failing):
    state = api.replication
    execution_id = state["ids"]["execution"]
    state["ids"]["execution"] += 1
    execution = {"id": execution_id, "policy_id": policy["id"], "trigger": trigger, "start_ms": start_ms,
                 "end_ms": None, "status": "InProgress", "polls": 0, "tasks": []}
    source = registry_view(api, policy.get("src_registry"))
    destination = registry_view(api, policy.get("dest_registry"))
    for index, (name, tags) in enumerate(matched_repositories(api, policy)):
        namespace = policy.get("dest_namespace") or name.split("/")[0]
        target = namespace + "/" + name.split("/", 1)[1]
        task_id = state["ids"]["task"]
        state["ids"]["task"] += 1
        task = {"id": task_id, "execution_id": execution_id, "status": "InProgress",
                "job_id": hashlib.sha1(f"{execution_id}/{task_id}".encode()).hexdigest()[:24],
                "src_resource": f"{name}:[{','.join(tags)}]", "dst_resource": f"{target}:[{','.join(tags)}]",
                "start_ms": start_ms, "end_ms": None, "fails": failing and index % 2 == 0,
                "log": task_log(source, destination, name, target, tags, start_ms, failing and index % 2 == 0)}
        state["tasks"][task_id] = task
        execution["tasks"].append(task_id)
    state["executions"][execution_id] = execution
    return execution


def task_log(source, destination, name, target, tags, start_ms, failing):
    stamp = seconds_time(start_ms)
    first = tags[0] if tags else "latest"
    lines = [
        f"{stamp} [INFO] [/controller/replication/transfer/image/transfer.go:125]: client for source registry "
        f"[type: {source['type']}, URL: {source['url']}, insecure: {str(source['insecure']).lower()}] created",
        f"{stamp} [INFO] [/controller/replication/transfer/image/transfer.go:135]: client for destination registry "
        f"[type: {destination['type']}, URL: {destination['url']}, insecure: {str(destination['insecure']).lower()}] "
        "created",
        f"{stamp} [INFO] [/controller/replication/transfer/image/transfer.go:168]: copying {name}:[{','.join(tags)}]"
        f"(source registry) to {target}:[{','.join(tags)}](destination registry)...",
        f"{stamp} [INFO] [/controller/replication/transfer/image/transfer.go:192]: copying {name}:{first}"
        f"(source registry) to {target}:{first}(destination registry)...",
    ]
    if failing:
        lines += [
            f"{stamp} [ERROR] [/controller/replication/transfer/image/transfer.go:353]: failed to push manifest of "
            f"artifact {target}:{first}: http status code: 403, body: {{\"errors\":[{{\"code\":\"DENIED\","
            "\"message\":\"requested access to the resource is denied\"}]}",
            f"{stamp} [ERROR] [/jobservice/runner/redis.go:123]: Job 'REPLICATION' exit with error: run error: "
            f"failed to push manifest of artifact {target}:{first}",
        ]
    else:
        lines += [f"{stamp} [INFO] [/controller/replication/transfer/image/transfer.go:216]: copy {name}:{first}"
                  f"(source registry) to {target}:{first}(destination registry) completed",
                  f"{stamp} [INFO] [/jobservice/runner/redis.go:127]: Job 'REPLICATION' done"]
    return "\n".join(lines) + "\n"


def finish(api, execution, end_ms):
    tasks = [api.replication["tasks"][task_id] for task_id in execution["tasks"]]
    for task in tasks:
        if task["status"] == "InProgress":
            task["status"], task["end_ms"] = ("Failed" if task["fails"] else "Succeed"), end_ms
    execution["status"] = "Failed" if any(t["status"] == "Failed" for t in tasks) else "Succeed"
    execution["end_ms"] = end_ms


def advance(api, execution):
    """Counts one read of a running execution; the third read finds it ended."""
    if execution["status"] != "InProgress":
        return
    execution["polls"] += 1
    if execution["polls"] > 2:
        finish(api, execution, now_ms())


def execution_view(api, execution):
    emu = emulator(api)
    tasks = [api.replication["tasks"][task_id] for task_id in execution["tasks"]]
    count = {state: sum(1 for t in tasks if t["status"] == state) for state in EXECUTION_STATES}
    view = {"id": execution["id"], "policy_id": execution["policy_id"], "status": execution["status"],
            "trigger": execution["trigger"], "start_time": emu.harbor_time(execution["start_ms"]),
            "status_text": "", "total": len(tasks), "failed": count["Failed"], "succeed": count["Succeed"],
            "in_progress": count["InProgress"], "stopped": count["Stopped"]}
    if execution["end_ms"] is not None:
        view["end_time"] = emu.harbor_time(execution["end_ms"])
    return view


def task_view(api, task):
    emu = emulator(api)
    view = {"id": task["id"], "execution_id": task["execution_id"], "status": task["status"],
            "job_id": task["job_id"], "operation": "copy", "resource_type": "image",
            "src_resource": task["src_resource"], "dst_resource": task["dst_resource"],
            "start_time": emu.harbor_time(task["start_ms"])}
    if task["end_ms"] is not None:
        view["end_time"] = emu.harbor_time(task["end_ms"])
    return view


# -- routes ------------------------------------------------------------------------------------

def route(api, method, segments, params, headers, body):
    if segments == ["registries"] and method == "GET":
        terms = query_terms(params)
        return emulator(api).paged(params, [copy.deepcopy(r) for r in api.replication["registries"]
                                            if matches_query(r, terms)])
    if segments[:1] == ["replication"] and len(segments) >= 2:
        if segments[1] == "policies":
            return policies_route(api, method, segments[2:], params, headers, body)
        if segments[1] == "executions":
            return executions_route(api, method, segments[2:], params, headers, body)
        return None
    if segments[:1] == ["projects"] and len(segments) >= 3 and segments[2] == "webhook":
        return harbor_webhooks.route(api, method, segments[1], segments[3:], params, headers, body)
    return None


def policy_fields(api, document):
    name = document.get("name")
    if not isinstance(name, str) or not name.strip():
        raise fail(api, 400, "BAD_REQUEST", "name is required")
    source, destination = document.get("src_registry") or {}, document.get("dest_registry") or {}
    if (source.get("id") or 0) != 0 and (destination.get("id") or 0) != 0:
        raise fail(api, 400, "BAD_REQUEST", "either the source registry or the destination registry must be local")
    registry_view(api, source)
    registry_view(api, destination)
    fields = {key: document[key] for key in (
        "name", "description", "dest_namespace", "dest_namespace_replace_count", "trigger", "filters",
        "replicate_deletion", "override", "enabled", "speed", "copy_by_chunk", "single_active_replication")
        if key in document}
    fields["src_registry"], fields["dest_registry"] = {"id": source.get("id") or 0}, {"id": destination.get("id") or 0}
    return fields


def find_policy(api, text):
    policy_id = integer_segment(api, text, "id")
    policy = api.replication["policies"].get(policy_id)
    if policy is None:
        raise fail(api, 404, "NOT_FOUND", f"policy {policy_id} not found")
    return policy


def policies_route(api, method, rest, params, headers, body):
    state, user = api.replication, username(headers)
    if not rest and method == "GET":
        terms = query_terms(params)
        rows = [p for _, p in sorted(state["policies"].items()) if matches_query(p, terms)]
        return emulator(api).paged(params, rows, lambda p: policy_view(api, p))
    if not rest and method == "POST":
        fields = policy_fields(api, json_body(api, body))
        if any(p["name"] == fields["name"] for p in state["policies"].values()):
            raise fail(api, 409, "CONFLICT", f"policy {fields['name']} already exists")
        fields.setdefault("enabled", True)
        policy = store_policy(api, fields, now_ms())
        api.audit(user, policy["name"], "replication_policy", "create")
        return 201, None, {"Location": f"/api/v2.0/replication/policies/{policy['id']}"}
    if len(rest) != 1 or method not in ("GET", "PUT", "DELETE"):
        return None
    policy = find_policy(api, rest[0])
    if method == "GET":
        return 200, policy_view(api, policy), {}
    if method == "PUT":
        fields = policy_fields(api, json_body(api, body))
        if any(p["name"] == fields["name"] and p["id"] != policy["id"] for p in state["policies"].values()):
            raise fail(api, 409, "CONFLICT", f"policy {fields['name']} already exists")
        store_policy(api, fields, policy["creation_time_ms"], policy["id"])
        api.audit(user, fields["name"], "replication_policy", "update")
        return 200, None, {}
    if any(e["policy_id"] == policy["id"] and e["status"] == "InProgress" for e in state["executions"].values()):
        raise fail(api, 412, "PRECONDITION", f"the policy {policy['id']} has running executions, can not be deleted")
    del state["policies"][policy["id"]]
    api.audit(user, policy["name"], "replication_policy", "delete")
    return 200, None, {}


def find_execution(api, text):
    execution_id = integer_segment(api, text, "id")
    execution = api.replication["executions"].get(execution_id)
    if execution is None:
        raise fail(api, 404, "NOT_FOUND", f"execution {execution_id} not found")
    return execution


def executions_route(api, method, rest, params, headers, body):
    state, emu = api.replication, emulator(api)
    if not rest and method == "GET":
        wanted = {key: params.values.get(key) for key in ("policy_id", "status", "trigger") if params.values.get(key)}
        rows = [e for _, e in sorted(state["executions"].items(), reverse=True)
                if all(str(e[key]) == value for key, value in wanted.items())]
        params.integer("page_size", 10, 1, 100)
        return emu.paged(params, rows, lambda e: (advance(api, e), execution_view(api, e))[1])
    if not rest and method == "POST":
        policy_id = json_body(api, body).get("policy_id")
        if not isinstance(policy_id, int):
            raise fail(api, 400, "BAD_REQUEST", "policy_id is required")
        policy = state["policies"].get(policy_id)
        if policy is None:
            raise fail(api, 404, "NOT_FOUND", f"policy {policy_id} not found")
        if not policy.get("enabled"):
            raise fail(api, 412, "PRECONDITION", f"the policy {policy_id} is disabled")
        execution = start_execution(api, policy, "manual", now_ms(), is_failing(policy))
        api.audit(username(headers), policy["name"], "replication_execution", "create")
        return 201, None, {"Location": f"/api/v2.0/replication/executions/{execution['id']}"}
    execution = find_execution(api, rest[0]) if rest else None
    if execution is None:
        return None
    if len(rest) == 1 and method == "GET":
        advance(api, execution)
        return 200, execution_view(api, execution), {}
    if len(rest) == 1 and method == "PUT":
        if execution["status"] == "InProgress":
            stopped = now_ms()
            for task_id in execution["tasks"]:
                task = state["tasks"][task_id]
                if task["status"] == "InProgress":
                    task["status"], task["end_ms"] = "Stopped", stopped
            execution["status"], execution["end_ms"] = "Stopped", stopped
        policy = state["policies"].get(execution["policy_id"])
        api.audit(username(headers), policy["name"] if policy else str(execution["policy_id"]),
                  "replication_execution", "stop")
        return 200, None, {}
    if len(rest) == 2 and rest[1] == "tasks" and method == "GET":
        advance(api, execution)
        wanted = {key: params.values.get(key) for key in ("status", "resource_type") if params.values.get(key)}
        rows = [task_view(api, state["tasks"][task_id]) for task_id in execution["tasks"]]
        return emu.paged(params, [r for r in rows if all(r[k] == v for k, v in wanted.items())])
    if len(rest) == 4 and rest[1] == "tasks" and rest[3] == "log" and method == "GET":
        task = state["tasks"].get(integer_segment(api, rest[2], "task_id"))
        if task is None or task["execution_id"] != execution["id"]:
            raise fail(api, 404, "NOT_FOUND", f"task {rest[2]} not found")
        return 200, task["log"], {}
    return None
