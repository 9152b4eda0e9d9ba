# gdprctl: GNU Make build. `make`, `make check`, `make demo`, `make install`.
.SUFFIXES:

PKG_CONFIG ?= pkg-config

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
# The completions go where the shells look, as they publish it: pkg-config's
# completionsdir of bash-completion and fish; zsh publishes none, and looks
# in its site-functions under its own prefix, and on Debian for packages in
# vendor-completions. Each may be set on the command line. (Expanded only by
# install.)
BASHCOMPDIR ?= $(or $(shell $(PKG_CONFIG) --variable=completionsdir \
	bash-completion 2>/dev/null),$(PREFIX)/share/bash-completion/completions)
ZSH_SITE = $(PREFIX)/share/zsh/site-functions
ZSHCOMPDIR ?= $(if $(filter /usr,$(PREFIX)),$(or $(wildcard \
	/usr/share/zsh/vendor-completions),$(ZSH_SITE)),$(ZSH_SITE))
FISHCOMPDIR ?= $(or $(shell $(PKG_CONFIG) --variable=completionsdir fish \
	2>/dev/null),$(PREFIX)/share/fish/vendor_completions.d)

CC ?= cc
PKGS = yaml-0.1 libgit2 libpcre2-8
BUILD ?= build
CFLAGS ?= -O2 -g
VERSION = 0.1.0

Q = @
ifeq ($(V),1)
Q =
endif

PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
CMOCKA_CFLAGS := $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

# DEVELOPER=1 (make check, CI) turns warnings into errors; a distribution's
# newer compiler with a new warning still builds.
WARNINGS = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wvla
ifeq ($(DEVELOPER),1)
WARNINGS += -Werror
endif

ALL_CFLAGS = -std=c17 -D_GNU_SOURCE -DGD_VERSION='"$(VERSION)"' $(WARNINGS) \
	-Isrc -I$(BUILD) $(PKG_CFLAGS) $(CFLAGS) -MMD -MP
ALL_LDFLAGS = $(LDFLAGS)
LIBS = $(PKG_LIBS) -lpthread -lm

SCHEMAS = $(sort $(wildcard schema/*.schema.json))
SRCS = $(sort $(wildcard src/*.c))
LIB_SRCS = $(filter-out src/gdprctl.c,$(SRCS))
LIB_OBJS = $(LIB_SRCS:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/schema_data.o
UNIT_SRCS = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS = $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
BENCH_SRCS = $(sort $(wildcard tests/bench/*.c))
BENCH_BINS = $(BENCH_SRCS:tests/bench/%.c=$(BUILD)/bench/%)

SAN_FLAGS = -O1 -g -fno-omit-frame-pointer \
	-fsanitize=address,undefined -fno-sanitize-recover=all

all: $(BUILD)/gdprctl

# The compiler and flags of the last build: a change rebuilds everything.
BUILD_FLAGS = $(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) $(LIBS)
$(BUILD)/flags: FORCE
	@mkdir -p $(@D)
	@printf '%s\n' '$(subst ','\'',$(BUILD_FLAGS))' > $@.new
	@if cmp -s $@.new $@; then rm -f $@.new; else mv -f $@.new $@; fi

$(BUILD)/gdprctl: $(BUILD)/obj/gdprctl.o $(BUILD)/libgdprctl.a
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/libgdprctl.a: $(LIB_OBJS)
	$(Q)rm -f $@
	$(Q)$(AR) rcs $@ $^

$(BUILD)/obj/%.o: src/%.c $(BUILD)/flags
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/schema_data.c: tools/embed.sh $(SCHEMAS)
	@mkdir -p $(@D)
	$(Q)sh tools/embed.sh $(SCHEMAS) > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/schema_data.o: $(BUILD)/schema_data.c $(BUILD)/flags
	@mkdir -p $(@D)
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c tests/unit/unit.h $(BUILD)/libgdprctl.a \
	$(BUILD)/flags
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -Itests/unit $(ALL_LDFLAGS) \
		-o $@ $< $(BUILD)/libgdprctl.a $(CMOCKA_LIBS) $(LIBS)

$(BUILD)/bench/%: tests/bench/%.c $(BUILD)/libgdprctl.a $(BUILD)/flags
	@mkdir -p $(@D)
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libgdprctl.a $(LIBS)

units: $(UNIT_BINS)

deps:
	@sh tools/deps.sh

# Run the tests of one build directory (normal or sanitizer).
test-build: all units
	@sh tests/run-tests $(BUILD)

check: deps
	@MAKE="$(MAKE)" SAN_FLAGS="$(SAN_FLAGS)" \
		SAN_LDFLAGS="-fsanitize=address,undefined" sh tests/check

valgrind: deps all units
	@sh tests/valgrind $(BUILD)

demo: deps
	@$(MAKE) --no-print-directory all
	@echo '$$ gdprctl -C examples validate'
	@./$(BUILD)/gdprctl -C examples validate; s=$$?; \
	echo "(exit status $$s)"; test $$s -lt 2
	@echo; echo '$$ gdprctl -C examples register list'
	@./$(BUILD)/gdprctl -C examples register list
	@echo; echo '$$ gdprctl -C examples report status --year 2020 --quarter Q1 --locale sv'
	@./$(BUILD)/gdprctl -C examples report status --year 2020 --quarter Q1 \
		--locale sv

bench: deps all $(BENCH_BINS)
	@sh tests/bench/run $(BUILD)

lint:
	mandoc -Tlint -Wwarning man/gdprctl.1 man/gdprctl.5
	clang-format --dry-run --Werror src/*.c src/*.h tests/unit/*.c tests/unit/*.h \
		tests/bench/*.c

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(BASHCOMPDIR) \
		$(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 755 $(BUILD)/gdprctl $(DESTDIR)$(BINDIR)/gdprctl
	install -m 644 man/gdprctl.1 $(DESTDIR)$(MANDIR)/man1/gdprctl.1
	install -m 644 man/gdprctl.5 $(DESTDIR)$(MANDIR)/man5/gdprctl.5
	install -m 644 completions/gdprctl.bash $(DESTDIR)$(BASHCOMPDIR)/gdprctl
	install -m 644 completions/_gdprctl $(DESTDIR)$(ZSHCOMPDIR)/_gdprctl
	install -m 644 completions/gdprctl.fish $(DESTDIR)$(FISHCOMPDIR)/gdprctl.fish

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/gdprctl $(DESTDIR)$(MANDIR)/man1/gdprctl.1 \
		$(DESTDIR)$(MANDIR)/man5/gdprctl.5 $(DESTDIR)$(BASHCOMPDIR)/gdprctl \
		$(DESTDIR)$(ZSHCOMPDIR)/_gdprctl $(DESTDIR)$(FISHCOMPDIR)/gdprctl.fish

clean:
	rm -rf build

FORCE:

.PHONY: all units deps test-build check valgrind demo bench lint install uninstall clean \
	FORCE

-include $(wildcard $(BUILD)/obj/*.d $(BUILD)/tests/*.d)
