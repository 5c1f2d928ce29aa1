"""The delivery pipeline of the ACR emulator: image builds, triggers, the event center, delivery chains.

Standard library only. acr_emulator.py's `Api` inherits `DeliveryApi`, whose `do_<Action>` methods
join the action dispatch; `Api` supplies `Error` (its ApiError), `page` (PageNo/PageSize paging),
`instance(p)`, `repo(instance, p, id_required)`, `find_repo` and `namespace`. Section numbers (§1 …)
refer to the project's "ACR OpenAPI extras" notes; wire names are those of alibabacloud-cr20181201 2.2.5.
Every action below is per instance (InstanceId, 404 INSTANCE_NOT_EXIST); the per-repository ones also
take RepoId (404 REPO_NOT_EXIST). Unknown ids answer 404 BUILD_RULE_NOT_EXIST, BUILD_RECORD_NOT_EXIST,
TRIGGER_NOT_EXIST, EVENT_RULE_NOT_EXIST or CHAIN_NOT_EXIST; a missing required parameter 400
Missing<Param>; a bad value 400 InvalidParameter.<Param>.

Builds (§1). ListRepoBuildRule (paged, TotalCount a JSON string), Create/Update/DeleteRepoBuildRule
(PushType GIT_BRANCH|GIT_TAG, PushName, ImageTag required on create; BuildArgs.N `KEY=VALUE`;
Platforms.N from linux/amd64 (the default), linux/arm64, linux/386, linux/arm/v7, linux/arm/v6;
DockerfileLocation default "/", DockerfileName default "Dockerfile"; Update replaces only the fields
sent). CreateBuildRecordByRule starts a build (BuildRecordId is a UUID); CreateBuildRecordByRecord
starts a new build with the settings of an earlier record. Builds progress lazily from timestamps:
PENDING for pendingMs, then BUILDING while line k (1-based) appears at start + pendingMs +
(k-1)·lineIntervalMs, then SUCCESS at start + pendingMs + lines·lineIntervalMs. The script is 2
GIT_CLONE lines, lines-4 BUILD lines ("Step i/n : …") and 2 PUSH lines. A rule whose BuildArgs holds
`EMULATOR_FAIL=1` ends FAILED instead: its last BUILD line is followed by one BUILD error line and no
PUSH. Timing defaults: pendingMs 400, lineIntervalMs 150, lines 14 (at least 5); the control key
{"buildTiming": {"pendingMs", "lineIntervalMs", "lines"}} changes them for builds started afterwards
({"buildTiming": {}} and resetModel restore the defaults). CancelRepoBuildRecord turns a
PENDING/BUILDING build CANCELED, appending the line "build canceled" (in the stage it was in); a
finished one answers 400 BUILD_RECORD_FINISHED.
  ListRepoBuildRecord: newest first, paged, TotalCount string; BuildStatus; StartTime/EndTime numeric
strings (epoch ms; EndTime absent while running); Image{RepoId, RepoNamespaceName, RepoName, ImageTag}.
GetRepoBuildRecord (no RepoId): Status, StartTime/EndTime integers (EndTime absent while running).
GetRepoBuildRecordStatus: BuildStatus. ListRepoBuildRecordLog (RepoId optional, Offset default 0):
the lines with LineNumber >= Offset, at most 100 — the line AT Offset comes again, so a follower
asks with Offset = highest LineNumber seen and drops what it has; TotalCount (string) = lines so far,
PageNo 1, PageSize 100.
  When a build settles SUCCESS (checked before every action), the repository's tag ImageTag points
at the digest of its newest tag (the first ListRepoTag lists; nothing when it has no tag) with
ImageUpdate = the end time, the tag's scan is forgotten, each chain covering the repository gets a
COMPLETE/SUCCESS run, and BuildCompleted event rules record an event (FAILED builds record events too).
Seeded builds are settled already (they change no tag).
  Source binding: GetRepoSourceCodeRepo answers only RepoId when unbound; bound, also CodeRepoId,
CodeRepoType, CodeRepoDomain (https://github.com, https://gitlab.com, https://gitee.com,
https://code.aliyun.com, https://codeup.aliyun.com), CodeRepoNamespaceName, CodeRepoName and
AutoBuild/DisableCacheBuild/OverseaBuild as "true"/"false" strings. Create (re)binds (CodeRepoType
GITHUB|GITLAB|GITEE|CODE|CODEUP, CodeRepoNamespaceName, CodeRepoName required); Update needs a
binding (404 SOURCE_CODE_REPO_NOT_EXIST) and takes the same fields.

Triggers (§2.1). ListRepoTrigger (no paging): Triggers[]{TriggerId crw-…, TriggerName, TriggerUrl,
TriggerType, TriggerTag, RepoEvent BUILD_SUCCESS}. CreateRepoTrigger: TriggerName, TriggerUrl
(http:// or https://), TriggerType ALL|TAG_LIST|TAG_REG_EXP (TAG_LISTTAG is read as TAG_LIST) required;
TriggerTag: ALL → always "*"; TAG_LIST → a JSON array of strings (`["v1","latest"]`); TAG_REG_EXP → a
regular expression that compiles (else 400 InvalidParameter.TriggerTag). UpdateRepoTrigger changes
the fields sent (the tag is checked again against the resulting type); DeleteRepoTrigger.

Event center (§2.2). No create. ListEventCenterRuleName: RuleNames[]{RuleId crecr-…, RuleName}.
UpdateEventCenterRule (RuleId required) replaces the fields sent: RuleName, EventType
(cr:Artifact:{DeliveryChain,Synchronization,Build,Scan,Signing}Completed), EventScope
INSTANCE|NAMESPACE|REPO, EventChannel, EventConfig (JSON object), RepoTagFilterPattern (regex),
Namespaces and RepoNames (JSON arrays of strings; a RepoNames entry is `repo` or `ns/repo`); answers
RuleId and "Code": 200 as an integer (IsSuccess true). DeleteEventCenterRule. ListEventCenterRecord
(filters RuleId, EventType, RepoNamespaceName, RepoName; paged; TotalCount integer; newest first):
Records[]{RecordId crecrr-…, RuleId, RuleName, EventType, EventChannel, EventNotifyId,
EventNotifyMethod (EventConfig's notifyMethod, default http), InstanceId, Namespace, RepoName, Tag,
CreateTime, UpdateTime (ms)}. A record is added for every matching rule (type, scope, tag pattern)
when a build settles (BuildCompleted) or a scan first reports COMPLETE (ScanCompleted).

Chains (§6). ListChain (filters RepoNamespaceName/RepoName: chains covering that namespace or
repository; paged; TotalCount integer): Chains[]{ChainId chi-…, Name, Description, InstanceId,
ScopeType NAMESPACE|REPOSITORY, ScopeId (crn-…/crr-…), ScopeExclude, CreateTime, ModifiedTime}.
GetChain adds ChainConfig{ChainConfigId cci-…, Version (string), IsActive, Nodes[]{NodeName, Enable,
NodeConfig}, Routers[]{From{NodeName}, To{NodeName}}}. CreateChain: Name and RepoNamespaceName required
(with RepoName the scope is that repository, else the namespace), Description, ScopeExclude.N (`repo` or `ns/repo`),
ChainConfig (a JSON object; node settings under NodeConfig or node_config; every NodeName one of
DOCKER_IMAGE_BUILD, DOCKER_IMAGE_PUSH, VULNERABILITY_SCANNING, ACTIVATE_REPLICATION, TRIGGER,
SNAPSHOT, TRIGGER_SNAPSHOT, else 400 InvalidParameter.ChainConfig; absent: the standard chain).
UpdateChain (Name and ChainConfig required) bumps Version and the ChainConfigId. DeleteChain.
ListChainInstance (filters as ListChain, on the run's repository; paged; newest first):
ChainInstances[]{ChainInstanceId cii-…, Chain{ChainId, ChainName, Version (integer)},
RepoNamespaceName, RepoName, Status, Result, StartTime, EndTime}, InstanceId, TotalCount integer.

Seed (cri-emulated0001; ids are stable): the first repository by namespace/name gets build rule
"crbr-seed…" (GIT_BRANCH main → tag main-build), two settled builds a day ago (SUCCESS, then FAILED,
both with logs), a GITHUB binding (regconsole/demo-app), and trigger "redeploy" whose URL carries
credentials: https://deploy:s3cr3t@hooks.example.com/redeploy?token=abc123. Event rules "build-notify"
(BuildCompleted, REPO scope on that repository, EVENT_BRIDGE, https) and "scan-alert" (ScanCompleted,
INSTANCE, http), with three past records. Chain "default-delivery" on that repository's namespace with
the standard nodes (scanning denies MEDIUM ≥ "1" with BLOCK_DELETE_TAG) and two COMPLETE runs, one
SUCCESS and one DENIED.

RAM (§8): `auth_action(action)` names the RAM action a NoPrivilege answer reports in
AccessDeniedDetail.AuthAction, for this module's actions and acr_replication.py's alike; actions §8
does not name (and every older action) use cr:<Action>.
"""

