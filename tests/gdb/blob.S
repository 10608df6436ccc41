/* 1 MiB of data, linked into big.elf (spin + this) for the `load` timing in bench.sh. */
    .section .rodata.blob, "aR"     /* R: kept by --gc-sections */
    .globl  blob
blob:
    .fill   1048576, 1, 0xa5
