// Declarations only: the header names libFuzzer's driver for the fuzz runner.
#include "CLibFuzzer.h"
