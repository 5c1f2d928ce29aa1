"""Replication, subscriptions, access and capacity of the ACR emulator.

Standard library only. acr_emulator.py's `Api` inherits `ReplicationApi` (as it does DeliveryApi), whose
`do_<Action>` methods join the action dispatch; besides what DeliveryApi uses, `Api` supplies `region`,
`registry_host`, `make_namespace(instance_id, name)` and `make_repository(instance_id, ns, name, summary)`.
Section numbers (§3 …) refer to the project's "ACR OpenAPI extras" notes; wire names are those of
alibabacloud-cr20181201 2.2.5. Every action takes InstanceId (404 INSTANCE_NOT_EXIST) except
GetInstanceCount; a missing required parameter answers 400 Missing<Param>, a bad value 400
InvalidParameter.<Param>, unknown ids 404 SYNC_RULE_NOT_EXIST, SYNC_TASK_NOT_EXIST,
SUBSCRIPTION_RULE_NOT_EXIST, SUBSCRIPTION_TASK_NOT_EXIST, ACL_ENTRY_NOT_EXIST, LINKED_VPC_NOT_EXIST,
ENDPOINT_NOT_EXIST (ModuleName Chart: the emulator has no chart endpoints).

Sync (§3). Targets are instances of this emulator (TargetRegionId must be its region, else 400
InvalidParameter.TargetRegionId; an unknown TargetInstanceId is 404 INSTANCE_NOT_EXIST).
CreateRepoSyncRule (SyncRuleName, SyncScope REPO|NAMESPACE|INSTANCE, TagFilter (regex), TargetRegionId,
TargetInstanceId required; REPO scope needs NamespaceName, RepoName (an existing repository, 404
REPO_NOT_EXIST), TargetNamespaceName and TargetRepoName; NAMESPACE scope NamespaceName (existing) and
TargetNamespaceName; SyncTrigger INITIATIVE|PASSIVE (default PASSIVE); Priority 1–5 (default 3);
NamespaceNameFilter/RepoNameFilter regexes) → SyncRuleId crsr-…. Rules do not fire by themselves.
ListRepoSyncRule (filters NamespaceName, RepoName, TargetRegionId, TargetInstanceId; paged; TotalCount
an INTEGER): SyncRules[]{SyncRuleId, SyncRuleName, SyncScope, SyncTrigger, SyncDirection FROM,
TagFilter, RepoNameFilter, NamespaceNameFilter, LocalRegionId, LocalInstanceId, LocalNamespaceName,
LocalRepoName, TargetRegionId, TargetInstanceId, TargetNamespaceName, TargetRepoName, CrossUser false,
Priority, LinkId "", CreateTime, ModifiedTime (ms)}; rules are listed on their source instance only.
DeleteRepoSyncRule (no Update/Get; its tasks stay).
  CreateRepoSyncTaskByRule (RepoId, SyncRuleId, Tag; Priority): the repository must be covered by the
rule (400 InvalidParameter.RepoId), the tag must exist (404 TAG_NOT_EXIST) and match TagFilter (400
InvalidParameter.Tag); the target is the rule's TargetNamespaceName/TargetRepoName (NAMESPACE scope keeps
the repository name, INSTANCE scope both names), same tag. CreateRepoSyncTask (RepoId, Tag,
TargetRegionId, TargetInstanceId, TargetNamespace, TargetRepoName, TargetTag required; Override,
Priority) has SyncRuleId "". Both answer SyncTaskId rst-…; TaskTrigger INITIATIVE (seeded: PASSIVE);
Priority 1–5 (default: the rule's, else 3).
  Tasks progress lazily from timestamps: PENDING for pendingMs, then SYNCHRONIZING while layer k
(0-based) copies during [start+pendingMs+k·msPerLayer, +msPerLayer); LayerTasks[]{SyncLayerTaskId
rslt-…, Digest (sha256:…), ArtifactDigest (sha256: + the tag's Digest), Size (the layer's size in the
registry), SyncedSize (growing linearly), TaskStatus PENDING|SYNCHRONIZING|SUCCESS|ERROR|CANCELED};
the task ends at start+pendingMs+layers·msPerLayer: SUCCESS (Progress 1; the target namespace and
repository are created if missing and the target tag points at the source digest, ImageUpdate = end)
or ERROR with TaskIssue: TAG_CONFLICT when, at the end, the target repository has the tag and its tags
are immutable (nothing changes), INTERNAL_ERROR when the source tag is gone by then; NETWORK_ERROR
when the source tag's name ends in `-fail-network` (the last layer stops half-way, ERROR). Progress is 0 until SUCCESS; SyncedSize = the sum of the layers'.
Timing defaults: pendingMs 300, msPerLayer 200; the control key {"syncTiming": {"pendingMs",
"msPerLayer"}} changes them for tasks created afterwards ({} and resetModel restore them).
CancelRepoSyncTask turns a running task CANCELED (the copying layer too); a finished one answers 400
SYNC_TASK_FINISHED.
  GetRepoSyncTask (SyncTaskId): SyncTaskId, SyncRuleId, SyncBatchTaskId rsbt-…, TaskStatus, TaskTrigger,
TaskIssue ("" unless ERROR), Progress, SyncedSize, CrossUser, SyncTransAccelerate, Priority,
ImageFrom/ImageTo{RegionId, InstanceId, RepoNamespaceName, RepoName, ImageTag}, LayerTasks.
ListRepoSyncTask (filters RepoNamespaceName, RepoName, Tag on ImageFrom, SyncRecordId = SyncBatchTaskId;
newest first; paged; TotalCount a STRING): the Get fields minus LayerTasks/Progress/SyncedSize, plus
CustomLink false, LinkId "", CreateTime, ModifedTime (sic) and ModifiedTime (ms integers).

Subscriptions (§4; the upstream is pretended, nothing is fetched). CreateArtifactSubscriptionRule
(SourceProvider DOCKER_HUB|GCR|QUAY, SourceRepoName, NamespaceName (existing), RepoName, TagRegexp
(regex), TagCount 1–100, Platform.N (os/arch[/variant]) required; SourceNamespaceName, Override,
Accelerate) → RuleId crasr-…. Update (RuleId; the fields sent; Override/Accelerate "true"/"false"),
Delete, Get (RuleId, InstanceId, SourceProvider, SourceDomain docker.io|gcr.io|quay.io,
SourceNamespaceName, SourceRepoName, NamespaceName, RepoName, TagRegexp, TagCount, Platform[],
Override, Accelerate, CreateTime, ModifiedTime), List (paged, TotalCount integer).
CreateArtifactSubscriptionTask (RuleId) → TaskId crast-…: TaskStatus RUNNING for pendingMs of
syncTiming, then COMPLETED with TaskResult SUCCESS (TaskResult "" while running). The upstream's tags are
a fixed list (latest, stable, mainline, 1.27.3, 1.27.2, 1.26.2, 1.25.5, 1.27.3-alpine, 1.26.2-alpine,
release-v1, release-v2); TagTotalCount = those fully matching TagRegexp, TagSubscriptionCount =
min(TagCount, TagTotalCount). Get/ListArtifactSubscriptionTask: TaskId, InstanceId, ArtifactType IMAGE,
TaskType MANUAL (seeded: AUTO), TaskStatus, TaskResult, Message, SourceProvider, SourceRepoType PUBLIC,
SourceNamespaceName, SourceRepoName, NamespaceName, RepoName, TagTotalCount, TagSubscriptionCount,
StartTime, EndTime (absent while running; integers in Get, numeric STRINGS in List; List newest first,
paged, TotalCount integer). GetArtifactSubscriptionTaskResult (paged): TaskResults[]{TaskId, InstanceId,
NamespaceName, RepoName, Tag, Status COMPLETED, Result SUCCESS, StartTime, EndTime} (empty while
running), TotalCount integer. The model's repositories do not change.

Access (§5). EndpointType internet in any casing (else 400 InvalidParameter.EndpointType).
ListInstanceEndpoint answers one internet endpoint (Registry module) whose SYSTEM domain is the
registry's host:port: EndpointType, Enable, Status, AclEnable (true while the ACL has entries),
AclEntries[]{Entry}, Domains, LinkedVpcs [] (Summary=true leaves out AclEnable and AclEntries).
GetInstanceEndpoint: Enable, Status, AclEnable, AclEntries[]{Entry, Comment}, Domains.
UpdateInstanceEndpointStatus (Enable required) is asynchronous: Status CREATING (enabling) or DELETING
(disabling) for 300 ms with the old Enable, then RUNNING with the new one (no change: nothing happens).
Create/DeleteInstanceEndpointAclPolicy: Entry (+ Comment) or Entries (JSON [{"Entry","Comment"}]);
neither → 400 MissingEntry; an entry is an IPv4 address or CIDR (400 InvalidParameter.Entry); all are
checked before any applies; creating one present → 400 ACL_ENTRY_ALREADY_EXIST; deleting one absent →
404 ACL_ENTRY_NOT_EXIST. GetInstanceVpcEndpoint: Enable true, ModuleName, Domains (plain strings),
LinkedVpcs[]{VpcId, VswitchId, Ip, Status, DefaultAccess, Issue}. CreateInstanceVpcEndpointLinkedVpc
(VpcId vpc-…, VswitchId vsw-…; EnableCreateDNSRecordInPvzt): Status CREATING for 300 ms, then RUNNING;
the VPC already linked → 400 LINKED_VPC_ALREADY_EXIST. DeleteInstanceVpcEndpointLinkedVpc (VpcId,
VswitchId) removes it at once. ResetLoginPassword: Password of 8–32 printable ASCII characters with at
least two of letters, digits and other characters (else 400 InvalidParameter.Password); stored, never
answered nor logged; GetAuthorizationToken is unchanged.

Capacity (§6). GetInstanceUsage: NamespaceQuota "15", NamespaceUsage, RepoQuota "300", RepoUsage,
ChartNamespaceQuota "10", ChartNamespaceUsage "0", ChartRepoQuota "100", ChartRepoUsage "0",
VpcQuota "3", VpcUsage (linked VPCs) — all strings holding integers, counted from the model — and
PerformanceUnits 1. GetInstanceCount (no parameters): Count, the number of instances (integer).

Seed (cri-emulated0001, ids stable): sync rule "replicate-first" (REPO scope on the first repository by
namespace/name → the same names on cri-emulated0002, TagFilter .*, PASSIVE) with two settled tasks a
day ago on that repository's newest tag: SUCCESS and ERROR/TAG_CONFLICT (settled: cri-emulated0002
stays empty); subscription rule "crasr-seed…" (DOCKER_HUB library/nginx → that namespace, repository
nginx, TagRegexp 1\\.2[67]\\..*, TagCount 3, linux/amd64) with one COMPLETED task; internet ACL entries
10.0.0.0/8 ("office network") and 203.0.113.7/32 ("CI runner"); linked VPCs vpc-emulator0001 RUNNING
and vpc-emulator0002 RUNNING with Issue PRIVATE_ZONE_CONFLICT_AT_<region>-a.
"""

