import CJemalloc
import Foundation

/// The executable's allocator: jemalloc (Debian's libjemalloc2, 5.3). Linked by name, the
/// library comes before libc where the loader looks for `malloc`, so every allocation of the
/// process — Swift's, Foundation's, cmark's, libyaml's — is served by it, as with `LD_PRELOAD`.
///
/// Loading a project is mostly small allocations freed soon after (a document's YAML events,
/// cmark's nodes, the copies of text that become items), which glibc's malloc serves slowly: it
/// consolidates the chunks freed since the last large request before serving it. With jemalloc
/// the check of the generated 10,000 documents takes about a sixth less time, and a rebuild of
/// powershell-docs about a ninth (bench/RESULTS.md, "seventh session").
enum Allocator {
    /// Freed pages are kept this long for reuse before they go back to the system. jemalloc's
    /// default of 10 s raised the peak of a check of powershell-docs to 2.95 × the corpus (the
    /// goal is 3 ×); at 0 every free gives its pages back and the merge of a 1 MB document,
    /// which frees and takes its large blocks again at once, lost 6 ms. 100 ms keeps both.
    static let dirtyDecayMilliseconds = 100
    /// Pages given back lazily (`MADV_FREE`) still count in the peak until the kernel takes
    /// them: none are (jemalloc's own default since 5.2, stated so that it stays).
    static let muzzyDecayMilliseconds = 0

    /// Sets the decay times, unless `MALLOC_CONF` sets jemalloc's options itself: for the arenas
    /// that exist (the main thread's) and for those made from now on (one per thread that
    /// allocates, up to four per core).
    static func configure(environment: [String: String]) {
        guard environment["MALLOC_CONF"] == nil else { return }
        set("dirty_decay_ms", to: dirtyDecayMilliseconds)
        set("muzzy_decay_ms", to: muzzyDecayMilliseconds)
    }

    private static func set(_ option: String, to milliseconds: Int) {
        // jemalloc's type for a decay time is `ssize_t`, Swift's `Int`.
        var value = milliseconds
        _ = mallctl("arenas.\(option)", nil, nil, &value, MemoryLayout<Int>.size)
        var count: UInt32 = 0
        var countSize = MemoryLayout<UInt32>.size
        guard mallctl("arenas.narenas", &count, &countSize, nil, 0) == 0 else { return }
        // An arena not made yet answers EFAULT, and takes the default set above when it is.
        for arena in 0..<count { _ = mallctl("arena.\(arena).\(option)", nil, nil, &value, MemoryLayout<Int>.size) }
    }

    /// Which library serves `malloc` in this process and, when it is jemalloc, its version and
    /// the decay times of the main thread's arena: "libjemalloc.so.2: jemalloc 5.3.0-…,
    /// dirty_decay_ms 100, muzzy_decay_ms 0". A build that linked another way would quietly
    /// lose the gain; with `STDKIT_TIMINGS=1` this line is how a test or a profile sees it.
    static func description() -> String {
        let library = servingLibrary() ?? "an unknown library"
        guard library.hasPrefix("libjemalloc") else { return library }
        var version: UnsafePointer<CChar>?
        var versionSize = MemoryLayout<UnsafePointer<CChar>?>.size
        guard mallctl("version", &version, &versionSize, nil, 0) == 0, let version else { return library }
        let decays = ["dirty_decay_ms", "muzzy_decay_ms"].map { option in
            var value = 0
            var size = MemoryLayout<Int>.size
            let read = mallctl("arena.0.\(option)", &value, &size, nil, 0) == 0
            return "\(option) \(read ? String(value) : "unknown")"
        }
        return "\(library): jemalloc \(String(cString: version)), \(decays.joined(separator: ", "))"
    }

    /// The file name of the shared object whose `malloc` the process's calls reach: the first
    /// definition in the loader's global order, where every call through the PLT goes.
    private static func servingLibrary() -> String? {
        guard let handle = dlopen(nil, RTLD_NOW), let address = dlsym(handle, "malloc") else { return nil }
        var info = stdkit_dl_info()
        guard stdkit_dladdr(address, &info) != 0, let file = info.dli_fname else { return nil }
        return URL(fileURLWithPath: String(cString: file)).lastPathComponent
    }
}
