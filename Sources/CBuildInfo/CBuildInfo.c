#include "CBuildInfo.h"

#ifndef REGCONSOLE_COMMIT
#define REGCONSOLE_COMMIT "unknown"
#endif

const char *regconsole_build_commit(void) { return REGCONSOLE_COMMIT; }
