#!/usr/bin/env python3
"""regconsole's ACR provider vs Alibaba's official Python SDK vs direct registry access (see scripts/bench).

Starts the harness registries (bulk/many with 1,500 tags) and the ACR OpenAPI emulator
(Tests/Harness/acr_emulator.py) over the Basic-auth one, then measures whole process runs:
  tags        `regconsole tags acr.emulator-main/bulk/many` (15 signed ListRepoTag pages of 100)
              | a Python process using alibabacloud_cr20181201 for the same lookups and 15 pages
                (also its in-process time, from building the client to the last page decoded)
              | `regconsole tags local/bulk/many` (the registry's own tag list) | skopeo list-tags
  instances   `regconsole instances --output json` (ListInstance + one GetInstance per ACR instance,
              plus the ping of the `local` registry) | the SDK making the same ACR calls
  scan show   `regconsole scan show acr.emulator-main/ns/web:v2 --output json` after one
              `scan start --wait` | the SDK: lookups + GetRepoTagScanStatus + ListRepoTagScanResult
  build log   `regconsole builds log acr.emulator-main/bulk/many RECORD` over a finished build of
              2,000 log lines (offset reads of 100 lines) | the SDK: lookups + the same offset loop
              (ListRepoBuildRecordLog from the highest line seen) + GetRepoBuildRecordStatus
  personal    `regconsole tags acr-personal/bulk/many` (Personal Edition: 15 ROA GetRepoTags pages
              of 100) | a Python process using alibabacloud_cr20160607 (call_api, legacy signature)
              for the same 15 pages
The SDK processes resolve the instance (ListInstance) and the repository (GetRepository) by name
as regconsole does, so both sides start from the same names. Every result is checked against the
other side before anything is timed. Figures are medians; ratios compare medians. The emulator is
single-process Python, so its per-request cost is part of every ACR figure, on both sides alike.
Needs .venv-acr (scripts/install-deps creates it).
"""

import argparse
import collections
import json
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.request

from bench_support import HERE, isolated_environment, print_ratios, print_timings, run, start, timed, write_config

ROOT = os.path.normpath(os.path.join(HERE, ".."))
INSTANCE = "emulator-main"
REPOSITORY = "bulk/many"
SCANNED = "ns/web:v2"

# Runs in .venv-acr: argv = endpoint key-id key-secret {tags|scan|log|instances} [instance namespace repo [tag|record]].
# Prints one JSON line {"seconds": in-process seconds, "items": [...]}.
SDK_SCRIPT = r'''
import json, sys, time
from alibabacloud_cr20181201 import models as cr
from alibabacloud_cr20181201.client import Client
from alibabacloud_tea_openapi.models import Config
from darabonba.runtime import RuntimeOptions

endpoint, key_id, secret, what = sys.argv[1:5]
started = time.perf_counter()
client = Client(Config(access_key_id=key_id, access_key_secret=secret, endpoint=endpoint, protocol="http",
                       region_id="cn-hangzhou"))
runtime = RuntimeOptions()
listed = client.list_instance(cr.ListInstanceRequest(page_no=1, page_size=100)).body.instances
items = []
if what == "instances":
    for entry in listed:
        body = client.get_instance(cr.GetInstanceRequest(instance_id=entry.instance_id)).body
        items.append(body.instance_name)
else:
    name, namespace, repo = sys.argv[5:8]
    instance = next(entry.instance_id for entry in listed if entry.instance_name == name)
    repo_id = client.get_repository(cr.GetRepositoryRequest(instance_id=instance, repo_namespace_name=namespace,
                                                            repo_name=repo)).body.repo_id
    page = 1
    if what == "tags":
        while True:
            body = client.list_repo_tag_with_options(cr.ListRepoTagRequest(instance_id=instance, repo_id=repo_id,
                                                                           page_no=page, page_size=100), runtime).body
            items += [image.tag for image in body.images]
            if not body.images or page * 100 >= int(body.total_count):
                break
            page += 1
    elif what == "log":
        record, highest = sys.argv[8], 0
        while True:
            body = client.list_repo_build_record_log(cr.ListRepoBuildRecordLogRequest(
                instance_id=instance, repo_id=repo_id, build_record_id=record, offset=highest)).body
            fresh = [line for line in body.build_record_logs or [] if line.line_number > highest]
            if not fresh:
                break
            items += [line.message for line in fresh]
            highest = max(line.line_number for line in fresh)
        status = client.get_repo_build_record_status(cr.GetRepoBuildRecordStatusRequest(
            instance_id=instance, repo_id=repo_id, build_record_id=record)).body.build_status
        if status != "SUCCESS":
            sys.exit(f"build status {status}")
    else:
        tag = sys.argv[8]
        status = client.get_repo_tag_scan_status(cr.GetRepoTagScanStatusRequest(instance_id=instance, repo_id=repo_id,
                                                                                 tag=tag)).body.status
        if status != "COMPLETE":
            sys.exit(f"scan status {status}")
        while True:
            body = client.list_repo_tag_scan_result(cr.ListRepoTagScanResultRequest(
                instance_id=instance, repo_id=repo_id, tag=tag, page_no=page, page_size=100)).body
            items += [entry.cve_name for entry in body.vulnerabilities or []]
            if not body.vulnerabilities or page * 100 >= body.total_count:
                break
            page += 1
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "items": items}))
'''

