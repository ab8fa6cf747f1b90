/* version: the engine's version, stored with every run and printed by --help and the report.
 * It lives in its own header so that any layer may name it without reaching up to the CLI. */
#ifndef SS_VERSION_H
#define SS_VERSION_H

#define SS_VERSION "0.1.0"

#endif
