#ifndef STDKIT_CMIMALLOC_SHIM_H
#define STDKIT_CMIMALLOC_SHIM_H
#include <mimalloc.h>
#include <stdlib.h>
#endif
