# CUnit tests: every tests/unit/test_*.c is one program linked against libsocsim.
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/unit/%)

$(BUILD)/tests/unit/%: tests/unit/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) $(LDFLAGS) $< $(LIB) $(LDLIBS) -lcunit -o $@

unit-bins: $(UNIT_BINS)

test-unit: $(UNIT_BINS)
	@scripts/run-unit.sh $(UNIT_BINS)
