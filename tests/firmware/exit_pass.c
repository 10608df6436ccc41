/* sifive_test exit: status 0. */
#define EXIT_CODE 0
#include "exit_common.h"
