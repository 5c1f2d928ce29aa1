#define _XOPEN_SOURCE 700
#include "CNcursesw.h"

int cncw_wcwidth(wchar_t character) { return wcwidth(character); }
