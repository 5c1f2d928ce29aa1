#!/usr/bin/env python3
"""Shell completion and `doctor` against raw curl and skopeo on the same local registry (see scripts/bench).

Starts the harness registries (bulk/many with 1,500 tags) and measures whole process runs of what
the shell runs when the user presses TAB (`regconsole ---completion …`, as the generated bash script
calls it) and of `regconsole doctor`:
  instances   `regconsole tags <TAB>`: instance names from the config, no network
  namespaces  `regconsole tags basic/<TAB>`: the catalog, cold (cache emptied before each run) and
              warm (the minute-long cache) | one curl of `/v2/_catalog`
  tags        `regconsole tags basic/bulk/many:<TAB>` cold and warm | one curl of
              `/v2/bulk/many/tags/list` | skopeo list-tags
  doctor      `regconsole doctor basic` (DNS, TCP, API, auth, a read, clock) | curl of `/v2/` and
              `/v2/_catalog` with the password (what the same checks cost over one connection)
Every candidate list is checked against the registry's own answer before anything is timed.
Figures are medians; ratios compare medians.
"""

import argparse
import json
import os
import shutil
import sys
import tempfile

from bench_support import isolated_environment, print_ratios, print_timings, run, start, timed, write_config


def completion(binary, command, line):
    """The argv the generated bash script runs for TAB at the end of `line`."""
    words = line.split(" ")
    return [binary, "---completion", command, "--", "positional@0", str(len(words) - 1), str(len(words[-1]))] + words



def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="regconsole-firstuse-bench-")
    harness, state = start("harness.py", "serve")
    basic = state["basic"]
    try:
        env = isolated_environment(work)
        env["BENCH_PASSWORD"] = basic["password"]
        write_config(env, f'[[instances]]\nname = "basic"\nurl = "{basic["url"]}"\nusername = "{basic["username"]}"\n'
                          f'password_env = "BENCH_PASSWORD"\n')
        cache = os.path.join(env["XDG_CACHE_HOME"], "regconsole", "completion")

        def empty_cache():
            shutil.rmtree(cache, ignore_errors=True)

        credentials = f"{basic['username']}:{basic['password']}"
        catalog = json.loads(run(["curl", "-sf", "-u", credentials, f"{basic['url']}/v2/_catalog?n=1000"], env))
        namespaces = sorted({f"basic/{name.split('/')[0]}/" for name in catalog["repositories"] if "/" in name})
        offered = sorted(run(completion(args.binary, "tags", "regconsole tags basic/"), env).split())
        if offered != namespaces:
            sys.exit(f"namespace candidates differ: {offered} vs {namespaces}")
        tags = json.loads(run(["curl", "-sf", "-u", credentials, f"{basic['url']}/v2/bulk/many/tags/list"], env))["tags"]
        empty_cache()
        offered = run(completion(args.binary, "tags", "regconsole tags basic/bulk/many:"), env).split()
        if sorted(offered) != sorted(f"basic/bulk/many:{tag}" for tag in tags) or len(tags) < 1000:
            sys.exit(f"tag candidates differ: {len(offered)} vs {len(tags)}")
        report = json.loads(run([args.binary, "doctor", "basic", "--output", "json"], env))
        if [row["check"] for row in report] != ["dns", "tcp", "api", "auth", "read", "clock"] or not all(
                row["ok"] for row in report):
            sys.exit(f"doctor did not pass: {report}")

        host = basic["url"][len("http://"):]
        measured = [
            ("instances (config only)", completion(args.binary, "tags", "regconsole tags "), None),
            ("namespaces, cold", completion(args.binary, "tags", "regconsole tags basic/"), empty_cache),
            ("namespaces, cached", completion(args.binary, "tags", "regconsole tags basic/"), None),
            ("curl /v2/_catalog", ["curl", "-sf", "-o", "/dev/null", "-u", credentials,
                                   f"{basic['url']}/v2/_catalog?n=1000"], None),
            ("tags (1,500), cold", completion(args.binary, "tags", "regconsole tags basic/bulk/many:"), empty_cache),
            ("tags (1,500), cached", completion(args.binary, "tags", "regconsole tags basic/bulk/many:"), None),
            ("curl tags/list", ["curl", "-sf", "-o", "/dev/null", "-u", credentials,
                                f"{basic['url']}/v2/bulk/many/tags/list"], None),
            ("skopeo list-tags", ["skopeo", "list-tags", "--tls-verify=false", "--creds", credentials,
                                  f"docker://{host}/bulk/many"], None),
            ("regconsole doctor basic", [args.binary, "doctor", "basic"], None),
            ("curl /v2/ + /v2/_catalog", ["curl", "-sf", "-o", "/dev/null", "-o", "/dev/null", "-u", credentials,
                                          f"{basic['url']}/v2/", f"{basic['url']}/v2/_catalog?n=1000"], None),
        ]
        results = {label: timed(argv, env=env, runs=args.runs, prepare=prepare)[0] for label, argv, prepare in measured}
        print(f"First use ({basic['url']}): {len(namespaces)} namespaces, bulk/many with {len(tags):,} tags; "
              f"median of {args.runs}")
        print_timings([(label, seconds, None) for label, seconds in results.items()])
        print_ratios([
            ("namespaces cold / curl", results["namespaces, cold"], results["curl /v2/_catalog"], ""),
            ("namespaces cached / curl", results["namespaces, cached"], results["curl /v2/_catalog"], ""),
            ("tags cold / curl", results["tags (1,500), cold"], results["curl tags/list"], ""),
            ("tags cold / skopeo", results["tags (1,500), cold"], results["skopeo list-tags"], ""),
            ("tags cached / curl", results["tags (1,500), cached"], results["curl tags/list"], ""),
            ("doctor / curl", results["regconsole doctor basic"], results["curl /v2/ + /v2/_catalog"],
             "six checks against two requests"),
        ])
    finally:
        harness.terminate()
        harness.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
