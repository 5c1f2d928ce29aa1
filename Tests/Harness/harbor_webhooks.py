"""Project webhook policies and their job history for harbor_emulator.py, routed by harbor_replication.py
(whose docstring lists the endpoints and the seed). Policies keep `auth_header` and the target URL
as given: Harbor returns both, so clients must hide them.
"""

import copy

import harbor_replication as shared

PAYLOAD_FORMATS = [{"notify_type": "http", "formats": ["Default", "CloudEvents"]},
                   {"notify_type": "slack", "formats": ["Default"]}]


def reset(api, started):
    api.webhooks = {"policies": {}, "executions": {}, "ids": {"policy": 1, "execution": 1, "task": 1}}
    if not api.projects:
        return
    project = api.projects["ns"] if "ns" in api.projects else api.projects[sorted(api.projects)[0]]
    hook = store(api, project, {
        "name": "deploy-hook", "description": "Redeploys staging on every push",
        "targets": [{"type": "http", "address": "https://deploy:s3cr3t@hooks.example.com/harbor?token=abc123",
                     "auth_header": "Bearer hook-secret-123", "skip_cert_verify": False,
                     "payload_format": "Default"}],
        "event_types": ["PUSH_ARTIFACT", "DELETE_ARTIFACT", "SCANNING_COMPLETED"], "enabled": True}, started - 86400000)
    store(api, project, {
        "name": "chat-alerts", "description": "Scan failures and quota to the team channel",
        "targets": [{"type": "slack", "address": "https://hooks.slack.com/services/T0001/B0001/XXXXXXXX",
                     "skip_cert_verify": False, "payload_format": "Default"}],
        "event_types": ["SCANNING_FAILED", "QUOTA_EXCEED"], "enabled": False}, started - 86400000)
    for minutes, event, failed in ((30, "PUSH_ARTIFACT", False), (20, "SCANNING_COMPLETED", False),
                                   (10, "PUSH_ARTIFACT", True)):
        record_execution(api, hook, event, started - minutes * 60000, failed)


def store(api, project, document, created_ms, policy_id=None):
    state = api.webhooks
    if policy_id is None:
        policy_id = state["ids"]["policy"]
        state["ids"]["policy"] += 1
    policy = copy.deepcopy(document)
    policy.update({"id": policy_id, "project_id": project["project_id"], "creator": document.get("creator", "admin"),
                   "creation_time_ms": created_ms, "update_time_ms": shared.now_ms()})
    state["policies"][policy_id] = policy
    return policy


def record_execution(api, policy, event, start_ms, failed):
    state = api.webhooks
    execution_id, task_id = state["ids"]["execution"], state["ids"]["task"]
    state["ids"]["execution"] += 1
    state["ids"]["task"] += 1
    address = policy["targets"][0]["address"] if policy["targets"] else ""
    host = address.split("://", 1)[-1].split("@")[-1].split("/")[0].split("?")[0]
    stamp = shared.seconds_time(start_ms)
    lines = [f"{stamp} [INFO] [/jobservice/job/impl/notification/webhook_job.go:80]: start to run webhook job.",
             f"{stamp} [INFO] [/jobservice/job/impl/notification/webhook_job.go:100]: request body: "
             f"{{\"type\":\"{event}\",\"occur_at\":{start_ms // 1000},\"operator\":\"admin\"}}"]
    if failed:
        lines.append(f"{stamp} [ERROR] [/jobservice/job/impl/notification/webhook_job.go:107]: failed to exec "
                     f"webhook request: Post \"https://{host}/harbor\": dial tcp 203.0.113.7:443: i/o timeout")
    else:
        lines.append(f"{stamp} [INFO] [/jobservice/job/impl/notification/webhook_job.go:93]: send webhook "
                     "successfully, response status code: 200")
    end_ms = start_ms + (31000 if failed else 1000)
    state["executions"][execution_id] = {
        "id": execution_id, "policy_id": policy["id"], "event": event, "start_ms": start_ms, "end_ms": end_ms,
        "status": "Error" if failed else "Success",
        "task": {"id": task_id, "status": "Error" if failed else "Success", "run_count": 3 if failed else 1,
                 "status_message": "", "log": "\n".join(lines) + "\n"}}


def policy_view(api, policy):
    emu = shared.emulator(api)
    view = {key: copy.deepcopy(value) for key, value in policy.items() if not key.endswith("_ms")}
    view["creation_time"] = emu.harbor_time(policy["creation_time_ms"])
    view["update_time"] = emu.harbor_time(policy["update_time_ms"])
    return view


def execution_view(execution):
    success = execution["status"] == "Success"
    return {"id": execution["id"], "vendor_type": "WEBHOOK", "vendor_id": execution["policy_id"],
            "status": execution["status"], "status_message": "", "trigger": "EVENT",
            "extra_attrs": {"event_type": execution["event"]},
            "metrics": {"task_count": 1, "success_task_count": 1 if success else 0,
                        "error_task_count": 0 if success else 1, "pending_task_count": 0, "running_task_count": 0,
                        "scheduled_task_count": 0, "stopped_task_count": 0},
            "start_time": shared.seconds_time(execution["start_ms"]),
            "end_time": shared.seconds_time(execution["end_ms"])}


