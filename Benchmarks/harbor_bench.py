#!/usr/bin/env python3
"""regconsole's Harbor provider vs the harbor-api-client package vs raw curl and skopeo (see scripts/bench).

Starts the harness registries (bulk/many with 1,500 tags) and the Harbor API emulator
(Tests/Harness/harbor_emulator.py) over the Basic-auth one, then measures whole process runs:
  tags --long  `regconsole tags harbor/bulk/many --long --output json` (artifact pages of 100 with
               their tags, sizes, push/pull times and scan overviews: no manifest read)
               | a Python process using harbor_client (ArtifactApi.list_artifacts, the same pages and
                 query) | one curl process fetching the same pages | skopeo list-tags on the registry
                 itself (names only)
  projects     `regconsole namespaces harbor --output json` (projects and one summary each)
               | harbor_client (ProjectApi.list_projects + get_project_summary)
Every result is checked against the other side before anything is timed. Figures are medians;
ratios compare medians. The emulator is single-process Python, so its per-request cost is part of
every Harbor figure, on both sides alike. Needs .venv-acr (scripts/install-deps creates it).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

from bench_support import HERE, isolated_environment, print_ratios, print_timings, run, start, timed, write_config

ROOT = os.path.normpath(os.path.join(HERE, ".."))
PROJECT, REPOSITORY = "bulk", "many"

# Runs in .venv-acr: argv = api-base user password {tags|projects} [project repository].
# Prints one JSON line {"items": [...]}.
CLIENT_SCRIPT = r'''
import json, sys
import harbor_client

base, user, password, what = sys.argv[1:5]
configuration = harbor_client.Configuration()
configuration.host, configuration.username, configuration.password = base, user, password
client = harbor_client.ApiClient(configuration)
items = []
if what == "tags":
    project, repository = sys.argv[5:7]
    api, page = harbor_client.ArtifactApi(client), 1
    while True:
        artifacts = api.list_artifacts(project, repository.replace("/", "%2F"), page=page, page_size=100,
                                       with_tag=True, with_scan_overview=True, with_accessory=True,
                                       with_immutable_status=True)
        items += [tag.name for artifact in artifacts for tag in (artifact.tags or [])]
        if len(artifacts) < 100:
            break
        page += 1
else:
    api, page = harbor_client.ProjectApi(client), 1
    while True:
        projects = api.list_projects(page=page, page_size=100)
        for project in projects:
            api.get_project_summary(project.name, x_is_resource_name=True)
            items.append(project.name)
        if len(projects) < 100:
            break
        page += 1
print(json.dumps({"items": items}))
'''

# Runs with the system Python: argv = api-base user password project repository pages. One curl
# process fetches every artifact page (`curl URL1 URL2 …` reuses its connection).
CURL_SCRIPT = r'''
import subprocess, sys
base, user, password, project, repository, pages = sys.argv[1:7]
query = "page_size=100&with_tag=true&with_scan_overview=true&with_accessory=true&with_immutable_status=true"
name = repository.replace("/", "%252F")
urls = [f"{base}/projects/{project}/repositories/{name}/artifacts?page={page}&{query}" for page in range(1, int(pages) + 1)]
subprocess.run(["curl", "-sf", "-u", f"{user}:{password}"] + urls, check=True, stdout=subprocess.DEVNULL)
'''



def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--python", default=os.path.join(ROOT, ".venv-acr", "bin", "python"))
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not shutil.which(args.python) or subprocess.run([args.python, "-c", "import harbor_client"],
                                                       capture_output=True).returncode != 0:
        sys.exit(f"{args.python} cannot import harbor_client: run scripts/install-deps")

    work = tempfile.mkdtemp(prefix="regconsole-harbor-bench-")
    harness, state = start("harness.py", "serve")
    basic = state["basic"]
    password = "bench-" + os.urandom(6).hex()
    emulator, ready = start("harbor_emulator.py", "--registry", basic["url"], "--registry-username", basic["username"],
                            "--registry-password", basic["password"], "--admin", f"admin:{password}")
    try:
        env = isolated_environment(work)
        env["HARBOR_PASSWORD"] = password
        write_config(env, f'[[instances]]\nname = "harbor"\nkind = "harbor"\nurl = "{ready["url"]}"\n'
                          f'username = "admin"\npassword_env = "HARBOR_PASSWORD"\n')
        ours = [args.binary, "tags", f"harbor/{PROJECT}/{REPOSITORY}", "--long", "--output", "json"]
        client = [args.python, "-c", CLIENT_SCRIPT, ready["base"], "admin", password]
        expected = sorted(row["name"] for row in json.loads(run(ours, env)))
        listed = sorted(json.loads(run(client + ["tags", PROJECT, REPOSITORY], env))["items"])
        if expected != listed or len(expected) < 1000:
            sys.exit(f"the tag lists differ or are short: {len(expected)} vs {len(listed)}")
        artifacts = int(subprocess.run(
            ["curl", "-sf", "-o", "/dev/null", "-D", "-", "-u", f"admin:{password}",
             f"{ready['base']}/projects/{PROJECT}/repositories/{REPOSITORY}/artifacts?page_size=1"],
            capture_output=True, text=True).stdout.lower().split("x-total-count:")[1].split()[0])
        pages = max(1, -(-artifacts // 100))
        curl = [sys.executable, "-c", CURL_SCRIPT, ready["base"], "admin", password, PROJECT, REPOSITORY, str(pages)]
        skopeo = ["skopeo", "list-tags", "--tls-verify=false", "--creds", f"{basic['username']}:{basic['password']}",
                  f"docker://{basic['url'][len('http://'):]}/{PROJECT}/{REPOSITORY}"]
        namespaces_ours = [args.binary, "namespaces", "harbor", "--output", "json"]
        projects = sorted(row["name"] for row in json.loads(run(namespaces_ours, env)))
        if projects != sorted(json.loads(run(client + ["projects"], env))["items"]):
            sys.exit("the project lists differ")

        results = {}
        for label, argv in (("regconsole tags --long", ours), ("harbor-api-client", client + ["tags", PROJECT, REPOSITORY]),
                            ("curl (same pages)", curl), ("skopeo list-tags", skopeo),
                            ("regconsole namespaces", namespaces_ours), ("harbor-api-client projects", client + ["projects"])):
            results[label] = timed(argv, env=env, runs=args.runs)[0]
        print(f"Harbor ({ready['url']} emulator): {PROJECT}/{REPOSITORY}, {len(expected):,} tags on {artifacts:,} artifacts"
              f" ({pages} pages); {len(projects)} projects; median of {args.runs}")
        print_timings([
            ("tags with details", None, None),
            ("regconsole tags --long", results["regconsole tags --long"], None),
            ("harbor-api-client", results["harbor-api-client"], results["regconsole tags --long"]),
            ("curl (same pages)", results["curl (same pages)"], results["regconsole tags --long"]),
            ("skopeo list-tags", results["skopeo list-tags"], results["regconsole tags --long"]),
            ("projects", None, None),
            ("regconsole namespaces", results["regconsole namespaces"], None),
            ("harbor-api-client projects", results["harbor-api-client projects"], results["regconsole namespaces"]),
        ])
        print_ratios([
            ("tags: regconsole / harbor-api-client", results["regconsole tags --long"], results["harbor-api-client"], ""),
            ("tags: regconsole / curl", results["regconsole tags --long"], results["curl (same pages)"], ""),
            ("tags: regconsole / skopeo", results["regconsole tags --long"], results["skopeo list-tags"],
             "skopeo lists names only, from the registry"),
            ("projects: regconsole / harbor-api-client", results["regconsole namespaces"],
             results["harbor-api-client projects"], ""),
        ])
    finally:
        emulator.terminate()
        harness.terminate()
        emulator.wait()
        harness.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
