import Foundation
import Testing
@testable import StdKitServe

/// The temporary files of saves cut short are removed when a server starts, but not the file of
/// a save another server on the same folder has in flight.
@Suite struct InterruptedSavesTests {
    /// The id of a process that has ended (started, waited for).
    static func endedProcess() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func leftoversOfEndedProcessesGoThoseOfRunningOnesStay() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-leftovers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("courses"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let ended = try Self.endedProcess()
        let running = getppid()  // the process that started the tests: it runs
        let files = [
            "courses/.plc.md.stdkit-\(ended)-0a1b2c3d.tmp",       // its server was killed: goes
            "courses/.robot.md.stdkit-\(running)-0a1b2c3d.tmp",   // another server's save in flight: stays
            ".README.md.stdkit-\(getpid())-ffffffff.tmp",         // this process's own (none in flight at start): goes
            "courses/.old.md.stdkit-89ABCDEF.tmp",                // the first servers' form, no process id: goes
            "courses/.plc.md.stdkit-xyz.tmp",                     // not a save's name: stays
            "courses/notes.tmp",                                  // stays
            ".git/.plc.md.stdkit-\(ended)-0a1b2c3d.tmp",          // never under .git: stays
        ]
        for file in files { try Data("x".utf8).write(to: root.appendingPathComponent(file)) }
        let removed = InterruptedSaves.removeLeftovers(under: root)
        #expect(removed == [".README.md.stdkit-\(getpid())-ffffffff.tmp", "courses/.old.md.stdkit-89ABCDEF.tmp",
                            "courses/.plc.md.stdkit-\(ended)-0a1b2c3d.tmp"])
        let left = files.filter { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }
        #expect(left == ["courses/.robot.md.stdkit-\(running)-0a1b2c3d.tmp", "courses/.plc.md.stdkit-xyz.tmp", "courses/notes.tmp",
                         ".git/.plc.md.stdkit-\(ended)-0a1b2c3d.tmp"])
    }

    @Test func theWriterIsReadFromTheName() {
        #expect(InterruptedSaves.writer(of: ".plc.md.stdkit-4242-0a1b2c3d.tmp") == 4242)
        #expect(InterruptedSaves.writer(of: ".plc.md.stdkit-0a1b2c3d.tmp") == nil)
        #expect(InterruptedSaves.isLeftover(".plc.md.stdkit-0a1b2c3d.tmp"))
        #expect(InterruptedSaves.isLeftover(".课程.md.stdkit-17-0a1b2c3d.tmp"))
        #expect(!InterruptedSaves.isLeftover("plc.md.stdkit-17-0a1b2c3d.tmp"))
        #expect(!InterruptedSaves.isLeftover(".plc.md.stdkit-17-0a1b2c3.tmp"))
    }
}
