"""Helpers the benchmark scripts share: starting harness services, timing commands, homes."""

import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
HARNESS = os.path.join(HERE, "..", "Tests", "Harness")


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
