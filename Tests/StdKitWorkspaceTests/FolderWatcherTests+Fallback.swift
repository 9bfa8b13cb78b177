import Foundation
import Testing
@testable import StdKitWorkspace
#if canImport(Glibc)
import Glibc
#endif

/// When the watcher polls, it says why, and how often it looks depends on the folder's size:
/// a small project polled every second showed a change on disk a second late in CI.
extension FolderWatcherTests {
    /// A watcher whose inotify instance cannot be made, as on a machine where the user's
    /// `fs.inotify.max_user_instances` are all taken (every Chromium holds several).
    static func watchWithoutInotify(_ folder: URL, failing code: Int32) throws -> (FolderWatcher, Batches) {
        let batches = Batches()
        let watcher = try FolderWatcher(root: folder, latency: .milliseconds(50), maxDelay: .seconds(1), pollInterval: nil, polling: false,
                                        inotifyInit: { errno = code; return -1 }) { batches.add($0) }
        return (watcher, batches)
    }

    @Test func withoutAnInotifyInstanceItPollsSaysWhyAndStillSeesChanges() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.write("old\n", "kept.md", in: folder)
        let (watcher, batches) = try Self.watchWithoutInotify(folder, failing: EMFILE)
        defer { watcher.stop() }
        #expect(watcher.mode == .polling)
        #expect(watcher.fallback == .noInstance(errno: EMFILE))
        #expect(watcher.pollInterval == .milliseconds(250))
        try Self.write("changed, and longer\n", "kept.md", in: folder)
        #expect(try await batches.waitFor(["kept.md"]))
        #expect(batches.paths == ["kept.md"])
    }

    @Test func withInotifyThereIsNoFallback() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let watcher = try FolderWatcher(root: folder) { _ in }
        defer { watcher.stop() }
        #expect(watcher.mode == .inotify)
        #expect(watcher.fallback == nil)
        let asked = try FolderWatcher(root: folder, polling: true) { _ in }
        defer { asked.stop() }
        #expect(asked.mode == .polling)
        #expect(asked.fallback == .requested)
    }

    /// Up to `quickPollFiles` files a walk is cheap enough to make four times a second; above,
    /// once a second. An interval asked for is kept whatever the size.
    @Test func thePollIntervalFollowsTheFolderSize() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for number in 0..<FolderWatcher.quickPollFiles {
            try Self.write("\(number)\n", "d\(number % 20)/f\(number).md", in: folder)
        }
        let small = try FolderWatcher(root: folder, polling: true) { _ in }
        #expect(small.pollInterval == .milliseconds(250))
        small.stop()
        try Self.write("one more\n", "d0/extra.md", in: folder)
        let large = try FolderWatcher(root: folder, polling: true) { _ in }
        #expect(large.pollInterval == .seconds(1))
        large.stop()
        let asked = try FolderWatcher(root: folder, pollInterval: .milliseconds(100), polling: true) { _ in }
        #expect(asked.pollInterval == .milliseconds(100))
        asked.stop()
    }
}
