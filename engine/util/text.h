/* text: how wide UTF-8 text is on a terminal, for every table and chart label that aligns.
 *
 * Widths come from wcwidth() in the C.UTF-8 locale (so "Lørenskog" is 9 columns, a combining
 * accent 0 and a CJK character 2), whatever locale the process runs in; bytes that are not
 * UTF-8 and control characters count one column each, so a broken name still lines up. */
#ifndef SS_TEXT_H
#define SS_TEXT_H

#include <stddef.h>

/* Columns taken by s (NULL is 0). */
int ss_text_width(const char *s);
/* Copy src into dst (n bytes) cut to at most max columns; a longer text ends in ".." so a table
 * keeps its width.  max below 3 copies src whole. */
void ss_text_cut(char *dst, size_t n, const char *src, int max);

#endif
