#!/usr/bin/env python3
"""`regconsole vulns` over a 600-repository registry against a 16-thread Python script (see scripts/bench).

The registry (docker-registry 2.8, no referrers API) holds 12 namespaces of repositories, each with
`1.0`, `1.1` and `latest` (= `1.1`); in every seventh repository `1.0` was rebuilt after `1.1` and is
the newest. A third of the repositories have a Trivy report (a few dozen findings) attached to the
newest image through the `sha256-<hex>` referrers tag. Measured, as medians of several runs:
  cold     `regconsole vulns bench --output json` with an empty cache
  warm     the same, reusing the cache a previous run left
  cached   the same with --cached (the saved overview, no request)
  script   `vulns_bench.py --script URL`: 16 threads, one keep-alive connection each, making the requests
           a cold run makes (catalog, tag lists, every tag's manifest and config, the newest digest's
           referrers tag, the report's manifest and blob) and counting severities
Every side's rows are checked against the seeded truth (newest tag, digest, counts, fixable) before
anything is timed, and the registry's access log gives each side's requests per run.
With --bench, the console's `:vulns` too: a cold visit, then a second console (same cache) painting the
saved rows, and its refresh.
Targets: cold <= 0.7x script, warm <= 0.4x script, saved rows painted <= 300 ms.
"""

import argparse
import collections
import concurrent.futures
import datetime
import hashlib
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

from bench_support import (ACCEPT, HARNESS, generate_report, isolated_environment, print_ratios, print_timings, start, timed,
                           write_config)

sys.path.insert(0, HARNESS)
import seed  # noqa: E402
from registry_client import RegistryClient  # noqa: E402

NAMESPACES = 12
REPORT_TYPES = {"application/vnd.aquasec.trivy.report+json", "application/json"}
COUNT_KEYS = ["critical", "high", "medium", "low", "negligible", "unknown"]
THREADS = 16
ACCESS_LINE = re.compile(r'"([A-Z]+) (\S+) HTTP/[\d.]+" (\d{3}) ')


# -- Seeding -------------------------------------------------------------------------------------

def repository_name(index):
    """Repository `index` of the seed: namespaces team01…team12 take turns."""
    return f"team{index % NAMESPACES + 1:02d}/service{index // NAMESPACES + 1:03d}"


def counts_of(vulnerabilities):
    """The six-severity counts (as `vulns --output json` writes them) and the fixable count."""
    counts = collections.Counter(entry["Severity"].lower() for entry in vulnerabilities)
    return {key: counts.get(key, 0) for key in COUNT_KEYS}, sum(1 for entry in vulnerabilities if entry.get("FixedVersion"))


def seed_repository(seeder, index):
    """Pushes one repository (two images, three tags, maybe a report); returns its expected row."""
    repository = repository_name(index)
    start_time = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc) + datetime.timedelta(minutes=index)
    created = [seed.iso(start_time), seed.iso(start_time + datetime.timedelta(days=30))]
    if index % 7 == 3:
        created.reverse()  # 1.0 rebuilt after 1.1
    older = seeder.image(repository, created[0], labels={"version": "1.0"}, files={"app.txt": f"{repository} 1.0\n".encode()})
    newer = seeder.image(repository, created[1], labels={"version": "1.1"}, files={"app.txt": f"{repository} 1.1\n".encode()})
    seeder.tag(repository, older, ["1.0"])
    seeder.tag(repository, newer, ["1.1", "latest"])
    # Ties on `created` go to the first name, so `1.1` is listed rather than `latest`.
    tag, image = ("1.0", older) if created[0] > created[1] else ("1.1", newer)
    row = {"repository": repository, "tag": tag, "digest": image["digest"], "counts": None, "fixable": None}
    if index % 3 == 0:
        report = generate_report(20 + index % 41, artifact=f"{repository}:{tag}", first=index)
        seeder.referrer(repository, image, seed.TRIVY_REPORT, seed.compact(report), seed.iso(start_time + datetime.timedelta(days=31)))
        row["counts"], row["fixable"] = counts_of(report["Results"][0]["Vulnerabilities"])
    return row


