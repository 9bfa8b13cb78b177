import CMimalloc
import Foundation
import StdKitCLI

// Every allocation of the process is served by mimalloc, not the C library's malloc: linked by
// name, libmimalloc comes before libc where the loader looks for `malloc`. Loading a project
// is mostly small allocations freed soon after, which glibc's malloc serves slowly (its
// consolidation of freed chunks was a fifth of loading); mimalloc makes a check of 10,000
// small documents about a sixth faster (bench/RESULTS.md, "The allocator").
// Freed pages go back to the system at once rather than after 25 ms: with the delay, peak
// memory on powershell-docs rose above 3 × the corpus. MIMALLOC_DECOMMIT_DELAY still decides
// where it is set.
mi_option_set_default(mi_option_decommit_delay, 0)

// With STDKIT_TIMINGS=1, which allocator serves `malloc`: a build that links another way
// would quietly lose the gain, and this line is how a test or a profile sees it.
if ProcessInfo.processInfo.environment["STDKIT_TIMINGS"] == "1" {
    let probe = malloc(16)
    let allocator = mi_is_in_heap_region(probe) ? "mimalloc \(mi_version())" : "the C library's malloc"
    free(probe)
    FileHandle.standardError.write(Data("stdkit timings: allocator \(allocator)\n".utf8))
}

let status = await StdKit.run(Array(CommandLine.arguments.dropFirst()), in: .process)
exit(status)
