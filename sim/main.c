/* socsim command line: run, check, devices. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dtb.h"
#include "sim/gdbstub.h"
#include "sim.h"

#ifndef SOCSIM_VERSION
#define SOCSIM_VERSION "dev"
#endif

#define EXIT_USAGE 2
#define EXIT_LIMIT 124
#define EXIT_DEADLOCK 3
#define EXIT_INTERRUPTED 130

/* The one piece of process-wide state: a signal handler can reach nothing else. The engine
 * polls it once a quantum through sim_options.stop_flag. */
static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
    (void)sig;
    interrupted = 1;
}

/* A terminal on stdin is switched to raw input for the run, as QEMU's -nographic does: the
 * guest gets each key as it is typed and does its own echo. Output processing stays on (so a
 * guest's "\n" starts a new line) and so do signals (Ctrl-C stops socsim). */
struct tty_state {
    bool saved;
    struct termios orig;
};

static void tty_raw(struct tty_state *t)
{
    t->saved = false;
    if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &t->orig))
        return;
    struct termios raw = t->orig;
    raw.c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
    raw.c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | IEXTEN);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    /* Ctrl-Z and Ctrl-\ would stop or kill socsim with the terminal still raw: they go to
     * the guest as bytes instead. Ctrl-C stays the way out (the run ends cleanly). */
    raw.c_cc[VSUSP] = _POSIX_VDISABLE;
    raw.c_cc[VQUIT] = _POSIX_VDISABLE;
    t->saved = tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0;
}

static void tty_restore(struct tty_state *t)
{
    if (t->saved)
        tcsetattr(STDIN_FILENO, TCSANOW, &t->orig);
    t->saved = false;
}

static const char usage_text[] =
    "usage: socsim run PLATFORM [FIRMWARE] [options]\n"
    "       socsim check PLATFORM [--set PATH=VALUE]...\n"
    "       socsim dtb PLATFORM [--set PATH=VALUE]... [--append STRING] [-o FILE]\n"
    "       socsim devices\n"
    "       socsim --help | --version\n"
    "\n"
    "PLATFORM is a platform file, or the name of one in platforms/ (e.g. virt32, virt64).\n"
    "FIRMWARE (or --kernel FILE) is an ELF file, loaded by physical address, or a raw binary,\n"
    "loaded at the RAM base or, after --bios, at the next 2 MiB (RV64) / 4 MiB (RV32) boundary.\n"
    "Execution starts at the bios's entry, else FIRMWARE's, else the first --load address;\n"
    "every hart starts with a0 = mhartid and a1 = the address of the device tree.\n"
    "\n"
    "run options:\n"
    "  --max-insns N          stop after N instructions (exit status 124)\n"
    "  --timeout SECONDS      stop after SECONDS of host time (exit status 124)\n"
    "  --set PATH=VALUE       override a platform value, e.g. --set cpus.hart0.freq=50MHz,\n"
    "                         --set harts=4\n"
    "  --bios FILE            M-mode firmware (ELF, or raw at the RAM base), e.g. OpenSBI;\n"
    "                         'none' means no bios (the default)\n"
    "  --kernel FILE          the next stage: the same as the FIRMWARE argument\n"
    "  --dtb FILE             hand the harts this device tree blob, not the generated one\n"
    "  --load FILE@ADDR       load a raw binary at ADDR (repeatable)\n"
    "  --stats                print instructions, cycles, simulated time and MIPS to stderr\n"
    "  --insn-mix             --stats plus the instruction mix by class (a slower loop)\n"
    "  --semihosting-root DIR let semihosting open host files, confined to DIR\n"
    "  --append STRING        /chosen/bootargs of the device tree, and the command line that\n"
    "                         semihosting SYS_GET_CMDLINE returns\n"
    "  -q, --quiet            no informational messages\n"
    "  --gdb [HOST:]PORT      serve GDB's remote protocol on HOST:PORT (HOST 127.0.0.1 by\n"
    "                         default), or --gdb unix:PATH on a Unix socket (docs/gdb.md)\n"
    "  -s                     --gdb 1234\n"
    "  -S                     with --gdb/-s: halt before the first instruction until gdb\n"
    "                         continues\n"
    "  --gdb-detach run|halt  after gdb detaches, run on (default) or stay halted\n"
    "  -kernel, -bios, -dtb, -append, -nographic, -gdb tcp::PORT\n"
    "                         QEMU spellings of the above (-nographic is the default)\n"
    "\n"
    "dtb options: --set, --append; -o FILE writes the blob to FILE (default: stdout, not a\n"
    "terminal). Read it with: dtc -I dtb -O dts FILE\n"
    "\n"
    "Exit status: the firmware's own exit code when it exits through sifive_test, HTIF or\n"
    "semihosting; 124 when --max-insns or --timeout stops it; 3 when every hart waits for an\n"
    "interrupt that nothing can raise; 130 on SIGINT/SIGTERM; 2 for usage, platform and\n"
    "firmware file errors.\n";

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "socsim: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'socsim --help'.\n");
    return EXIT_USAGE;
}