def seed_registry(url, repositories):
    """Seeds `repositories` repositories concurrently; returns the expected rows by repository."""
    seeder = seed.Seeder(RegistryClient(url))
    with concurrent.futures.ThreadPoolExecutor(max_workers=THREADS) as pool:
        rows = list(pool.map(lambda index: seed_repository(seeder, index), range(repositories)))
    return {row["repository"]: row for row in rows}


# -- The script ----------------------------------------------------------------------------------

class Client:
    """GETs over one keep-alive connection per thread."""

    def __init__(self, base):
        self.netloc = urllib.parse.urlparse(base).netloc
        self.local = threading.local()

    def get(self, path, accept=None, allow=(200,)):
        """Returns (status, body, headers); raises on a status outside `allow`."""
        headers = {"Accept": accept} if accept else {}
        for attempt in range(2):
            connection = getattr(self.local, "connection", None) or http.client.HTTPConnection(self.netloc, timeout=30)
            self.local.connection = connection
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                body = response.read()
                break
            except (http.client.HTTPException, OSError):
                connection.close()
                self.local.connection = None
                if attempt:
                    raise
        if response.status not in allow:
            raise RuntimeError(f"GET {path} -> {response.status}")
        return response.status, body, response.headers

    def json(self, path, accept=None):
        return json.loads(self.get(path, accept)[1])


def catalog(client):
    """Every repository name, following the catalog's Link pages."""
    names, path = [], "/v2/_catalog?n=1000"
    while path:
        _, body, headers = client.get(path)
        names += json.loads(body).get("repositories") or []
        link = re.match(r"<([^>]+)>", headers.get("Link") or "")
        path = link.group(1) if link else None
    return names


def newest_tag(client, repository):
    """(tag, digest) of the newest tag by config `created`, ties to the first name; None without tags."""
    tags = client.json(f"/v2/{repository}/tags/list?n=1000").get("tags") or []
    configs = {}
    candidates = []
    for tag in sorted(name for name in tags if not re.fullmatch(r"sha256-[0-9a-f]{64}(\..*)?", name)):
        _, body, _ = client.get(f"/v2/{repository}/manifests/{tag}", ACCEPT)
        config = json.loads(body)["config"]["digest"]
        if config not in configs:
            configs[config] = json.loads(client.get(f"/v2/{repository}/blobs/{config}")[1])["created"]
        created = datetime.datetime.fromisoformat(configs[config].replace("Z", "+00:00"))
        candidates.append((created, tag, "sha256:" + hashlib.sha256(body).hexdigest()))
    if not candidates:
        return None
    newest = max(candidates, key=lambda candidate: candidate[0])  # the first of equals: names are sorted
    return newest[1], newest[2]


def report_findings(client, repository, digest):
    """The findings of the newest report in the digest's referrers tag; None when there is none."""
    status, body, _ = client.get(f"/v2/{repository}/manifests/{digest.replace(':', '-')}",
                                 "application/vnd.oci.image.index.v1+json", allow=(200, 404))
    if status == 404:
        return None
    referrers = [entry for entry in json.loads(body).get("manifests", []) if entry.get("artifactType") in REPORT_TYPES]
    if not referrers:
        return None
    newest = max(referrers, key=lambda entry: (entry.get("annotations") or {}).get("org.opencontainers.image.created", ""))
    manifest = client.json(f"/v2/{repository}/manifests/{newest['digest']}", "application/vnd.oci.image.manifest.v1+json")
    report = client.json(f"/v2/{repository}/blobs/{manifest['layers'][0]['digest']}")
    return [entry for result in report.get("Results") or [] for entry in result.get("Vulnerabilities") or []]


