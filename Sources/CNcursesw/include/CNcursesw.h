#ifndef CNCURSESW_H
#define CNCURSESW_H

// Wide-character ncurses. SwiftPM drops pkg-config's -D_XOPEN_SOURCE, so the wide API
// (cchar_t, wget_wch, ...) must be enabled here before curses.h. Swift cannot import curses'
// function-like macros or variadic functions, so everything the toolkit needs is wrapped in
// plain functions prefixed cncw_.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <stdbool.h>
#include <stdint.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/// Display width of one code point in the current locale (-1 when not printable).
int cncw_wcwidth(wchar_t character);

// Lifecycle --------------------------------------------------------------------------------
/// Returns once this process group is the terminal's foreground group: a background job stops
/// itself with SIGTTIN (like other full-screen programs) until the shell brings it forward.
void cncw_wait_for_foreground(void);
/// initscr + raw/noecho/nonl/keypad/nodelay, a short ESC delay, hidden cursor, colours, mouse
/// reporting when `mouse`. Raw mode lets ctrl-c, ctrl-\, ctrl-z, ctrl-s and ctrl-q arrive as keys.
/// Saves the terminal modes and the exit sequences a crash handler needs.
/// Returns false when the terminal cannot be initialised.
bool cncw_start(bool mouse);
/// Restores the terminal (endwin) if curses is active. Safe to call more than once.
void cncw_stop(void);
bool cncw_is_active(void);
/// Leaves program mode, stops the job (SIGTSTP) and returns once it is continued; the next
/// refresh repaints the whole screen.
void cncw_suspend(void);

// Signals ----------------------------------------------------------------------------------
/// SIGWINCH, SIGINT, SIGTERM and SIGHUP write one byte ('W', 'I', 'T', 'H') to `fd`; fatal
/// signals (SEGV, BUS, ILL, ABRT, FPE, TRAP, QUIT, SYS) restore the terminal with
/// async-signal-safe calls only (the first crashing thread restores, others wait for it) and
/// re-raise.
void cncw_install_signal_handlers(int fd);
/// The terminal's size from the kernel (TIOCGWINSZ); false when stdout is not a terminal.
bool cncw_terminal_size(int *rows, int *columns);
/// Bytes waiting on standard input (FIONREAD); false when it cannot be asked.
bool cncw_input_pending(int *count);

// Geometry and output -----------------------------------------------------------------------
int cncw_lines(void);
int cncw_columns(void);
void cncw_resize(int rows, int columns);
/// Number of colours the terminal offers (0 without colour support).
int cncw_colors(void);
/// Defines colour pair `pair` (extended pairs, ncurses 6.1+); -1 is the terminal default colour.
bool cncw_init_pair(int pair, int foreground, int background);
/// Writes `count` wide characters at (row, column) with attributes and colour pair.
void cncw_put(int row, int column, const wchar_t *text, int count, unsigned int attributes, int pair);
void cncw_erase(void);
void cncw_clear_on_next_refresh(void);
void cncw_refresh(void);
/// Shows the cursor at (row, column), or hides it when row < 0.
void cncw_cursor(int row, int column);

unsigned int cncw_attr_bold(void);
unsigned int cncw_attr_dim(void);
unsigned int cncw_attr_underline(void);
unsigned int cncw_attr_reverse(void);
unsigned int cncw_attr_italic(void);

// Input ------------------------------------------------------------------------------------
/// Reads one key without blocking: 0 nothing, 1 a character in *value, 2 a key code in *value.
int cncw_read_key(int *value);
int cncw_key_f(int number);

/// The pending mouse event: position and whether it is a click, wheel up or wheel down.
/// Returns 0 none, 1 click, 2 wheel up, 3 wheel down.
int cncw_mouse_event(int *row, int *column);

#endif