static int parse_u64(const char *s, uint64_t *out)
{
    union param_value v;
    char err[128];
    if (param_parse(PARAM_INT, s, &v, err, sizeof(err)))
        return -1;
    *out = v.u;
    return 0;
}

struct cli {
    struct set_override *sets;
    unsigned nsets;
    struct {
        const char *path;
        uint64_t addr;
    } *loads;
    unsigned nloads;
    bool stats;
};

static int add_set(struct cli *c, char *arg)
{
    char *eq = strchr(arg, '=');
    if (!eq || eq == arg)
        return usage_error("--set expects PATH=VALUE, got '%s'", arg);
    *eq = '\0';
    c->sets = realloc(c->sets, (c->nsets + 1) * sizeof(*c->sets));
    c->sets[c->nsets++] = (struct set_override){arg, eq + 1};
    return 0;
}

static int add_load(struct cli *c, char *arg)
{
    char *at = strrchr(arg, '@');
    uint64_t addr;
    if (!at || at == arg || parse_u64(at + 1, &addr))
        return usage_error("--load expects FILE@ADDR, got '%s'", arg);
    *at = '\0';
    c->loads = realloc(c->loads, (c->nloads + 1) * sizeof(*c->loads));
    c->loads[c->nloads].path = arg;
    c->loads[c->nloads++].addr = addr;
    return 0;
}

enum { OPT_MAX_INSNS = 256, OPT_TIMEOUT, OPT_SET, OPT_LOAD, OPT_STATS, OPT_INSN_MIX,
       OPT_SEMI_ROOT, OPT_APPEND, OPT_DTB, OPT_OUTPUT,
       OPT_KERNEL, OPT_BIOS, OPT_NOGRAPHIC, OPT_GDB, OPT_GDB_DETACH };