# Runs in .venv-acr: argv = endpoint key-id key-secret namespace repo. Lists every tag of the
# repository through Personal Edition's API and prints {"seconds", "items"} like SDK_SCRIPT.
PERSONAL_SDK_SCRIPT = r'''
import json, sys, time
from alibabacloud_cr20160607.client import Client
from alibabacloud_tea_openapi.models import Config, OpenApiRequest, Params
from darabonba.runtime import RuntimeOptions

endpoint, key_id, secret, namespace, repo = sys.argv[1:6]
started = time.perf_counter()
client = Client(Config(access_key_id=key_id, access_key_secret=secret, endpoint=endpoint, protocol="http",
                       region_id="cn-hangzhou", signature_algorithm="v2"))
params = Params(action="GetRepoTags", version="2016-06-07", protocol="HTTP", pathname=f"/repos/{namespace}/{repo}/tags",
                method="GET", auth_type="AK", style="ROA", req_body_type="json", body_type="json")
items, page = [], 1
while True:
    data = client.call_api(params, OpenApiRequest(query={"Page": str(page), "PageSize": "100"}), RuntimeOptions())["body"]["data"]
    items += [entry["tag"] for entry in data["tags"]]
    if not data["tags"] or page * 100 >= int(data["total"]):
        break
    page += 1
print(json.dumps({"seconds": time.perf_counter() - started, "items": items}))
'''



