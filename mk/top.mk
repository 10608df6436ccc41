# The commands in README.md: deps, demo, test, test-asan, bench (mk/firmware.mk), install.
DEPS_CHECK = scripts/deps.sh --check || $(MAKE) --no-print-directory deps

deps:
	@scripts/deps.sh

deps-bench:
	@scripts/deps.sh --bench

demo:
	@$(DEPS_CHECK)
	@$(MAKE) --no-print-directory $(SOCSIM) examples/hello/hello.elf
	@echo; echo '$$ $(SOCSIM) check virt32'
	@$(SOCSIM) check virt32
	@echo; echo '$$ $(SOCSIM) run virt32 examples/hello/hello.elf --stats'
	@$(SOCSIM) run virt32 examples/hello/hello.elf --stats

test:
	@$(DEPS_CHECK)
	@$(MAKE) --no-print-directory test-all

# Other fragments add what their stage needs built to TEST_DEPS.
test-all: $(SOCSIM) unit-bins firmware $(TEST_DEPS)
	@scripts/run-tests.sh $(BUILD)

# The whole suite again with AddressSanitizer and UndefinedBehaviorSanitizer in a separate tree.
test-asan:
	@$(DEPS_CHECK)
	@$(MAKE) --no-print-directory BUILD=build-asan OPT=-O1 \
	    SANITIZE=address,undefined EXTRA_CFLAGS=-fno-sanitize-recover=all test-all

install: $(SOCSIM)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/socsim/platforms
	install -m 755 $(SOCSIM) $(DESTDIR)$(PREFIX)/bin/socsim
	install -m 644 platforms/*.yaml $(DESTDIR)$(PREFIX)/share/socsim/platforms/

clean:
	rm -rf $(BUILD) build-asan examples/hello/hello.elf

.PHONY: deps deps-bench demo test test-all test-asan install clean unit-bins
