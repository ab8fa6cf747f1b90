/* sandbox_pattern: Lua 5.4's string.find, string.match, string.gmatch and string.gsub with
 * the same results and messages, but a matcher that charges its steps to the sandbox
 * (ss_sandbox_charge), so a backtracking pattern such as ("a"):rep(3000):find(".-.-.-.-.-b")
 * stops at the instruction or time limit instead of running for hours inside C. */
#ifndef SS_SANDBOX_PATTERN_H
#define SS_SANDBOX_PATTERN_H

#include <lua.h>

/* Replaces find, match, gmatch and gsub in the string library table on the top of the stack. */
void ss_pattern_install(lua_State *L);

#endif
