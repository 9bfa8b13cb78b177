import Foundation
import Testing

/// The built executable's allocator (`Sources/stdkit/Allocator.swift`). A change of the link
/// order or of the package's targets that brought back the C library's `malloc` would cost a
/// sixth of every check and fail nothing else, so the executable says which allocator serves
/// it, and with which decay times (they hold the peak memory under the goal).
@Suite("The executable's allocator")
struct AllocatorTests {
    static func run(_ stdkit: URL, _ arguments: [String], environment changes: [String: String?]) throws
        -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = stdkit
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["STDKIT_TIMINGS"] = nil
        environment["MALLOC_CONF"] = nil
        for (name, value) in changes { environment[name] = value }
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Both pipes are read to their end before waiting: the output is small, but a full
        // pipe would block the child.
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }

    static func allocatorLine(_ errors: String) -> String? {
        errors.split(separator: "\n").first { $0.hasPrefix("stdkit timings: allocator ") }.map(String.init)
    }

    /// Under a sanitizer (`make sanitize`) its runtime, linked into the executable, serves
    /// `malloc` in jemalloc's place: the executable names itself, and there is nothing to hold.
    static func servedBySanitizer(_ line: String?) -> Bool {
        line == "stdkit timings: allocator stdkit"
    }

    @Test func jemallocServesACheckWithItsDecayTimes() throws {
        guard let stdkit = GitTests.builtExecutable() else {
            print("skipped: the stdkit executable is not built beside the tests (run swift build first)")
            return
        }
        let folder = try CLIRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try GitTests.job.write(to: folder.appendingPathComponent("job.md"), atomically: true, encoding: .utf8)
        try GitTests.course.write(to: folder.appendingPathComponent("course.md"), atomically: true, encoding: .utf8)

        let timed = try Self.run(stdkit, ["check", folder.path, "--lang", "en"], environment: ["STDKIT_TIMINGS": "1"])
        #expect(timed.status == 0, "\(timed.errors)")
        #expect(timed.output.hasSuffix("checked 2 files: 1 note\n"), "\(timed.output)")
        let line = Self.allocatorLine(timed.errors)
        if Self.servedBySanitizer(line) {
            print("skipped: a sanitizer's runtime serves malloc in this build")
            return
        }
        #expect(line?.hasPrefix("stdkit timings: allocator libjemalloc.so.2: jemalloc 5.") == true, "\(timed.errors)")
        #expect(line?.hasSuffix(", dirty_decay_ms 100, muzzy_decay_ms 0") == true, "\(timed.errors)")

        // Without STDKIT_TIMINGS the allocator is not mentioned: standard error stays empty.
        let plain = try Self.run(stdkit, ["check", folder.path, "--lang", "en"], environment: [:])
        #expect(plain.status == 0)
        #expect(plain.output == timed.output)
        #expect(plain.errors.isEmpty, "\(plain.errors)")
    }

    /// Whoever sets `MALLOC_CONF` decides jemalloc's options: the executable sets none of its own.
    @Test func mallocConfDecides() throws {
        guard let stdkit = GitTests.builtExecutable() else {
            print("skipped: the stdkit executable is not built beside the tests (run swift build first)")
            return
        }
        let run = try Self.run(stdkit, ["--version"], environment: ["STDKIT_TIMINGS": "1", "MALLOC_CONF": "dirty_decay_ms:2500"])
        #expect(run.status == 0, "\(run.errors)")
        let line = Self.allocatorLine(run.errors)
        if Self.servedBySanitizer(line) {
            print("skipped: a sanitizer's runtime serves malloc in this build")
            return
        }
        #expect(line?.hasSuffix(", dirty_decay_ms 2500, muzzy_decay_ms 0") == true, "\(run.errors)")
    }
}
