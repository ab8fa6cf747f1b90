/* sbuf: growable text, the one string buffer of the engine and the REPL.
 *
 * Zero-initialised ({0}) is an empty buffer; s is NULL until the first append and always
 * NUL-terminated after it.  Appends never fail (xalloc aborts on exhaustion). */
#ifndef SS_SBUF_H
#define SS_SBUF_H

#include <stddef.h>
#include <stdio.h>

typedef struct ss_buf {
    char *s;
    size_t n, cap;
} ss_buf;

void ss_buf_add(ss_buf *b, const char *s, size_t n);
void ss_buf_str(ss_buf *b, const char *s);
void ss_buf_fmt(ss_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The text so far ("" when nothing was added); stays owned by b. */
const char *ss_buf_text(const ss_buf *b);
/* Empty the buffer, keeping its memory. */
void ss_buf_clear(ss_buf *b);
void ss_buf_free(ss_buf *b);
/* Write the text to f and free the buffer: 0, or -1 when the write (or its flush) failed. */
int ss_buf_write(ss_buf *b, FILE *f);

/* Adapter for writers that take a put(ud, text, n) callback (ss_lua_quote): ud is an ss_buf. */
void ss_buf_put(void *ud, const char *text, size_t n);

/* Text escaped for HTML (& < > " ') and for a Markdown table cell (| and line breaks). */
void ss_buf_html(ss_buf *b, const char *s);
void ss_buf_md(ss_buf *b, const char *s);

#endif
