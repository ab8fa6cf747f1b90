#include "sbuf.h"

#include <assert.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void ss_buf_add(ss_buf *b, const char *s, size_t n)
{
    assert(b && (s || n == 0) && (b->s || (b->n == 0 && b->cap == 0)) && "a buffer and text to add");
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->s = xrealloc(b->s, b->cap);
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

void ss_buf_str(ss_buf *b, const char *s) { ss_buf_add(b, s, strlen(s)); }

void ss_buf_fmt(ss_buf *b, const char *fmt, ...)
{
    assert(b && fmt && (b->s || (b->n == 0 && b->cap == 0)));
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (k < 0)
        return;
    if (b->n + (size_t)k + 1 > b->cap) {
        b->cap = (b->n + (size_t)k + 1) * 2;
        b->s = xrealloc(b->s, b->cap);
    }
    va_start(ap, fmt);
    vsnprintf(b->s + b->n, (size_t)k + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)k;
}

const char *ss_buf_text(const ss_buf *b) { return b->s ? b->s : ""; }

void ss_buf_clear(ss_buf *b)
{
    b->n = 0;
    if (b->s)
        b->s[0] = '\0';
}

void ss_buf_free(ss_buf *b)
{
    free(b->s);
    *b = (ss_buf){0};
}

int ss_buf_write(ss_buf *b, FILE *f)
{
    size_t w = fwrite(ss_buf_text(b), 1, b->n, f);
    bool ok = w == b->n && fflush(f) == 0 && !ferror(f);
    ss_buf_free(b);
    return ok ? 0 : -1;
}

void ss_buf_put(void *ud, const char *text, size_t n) { ss_buf_add(ud, text, n); }

/* The five characters that could open markup or end an attribute. */
void ss_buf_html(ss_buf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': ss_buf_str(b, "&amp;"); break;
        case '<': ss_buf_str(b, "&lt;"); break;
        case '>': ss_buf_str(b, "&gt;"); break;
        case '"': ss_buf_str(b, "&quot;"); break;
        case '\'': ss_buf_str(b, "&#39;"); break;
        default: ss_buf_add(b, s, 1);
        }
    }
}

/* A pipe would end the cell, a line break the row. */
void ss_buf_md(ss_buf *b, const char *s)
{
    for (; s && *s; s++) {
        if (*s == '|') ss_buf_str(b, "\\|");
        else if (*s == '\n') ss_buf_str(b, " ");
        else ss_buf_add(b, s, 1);
    }
}
