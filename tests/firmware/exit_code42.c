/* sifive_test exit: status 42. */
#define EXIT_CODE 42
#include "exit_common.h"
