# samsim — build, test, demo, bench.
#
#   make demo    install what is missing, build, run the bundled default scenario
#   make test    install what is missing, build (normal, ASan+UBSan, TSan), run every test
#   make bench   throughput and memory figures (printed, never asserted)
#   make install PREFIX=/usr/local   the binary, samsim(1), the bundled scenarios and rules
#   make tsan    the threaded tests under ThreadSanitizer
#   make complexity   pmccabe's figures and file sizes; fails over 20 / 60 lines / 800 lines

# Debian packages, and the programs the tests call from them: tmux (repl_tty), valgrind, chromium
# (headless report printing), gnuplot-nox (charts), jq and sqlite3 (JSON and store checks), python3
# (tests/checks), poppler-utils (pdftoppm: the README's printed-page picture), pmccabe (make
# complexity: functions' cyclomatic complexity and length).
PKGS      := lua5.4 sqlite3 gsl readline jansson libcrypto
DEB_PKGS  := build-essential pkg-config liblua5.4-dev libsqlite3-dev libgsl-dev libreadline-dev \
             libjansson-dev libssl-dev libcmocka-dev gnuplot-nox tmux valgrind chromium fonts-dejavu-core python3 jq sqlite3 poppler-utils \
             pmccabe
CC        ?= cc
# pkg-config runs once; when a library is missing its own message is shown and the build stops.
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>&1 || echo PKGFAIL)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>&1 || echo PKGFAIL) -lpthread -lm
ifneq ($(filter PKGFAIL,$(PKG_CFLAGS) $(PKG_LIBS)),)
  ifeq ($(filter deps clean,$(MAKECMDGOALS)),)
    ifneq ($(filter demo test bench,$(MAKECMDGOALS)),)
      # demo, test and bench install the packages first, then build in a sub-make
    else
      $(error pkg-config cannot find the libraries ($(PKGS)): $(filter-out PKGFAIL,$(PKG_CFLAGS)) -- run 'make deps' (as root) first)
    endif
  endif
endif
# Messages and key paths are deliberately cut to fixed buffers, so truncation warnings are noise.
WARN      := -std=c11 -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter -Wno-format-truncation
DEFS      := -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
OPT       ?= -O2 -g
SAN       :=
B         ?= build
# The engine's layers, in the order data flows through them (engine/README.md); each may include
# only its own and lower layers' headers, which tests/layers.py checks.
LAYERS    := util core model sim store study output cli
CFLAGS_ALL = $(WARN) $(DEFS) $(OPT) $(SAN) -MMD -MP $(PKG_CFLAGS) $(LAYERS:%=-Iengine/%) -Irepl