def script_row(client, repository):
    row = {"repository": repository, "tag": None, "digest": None, "counts": None, "fixable": None}
    newest = newest_tag(client, repository)
    if newest:
        row["tag"], row["digest"] = newest
        findings = report_findings(client, repository, row["digest"])
        if findings is not None:
            row["counts"], row["fixable"] = counts_of(findings)
    return row


def script(base):
    """The reference: prints the rows as a JSON array, 16 repositories at a time."""
    client = Client(base)
    with concurrent.futures.ThreadPoolExecutor(max_workers=THREADS) as pool:
        rows = list(pool.map(lambda repository: script_row(client, repository), catalog(client)))
    json.dump(rows, sys.stdout)


# -- Checking and counting -----------------------------------------------------------------------

def check_rows(label, output, truth):
    """Exits unless `output` (a JSON array of rows) has exactly the expected rows."""
    rows = {row["repository"]: {key: row.get(key) for key in ("repository", "tag", "digest", "counts", "fixable")}
            for row in json.loads(output)}
    wrong = sorted(name for name in truth.keys() | rows.keys() if rows.get(name) != truth.get(name))
    if wrong:
        name = wrong[0]
        sys.exit(f"{label}: {len(wrong)} of {len(truth)} rows differ from the seed; first {name}:\n"
                 f"  got  {rows.get(name)}\n  want {truth.get(name)}")


class AccessLog:
    """Requests the registry logged, read from its access log between two points."""

    def __init__(self, path):
        self.path = path
        self.offset = self.settled_size()

    def settled_size(self):
        """The log's size once it stops growing (lines land just after the response)."""
        size = -1
        while size != os.path.getsize(self.path):
            size = os.path.getsize(self.path)
            time.sleep(0.1)
        return size

    def since_mark(self):
        """(method, kind) counts of the requests since the last call; moves the mark."""
        end = self.settled_size()
        with open(self.path, "rb") as handle:
            handle.seek(self.offset)
            text = handle.read(end - self.offset).decode(errors="replace")
        self.offset = end
        return collections.Counter((match[1], request_kind(match[2], match[3])) for match in ACCESS_LINE.finditer(text))


def request_kind(path, status):
    """What a request path asks for: catalog, tag list, manifest by tag or digest, referrers…"""
    path = path.split("?")[0]
    if path in ("/v2/", "/v2"):
        return "version check"
    if path.startswith("/v2/_catalog"):
        return "catalog"
    for pattern, kind in ((r"/tags/list$", "tag list"), (r"/referrers/", "referrers API"),
                          (r"/manifests/sha256-[0-9a-f]{64}", "referrers tag"), (r"/manifests/sha256:", "manifest by digest"),
                          (r"/manifests/", "manifest by tag"), (r"/blobs/", "blob")):
        if re.search(pattern, path):
            return f"{kind}{' (404)' if status == '404' else ''}"
    return path


def checked_run(label, argv, env, truth, log, prepare=None):
    """Runs argv once, checks its rows, and returns the requests it made."""
    outputs = []
    timed(argv, env, 1, prepare=prepare, outputs=outputs)
    check_rows(label, outputs[0], truth)
    return log.since_mark()


# -- Report --------------------------------------------------------------------------------------

def print_requests(sides):
    """Requests per run of each side, in total and by kind."""
    kinds = sorted({key for counts in sides.values() for key in counts}, key=lambda key: (key[1], key[0]))
    labels = list(sides)
    print(f"  {'requests per run':<34}" + "".join(f"{label:>14}" for label in labels))
    print(f"  {'total':<34}" + "".join(f"{sum(sides[label].values()):>14,}" for label in labels))
    for method, kind in kinds:
        print(f"  {method + ' ' + kind:<34}" + "".join(f"{sides[label].get((method, kind), 0):>14,}" for label in labels))


