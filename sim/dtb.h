/* The flattened device tree handed to firmware in a1: generated with libfdt from the loaded
 * platform (its harts, RAM, CLINT, PLIC, UARTs, sifive_test and their wiring), or read from a
 * file (--dtb). The layout follows QEMU's virt machine; docs/boot.md lists the nodes. */
#ifndef SOCSIM_DTB_H
#define SOCSIM_DTB_H

#include <stddef.h>
#include <stdint.h>

struct sim;

/* Generate the tree of a loaded platform; bootargs (may be NULL) becomes /chosen/bootargs.
 * On success *blob is malloc'd and *size is its fdt_totalsize. */
int dtb_generate(const struct sim *sim, const char *bootargs, void **blob, size_t *size,
                 char *err, size_t errlen);

/* Read a .dtb file, check its header, and set /chosen/bootargs when bootargs is not NULL
 * (QEMU's -dtb with -append does the same). */
int dtb_read_file(const char *path, const char *bootargs, void **blob, size_t *size, char *err,
                  size_t errlen);

/* Where QEMU 7.2 (hw/riscv/boot.c, riscv_load_fdt) puts a tree of `size` bytes in the RAM
 * [ram_base, ram_base + ram_size): below the end of RAM or 3 GiB, whichever is lower (so
 * 32-bit code can reach it), minus its size, aligned down to 2 MiB. 0 when it does not fit. */
uint64_t dtb_place(uint64_t ram_base, uint64_t ram_size, size_t size);

#endif
