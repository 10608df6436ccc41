# S-mode payloads run under OpenSBI (tests/sbi/): each tests/sbi/NAME.c (plus NAME.S if there
# is one) is linked with tests/sbi/common/{start.S,rt.c} at 0x80200000 into $(BUILD)/sbi/NAME.elf.
# `make sbi-tests` builds them; test-all runs them (scripts/run-tests.sh -> tests/sbi/run.sh).
# Also works on its own: make -f mk/sbi.mk BUILD=build sbi-tests
# (This file must sort before top.mk: top.mk's test-all reads TEST_DEPS when it is parsed.)

BUILD ?= build
CROSS ?= riscv64-unknown-elf-

SBI_PREV_DEFAULT_GOAL := $(.DEFAULT_GOAL)

SBI_CC := $(CROSS)gcc
SBI_DIR := tests/sbi
SBI_COMMON := $(SBI_DIR)/common
SBI_OUT := $(BUILD)/sbi
SBI_LDSCRIPT := $(SBI_COMMON)/link.ld
# Compiling names Zicsr/Zifencei (GCC 12, ISA spec 20191213); linking uses a multilib GCC
# knows (rv64imac/lp64) for libgcc. The C code is integer-only; F/D appear in inline asm.
SBI_ARCH := -march=rv64imafdc_zicsr_zifencei -mabi=lp64
SBI_LINK_ARCH := -march=rv64imac -mabi=lp64
SBI_CFLAGS := $(SBI_ARCH) -mcmodel=medany -mno-relax -ffreestanding -fno-builtin -nostdlib \
    -fno-common -fno-pic -O2 -g -Wall -Wextra -Wno-unused-parameter -I$(SBI_COMMON) -MMD -MP
SBI_ASFLAGS := $(SBI_ARCH) -mno-relax -g -I$(SBI_COMMON) -MMD -MP
SBI_LDFLAGS := $(SBI_LINK_ARCH) -nostdlib -nostartfiles -mno-relax -Wl,--no-relax \
    -T $(SBI_LDSCRIPT) -Wl,--no-warn-rwx-segments

SBI_NAMES := $(sort $(basename $(notdir $(wildcard $(SBI_DIR)/*.c))))
SBI_ELFS := $(patsubst %,$(SBI_OUT)/%.elf,$(SBI_NAMES))
SBI_RT_OBJS := $(SBI_OUT)/obj/common/start.S.o $(SBI_OUT)/obj/common/rt.c.o

.PHONY: sbi-tests sbi-clean
sbi-tests: $(SBI_ELFS)

TEST_DEPS += sbi-tests

$(SBI_OUT)/obj/%.c.o: $(SBI_DIR)/%.c
	@mkdir -p $(@D)
	$(SBI_CC) $(SBI_CFLAGS) -c $< -o $@

$(SBI_OUT)/obj/%.S.o: $(SBI_DIR)/%.S
	@mkdir -p $(@D)
	$(SBI_CC) $(SBI_ASFLAGS) -c $< -o $@

# NAME.elf: the runtime, NAME.c, and NAME.S when it exists.
define SBI_ELF_template
$(SBI_OUT)/$(1).elf: $(SBI_RT_OBJS) $(SBI_OUT)/obj/$(1).c.o \
    $(if $(wildcard $(SBI_DIR)/$(1).S),$(SBI_OUT)/obj/$(1).S.o) $(SBI_LDSCRIPT)
	$$(SBI_CC) $$(SBI_LDFLAGS) -o $$@ $$(filter %.o,$$^) -lgcc
endef
$(foreach n,$(SBI_NAMES),$(eval $(call SBI_ELF_template,$(n))))

.SECONDARY: $(SBI_RT_OBJS) $(patsubst %,$(SBI_OUT)/obj/%.c.o,$(SBI_NAMES)) \
    $(patsubst $(SBI_DIR)/%.S,$(SBI_OUT)/obj/%.S.o,$(wildcard $(SBI_DIR)/*.S))

sbi-clean:
	rm -rf $(SBI_OUT)

-include $(wildcard $(SBI_OUT)/obj/*.d $(SBI_OUT)/obj/common/*.d)

# Do not steal the including Makefile's default goal.
ifneq ($(SBI_PREV_DEFAULT_GOAL),)
.DEFAULT_GOAL := $(SBI_PREV_DEFAULT_GOAL)
else
.DEFAULT_GOAL := sbi-tests
endif
