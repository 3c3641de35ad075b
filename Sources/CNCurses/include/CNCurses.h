#ifndef CNCURSES_H
#define CNCURSES_H

// Without this, ncursesw's header hides the wide-character API (get_wch, cchar_t, setcchar).
// (_XOPEN_SOURCE_EXTENDED would do the same but also changes which libc features are visible.)
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <stdbool.h>
#include <stdint.h>

// Swift cannot use C macros with arguments or mutable C globals (Swift 6 rejects them as not
// concurrency-safe), so these accessors stand in for them. Only the main thread calls curses.

static inline WINDOW *caseload_stdscr(void) { return stdscr; }
static inline int caseload_lines(void) { return getmaxy(stdscr); }
static inline int caseload_columns(void) { return getmaxx(stdscr); }
static inline int caseload_colors(void) { return COLORS; }
static inline int caseload_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t caseload_attr_bold(void) { return A_BOLD; }
static inline attr_t caseload_attr_dim(void) { return A_DIM; }
static inline attr_t caseload_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t caseload_attr_reverse(void) { return A_REVERSE; }
static inline attr_t caseload_attr_italic(void) { return A_ITALIC; }

/// Saves the terminal's modes (termios of stdin) and installs the handlers: SIGTERM, SIGHUP and
/// SIGINT set the pending flag (a second one restores the terminal and dies); fatal signals restore
/// the terminal, then re-raise under the handler that was there before (the Swift backtracer or the
/// default). Call before newterm, so that ncurses leaves SIGINT and SIGTERM to us.
void caseload_install_signal_handlers(void);

/// Puts back the handlers that were there before caseload_install_signal_handlers.
void caseload_remove_signal_handlers(void);

/// The first termination signal received (SIGTERM, SIGHUP or SIGINT), or 0.
int caseload_pending_signal(void);

/// Restores the termios saved by caseload_install_signal_handlers, if any.
void caseload_restore_termios(void);

/// newterm(NULL, stdout, stdin): unlike initscr it returns false instead of exiting when TERM is unusable.
bool caseload_start_screen(void);

/// setupterm's verdict on a terminal type without starting curses: 1 known, 0 unknown or
/// hardcopy, -1 no terminfo database.
int caseload_terminfo_status(const char *term);

/// The C library's wcwidth, which curses measures with; Swift's Glibc module leaves it out.
int caseload_wcwidth(uint32_t code_point);

#endif
