"""Tag retention and tag immutability for harbor_emulator.py (an EXTENSIONS module; §2.5, §2.6).

Endpoints under /api/v2.0:
  GET /retentions/metadatas                 the five templates with their params, doublestar selectors
  POST /retentions                          201 + Location /api/v2.0/retentions/<id>; sets the project's
      metadata.retention_id (a string). 400 BAD_REQUEST: a second policy for a project, more than 15
      rules, algorithm other than "or", an unknown template or a bad param; 409 CONFLICT: two equal rules
  GET|PUT|DELETE /retentions/{id}           PUT replaces algorithm, rules and trigger; DELETE clears
      metadata.retention_id
  POST /retentions/{id}/executions {"dry_run": bool} → 201 + Location …/executions/<eid>. The run is
      evaluated at once; a real run (dry_run false) deletes the DEL artifacts from the model, each audited
  GET /retentions/{id}/executions           newest first; paged only when page_size is given (0 = all)
  PATCH /retentions/{id}/executions/{eid} {"action": "stop"}   (other actions: 400)
  GET …/executions/{eid}/tasks              one task per repository some enabled rule selects
  GET …/executions/{eid}/tasks/{tid}        text/plain task log in Harbor's format (header, "Load N
      candidates", padded pipe table with RETAIN / DEL / IMMUTABLE per artifact, times YYYY/MM/DD HH:MM:SS)
  Executions and tasks are InProgress when created, shown so by the first read, Succeed (tasks: status
  code 3) from the second read on; stopping an InProgress one makes it Stopped. Their times are RFC 3339
  with an offset (`2026-05-01T10:00:00.123456+00:00`; zero time while running), §0.11.
  GET|POST /projects/{project_name_or_id}/immutabletagrules   paged list / 201 + Location
  PUT|DELETE /projects/{project_name_or_id}/immutabletagrules/{id}   PUT repeats the id in the body
      (else 400) and replaces the rule (how `disabled` is toggled)

Engine (Harbor's): per repository of the project, the enabled rules whose repository selectors
(repoMatches / repoExcludes, doublestar on the name within the project, "" = all) take it; each rule's
tag selectors (matches / excludes, doublestar on each tag; `extras` {"untagged": bool} admits untagged artifacts, default true for matches, false for
excludes) pick candidates, the template keeps some (latestPushedK / latestPulledN by push / pull time,
nDaysSinceLastPush / nDaysSinceLastPull within n days, always all). Algorithm "or": retained = the union
over the rules (never-pulled artifacts rank last for latestPulledN; an `excludes` selector takes an
artifact one of whose tags does not match); of the rest of the repository, an artifact with a tag an
enabled immutability rule matches is IMMUTABLE (kept), the others DEL. The engine's "now" is the
server's clock (see the emulator's clockOffsetDays control).
"""

import datetime
import json
import re
import secrets
import time
import urllib.parse

from harbor_emulator import PREFIX, ApiError, paged

TEMPLATES = {"latestPushedK": "COUNT", "latestPulledN": "COUNT", "nDaysSinceLastPush": "DAYS",
             "nDaysSinceLastPull": "DAYS", "always": None}
DISPLAY = {"latestPushedK": "the most recently pushed # artifacts", "latestPulledN": "the most recently pulled # artifacts",
           "nDaysSinceLastPush": "pushed within the last # days", "nDaysSinceLastPull": "pulled within the last # days",
           "always": "always"}
MAX_RULES = 15
DAY_MS = 86_400_000
ZERO_TIME = "0001-01-01T00:00:00Z"


# -- doublestar ---------------------------------------------------------------------------------

def doublestar_regex(pattern):
    """A regular expression for a doublestar pattern: `*` within a segment, `**` across `/`
    (`**/` also matches no directory), `?` one character, `{a,b}` alternatives (nested), `[…]` classes."""
    out, index, depth = [], 0, 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
            continue
        if pattern.startswith("**", index):
            out.append(".*")
            index += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "{":
            out.append("(?:")
            depth += 1
        elif char == "}" and depth:
            out.append(")")
            depth -= 1
        elif char == "," and depth:
            out.append("|")
        elif char == "[" and "]" in pattern[index + 2:]:
            end = pattern.index("]", index + 2)
            body = pattern[index + 1:end]
            negated = body[:1] in ("!", "^")
            out.append("[" + ("^" if negated else "") + re.escape(body[1:] if negated else body).replace("\\-", "-")
                       + "]")
            index = end
        elif char == "\\" and index + 1 < len(pattern):
            index += 1
            out.append(re.escape(pattern[index]))
        else:
            out.append(re.escape(char))
        index += 1
    return re.compile("".join(out) + ")" * depth + r"\Z")


