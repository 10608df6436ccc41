/* RV32 instance of the execute loop template. */
#include <string.h>

#include "rv_private.h"

#define XLEN 32
#define RV_EXEC_FN rv_exec32
#include "rv_exec.h"
