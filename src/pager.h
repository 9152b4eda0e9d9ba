/*
 * The pager, as git runs it: long output to a terminal goes through
 * $GDPRCTL_PAGER, else $PAGER, else less, with LESS=FRX unless LESS is
 * set (less quits at once when the output fits on one screen).
 */
#ifndef GD_PAGER_H
#define GD_PAGER_H

/*
 * When stdout is a terminal and the pager command is neither empty nor
 * "cat", start it and send stdout to it. Returns 0 (also when no pager is
 * wanted), or -1 after reporting why it could not start; stdout is then
 * unchanged.
 */
int pager_start(void);
/* Close stdout's pipe to the pager and wait for it to exit; a no-op when
 * none runs. */
void pager_stop(void);
/* Whether fd (stdout or stderr) goes to the terminal through the pager. */
int pager_holds(int fd);
/* The width of the terminal the pager shows, or 0 when none runs. */
int pager_columns(void);

#endif