def control(emulator, document=None, path="/__control__"):
    """The emulator's unsigned control endpoint."""
    data = json.dumps(document).encode() if document is not None else None
    request = urllib.request.Request(emulator + path, data=data, method="POST" if data else "GET",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def checked_run(argv, env, emulator):
    """Runs argv once with an empty request log; returns (stdout, Counter of the OpenAPI actions it called)."""
    control(emulator, {"clearRequests": True})
    output = run(argv, env)
    log = control(emulator, path="/__control__/requests")
    failed = [entry for entry in log if entry.get("status") != 200]
    if failed:
        sys.exit(f"{' '.join(argv[:4])}… got OpenAPI errors: {failed[:5]}")
    return output, collections.Counter(entry["action"] for entry in log)


def calls(counter):
    """`ListInstance, GetRepository, 15 ListRepoTag`."""
    return ", ".join(action if count == 1 else f"{count} {action}" for action, count in counter.items())


def compared_calls(regconsole, sdk):
    """The OpenAPI calls of both sides, saying which side made which extra ones."""
    text = calls(sdk)
    if regconsole - sdk:
        text += f"; regconsole also {calls(regconsole - sdk)}"
    if sdk - regconsole:
        text += f"; the SDK also {calls(sdk - regconsole)}"
    return text


def expect(condition, message):
    if not condition:
        sys.exit(f"acr benchmark: {message}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--python", default=os.path.join(ROOT, ".venv-acr", "bin", "python"),
                        help="a Python with alibabacloud-cr20181201 (default: .venv-acr in the package root)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not shutil.which(args.python) or subprocess.run([args.python, "-c", "import alibabacloud_cr20181201"],
                                                             capture_output=True).returncode != 0:
        sys.exit(f"acr benchmark: Alibaba's Python SDK is not importable with {args.python}; "
                 "run scripts/install-deps (it creates .venv-acr with alibabacloud-cr20181201)")

    work = tempfile.mkdtemp(prefix="regconsole-acr-bench-")
    harness, state = start("harness.py", "serve")
    anonymous = state["anonymous"]["url"]
    host = anonymous[len("http://"):]
    basic = state["basic"]
    seeded = sorted(state["seed"]["repositories"][REPOSITORY])
    key_id, key_secret = "LTAI" + secrets.token_hex(10), secrets.token_urlsafe(24)
    acr, ready = start("acr_emulator.py", "--access-key-id", key_id, "--access-key-secret", key_secret, "--region", "cn-hangzhou",
                       "--registry", basic["url"], "--registry-username", basic["username"], "--registry-password", basic["password"])
    emulator, endpoint = ready["url"], ready["endpoint"]

    env = {name: value for name, value in isolated_environment(work).items()
           if not name.startswith("ALIBABA_CLOUD_") and name != "REGCONSOLE_CONFIG"}
    env.update(ALIBABA_CLOUD_ACCESS_KEY_ID=key_id, ALIBABA_CLOUD_ACCESS_KEY_SECRET=key_secret)
    write_config(env, f'[[instances]]\nname = "acr"\nkind = "acr"\nregion = "cn-hangzhou"\nendpoint = "{emulator}"\n\n'
                      f'[[instances]]\nname = "local"\nkind = "distribution"\nurl = "{anonymous}"\n')

    namespace, repo = REPOSITORY.split("/", 1)
    scanned_repository, scanned_tag = SCANNED.split(":")
    scan_namespace, scan_repo = scanned_repository.split("/", 1)
    sdk = [args.python, "-c", SDK_SCRIPT, endpoint, key_id, key_secret]
    sdk_tags = sdk + ["tags", INSTANCE, namespace, repo]
    sdk_scan = sdk + ["scan", INSTANCE, scan_namespace, scan_repo, scanned_tag]
    sdk_instances = sdk + ["instances"]
    acr_tags = [args.binary, "tags", f"acr.{INSTANCE}/{REPOSITORY}"]
    local_tags = [args.binary, "tags", f"local/{REPOSITORY}"]
    instances = [args.binary, "instances", "--output", "json"]
    show = [args.binary, "scan", "show", f"acr.{INSTANCE}/{SCANNED}", "--output", "json"]
    personal_config = os.path.join(work, "personal.toml")
    with open(personal_config, "w") as file:
        file.write(f'[[instances]]\nname = "acr-personal"\nkind = "acr"\nedition = "personal"\nregion = "cn-hangzhou"\n'
                   f'endpoint = "{emulator}"\n')
    personal_tags = [args.binary, "tags", f"acr-personal/{REPOSITORY}", "--config", personal_config]
    sdk_personal = [args.python, "-c", PERSONAL_SDK_SCRIPT, endpoint, key_id, key_secret, namespace, repo]
    skopeo = shutil.which("skopeo")
    skopeo_tags = [skopeo, "list-tags", "--tls-verify=false", f"docker://{host}/{REPOSITORY}"] if skopeo else None

    # Correctness first: every side must see the same data.
    output, tag_calls = checked_run(acr_tags[:3] + ["--output", "json"], env, emulator)
    acr_listed = [entry["name"] for entry in json.loads(output)]
    expect(len(acr_listed) == len(seeded) == 1500, f"regconsole listed {len(acr_listed)} tags through ACR, the seed has {len(seeded)} (want 1500)")
    expect(sorted(acr_listed) == seeded, "regconsole's ACR tag list differs from the seeded tags")
    expect(tag_calls["ListRepoTag"] == 15, f"regconsole made {calls(tag_calls)}, not 15 ListRepoTag pages")
    output, sdk_tag_calls = checked_run(sdk_tags, env, emulator)
    sdk_listed = json.loads(output)["items"]
    expect(len(sdk_listed) == len(acr_listed) and sorted(sdk_listed) == seeded,
           f"the SDK listed {len(sdk_listed)} tags, regconsole {len(acr_listed)}")
    expect(sdk_tag_calls["ListRepoTag"] == 15, f"the SDK made {calls(sdk_tag_calls)}, not 15 ListRepoTag pages")
    local_listed = [entry["name"] for entry in json.loads(run(local_tags[:3] + ["--output", "json"], env))]
    expect(sorted(local_listed) == seeded, f"regconsole listed {len(local_listed)} tags from the registry, want {len(seeded)}")
    if skopeo_tags:
        skopeo_listed = json.loads(run(skopeo_tags, env))["Tags"]
        expect(sorted(skopeo_listed) == seeded, f"skopeo listed {len(skopeo_listed)} tags, want {len(seeded)}")

    output, personal_calls = checked_run(personal_tags + ["--output", "json"], env, emulator)
    personal_listed = sorted(entry["name"] for entry in json.loads(output))
    expect(personal_listed == seeded, f"regconsole listed {len(personal_listed)} tags through Personal Edition, want {len(seeded)}")
    expect(personal_calls["GetRepoTags"] == 15, f"regconsole made {calls(personal_calls)}, not 15 GetRepoTags pages")
    output, sdk_personal_calls = checked_run(sdk_personal, env, emulator)
    expect(sorted(json.loads(output)["items"]) == seeded, "the Personal Edition SDK listed other tags")
    expect(sdk_personal_calls["GetRepoTags"] == 15, f"the SDK made {calls(sdk_personal_calls)}, not 15 GetRepoTags pages")

    output, instance_calls = checked_run(instances, env, emulator)
    listed_instances = {entry["name"] for entry in json.loads(output) if entry["kind"] == "acr"}
    expect(all(entry["status"] == "ok" for entry in json.loads(output)), f"an instance is not ok: {output[:800]}")
    output, sdk_instance_calls = checked_run(sdk_instances, env, emulator)
    sdk_instance_names = {f"acr.{name}" for name in json.loads(output)["items"]}
    expect(listed_instances == sdk_instance_names == {f"acr.{entry['name']}" for entry in ready["instances"]},
           f"regconsole lists {sorted(listed_instances)}, the SDK {sorted(sdk_instance_names)}")
    expect(instance_calls == sdk_instance_calls, f"regconsole made {calls(instance_calls)}, the SDK {calls(sdk_instance_calls)}")

    started = run([args.binary, "scan", "start", f"acr.{INSTANCE}/{SCANNED}", "--wait", "--poll-interval", "0.1"], env)
    output, show_calls = checked_run(show, env, emulator)
    findings = sorted(entry["id"] for entry in json.loads(output))
    output, sdk_scan_calls = checked_run(sdk_scan, env, emulator)
    sdk_findings = sorted(json.loads(output)["items"])
    expect(findings and findings == sdk_findings, f"scan show found {findings}, the SDK {sdk_findings}")
    expect(f"({len(findings)} total)" in started, f"scan start reported {started.strip()!r} but show found {len(findings)}")

    # Timings.
    runs = args.runs
    sdk_outputs, sdk_scan_outputs, sdk_instance_outputs = [], [], []
    acr_tags_time, _ = timed(acr_tags, env, runs)
    sdk_tags_time, _ = timed(sdk_tags, env, runs, outputs=sdk_outputs)
    local_tags_time, _ = timed(local_tags, env, runs)
    skopeo_time = timed(skopeo_tags, env, runs)[0] if skopeo_tags else None
    instances_time, _ = timed(instances, env, runs)
    sdk_instances_time, _ = timed(sdk_instances, env, runs, outputs=sdk_instance_outputs)
    show_time, _ = timed(show, env, runs)
    sdk_scan_time, _ = timed(sdk_scan, env, runs, outputs=sdk_scan_outputs)

    def in_process(outputs):
        return statistics.median(json.loads(text)["seconds"] for text in outputs)

    sdk_tags_inner, sdk_instances_inner, sdk_scan_inner = in_process(sdk_outputs), in_process(sdk_instance_outputs), in_process(sdk_scan_outputs)

    # A finished build of 2,000 log lines on the seeded rule (it adds a tag, so after the tag timings).
    log_lines = 2000
    control(emulator, {"buildTiming": {"pendingMs": 0, "lineIntervalMs": 1, "lines": log_lines}})
    rules = json.loads(run([args.binary, "builds", "rules", f"acr.{INSTANCE}/{REPOSITORY}", "--output", "json"], env))
    expect(rules, f"the emulator seeded no build rule on {REPOSITORY}")
    run([args.binary, "builds", "run", f"acr.{INSTANCE}/{REPOSITORY}", "--rule", rules[0]["id"], "--wait"], env)
    record = json.loads(run([args.binary, "builds", "list", f"acr.{INSTANCE}/{REPOSITORY}", "--output", "json"], env))[0]
    expect(record["status"] == "SUCCESS", f"the build ended {record['status']}")
    log = [args.binary, "builds", "log", f"acr.{INSTANCE}/{REPOSITORY}", record["id"]]
    sdk_log = sdk + ["log", INSTANCE, namespace, repo, record["id"]]
    output, log_calls = checked_run(log, env, emulator)
    printed = output.splitlines()
    output, sdk_log_calls = checked_run(sdk_log, env, emulator)
    sdk_printed = json.loads(output)["items"]
    expect(len(printed) == len(sdk_printed) == log_lines, f"builds log printed {len(printed)} lines, the SDK read {len(sdk_printed)}, want {log_lines}")
    expect(all(line.endswith(message) for line, message in zip(printed, sdk_printed)), "builds log and the SDK read different lines")
    sdk_log_outputs = []
    log_time, _ = timed(log, env, runs)
    sdk_log_time, _ = timed(sdk_log, env, runs, outputs=sdk_log_outputs)
    sdk_log_inner = in_process(sdk_log_outputs)
    personal_time, _ = timed(personal_tags, env, runs)
    sdk_personal_outputs = []
    sdk_personal_time, _ = timed(sdk_personal, env, runs, outputs=sdk_personal_outputs)
    sdk_personal_inner = in_process(sdk_personal_outputs)
    sdk_version = run([args.python, "-c", "import importlib.metadata as m; print(m.version('alibabacloud-cr20181201'))"], env).strip()

    acr.terminate()
    harness.terminate()
    acr.wait()
    harness.wait()
    shutil.rmtree(work, ignore_errors=True)

    print(f"ACR OpenAPI emulator over docker-registry 2.8 (Basic auth); {REPOSITORY} with {len(seeded):,} tags "
          f"(seeded in {state['seedSeconds']} s)")
    print(f"Alibaba's Python SDK alibabacloud-cr20181201 {sdk_version}; median of {runs} runs; ratio = row / its group's regconsole row\n")
    rows = [
        (f"tags {REPOSITORY} through ACR ({compared_calls(tag_calls, sdk_tag_calls)})", None, None),
        (f"  regconsole tags acr.{INSTANCE}/{REPOSITORY}", acr_tags_time, acr_tags_time),
        ("  SDK, whole python process", sdk_tags_time, acr_tags_time),
        ("  SDK, in process (client to last page)", sdk_tags_inner, acr_tags_time),
        (f"tags {REPOSITORY} from the registry itself", None, None),
        (f"  regconsole tags local/{REPOSITORY}", local_tags_time, local_tags_time),
    ]
    if skopeo_time is not None:
        rows.append(("  skopeo list-tags", skopeo_time, local_tags_time))
    rows += [
        (f"instances ({compared_calls(instance_calls, sdk_instance_calls)})", None, None),
        ("  regconsole instances --output json", instances_time, instances_time),
        ("  SDK, whole python process", sdk_instances_time, instances_time),
        ("  SDK, in process", sdk_instances_inner, instances_time),
        (f"scan show {SCANNED}, {len(findings)} findings ({compared_calls(show_calls, sdk_scan_calls)})", None, None),
        (f"  regconsole scan show acr.{INSTANCE}/{SCANNED} --output json", show_time, show_time),
        ("  SDK, whole python process", sdk_scan_time, show_time),
        ("  SDK, in process", sdk_scan_inner, show_time),
        (f"build log, {log_lines:,} lines ({compared_calls(log_calls, sdk_log_calls)})", None, None),
        (f"  regconsole builds log acr.{INSTANCE}/{REPOSITORY} RECORD", log_time, log_time),
        ("  SDK, whole python process", sdk_log_time, log_time),
        ("  SDK, in process", sdk_log_inner, log_time),
        (f"tags {REPOSITORY} through Personal Edition ({compared_calls(personal_calls, sdk_personal_calls)})", None, None),
        (f"  regconsole tags acr-personal/{REPOSITORY}", personal_time, personal_time),
        ("  SDK (cr20160607), whole python process", sdk_personal_time, personal_time),
        ("  SDK (cr20160607), in process", sdk_personal_inner, personal_time),
    ]
    print_timings(rows)
    print()
    ratios = [
        ("tags: regconsole/SDK", acr_tags_time, sdk_tags_time, "whole processes"),
        ("tags: regconsole/SDK in process", acr_tags_time, sdk_tags_inner, "regconsole's process vs the SDK's calls alone"),
        ("tags: regconsole via ACR/regconsole via registry", acr_tags_time, local_tags_time, ""),
    ]
    if skopeo_time is not None:
        ratios.append(("tags: regconsole via registry/skopeo", local_tags_time, skopeo_time, ""))
    ratios += [
        ("instances: regconsole/SDK", instances_time, sdk_instances_time, "whole processes"),
        ("scan show: regconsole/SDK", show_time, sdk_scan_time, "whole processes"),
        ("build log: regconsole/SDK", log_time, sdk_log_time, "whole processes"),
        ("personal tags: regconsole/SDK", personal_time, sdk_personal_time, "whole processes"),
        ("personal tags: regconsole/SDK in process", personal_time, sdk_personal_inner, ""),
    ]
    print_ratios(ratios)


if __name__ == "__main__":
    main()
