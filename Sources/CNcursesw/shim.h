#ifndef HALLDESK_CNCURSESW_SHIM_H
#define HALLDESK_CNCURSESW_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Macros Swift cannot import, as functions.
static inline int desk_color_pair(int n) { return COLOR_PAIR(n); }
static inline int desk_key_resize(void) { return KEY_RESIZE; }
static inline int desk_key_f(int n) { return KEY_F(n); }
static inline attr_t desk_a_bold(void) { return A_BOLD; }
static inline attr_t desk_a_reverse(void) { return A_REVERSE; }
static inline attr_t desk_a_underline(void) { return A_UNDERLINE; }
static inline attr_t desk_a_dim(void) { return A_DIM; }
static inline attr_t desk_a_normal(void) { return A_NORMAL; }
static inline int desk_err(void) { return ERR; }

// C globals (stdout, stdscr, curscr, COLORS) read here: Swift 6 treats imported mutable globals
// as unsafe to touch from Swift.
static inline SCREEN *desk_newterm(void) { return newterm(NULL, stdout, stdin); }
static inline int desk_lines(void) { return getmaxy(stdscr); }
static inline int desk_cols(void) { return getmaxx(stdscr); }
static inline int desk_colors(void) { return COLORS; }
static inline int desk_color_pairs(void) { return COLOR_PAIRS; }
static inline void desk_timeout(int ms) { wtimeout(stdscr, ms); }
static inline int desk_keypad(void) { return keypad(stdscr, TRUE); }
// Home and End as PuTTY, xterm, rxvt and the Linux console send them, whatever the terminfo entry says
// (PuTTY sends ESC[1~ / ESC[4~ under TERM=xterm, whose entry has ESC OH / ESC OF).
static inline void desk_define_home_end_keys(void) {
    static const char *home[] = { "\033[1~", "\033[7~", "\033[H", "\033OH" };
    static const char *end[] = { "\033[4~", "\033[8~", "\033[F", "\033OF" };
    for (int i = 0; i < 4; i++) { define_key(home[i], KEY_HOME); define_key(end[i], KEY_END); }
}
// Whether the terminal can move the cursor to a given place (terminfo "cup"): without it (TERM=dumb,
// a printing terminal) no screen can be drawn.
static inline int desk_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}
static inline int desk_leaveok(void) { return leaveok(stdscr, TRUE); }
static inline int desk_get_wch(wint_t *wch) { return wget_wch(stdscr, wch); }
static inline int desk_refresh(void) { return wrefresh(stdscr); }
// Forget what ncurses believes is on the terminal, so the next refresh repaints all of it
// (after a resize the terminal may have reflowed or cleared the old contents).
static inline int desk_force_repaint(void) { return clearok(curscr, TRUE); }
static inline const char *desk_codeset(void) { return nl_langinfo(CODESET); }

// One grapheme (a spacing character plus up to CCHARW_MAX-1 combining marks, NUL-terminated).
static inline int desk_put_cell(int y, int x, const wchar_t *wch, attr_t attr, short pair) {
    cchar_t c;
    if (setcchar(&c, wch, attr, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &c);
}

// A line-drawing character by its VT100 letter ('q' horizontal, 'x' vertical, 'l' 'k' 'm' 'j'
// corners, 't' 'u' 'w' 'v' tees, 'n' cross). ncursesw draws these one column wide.
static inline int desk_put_acs(int y, int x, char which, attr_t attr, short pair) {
    return mvaddch(y, x, NCURSES_ACS(which) | attr | COLOR_PAIR(pair));
}

// Signal handler: restore the terminal, then leave with 128+signal. endwin() is not on the
// async-signal-safe list (it writes through ncurses' buffer); the risk is a garbled escape
// sequence if the signal lands in the middle of a refresh, against a terminal left in raw mode
// otherwise. _exit skips atexit handlers and stdio flushing, which are not safe here.
static inline void desk_restore_and_exit(int sig) {
    endwin();
    _exit(128 + sig);
}

static inline void desk_install_signal_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = desk_restore_and_exit;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
}

// While a clerk's screen is locked, Ctrl-C must not end the program (and leave the person signed in
// with a shell behind the lock): SIGINT is ignored until the screen is unlocked.
static inline void desk_set_interrupt_enabled(int enabled) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = enabled ? desk_restore_and_exit : SIG_IGN;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
}

// Ctrl-Q and Ctrl-S are the terminal's flow control (IXON) in cbreak mode: Ctrl-S stops the output and
// Ctrl-Q never reaches the program. The screens take Ctrl-Q as a key, so flow control is off while curses
// runs (ISIG stays: Ctrl-C is still SIGINT). def_prog_mode makes it curses' program mode; endwin puts back
// the shell's mode, saved by newterm, with IXON as it was.
static inline int desk_disable_flow_control(void) {
    struct termios t;
    if (tcgetattr(STDIN_FILENO, &t) != 0) return -1;
    t.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
    if (tcsetattr(STDIN_FILENO, TCSANOW, &t) != 0) return -1;
    return def_prog_mode();
}

// For atexit: a process that calls exit() with the terminal still open gets it restored.
static inline void desk_endwin_if_open(void) {
    if (!isendwin()) endwin();
}
static inline int desk_register_atexit(void) { return atexit(desk_endwin_if_open); }
#endif