def task_view(execution):
    task = execution["task"]
    return {"id": task["id"], "execution_id": execution["id"], "status": task["status"],
            "status_message": task["status_message"], "run_count": task["run_count"], "extra_attrs": {},
            "creation_time": shared.seconds_time(execution["start_ms"]),
            "update_time": shared.seconds_time(execution["end_ms"]),
            "start_time": shared.seconds_time(execution["start_ms"]),
            "end_time": shared.seconds_time(execution["end_ms"])}


def policy_fields(api, document):
    name = document.get("name")
    if not isinstance(name, str) or not name.strip():
        raise shared.fail(api, 400, "BAD_REQUEST", "name is required")
    targets, events = document.get("targets"), document.get("event_types")
    if not isinstance(targets, list) or not targets:
        raise shared.fail(api, 400, "BAD_REQUEST", "empty notification target with policy " + name)
    if not isinstance(events, list) or not events:
        raise shared.fail(api, 400, "BAD_REQUEST", "empty event type")
    for event in events:
        if event not in shared.EVENT_TYPES:
            raise shared.fail(api, 400, "BAD_REQUEST", f"unsupported event type {event}")
    for target in targets:
        if not isinstance(target, dict) or not str(target.get("address") or "").startswith(("http://", "https://")):
            raise shared.fail(api, 400, "BAD_REQUEST", "invalid target address")
        if target.get("type") not in ("http", "slack"):
            raise shared.fail(api, 400, "BAD_REQUEST", f"unsupported notify type {target.get('type')}")
    fields = {key: copy.deepcopy(document[key]) for key in ("name", "description", "targets", "event_types",
                                                            "enabled") if key in document}
    fields.setdefault("enabled", True)
    return fields


def route(api, method, project_text, rest, params, headers, body):
    """`rest` follows /projects/{p}/webhook."""
    emu, state = shared.emulator(api), api.webhooks
    shape = tuple(part if index % 2 == 0 else "{}" for index, part in enumerate(rest))
    known = {("events",), ("policies",), ("policies", "{}"), ("policies", "{}", "executions"),
             ("policies", "{}", "executions", "{}", "tasks"), ("policies", "{}", "executions", "{}", "tasks", "{}",
                                                            "log")}
    if shape not in known:
        return None
    by_name = (headers.get("X-Is-Resource-Name") or "").lower() == "true"
    project = api.project(project_text, by_name)
    user = shared.username(headers)
    if shape == ("events",) and method == "GET":
        return 200, {"event_type": list(shared.EVENT_TYPES), "notify_type": ["http", "slack"],
                     "payload_formats": copy.deepcopy(PAYLOAD_FORMATS)}, {}
    mine = {pid: p for pid, p in sorted(state["policies"].items()) if p["project_id"] == project["project_id"]}
    if shape == ("policies",) and method == "GET":
        terms = shared.query_terms(params)
        rows = [p for p in mine.values() if shared.matches_query(p, terms)]
        return emu.paged(params, rows, lambda p: policy_view(api, p))
    if shape == ("policies",) and method == "POST":
        fields = policy_fields(api, shared.json_body(api, body))
        if any(p["name"] == fields["name"] for p in mine.values()):
            raise shared.fail(api, 409, "CONFLICT", f"webhook policy {fields['name']} already exists")
        policy = store(api, project, dict(fields, creator=user), shared.now_ms())
        api.audit(user, policy["name"], "webhook_policy", "create", project=project["name"])
        return 201, None, {"Location": f"/api/v2.0/projects/{project['project_id']}/webhook/policies/{policy['id']}"}
    policy = mine.get(shared.integer_segment(api, rest[1], "webhook_policy_id"))
    if policy is None:
        raise shared.fail(api, 404, "NOT_FOUND", f"webhook policy {rest[1]} not found")
    if shape == ("policies", "{}"):
        if method == "GET":
            return 200, policy_view(api, policy), {}
        if method == "PUT":
            fields = policy_fields(api, shared.json_body(api, body))
            if any(p["name"] == fields["name"] and p["id"] != policy["id"] for p in mine.values()):
                raise shared.fail(api, 409, "CONFLICT", f"webhook policy {fields['name']} already exists")
            store(api, project, dict(fields, creator=policy["creator"]), policy["creation_time_ms"], policy["id"])
            api.audit(user, fields["name"], "webhook_policy", "update", project=project["name"])
            return 200, None, {}
        if method == "DELETE":
            del state["policies"][policy["id"]]
            for execution_id in [e for e, x in state["executions"].items() if x["policy_id"] == policy["id"]]:
                del state["executions"][execution_id]
            api.audit(user, policy["name"], "webhook_policy", "delete", project=project["name"])
            return 200, None, {}
        return None
    if method != "GET":
        return None
    executions = [x for _, x in sorted(state["executions"].items(), reverse=True) if x["policy_id"] == policy["id"]]
    if shape == ("policies", "{}", "executions"):
        return emu.paged(params, [execution_view(x) for x in executions])
    execution_id = shared.integer_segment(api, rest[3], "execution_id")
    execution = next((x for x in executions if x["id"] == execution_id), None)
    if execution is None:
        raise shared.fail(api, 404, "NOT_FOUND", f"execution {execution_id} not found")
    if shape == ("policies", "{}", "executions", "{}", "tasks"):
        return emu.paged(params, [task_view(execution)])
    if shared.integer_segment(api, rest[5], "task_id") != execution["task"]["id"]:
        raise shared.fail(api, 404, "NOT_FOUND", f"task {rest[5]} not found")
    return 200, execution["task"]["log"], {}

