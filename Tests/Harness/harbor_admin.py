"""Harbor emulator module: robot accounts v2 (§2.7), quotas (§2.8) and the audit log (§2.11).

Registered in harbor_emulator.EXTENSIONS. Shapes follow the swagger's `Robot`, `RobotCreated`, `RobotSec`,
`Quota`, `AuditLogExt` and `AuditLogEventType`.

Robots. `GET /robots` lists system robots, or with `q=Level=project,ProjectID=<id>` one project's robots
(paged, by id); `POST /robots` → 201 `RobotCreated` with `Location: /api/v2.0/robots/<id>`, the only answer
holding the secret; the name gets `robot$` (system) or `robot$<project>+` (project; the project is the one
permission entry's `namespace`); `duration` is days (`-1` never, 0 or below -1 → 400), `expires_at` Unix
seconds (`-1` never). `GET|PUT|DELETE /robots/{id}` (PUT may not change `name` or `level`: 400);
`PATCH /robots/{id}` `{"secret": ""}` → a new secret, a given one is checked (8–128 characters with an upper-
and a lowercase letter and a digit) and not echoed.
  Seeds (relative to ANCHOR, the start of the current UTC day, so a console with that clock shows stable
times): on the first project `robot$<p>+ci` (expires in 5 days) and `robot$<p>+old` (expired 2 days ago);
system `robot$ops` (never expires) and `robot$backup` (disabled, expires in 60 days).

Quotas. One per project, id = project id: `GET /quotas` (`reference=project`, `reference_id`, `sort` on
hard/used storage), `GET|PUT /quotas/{id}` (`hard.storage` -1 or positive). `used.storage` is the sum of the
project's artifact sizes, read live; the first project's hard limit is seeded at 1 GiB, the others unlimited.
`quota_hard(api, project)` gives a project's hard limit for its summary.

Audit log. `GET /auditlog-exts`, `GET /projects/{project_name}/auditlog-exts` read `api.audit_log` newest
first, paged; `q` keys username, resource, resource_type, operation (`k=v` exact, `k=~v` substring) and
`op_time=[a~b]` (`2020-04-09 02:36:00` or ISO times); unknown keys are ignored as Harbor does, a term
without `=` is 400. `GET /auditlog-exts/events` lists the event types. Reset seeds historical entries, and
every robot and quota change above records one (names and permissions only, never a secret).
"""

import base64
import datetime
import importlib
import json
import re
import secrets
import sys
import time
import urllib.parse


def emulator_module():
    """The running emulator's module: `__main__` when harbor_emulator.py is the script (importing it by name
    would load a second copy whose ApiError its handler does not catch), else `harbor_emulator`."""
    main = sys.modules.get("__main__")
    if hasattr(main, "EXTENSIONS") and hasattr(main, "harbor_time"):
        return main
    return importlib.import_module("harbor_emulator")


_emulator = emulator_module()
ApiError, harbor_time, paged = _emulator.ApiError, _emulator.harbor_time, _emulator.paged

PREFIX = "/api/v2.0"
GIB = 1 << 30
EVENT_TYPES = ["create_artifact", "delete_artifact", "pull_artifact", "create_project", "delete_project",
               "update_project", "create_repository", "delete_repository", "create_robot", "delete_robot",
               "update_robot", "create_tag", "delete_tag", "update_quota", "create_user", "delete_user"]
AUDIT_KEYS = ("username", "resource", "resource_type", "operation")
DAY = 86_400


def anchor_seconds():
    """The start of the current UTC day: seeds are placed relative to it."""
    return int(time.time()) // DAY * DAY


# -- model -----------------------------------------------------------------------------------------