ENGINE_SRC := $(filter-out engine/cli/main.c,$(wildcard $(LAYERS:%=engine/%/*.c)))
REPL_SRC   := $(wildcard repl/*.c)
ENGINE_OBJ := $(ENGINE_SRC:%.c=$(B)/%.o) $(REPL_SRC:%.c=$(B)/%.o)
UNIT_SRC   := $(wildcard tests/unit/test_*.c tests/validation/test_*.c)
UNIT_BIN   := $(patsubst %.c,$(B)/%,$(UNIT_SRC))
FUZZ_REPLAY := $(B)/fuzz-replay-scenario $(B)/fuzz-replay-rules
BENCH_SRC  := $(wildcard bench/bench_*.c)
BENCH_BIN  := $(patsubst %.c,$(B)/%,$(BENCH_SRC))

PREFIX    ?= /usr/local
DESTDIR   ?=

.PHONY: all deps demo test test-fast test-asan test-tsan tsan build-tsan bench clean valgrind install man fuzz fuzz-deps complexity

all: $(B)/samsim

# Installs only what is missing, so a prepared machine pays nothing.
deps:
	@missing=""; for p in $(DEB_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null || exit 1; \
	fi

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -c $< -o $@

$(B)/libsamsim.a: $(ENGINE_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/samsim: $(B)/engine/cli/main.o $(B)/libsamsim.a
	$(CC) $(OPT) $(SAN) -o $@ $^ $(PKG_LIBS)

$(B)/tests/%: tests/%.c tests/unit/testing.h $(B)/libsamsim.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Itests/unit -o $@ $< $(B)/libsamsim.a $(PKG_LIBS) -lcmocka

# The fuzz targets' replay drivers (plain cc): tests/cli/sandbox_fuzz_replay.cmd runs them over the
# seed corpus and every crash ever found, so the harness cannot rot.
FUZZ_COMMON := tests/fuzz/fuzz_common.c tests/fuzz/replay.c
$(B)/fuzz-replay-%: tests/fuzz/fuzz_%.c $(FUZZ_COMMON) tests/fuzz/fuzz_common.h $(B)/libsamsim.a
	$(CC) $(CFLAGS_ALL) -Itests/fuzz -o $@ $< $(FUZZ_COMMON) $(B)/libsamsim.a $(PKG_LIBS)

$(B)/bench/%: bench/%.c $(B)/libsamsim.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(B)/libsamsim.a $(PKG_LIBS)

# Lørenskog 2021 as the audit describes it, then compared with Familiens hus at the same staffing.
# The demo builds quietly (the compiler's lines only when it fails), then a headline: the question,
# the two models by name and three key differences from the verdict; the tables follow.
demo: deps
	@mkdir -p $(B); $(MAKE) --no-print-directory -s all > $(B)/demo-build.log 2>&1 || { cat $(B)/demo-build.log; exit 1; }
	@./$(B)/samsim compare scenarios/lorenskog/barn-unge-2021.lua +scenarios/models/familiens-hus.lua -q --headline
	@echo
	@echo "== samsim run scenarios/lorenskog/barn-unge-2021.lua"
	@./$(B)/samsim run scenarios/lorenskog/barn-unge-2021.lua -q
	@echo
	@echo "== samsim compare scenarios/lorenskog/barn-unge-2021.lua +scenarios/models/familiens-hus.lua --all"
	@./$(B)/samsim compare scenarios/lorenskog/barn-unge-2021.lua +scenarios/models/familiens-hus.lua -q --all

# The whole suite: the normal build, then the same tests under AddressSanitizer + UBSan (with the
# hot-path invariants of util/hot_assert.h checked), and the
# threaded ones under ThreadSanitizer (about a minute more).
test: deps
	@$(MAKE) --no-print-directory all $(UNIT_BIN) $(FUZZ_REPLAY)
	@$(MAKE) --no-print-directory B=build-asan OPT="-O1 -g -fno-omit-frame-pointer" \
	    SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined -DSS_HOT_CHECKS" all build-asan-tests
	@$(MAKE) --no-print-directory build-tsan
	@tests/tsan.sh build-tsan; tsan=$$?; VALGRIND_BUILD=build tests/run.sh build build-asan && exit $$tsan

build-asan-tests: $(UNIT_BIN) $(FUZZ_REPLAY)

# The threaded tests under ThreadSanitizer, in their own build (tests/tsan.sh says which); any
# report fails.
TSAN_UNITS := $(addprefix build-tsan/tests/unit/,test_pool test_batch test_compare)
tsan: deps
	@$(MAKE) --no-print-directory test-tsan

test-tsan: build-tsan
	@tests/tsan.sh build-tsan

build-tsan:
	@$(MAKE) --no-print-directory B=build-tsan OPT="-O1 -g -fno-omit-frame-pointer" SAN="-fsanitize=thread" \
	    build-tsan/samsim $(TSAN_UNITS)

# Fuzzing (libFuzzer, from Debian's clang): the scenario reader and the rule bridge, each for half
# of FUZZ_SECONDS, one at a time, niced; seeds from scenarios/, tests/fixtures/, rules/ and
# tests/fuzz/corpus/.  What they find lands in build-fuzz/found/TARGET/ (crash-*, timeout-*,
# oom-*): copy each into tests/fuzz/crashes/TARGET/ with a transcript test, then fix it.
FUZZ_SECONDS ?= 600
FUZZ_B     := build-fuzz
# clang warns where gcc does not (in code other tests cover); the fuzz build does not stop on it.
FUZZ_SAN   := -fsanitize=address,undefined -fno-sanitize-recover=undefined -Wno-error
fuzz-deps:
	@command -v clang >/dev/null || { if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq clang >/dev/null; }

$(FUZZ_B)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.c $(FUZZ_B)/libsamsim.a
	clang $(CFLAGS_ALL) -Itests/fuzz -fsanitize=fuzzer $(FUZZ_SAN) -o $@ $< tests/fuzz/fuzz_common.c \
	    $(FUZZ_B)/libsamsim.a $(PKG_LIBS)

fuzz: deps fuzz-deps
	@$(MAKE) --no-print-directory B=$(FUZZ_B) CC=clang OPT="-O1 -g" \
	    SAN="-fsanitize=fuzzer-no-link $(FUZZ_SAN)" $(FUZZ_B)/libsamsim.a
	@$(MAKE) --no-print-directory B=$(FUZZ_B) OPT="-O1 -g" $(FUZZ_B)/fuzz_scenario $(FUZZ_B)/fuzz_rules
	@tests/fuzz/run.sh $(FUZZ_B) $(FUZZ_SECONDS)

# The size limits of engine/ and repl/ (issue 9): functions' cyclomatic complexity <= 20 and
# length <= 60 lines (pmccabe), files <= 800 lines; prints the largest figures.  make test runs
# the same script as a source check.
complexity: deps
	@tests/checks/complexity.sh

test-fast: all $(UNIT_BIN) $(FUZZ_REPLAY)
	@tests/run.sh $(B)

valgrind: all $(UNIT_BIN)
	@tests/valgrind.sh build

bench: deps
	@$(MAKE) --no-print-directory all $(BENCH_BIN)
	@bench/run.sh build

# The bundled scenarios keep their rule paths (rules/...) relative to share/samsim, as in the tree.
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	    $(DESTDIR)$(PREFIX)/share/samsim $(DESTDIR)$(PREFIX)/share/doc/samsim
	install -m 755 $(B)/samsim $(DESTDIR)$(PREFIX)/bin/samsim
	install -m 644 docs/samsim.1 $(DESTDIR)$(PREFIX)/share/man/man1/samsim.1
	install -m 644 README.md $(DESTDIR)$(PREFIX)/share/doc/samsim/README.md
	cp -R scenarios rules $(DESTDIR)$(PREFIX)/share/samsim/
	chmod -R u+rwX,go+rX,go-w $(DESTDIR)$(PREFIX)/share/samsim

# The manual page is written from the program's --help (tests/cli/man_page fails when they differ).
man: all
	python3 docs/man.py $(B)/samsim > docs/samsim.1

clean:
	rm -rf build build-asan build-tsan build-fuzz

-include $(shell find $(B) -name '*.d' 2>/dev/null)