def measure(args, url, log_path, truth, work):
    """Checks every side, counts its requests, times it; prints the figures."""
    env = isolated_environment(work)
    write_config(env, f'[[instances]]\nname = "bench"\nkind = "distribution"\nurl = "{url}"\n')
    cache = env["XDG_CACHE_HOME"]

    def cold():
        shutil.rmtree(cache, ignore_errors=True)

    regconsole = [args.binary, "vulns", "bench", "--output", "json"]
    python = [sys.executable, os.path.abspath(__file__), "--script", url]
    log = AccessLog(log_path)
    requests = {"script": checked_run("script", python, env, truth, log)}
    requests["cold"] = checked_run("regconsole vulns (cold)", regconsole, env, truth, log, prepare=cold)
    requests["warm"] = checked_run("regconsole vulns (warm)", regconsole, env, truth, log)
    requests["--cached"] = checked_run("regconsole vulns --cached", regconsole + ["--cached"], env, truth, log)
    checked_run("regconsole vulns --all", [args.binary, "vulns", "--all", "--output", "json"], env, truth, log, prepare=cold)
    log.since_mark()

    script_seconds, _ = timed(python, env, args.runs)
    cold_seconds, _ = timed(regconsole, env, args.runs, prepare=cold)
    timed(regconsole, env, 1, prepare=cold)  # the cache the warm runs reuse
    warm_seconds, _ = timed(regconsole, env, args.runs)
    cached_seconds, _ = timed(regconsole + ["--cached"], env, args.runs)

    print_timings([("regconsole vulns (cold cache)", cold_seconds, script_seconds),
                   ("regconsole vulns (warm cache)", warm_seconds, script_seconds),
                   ("regconsole vulns --cached", cached_seconds, script_seconds),
                   (f"python script ({THREADS} threads, same requests)", script_seconds, None)])
    print()
    print_ratios([("cold / script", cold_seconds, script_seconds, "(target <= 0.7)"),
                  ("warm / script", warm_seconds, script_seconds, "(target <= 0.4)"),
                  ("--cached / script", cached_seconds, script_seconds, "")])
    print()
    print_requests(requests)
    if args.bench:
        print()
        console(args.bench, url)


def console(bench, url):
    """`:vulns` in the headless console: a cold visit, then a second console painting the saved rows."""
    result = json.loads(subprocess.run([bench, "vulns", "--registry", url[len("http://"):]], check=True,
                                       capture_output=True, text=True).stdout)
    print(f"console :vulns ({result['snapshotRowsShown']} saved rows on a 160x48 screen)")
    print(f"  cold visit, every repository read       {result['coldMilliseconds']:9.1f} ms")
    print(f"  next launch: saved rows painted          {result['snapshotFirstRowsMilliseconds']:9.1f} ms   target <= 300")
    print(f"  next launch: refresh complete            {result['warmRefreshMilliseconds']:9.1f} ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", help="the regconsole executable")
    parser.add_argument("--bench", help="the console-bench executable: also time :vulns in the console")
    parser.add_argument("--repositories", type=int, default=600)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--script", metavar="URL", help="run the reference script against URL and print its rows")
    args = parser.parse_args()
    if args.script:
        return script(args.script)
    if not args.binary:
        parser.error("--binary is required")

    work = tempfile.mkdtemp(prefix="regconsole-vulns-bench-")
    harness, state = start("harness.py", "serve", "--no-seed", "--access-log")
    try:
        url = state["anonymous"]["url"]
        started = time.perf_counter()
        truth = seed_registry(url, args.repositories)
        reports = sum(1 for row in truth.values() if row["counts"] is not None)
        print(f"registry: docker-registry 2.8 at {url[len('http://'):]}; {len(truth)} repositories in {NAMESPACES} namespaces, "
              f"3 tags each, {reports} with a Trivy report (seeded in {time.perf_counter() - started:.1f} s); "
              f"median of {args.runs} runs\n")
        measure(args, url, state["anonymous"]["log"], truth, work)
    finally:
        harness.terminate()
        harness.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
