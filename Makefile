# socsim: one Makefile at the top, fragments in mk/. Out-of-tree build in $(BUILD)/.
BUILD   ?= build
CC      ?= cc
OPT     ?= -O2
CFLAGS  ?= $(OPT) -g
CFLAGS  += $(EXTRA_CFLAGS)
WARN    := -Wall -Wextra -Wshadow -Wno-unused-parameter
CPPFLAGS += -I. -MMD -MP -D_GNU_SOURCE
CFLAGS  += -std=c11
LDLIBS  := -lyaml -lfdt -lm
PREFIX  ?= /usr/local
VERSION := 0.1.0

SANITIZE ?=
ifneq ($(SANITIZE),)
CFLAGS  += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer
LDFLAGS += -fsanitize=$(SANITIZE)
endif

# Everything but the CLI goes into one library that the CLI and the unit tests link.
LIB_SRCS := $(wildcard models/core/*.c models/bus/*.c models/periph/*.c models/cpu/riscv/*.c gdb/*.c) \
            $(filter-out sim/main.c,$(wildcard sim/*.c))
LIB_OBJS := $(LIB_SRCS:%.c=$(BUILD)/obj/%.o)
LIB      := $(BUILD)/libsocsim.a
SOCSIM   := $(BUILD)/socsim

.PHONY: all
all: $(SOCSIM)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -DSOCSIM_VERSION='"$(VERSION)"' -DSOCSIM_DATADIR='"$(PREFIX)/share/socsim"' $(CFLAGS) $(WARN) -c $< -o $@

# The execute loops use threaded dispatch: every handler must keep its own indirect jump (GCC
# would otherwise merge handler tails into shared code, one extra jump each and one indirect
# branch for many handlers, which the predictor handles badly), and GCSE hurts computed-goto
# code (GCC manual, -fgcse). Measured in docs/performance.md.
$(BUILD)/obj/models/cpu/riscv/rv_exec32.o $(BUILD)/obj/models/cpu/riscv/rv_exec64.o: \
    CFLAGS += -fno-crossjumping -fno-gcse

$(LIB): $(LIB_OBJS)
	@rm -f $@
	$(AR) rcs $@ $^

$(SOCSIM): $(BUILD)/obj/sim/main.o $(LIB)
	$(CC) $(LDFLAGS) $^ $(LDLIBS) -o $@

include $(wildcard mk/*.mk)
-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