def reset(api):
    anchor = anchor_seconds()
    api.robots, api.next_robot_id = [], 1
    projects = sorted(api.projects.values(), key=lambda p: p["project_id"])
    api.quotas = {p["project_id"]: {"hard": GIB if index == 0 else -1, "time": p["time"]}
                  for index, p in enumerate(projects)}
    first = projects[0]["name"] if projects else None
    if first:
        add_robot(api, "ci", "project", 30, anchor - 25 * DAY, [project_permission(first, "repository:pull",
                                                                                     "repository:push")],
                  description="CI pushes")
        add_robot(api, "old", "project", 10, anchor - 12 * DAY, [project_permission(first, "repository:pull")])
    add_robot(api, "ops", "system", -1, anchor - 40 * DAY,
              [{"kind": "system", "namespace": "/", "access": [access("audit-log:list")]},
               project_permission("*", "repository:pull")], description="operations")
    add_robot(api, "backup", "system", 90, anchor - 30 * DAY, [project_permission("*", "repository:pull")],
              disable=True)
    seeds = [("admin", "robot$ops", "robot", "create", None, 40 * 24),
             ("admin", "robot$backup", "robot", "create", None, 30 * 24),
             ("admin", f"robot${first}+ci" if first else "robot$ci", "robot", "create", first, 25 * 24),
             ("alice", f"{first}/app:v1" if first else "app:v1", "artifact", "create", first, 30),
             ("bob", f"{first}/app:old" if first else "app:old", "artifact", "delete", first, 5),
             ("alice", f"{first}/app:v1" if first else "app:v1", "artifact", "pull", first, 2)]
    for username, resource, resource_type, operation, project, hours in seeds:
        api.audit(username, resource, resource_type, operation, project=project)
        api.audit_log[-1]["op_ms"] = (anchor - hours * 3600) * 1000


def access(text):
    resource, _, action = text.partition(":")
    return {"resource": resource, "action": action, "effect": "allow"}


def project_permission(namespace, *accesses):
    return {"kind": "project", "namespace": namespace, "access": [access(text) for text in accesses]}


def add_robot(api, name, level, duration, created, permissions, description="", disable=False):
    project = permissions[0]["namespace"] if level == "project" else None
    robot = {"id": api.next_robot_id, "name": f"robot${project}+{name}" if project else f"robot${name}",
             "description": description, "level": level, "duration": duration, "disable": disable,
             "permissions": permissions, "created": created, "updated": created, "project": project,
             "secret": secrets.token_urlsafe(24)}
    robot["expires_at"] = -1 if duration == -1 else created + duration * DAY
    api.next_robot_id += 1
    api.robots.append(robot)
    return robot


def robot_view(robot):
    return {"id": robot["id"], "name": robot["name"], "description": robot["description"], "level": robot["level"],
            "duration": robot["duration"], "editable": True, "disable": robot["disable"],
            "expires_at": robot["expires_at"], "permissions": robot["permissions"], "creator_type": "local",
            "creator_ref": 1, "creation_time": harbor_time(robot["created"] * 1000),
            "update_time": harbor_time(robot["updated"] * 1000)}


def quota_used(project):
    return sum(a["size"] for r in project["repositories"].values() for a in r["artifacts"])


def quota_hard(api, project):
    """The hard storage limit of `project` (a model project), -1 unlimited: what its summary should show."""
    return api.quotas.get(project["project_id"], {}).get("hard", -1)


def quota_view(api, project):
    quota = api.quotas[project["project_id"]]
    return {"id": project["project_id"],
            "ref": {"id": project["project_id"], "name": project["name"], "owner_name": "admin"},
            "hard": {"storage": quota["hard"]}, "used": {"storage": quota_used(project)},
            "creation_time": harbor_time(quota["time"]), "update_time": harbor_time(quota["time"])}


def audit_view(entry):
    return {"id": entry["id"], "username": entry["username"], "resource": entry["resource"],
            "resource_type": entry["resource_type"], "operation": entry["operation"],
            "operation_description": f"{entry['operation']} {entry['resource_type']} {entry['resource']}",
            "operation_result": bool(entry["operation_result"]), "op_time": harbor_time(entry["op_ms"])}


# -- requests --------------------------------------------------------------------------------------

def caller(headers):
    header = headers.get("Authorization") or ""
    try:
        return base64.b64decode(header[6:]).decode().partition(":")[0] or "admin"
    except (ValueError, UnicodeDecodeError):
        return "admin"


def json_body(body):
    try:
        document = json.loads(body or b"null")
    except ValueError:
        raise ApiError(400, "BAD_REQUEST", "the request body is not JSON")
    if not isinstance(document, dict):
        raise ApiError(400, "BAD_REQUEST", "the request body must be a JSON object")
    return document


def parse_q(text):
    """Harbor's q: `k=v`, `k=~v`, `k=[a~b]` terms separated by `,` → {key: (kind, value)}."""
    terms = {}
    for term in filter(None, (text or "").split(",")):
        key, sep, value = term.partition("=")
        if not sep or not key:
            raise ApiError(400, "BAD_REQUEST", f"invalid query string: {term}")
        if value.startswith("~"):
            terms[key] = ("fuzzy", value[1:].strip("\"'"))
        elif value.startswith("[") and value.endswith("]") and "~" in value:
            low, _, high = value[1:-1].partition("~")
            terms[key] = ("range", (low.strip("\"'"), high.strip("\"'")))
        else:
            terms[key] = ("exact", value.strip("\"'"))
    return terms