import copy
import hashlib
import json
import re
import time
import uuid

AUTH_ACTIONS = {
    "ListRepoBuildRule": "cr:ListRepositoryBuildRule",
    "CreateRepoBuildRule": "cr:CreateRepositoryBuildRule",
    "UpdateRepoBuildRule": "cr:UpdateRepositoryBuildRule",
    "DeleteRepoBuildRule": "cr:DeleteRepositoryBuildRule",
    "ListRepoBuildRecord": "cr:ListRepositoryBuild",
    "GetRepoBuildRecord": "cr:GetRepositoryBuildRecord",
    "ListRepoBuildRecordLog": "cr:GetRepositoryBuildLog",
    "CreateRepoSourceCodeRepo": "cr:CreateSourceRepository",
    "UpdateRepoSourceCodeRepo": "cr:UpdateSourceRepository",
    "CreateRepoTrigger": "cr:CreateWebHook",
    "ListRepoTrigger": "cr:GetWebHookLog",
    "UpdateEventCenterRule": "cr:UpdateEventCenterRule",
    "CreateChain": "cr:CreateChain",
    "ListChain": "cr:ListChain",
    "GetChain": "cr:GetChain",
    "ListChainInstance": "cr:ListChainInstance",
    "CreateRepoSyncRule": "cr:CreateSyncRule",
    "ListRepoSyncRule": "cr:ListSyncRule",
    "CreateRepoSyncTaskByRule": "cr:PullRepository",
    "GetRepoSyncTask": "cr:GetRepositorySync",
    "ListRepoSyncTask": "cr:GetRepositorySync",
}


def auth_action(action):
    """The RAM action a call of `action` needs (§8), else cr:<action>."""
    return AUTH_ACTIONS.get(action, f"cr:{action}")


PLATFORMS = ("linux/amd64", "linux/arm64", "linux/386", "linux/arm/v7", "linux/arm/v6")
CODE_DOMAINS = {"GITHUB": "https://github.com", "GITLAB": "https://gitlab.com", "GITEE": "https://gitee.com",
                "CODE": "https://code.aliyun.com", "CODEUP": "https://codeup.aliyun.com"}
EVENT_TYPES = tuple(f"cr:Artifact:{name}Completed" for name in
                    ("DeliveryChain", "Synchronization", "Build", "Scan", "Signing"))
NODE_NAMES = ("DOCKER_IMAGE_BUILD", "DOCKER_IMAGE_PUSH", "VULNERABILITY_SCANNING", "ACTIVATE_REPLICATION",
              "TRIGGER", "SNAPSHOT", "TRIGGER_SNAPSHOT")
STANDARD_ROUTES = [("DOCKER_IMAGE_BUILD", "DOCKER_IMAGE_PUSH"), ("DOCKER_IMAGE_PUSH", "VULNERABILITY_SCANNING"),
                   ("VULNERABILITY_SCANNING", "ACTIVATE_REPLICATION"), ("ACTIVATE_REPLICATION", "TRIGGER"),
                   ("VULNERABILITY_SCANNING", "SNAPSHOT"), ("SNAPSHOT", "TRIGGER_SNAPSHOT")]
DEFAULT_TIMING = {"pendingMs": 400, "lineIntervalMs": 150, "lines": 14}
RUNNING = ("PENDING", "BUILDING")
FAIL_ARG = "EMULATOR_FAIL=1"
STORES = ("buildRules", "buildRecords", "sourceRepos", "triggers", "eventRules", "eventRecords", "chains", "chainRuns")


def now_ms():
    return int(time.time() * 1000)


def digest_id(prefix, *parts, length=16):
    return prefix + hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:length]


