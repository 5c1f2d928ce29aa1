#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE 1
#include "CNcursesw.h"

#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

int cncw_wcwidth(wchar_t character) { return wcwidth(character); }

static volatile sig_atomic_t active = 0;
static int signal_fd = -1;

bool cncw_start(void) {
    if (initscr() == NULL) return false;
    active = 1;
    cbreak();
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

static void forward_signal(int number) {
    char code = number == SIGWINCH ? 'W' : number == SIGINT ? 'I' : number == SIGTERM ? 'T' : 'H';
    if (signal_fd >= 0) {
        ssize_t ignored = write(signal_fd, &code, 1);
        (void)ignored;
    }
}

static void fatal_signal(int number) {
    if (active) endwin();
    active = 0;
    signal(number, SIG_DFL);
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
    fatal.sa_flags = SA_RESETHAND;
    int fatals[] = {SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE, SIGTRAP};
    for (unsigned i = 0; i < sizeof fatals / sizeof *fatals; i++) sigaction(fatals[i], &fatal, NULL);
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

void cncw_mouse(bool enabled) {
    mousemask(enabled ? (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED) : 0, NULL);
    mouseinterval(0);
}

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
