# Real firmware stacks (Debian's OpenSBI and U-Boot) booted on platforms/virt64.yaml:
# tests/boot/run.sh, which scripts/run-tests.sh runs as a stage of `make test`; docs/boot.md.
# This file sorts before top.mk, so TEST_DEPS is complete when test-all's prerequisites are read.
TEST_DEPS += $(SOCSIM)

test-boot: $(SOCSIM)
	tests/boot/run.sh $(SOCSIM)

.PHONY: test-boot
