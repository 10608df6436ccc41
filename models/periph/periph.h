/* The built-in peripheral device types, collected by registry.c into dev_types[]. */
#ifndef SOCSIM_PERIPH_H
#define SOCSIM_PERIPH_H

#include "models/core/device.h"

extern const struct dev_type dev_ram;
extern const struct dev_type dev_rom;
extern const struct dev_type dev_ns16550;
extern const struct dev_type dev_clint;
extern const struct dev_type dev_plic;
extern const struct dev_type dev_sifive_test;
extern const struct dev_type dev_htif;

#endif
