"""Helpers the benchmark scripts share: starting harness services, timing commands, homes."""

import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
HARNESS = os.path.join(HERE, "..", "Tests", "Harness")

ACCEPT = ("application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, "
          "application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.docker.distribution.manifest.v2+json")
SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN"]


def start(script, *arguments):
    """Starts a harness script (harness.py, fault_server.py) and returns (process, ready state)."""
    process = subprocess.Popen([sys.executable, os.path.join(HARNESS, script), *arguments, "--parent-pid", str(os.getpid())],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    state = json.loads(process.stdout.readline())
    if "error" in state:
        sys.exit(f"{script}: {state['error']}")
    return process, state


def timed(argv, env=None, runs=5, prepare=None, outputs=None):
    """Runs argv `runs` times; returns (median seconds, samples). Exits when a run fails.
    Given a list as `outputs`, appends each run's standard output (text) to it."""
    samples = []
    for _ in range(runs):
        if prepare:
            prepare()
        started = time.perf_counter()
        result = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL if outputs is None else subprocess.PIPE, stderr=subprocess.PIPE)
        samples.append(time.perf_counter() - started)
        if result.returncode != 0:
            sys.exit(f"{' '.join(argv[:3])}… failed: {result.stderr.decode()[:500]}")
        if outputs is not None:
            outputs.append(result.stdout.decode())
    return statistics.median(samples), samples


def run(argv, env):
    """Runs argv once; returns its standard output. Exits when it fails."""
    result = subprocess.run(argv, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(argv[:4])}… failed ({result.returncode}): {(result.stderr or result.stdout)[:800]}")
    return result.stdout


def print_timings(rows):
    """Prints (label, seconds, reference seconds or None) rows as aligned milliseconds, with the
    ratio seconds / reference when there is a reference. A row whose seconds is None is a heading."""
    width = max(len(label) for label, seconds, _ in rows if seconds is not None)
    for label, seconds, reference in rows:
        if seconds is None:
            print(f"  {label}")
            continue
        ratio = f"  {seconds / reference:6.2f}x" if reference else ""
        print(f"  {label:<{width}}  {seconds * 1000:9.1f} ms{ratio}")


def print_ratios(rows):
    """Prints (label, numerator seconds, denominator seconds, note) rows as `label = 0.40x  note`."""
    width = max(len(label) for label, *_ in rows)
    for label, numerator, denominator, note in rows:
        print(f"  {label:<{width}} = {numerator / denominator:5.2f}x{'  ' + note if note else ''}")


def isolated_environment(work):
    """An environment whose home, XDG directories and Docker config live under `work`."""
    return dict(os.environ, HOME=work, XDG_CACHE_HOME=os.path.join(work, "cache"), XDG_CONFIG_HOME=os.path.join(work, "config"),
                XDG_STATE_HOME=os.path.join(work, "state"), XDG_DATA_HOME=os.path.join(work, "data"),
                DOCKER_CONFIG=os.path.join(work, "docker"))


def write_config(env, text):
    """Writes regconsole's config.toml (`text`) where the isolated environment `env` looks for it."""
    config = os.path.join(env["XDG_CONFIG_HOME"], "regconsole", "config.toml")
    os.makedirs(os.path.dirname(config), exist_ok=True)
    with open(config, "w") as handle:
        handle.write(text)
    return config


def generate_report(count, artifact="alpha:1", first=0):
    """A Trivy JSON report with `count` findings over count/5 packages; half have a fix. Findings are
    numbered from `first`, which also turns the severity rotation, so reports of one size differ."""
    vulnerabilities = []
    for index in range(first, first + count):
        package = f"lib{index // 5:04d}"
        entry = {
            "VulnerabilityID": f"CVE-2024-{10000 + index}",
            "PkgName": package,
            "InstalledVersion": f"1.{index % 7}.{index % 11}",
            "Severity": SEVERITIES[index % len(SEVERITIES)],
            "Title": f"{package}: out-of-bounds write in parser number {index}",
            "Description": "An attacker who controls the input can write past the end of a heap buffer, "
                           "leading to a crash or possibly code execution. " * 2,
            "PrimaryURL": f"https://avd.aquasec.com/nvd/cve-2024-{10000 + index}",
            "References": [f"https://nvd.nist.gov/vuln/detail/CVE-2024-{10000 + index}"],
            "CVSS": {"nvd": {"V3Vector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "V3Score": round(1 + (index % 90) / 10, 1)}},
        }
        if index % 2 == 0:
            entry["FixedVersion"] = f"1.{index % 7}.{index % 11 + 1}"
        vulnerabilities.append(entry)
    return {
        "SchemaVersion": 2, "CreatedAt": "2026-01-01T00:00:00Z", "ArtifactName": artifact, "ArtifactType": "container_image",
        "Trivy": {"Version": "0.50.1"},
        "Results": [{"Target": f"{artifact} (debian 12.5)", "Class": "os-pkgs", "Type": "debian", "Vulnerabilities": vulnerabilities}],
    }
