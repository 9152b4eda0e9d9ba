/* gdprctl: main, global options and the command table. */
#include <stdio.h>

int
main(void)
{
	puts("gdprctl " GD_VERSION);
	return 0;
}
