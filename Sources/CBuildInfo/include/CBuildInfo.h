#ifndef CBUILDINFO_H
#define CBUILDINFO_H

// The commit the binary was built from. Package.swift defines REGCONSOLE_COMMIT for this
// target alone, so a new commit recompiles one small C file instead of a Swift module.

/// The short commit hash, with "-dirty" when the tree had uncommitted changes; "unknown"
/// when the package was not built from a git checkout.
const char *regconsole_build_commit(void);

#endif
