#!/usr/bin/env python3
"""Runs a command on a pseudo-terminal (standard input, output and error all a terminal), types one
answer when a prompt appears, and reports what the command wrote.

  pty_run.py [--expect TEXT --answer LINE] [--timeout SECONDS] -- COMMAND [ARG...]

Prints one JSON line: {"status": EXIT_STATUS, "answered": bool, "output": "..."}. The command is
killed after --timeout seconds (status 124), so a command waiting for input never hangs a test.
"""
import argparse
import json
import os
import pty
import select
import signal
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--expect", default=None)
    parser.add_argument("--answer", default="")
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command

    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    output = b""
    answered = False
    deadline = time.monotonic() + args.timeout
    timed_out = False
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            os.kill(pid, signal.SIGKILL)
            timed_out = True
            break
        ready, _, _ = select.select([fd], [], [], min(remaining, 0.1))
        if not ready:
            continue
        try:
            data = os.read(fd, 65536)
        except OSError:  # EIO: the command closed the terminal
            data = b""
        if not data:
            break
        output += data
        if args.expect is not None and not answered and args.expect.encode() in output:
            os.write(fd, (args.answer + "\n").encode())
            answered = True
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    code = 124 if timed_out else os.waitstatus_to_exitcode(status)
    print(json.dumps({"status": code, "answered": answered, "output": output.decode(errors="replace")}))


if __name__ == "__main__":
    main()
