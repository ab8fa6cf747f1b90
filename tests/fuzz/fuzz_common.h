/* fuzz_common: what the two fuzz targets share — a private scratch folder and writing a file
 * into it.  The targets are libFuzzer entry points (LLVMFuzzerTestOneInput), built by
 * `make fuzz` with clang -fsanitize=fuzzer,address,undefined, and by `make test` with cc and
 * replay.c, which runs them over the seed corpus and over every crash ever found. */
#ifndef SS_FUZZ_COMMON_H
#define SS_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A folder of this process's own under /tmp, made on first use (the same one afterwards). */
const char *fuzz_dir(void);
/* Writes n bytes to dir/name (name may contain one level of folder, made as needed); aborts on
 * failure, which is the harness's fault, not the input's. */
void fuzz_write(const char *name, const void *data, size_t n);
/* The whole of a file (malloc'd, NUL-terminated); aborts when it cannot be read. */
char *fuzz_read(const char *path, size_t *n);

#endif