def doublestar_match(pattern, name):
    return bool(doublestar_regex(pattern or "**").match(name))


def repository_selected(rule, short_name):
    for selector in (rule.get("scope_selectors") or {}).get("repository") or []:
        matched = doublestar_match(selector.get("pattern"), short_name)
        if matched != (selector.get("decoration") != "repoExcludes"):
            return False
    return True


def untagged_allowed(selector):
    try:
        extras = json.loads(selector.get("extras") or "{}")
    except ValueError:
        extras = {}
    default = selector.get("decoration") != "excludes"
    return bool(extras.get("untagged", default)) if isinstance(extras, dict) else default


def tags_selected(rule, tags):
    """Whether an artifact with `tags` passes every tag selector of `rule`."""
    for selector in rule.get("tag_selectors") or []:
        if not tags:
            if not untagged_allowed(selector):
                return False
            continue
        # `matches` takes an artifact one of whose tags matches; `excludes` one of whose tags does not.
        excludes = selector.get("decoration") == "excludes"
        if not any(doublestar_match(selector.get("pattern"), tag) != excludes for tag in tags):
            return False
    return True


# -- model ---------------------------------------------------------------------------------------

def reset(api):
    api.retention = {"policies": {}, "executions": {}, "immutable": {}, "next": {"policy": 1, "execution": 1,
                                                                               "task": 1, "rule": 1}}
    api.immutability = lambda project, short_name, tag: tag_immutable(api, project, short_name, tag)


def tag_immutable(api, project, short_name, tag):
    return any(not rule.get("disabled") and repository_selected(rule, short_name) and tags_selected(rule, [tag])
               for rule in api.retention["immutable"].get(project["project_id"], []))


def next_id(api, kind):
    value = api.retention["next"][kind]
    api.retention["next"][kind] += 1
    return value


def rfc3339(epoch_ms):
    if not epoch_ms:
        return ZERO_TIME
    return datetime.datetime.fromtimestamp(epoch_ms / 1000, datetime.timezone.utc).isoformat()


def log_time(epoch_ms):
    if not epoch_ms:
        return ""
    return datetime.datetime.fromtimestamp(epoch_ms / 1000, datetime.timezone.utc).strftime("%Y/%m/%d %H:%M:%S")


def parse_body(body):
    try:
        document = json.loads(body or b"{}")
    except ValueError:
        raise ApiError(400, "BAD_REQUEST", "the request body is not valid JSON")
    if not isinstance(document, dict):
        raise ApiError(400, "BAD_REQUEST", "the request body must be a JSON object")
    return document


def selector_view(selector):
    return {"kind": selector.get("kind") or "doublestar", "decoration": selector.get("decoration") or "",
            "pattern": selector.get("pattern") or "", "extras": selector.get("extras") or ""}


def rule_view(rule, index, with_params=True):
    view = {"id": rule.get("id") or index + 1, "priority": rule.get("priority") or 0,
            "disabled": bool(rule.get("disabled")), "action": rule.get("action") or "retain",
            "template": rule.get("template") or "",
            "tag_selectors": [selector_view(s) for s in rule.get("tag_selectors") or []],
            "scope_selectors": {kind: [selector_view(s) for s in selectors or []]
                                for kind, selectors in (rule.get("scope_selectors") or {}).items()}}
    if with_params:
        view["params"] = dict(rule.get("params") or {})
    return view


