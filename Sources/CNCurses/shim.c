// For wcwidth, sigaltstack and SA_ONSTACK, which glibc declares only for X/Open.
#define _XOPEN_SOURCE 700
#include "CNCurses.h"

#include <errno.h>
#include <ncursesw/term.h>
#include <signal.h>
#include <stdio.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

static const int termination_signals[] = {SIGTERM, SIGHUP, SIGINT};
// Swift runtime traps arrive as SIGILL (x86_64 ud2) or SIGTRAP (arm64 brk).
static const int fatal_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE};

static struct sigaction previous_termination[COUNT(termination_signals)];
static struct sigaction previous_fatal[COUNT(fatal_signals)];
static bool installed = false;

static volatile sig_atomic_t pending_signal = 0;
static struct termios saved_termios;
static volatile sig_atomic_t termios_saved = 0;

// A stack for the fatal handler, so that it still runs after a stack overflow. A fixed size
// because SIGSTKSZ is no longer a constant in recent glibc.
static char alternate_stack[64 * 1024];

// Leave the alternate screen, show the cursor, reset attributes, stop bracketed paste, leave
// keypad-transmit mode, and start a fresh line for the shell prompt.
static const char reset_sequence[] = "\033[?1049l\033[?25h\033[0m\033[?2004l\033[?1l\033>\r\n";

// Async-signal-safe: only write and tcsetattr.
static void restore_terminal_from_handler(void) {
    int saved_errno = errno;
    ssize_t ignored = write(STDOUT_FILENO, reset_sequence, sizeof reset_sequence - 1);
    (void)ignored;
    if (termios_saved) tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
    errno = saved_errno;
}

static const struct sigaction *previous_action(int sig) {
    for (size_t i = 0; i < COUNT(termination_signals); i++)
        if (termination_signals[i] == sig) return &previous_termination[i];
    for (size_t i = 0; i < COUNT(fatal_signals); i++)
        if (fatal_signals[i] == sig) return &previous_fatal[i];
    return NULL;
}

// Restores the terminal, then hands the signal back to whoever had it before us (the Swift
// backtracer, or the default action). The signal stays blocked while a handler runs, so a raised
// one is delivered, to that handler, as soon as this one returns.
static void restore_and_hand_back(int sig, bool raise_again) {
    restore_terminal_from_handler();
    const struct sigaction *previous = previous_action(sig);
    if (previous != NULL) sigaction(sig, previous, NULL);
    if (raise_again) raise(sig);
}

// A fault (si_code > 0) happens again when the handler returns, with its real address for the
// backtrace; a sent signal (kill, raise, abort) would not, so it is sent again. So is SIGTRAP:
// after x86's int3 execution would carry on past the trap.
static void on_fatal_signal(int sig, siginfo_t *info, void *context) {
    (void)context;
    restore_and_hand_back(sig, info == NULL || info->si_code <= 0 || sig == SIGTRAP);
}

// The app loop polls the flag and shuts down cleanly. A second signal means the loop is not
// responding: restore the terminal and let the signal take its course.
static void on_termination_signal(int sig) {
    if (pending_signal != 0) {
        restore_and_hand_back(sig, true);
        return;
    }
    pending_signal = sig;
}

void caseload_install_signal_handlers(void) {
    if (installed) return;
    installed = true;
    if (tcgetattr(STDIN_FILENO, &saved_termios) == 0) termios_saved = 1;

    stack_t current;
    if (sigaltstack(NULL, &current) == 0 && (current.ss_flags & SS_DISABLE)) {
        stack_t ours = {.ss_sp = alternate_stack, .ss_size = sizeof alternate_stack, .ss_flags = 0};
        sigaltstack(&ours, NULL);
    }

    struct sigaction action;
    sigemptyset(&action.sa_mask);
    // SA_RESTART keeps the rest of the app (file writes while saving) free of EINTR; ncurses'
    // poll is interrupted regardless, and the loop also polls the flag between short waits.
    action.sa_flags = SA_RESTART;
    action.sa_handler = on_termination_signal;
    for (size_t i = 0; i < COUNT(termination_signals); i++) {
        sigaction(termination_signals[i], NULL, &previous_termination[i]);
        // A signal ignored at start (nohup) stays ignored.
        if (previous_termination[i].sa_handler == SIG_IGN) continue;
        sigaction(termination_signals[i], &action, NULL);
    }

    action.sa_flags = SA_SIGINFO | SA_RESETHAND | SA_ONSTACK;
    action.sa_sigaction = on_fatal_signal;
    for (size_t i = 0; i < COUNT(fatal_signals); i++)
        sigaction(fatal_signals[i], &action, &previous_fatal[i]);
}

void caseload_remove_signal_handlers(void) {
    if (!installed) return;
    installed = false;
    for (size_t i = 0; i < COUNT(termination_signals); i++)
        sigaction(termination_signals[i], &previous_termination[i], NULL);
    for (size_t i = 0; i < COUNT(fatal_signals); i++)
        sigaction(fatal_signals[i], &previous_fatal[i], NULL);
}

int caseload_pending_signal(void) { return pending_signal; }

void caseload_restore_termios(void) {
    if (termios_saved) tcsetattr(STDIN_FILENO, TCSADRAIN, &saved_termios);
}

bool caseload_start_screen(void) { return newterm(NULL, stdout, stdin) != NULL; }

int caseload_terminfo_status(const char *term) {
    int status = 0;
    if (setupterm(term, STDOUT_FILENO, &status) == OK) del_curterm(cur_term);
    return status;
}

int caseload_wcwidth(uint32_t code_point) { return wcwidth((wchar_t)code_point); }
