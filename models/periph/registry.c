/* The device registry: maps a platform file's `type:` string to its ops table. */
#include "models/periph/periph.h"

const struct dev_type *const dev_types[] = {
    &dev_ram, &dev_rom, &dev_ns16550, &dev_clint, &dev_plic, &dev_sifive_test, &dev_htif, NULL,
};
