"""What acr_sdk_check.py and acr_personal_sdk_check.py share: failures, the step runner that
records each check, the emulator's control endpoint, and the command line with its one-line report.
Standard library only."""

import argparse
import json
import sys
import traceback
import urllib.request


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


class CheckerBase:
    """Runs named checks against the emulator at `args.endpoint`, collecting `checked` and `failures`."""

    def __init__(self, args):
        self.args = args
        self.checked = []
        self.failures = []

    def step(self, name, function, *arguments):
        """Runs one check; records `name` as checked or the failure. Returns the function's value."""
        try:
            value = function(*arguments)
        except Failure as failure:
            self.failures.append(f"{name}: {failure}")
            return None
        except Exception as error:
            detail = getattr(error, "code", None)
            self.failures.append(f"{name}: {type(error).__name__} {detail or ''} {error}".strip())
            if self.args.verbose:
                traceback.print_exc()
            return None
        if name not in self.checked:
            self.checked.append(name)
        return value

    def control(self, document=None, path="/__control__"):
        """Posts `document` to the emulator's control endpoint (or reads `path`); returns its JSON."""
        url = f"http://{self.args.endpoint}{path}"
        data = json.dumps(document).encode() if document is not None else None
        request = urllib.request.Request(url, data=data, method="POST" if data else "GET",
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())


def main(checker_class, description):
    """Parses the shared flags, runs `checker_class(args).run()`, prints {"checked", "failures"} and
    exits 1 when a check failed."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--endpoint", required=True, help="host:port of acr_emulator.py")
    parser.add_argument("--access-key-id", required=True)
    parser.add_argument("--access-key-secret", required=True)
    parser.add_argument("--region", default="cn-hangzhou")
    parser.add_argument("--readonly-key", metavar="ID:SECRET")
    parser.add_argument("--sts-key", metavar="ID:SECRET:TOKEN")
    parser.add_argument("--no-faults", action="store_true", help="skip the /__control__ fault-injection checks")
    parser.add_argument("--verbose", action="store_true", help="print tracebacks of unexpected exceptions to stderr")
    args = parser.parse_args()
    args.endpoint = args.endpoint.replace("http://", "").rstrip("/")
    run_and_report(checker_class(args))


def run_and_report(checker):
    """Runs `checker.run()`, prints {"checked", "failures"} on one line and exits 1 when a check failed."""
    try:
        checker.run()
    except Exception as error:  # a bug in the check script: still report
        checker.failures.append(f"aborted: {type(error).__name__}: {error}")
    print(json.dumps({"checked": checker.checked, "failures": checker.failures}, ensure_ascii=False), flush=True)
    sys.exit(1 if checker.failures else 0)
