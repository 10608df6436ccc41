# Guest firmware: self-checking test ELFs, the hello example and the benchmark, built with the
# riscv64-unknown-elf cross toolchain and picolibc for RV32IMAC. Included by the top Makefile;
# also works on its own: make -f mk/firmware.mk BUILD=build firmware

BUILD ?= build
CROSS ?= riscv64-unknown-elf-

FW_PREV_DEFAULT_GOAL := $(.DEFAULT_GOAL)

FW_CC := $(CROSS)gcc
FW_OBJDUMP := $(CROSS)objdump

# Compiling needs the _zicsr/_zifencei spelling (GCC 12 defaults to ISA spec 20191213), but
# the multilib matcher only knows plain rv32imac, so the link step uses that spelling.
FW_ARCH := -march=rv32imac_zicsr_zifencei -mabi=ilp32
FW_LINK_ARCH := -march=rv32imac -mabi=ilp32
FW_COMMON := tests/firmware/common
FW_CFLAGS := $(FW_ARCH) --specs=picolibc.specs -DPICOLIBC_INTEGER_PRINTF_SCANF \
    -O2 -g -Wall -Wextra -ffreestanding -fno-common -ffunction-sections -fdata-sections \
    -I$(FW_COMMON) -MMD -MP
FW_ASFLAGS := $(FW_ARCH) -g -I$(FW_COMMON) -MMD -MP
FW_LDSCRIPT := $(FW_COMMON)/link.ld
FW_LDFLAGS := $(FW_LINK_ARCH) --specs=picolibc.specs -DPICOLIBC_INTEGER_PRINTF_SCANF \
    -nostartfiles -T $(FW_LDSCRIPT) -Wl,--gc-sections -Wl,--no-warn-rwx-segments

FW_OBJ := $(BUILD)/fw/obj
FW_RT_OBJS := $(FW_OBJ)/$(FW_COMMON)/crt0.S.o $(FW_OBJ)/$(FW_COMMON)/rt.c.o

