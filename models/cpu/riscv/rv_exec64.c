/* RV64 instance of the execute loop template. */
#include <string.h>

#include "rv_private.h"

#define XLEN 64

/* The plain loop, and the same loop counting block executions for --stats. */
#define RV_EXEC_FN rv_exec64
#define RV_STATS 0
#include "rv_exec.h"
#undef RV_EXEC_FN
#undef RV_STATS

#define RV_EXEC_FN rv_exec64_stats
#define RV_STATS 1
#include "rv_exec.h"
