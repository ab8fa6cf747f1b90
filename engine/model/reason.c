/* reason: a reason in English with an optional Norwegian text beside it (see reason.h). */
#include "reason.h"

#include <stdio.h>
#include <string.h>

#include <lauxlib.h>

#include "luatext.h"

/* What is wrong with the table reason at idx (its [1] and nb are known to be read), or NULL:
 * any key besides [1] and nb is a typo ({ en = ... }, a second positional text). */
static const char *stray_key(lua_State *L, int idx, char *key, size_t n)
{
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);                                   /* key */
        bool known = (lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "nb") == 0) ||
                     (lua_isinteger(L, -1) && lua_tointeger(L, -1) == 1);
        if (!known) {
            if (lua_type(L, -1) == LUA_TSTRING) snprintf(key, n, "'%s'", lua_tostring(L, -1));
            else if (lua_isinteger(L, -1)) snprintf(key, n, "[%lld]", (long long)lua_tointeger(L, -1));
            else snprintf(key, n, "a %s key", luaL_typename(L, -1));
            lua_pop(L, 1);
            return key;
        }
    }
    return NULL;
}

int ss_reason_get(lua_State *L, int idx, const char **en, const char **nb, char *why, size_t n)
{
    idx = lua_absindex(L, idx);
    *en = *nb = NULL;
    if (lua_type(L, idx) == LUA_TSTRING) {
        *en = lua_tostring(L, idx);
        return 0;
    }
    if (!lua_istable(L, idx)) {
        snprintf(why, n, "expected a reason, %s, got %s", SS_REASON_FORM, luaL_typename(L, idx));
        return -1;
    }
    int t1 = lua_rawgeti(L, idx, 1);
    lua_pushliteral(L, "nb");
    int tnb = lua_rawget(L, idx);                        /* [1] nb */
    char key[80];
    const char *stray = stray_key(L, idx, key, sizeof key);
    if (t1 != LUA_TSTRING)
        snprintf(why, n, "the reason has no English text first (%s): expected { \"English reason\", nb = \"Norsk "
                 "begrunnelse\" }", t1 == LUA_TNIL ? "nothing at [1]" : luaL_typename(L, -2));
    else if (tnb != LUA_TSTRING && tnb != LUA_TNIL)
        snprintf(why, n, "the reason's nb is the Norwegian text: expected a string, got %s", luaL_typename(L, -1));
    else if (tnb == LUA_TSTRING && !*lua_tostring(L, -1))
        snprintf(why, n, "the reason's nb is empty: give the Norwegian text, or leave nb out");
    else if (stray)
        snprintf(why, n, "the reason has an unknown key %s: expected { \"English reason\", nb = \"Norsk begrunnelse\" }",
                 stray);
    else {
        *en = lua_tostring(L, -2);                       /* anchored: values of the table */
        *nb = tnb == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    }
    lua_pop(L, 2);
    return *en ? 0 : -1;
}

void ss_reason_write(ss_buf *b, const char *en, const char *nb)
{
    if (!nb || !*nb) {
        ss_lua_quote(en, ss_buf_put, b);
        return;
    }
    ss_buf_str(b, "{ ");
    ss_lua_quote(en, ss_buf_put, b);
    ss_buf_str(b, ", nb = ");
    ss_lua_quote(nb, ss_buf_put, b);
    ss_buf_str(b, " }");
}

const char *ss_reason_pick(const char *en, const char *nb, bool norwegian)
{
    return norwegian && nb && *nb ? nb : en;
}