def time_ms(text):
    text = text.strip()
    if not text:
        return None
    for form in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%dT%H:%M:%S.%fZ"):
        try:
            moment = datetime.datetime.strptime(text, form).replace(tzinfo=datetime.timezone.utc)
            return int(moment.timestamp() * 1000)
        except ValueError:
            continue
    raise ApiError(400, "BAD_REQUEST", f"invalid time in query: {text}")


def audit_matches(entry, terms):
    for key, (kind, value) in terms.items():
        if key in AUDIT_KEYS:
            field = str(entry[key])
            if (kind == "exact" and field != value) or (kind == "fuzzy" and value not in field) or kind == "range":
                return False
        elif key == "op_time" and kind == "range":
            low, high = time_ms(value[0]), time_ms(value[1])
            if (low is not None and entry["op_ms"] < low) or (high is not None and entry["op_ms"] > high):
                return False
    return True


def audit_list(api, params, project=None):
    terms = parse_q(params.values.get("q"))
    rows = [e for e in api.audit_log if (project is None or e.get("project") == project) and audit_matches(e, terms)]
    ascending = params.values.get("sort") in ("op_time", "id")
    rows.sort(key=lambda e: (e["op_ms"], e["id"]), reverse=not ascending)
    return paged(params, rows, audit_view)


def robot_by_id(api, text):
    if not text.isdigit():
        raise ApiError(400, "BAD_REQUEST", f"robot_id in path must be of type int64: \"{text}\"")
    for robot in api.robots:
        if robot["id"] == int(text):
            return robot
    raise ApiError(404, "NOT_FOUND", f"robot {text} not found")


def check_duration(value):
    if not isinstance(value, int) or isinstance(value, bool) or (value != -1 and value <= 0):
        raise ApiError(400, "BAD_REQUEST", "duration must be either -1(Never) or a positive integer")
    return value


def check_permissions(api, level, permissions):
    if not isinstance(permissions, list) or not permissions:
        raise ApiError(400, "BAD_REQUEST", "the robot needs at least one permission")
    for permission in permissions:
        namespace = permission.get("namespace") if isinstance(permission, dict) else None
        if not isinstance(namespace, str) or not isinstance(permission.get("access"), list):
            raise ApiError(400, "BAD_REQUEST", "each permission needs a namespace and a list of access")
        if permission.get("kind") == "project" and namespace != "*":
            api.project(namespace)
    if level == "project" and (len(permissions) != 1 or permissions[0].get("kind") != "project"
                               or permissions[0].get("namespace") == "*"):
        raise ApiError(400, "BAD_REQUEST", "a project robot has exactly one project permission")


def create_robot(api, document, username):
    name, level = document.get("name"), document.get("level")
    if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9]+(?:[._-][a-z0-9]+)*", name):
        raise ApiError(400, "BAD_REQUEST", f"robot name is not in lower case or contains illegal characters: {name}")
    if level not in ("system", "project"):
        raise ApiError(400, "BAD_REQUEST", f"bad request robot level: {level}")
    duration = check_duration(document.get("duration", -1))
    check_permissions(api, level, document.get("permissions"))
    project = document["permissions"][0]["namespace"] if level == "project" else None
    full = f"robot${project}+{name}" if project else f"robot${name}"
    if any(robot["name"] == full for robot in api.robots):
        raise ApiError(409, "CONFLICT", f"robot account {full} already exists")
    robot = add_robot(api, name, level, duration, int(time.time()), document["permissions"],
                      description=str(document.get("description") or ""), disable=bool(document.get("disable")))
    api.audit(username, robot["name"], "robot", "create", project=project)
    created = {"id": robot["id"], "name": robot["name"], "secret": robot["secret"],
               "creation_time": harbor_time(robot["created"] * 1000), "expires_at": robot["expires_at"]}
    return 201, created, {"Location": f"{PREFIX}/robots/{robot['id']}"}


def update_robot(api, robot, document, username):
    if document.get("name", robot["name"]) != robot["name"] or document.get("level", robot["level"]) != robot["level"]:
        raise ApiError(400, "BAD_REQUEST", "cannot update the level or name of robot")
    permissions = document.get("permissions", robot["permissions"])
    check_permissions(api, robot["level"], permissions)
    duration = check_duration(document["duration"]) if document.get("duration") is not None else robot["duration"]
    robot.update({"description": str(document.get("description") or ""), "disable": bool(document.get("disable")),
                  "permissions": permissions, "duration": duration, "updated": int(time.time())})
    robot["expires_at"] = -1 if duration == -1 else robot["created"] + duration * DAY
    api.audit(username, robot["name"], "robot", "update", project=robot["project"])
    return 200, None, {}