import copy
import hashlib
import ipaddress
import json
import re
import time
import uuid

DEFAULT_SYNC_TIMING = {"pendingMs": 300, "msPerLayer": 200}
TRANSITION_MS = 300
SYNC_RUNNING = ("PENDING", "SYNCHRONIZING")
FAIL_NETWORK_SUFFIX = "-fail-network"
SOURCE_DOMAINS = {"DOCKER_HUB": "docker.io", "GCR": "gcr.io", "QUAY": "quay.io"}
UPSTREAM_TAGS = ("latest", "stable", "mainline", "1.27.3", "1.27.2", "1.26.2", "1.25.5", "1.27.3-alpine",
                 "1.26.2-alpine", "release-v1", "release-v2")
PLATFORM = re.compile(r"^[a-z0-9]+/[a-z0-9_]+(?:/[a-z0-9]+)?$")
USAGE_QUOTAS = {"NamespaceQuota": "15", "RepoQuota": "300", "ChartNamespaceQuota": "10", "ChartRepoQuota": "100",
                "VpcQuota": "3"}
STORES = ("syncRules", "syncTasks", "subscriptionRules", "subscriptionTasks")


def now_ms():
    return int(time.time() * 1000)


def digest_id(prefix, *parts, length=16):
    return prefix + hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:length]


# ---------------------------------------------------------------------------------------------
# Sync tasks as a function of time
# ---------------------------------------------------------------------------------------------

def layer_sizes(record):
    """[(layer digest, size)] of a tag record; sizes missing from older records share ImageSize evenly."""
    layers = list(record.get("layers") or [])
    sizes = list(record.get("layerSizes") or [])
    if len(sizes) != len(layers):
        share = int(record.get("ImageSize") or 0) // max(1, len(layers))
        sizes = [share] * len(layers)
    return list(zip(layers, sizes))


