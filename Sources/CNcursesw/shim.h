#ifndef HALLDESK_CNCURSESW_SHIM_H
#define HALLDESK_CNCURSESW_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
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
#endif