def standard_chain_config():
    nodes = []
    for name in NODE_NAMES:
        config = {"Retry": 0, "Timeout": 3600}
        if name == "VULNERABILITY_SCANNING":
            config["ScanEngine"] = "ACR_SCAN_SERVICE"
            config["DenyPolicy"] = {"IssueLevel": "MEDIUM", "IssueCount": "1", "Logic": "AND", "Action": "BLOCK_DELETE_TAG"}
        nodes.append({"NodeName": name, "Enable": True, "NodeConfig": config})
    return {"Nodes": nodes, "Routers": [{"From": {"NodeName": a}, "To": {"NodeName": b}} for a, b in STANDARD_ROUTES]}


# ---------------------------------------------------------------------------------------------
# Builds as a function of time
# ---------------------------------------------------------------------------------------------

def build_script(record):
    """Every (BuildStage, Message) line the build prints if it runs to its end."""
    count = record["timing"]["lines"]
    steps = count - 4
    commands = ["FROM alpine:3.19", "WORKDIR /src", "COPY . .", "RUN apk add --no-cache build-base",
                "RUN make release", "EXPOSE 8080", "ENTRYPOINT [\"/src/app\"]"]
    lines = [("GIT_CLONE", f"Cloning into '{record['image']['RepoName']}' ({record['pushType']} {record['pushName']})..."),
             ("GIT_CLONE", f"HEAD is now at {record['commit']} release {record['image']['ImageTag']}")]
    lines += [("BUILD", f"Step {i}/{steps} : {commands[(i - 1) % len(commands)]}") for i in range(1, steps + 1)]
    if record["fail"]:
        return lines + [("BUILD", "ERROR: executor failed running [/bin/sh -c make release]: exit code: 1")]
    image = f"{record['image']['RepoNamespaceName']}/{record['image']['RepoName']}:{record['image']['ImageTag']}"
    return lines + [("PUSH", f"The push refers to repository [{image}]"),
                    ("PUSH", f"{record['image']['ImageTag']}: digest: sha256:{record['commit'] * 5} size: 1573")]