def sync_state(task, moment):
    """(status, [layer task views], end time or None) of a sync task at `moment`, before settling."""
    timing = task["timing"]
    if task.get("final"):
        return task["final"]["status"], copy.deepcopy(task["final"]["layers"]), task["final"]["end"]
    canceled = task.get("canceledAt")
    if canceled is not None:
        moment = canceled
    begin = task["start"] + timing["pendingMs"]
    end = begin + len(task["layers"]) * timing["msPerLayer"]
    network = task["issue"] == "NETWORK_ERROR"
    views = []
    for index, (digest, size) in enumerate(task["layers"]):
        layer_start = begin + index * timing["msPerLayer"]
        fraction = min(1.0, max(0.0, (moment - layer_start) / timing["msPerLayer"]))
        last = index == len(task["layers"]) - 1
        if network and last:
            fraction = min(fraction, 0.5)
        status = "PENDING" if moment < layer_start else ("SUCCESS" if fraction >= 1.0 else "SYNCHRONIZING")
        if canceled is not None and status == "SYNCHRONIZING":
            status = "CANCELED"
        if network and last and moment >= end:
            status = "ERROR"
        views.append({"SyncLayerTaskId": digest_id("rslt-", task["SyncTaskId"], str(index)), "Digest": digest,
                      "ArtifactDigest": task["artifactDigest"], "Size": size, "SyncedSize": int(size * fraction),
                      "TaskStatus": status})
    if canceled is not None and moment < end:
        return "CANCELED", views, canceled
    if moment >= end:
        return ("ERROR" if network else "SUCCESS"), views, end
    return ("PENDING" if moment < begin else "SYNCHRONIZING"), views, None


def sync_timing_from(document):
    """A validated syncTiming control value merged over the defaults (ValueError when wrong)."""
    if not isinstance(document, dict) or set(document) - set(DEFAULT_SYNC_TIMING):
        raise ValueError(f"syncTiming wants an object with {sorted(DEFAULT_SYNC_TIMING)}")
    timing = dict(DEFAULT_SYNC_TIMING)
    for key, value in document.items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValueError(f"syncTiming.{key} must be a non-negative integer")
        timing[key] = value
    if timing["msPerLayer"] < 1:
        raise ValueError("syncTiming needs msPerLayer >= 1")
    return timing


def new_sync_task(region, instance_id, repo, tag, target, rule_id, timing, start, trigger="INITIATIVE", priority=3,
                  task_id=None, override=False):
    """A sync task of `repo`'s tag to target {InstanceId, RepoNamespaceName, RepoName, ImageTag}."""
    record = repo["tags"][tag]
    task_id = task_id or "rst-" + uuid.uuid4().hex[:16]
    return {"SyncTaskId": task_id, "SyncRuleId": rule_id, "SyncBatchTaskId": digest_id("rsbt-", task_id),
            "TaskTrigger": trigger, "Priority": priority, "override": override, "start": start, "timing": dict(timing),
            "canceledAt": None, "final": None, "sourceRepoId": repo["RepoId"],
            "issue": "NETWORK_ERROR" if tag.endswith(FAIL_NETWORK_SUFFIX) else None,
            "layers": layer_sizes(record), "artifactDigest": "sha256:" + record["Digest"],
            "ImageFrom": {"RegionId": region, "InstanceId": instance_id, "RepoNamespaceName": repo["RepoNamespaceName"],
                          "RepoName": repo["RepoName"], "ImageTag": tag},
            "ImageTo": {"RegionId": region, **target}}


def valid_password(password):
    if not 8 <= len(password) <= 32 or any(not (33 <= ord(ch) <= 126) for ch in password):
        return False
    classes = [any(ch.isalpha() for ch in password), any(ch.isdigit() for ch in password),
               any(not ch.isalnum() for ch in password)]
    return sum(classes) >= 2


def acl_entry(text):
    """The entry as given when it is an IPv4 address or CIDR, else None."""
    try:
        ipaddress.IPv4Network(text, strict=False)
    except (ValueError, TypeError):
        return None
    return text


# ---------------------------------------------------------------------------------------------
# Seed
# ---------------------------------------------------------------------------------------------

def seed_replication(instances, main_id, target_id, region, now=None):
    """Empty stores and access settings for every instance, and the docstring's seed on `main_id`."""
    now = now_ms() if now is None else now
    for instance in instances.values():
        for store in STORES:
            instance[store] = {}
        instance["access"] = {"internet": {"Enable": True, "Status": "RUNNING", "AclEntries": [], "pending": None},
                              "linkedVpcs": [], "loginPassword": None}
    main = instances[main_id]
    day = 24 * 3600 * 1000
    main["access"]["internet"]["AclEntries"] = [{"Entry": "10.0.0.0/8", "Comment": "office network"},
                                                {"Entry": "203.0.113.7/32", "Comment": "CI runner"}]
    for index, issue in enumerate(("", f"PRIVATE_ZONE_CONFLICT_AT_{region}-a")):
        main["access"]["linkedVpcs"].append({
            "VpcId": f"vpc-emulator000{index + 1}", "VswitchId": f"vsw-emulator000{index + 1}", "Ip": f"172.16.0.{10 + index}",
            "DefaultAccess": index == 0, "Issue": issue, "readyAt": now - 7 * day, "dns": True})
    repos = sorted(main["repos"].values(), key=lambda repo: (repo["RepoNamespaceName"], repo["RepoName"]))
    if not repos:
        return
    first = repos[0]
    rule_id = digest_id("crsr-", main_id, "replicate-first")
    main["syncRules"][rule_id] = {
        "SyncRuleId": rule_id, "SyncRuleName": "replicate-first", "SyncScope": "REPO", "SyncTrigger": "PASSIVE",
        "TagFilter": ".*", "RepoNameFilter": "", "NamespaceNameFilter": "", "LocalNamespaceName": first["RepoNamespaceName"],
        "LocalRepoName": first["RepoName"], "TargetRegionId": region, "TargetInstanceId": target_id,
        "TargetNamespaceName": first["RepoNamespaceName"], "TargetRepoName": first["RepoName"], "Priority": 3,
        "CreateTime": now - 7 * day, "ModifiedTime": now - 7 * day}
    if first["tags"]:
        tag = min(first["tags"].values(), key=lambda item: (-item["ImageUpdate"], item["Tag"]))["Tag"]
        target = {"InstanceId": target_id, "RepoNamespaceName": first["RepoNamespaceName"], "RepoName": first["RepoName"],
                  "ImageTag": tag}
        for index, outcome in enumerate(("SUCCESS", "ERROR")):
            task = new_sync_task(region, main_id, first, tag, target, rule_id, DEFAULT_SYNC_TIMING,
                                 now - day + index * 3600 * 1000, trigger="PASSIVE",
                                 task_id=digest_id("rst-", main_id, rule_id, str(index)))
            status, layers, end = sync_state(task, now)
            if outcome == "ERROR":
                task["issue"] = "TAG_CONFLICT"
            task["final"] = {"status": outcome, "layers": layers, "end": end}
            main["syncTasks"][task["SyncTaskId"]] = task
    namespace = first["RepoNamespaceName"]
    sub_id = digest_id("crasr-seed", main_id, length=12)
    main["subscriptionRules"][sub_id] = {
        "RuleId": sub_id, "SourceProvider": "DOCKER_HUB", "SourceNamespaceName": "library", "SourceRepoName": "nginx",
        "NamespaceName": namespace, "RepoName": "nginx", "TagRegexp": r"1\.2[67]\..*", "TagCount": 3,
        "Platform": ["linux/amd64"], "Override": False, "Accelerate": False,
        "CreateTime": now - 3 * day, "ModifiedTime": now - 3 * day}
    task = new_subscription_task(main_id, main["subscriptionRules"][sub_id], now - day, "AUTO",
                                 digest_id("crast-", main_id, sub_id))
    main["subscriptionTasks"][task["TaskId"]] = task


