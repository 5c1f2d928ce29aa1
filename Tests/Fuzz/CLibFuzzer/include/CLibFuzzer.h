#ifndef CLIBFUZZER_H
#define CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (in the fuzzer runtime that `-sanitize=fuzzer` links): runs `callback` on
/// generated inputs, taking libFuzzer's usual command-line flags.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
