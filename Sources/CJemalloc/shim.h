#ifndef STDKIT_CJEMALLOC_SHIM_H
#define STDKIT_CJEMALLOC_SHIM_H
#include <stddef.h>
/* Only jemalloc's control interface. <jemalloc/jemalloc.h> would declare malloc and free a
   second time beside the C library's, and nothing here calls them by another name: linked by
   name, libjemalloc comes before libc where the loader looks for malloc (Sources/stdkit). */
int mallctl(const char *name, void *oldp, size_t *oldlenp, void *newp, size_t newlen);

/* glibc's dladdr, which <dlfcn.h> declares only for _GNU_SOURCE: the shared object that
   defines an address (Allocator.description names the one serving malloc). */
typedef struct {
    const char *dli_fname;
    void *dli_fbase;
    const char *dli_sname;
    void *dli_saddr;
} stdkit_dl_info;
int stdkit_dladdr(const void *address, stdkit_dl_info *info) __asm__("dladdr");
#endif
