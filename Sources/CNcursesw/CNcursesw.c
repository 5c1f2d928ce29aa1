#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE 1
#include "CNcursesw.h"

#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

int cncw_wcwidth(wchar_t character) { return wcwidth(character); }

static volatile sig_atomic_t active = 0;
static int signal_fd = -1;

// What a fatal-signal handler needs to put the terminal back without calling into curses (nothing
// in curses is async-signal-safe): the terminal modes from before initscr and the bytes that leave
// the program's screen mode, both captured at start.
static struct termios saved_modes;
static bool have_saved_modes = false;
static char exit_sequence[256];
static size_t exit_length = 0;
static atomic_int restoring = 0;
static atomic_int restored = 0;

static void append_exit(const char *bytes) {
    size_t length = strlen(bytes);
    if (exit_length + length >= sizeof exit_sequence) return;
    memcpy(exit_sequence + exit_length, bytes, length);
    exit_length += length;
}

/// Appends terminfo capability `name`, or `fallback` when the terminal description lacks it.
static void append_capability(const char *name, const char *fallback) {
    const char *value = tigetstr(name);
    if (value == NULL || value == (const char *)-1) value = fallback;
    if (value != NULL) append_exit(value);
}

static void prepare_exit_sequence(bool mouse) {
    exit_length = 0;
    if (mouse) append_exit("\033[?1000l");
    append_capability("sgr0", NULL);
    append_capability("cnorm", "\033[?25h");
    append_capability("rmkx", NULL);
    append_capability("rmcup", "\033[?1049l");
}

void cncw_wait_for_foreground(void) {
    // The classic job-control dance: a background job stops itself with SIGTTIN until the shell
    // brings it to the foreground. When the signal cannot stop it (an orphaned process group or an
    // ignored SIGTTIN), it polls slowly instead of spinning.
    pid_t foreground;
    while ((foreground = tcgetpgrp(STDIN_FILENO)) != -1 && foreground != getpgrp()) {
        kill(0, SIGTTIN);
        if (tcgetpgrp(STDIN_FILENO) != getpgrp()) {
            struct timespec pause = {0, 200 * 1000 * 1000};
            nanosleep(&pause, NULL);
        }
    }
}

bool cncw_start(bool mouse) {
    have_saved_modes = tcgetattr(STDOUT_FILENO, &saved_modes) == 0;
    if (initscr() == NULL) return false;
    raw();
    noecho();
    nonl();
    intrflush(stdscr, FALSE);
    keypad(stdscr, TRUE);
    nodelay(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    if (has_colors()) {
        start_color();
        use_default_colors();
    }
    mousemask(mouse ? (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED) : 0, NULL);
    mouseinterval(0);
    prepare_exit_sequence(mouse);
    active = 1;
    return true;
}

void cncw_stop(void) {
    if (active && !isendwin()) {
        curs_set(1);
        endwin();
    }
    active = 0;
}

bool cncw_is_active(void) { return active != 0; }

static volatile sig_atomic_t continued;

static void note_continued(int number) {
    (void)number;
    continued = 1;
}

void cncw_suspend(void) {
    if (!active) return;
    endwin();
    // Stop the whole job as the terminal's ctrl-z would; ncurses' own SIGTSTP handler (if any) is
    // bypassed so the screen is restored exactly once, by the caller's next refresh.
    struct sigaction previous_stop, previous_continue, stop, note;
    memset(&stop, 0, sizeof stop);
    stop.sa_handler = SIG_DFL;
    sigemptyset(&stop.sa_mask);
    memset(&note, 0, sizeof note);
    note.sa_handler = note_continued;
    sigemptyset(&note.sa_mask);
    continued = 0;
    sigaction(SIGCONT, &note, &previous_continue);
    sigaction(SIGTSTP, &stop, &previous_stop);
    kill(0, SIGTSTP);
    // The stop takes effect when some thread takes the signal, which on a busy machine can be after
    // kill() returns: the default action stays in place until the job has been continued (or, for
    // an orphaned job whose stop the kernel discards, two seconds have passed).
    for (int waited = 0; waited < 200 && !continued; waited++) {
        struct timespec pause = {0, 10 * 1000 * 1000};
        nanosleep(&pause, NULL);
    }
    sigaction(SIGTSTP, &previous_stop, NULL);
    sigaction(SIGCONT, &previous_continue, NULL);
    clearok(curscr, TRUE);
}

static void forward_signal(int number) {
    char code = number == SIGWINCH ? 'W' : number == SIGINT ? 'I' : number == SIGTERM ? 'T' : 'H';
    if (signal_fd >= 0) {
        ssize_t ignored = write(signal_fd, &code, 1);
        (void)ignored;
    }
}

/// Puts the terminal back with async-signal-safe calls only: the saved modes and the exit bytes.
static void restore_terminal_now(void) {
    if (have_saved_modes) tcsetattr(STDOUT_FILENO, TCSANOW, &saved_modes);
    size_t offset = 0;
    while (offset < exit_length) {
        ssize_t written = write(STDOUT_FILENO, exit_sequence + offset, exit_length - offset);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) break;
        offset += (size_t)written;
    }
}

