/* sifive_test exit: status 3. */
#define EXIT_CODE 3
#include "exit_common.h"
