#!/usr/bin/env python3
"""The console's start-up and huge-list figures (see scripts/bench).

  first frame        launch → first frame on screen (real binary in a tmux pane)
  first page         launch → the repositories pane painted with its first page, on loopback
  filter keystroke   filter + redraw per keystroke over 100,000 tags (console-bench, headless)
  peak RSS           with 100,000 tags loaded: the real binary, and headless
Targets: first frame <= 50 ms, first page <= 150 ms, filter <= 8 ms per keystroke, RSS <= 60 MB.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

from bench_support import start

LAUNCHER = "import os, sys, time; open(sys.argv[1], 'w').write(repr(time.time())); os.execv(sys.argv[2], sys.argv[2:])"


def home_with(work, name, url, location):
    home = os.path.join(work, name)
    os.makedirs(os.path.join(home, ".config", "regconsole"))
    os.makedirs(os.path.join(home, ".local", "state", "regconsole"))
    with open(os.path.join(home, ".config", "regconsole", "config.toml"), "w") as handle:
        handle.write(f'[[instances]]\nname = "bench"\nurl = "{url}"\n')
    with open(os.path.join(home, ".local", "state", "regconsole", "last-view.json"), "w") as handle:
        json.dump({"instance": "bench", "locations": {"bench": dict(location, instance="bench")}}, handle)
    return home


def run_in_tmux(binary, home, event, timeout=60.0, keep=None):
    """Starts the console in a fresh tmux server; returns ms from launch to `first-frame` and to `event`."""
    # A new server per run: a server that is still exiting must never be reused.
    socket = f"regconsole-bench-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    timings = os.path.join(home, "timings.jsonl")
    started = os.path.join(home, "started")
    for path in (timings, started):
        if os.path.exists(path):
            os.remove(path)
    command = (f"HOME={home} XDG_CONFIG_HOME={home}/.config XDG_STATE_HOME={home}/.local/state XDG_CACHE_HOME={home}/.cache "
               f"REGCONSOLE_TIMINGS={timings} TERM=xterm-256color LANG=C.UTF-8 "
               f"{sys.executable} -c \"{LAUNCHER}\" {started} {binary}")
    subprocess.run(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40", command],
                   check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=True)
    deadline = time.time() + timeout
    events = {}
    while time.time() < deadline and event not in events:
        if os.path.exists(timings):
            for line in open(timings):
                record = json.loads(line)
                events[record["event"]] = record["time"]
        time.sleep(0.005)
    rss = None
    if keep:
        pane = subprocess.run(["tmux", "-L", socket, "display-message", "-p", "#{pane_pid}"], capture_output=True, text=True).stdout.strip()
        rss = keep(int(pane))
    subprocess.run(["tmux", "-L", socket, "kill-server"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if event not in events:
        sys.exit(f"the console never reported '{event}'")
    launch = float(open(started).read())
    return (events["first-frame"] - launch) * 1000, (events[event] - launch) * 1000, rss


def peak_rss_of_child(pane_pid):
    """VmHWM of the console: the pane's process itself (the shell exec'd it) or its child."""
    children = open(f"/proc/{pane_pid}/task/{pane_pid}/children").read().split()
    pid = children[0] if children else pane_pid
    status = open(f"/proc/{pid}/status").read()
    line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--bench", required=True, help="the console-bench executable")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    work = tempfile.mkdtemp(prefix="regconsole-console-bench-")

    harness, state = start("harness.py", "serve", "--bulk-tags", "20")
    home = home_with(work, "registry", state["anonymous"]["url"], {"namespace": "ns"})
    frames, pages = [], []
    for _ in range(args.runs):
        frame, page, _ = run_in_tmux(binary, home, "first-pane-loaded:ResourcePane<RepositoryList>")
        frames.append(frame)
        pages.append(page)
    harness.terminate()

    synthetic, synthetic_state = start("fault_server.py", "--synthetic-tags", "100000")
    home = home_with(work, "synthetic", synthetic_state["url"], {"namespace": "synthetic", "repository": "synthetic/many"})
    _, loaded, binary_rss = run_in_tmux(binary, home, "first-pane-loaded:ResourcePane<TagList>", keep=peak_rss_of_child)
    headless = json.loads(subprocess.run([args.bench, "tags", "--registry", synthetic_state["url"][len("http://"):], "--repository", "synthetic/many"],
                                         capture_output=True, text=True, check=True).stdout)
    synthetic.terminate()
    shutil.rmtree(work, ignore_errors=True)

    print(f"console on loopback docker-registry 2.8; median of {args.runs} runs (min–max)\n")
    print(f"  first frame                      {statistics.median(frames):7.1f} ms  ({min(frames):.1f}–{max(frames):.1f})   target <= 50")
    print(f"  first repositories page painted  {statistics.median(pages):7.1f} ms  ({min(pages):.1f}–{max(pages):.1f})   target <= 150")
    print(f"  100,000 tags listed and painted  {loaded:7.1f} ms")
    for name, key in (("substring", "substringMilliseconds"), ("regex", "regexMilliseconds"), ("fuzzy", "fuzzyMilliseconds"), ("inverse", "inverseMilliseconds")):
        figures = headless[key]
        print(f"  filter keystroke, {name:<9}      {figures['median']:7.2f} ms  (max {figures['max']:.2f})" + ("   target <= 8" if name == "substring" else ""))
    print(f"  peak RSS, 100,000 tags (binary)  {binary_rss:7.1f} MB   target <= 60")
    print(f"  peak RSS, 100,000 tags (headless){headless['peakRSSMegabytes']:7.1f} MB")


if __name__ == "__main__":
    main()
