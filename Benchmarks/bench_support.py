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


def timed(argv, env=None, runs=5, prepare=None):
    """Runs argv `runs` times; returns (median seconds, samples). Exits when a run fails."""
    samples = []
    for _ in range(runs):
        if prepare:
            prepare()
        started = time.perf_counter()
        result = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        samples.append(time.perf_counter() - started)
        if result.returncode != 0:
            sys.exit(f"{' '.join(argv[:3])}… failed: {result.stderr.decode()[:500]}")
    return statistics.median(samples), samples


def isolated_environment(work):
    """An environment whose home, XDG directories and Docker config live under `work`."""
    return dict(os.environ, HOME=work, XDG_CACHE_HOME=os.path.join(work, "cache"), XDG_CONFIG_HOME=os.path.join(work, "config"),
                XDG_STATE_HOME=os.path.join(work, "state"), XDG_DATA_HOME=os.path.join(work, "data"),
                DOCKER_CONFIG=os.path.join(work, "docker"))
