#ifndef CNCURSESW_H
#define CNCURSESW_H

// Wide-character ncurses. SwiftPM drops pkg-config's -D_XOPEN_SOURCE, so the
// wide API (cchar_t, wget_wch, mvadd_wch, ...) must be enabled here before curses.h.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/// Display width of one code point in the current locale (-1 when not printable).
int cncw_wcwidth(wchar_t character);

#endif
