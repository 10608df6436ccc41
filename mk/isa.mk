# ISA tests: tests/isa/NAME.S and tests/isa/priv/NAME.S, listed in tests/isa/*.list, built for
# each listed XLEN with tests/isa/common/crt.S into $(BUILD)/isa/NAME.rv32.elf / NAME.rv64.elf.
# `make isa-tests` builds them all; test-all runs them (scripts/run-tests.sh -> tests/isa/run.sh).
# Also works on its own: make -f mk/isa.mk BUILD=build isa-tests

BUILD ?= build
CROSS ?= riscv64-unknown-elf-

ISA_PREV_DEFAULT_GOAL := $(.DEFAULT_GOAL)

ISA_CC := $(CROSS)gcc
ISA_OBJDUMP := $(CROSS)objdump
ISA_DIR := tests/isa
ISA_COMMON := $(ISA_DIR)/common
ISA_OUT := $(BUILD)/isa
ISA_LDSCRIPT := $(ISA_COMMON)/link.ld
ISA_ARCH_32 := -march=rv32gc_zba_zbb_zbs -mabi=ilp32
ISA_ARCH_64 := -march=rv64gc_zba_zbb_zbs -mabi=lp64
ISA_ASFLAGS := -g -mno-relax -I$(ISA_COMMON) -MMD -MP
ISA_LDFLAGS := -nostdlib -nostartfiles -mno-relax -Wl,--no-relax -T $(ISA_LDSCRIPT) \
    -Wl,--no-warn-rwx-segments

ISA_LISTS := $(sort $(wildcard $(ISA_DIR)/*.list))
# NAME.rv32 / NAME.rv64 for every listed build.
ISA_BUILDS := $(sort $(shell $(ISA_DIR)/list.sh $(ISA_LISTS)))
ISA_ELFS := $(patsubst %,$(ISA_OUT)/%.elf,$(ISA_BUILDS))
# Tests whose compressed encodings are checked in the disassembly (scripts/check-rvc.sh).
ISA_RVC_CHECKS := $(patsubst %,$(ISA_OUT)/%.rvc-checked,$(filter rv_c.%,$(ISA_BUILDS)))

.PHONY: isa-tests isa-clean
isa-tests: $(ISA_ELFS) $(ISA_RVC_CHECKS)

TEST_DEPS += isa-tests

$(ISA_OUT)/obj/crt.rv%.o: $(ISA_COMMON)/crt.S
	@mkdir -p $(@D)
	$(ISA_CC) $(ISA_ARCH_$*) $(ISA_ASFLAGS) -DXLEN=$* -c $< -o $@

# A test's source is tests/isa/NAME.S or tests/isa/priv/NAME.S; one object per XLEN.
define ISA_OBJ_template
$(ISA_OUT)/obj/%.rv$(1).o: $(ISA_DIR)/%.S
	@mkdir -p $$(@D)
	$$(ISA_CC) $$(ISA_ARCH_$(1)) $$(ISA_ASFLAGS) -DXLEN=$(1) -c $$< -o $$@
$(ISA_OUT)/obj/%.rv$(1).o: $(ISA_DIR)/priv/%.S
	@mkdir -p $$(@D)
	$$(ISA_CC) $$(ISA_ARCH_$(1)) $$(ISA_ASFLAGS) -DXLEN=$(1) -c $$< -o $$@
$(ISA_OUT)/%.rv$(1).elf: $(ISA_OUT)/obj/crt.rv$(1).o $(ISA_OUT)/obj/%.rv$(1).o $(ISA_LDSCRIPT)
	$$(ISA_CC) $$(ISA_ARCH_$(1)) $$(ISA_LDFLAGS) -o $$@ $$(filter %.o,$$^)
endef
$(eval $(call ISA_OBJ_template,32))
$(eval $(call ISA_OBJ_template,64))

# rv_c is only meaningful if every compressed form really is a 16-bit encoding.
# Everything but crt.S's code (_start, isa_*) is scanned.
$(ISA_OUT)/%.rv32.rvc-checked: $(ISA_OUT)/%.rv32.elf scripts/check-rvc.sh
	scripts/check-rvc.sh $(ISA_OBJDUMP) $< rv32fdc . '^(isa_|_start$$)'
	@touch $@
$(ISA_OUT)/%.rv64.rvc-checked: $(ISA_OUT)/%.rv64.elf scripts/check-rvc.sh
	scripts/check-rvc.sh $(ISA_OBJDUMP) $< rv64fdc . '^(isa_|_start$$)'
	@touch $@

# Keep the objects (make would delete them as intermediates of the pattern chain).
.SECONDARY: $(patsubst %,$(ISA_OUT)/obj/%.o,$(ISA_BUILDS)) \
    $(ISA_OUT)/obj/crt.rv32.o $(ISA_OUT)/obj/crt.rv64.o

isa-clean:
	rm -rf $(ISA_OUT)

-include $(wildcard $(ISA_OUT)/obj/*.d)

# Do not steal the including Makefile's default goal.
ifneq ($(ISA_PREV_DEFAULT_GOAL),)
.DEFAULT_GOAL := $(ISA_PREV_DEFAULT_GOAL)
else
.DEFAULT_GOAL := isa-tests
endif