def new_subscription_task(instance_id, rule, start, task_type="MANUAL", task_id=None, running_ms=0):
    matched = [tag for tag in UPSTREAM_TAGS if re.fullmatch(rule["TagRegexp"], tag)]
    return {"TaskId": task_id or "crast-" + uuid.uuid4().hex[:16], "InstanceId": instance_id, "ArtifactType": "IMAGE",
            "TaskType": task_type, "SourceProvider": rule["SourceProvider"], "SourceRepoType": "PUBLIC",
            "SourceNamespaceName": rule["SourceNamespaceName"], "SourceRepoName": rule["SourceRepoName"],
            "NamespaceName": rule["NamespaceName"], "RepoName": rule["RepoName"], "TagTotalCount": len(matched),
            "tags": matched[:rule["TagCount"]], "StartTime": start, "end": start + running_ms}


# ---------------------------------------------------------------------------------------------
# The actions
# ---------------------------------------------------------------------------------------------

class ReplicationApi:
    """Mixin of the replication, subscription, access and capacity actions (see the module docstring)."""

    sync_timing = DEFAULT_SYNC_TIMING

    def set_sync_timing(self, document):
        timing = sync_timing_from(document)
        with self.lock:
            self.sync_timing = timing

    def settle_replication(self):
        """Applies the effects of sync tasks that finished since the last call."""
        moment = now_ms()
        for instance in self.instances.values():
            for task in instance.get("syncTasks", {}).values():
                if task["final"] is None:
                    status, layers, end = sync_state(task, moment)
                    if status not in SYNC_RUNNING:
                        self.sync_finished(task, status, layers, end)

    def sync_finished(self, task, status, layers, end):
        target = task["ImageTo"]
        if status == "SUCCESS":
            instance = self.instances.get(target["InstanceId"])
            source_instance = self.instances.get(task["ImageFrom"]["InstanceId"])
            source_repo = (source_instance or {}).get("repos", {}).get(task["sourceRepoId"])
            record = (source_repo or {}).get("tags", {}).get(task["ImageFrom"]["ImageTag"])
            repo = instance and self.find_repo(instance, target["RepoNamespaceName"], target["RepoName"])
            if instance is None or record is None:
                status, task["issue"] = "ERROR", "INTERNAL_ERROR"
            elif repo and repo["TagImmutability"] and target["ImageTag"] in repo["tags"]:
                status, task["issue"] = "ERROR", "TAG_CONFLICT"
            else:
                if target["RepoNamespaceName"] not in instance["namespaces"]:
                    instance["namespaces"][target["RepoNamespaceName"]] = self.make_namespace(
                        instance["InstanceId"], target["RepoNamespaceName"])
                if not repo:
                    source = task["ImageFrom"]
                    repo = self.make_repository(instance["InstanceId"], target["RepoNamespaceName"], target["RepoName"],
                                                f"synced from {source['InstanceId']}/{source['RepoNamespaceName']}/{source['RepoName']}")
                    instance["repos"][repo["RepoId"]] = repo
                copied = copy.deepcopy(record)
                copied.update(Tag=target["ImageTag"], ImageUpdate=end)
                repo["tags"][target["ImageTag"]] = copied
                repo["ModifiedTime"] = end
                instance["scans"].pop((repo["RepoId"], target["ImageTag"]), None)
        task["final"] = {"status": status, "layers": layers, "end": end}

    # -- sync rules --------------------------------------------------------------------------

    def target_instance(self, p, region_name="TargetRegionId", instance_name="TargetInstanceId"):
        region = p.text(region_name, required=True)
        target_id = p.text(instance_name, required=True)
        if region != self.region:
            raise self.Error(400, f"InvalidParameter.{region_name}", f"Only the region {self.region} exists here: {region!r}.")
        target = self.instances.get(target_id)
        if target is None:
            raise self.Error(404, "INSTANCE_NOT_EXIST", f"The instance {target_id} does not exist.")
        return target

    def do_CreateRepoSyncRule(self, p):
        instance = self.instance(p)
        name = p.text("SyncRuleName", required=True)
        scope = p.choice("SyncScope", ("REPO", "NAMESPACE", "INSTANCE"), required=True)
        tag_filter = self.regex("TagFilter", p.text("TagFilter", required=True))
        target = self.target_instance(p)
        namespace, repo_name = p.text("NamespaceName", default=""), p.text("RepoName", default="")
        target_namespace, target_repo = p.text("TargetNamespaceName", default=""), p.text("TargetRepoName", default="")
        if scope in ("REPO", "NAMESPACE"):
            for param, value in (("NamespaceName", namespace), ("TargetNamespaceName", target_namespace)):
                if not value:
                    raise self.Error(400, f"Missing{param}", f"{param} is mandatory for scope {scope}.")
            self.namespace(instance, namespace)
        if scope == "REPO":
            for param, value in (("RepoName", repo_name), ("TargetRepoName", target_repo)):
                if not value:
                    raise self.Error(400, f"Missing{param}", f"{param} is mandatory for scope REPO.")
            if self.find_repo(instance, namespace, repo_name) is None:
                raise self.Error(404, "REPO_NOT_EXIST", f"The repository {namespace}/{repo_name} does not exist.")
        else:
            repo_name, target_repo = "", ""
        if scope == "INSTANCE":
            namespace, target_namespace = "", ""
        stamp = now_ms()
        rule_id = "crsr-" + uuid.uuid4().hex[:16]
        instance["syncRules"][rule_id] = {
            "SyncRuleId": rule_id, "SyncRuleName": name, "SyncScope": scope,
            "SyncTrigger": p.choice("SyncTrigger", ("INITIATIVE", "PASSIVE"), default="PASSIVE"), "TagFilter": tag_filter,
            "RepoNameFilter": self.regex("RepoNameFilter", p.text("RepoNameFilter", default="")),
            "NamespaceNameFilter": self.regex("NamespaceNameFilter", p.text("NamespaceNameFilter", default="")),
            "LocalNamespaceName": namespace, "LocalRepoName": repo_name, "TargetRegionId": self.region,
            "TargetInstanceId": target["InstanceId"], "TargetNamespaceName": target_namespace, "TargetRepoName": target_repo,
            "Priority": p.integer("Priority", 3, minimum=1, maximum=5), "CreateTime": stamp, "ModifiedTime": stamp}
        return {"SyncRuleId": rule_id}

    def sync_rule_view(self, instance, rule):
        return {**rule, "SyncDirection": "FROM", "LocalRegionId": self.region,
                "LocalInstanceId": instance["InstanceId"], "CrossUser": False, "LinkId": ""}

    def do_ListRepoSyncRule(self, p):
        instance = self.instance(p)
        wanted = {"LocalNamespaceName": p.text("NamespaceName"), "LocalRepoName": p.text("RepoName"),
                  "TargetRegionId": p.text("TargetRegionId"), "TargetInstanceId": p.text("TargetInstanceId")}
        items = sorted((rule for rule in instance["syncRules"].values()
                        if all(not value or rule[key] == value for key, value in wanted.items())),
                       key=lambda rule: (rule["CreateTime"], rule["SyncRuleId"]))
        chunk, echo = self.page(p, items)
        return {"SyncRules": [self.sync_rule_view(instance, rule) for rule in chunk], **echo, "TotalCount": len(items)}

    def sync_rule(self, instance, p):
        return self.lookup(instance["syncRules"], p.text("SyncRuleId", required=True), "SYNC_RULE_NOT_EXIST", "sync rule")

    def do_DeleteRepoSyncRule(self, p):
        instance = self.instance(p)
        del instance["syncRules"][self.sync_rule(instance, p)["SyncRuleId"]]
        return {}

    # -- sync tasks --------------------------------------------------------------------------

    def start_sync(self, instance, repo, tag, target, rule_id, p, priority=3):
        task = new_sync_task(self.region, instance["InstanceId"], repo, tag, target, rule_id, self.sync_timing, now_ms(),
                             priority=p.integer("Priority", priority, minimum=1, maximum=5),
                             override=bool(p.boolean("Override", False)))
        instance["syncTasks"][task["SyncTaskId"]] = task
        return {"SyncTaskId": task["SyncTaskId"]}

    def do_CreateRepoSyncTaskByRule(self, p):
        instance, repo = self.repo_of(p)
        rule = self.sync_rule(instance, p)
        tag = p.text("Tag", required=True)
        namespace, name = repo["RepoNamespaceName"], repo["RepoName"]
        covered = {"REPO": (rule["LocalNamespaceName"], rule["LocalRepoName"]) == (namespace, name),
                   "NAMESPACE": rule["LocalNamespaceName"] == namespace
                   and re.fullmatch(rule["RepoNameFilter"] or ".*", name) is not None,
                   "INSTANCE": re.fullmatch(rule["NamespaceNameFilter"] or ".*", namespace) is not None
                   and re.fullmatch(rule["RepoNameFilter"] or ".*", name) is not None}[rule["SyncScope"]]
        if not covered:
            raise self.Error(400, "InvalidParameter.RepoId", f"The rule {rule['SyncRuleId']} does not cover {namespace}/{name}.")
        self.tag(repo, tag)
        if re.fullmatch(rule["TagFilter"], tag) is None:
            raise self.Error(400, "InvalidParameter.Tag", f"The tag {tag} does not match the rule's TagFilter.")
        target = {"InstanceId": rule["TargetInstanceId"],
                  "RepoNamespaceName": rule["TargetNamespaceName"] or namespace,
                  "RepoName": rule["TargetRepoName"] or name, "ImageTag": tag}
        return self.start_sync(instance, repo, tag, target, rule["SyncRuleId"], p, rule["Priority"])

    def do_CreateRepoSyncTask(self, p):
        instance, repo = self.repo_of(p)
        tag = p.text("Tag", required=True)
        target_instance = self.target_instance(p)
        target = {"InstanceId": target_instance["InstanceId"], "RepoNamespaceName": p.text("TargetNamespace", required=True),
                  "RepoName": p.text("TargetRepoName", required=True), "ImageTag": p.text("TargetTag", required=True)}
        self.tag(repo, tag)
        return self.start_sync(instance, repo, tag, target, "", p)

    def sync_task(self, instance, p):
        return self.lookup(instance["syncTasks"], p.text("SyncTaskId", required=True), "SYNC_TASK_NOT_EXIST", "sync task")

    def sync_task_view(self, task, full):
        status, layers, _ = sync_state(task, now_ms())
        view = {key: copy.deepcopy(task[key]) for key in ("SyncTaskId", "SyncRuleId", "SyncBatchTaskId", "TaskTrigger",
                                                         "Priority", "ImageFrom", "ImageTo")}
        view.update(TaskStatus=status, TaskIssue=(task["issue"] or "") if status == "ERROR" else "", CrossUser=False,
                    SyncTransAccelerate=False)
        if full:
            view.update(Progress=1 if status == "SUCCESS" else 0, SyncedSize=sum(layer["SyncedSize"] for layer in layers),
                        LayerTasks=layers)
        else:
            modified = task["final"]["end"] if task["final"] else task["start"]
            view.update(CustomLink=False, LinkId="", CreateTime=task["start"], ModifedTime=modified, ModifiedTime=modified)
        return view

    def do_GetRepoSyncTask(self, p):
        instance = self.instance(p)
        return self.sync_task_view(self.sync_task(instance, p), full=True)

    def do_ListRepoSyncTask(self, p):
        instance = self.instance(p)
        wanted = {"RepoNamespaceName": p.text("RepoNamespaceName"), "RepoName": p.text("RepoName"), "ImageTag": p.text("Tag")}
        batch = p.text("SyncRecordId")
        items = sorted((task for task in instance["syncTasks"].values()
                        if all(not value or task["ImageFrom"][key] == value for key, value in wanted.items())
                        and (not batch or task["SyncBatchTaskId"] == batch)),
                       key=lambda task: (-task["start"], task["SyncTaskId"]))
        chunk, echo = self.page(p, items)
        return {"SyncTasks": [self.sync_task_view(task, full=False) for task in chunk], **echo, "TotalCount": str(len(items))}

    def do_CancelRepoSyncTask(self, p):
        instance = self.instance(p)
        task = self.sync_task(instance, p)
        moment = now_ms()
        status, _, _ = sync_state(task, moment)
        if status not in SYNC_RUNNING:
            raise self.Error(400, "SYNC_TASK_FINISHED", f"The sync task {task['SyncTaskId']} has already finished: {status}.")
        task["canceledAt"] = moment
        status, layers, end = sync_state(task, moment)
        task["final"] = {"status": status, "layers": layers, "end": end}
        return {}

    # -- subscriptions -------------------------------------------------------------------------

    def subscription_fields(self, instance, p, creating):
        fields = {"SourceProvider": p.choice("SourceProvider", tuple(SOURCE_DOMAINS), required=creating),
                  "SourceNamespaceName": p.text("SourceNamespaceName", default="" if creating else None),
                  "SourceRepoName": p.text("SourceRepoName", required=creating),
                  "NamespaceName": p.text("NamespaceName", required=creating),
                  "RepoName": p.text("RepoName", required=creating),
                  "TagRegexp": p.text("TagRegexp", required=creating),
                  "TagCount": p.integer("TagCount", required=creating, minimum=1, maximum=100),
                  "Platform": self.flat_list(p, "Platform") or ([p.text("Platform")] if p.text("Platform") else None),
                  "Override": p.boolean("Override", False if creating else None),
                  "Accelerate": p.boolean("Accelerate", False if creating else None)}
        if creating and not fields["Platform"]:
            raise self.Error(400, "MissingPlatform", "Platform is mandatory for this action.")
        if any(not PLATFORM.match(item) for item in fields["Platform"] or []):
            raise self.Error(400, "InvalidParameter.Platform", f"Platforms are os/arch[/variant]: {fields['Platform']}.")
        if fields["TagRegexp"] is not None:
            self.regex("TagRegexp", fields["TagRegexp"])
        if fields["NamespaceName"] is not None:
            self.namespace(instance, fields["NamespaceName"])
        return {key: value for key, value in fields.items() if value is not None}

    def subscription_rule(self, instance, p):
        return self.lookup(instance["subscriptionRules"], p.text("RuleId", required=True), "SUBSCRIPTION_RULE_NOT_EXIST",
                           "subscription rule")

    @staticmethod
    def subscription_rule_view(instance, rule):
        return {**copy.deepcopy(rule), "InstanceId": instance["InstanceId"], "SourceDomain": SOURCE_DOMAINS[rule["SourceProvider"]]}

    def do_CreateArtifactSubscriptionRule(self, p):
        instance = self.instance(p)
        fields = self.subscription_fields(instance, p, creating=True)
        stamp = now_ms()
        rule_id = "crasr-" + uuid.uuid4().hex[:16]
        instance["subscriptionRules"][rule_id] = {"RuleId": rule_id, **fields, "CreateTime": stamp, "ModifiedTime": stamp}
        return {"RuleId": rule_id}

    def do_UpdateArtifactSubscriptionRule(self, p):
        instance = self.instance(p)
        rule = self.subscription_rule(instance, p)
        rule.update(self.subscription_fields(instance, p, creating=False), ModifiedTime=now_ms())
        return {}

    def do_DeleteArtifactSubscriptionRule(self, p):
        instance = self.instance(p)
        del instance["subscriptionRules"][self.subscription_rule(instance, p)["RuleId"]]
        return {}

    def do_GetArtifactSubscriptionRule(self, p):
        instance = self.instance(p)
        return self.subscription_rule_view(instance, self.subscription_rule(instance, p))

    def do_ListArtifactSubscriptionRule(self, p):
        instance = self.instance(p)
        items = sorted(instance["subscriptionRules"].values(), key=lambda rule: (rule["CreateTime"], rule["RuleId"]))
        chunk, echo = self.page(p, items)
        return {"Rules": [self.subscription_rule_view(instance, rule) for rule in chunk], **echo, "TotalCount": len(items)}

    def do_CreateArtifactSubscriptionTask(self, p):
        instance = self.instance(p)
        rule = self.subscription_rule(instance, p)
        task = new_subscription_task(instance["InstanceId"], rule, now_ms(), running_ms=self.sync_timing["pendingMs"])
        instance["subscriptionTasks"][task["TaskId"]] = task
        return {"TaskId": task["TaskId"]}

    def subscription_task(self, instance, p):
        return self.lookup(instance["subscriptionTasks"], p.text("TaskId", required=True), "SUBSCRIPTION_TASK_NOT_EXIST",
                           "subscription task")

    @staticmethod
    def subscription_task_view(task, string_times):
        done = now_ms() >= task["end"]
        view = {key: value for key, value in task.items() if key not in ("tags", "end")}
        view.update(TaskStatus="COMPLETED" if done else "RUNNING", TaskResult="SUCCESS" if done else "",
                    Message="" if not done else f"{len(task['tags'])} tags subscribed",
                    TagSubscriptionCount=len(task["tags"]) if done else 0)
        if done:
            view["EndTime"] = task["end"]
        if string_times:
            view.update({key: str(view[key]) for key in ("StartTime", "EndTime") if key in view})
        return view

    def do_GetArtifactSubscriptionTask(self, p):
        instance = self.instance(p)
        return self.subscription_task_view(self.subscription_task(instance, p), string_times=False)

    def do_ListArtifactSubscriptionTask(self, p):
        instance = self.instance(p)
        items = sorted(instance["subscriptionTasks"].values(), key=lambda task: (-task["StartTime"], task["TaskId"]))
        chunk, echo = self.page(p, items)
        return {"Tasks": [self.subscription_task_view(task, string_times=True) for task in chunk], **echo,
                "TotalCount": len(items)}

    def do_GetArtifactSubscriptionTaskResult(self, p):
        instance = self.instance(p)
        task = self.subscription_task(instance, p)
        tags = task["tags"] if now_ms() >= task["end"] else []
        step = (task["end"] - task["StartTime"]) // max(1, len(tags))
        results = [{"TaskId": task["TaskId"], "InstanceId": instance["InstanceId"], "NamespaceName": task["NamespaceName"],
                    "RepoName": task["RepoName"], "Tag": tag, "Status": "COMPLETED", "Result": "SUCCESS",
                    "StartTime": task["StartTime"] + index * step, "EndTime": task["StartTime"] + (index + 1) * step}
                   for index, tag in enumerate(tags)]
        chunk, echo = self.page(p, results)
        return {"TaskResults": chunk, **echo, "TotalCount": len(results)}

    # -- access --------------------------------------------------------------------------------

    def internet_endpoint(self, instance, p, required=True):
        module = p.choice("ModuleName", ("Registry", "Chart"), default="Registry")
        kind = p.text("EndpointType", required=required)
        if kind is not None and kind.lower() != "internet":
            raise self.Error(400, "InvalidParameter.EndpointType", f"EndpointType must be internet: {kind!r}.")
        if module == "Chart":
            raise self.Error(404, "ENDPOINT_NOT_EXIST", "The instance has no Chart endpoint.")
        endpoint = instance["access"]["internet"]
        pending = endpoint["pending"]
        if pending and now_ms() >= pending["until"]:
            endpoint.update(Enable=pending["Enable"], Status="RUNNING", pending=None)
        return endpoint

    def endpoint_view(self, endpoint, comments=True, summary=False):
        view = {"EndpointType": "internet", "Enable": endpoint["Enable"], "Status": endpoint["Status"]}
        if not summary:
            view["AclEnable"] = bool(endpoint["AclEntries"])
            view["AclEntries"] = [dict(entry) if comments else {"Entry": entry["Entry"]} for entry in endpoint["AclEntries"]]
        view["Domains"] = [{"Domain": self.registry_host, "Type": "SYSTEM"}]
        return view

    def do_ListInstanceEndpoint(self, p):
        instance = self.instance(p)
        module = p.choice("ModuleName", ("Registry", "Chart"), default="Registry")
        summary = p.boolean("Summary", False)
        if module == "Chart":
            return {"Endpoints": []}
        endpoint = self.internet_endpoint(instance, p, required=False)
        return {"Endpoints": [{**self.endpoint_view(endpoint, comments=False, summary=summary), "LinkedVpcs": []}]}

    def do_GetInstanceEndpoint(self, p):
        instance = self.instance(p)
        view = self.endpoint_view(self.internet_endpoint(instance, p))
        view.pop("EndpointType")
        return view

    def do_UpdateInstanceEndpointStatus(self, p):
        instance = self.instance(p)
        endpoint = self.internet_endpoint(instance, p)
        enable = p.boolean("Enable", required=True)
        target = endpoint["pending"]["Enable"] if endpoint["pending"] else endpoint["Enable"]
        if enable != target:
            endpoint.update(Status="CREATING" if enable else "DELETING",
                            pending={"until": now_ms() + TRANSITION_MS, "Enable": enable})
        return {}

    def acl_entries(self, p, with_comments):
        """[(entry, comment)] from Entry/Comment or Entries (JSON), every entry checked."""
        pairs = []
        if p.text("Entry"):
            pairs.append((p.text("Entry"), p.text("Comment", default="") if with_comments else ""))
        text = p.text("Entries")
        if text:
            try:
                document = json.loads(text)
            except ValueError:
                document = None
            if not isinstance(document, list) or not all(isinstance(item, dict) and isinstance(item.get("Entry"), str)
                                                         for item in document):
                raise self.Error(400, "InvalidParameter.Entries", 'Entries must be a JSON array like [{"Entry":"10.0.0.0/8","Comment":"…"}].')
            pairs += [(item["Entry"], str(item.get("Comment") or "")) for item in document]
        if not pairs:
            raise self.Error(400, "MissingEntry", "Entry or Entries is mandatory for this action.")
        for entry, _ in pairs:
            if acl_entry(entry) is None:
                raise self.Error(400, "InvalidParameter.Entry", f"The ACL entry must be an IPv4 address or CIDR block: {entry!r}.")
        return pairs

    def do_CreateInstanceEndpointAclPolicy(self, p):
        instance = self.instance(p)
        endpoint = self.internet_endpoint(instance, p)
        pairs = self.acl_entries(p, with_comments=True)
        present = {entry["Entry"] for entry in endpoint["AclEntries"]}
        for entry, _ in pairs:
            if entry in present:
                raise self.Error(400, "ACL_ENTRY_ALREADY_EXIST", f"The ACL entry {entry} already exists.")
            present.add(entry)
        endpoint["AclEntries"] += [{"Entry": entry, "Comment": comment} for entry, comment in pairs]
        return {}

    def do_DeleteInstanceEndpointAclPolicy(self, p):
        instance = self.instance(p)
        endpoint = self.internet_endpoint(instance, p)
        pairs = self.acl_entries(p, with_comments=False)
        present = {entry["Entry"] for entry in endpoint["AclEntries"]}
        for entry, _ in pairs:
            if entry not in present:
                raise self.Error(404, "ACL_ENTRY_NOT_EXIST", f"The ACL entry {entry} does not exist.")
        gone = {entry for entry, _ in pairs}
        endpoint["AclEntries"] = [entry for entry in endpoint["AclEntries"] if entry["Entry"] not in gone]
        return {}

    def vpc_module(self, p):
        module = p.choice("ModuleName", ("Registry", "Chart"), default="Registry")
        if module == "Chart":
            raise self.Error(404, "ENDPOINT_NOT_EXIST", "The instance has no Chart endpoint.")
        return module

    def do_GetInstanceVpcEndpoint(self, p):
        instance = self.instance(p)
        module = self.vpc_module(p)
        moment = now_ms()
        name, region = instance["InstanceName"], self.region
        return {"Enable": True, "ModuleName": module,
                "Domains": [f"{name}-registry-vpc.{region}.cr.aliyuncs.com", f"{name}-registry-intranet.{region}.cr.aliyuncs.com"],
                "LinkedVpcs": [{"VpcId": vpc["VpcId"], "VswitchId": vpc["VswitchId"], "Ip": vpc["Ip"],
                                "Status": "RUNNING" if moment >= vpc["readyAt"] else "CREATING",
                                "DefaultAccess": vpc["DefaultAccess"], "Issue": vpc["Issue"]}
                               for vpc in instance["access"]["linkedVpcs"]]}

    def do_CreateInstanceVpcEndpointLinkedVpc(self, p):
        instance = self.instance(p)
        self.vpc_module(p)
        vpc_id, vswitch_id = p.text("VpcId", required=True), p.text("VswitchId", required=True)
        for name, value, prefix in (("VpcId", vpc_id, "vpc-"), ("VswitchId", vswitch_id, "vsw-")):
            if not re.match(rf"^{prefix}[a-z0-9]+$", value):
                raise self.Error(400, f"InvalidParameter.{name}", f"{name} must look like {prefix}…: {value!r}.")
        dns = p.boolean("EnableCreateDNSRecordInPvzt", False)
        linked = instance["access"]["linkedVpcs"]
        if any(vpc["VpcId"] == vpc_id for vpc in linked):
            raise self.Error(400, "LINKED_VPC_ALREADY_EXIST", f"The VPC {vpc_id} is already linked.")
        seed = hashlib.sha256(f"{vpc_id}/{vswitch_id}".encode()).digest()
        linked.append({"VpcId": vpc_id, "VswitchId": vswitch_id, "Ip": f"172.{16 + seed[0] % 16}.{seed[1]}.{1 + seed[2] % 254}",
                       "DefaultAccess": False, "Issue": "", "readyAt": now_ms() + TRANSITION_MS, "dns": dns})
        return {}

    def do_DeleteInstanceVpcEndpointLinkedVpc(self, p):
        instance = self.instance(p)
        self.vpc_module(p)
        vpc_id, vswitch_id = p.text("VpcId", required=True), p.text("VswitchId", required=True)
        linked = instance["access"]["linkedVpcs"]
        kept = [vpc for vpc in linked if (vpc["VpcId"], vpc["VswitchId"]) != (vpc_id, vswitch_id)]
        if len(kept) == len(linked):
            raise self.Error(404, "LINKED_VPC_NOT_EXIST", f"The VPC {vpc_id} ({vswitch_id}) is not linked.")
        instance["access"]["linkedVpcs"] = kept
        return {}

    def do_ResetLoginPassword(self, p):
        instance = self.instance(p)
        password = p.text("Password", required=True)
        if not valid_password(password):
            raise self.Error(400, "InvalidParameter.Password", "The password must be 8 to 32 printable ASCII characters "
                             "with at least two of: letters, digits, special characters.")
        instance["access"]["loginPassword"] = password
        return {}

    # -- capacity ------------------------------------------------------------------------------

    def do_GetInstanceUsage(self, p):
        instance = self.instance(p)
        return {**USAGE_QUOTAS, "NamespaceUsage": str(len(instance["namespaces"])), "RepoUsage": str(len(instance["repos"])),
                "ChartNamespaceUsage": "0", "ChartRepoUsage": "0", "VpcUsage": str(len(instance["access"]["linkedVpcs"])),
                "PerformanceUnits": 1}

    def do_GetInstanceCount(self, p):
        return {"Count": len(self.instances)}


