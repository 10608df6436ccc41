/* The GDB front end: joins the protocol library (gdb/) to the engine. The engine knows nothing
 * of it beyond the opt.debug_poll hook; the library knows nothing of RISC-V. */
#ifndef SOCSIM_GDBSTUB_H
#define SOCSIM_GDBSTUB_H

#include <stdbool.h>

#include "sim/sim.h"

struct gdbstub_options {
    const char *addr;      /* "PORT", "HOST:PORT", "unix:PATH" */
    bool halt_at_start;    /* -S: wait for gdb and its `continue` before the first instruction */
    bool halt_on_detach;   /* stay halted after the client detaches (default: run on) */
};

/* Run the simulation under the debugger's control until it ends (firmware exit, limit, `k`,
 * Ctrl-C to socsim itself). Returns the final status like sim_run; -1 (with a message on
 * stderr) if the server cannot listen. */
int gdbstub_run(struct sim *sim, const struct gdbstub_options *o, enum sim_status *status);

#endif
