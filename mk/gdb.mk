# GDB stub end-to-end tests (tests/gdb/): small C programs built with -O0 -g, for RV32
# (rv32imac/ilp32, as the other test firmware) and RV64 (rv64imafdc/lp64d), into
# $(BUILD)/gdb/NAME.rv32.elf and NAME.rv64.elf, with the runtime in tests/gdb/common and the
# firmware link script (tests/firmware/common/link.ld). tests/gdb/run.sh drives them with
# gdb-multiarch; tests/gdb/bench.sh times stepi and load. `make gdb-tests` builds them.
# Also works on its own: make -f mk/gdb.mk BUILD=build gdb-tests
# (This file must sort before top.mk: top.mk's test-all reads TEST_DEPS when it is parsed.)

BUILD ?= build
CROSS ?= riscv64-unknown-elf-

GDBT_PREV_DEFAULT_GOAL := $(.DEFAULT_GOAL)

GDBT_CC := $(CROSS)gcc
GDBT_DIR := tests/gdb
GDBT_COMMON := $(GDBT_DIR)/common
GDBT_OUT := $(BUILD)/gdb
GDBT_LDSCRIPT := tests/firmware/common/link.ld
# Compiling names Zicsr/Zifencei (GCC 12, ISA spec 20191213); linking uses the names the
# multilib matcher knows (picolibc's rv32imac/ilp32, and its default rv64imafdc/lp64d).
GDBT_ARCH_rv32 := -march=rv32imac_zicsr_zifencei -mabi=ilp32
GDBT_LINK_ARCH_rv32 := -march=rv32imac -mabi=ilp32
GDBT_ARCH_rv64 := -march=rv64imafdc_zicsr_zifencei -mabi=lp64d -mcmodel=medany
GDBT_LINK_ARCH_rv64 := -march=rv64imafdc -mabi=lp64d -mcmodel=medany
GDBT_CFLAGS := --specs=picolibc.specs -DPICOLIBC_INTEGER_PRINTF_SCANF -O0 -g -Wall -Wextra \
    -ffreestanding -fno-common -I$(GDBT_COMMON) -MMD -MP
GDBT_ASFLAGS := -g -I$(GDBT_COMMON) -MMD -MP
GDBT_LDFLAGS := --specs=picolibc.specs -DPICOLIBC_INTEGER_PRINTF_SCANF -nostartfiles \
    -T $(GDBT_LDSCRIPT) -Wl,--no-warn-rwx-segments

# Each program and its sources (besides the runtime).
GDBT_PROGS := prog spin second smp irq big
GDBT_SRCS_prog := prog.c fp.S
GDBT_SRCS_spin := spin.c
GDBT_SRCS_second := second.c
GDBT_SRCS_smp := smp.c
GDBT_SRCS_irq := irq.c
GDBT_SRCS_big := spin.c blob.S
GDBT_RT_SRCS := common/start.S common/gdbrt.c

GDBT_XLENS := rv32 rv64
GDBT_ELFS := $(foreach x,$(GDBT_XLENS),$(patsubst %,$(GDBT_OUT)/%.$(x).elf,$(GDBT_PROGS)))

# rom.S: no runtime, linked into the ROM of tests/gdb/rom.yaml.
GDBT_ROM_ELF := $(GDBT_OUT)/rom.rv32.elf
$(GDBT_ROM_ELF): $(GDBT_DIR)/rom.S
	@mkdir -p $(@D)
	$(GDBT_CC) $(GDBT_ARCH_rv32) -g -nostdlib -nostartfiles -Wl,-Ttext=0x20000000 \
	    -Wl,--no-warn-rwx-segments $< -o $@

.PHONY: gdb-tests gdb-clean
gdb-tests: $(GDBT_ELFS) $(GDBT_ROM_ELF)

TEST_DEPS += gdb-tests

define GDBT_XLEN_template
$(GDBT_OUT)/obj/$(1)/%.c.o: $(GDBT_DIR)/%.c
	@mkdir -p $$(@D)
	$$(GDBT_CC) $$(GDBT_ARCH_$(1)) $$(GDBT_CFLAGS) -c $$< -o $$@
$(GDBT_OUT)/obj/$(1)/%.S.o: $(GDBT_DIR)/%.S
	@mkdir -p $$(@D)
	$$(GDBT_CC) $$(GDBT_ARCH_$(1)) $$(GDBT_ASFLAGS) -c $$< -o $$@
endef
$(foreach x,$(GDBT_XLENS),$(eval $(call GDBT_XLEN_template,$(x))))

define GDBT_ELF_template
$(GDBT_OUT)/$(1).$(2).elf: $(patsubst %,$(GDBT_OUT)/obj/$(2)/%.o,$(GDBT_RT_SRCS) \
    $(GDBT_SRCS_$(1))) $(GDBT_LDSCRIPT)
	$$(GDBT_CC) $$(GDBT_LINK_ARCH_$(2)) $$(GDBT_LDFLAGS) -o $$@ $$(filter %.o,$$^)
endef
$(foreach x,$(GDBT_XLENS),$(foreach p,$(GDBT_PROGS),$(eval $(call GDBT_ELF_template,$(p),$(x)))))

.SECONDARY: $(foreach x,$(GDBT_XLENS),$(patsubst %,$(GDBT_OUT)/obj/$(x)/%.o,$(GDBT_RT_SRCS) \
    $(sort $(foreach p,$(GDBT_PROGS),$(GDBT_SRCS_$(p))))))

gdb-clean:
	rm -rf $(GDBT_OUT)

-include $(wildcard $(GDBT_OUT)/obj/*/*.d $(GDBT_OUT)/obj/*/common/*.d)

# Do not steal the including Makefile's default goal.
ifneq ($(GDBT_PREV_DEFAULT_GOAL),)
.DEFAULT_GOAL := $(GDBT_PREV_DEFAULT_GOAL)
else
.DEFAULT_GOAL := gdb-tests
endif