# ---------------------------------------------------------------------------------------------
# Self-test (run by acr_emulator.py --self-test)
# ---------------------------------------------------------------------------------------------

def self_test(check):
    """Model checks without HTTP; `check(name, condition, detail)` records failures."""
    repo = {"RepoId": "crr-x", "RepoNamespaceName": "ns", "RepoName": "app",
            "tags": {"v1": {"Digest": "ab" * 32, "ImageSize": 300, "layers": ["sha256:l1", "sha256:l2"], "layerSizes": [100, 200]},
                     "v1-fail-network": {"Digest": "cd" * 32, "ImageSize": 90, "layers": ["sha256:l3", "sha256:l4"]}}}
    target = {"InstanceId": "cri-t", "RepoNamespaceName": "ns", "RepoName": "app", "ImageTag": "v1"}
    timing = sync_timing_from({"pendingMs": 100, "msPerLayer": 50})
    task = new_sync_task("cn-hangzhou", "cri-s", repo, "v1", target, "", timing, 1000)
    status, layers, end = sync_state(task, 1050)
    check("sync pending", status == "PENDING" and [layer["SyncedSize"] for layer in layers] == [0, 0] and end is None, status)
    status, layers, _ = sync_state(task, 1125)
    check("sync layer half", status == "SYNCHRONIZING" and [layer["SyncedSize"] for layer in layers] == [50, 0]
          and [layer["TaskStatus"] for layer in layers] == ["SYNCHRONIZING", "PENDING"], layers)
    status, layers, end = sync_state(task, 1200)
    check("sync success", status == "SUCCESS" and end == 1200 and [layer["SyncedSize"] for layer in layers] == [100, 200], status)
    failing = new_sync_task("cn-hangzhou", "cri-s", repo, "v1-fail-network", target, "", timing, 1000)
    status, layers, _ = sync_state(failing, 5000)
    check("sync network error", status == "ERROR" and layers[-1]["TaskStatus"] == "ERROR" and layers[-1]["SyncedSize"] == 22
          and layers[0]["Size"] == 45, layers)
    task["canceledAt"] = 1175
    status, layers, _ = sync_state(task, 9000)
    check("sync canceled", status == "CANCELED" and layers[1]["TaskStatus"] == "CANCELED" and layers[1]["SyncedSize"] == 100, layers)
    for bad in ({"msPerLayer": 0}, {"pendingMs": -1}, {"other": 1}):
        try:
            sync_timing_from(bad)
            check(f"sync timing {bad}", False, "accepted")
        except ValueError:
            pass
    check("acl entries", [acl_entry(text) for text in ("10.0.0.0/8", "203.0.113.7", "10.0.0.1/24", "10.0.0.0/33", "x", "::1/128")]
          == ["10.0.0.0/8", "203.0.113.7", "10.0.0.1/24", None, None, None])
    check("passwords", [valid_password(text) for text in ("abcd1234", "abcdefgh", "12345678", "abc!defg", "a1!", "a1" * 17,
                                                          "pass word1", "пароль123")]
          == [True, False, False, True, False, False, False, False])
    rule = {"SourceProvider": "DOCKER_HUB", "SourceNamespaceName": "library", "SourceRepoName": "nginx", "NamespaceName": "ns",
            "RepoName": "nginx", "TagRegexp": r"1\.2[67]\..*", "TagCount": 3}
    sub = new_subscription_task("cri-s", rule, 1000, running_ms=10)
    check("subscription tags", sub["TagTotalCount"] == 5 and sub["tags"] == ["1.27.3", "1.27.2", "1.26.2"], sub)
    view = ReplicationApi.subscription_task_view(dict(sub, end=0), string_times=True)
    check("subscription view", view["TaskStatus"] == "COMPLETED" and view["TagSubscriptionCount"] == 3
          and view["StartTime"] == "1000" and view["EndTime"] == "0", view)

    class Holder(ReplicationApi):
        instances = {"cri-s": {"InstanceId": "cri-s", "namespaces": {"a": {}, "b": {}}, "repos": {"r1": {}, "r2": {}, "r3": {}},
                               "access": {"linkedVpcs": [{}, {}]}}}

        def instance(self, p):
            return self.instances["cri-s"]

    usage = Holder().do_GetInstanceUsage(None)
    check("usage strings", all(isinstance(value, str) and value.isdigit() for key, value in usage.items() if key != "PerformanceUnits")
          and (usage["NamespaceUsage"], usage["RepoUsage"], usage["VpcUsage"], usage["NamespaceQuota"]) == ("2", "3", "2", "15"), usage)
