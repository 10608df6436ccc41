/* Constants shared by start.S and the C side (sbi.h). */
#ifndef SBI_ASM_H
#define SBI_ASM_H

#define MAX_HARTS 8
#define STACK_SIZE 16384
#define TRAP_STACK_SIZE 4096
#define FRAME_SIZE (36 * 8) /* struct trap_frame */
#define SSTATUS_FS_INITIAL (1 << 13)

#endif