def checked_rules(document):
    if document.get("algorithm") != "or":
        raise ApiError(400, "BAD_REQUEST", f"algorithm {document.get('algorithm')!r} is not supported, use \"or\"")
    rules = document.get("rules") or []
    if not isinstance(rules, list) or len(rules) > MAX_RULES:
        raise ApiError(400, "BAD_REQUEST", f"a policy has at most {MAX_RULES} rules")
    views = []
    for index, rule in enumerate(rules):
        if not isinstance(rule, dict) or rule.get("template") not in TEMPLATES:
            raise ApiError(400, "BAD_REQUEST", f"rule {index}: unknown template {rule.get('template')!r}")
        view = rule_view(rule, index)
        if TEMPLATES[view["template"]]:
            try:
                value = int(view["params"][view["template"]])
            except (KeyError, TypeError, ValueError):
                raise ApiError(400, "BAD_REQUEST", f"rule {index}: param {view['template']} is required")
            if not 0 <= value < 32767:
                raise ApiError(400, "BAD_REQUEST", f"rule {index}: param {view['template']} out of range")
        key = json.dumps({k: view[k] for k in ("template", "params", "tag_selectors", "scope_selectors")},
                         sort_keys=True)
        if key in [v["key"] for v in views]:
            raise ApiError(409, "CONFLICT", f"rule {index} duplicates an earlier rule")
        views.append({"key": key, "view": view})
    return [entry["view"] for entry in views]


# -- engine --------------------------------------------------------------------------------------

def kept(rule, candidates, now_ms):
    template = rule["template"]
    value = int((rule.get("params") or {}).get(template) or 0) if TEMPLATES[template] else 0
    if template == "latestPushedK":
        return sorted(candidates, key=lambda r: (-r["push_ms"], -r["id"]))[:value]
    if template == "latestPulledN":  # never pulled ranks last, as Harbor's zero pull time sorts
        return sorted(candidates, key=lambda r: (-(r.get("pull_ms") or 0), -r["id"]))[:value]
    if template == "nDaysSinceLastPush":
        return [r for r in candidates if r["push_ms"] >= now_ms - value * DAY_MS]
    if template == "nDaysSinceLastPull":
        return [r for r in candidates if r.get("pull_ms") and r["pull_ms"] >= now_ms - value * DAY_MS]
    return list(candidates)


def evaluate(api, project, policy, now_ms):
    """[(repository, [(record, verdict)])] for every repository an enabled rule selects."""
    rules = [rule for rule in policy["rules"] if not rule.get("disabled")]
    results = []
    for name in sorted(project["repositories"]):
        repository = project["repositories"][name]
        short = name[len(project["name"]) + 1:]
        applicable = [rule for rule in rules if repository_selected(rule, short)]
        if not applicable:
            continue
        retained = set()
        for rule in applicable:
            candidates = [r for r in repository["artifacts"] if tags_selected(rule, r["tags"])]
            retained |= {r["id"] for r in kept(rule, candidates, now_ms)}
        rows = []
        for record in sorted(repository["artifacts"], key=lambda r: (-r["push_ms"], -r["id"])):
            if record["id"] in retained:
                rows.append((record, "RETAIN"))
            elif any(tag_immutable(api, project, short, tag) for tag in record["tags"]):
                rows.append((record, "IMMUTABLE"))  # would go, but an immutability rule protects it
            else:
                rows.append((record, "DEL"))
        results.append((repository, rows))
    return results