static void fatal_signal(int number) {
    // The first crashing thread restores the terminal; any other waits (at most two seconds) for
    // it, so a second crash cannot end the process while the screen is still in program mode.
    int expected = 0;
    if (atomic_compare_exchange_strong(&restoring, &expected, 1)) {
        if (active) restore_terminal_now();
        active = 0;
        atomic_store(&restored, 1);
    } else {
        for (int tries = 0; tries < 200 && !atomic_load(&restored); tries++) {
            struct timespec pause = {0, 10 * 1000 * 1000};
            nanosleep(&pause, NULL);
        }
    }
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(number, &fallback, NULL);
    // Blocked until this handler returns, then fatal; a fault re-faults on return instead.
    raise(number);
}

void cncw_install_signal_handlers(int fd) {
    signal_fd = fd;
    struct sigaction forward;
    memset(&forward, 0, sizeof forward);
    forward.sa_handler = forward_signal;
    sigemptyset(&forward.sa_mask);
    forward.sa_flags = SA_RESTART;
    int forwarded[] = {SIGWINCH, SIGINT, SIGTERM, SIGHUP};
    for (unsigned i = 0; i < sizeof forwarded / sizeof *forwarded; i++) sigaction(forwarded[i], &forward, NULL);

    struct sigaction fatal;
    memset(&fatal, 0, sizeof fatal);
    fatal.sa_handler = fatal_signal;
    sigemptyset(&fatal.sa_mask);
    int fatals[] = {SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE, SIGTRAP, SIGQUIT, SIGSYS};
    for (unsigned i = 0; i < sizeof fatals / sizeof *fatals; i++) sigaction(fatals[i], &fatal, NULL);
}

bool cncw_input_pending(int *count) {
    int pending = 0;
    if (ioctl(STDIN_FILENO, FIONREAD, &pending) != 0) return false;
    *count = pending;
    return true;
}

bool cncw_terminal_size(int *rows, int *columns) {
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0 || size.ws_row == 0) return false;
    *rows = size.ws_row;
    *columns = size.ws_col;
    return true;
}

int cncw_lines(void) { return LINES; }
int cncw_columns(void) { return COLS; }
void cncw_resize(int rows, int columns) { resizeterm(rows, columns); }
int cncw_colors(void) { return has_colors() ? COLORS : 0; }

bool cncw_init_pair(int pair, int foreground, int background) {
    return init_extended_pair(pair, foreground, background) == OK;
}

void cncw_put(int row, int column, const wchar_t *text, int count, unsigned int attributes, int pair) {
    wattr_set(stdscr, (attr_t)attributes, 0, &pair);
    mvwaddnwstr(stdscr, row, column, text, count);
}

void cncw_erase(void) { werase(stdscr); }
void cncw_clear_on_next_refresh(void) { clearok(curscr, TRUE); }
void cncw_refresh(void) { wrefresh(stdscr); }

void cncw_cursor(int row, int column) {
    if (row < 0) {
        curs_set(0);
    } else {
        curs_set(1);
        wmove(stdscr, row, column);
    }
}

unsigned int cncw_attr_bold(void) { return A_BOLD; }
unsigned int cncw_attr_dim(void) { return A_DIM; }
unsigned int cncw_attr_underline(void) { return A_UNDERLINE; }
unsigned int cncw_attr_reverse(void) { return A_REVERSE; }
unsigned int cncw_attr_italic(void) { return A_ITALIC; }

int cncw_read_key(int *value) {
    wint_t key = 0;
    int status = wget_wch(stdscr, &key);
    if (status == ERR) return 0;
    *value = (int)key;
    return status == KEY_CODE_YES ? 2 : 1;
}

int cncw_key_f(int number) { return KEY_F(number); }

int cncw_mouse_event(int *row, int *column) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *row = event.y;
    *column = event.x;
    if (event.bstate & BUTTON4_PRESSED) return 2;
    if (event.bstate & BUTTON5_PRESSED) return 3;
    if (event.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) return 1;
    return 0;
}
