#!/usr/bin/env python3
"""regconsole vs skopeo vs raw curl on the same local registry (see scripts/bench).

Measures, on the 1,500-tag repository of the standard seed:
  tags --long   regconsole (cold digest cache, --concurrency N) | one `curl --parallel --parallel-max N`
                process doing the same manifest + config GETs | a `skopeo inspect --no-tags` loop
  tags          regconsole | skopeo list-tags
  sync drift    regconsole comparing bulk/many on the anonymous registry with its copy on the basic-auth one
                (same storage: 1,500 tags, all the same) | one `curl --parallel` process making the same
                requests (both tag lists, a HEAD per tag on each side); skopeo has no digest-only read
Every figure is the median of several runs; ratios compare medians.
"""

import argparse
import json
import os
import subprocess
import tempfile
import urllib.request

from bench_support import ACCEPT, isolated_environment, start, timed, write_config


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skopeo-runs", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()

    harness, state = start("harness.py", "serve")
    host = state["anonymous"]["url"][len("http://"):]
    base = state["anonymous"]["url"]
    tags = sorted(state["seed"]["repositories"]["bulk/many"])
    print(f"registry: docker-registry 2.8 at {host}; repository bulk/many with {len(tags)} tags "
          f"(seeded in {state['seedSeconds']} s); concurrency {args.concurrency}; median of {args.runs} runs\n")

    # The config digests, so one curl process can issue exactly the requests regconsole makes.
    configs = []
    for tag in tags:
        request = urllib.request.Request(f"{base}/v2/bulk/many/manifests/{tag}", headers={"Accept": ACCEPT})
        configs.append(json.loads(urllib.request.urlopen(request).read())["config"]["digest"])
    work = tempfile.mkdtemp(prefix="regconsole-bench-")
    curl_config = os.path.join(work, "curl.cfg")
    with open(curl_config, "w") as handle:
        handle.write(f'header = "Accept: {ACCEPT}"\n')
        for tag in tags:
            handle.write(f'url = "{base}/v2/bulk/many/manifests/{tag}"\noutput = "/dev/null"\n')
        for digest in configs:
            handle.write(f'url = "{base}/v2/bulk/many/blobs/{digest}"\noutput = "/dev/null"\n')
    skopeo_loop = os.path.join(work, "skopeo-loop.sh")
    with open(skopeo_loop, "w") as handle:
        handle.write("set -e\n")
        for tag in tags:
            handle.write(f"skopeo inspect --tls-verify=false --no-tags docker://{host}/bulk/many:{tag} >/dev/null\n")

    basic = state["basic"]
    # Three groups (`next` resets curl's options): both tag lists, then a HEAD per tag on each side.
    basic_user = f'user = "{basic["username"]}:{basic["password"]}"\n'
    with open(os.path.join(work, "curl-drift.cfg"), "w") as handle:
        handle.write(f'url = "{base}/v2/bulk/many/tags/list"\noutput = "/dev/null"\n')
        handle.write(f'url = "{basic["url"]}/v2/bulk/many/tags/list"\noutput = "/dev/null"\n{basic_user}')
        for registry, user in ((base, ""), (basic["url"], basic_user)):
            handle.write(f'next\nhead\nheader = "Accept: {ACCEPT}"\n{user}')
            for tag in tags:
                handle.write(f'url = "{registry}/v2/bulk/many/manifests/{tag}"\noutput = "/dev/null"\n')

    env = isolated_environment(work)
    cache = env["XDG_CACHE_HOME"]
    env["REPLICA_PASSWORD"] = basic["password"]
    write_config(env, f'[[instances]]\nname = "replica"\nurl = "{basic["url"]}"\nusername = "{basic["username"]}"\n'
                      'password_env = "REPLICA_PASSWORD"\n')

    def cold():
        subprocess.run(["rm", "-rf", cache])

    long_argv = [args.binary, "tags", f"{host}/bulk/many", "--long", "--output", "json", "--concurrency", str(args.concurrency)]
    regconsole_long, _ = timed(long_argv, env, args.runs, prepare=cold)
    regconsole_warm, _ = timed(long_argv, env, args.runs)
    curl_long, _ = timed(["curl", "-s", "--parallel", "--parallel-max", str(args.concurrency), "-K", curl_config], env, args.runs)
    skopeo_long, _ = timed(["bash", skopeo_loop], env, args.skopeo_runs)
    regconsole_tags, _ = timed([args.binary, "tags", f"{host}/bulk/many"], env, args.runs * 2)
    skopeo_tags, _ = timed(["skopeo", "list-tags", "--tls-verify=false", f"docker://{host}/bulk/many"], env, args.runs * 2)

    drift_argv = [args.binary, "sync", "drift", f"{host}/bulk/many", "--to", "replica/bulk/many", "--output", "json"]
    regconsole_drift, _ = timed(drift_argv, env, args.runs)
    curl_drift, _ = timed(["curl", "-s", "--parallel", "--parallel-max", "8", "-K", os.path.join(work, "curl-drift.cfg")],
                          env, args.runs)

    rows = [
        ("tags --long: regconsole (cold cache)", regconsole_long),
        ("tags --long: regconsole (warm cache)", regconsole_warm),
        (f"tags --long: curl --parallel-max {args.concurrency} (same requests)", curl_long),
        ("tags --long: skopeo inspect loop", skopeo_long),
        ("tags: regconsole", regconsole_tags),
        ("tags: skopeo list-tags", skopeo_tags),
        ("sync drift: regconsole (2 x 1,500 tags)", regconsole_drift),
        ("sync drift: curl --parallel-max 8 (same requests)", curl_drift),
    ]
    width = max(len(name) for name, _ in rows)
    for name, seconds in rows:
        print(f"  {name:<{width}}  {seconds * 1000:9.1f} ms")
    print()
    print(f"  regconsole tags --long / curl            = {regconsole_long / curl_long:5.2f}x  (target <= 1.3)")
    print(f"  skopeo loop / regconsole tags --long     = {skopeo_long / regconsole_long:5.2f}x  (target >= 6)")
    print(f"  skopeo loop / curl                       = {skopeo_long / curl_long:5.2f}x")
    print(f"  regconsole tags / skopeo list-tags       = {regconsole_tags / skopeo_tags:5.2f}x  (target <= 1.0)")
    print(f"  regconsole sync drift / curl             = {regconsole_drift / curl_drift:5.2f}x")
    harness.terminate()
    harness.wait()
    subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
