"""What an emulator read from the shared test registry, kept for the next emulator over it.

Every emulator reads the whole registry when it starts (each tag's manifest and config), and the
tests start dozens of them over the same seeded storage: 1,500 manifests each time. The test
harness promises that only repositories under `scratch/` change after seeding, so an emulator
given `--registry-snapshot FILE` takes every other repository from FILE when its tag list is
unchanged, reads the rest live, and writes FILE when it read something new. The first emulator of a
test run pays for the reading; the others read only the tag lists.

The file is JSON: {"repositories": {NAME: {"tags": [TAG...], "described": {TAG: DESCRIPTION}}},
"manifests": [[NAME, DIGEST, DESCRIPTION]...], "configs": [[DIGEST, CREATED, PLATFORM]...]}.
"""

import json
import os

MUTABLE_PREFIX = "scratch/"


def load(path):
    """The saved snapshot, or an empty one when there is none or it cannot be read."""
    empty = {"repositories": {}, "manifests": [], "configs": []}
    if not path:
        return empty
    try:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
        return document if isinstance(document, dict) else empty
    except (OSError, ValueError):
        return empty


def reusable(snapshot, name, tags):
    """The saved descriptions of `name`'s tags, when the repository may be reused and its tag list
    is the saved one; otherwise None."""
    if name.startswith(MUTABLE_PREFIX):
        return None
    saved = (snapshot.get("repositories") or {}).get(name)
    if not isinstance(saved, dict) or saved.get("tags") != sorted(tags):
        return None
    return saved.get("described")


def save(path, reader, data, tag_lists):
    """Writes what `reader` knows of the repositories outside `scratch/` (atomically: several
    emulators may start at once)."""
    if not path:
        return
    stable = {name for name in data if not name.startswith(MUTABLE_PREFIX)}
    with reader.lock:
        manifests = [[name, digest, description] for (name, digest), description in reader.manifests.items()
                     if name in stable]
        configs = [[digest, created, reader.platforms.get(digest)] for digest, created in reader.created.items()]
    document = {
        "repositories": {name: {"tags": sorted(tag_lists[name]), "described": data[name]} for name in stable},
        "manifests": manifests,
        "configs": configs,
    }
    temporary = f"{path}.{os.getpid()}.tmp"
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump(document, handle)
    os.replace(temporary, path)
