#include "text.h"

#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

/* Made once and never changed: the widths must not depend on the user's LANG. */
static locale_t utf8_locale;
static pthread_once_t utf8_once = PTHREAD_ONCE_INIT;

static void make_utf8_locale(void)
{
    utf8_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
}

/* Width and length in bytes of the character at s (s is not at its end). */
static int char_width(const char *s, size_t left, size_t *len)
{
    mbstate_t st;
    memset(&st, 0, sizeof st);
    wchar_t wc;
    size_t k = mbrtowc(&wc, s, left, &st);
    if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
        *len = 1;
        return 1;
    }
    *len = k;
    int w = wcwidth(wc);
    return w < 0 ? 1 : w;
}

/* Calls fn for each character with the byte offset just after it and its width; stops when fn
 * returns nonzero. */
static void each_char(const char *s, int (*fn)(void *ud, size_t end, int width), void *ud)
{
    pthread_once(&utf8_once, make_utf8_locale);
    locale_t old = utf8_locale ? uselocale(utf8_locale) : (locale_t)0;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t len;
        int w = utf8_locale ? char_width(s + i, n - i, &len)
                            : (len = 1, ((unsigned char)s[i] & 0xC0) != 0x80);
        i += len;
        if (fn(ud, i, w))
            break;
    }
    if (old)
        uselocale(old);
}

static int add_width(void *ud, size_t end, int width)
{
    *(int *)ud += width;
    return 0;
}

int ss_text_width(const char *s)
{
    int w = 0;
    if (s)
        each_char(s, add_width, &w);
    return w;
}

typedef struct cut {
    int max, used;
    size_t end;   /* bytes of src that fit in max - 2 columns */
} cut;

static int fit(void *ud, size_t end, int width)
{
    cut *c = ud;
    if (c->used + width > c->max - 2)
        return 1;
    c->used += width;
    c->end = end;
    return 0;
}

void ss_text_cut(char *dst, size_t n, const char *src, int max)
{
    if (max < 3 || ss_text_width(src) <= max) {
        snprintf(dst, n, "%s", src);
        return;
    }
    cut c = {.max = max};
    each_char(src, fit, &c);
    size_t len = c.end;
    while (len && len + 3 > n)   /* dst too small: cut further, at a character's start */
        for (len--; len && ((unsigned char)src[len] & 0xC0) == 0x80;)
            len--;
    snprintf(dst, n, "%.*s..", (int)len, src);
}
