/* reason: the text given for a number (cite, assume, effect, calibrated) in English, with an
 * optional Norwegian (bokmål) text beside it:
 *
 *   assume(0.6, "about 40 % of staff on leave")
 *   assume(0.6, { "about 40 % of staff on leave", nb = "om lag 40 % av de ansatte har ferie" })
 *
 * The English text is the one every English output, the register and the hash have always shown;
 * the Norwegian one is what `--lang nb` shows in its place.  A tag keeps both (fields `text` and
 * `nb`), the resolved text writes the table form back only when there is a Norwegian text (so a
 * scenario without one resolves, and hashes, as before), and every reader of a stored text
 * accepts both forms. */
#ifndef SS_REASON_H
#define SS_REASON_H

#include <stdbool.h>
#include <stddef.h>

#include <lua.h>

#include "sbuf.h"

/* The form, for messages. */
#define SS_REASON_FORM "\"English reason\" or { \"English reason\", nb = \"Norsk begrunnelse\" }"

/* The reason at idx: a string, or a table { "English", nb = "Norsk" } (nb optional).  *en and *nb
 * point into Lua's strings (anchored by the value at idx); *nb is NULL when there is none.
 * 0, or -1 with why saying what is wrong and what was expected (no file or line: the caller's
 * Lua error adds them). */
int ss_reason_get(lua_State *L, int idx, const char **en, const char **nb, char *why, size_t n);
/* The reason as Lua text: "en", or { "en", nb = "nb" } when nb is given and not empty. */
void ss_reason_write(ss_buf *b, const char *en, const char *nb);
/* The text to show: the Norwegian one when norwegian and there is one, else the English. */
const char *ss_reason_pick(const char *en, const char *nb, bool norwegian);

#endif