# A test is every tests/firmware/NAME.c and/or NAME.S; both files go into NAME.elf.
FW_TEST_SRCS := $(wildcard tests/firmware/*.c tests/firmware/*.S)
FW_TEST_NAMES := $(sort $(basename $(notdir $(FW_TEST_SRCS))))
FW_TEST_ELFS := $(patsubst %,$(BUILD)/fw/tests/%.elf,$(FW_TEST_NAMES))

FW_HELLO_ELF := examples/hello/hello.elf
FW_HELLO_OBJS := $(FW_OBJ)/examples/hello/hello.c.o

# SCALE multiplies the benchmark's work; a stamp file makes a new value rebuild it.
SCALE ?= 1
FW_BENCH_ELF := $(BUILD)/fw/bench/bench.elf
FW_BENCH_SRCS := $(wildcard tests/bench/*.c)
FW_BENCH_OBJS := $(patsubst %,$(FW_OBJ)/%.o,$(FW_BENCH_SRCS))
FW_BENCH_STAMP := $(BUILD)/fw/bench/scale-$(SCALE).stamp

# The same benchmark run in S-mode with Sv32 paging on (tests/bench/smode/).
FW_BENCH_SMODE_ELF := $(BUILD)/fw/bench/bench-smode.elf
FW_BENCH_SMODE_OBJS := $(FW_OBJ)/tests/bench/smode/smode.c.o

FW_ALL_OBJS := $(FW_RT_OBJS) $(FW_HELLO_OBJS) $(FW_BENCH_OBJS) $(FW_BENCH_SMODE_OBJS) \
    $(patsubst %,$(FW_OBJ)/%.o,$(FW_TEST_SRCS))

.PHONY: firmware test-firmware bench firmware-clean

firmware: $(FW_TEST_ELFS) $(FW_HELLO_ELF) $(FW_BENCH_ELF) $(FW_BENCH_SMODE_ELF) \
    $(BUILD)/fw/tests/rvc.checked

$(FW_OBJ)/%.c.o: %.c
	@mkdir -p $(@D)
	$(FW_CC) $(FW_CFLAGS) -c $< -o $@

$(FW_OBJ)/%.S.o: %.S
	@mkdir -p $(@D)
	$(FW_CC) $(FW_ASFLAGS) -c $< -o $@

define FW_TEST_template
$(BUILD)/fw/tests/$(1).elf: $(FW_RT_OBJS) \
    $(patsubst %,$(FW_OBJ)/%.o,$(wildcard tests/firmware/$(1).c tests/firmware/$(1).S)) \
    $(FW_LDSCRIPT)
	@mkdir -p $$(@D)
	$(FW_CC) $(FW_LDFLAGS) -o $$@ $$(filter %.o,$$^)
endef
$(foreach t,$(FW_TEST_NAMES),$(eval $(call FW_TEST_template,$(t))))

# The compressed-instruction test is only meaningful if the assembler really emitted every
# RV32C form; check the disassembly once per build.
$(BUILD)/fw/tests/rvc.checked: $(BUILD)/fw/tests/rvc.elf scripts/check-rvc.sh
	scripts/check-rvc.sh $(FW_OBJDUMP) $< rv32c '^rvc_[a-z]+$$'
	@touch $@

$(FW_HELLO_ELF): $(FW_RT_OBJS) $(FW_HELLO_OBJS) $(FW_LDSCRIPT)
	$(FW_CC) $(FW_LDFLAGS) -o $@ $(filter %.o,$^)

$(FW_BENCH_STAMP):
	@mkdir -p $(@D)
	@rm -f $(BUILD)/fw/bench/scale-*.stamp
	@touch $@

$(FW_BENCH_OBJS): FW_CFLAGS += -DSCALE=$(SCALE)
$(FW_BENCH_OBJS): $(FW_BENCH_STAMP)

$(FW_BENCH_ELF): $(FW_RT_OBJS) $(FW_BENCH_OBJS) $(FW_LDSCRIPT)
	@mkdir -p $(@D)
	$(FW_CC) $(FW_LDFLAGS) -o $@ $(filter %.o,$^)

$(FW_BENCH_SMODE_ELF): $(FW_RT_OBJS) $(FW_BENCH_OBJS) $(FW_BENCH_SMODE_OBJS) $(FW_LDSCRIPT)
	@mkdir -p $(@D)
	$(FW_CC) $(FW_LDFLAGS) -o $@ $(filter %.o,$^)

test-firmware: $(BUILD)/socsim firmware
	tests/firmware/run.sh $(BUILD)/socsim $(BUILD)/fw/tests

bench: $(BUILD)/socsim firmware
	scripts/bench.sh $(BUILD)/socsim $(FW_BENCH_ELF)
	@echo
	@echo "The same kernels in S-mode with Sv32 paging on:"
	scripts/bench.sh $(BUILD)/socsim $(FW_BENCH_SMODE_ELF)
	@echo
	@echo "The bare M-mode run again with the GDB stub listening (no client, no breakpoints):"
	BENCH_SOCSIM_ARGS="--gdb unix:$(abspath $(BUILD))/bench-gdb.sock" QEMU=none \
	    scripts/bench.sh $(BUILD)/socsim $(FW_BENCH_ELF)
	@if [ -x tests/gdb/bench.sh ] && command -v gdb-multiarch >/dev/null; then \
	    echo; echo "GDB stub round trips (gdb-multiarch over a Unix socket):"; \
	    $(MAKE) --no-print-directory gdb-tests >/dev/null && \
	    tests/gdb/bench.sh $(BUILD)/socsim $(BUILD)/gdb; fi

firmware-clean:
	rm -rf $(BUILD)/fw $(FW_HELLO_ELF)

-include $(FW_ALL_OBJS:.o=.d)

# Do not steal the including Makefile's default goal.
ifneq ($(FW_PREV_DEFAULT_GOAL),)
.DEFAULT_GOAL := $(FW_PREV_DEFAULT_GOAL)
else
.DEFAULT_GOAL := firmware
endif