static const struct option run_opts[] = {
    {"max-insns", required_argument, NULL, OPT_MAX_INSNS},
    {"timeout", required_argument, NULL, OPT_TIMEOUT},
    {"set", required_argument, NULL, OPT_SET},
    {"load", required_argument, NULL, OPT_LOAD},
    {"stats", no_argument, NULL, OPT_STATS},
    {"insn-mix", no_argument, NULL, OPT_INSN_MIX},
    {"semihosting-root", required_argument, NULL, OPT_SEMI_ROOT},
    {"append", required_argument, NULL, OPT_APPEND},
    {"dtb", required_argument, NULL, OPT_DTB},
    {"output", required_argument, NULL, OPT_OUTPUT},
    {"quiet", no_argument, NULL, 'q'},
    {"kernel", required_argument, NULL, OPT_KERNEL},
    {"bios", required_argument, NULL, OPT_BIOS},
    {"nographic", no_argument, NULL, OPT_NOGRAPHIC},
    {"gdb", required_argument, NULL, OPT_GDB},
    {"gdb-detach", required_argument, NULL, OPT_GDB_DETACH},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

enum mode { MODE_RUN, MODE_CHECK, MODE_DTB };
static const char *const mode_names[] = {"run", "check", "dtb"};

/* Which command an option belongs to, for "X is an option of 'run', not of 'check'". */
static bool option_allowed(enum mode m, int ch)
{
    if (ch == OPT_SET || ch == 'h' || ch == ':' || ch == '?')
        return true;
    if (ch == OPT_OUTPUT || ch == 'o')
        return m == MODE_DTB;
    if (ch == OPT_APPEND)
        return m != MODE_CHECK;
    return m == MODE_RUN;
}

/* Write the device tree blob to FILE, or stdout when it is not a terminal. */
static int write_blob(const struct sim *sim, const char *out)
{
    if (!out && isatty(STDOUT_FILENO)) {
        fprintf(stderr, "socsim: dtb: not writing a binary device tree to a terminal; give -o "
                        "FILE, or pipe it: socsim dtb PLATFORM | dtc -I dtb -O dts\n");
        return EXIT_USAGE;
    }
    FILE *f = out ? fopen(out, "wb") : stdout;
    if (!f) {
        fprintf(stderr, "socsim: error: %s: cannot open: %s\n", out, strerror(errno));
        return EXIT_USAGE;
    }
    size_t n = fwrite(sim->dtb, 1, sim->dtb_size, f);
    int closed = out ? fclose(f) : fflush(f);
    if (n != sim->dtb_size || closed) {
        fprintf(stderr, "socsim: error: %s: write error\n", out ? out : "stdout");
        return EXIT_USAGE;
    }
    return 0;
}

static int cmd_run(int argc, char **argv, enum mode mode)
{
    struct cli c = {0};
    struct sim_options opt = {0};
    const char *kernel = NULL, *bios = NULL, *output = NULL;
    int ch, rc = EXIT_USAGE;
    const bool check_only = mode != MODE_RUN;
    optind = 1;
    opterr = 0;
    /* QEMU spells its options with one dash; these few are accepted and mean the same here.
     * Translating them exactly (rather than matching single-dash prefixes) keeps a QEMU
     * option we do not have, like -m, from being taken for one of ours. */
    static const char *const qemu_opts[][2] = {
        {"-kernel", "--kernel"}, {"-bios", "--bios"}, {"-nographic", "--nographic"},
        {"-append", "--append"}, {"-dtb", "--dtb"}, {"-gdb", "--gdb"},
    };
    for (int k = 1; k < argc; k++)
        for (unsigned q = 0; q < sizeof(qemu_opts) / sizeof(qemu_opts[0]); q++)
            if (!strcmp(argv[k], qemu_opts[q][0]))
                argv[k] = (char *)qemu_opts[q][1];
    /* A leading ':' makes getopt report a missing value as ':' rather than '?'. */
    int li = -1;
    struct gdbstub_options gdb = {0};
    while ((ch = getopt_long(argc, argv, ":qho:sS", run_opts, &li)) != -1) {
        if (!option_allowed(mode, ch)) {
            bool dtb_only = ch == OPT_OUTPUT || ch == 'o';
            const char *owner = dtb_only ? "dtb" : ch == OPT_APPEND ? "run' and 'dtb" : "run";
            /* Name the option, not its value (argv[optind - 1] may be either). */
            char name[64], msg[160];
            if (li >= 0)
                snprintf(name, sizeof(name), "--%s", run_opts[li].name);
            else
                snprintf(name, sizeof(name), "-%c", ch);
            snprintf(msg, sizeof(msg), "%%s is an option of '%s', not of '%s'", owner,
                     mode_names[mode]);
            return usage_error(msg, name);
        }
        li = -1;
        switch (ch) {
        case OPT_MAX_INSNS:
            if (parse_u64(optarg, &opt.max_insns) || !opt.max_insns)
                return usage_error("--max-insns expects a positive number, got '%s'", optarg);
            break;
        case OPT_TIMEOUT: {
            char *end;
            errno = 0;
            opt.timeout = strtod(optarg, &end);
            if (errno || *end || opt.timeout <= 0)
                return usage_error("--timeout expects a positive number of seconds, got '%s'",
                                   optarg);
            break;
        }
        case OPT_SET:
            if (add_set(&c, optarg))
                return EXIT_USAGE;
            break;
        case OPT_LOAD:
            if (add_load(&c, optarg))
                return EXIT_USAGE;
            break;
        case OPT_STATS: c.stats = true; break;
        case OPT_INSN_MIX: c.stats = opt.stats = true; break;
        case OPT_SEMI_ROOT: opt.semihosting_root = optarg; break;
        case OPT_APPEND: opt.cmdline = opt.bootargs = optarg; break;
        case OPT_DTB: opt.dtb_path = optarg; break;
        case OPT_OUTPUT:
        case 'o': output = optarg; break;
        case 'q': opt.quiet = true; break;
        case OPT_KERNEL:
            if (kernel)
                return usage_error("--kernel given twice (second: '%s')", optarg);
            kernel = optarg;
            break;
        case OPT_BIOS:
            if (bios)
                return usage_error("--bios given twice (second: '%s')", optarg);
            bios = optarg;
            break;
        case OPT_NOGRAPHIC: break;
        case OPT_GDB:
            /* QEMU's -gdb tcp::PORT / tcp:HOST:PORT spelling means the same. */
            gdb.addr = !strncmp(optarg, "tcp::", 5) ? optarg + 5
                     : !strncmp(optarg, "tcp:", 4) ? optarg + 4 : optarg;
            if (!*gdb.addr)
                return usage_error("--gdb expects [HOST:]PORT or unix:PATH, got '%s'", optarg);
            break;
        case 's': gdb.addr = "1234"; break;
        case 'S': gdb.halt_at_start = true; break;
        case OPT_GDB_DETACH:
            if (strcmp(optarg, "run") && strcmp(optarg, "halt"))
                return usage_error("--gdb-detach expects 'run' or 'halt', got '%s'", optarg);
            gdb.halt_on_detach = !strcmp(optarg, "halt");
            break;
        case 'h': fputs(usage_text, stdout); return 0;
        case ':': return usage_error("option '%s' needs a value", argv[optind - 1]);
        default: return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (gdb.halt_at_start && !gdb.addr)
        return usage_error("%s needs --gdb or -s (there is nothing else to continue it)", "-S");
    /* QEMU's -bios none: no firmware stage, which is also what leaving it out means here
     * (QEMU would load its own OpenSBI instead). */
    if (bios && !strcmp(bios, "none"))
        bios = NULL;
    int npos = argc - optind;
    int maxpos = check_only || kernel ? 1 : 2;
    if (npos > maxpos)
        return usage_error("unexpected argument '%s'", argv[optind + maxpos]);
    if (npos < 1)
        return usage_error("%s: missing PLATFORM", argv[0]);
    const char *platform = argv[optind];
    const char *firmware = npos > 1 ? argv[optind + 1] : kernel;
    if (!check_only && !firmware && !bios && !c.nloads)
        return usage_error("%s: missing FIRMWARE (an ELF file or raw image, --bios FILE, or "
                           "--load FILE@ADDR)", "run");

    struct sim *sim = sim_new();
    sim->opt = opt;
    char *path = platform_resolve(platform);
    if (!path) {
        fprintf(stderr, "socsim: error: no platform '%s' (not a file, and not found in the "
                        "platform directories)\n", platform);
        goto done;
    }
    if (sim_load_platform(sim, path, c.sets, c.nsets))
        goto done;
    if (mode == MODE_CHECK) {
        platform_print(sim, stdout);
        if (sim_build_dtb(sim))
            goto done;
        if (sim->dtb_addr)
            printf("device tree: %zu bytes at 0x%016llx (a1 at reset, unless an image is "
                   "there)\n", sim->dtb_size, (unsigned long long)sim->dtb_addr);
        else
            printf("device tree: %zu bytes, not placed (%s)\n", sim->dtb_size,
                   sim_boot_ram(sim) ? "no room in RAM" : "no ram device");
        rc = 0;
        goto done;
    }
    if (mode == MODE_DTB) {
        if (sim_build_dtb(sim))
            goto done;
        rc = write_blob(sim, output);
        goto done;
    }
    if (!sim->opt.cmdline)
        sim->opt.cmdline = firmware ? firmware : bios ? bios : c.loads[0].path;
    if (bios && sim_load_bios(sim, bios))
        goto done;
    if (firmware && sim_load_kernel(sim, firmware))
        goto done;
    for (unsigned i = 0; i < c.nloads; i++)
        if (sim_load_raw(sim, c.loads[i].path, c.loads[i].addr))
            goto done;
    if (sim_prepare(sim))
        goto done;
    /* Ctrl-C or a kill ends the run cleanly: console output flushed, statistics printed. */
    sim->opt.stop_flag = &interrupted;
    struct sigaction sa = {.sa_handler = on_signal};
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    struct tty_state tty;
    tty_raw(&tty);
    enum sim_status st;
    if (gdb.addr) {
        if (gdbstub_run(sim, &gdb, &st)) {
            tty_restore(&tty);
            rc = EXIT_USAGE;
            goto done;
        }
    } else {
        st = sim_run(sim);
    }
    tty_restore(&tty);
    if (interrupted)
        st = SIM_INTERRUPTED; /* whatever the guest did after, the user stopped this run */
    switch (st) {
    case SIM_EXITED:
        rc = sim->exit_code & 0xff;
        if (sim->exit_code && !rc)
            rc = 1; /* a failure code that is a multiple of 256 must not read as success */
        break;
    case SIM_LIMIT:
        if (!sim->opt.quiet)
            fprintf(stderr, "socsim: stopped by %s at pc 0x%llx\n", sim->limit_reason,
                    (unsigned long long)sim_pc(sim));
        rc = EXIT_LIMIT;
        break;
    case SIM_DEADLOCK:
        fprintf(stderr, "socsim: every hart waits for an interrupt and no event is scheduled "
                        "(pc 0x%llx)\n", (unsigned long long)sim_pc(sim));
        rc = EXIT_DEADLOCK;
        break;
    case SIM_INTERRUPTED:
        fprintf(stderr, "socsim: interrupted at pc 0x%llx\n", (unsigned long long)sim_pc(sim));
        rc = EXIT_INTERRUPTED;
        break;
    case SIM_RUNNING:
    case SIM_DEBUG:
    case SIM_PAUSED: rc = 1; break;
    }
    if (c.stats)
        sim_print_stats(sim, stderr);
done:
    free(path);
    sim_free(sim);
    free(c.sets);
    free(c.loads);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage_text, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version")) {
        printf("socsim %s\n", SOCSIM_VERSION);
        return 0;
    }
    if (!strcmp(cmd, "run"))
        return cmd_run(argc - 1, argv + 1, MODE_RUN);
    if (!strcmp(cmd, "check"))
        return cmd_run(argc - 1, argv + 1, MODE_CHECK);
    if (!strcmp(cmd, "dtb"))
        return cmd_run(argc - 1, argv + 1, MODE_DTB);
    if (!strcmp(cmd, "devices")) {
        platform_print_types(stdout);
        return 0;
    }
    return usage_error("unknown command '%s'", cmd);
}