def build_state(record, moment):
    """(status, [(stage, message)] visible at `moment`, end time or None)."""
    timing = record["timing"]
    script = build_script(record)
    if record.get("canceledAt") is not None:
        moment = record["canceledAt"]
    elapsed = moment - record["start"]
    shown = 0 if elapsed < timing["pendingMs"] else min(len(script), 1 + (elapsed - timing["pendingMs"]) // timing["lineIntervalMs"])
    end = record["start"] + timing["pendingMs"] + len(script) * timing["lineIntervalMs"]
    lines = script[:shown]
    if record.get("canceledAt") is not None and moment < end:
        return "CANCELED", lines + [(lines[-1][0] if lines else "GIT_CLONE", "build canceled")], record["canceledAt"]
    if moment >= end:
        return ("FAILED" if record["fail"] else "SUCCESS"), script, end
    return ("PENDING" if shown == 0 else "BUILDING"), lines, None


def timing_from(document):
    """A validated buildTiming control value merged over the defaults (ValueError when wrong)."""
    if not isinstance(document, dict) or set(document) - set(DEFAULT_TIMING):
        raise ValueError(f"buildTiming wants an object with {sorted(DEFAULT_TIMING)}")
    timing = dict(DEFAULT_TIMING)
    for key, value in document.items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValueError(f"buildTiming.{key} must be a non-negative integer")
        timing[key] = value
    if timing["lines"] < 5 or timing["lineIntervalMs"] < 1:
        raise ValueError("buildTiming needs lines >= 5 and lineIntervalMs >= 1")
    return timing


# ---------------------------------------------------------------------------------------------
# Seed
# ---------------------------------------------------------------------------------------------

def seed_delivery(instances, main_id, now=None):
    """Empty delivery stores for every instance, and the seed of the module docstring on `main_id`."""
    now = now_ms() if now is None else now
    for instance in instances.values():
        for store in STORES:
            instance[store] = [] if store in ("eventRecords", "chainRuns") else {}
    main = instances[main_id]
    rules = {
        "build-notify": {"EventType": "cr:Artifact:BuildCompleted", "EventScope": "REPO", "notify": "https"},
        "scan-alert": {"EventType": "cr:Artifact:ScanCompleted", "EventScope": "INSTANCE", "notify": "http"},
    }
    repos = sorted(main["repos"].values(), key=lambda repo: (repo["RepoNamespaceName"], repo["RepoName"]))
    first = repos[0] if repos else None
    for name, fields in rules.items():
        rule_id = digest_id("crecr-", main_id, name)
        notify = fields.pop("notify")
        main["eventRules"][rule_id] = {
            "RuleId": rule_id, "RuleName": name, **fields, "EventChannel": "EVENT_BRIDGE",
            "EventConfig": {"notifyMethod": notify, "notifyConfig": {"Url": f"{notify}://hooks.example.com/{name}",
                                                                     "id": name}, "notifyFilter": {}},
            "RepoTagFilterPattern": ".*", "Namespaces": [first["RepoNamespaceName"]] if first else [],
            "RepoNames": [first["RepoName"]] if first and fields["EventScope"] == "REPO" else []}
    if first is None:
        return
    repo_id = first["RepoId"]
    rule_id = digest_id("crbr-seed", main_id, repo_id, length=12)
    main["buildRules"][rule_id] = {
        "BuildRuleId": rule_id, "RepoId": repo_id, "PushType": "GIT_BRANCH", "PushName": "main", "ImageTag": "main-build",
        "DockerfileLocation": "/", "DockerfileName": "Dockerfile", "BuildArgs": ["GO_VERSION=1.22"],
        "Platforms": ["linux/amd64", "linux/arm64"], "DestArtifactType": "DOCKER_IMAGE"}
    day = 24 * 3600 * 1000
    for index, fail in enumerate((False, True)):
        record = new_build(first, main["buildRules"][rule_id], DEFAULT_TIMING, now - day + index * 3600 * 1000,
                           str(uuid.uuid5(uuid.NAMESPACE_URL, f"{main_id}/{repo_id}/seed-build-{index}")))
        record.update(fail=fail, settled=True)
        main["buildRecords"][record["BuildRecordId"]] = record
    main["sourceRepos"][repo_id] = {"CodeRepoId": "1000001", "CodeRepoType": "GITHUB", "CodeRepoDomain": CODE_DOMAINS["GITHUB"],
                                    "CodeRepoNamespaceName": "regconsole", "CodeRepoName": "demo-app",
                                    "AutoBuild": True, "DisableCacheBuild": False, "OverseaBuild": False}
    trigger_id = digest_id("crw-", main_id, repo_id, "redeploy")
    main["triggers"][trigger_id] = {
        "TriggerId": trigger_id, "RepoId": repo_id, "TriggerName": "redeploy",
        "TriggerUrl": "https://deploy:s3cr3t@hooks.example.com/redeploy?token=abc123",
        "TriggerType": "ALL", "TriggerTag": "*", "RepoEvent": "BUILD_SUCCESS"}
    tags = sorted(first["tags"], key=lambda tag: (-first["tags"][tag]["ImageUpdate"], tag))
    seeded = [("build-notify", "main-build", now - day + 5000), ("build-notify", "main-build", now - day + 3605000),
              ("scan-alert", tags[0] if tags else "latest", now - day + 7200000)]
    for index, (name, tag, stamp) in enumerate(seeded):
        rule = main["eventRules"][digest_id("crecr-", main_id, name)]
        main["eventRecords"].append(event_record(main_id, rule, first, tag, stamp,
                                                 digest_id("crecrr-", main_id, str(index))))
    namespace = main["namespaces"][first["RepoNamespaceName"]]
    chain_id = digest_id("chi-", main_id, "default-delivery")
    main["chains"][chain_id] = {
        "ChainId": chain_id, "Name": "default-delivery", "Description": "build, scan, replicate, notify",
        "ScopeType": "NAMESPACE", "ScopeId": namespace["NamespaceId"], "ScopeExclude": [],
        "CreateTime": now - 7 * day, "ModifiedTime": now - 7 * day, "config": standard_chain_config(),
        "ChainConfigId": digest_id("cci-", chain_id, "1"), "Version": 1}
    for index, result in enumerate(("SUCCESS", "DENIED")):
        start = now - day + index * 3600 * 1000 + 60000
        main["chainRuns"].append(chain_run(main["chains"][chain_id], first, start, result,
                                           digest_id("cii-", chain_id, str(index))))


def new_build(repo, rule, timing, start, record_id=None):
    return {"BuildRecordId": record_id or str(uuid.uuid4()), "RepoId": repo["RepoId"], "start": start,
            "timing": dict(timing), "canceledAt": None, "settled": False,
            "fail": FAIL_ARG in rule["BuildArgs"], "buildArgs": list(rule["BuildArgs"]),
            "pushType": rule["PushType"], "pushName": rule["PushName"], "ruleId": rule["BuildRuleId"],
            "commit": hashlib.sha256(f"{repo['RepoId']}/{start}".encode()).hexdigest()[:12],
            "image": {"RepoId": repo["RepoId"], "RepoNamespaceName": repo["RepoNamespaceName"],
                      "RepoName": repo["RepoName"], "ImageTag": rule["ImageTag"]}}


def event_record(instance_id, rule, repo, tag, stamp, record_id=None):
    return {"RecordId": record_id or "crecrr-" + uuid.uuid4().hex[:16], "RuleId": rule["RuleId"], "RuleName": rule["RuleName"],
            "EventType": rule["EventType"], "EventChannel": rule["EventChannel"],
            "EventNotifyId": hashlib.sha256(f"{rule['RuleId']}/{stamp}/{tag}".encode()).hexdigest()[:24],
            "EventNotifyMethod": str(rule["EventConfig"].get("notifyMethod") or "http"), "InstanceId": instance_id,
            "Namespace": repo["RepoNamespaceName"], "RepoName": repo["RepoName"], "Tag": tag,
            "CreateTime": stamp, "UpdateTime": stamp}


def chain_run(chain, repo, start, result, run_id=None):
    return {"ChainInstanceId": run_id or "cii-" + uuid.uuid4().hex[:16],
            "Chain": {"ChainId": chain["ChainId"], "ChainName": chain["Name"], "Version": chain["Version"]},
            "RepoNamespaceName": repo["RepoNamespaceName"], "RepoName": repo["RepoName"], "Status": "COMPLETE",
            "Result": result, "StartTime": start, "EndTime": start + 1500}


# ---------------------------------------------------------------------------------------------
# The actions
# ---------------------------------------------------------------------------------------------

class DeliveryApi:
    """Mixin of the delivery actions; see the module docstring for what the host class supplies."""

    build_timing = DEFAULT_TIMING

    def set_build_timing(self, document):
        timing = timing_from(document)
        with self.lock:
            self.build_timing = timing

    # -- helpers -----------------------------------------------------------------------------

    def flat_list(self, p, name):
        """The values of Name.1, Name.2, … in index order; None when none is sent."""
        indexed = []
        for key, value in p.values.items():
            match = re.match(rf"^{re.escape(name)}\.(\d+)$", key)
            if match:
                indexed.append((int(match.group(1)), value))
        return [value for _, value in sorted(indexed)] if indexed else None

    def json_value(self, p, name, kind):
        text = p.text(name)
        if text in (None, ""):
            return None
        try:
            value = json.loads(text)
        except ValueError:
            value = None
        if not isinstance(value, kind) or (kind is list and not all(isinstance(item, str) for item in value)):
            noun = "a JSON array of strings" if kind is list else "a JSON object"
            raise self.Error(400, f"InvalidParameter.{name}", f"{name} must be {noun}: {text!r}.")
        return value

    def regex(self, name, text):
        try:
            re.compile(text)
        except re.error as error:
            raise self.Error(400, f"InvalidParameter.{name}", f"{name} is not a valid regular expression: {error}.")
        return text

    def lookup(self, store, key, code, noun, repo=None):
        item = store.get(key or "")
        if item is None or (repo is not None and item.get("RepoId") != repo["RepoId"]):
            raise self.Error(404, code, f"The {noun} {key} does not exist.")
        return item

    def repo_of(self, p):
        instance = self.instance(p)
        return instance, self.repo(instance, p, id_required=True)

    def settle_deliveries(self):
        """Applies the effects of builds and scans that finished since the last call."""
        moment = now_ms()
        for instance in self.instances.values():
            for record in instance.get("buildRecords", {}).values():
                if not record["settled"]:
                    status, _, end = build_state(record, moment)
                    if status not in RUNNING:
                        record["settled"] = True
                        self.build_finished(instance, record, status, end)
            for (repo_id, tag), task in instance["scans"].items():
                if task["polls"] > 2 and not task.get("eventRecorded"):
                    task["eventRecorded"] = True
                    self.record_events(instance, "cr:Artifact:ScanCompleted", instance["repos"][repo_id], tag, moment)

    def build_finished(self, instance, record, status, end):
        repo = instance["repos"].get(record["RepoId"])
        if repo is None or status == "CANCELED":
            return
        tag = record["image"]["ImageTag"]
        if status == "SUCCESS":
            if repo["tags"]:
                newest = min(repo["tags"].values(), key=lambda item: (-item["ImageUpdate"], item["Tag"]))
                copied = copy.deepcopy(newest)
                copied.update(Tag=tag, ImageUpdate=end)
                repo["tags"][tag] = copied
                instance["scans"].pop((repo["RepoId"], tag), None)
            for chain in instance["chains"].values():
                if self.chain_covers(instance, chain, repo["RepoNamespaceName"], repo["RepoName"]):
                    instance["chainRuns"].append(chain_run(chain, repo, end, "SUCCESS"))
        self.record_events(instance, "cr:Artifact:BuildCompleted", repo, tag, end)

    def record_events(self, instance, event_type, repo, tag, stamp):
        for rule in instance["eventRules"].values():
            scope = rule["EventScope"]
            if rule["EventType"] != event_type:
                continue
            if scope == "NAMESPACE" and repo["RepoNamespaceName"] not in rule["Namespaces"]:
                continue
            if scope == "REPO" and not {repo["RepoName"], f"{repo['RepoNamespaceName']}/{repo['RepoName']}"} & set(rule["RepoNames"]):
                continue
            if not re.fullmatch(rule["RepoTagFilterPattern"] or ".*", tag):
                continue
            instance["eventRecords"].append(event_record(instance["InstanceId"], rule, repo, tag, stamp))

    def forget_repo_delivery(self, instance, repo_id):
        for store in ("buildRules", "buildRecords", "triggers"):
            for key in [key for key, item in instance[store].items() if item["RepoId"] == repo_id]:
                del instance[store][key]
        instance["sourceRepos"].pop(repo_id, None)

    # -- build rules ---------------------------------------------------------------------------

    def build_rule_fields(self, p, creating):
        fields = {"PushType": p.choice("PushType", ("GIT_BRANCH", "GIT_TAG"), required=creating),
                  "PushName": p.text("PushName", required=creating), "ImageTag": p.text("ImageTag", required=creating),
                  "DockerfileLocation": p.text("DockerfileLocation", default="/" if creating else None),
                  "DockerfileName": p.text("DockerfileName", default="Dockerfile" if creating else None),
                  "BuildArgs": self.flat_list(p, "BuildArgs"), "Platforms": self.flat_list(p, "Platforms")}
        if creating:
            fields["BuildArgs"] = fields["BuildArgs"] or []
            fields["Platforms"] = fields["Platforms"] or ["linux/amd64"]
        if any("=" not in arg for arg in fields["BuildArgs"] or []):
            raise self.Error(400, "InvalidParameter.BuildArgs", "Every build argument must be KEY=VALUE.")
        wrong = [platform for platform in fields["Platforms"] or [] if platform not in PLATFORMS]
        if wrong:
            raise self.Error(400, "InvalidParameter.Platforms", f"Unknown platforms {wrong}; use {', '.join(PLATFORMS)}.")
        return {key: value for key, value in fields.items() if value is not None}

    def do_ListRepoBuildRule(self, p):
        instance, repo = self.repo_of(p)
        items = [rule for rule in instance["buildRules"].values() if rule["RepoId"] == repo["RepoId"]]
        chunk, echo = self.page(p, items)
        return {"BuildRules": [{key: copy.deepcopy(value) for key, value in rule.items() if key != "RepoId"} for rule in chunk],
                **echo, "TotalCount": str(len(items))}

    def do_CreateRepoBuildRule(self, p):
        instance, repo = self.repo_of(p)
        rule_id = "crbr-" + uuid.uuid4().hex[:16]
        instance["buildRules"][rule_id] = {"BuildRuleId": rule_id, "RepoId": repo["RepoId"], **self.build_rule_fields(p, True),
                                           "DestArtifactType": "DOCKER_IMAGE"}
        return {"BuildRuleId": rule_id}

    def do_UpdateRepoBuildRule(self, p):
        instance, repo = self.repo_of(p)
        rule = self.lookup(instance["buildRules"], p.text("BuildRuleId", required=True), "BUILD_RULE_NOT_EXIST", "build rule", repo)
        rule.update(self.build_rule_fields(p, False))
        return {"BuildRuleId": rule["BuildRuleId"]}

    def do_DeleteRepoBuildRule(self, p):
        instance, repo = self.repo_of(p)
        rule = self.lookup(instance["buildRules"], p.text("BuildRuleId", required=True), "BUILD_RULE_NOT_EXIST", "build rule", repo)
        del instance["buildRules"][rule["BuildRuleId"]]
        return {}

    # -- build records -------------------------------------------------------------------------

    def start_build(self, instance, repo, rule):
        record = new_build(repo, rule, self.build_timing, now_ms())
        instance["buildRecords"][record["BuildRecordId"]] = record
        return {"BuildRecordId": record["BuildRecordId"]}

    def record_of(self, instance, p, repo=None):
        return self.lookup(instance["buildRecords"], p.text("BuildRecordId", required=True), "BUILD_RECORD_NOT_EXIST",
                           "build record", repo)

    def do_CreateBuildRecordByRule(self, p):
        instance, repo = self.repo_of(p)
        rule = self.lookup(instance["buildRules"], p.text("BuildRuleId", required=True), "BUILD_RULE_NOT_EXIST", "build rule", repo)
        return self.start_build(instance, repo, rule)

    def do_CreateBuildRecordByRecord(self, p):
        instance, repo = self.repo_of(p)
        earlier = self.record_of(instance, p, repo)
        rule = {"BuildRuleId": earlier["ruleId"], "PushType": earlier["pushType"], "PushName": earlier["pushName"],
                "ImageTag": earlier["image"]["ImageTag"], "BuildArgs": earlier["buildArgs"]}
        return self.start_build(instance, repo, rule)

    def do_CancelRepoBuildRecord(self, p):
        instance, repo = self.repo_of(p)
        record = self.record_of(instance, p, repo)
        moment = now_ms()
        status, _, _ = build_state(record, moment)
        if status not in RUNNING:
            raise self.Error(400, "BUILD_RECORD_FINISHED", f"The build {record['BuildRecordId']} has already finished: {status}.")
        record["canceledAt"] = moment
        return {}

    def do_ListRepoBuildRecord(self, p):
        instance, repo = self.repo_of(p)
        items = sorted((record for record in instance["buildRecords"].values() if record["RepoId"] == repo["RepoId"]),
                       key=lambda record: (-record["start"], record["BuildRecordId"]))
        chunk, echo = self.page(p, items)
        moment = now_ms()
        views = []
        for record in chunk:
            status, _, end = build_state(record, moment)
            view = {"BuildRecordId": record["BuildRecordId"], "BuildStatus": status, "StartTime": str(record["start"]),
                    "Image": dict(record["image"])}
            if end is not None:
                view["EndTime"] = str(end)
            views.append(view)
        return {"BuildRecords": views, **echo, "TotalCount": str(len(items))}

    def do_GetRepoBuildRecord(self, p):
        instance = self.instance(p)
        record = self.record_of(instance, p)
        status, _, end = build_state(record, now_ms())
        view = {"BuildRecordId": record["BuildRecordId"], "Status": status, "StartTime": record["start"],
                "Image": {key: record["image"][key] for key in ("RepoNamespaceName", "RepoName", "ImageTag")}}
        if end is not None:
            view["EndTime"] = end
        return view

    def do_GetRepoBuildRecordStatus(self, p):
        instance, repo = self.repo_of(p)
        return {"BuildStatus": build_state(self.record_of(instance, p, repo), now_ms())[0]}

    def do_ListRepoBuildRecordLog(self, p):
        instance = self.instance(p)
        repo = self.repo(instance, p, id_required=True) if p.text("RepoId") else None
        record = self.record_of(instance, p, repo)
        offset = p.integer("Offset", 0, minimum=0)
        _, lines, _ = build_state(record, now_ms())
        numbered = [{"LineNumber": number, "BuildStage": stage, "Message": message}
                    for number, (stage, message) in enumerate(lines, start=1) if number >= offset]
        return {"BuildRecordLogs": numbered[:100], "PageNo": 1, "PageSize": 100, "TotalCount": str(len(lines))}

    # -- source code binding -------------------------------------------------------------------

    def do_GetRepoSourceCodeRepo(self, p):
        instance, repo = self.repo_of(p)
        binding = instance["sourceRepos"].get(repo["RepoId"])
        view = {"RepoId": repo["RepoId"]}
        if binding:
            view.update({key: (str(value).lower() if isinstance(value, bool) else value) for key, value in binding.items()})
        return view

    def bind_source(self, p, binding):
        code_type = p.choice("CodeRepoType", tuple(CODE_DOMAINS), required=True)
        binding.update(CodeRepoType=code_type, CodeRepoDomain=CODE_DOMAINS[code_type],
                       CodeRepoNamespaceName=p.text("CodeRepoNamespaceName", required=True),
                       CodeRepoName=p.text("CodeRepoName", required=True))
        for flag in ("AutoBuild", "DisableCacheBuild", "OverseaBuild"):
            value = p.boolean(flag)
            if value is not None:
                binding[flag] = value
        return {}

    def do_CreateRepoSourceCodeRepo(self, p):
        instance, repo = self.repo_of(p)
        binding = {"CodeRepoId": str(1000000 + int(hashlib.sha256(repo["RepoId"].encode()).hexdigest()[:6], 16)),
                   "AutoBuild": False, "DisableCacheBuild": False, "OverseaBuild": False}
        result = self.bind_source(p, binding)
        instance["sourceRepos"][repo["RepoId"]] = binding
        return result

    def do_UpdateRepoSourceCodeRepo(self, p):
        instance, repo = self.repo_of(p)
        binding = instance["sourceRepos"].get(repo["RepoId"])
        if binding is None:
            raise self.Error(404, "SOURCE_CODE_REPO_NOT_EXIST", f"The repository {repo['RepoId']} has no source binding.")
        updated = dict(binding)
        result = self.bind_source(p, updated)
        binding.update(updated)
        return result

    # -- triggers ------------------------------------------------------------------------------

    def trigger_fields(self, p, current):
        fields = {key: p.text(key) for key in ("TriggerName", "TriggerUrl", "TriggerType", "TriggerTag")}
        fields = {key: value for key, value in fields.items() if value not in (None, "")}
        if fields.get("TriggerType") == "TAG_LISTTAG":
            fields["TriggerType"] = "TAG_LIST"
        merged = {**current, **fields}
        for name in ("TriggerName", "TriggerUrl", "TriggerType"):
            if not merged.get(name):
                raise self.Error(400, f"Missing{name}", f"{name} is mandatory for this action.")
        if not re.match(r"^https?://[^/\s]+", merged["TriggerUrl"]):
            raise self.Error(400, "InvalidParameter.TriggerUrl", "TriggerUrl must start with http:// or https://.")
        kind = merged["TriggerType"]
        if kind not in ("ALL", "TAG_LIST", "TAG_REG_EXP"):
            raise self.Error(400, "InvalidParameter.TriggerType", f"TriggerType must be ALL, TAG_LIST or TAG_REG_EXP: {kind!r}.")
        if kind == "ALL":
            merged["TriggerTag"] = "*"
        elif kind == "TAG_LIST":
            text = merged.get("TriggerTag") or ""
            try:
                tags = json.loads(text)
            except ValueError:
                tags = None
            if not isinstance(tags, list) or not tags or not all(isinstance(tag, str) for tag in tags):
                raise self.Error(400, "InvalidParameter.TriggerTag", f'TAG_LIST wants a JSON array of tags like ["v1","latest"]: {text!r}.')
        else:
            self.regex("TriggerTag", merged.get("TriggerTag") or "")
            if not merged.get("TriggerTag"):
                raise self.Error(400, "InvalidParameter.TriggerTag", "TAG_REG_EXP wants a regular expression.")
        return merged

    def do_ListRepoTrigger(self, p):
        instance, repo = self.repo_of(p)
        return {"Triggers": [{key: value for key, value in trigger.items() if key != "RepoId"}
                             for trigger in instance["triggers"].values() if trigger["RepoId"] == repo["RepoId"]]}

    def do_CreateRepoTrigger(self, p):
        instance, repo = self.repo_of(p)
        trigger_id = "crw-" + uuid.uuid4().hex[:16]
        fields = self.trigger_fields(p, {})
        instance["triggers"][trigger_id] = {"TriggerId": trigger_id, "RepoId": repo["RepoId"], **fields, "RepoEvent": "BUILD_SUCCESS"}
        return {"TriggerId": trigger_id}

    def do_UpdateRepoTrigger(self, p):
        instance, repo = self.repo_of(p)
        trigger = self.lookup(instance["triggers"], p.text("TriggerId", required=True), "TRIGGER_NOT_EXIST", "trigger", repo)
        trigger.update(self.trigger_fields(p, trigger))
        return {}

    def do_DeleteRepoTrigger(self, p):
        instance, repo = self.repo_of(p)
        trigger = self.lookup(instance["triggers"], p.text("TriggerId", required=True), "TRIGGER_NOT_EXIST", "trigger", repo)
        del instance["triggers"][trigger["TriggerId"]]
        return {}

    # -- event center --------------------------------------------------------------------------

    def event_rule(self, instance, p):
        return self.lookup(instance["eventRules"], p.text("RuleId", required=True), "EVENT_RULE_NOT_EXIST", "event rule")

    def do_ListEventCenterRuleName(self, p):
        instance = self.instance(p)
        return {"RuleNames": [{"RuleId": rule["RuleId"], "RuleName": rule["RuleName"]} for rule in instance["eventRules"].values()]}

    def do_UpdateEventCenterRule(self, p):
        instance = self.instance(p)
        rule = self.event_rule(instance, p)
        fields = {"RuleName": p.text("RuleName"), "EventType": p.choice("EventType", EVENT_TYPES),
                  "EventScope": p.choice("EventScope", ("INSTANCE", "NAMESPACE", "REPO")),
                  "EventChannel": p.text("EventChannel"), "EventConfig": self.json_value(p, "EventConfig", dict),
                  "Namespaces": self.json_value(p, "Namespaces", list), "RepoNames": self.json_value(p, "RepoNames", list)}
        pattern = p.text("RepoTagFilterPattern")
        if pattern is not None:
            fields["RepoTagFilterPattern"] = self.regex("RepoTagFilterPattern", pattern)
        rule.update({key: value for key, value in fields.items() if value not in (None, "")})
        return {"RuleId": rule["RuleId"], "Code": 200}

    def do_DeleteEventCenterRule(self, p):
        instance = self.instance(p)
        rule = self.event_rule(instance, p)
        del instance["eventRules"][rule["RuleId"]]
        return {}

    def do_ListEventCenterRecord(self, p):
        instance = self.instance(p)
        wanted = {"RuleId": p.text("RuleId"), "EventType": p.text("EventType"), "Namespace": p.text("RepoNamespaceName"),
                  "RepoName": p.text("RepoName")}
        items = sorted((record for record in instance["eventRecords"]
                        if all(not value or record[key] == value for key, value in wanted.items())),
                       key=lambda record: (-record["CreateTime"], record["RecordId"]))
        chunk, echo = self.page(p, items)
        return {"Records": [dict(record) for record in chunk], **echo, "TotalCount": len(items)}

    # -- chains --------------------------------------------------------------------------------

    def chain_config(self, p, required):
        text = p.text("ChainConfig", required=required)
        if text in (None, ""):
            return None
        try:
            document = json.loads(text)
        except ValueError:
            document = None
        problem = None
        if not isinstance(document, dict) or not isinstance(document.get("Nodes", []), list) \
                or not isinstance(document.get("Routers", []), list):
            problem = "a JSON object with Nodes and Routers arrays"
        nodes, routers = [], []
        for node in (document or {}).get("Nodes", []) if problem is None else []:
            if not isinstance(node, dict) or node.get("NodeName") not in NODE_NAMES:
                problem = f"known NodeNames ({', '.join(NODE_NAMES)}): {node!r}"
                break
            config = node.get("NodeConfig", node.get("node_config", {}))
            if not isinstance(config, dict):
                problem = f"a NodeConfig object: {config!r}"
                break
            config = copy.deepcopy(config)
            if isinstance(config.get("DenyPolicy"), dict) and "IssueCount" in config["DenyPolicy"]:
                config["DenyPolicy"]["IssueCount"] = str(config["DenyPolicy"]["IssueCount"])
            nodes.append({"NodeName": node["NodeName"], "Enable": node.get("Enable", True) is not False, "NodeConfig": config})
        for router in (document or {}).get("Routers", []) if problem is None else []:
            ends = [(router.get(side) or {}).get("NodeName") if isinstance(router, dict) else None for side in ("From", "To")]
            if not all(end in NODE_NAMES for end in ends):
                problem = f"routers between known NodeNames: {router!r}"
                break
            routers.append({"From": {"NodeName": ends[0]}, "To": {"NodeName": ends[1]}})
        if problem:
            raise self.Error(400, "InvalidParameter.ChainConfig", f"ChainConfig must be {problem}.")
        return {"Nodes": nodes, "Routers": routers}

    def chain_covers(self, instance, chain, namespace, name):
        if name and {name, f"{namespace}/{name}"} & set(chain["ScopeExclude"]):
            return False
        if chain["ScopeType"] == "NAMESPACE":
            space = instance["namespaces"].get(namespace or "")
            return namespace is None or (space is not None and space["NamespaceId"] == chain["ScopeId"])
        repo = instance["repos"].get(chain["ScopeId"])
        return repo is not None and namespace in (None, repo["RepoNamespaceName"]) and name in (None, repo["RepoName"])

    @staticmethod
    def chain_view(instance, chain, config=False):
        view = {key: copy.deepcopy(chain[key]) for key in ("ChainId", "Name", "Description", "ScopeType", "ScopeId",
                                                          "ScopeExclude", "CreateTime", "ModifiedTime")}
        view["InstanceId"] = instance["InstanceId"]
        if config:
            view["ChainConfig"] = {"ChainConfigId": chain["ChainConfigId"], "Version": str(chain["Version"]),
                                   "IsActive": True, **copy.deepcopy(chain["config"])}
        return view

    def chain(self, instance, p):
        return self.lookup(instance["chains"], p.text("ChainId", required=True), "CHAIN_NOT_EXIST", "chain")

    def do_ListChain(self, p):
        instance = self.instance(p)
        namespace, name = p.text("RepoNamespaceName") or None, p.text("RepoName") or None
        items = sorted((chain for chain in instance["chains"].values() if self.chain_covers(instance, chain, namespace, name)),
                       key=lambda chain: (chain["CreateTime"], chain["ChainId"]))
        chunk, echo = self.page(p, items)
        return {"Chains": [self.chain_view(instance, chain) for chain in chunk], **echo, "TotalCount": len(items)}

    def do_GetChain(self, p):
        instance = self.instance(p)
        return self.chain_view(instance, self.chain(instance, p), config=True)

    def do_CreateChain(self, p):
        instance = self.instance(p)
        name = p.text("Name", required=True)
        namespace = self.namespace(instance, p.text("RepoNamespaceName", required=True))
        scope_type, scope_id = "NAMESPACE", namespace["NamespaceId"]
        if p.text("RepoName"):
            repo = self.find_repo(instance, namespace["NamespaceName"], p.text("RepoName"))
            if repo is None:
                raise self.Error(404, "REPO_NOT_EXIST", f"The repository {namespace['NamespaceName']}/{p.text('RepoName')} does not exist.")
            scope_type, scope_id = "REPOSITORY", repo["RepoId"]
        config = self.chain_config(p, required=False) or standard_chain_config()
        stamp = now_ms()
        chain_id = "chi-" + uuid.uuid4().hex[:16]
        instance["chains"][chain_id] = {
            "ChainId": chain_id, "Name": name, "Description": p.text("Description", default=""), "ScopeType": scope_type,
            "ScopeId": scope_id, "ScopeExclude": self.flat_list(p, "ScopeExclude") or [], "CreateTime": stamp,
            "ModifiedTime": stamp, "config": config, "ChainConfigId": "cci-" + uuid.uuid4().hex[:16], "Version": 1}
        return {"ChainId": chain_id}

    def do_UpdateChain(self, p):
        instance = self.instance(p)
        chain = self.chain(instance, p)
        name = p.text("Name", required=True)
        config = self.chain_config(p, required=True)
        description, exclude = p.text("Description"), self.flat_list(p, "ScopeExclude")
        chain.update(Name=name, config=config, ModifiedTime=now_ms(), Version=chain["Version"] + 1,
                     ChainConfigId="cci-" + uuid.uuid4().hex[:16])
        if description is not None:
            chain["Description"] = description
        if exclude is not None:
            chain["ScopeExclude"] = exclude
        return {}

    def do_DeleteChain(self, p):
        instance = self.instance(p)
        del instance["chains"][self.chain(instance, p)["ChainId"]]
        return {}

    def do_ListChainInstance(self, p):
        instance = self.instance(p)
        namespace, name = p.text("RepoNamespaceName"), p.text("RepoName")
        items = sorted((run for run in instance["chainRuns"] if (not namespace or run["RepoNamespaceName"] == namespace)
                        and (not name or run["RepoName"] == name)),
                       key=lambda run: (-run["StartTime"], run["ChainInstanceId"]))
        chunk, echo = self.page(p, items)
        return {"ChainInstances": copy.deepcopy(chunk), "InstanceId": instance["InstanceId"], **echo, "TotalCount": len(items)}


# ---------------------------------------------------------------------------------------------
# Self-test (run by acr_emulator.py --self-test)
# ---------------------------------------------------------------------------------------------

def self_test(check):
    """Model checks without HTTP; `check(name, condition, detail)` records failures."""
    repo = {"RepoId": "crr-x", "RepoNamespaceName": "ns", "RepoName": "app"}
    rule = {"BuildRuleId": "crbr-x", "PushType": "GIT_BRANCH", "PushName": "main", "ImageTag": "v1", "BuildArgs": []}
    timing = timing_from({"pendingMs": 100, "lineIntervalMs": 10, "lines": 6})
    record = new_build(repo, rule, timing, 1000)
    check("pending", build_state(record, 1050)[:2] == ("PENDING", []), build_state(record, 1050))
    status, lines, end = build_state(record, 1125)
    check("building", status == "BUILDING" and len(lines) == 3 and end is None, (status, len(lines)))
    status, lines, end = build_state(record, 1160)
    check("success", status == "SUCCESS" and end == 1160 and [stage for stage, _ in lines] ==
          ["GIT_CLONE", "GIT_CLONE", "BUILD", "BUILD", "PUSH", "PUSH"], (status, end, lines))
    failing = new_build(repo, dict(rule, BuildArgs=[FAIL_ARG]), timing, 1000)
    status, lines, _ = build_state(failing, 5000)
    check("failed", status == "FAILED" and lines[-1][0] == "BUILD" and "ERROR" in lines[-1][1], (status, lines[-1:]))
    record["canceledAt"] = 1125
    status, lines, end = build_state(record, 9999)
    check("canceled", status == "CANCELED" and lines[-1] == ("BUILD", "build canceled") and len(lines) == 4 and end == 1125,
          (status, lines))
    try:
        timing_from({"lines": 2})
        check("timing validation", False, "lines 2 accepted")
    except ValueError:
        pass

    class Error(Exception):
        def __init__(self, status, code, message):
            super().__init__(message)
            self.code = code

    class Params:
        def __init__(self, values):
            self.values = values

        def text(self, name, required=False, default=None):
            return self.values.get(name, default)

        def integer(self, name, default=None, minimum=None):
            return int(self.values.get(name, default))

    api = DeliveryApi()
    api.Error = Error
    # Log overlap: the line at Offset repeats.
    instance = {"buildRecords": {"r": dict(new_build(repo, rule, timing, now_ms() - 10000), BuildRecordId="r")}}
    api.instance = lambda p: instance
    offsets = [line["LineNumber"] for line in api.do_ListRepoBuildRecordLog(Params({"BuildRecordId": "r", "Offset": "4"}))["BuildRecordLogs"]]
    check("log overlap", offsets == [4, 5, 6], offsets)
    # Trigger validation.
    cases = [({"TriggerType": "TAG_LIST", "TriggerTag": '["v1","latest"]'}, None),
             ({"TriggerType": "TAG_LISTTAG", "TriggerTag": '["v1"]'}, None),
             ({"TriggerType": "TAG_LIST", "TriggerTag": '{"v1": 1}'}, "InvalidParameter.TriggerTag"),
             ({"TriggerType": "TAG_REG_EXP", "TriggerTag": "v[0-9"}, "InvalidParameter.TriggerTag"),
             ({"TriggerType": "ALL", "TriggerTag": "ignored"}, None),
             ({"TriggerType": "ALL", "TriggerUrl": "ftp://x"}, "InvalidParameter.TriggerUrl")]
    for values, expected in cases:
        params = Params({"TriggerName": "t", "TriggerUrl": "https://hooks.example.com/x", **values})
        try:
            merged = api.trigger_fields(params, {})
            code = None
        except Error as error:
            merged, code = None, error.code
        check(f"trigger {values}", code == expected, code)
        if merged and values["TriggerType"] == "ALL":
            check("ALL tag", merged["TriggerTag"] == "*", merged)
        if merged and values["TriggerType"] == "TAG_LISTTAG":
            check("TAG_LISTTAG", merged["TriggerType"] == "TAG_LIST", merged)
    check("auth action", auth_action("CreateRepoTrigger") == "cr:CreateWebHook" and auth_action("DeleteRepoTag") == "cr:DeleteRepoTag"
          and auth_action("CreateRepoSyncTaskByRule") == "cr:PullRepository")