def task_log(repository, rows, dry_run, now_ms):
    """The task log as Harbor's job writes it (goharbor/harbor #16592)."""
    stamp = datetime.datetime.fromtimestamp(now_ms / 1000, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    header = ["Digest", "Tag", "Kind", "Labels", "PushedTime", "PulledTime", "CreatedTime", "Retention"]
    table = [[record["digest"], ",".join(record["tags"]), "image", "", log_time(record["push_ms"]),
              log_time(record.get("pull_ms")), log_time(record["push_ms"]), verdict] for record, verdict in rows]
    widths = [max(len(row[column]) for row in [header] + table) for column in range(len(header))]
    lines = ["| " + " | ".join(cell.center(widths[i]) for i, cell in enumerate(header)) + " |",
             "|" + "|".join("-" * (width + 2) for width in widths) + "|"]
    lines += ["| " + " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) + " |" for row in table]
    return (f"{stamp} [INFO] [/pkg/retention/job.go:86]: Run retention process.\n"
            f" Repository: {repository['name']} \n Rule Algorithm: or \n Dry Run: {str(dry_run).lower()}\n"
            f"{stamp} [INFO] [/pkg/retention/job.go:102]: Load {len(rows)} candidates from repository "
            f"{repository['name']}\n{stamp} [INFO] [/pkg/retention/job.go:236]: \n" + "\n".join(lines) + "\n")


def run(api, policy, dry_run, user):
    project = next(p for p in api.projects.values() if p["project_id"] == policy["scope"]["ref"])
    now_ms = int(time.time() * 1000) + getattr(api, "clock_offset_ms", 0)
    execution = {"id": next_id(api, "execution"), "policy_id": policy["id"], "dry_run": dry_run, "start_ms": now_ms,
                 "end_ms": None, "status": "InProgress", "reads": 0, "tasks": []}
    for repository, rows in evaluate(api, project, policy, now_ms):
        execution["tasks"].append({
            "id": next_id(api, "task"), "repository": repository["name"][len(project["name"]) + 1:],
            "job_id": secrets.token_hex(12), "total": len(rows),
            "retained": sum(1 for _, verdict in rows if verdict != "DEL"),
            "log": task_log(repository, rows, dry_run, now_ms)})
        if not dry_run:
            for record, verdict in rows:
                if verdict == "DEL":
                    repository["artifacts"].remove(record)
                    api.scans.pop(record["digest"], None)
                    api.audit(user, f"{repository['name']}:{record['digest']}", "artifact", "delete",
                              project["name"])
    api.retention["executions"][execution["id"]] = execution
    return execution


def advance(execution):
    if execution["status"] == "InProgress":
        if execution["reads"]:
            execution["status"], execution["end_ms"] = "Succeed", int(time.time() * 1000)
        execution["reads"] += 1


def execution_view(execution):
    return {"id": execution["id"], "policy_id": execution["policy_id"], "start_time": rfc3339(execution["start_ms"]),
            "end_time": rfc3339(execution["end_ms"]), "status": execution["status"], "trigger": "MANUAL",
            "dry_run": execution["dry_run"]}


def task_view(execution, task):
    return {"id": task["id"], "execution_id": execution["id"], "repository": task["repository"],
            "job_id": task["job_id"], "status": execution["status"],
            "status_code": 2 if execution["status"] == "InProgress" else 3,
            "start_time": rfc3339(execution["start_ms"]), "end_time": rfc3339(execution["end_ms"]),
            "total": task["total"], "retained": task["retained"]}


def unlimited_page(params, rows):
    """Retention lists: without page_size (or with 0) every row (§1)."""
    if params.values.get("page_size") in (None, "", "0"):
        return 200, rows, {"X-Total-Count": str(len(rows))}
    return paged(params, rows)


# -- routes --------------------------------------------------------------------------------------

def metadata():
    return {"templates": [{"rule_template": name, "display_text": DISPLAY[name], "action": "retain",
                           "params": [{"type": "int", "unit": unit, "required": True}] if unit else []}
                          for name, unit in TEMPLATES.items()],
            "scope_selectors": [{"display_text": "Repositories", "kind": "doublestar",
                                 "decorations": ["repoMatches", "repoExcludes"]}],
            "tag_selectors": [{"display_text": "Tags", "kind": "doublestar", "decorations": ["matches", "excludes"]}]}


def policy_of(api, text):
    policy = api.retention["policies"].get(int(text)) if text.isdigit() else None
    if policy is None:
        raise ApiError(404, "NOT_FOUND", f"retention policy {text} not found")
    return policy


def policy_view(policy):
    return {"id": policy["id"], "algorithm": policy["algorithm"], "rules": policy["rules"],
            "trigger": policy["trigger"], "scope": policy["scope"]}


def trigger_of(document):
    trigger = document.get("trigger") if isinstance(document.get("trigger"), dict) else {}
    return {"kind": trigger.get("kind") or "Schedule", "settings": trigger.get("settings") or {"cron": ""},
            "references": trigger.get("references") or {}}


def route(api, method, segments, params, headers, body):
    if segments[:1] == ["retentions"]:
        return retention_route(api, method, segments[1:], params, headers, body)
    if len(segments) in (3, 4) and segments[0] == "projects" and segments[2] == "immutabletagrules":
        return immutable_route(api, method, segments, params, headers, body)
    return None


def retention_route(api, method, rest, params, headers, body):
    user = api.caller(headers)
    if rest == ["metadatas"] and method == "GET":
        return 200, metadata(), {}
    if rest == [] and method == "POST":
        document = parse_body(body)
        scope = document.get("scope") if isinstance(document.get("scope"), dict) else {}
        projects = [p for p in api.projects.values() if p["project_id"] == scope.get("ref")]
        if scope.get("level") != "project" or not projects:
            raise ApiError(400, "BAD_REQUEST", "scope must name an existing project (level project, ref its id)")
        project = projects[0]
        if project.get("metadata", {}).get("retention_id"):
            raise ApiError(400, "BAD_REQUEST", f"project {project['name']} already has a retention policy")
        rules = checked_rules(document)
        policy = {"id": next_id(api, "policy"), "algorithm": "or", "rules": rules,
                  "trigger": trigger_of(document), "scope": {"level": "project", "ref": project["project_id"]}}
        api.retention["policies"][policy["id"]] = policy
        project.setdefault("metadata", {})["retention_id"] = str(policy["id"])
        api.audit(user, f"{project['name']}/retention/{policy['id']}", "retention", "create", project["name"])
        return 201, None, {"Location": f"{PREFIX}/retentions/{policy['id']}"}
    if not rest or rest == ["metadatas"]:
        return None
    policy = policy_of(api, rest[0])
    project = next(p for p in api.projects.values() if p["project_id"] == policy["scope"]["ref"])
    if len(rest) == 1:
        if method == "GET":
            return 200, policy_view(policy), {}
        if method == "PUT":
            document = parse_body(body)
            policy.update({"rules": checked_rules(document), "trigger": trigger_of(document)})
            api.audit(user, f"{project['name']}/retention/{policy['id']}", "retention", "update", project["name"])
            return 200, None, {}
        if method == "DELETE":
            del api.retention["policies"][policy["id"]]
            project.get("metadata", {}).pop("retention_id", None)
            for eid in [e for e, ex in api.retention["executions"].items() if ex["policy_id"] == policy["id"]]:
                del api.retention["executions"][eid]
            api.audit(user, f"{project['name']}/retention/{policy['id']}", "retention", "delete", project["name"])
            return 200, None, {}
        return None
    if rest[1] != "executions":
        return None
    if len(rest) == 2 and method == "POST":
        dry_run = parse_body(body).get("dry_run")
        if not isinstance(dry_run, bool):
            dry_run = str(dry_run).lower() == "true"
        execution = run(api, policy, dry_run, user)
        api.audit(user, f"{project['name']}/retention/{policy['id']}/executions/{execution['id']}",
                  "retention_execution", "create", project["name"])
        return 201, None, {"Location": f"{PREFIX}/retentions/{policy['id']}/executions/{execution['id']}"}
    if len(rest) == 2 and method == "GET":
        executions = sorted((e for e in api.retention["executions"].values() if e["policy_id"] == policy["id"]),
                            key=lambda e: -e["id"])
        for execution in executions:
            advance(execution)
        return unlimited_page(params, [execution_view(execution) for execution in executions])
    execution = api.retention["executions"].get(int(rest[2]) if rest[2].isdigit() else 0)
    if execution is None or execution["policy_id"] != policy["id"]:
        raise ApiError(404, "NOT_FOUND", f"retention execution {rest[2]} not found")
    if len(rest) == 3 and method == "PATCH":
        if parse_body(body).get("action") != "stop":
            raise ApiError(400, "BAD_REQUEST", "the only action is \"stop\"")
        if execution["status"] == "InProgress":
            execution["status"], execution["end_ms"] = "Stopped", int(time.time() * 1000)
        api.audit(user, f"{project['name']}/retention/{policy['id']}/executions/{execution['id']}",
                  "retention_execution", "stop", project["name"])
        return 200, None, {}
    if len(rest) == 4 and rest[3] == "tasks" and method == "GET":
        advance(execution)
        return unlimited_page(params, [task_view(execution, task) for task in execution["tasks"]])
    if len(rest) == 5 and rest[3] == "tasks" and method == "GET":
        tasks = [task for task in execution["tasks"] if str(task["id"]) == rest[4]]
        if not tasks:
            raise ApiError(404, "NOT_FOUND", f"retention task {rest[4]} not found")
        return 200, tasks[0]["log"], {}
    return None


def immutable_route(api, method, segments, params, headers, body):
    by_name = (headers.get("X-Is-Resource-Name") or "").lower() == "true"
    project = api.project(segments[1], by_name)
    rules = api.retention["immutable"].setdefault(project["project_id"], [])
    user = api.caller(headers)
    if len(segments) == 3 and method == "GET":
        return paged(params, [dict(rule) for rule in rules])
    if len(segments) == 3 and method == "POST":
        rule = checked_immutable(parse_body(body))
        rule["id"] = next_id(api, "rule")
        rules.append(rule)
        api.audit(user, f"{project['name']}/immutabletagrules/{rule['id']}", "immutable_rule", "create",
                  project["name"])
        return 201, None, {"Location": f"{PREFIX}/projects/{urllib.parse.quote(segments[1], safe='')}"
                                       f"/immutabletagrules/{rule['id']}"}
    if len(segments) != 4 or method not in ("PUT", "DELETE"):
        return None
    found = [rule for rule in rules if str(rule["id"]) == segments[3]]
    if not found:
        raise ApiError(404, "NOT_FOUND", f"immutable rule {segments[3]} not found")
    if method == "DELETE":
        rules.remove(found[0])
        api.audit(user, f"{project['name']}/immutabletagrules/{segments[3]}", "immutable_rule", "delete",
                  project["name"])
        return 200, None, {}
    document = parse_body(body)
    if str(document.get("id")) != segments[3]:
        raise ApiError(400, "BAD_REQUEST", "the rule id in the body must equal the id in the path")
    rule = checked_immutable(document)
    rule["id"] = found[0]["id"]
    rules[rules.index(found[0])] = rule
    api.audit(user, f"{project['name']}/immutabletagrules/{segments[3]}", "immutable_rule", "update",
              project["name"])
    return 200, None, {}


def checked_immutable(document):
    if not document.get("tag_selectors"):
        raise ApiError(400, "BAD_REQUEST", "an immutable rule needs a tag selector")
    rule = rule_view({**document, "action": "immutable", "template": "immutable_template"}, 0, with_params=False)
    rule["priority"] = document.get("priority") or 0
    return rule


# -- self-test (run by harbor_emulator.py --self-test) ---------------------------------------------

def digest_of(letter):
    return "sha256:" + letter * 64


def self_test_data():
    """Registry data and referrers of the cases below: lib/keep (e: rc-1, c: v3+latest with a cosign
    signature, b: v2, a: v1, u: old, pushed newest first) and lib/other (o: v9)."""
    def image(letter, month):
        return {"digest": digest_of(letter), "mediaType": "application/vnd.oci.image.manifest.v1+json", "size": 10,
                "created": int(datetime.datetime(2024, month, 1, tzinfo=datetime.timezone.utc).timestamp() * 1000)}
    keep = {"rc-1": image("e", 5), "v3": image("c", 4), "latest": image("c", 4), "v2": image("b", 3),
            "v1": image("a", 2), "old": image("f", 1)}
    signature = {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": digest_of("9"), "size": 300,
                 "artifactType": "application/vnd.dev.cosign.artifact.sig.v1+json"}
    return ({"lib/keep": keep, "lib/other": {"v9": image("d", 6)}},
            {"lib/keep": {digest_of("c"): [signature]}})


def self_test_cases(call, check):
    """Tags, immutability, retention (exact verdicts of a dry run), a real run; `call(method, path, body)`
    returns (status, document, response) for a path under /api/v2.0."""
    keep = "/projects/lib/repositories/keep/artifacts"
    status, _, _ = call("DELETE", f"{keep}/old/tags/old")
    untagged = call("GET", f"{keep}/{digest_of('f')}")[1]
    check("untag", status == 200 and untagged.get("tags") is None, (status, untagged))
    status, _, response = call("POST", f"{keep}/v2/tags", {"name": "v2b"})
    tags = [tag["name"] for tag in call("GET", f"{keep}/v2/tags")[1]]
    check("create tag", status == 201 and response.getheader("Location", "").endswith("/tags/v2b")
          and tags == ["v2", "v2b"], (status, tags))
    status, document, _ = call("POST", f"{keep}/v2/tags", {"name": "v3"})
    check("existing tag", status == 409 and document["errors"][0]["code"] == "CONFLICT", document)
    call("DELETE", f"{keep}/v2/tags/v2b")
    rule = {"disabled": False, "tag_selectors": [{"kind": "doublestar", "decoration": "matches", "pattern": "v1"}],
            "scope_selectors": {"repository": [{"kind": "doublestar", "decoration": "repoMatches", "pattern": "**"}]}}
    status, _, response = call("POST", "/projects/lib/immutabletagrules", rule)
    check("immutable rule", status == 201 and response.getheader("Location") == f"{PREFIX}/projects/lib/immutabletagrules/1",
          status)
    status, document, _ = call("PUT", "/projects/lib/immutabletagrules/1", rule)
    check("immutable PUT without id", status == 400, (status, document))
    status, document, _ = call("DELETE", f"{keep}/v1")
    check("immutable delete", status == 412 and document["errors"][0]["code"] == "PRECONDITION"
          and "immutable" in document["errors"][0]["message"], document)
    status, _, _ = call("DELETE", f"{keep}/v1/tags/v1")
    check("immutable untag", status == 412, status)
    listed = call("GET", f"{keep}?with_immutable_status=true&with_accessory=true")[1]
    flags = {tag["name"]: tag["immutable"] for row in listed for tag in row["tags"] or []}
    check("immutable status", flags == {"rc-1": False, "v3": False, "latest": False, "v2": False, "v1": True}, flags)
    selectors = {"repository": [{"kind": "doublestar", "decoration": "repoMatches", "pattern": "**"}]}

    def retain(template, pattern, value=None, extras="", scope=selectors, disabled=False):
        return {"disabled": disabled, "action": "retain", "template": template,
                "params": {template: value} if value is not None else {}, "scope_selectors": scope,
                "tag_selectors": [{"kind": "doublestar", "decoration": "matches", "pattern": pattern, "extras": extras}]}
    rules = [retain("latestPushedK", "v*", 1, '{"untagged":false}'),
             retain("always", "rc-*", scope={"repository": [{"kind": "doublestar", "decoration": "repoMatches",
                                                             "pattern": "{keep,x}"}]}),
             retain("always", "**", disabled=True)]
    project_id = call("GET", "/projects/lib")[1]["project_id"]
    policy = {"algorithm": "or", "scope": {"level": "project", "ref": project_id}, "rules": rules,
              "trigger": {"kind": "Schedule", "settings": {"cron": ""}}}
    for name, changed, expected in (("algorithm", {"algorithm": "and"}, 400), ("16 rules", {"rules": rules[:1] * 16}, 400),
                                    ("duplicate rules", {"rules": rules[:1] * 2}, 409),
                                    ("template", {"rules": [retain("newestK", "**", 1)]}, 400)):
        status = call("POST", "/retentions", {**policy, **changed})[0]
        check(f"retention {name}", status == expected, status)
    status, _, response = call("POST", "/retentions", policy)
    check("retention create", status == 201 and response.getheader("Location") == f"{PREFIX}/retentions/1", status)
    check("retention_id", call("GET", "/projects/lib")[1]["metadata"].get("retention_id") == "1", "unset")
    check("second policy", call("POST", "/retentions", policy)[0] == 400, "accepted")
    status, _, response = call("POST", "/retentions/1/executions", {"dry_run": True})
    check("dry run", status == 201 and response.getheader("Location") == f"{PREFIX}/retentions/1/executions/1", status)
    states = [call("GET", "/retentions/1/executions")[1][0]["status"] for _ in range(2)]
    check("execution states", states == ["InProgress", "Succeed"], states)
    tasks = call("GET", "/retentions/1/executions/1/tasks")[1]
    check("tasks", [(t["repository"], t["total"], t["retained"]) for t in tasks] == [("keep", 5, 4), ("other", 1, 1),
                                                                                  ("team/app", 2, 1)],
          tasks)
    log = call("GET", f"/retentions/1/executions/1/tasks/{tasks[0]['id']}")[1]
    verdicts = {line.split("|")[1].strip(): line.split("|")[8].strip() for line in log.splitlines()
                if line.startswith("| sha256:")}
    check("dry run verdicts", verdicts == {digest_of("e"): "RETAIN", digest_of("c"): "RETAIN", digest_of("b"): "DEL",
                                           digest_of("a"): "IMMUTABLE", digest_of("f"): "RETAIN"}, log)
    check("task log header", "Repository: lib/keep" in log and "Dry Run: true" in log
          and "Load 5 candidates" in log and "|---" in log, log)
    call("POST", "/retentions/1/executions", {"dry_run": False})
    status = call("GET", f"{keep}/v2")[0]
    check("real run deletes", status == 404, status)
    rule["id"], rule["disabled"] = 1, True
    status = call("PUT", "/projects/lib/immutabletagrules/1", rule)[0]
    check("disable immutable rule", status == 200 and call("DELETE", f"{keep}/v1")[0] == 200, status)
    status = call("DELETE", "/retentions/1")[0]
    check("retention delete", status == 200 and "retention_id" not in call("GET", "/projects/lib")[1]["metadata"],
          status)
