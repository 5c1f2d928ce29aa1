#!/usr/bin/env python3
"""A 10,000-finding Trivy report on a local registry (see scripts/bench).

The report is generated, attached to `alpha:1` with `regconsole scan attach`, then:
  parse            ScanReportParser on the file, in process (console-bench scan)
  open findings    `v` on the tag → findings pane drawn: discovery, download, parse, triage, frame
  redraw, filter   the findings pane at 160×48, and one filter keystroke of `sev>=high fixable:y pkg:lib`
  scan show        `regconsole scan show` end to end | curl fetching the same three documents
                   (fallback index, artifact manifest, report blob) + Python json.loads | skopeo copy
                   of the report artifact to a directory
Target: parse <= 150 ms. Figures are medians; ratios compare medians.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request

from bench_support import generate_report, isolated_environment, start, timed


def curl_then_decode(base, repository, subject, work):
    """A shell script: the three GETs regconsole needs, then json.loads of the report."""
    fallback = subject.replace(":", "-")
    script = os.path.join(work, "curl-report.sh")
    accept = "application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json"
    with open(script, "w") as handle:
        handle.write(f"""set -e
index=$(curl -sf -H 'Accept: {accept}' {base}/v2/{repository}/manifests/{fallback})
artifact=$(printf '%s' "$index" | python3 -c 'import json,sys; print(json.load(sys.stdin)["manifests"][-1]["digest"])')
blob=$(curl -sf -H 'Accept: {accept}' {base}/v2/{repository}/manifests/$artifact | python3 -c 'import json,sys; print(json.load(sys.stdin)["layers"][0]["digest"])')
curl -sf {base}/v2/{repository}/blobs/$blob | python3 -c 'import json,sys; json.load(sys.stdin)'
""")
    return ["bash", script]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--bench", required=True, help="the console-bench executable")
    parser.add_argument("--findings", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="regconsole-scan-bench-")
    env = isolated_environment(work)

    harness, state = start("harness.py", "serve", "--bulk-tags", "20")
    base = state["anonymous"]["url"]
    host = base[len("http://"):]
    report = os.path.join(work, "trivy-10k.json")
    with open(report, "w") as handle:
        json.dump(generate_report(args.findings), handle)
    attached = subprocess.run([args.binary, "scan", "attach", f"{host}/alpha:1", report], env=env, capture_output=True, text=True)
    if attached.returncode != 0:
        sys.exit(f"scan attach failed: {attached.stderr}")
    artifact = attached.stdout.split(" as ")[1].split(" ")[0]

    headless = json.loads(subprocess.run([args.bench, "scan", "--registry", host, "--image", "alpha:1", "--report", report],
                                         capture_output=True, text=True, check=True).stdout)
    if str(args.findings) not in headless["title"].replace(",", ""):
        sys.exit(f"the findings pane did not show every finding: {headless['title']}")

    subject = urllib.request.urlopen(urllib.request.Request(f"{base}/v2/alpha/manifests/1", method="HEAD",
                                                            headers={"Accept": "application/vnd.oci.image.manifest.v1+json"})).headers["Docker-Content-Digest"]
    show, _ = timed([args.binary, "scan", "show", f"{host}/alpha:1", "--output", "json"], env, args.runs)
    curl, _ = timed(curl_then_decode(base, "alpha", subject, work), env, args.runs)
    target = os.path.join(work, "skopeo-copy")
    skopeo, _ = timed(["skopeo", "copy", "--quiet", "--src-tls-verify=false", f"docker://{host}/alpha@{artifact}", f"dir:{target}"], env,
                      args.runs, prepare=lambda: shutil.rmtree(target, ignore_errors=True))
    harness.terminate()
    shutil.rmtree(work, ignore_errors=True)

    print(f"{args.findings:,} findings in a {headless['reportBytes'] / 1e6:.1f} MB Trivy report on loopback docker-registry 2.8\n")
    parse = headless["parseMilliseconds"]
    print(f"  parse (in process)                 {parse['median']:7.1f} ms  (max {parse['max']:.1f})   target <= 150")
    print(f"  open findings pane (v → frame)     {headless['openMilliseconds']:7.1f} ms")
    print(f"  redraw findings pane 160x48        {headless['redrawMilliseconds']['median']:7.2f} ms")
    print(f"  filter keystroke (expression)      {headless['filterMilliseconds']['median']:7.2f} ms  (max {headless['filterMilliseconds']['max']:.2f})")
    print(f"  peak RSS (headless)                {headless['peakRSSMegabytes']:7.1f} MB")
    print(f"  scan show --output json            {show * 1000:7.1f} ms")
    print(f"  curl x3 + python json.loads        {curl * 1000:7.1f} ms")
    print(f"  skopeo copy of the report          {skopeo * 1000:7.1f} ms")
    print()
    print(f"  regconsole scan show / curl+python = {show / curl:5.2f}x")
    print(f"  skopeo copy / regconsole scan show = {skopeo / show:5.2f}x")


if __name__ == "__main__":
    main()