def refresh_secret(api, robot, document, username):
    given = document.get("secret") or ""
    if given:
        if not (8 <= len(given) <= 128 and re.search(r"[A-Z]", given) and re.search(r"[a-z]", given)
                and re.search(r"[0-9]", given)):
            raise ApiError(400, "BAD_REQUEST", "the secret must be 8-128 characters with upper, lower case and digits")
        robot["secret"] = given
        answer = {}
    else:
        robot["secret"] = secrets.token_urlsafe(24)
        answer = {"secret": robot["secret"]}
    robot["updated"] = int(time.time())
    api.audit(username, robot["name"], "robot", "update", project=robot["project"])
    return 200, answer, {}


def robots_route(api, method, rest, params, headers, body):
    username = caller(headers)
    if rest == [] and method == "GET":
        terms = parse_q(params.values.get("q"))
        level = terms.get("Level", ("exact", "system"))[1]
        project_id = terms.get("ProjectID", ("exact", None))[1]
        rows = [r for r in api.robots if r["level"] == level]
        if level == "project" and project_id is not None:
            project = api.project(str(project_id), by_name=False) if str(project_id).isdigit() else None
            rows = [r for r in rows if project and r["project"] == project["name"]]
        return paged(params, rows, robot_view)
    if rest == [] and method == "POST":
        return create_robot(api, json_body(body), username)
    if len(rest) != 1 or method not in ("GET", "PUT", "DELETE", "PATCH"):
        return None
    robot = robot_by_id(api, rest[0])
    if method == "GET":
        return 200, robot_view(robot), {}
    if method == "PUT":
        return update_robot(api, robot, json_body(body), username)
    if method == "PATCH":
        return refresh_secret(api, robot, json_body(body), username)
    api.robots.remove(robot)
    api.audit(username, robot["name"], "robot", "delete", project=robot["project"])
    return 200, None, {}


def quotas_route(api, method, rest, params, headers, body):
    projects = sorted(api.projects.values(), key=lambda p: p["project_id"])
    if rest == [] and method == "GET":
        reference, reference_id = params.values.get("reference"), params.values.get("reference_id")
        rows = [p for p in projects if reference in (None, "", "project")
                and reference_id in (None, "", str(p["project_id"]))]
        sort = params.values.get("sort") or ""
        key = {"hard.storage": lambda p: api.quotas[p["project_id"]]["hard"], "used.storage": quota_used}
        if sort.lstrip("-") in key:
            rows.sort(key=key[sort.lstrip("-")], reverse=sort.startswith("-"))
        return paged(params, rows, lambda p: quota_view(api, p))
    if len(rest) != 1 or method not in ("GET", "PUT"):
        return None
    if not rest[0].isdigit():
        raise ApiError(422, "UNPROCESSABLE_ENTITY", f"id in path must be of type int64: \"{rest[0]}\"")
    project = next((p for p in projects if p["project_id"] == int(rest[0])), None)
    if project is None:
        raise ApiError(404, "NOT_FOUND", f"quota {rest[0]} not found")
    if method == "GET":
        return 200, quota_view(api, project), {}
    hard = (json_body(body).get("hard") or {}).get("storage")
    if not isinstance(hard, int) or isinstance(hard, bool) or (hard != -1 and hard <= 0):
        raise ApiError(400, "BAD_REQUEST", "hard.storage must be -1 or a positive integer")
    api.quotas[project["project_id"]].update({"hard": hard, "time": int(time.time() * 1000)})
    api.audit(caller(headers), project["name"], "quota", "update", project=project["name"])
    return 200, None, {}


def route(api, method, segments, params, headers, body):
    if segments[0] == "robots":
        return robots_route(api, method, segments[1:], params, headers, body)
    if segments[0] == "quotas":
        return quotas_route(api, method, segments[1:], params, headers, body)
    if segments == ["auditlog-exts"] and method == "GET":
        return audit_list(api, params)
    if segments == ["auditlog-exts", "events"] and method == "GET":
        return 200, [{"event_type": name} for name in EVENT_TYPES], {}
    if len(segments) == 3 and segments[0] == "projects" and segments[2] == "auditlog-exts" and method == "GET":
        project = api.project(urllib.parse.unquote(segments[1]))
        return audit_list(api, params, project["name"])
    return None
