import Foundation
import StdKitModel
import StdKitPublish
import StdKitSyntax
import StdKitWorkspace
import Testing
@testable import StdKitServe

/// `StdKitServer.start`: the project read once, then checked while the site's model and index
/// page are made from it. The start-up's site must be exactly `build`'s, the check exactly the
/// workspace's, and a change made before the first browser must never leave a page behind.
@Suite struct ServerStartTests {
    /// A copy of `examples/minimal` with the outcome reference of its course broken (a finding).
    static func project() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-serve-start-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: ServerFixture.repository.appendingPathComponent("examples/minimal"), to: folder)
        let course = folder.appendingPathComponent(ServerAPITests.course)
        try Data(try String(contentsOf: course, encoding: .utf8).replacingOccurrences(of: "#R2", with: "#R9").utf8).write(to: course)
        return folder
    }

    static func start(_ folder: URL) async throws -> StdKitServer {
        let settings = ServeSettings(host: "127.0.0.1", port: 8000, editOnAnyHost: false, token: ServerFixture.token, language: .en)
        return try await StdKitServer.start(root: folder, language: .en, settings: settings, toolVersion: "test")
    }

    @Test func theIndexIsMadeAtStartAndIsTheBuildsIndex() async throws {
        let folder = try Self.project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try await Self.start(folder)
        defer { server.stop() }
        let built = try SiteBuilder(project: try await ProjectLoader.load(root: folder), toolVersion: "test").files()
        guard case .success(let snapshot) = await server.site.current() else {
            Issue.record("the site of the started server cannot be made")
            return
        }
        #expect(snapshot.generation == 0)
        #expect(Array(snapshot.made.keys) == ["index.html"])
        guard case .file(let index, let document) = await server.site.file(at: "index.html") else {
            Issue.record("no index page")
            return
        }
        #expect(index == built["index.html"])
        #expect(document == nil)
        guard case .file(let page, let pageDocument) = await server.site.file(at: "documents/machine-operation.html") else {
            Issue.record("no page of the course")
            return
        }
        #expect(page == built["documents/machine-operation.html"])
        #expect(pageDocument == ServerAPITests.course)
    }

    @Test func theCheckIsTheWorkspacesOwn() async throws {
        let folder = try Self.project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try await Self.start(folder)
        defer { server.stop() }
        let alone = try await Workspace(root: folder, language: .en)
        let found = await server.workspace.findings(in: ServerAPITests.course)
        let foundAlone = await alone.findings(in: ServerAPITests.course)
        let all = await server.workspace.allFindings
        let allAlone = await alone.allFindings
        #expect(found.map(\.rule) == ["unresolved-reference"])
        #expect(found == foundAlone)
        #expect(all == allAlone)
    }

    @Test func aChangeBeforeTheFirstPageIsOnTheFirstPage() async throws {
        let folder = try Self.project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try await Self.start(folder)
        defer { server.stop() }
        let course = folder.appendingPathComponent(ServerAPITests.course)
        let text = try String(contentsOf: course, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "title: Operating packaging machines", with: "title: 包装机操作").utf8).write(to: course)
        await server.changedOnDisk([ServerAPITests.course])
        guard case .file(let data, _) = await server.site.file(at: "index.html") else {
            Issue.record("no index page")
            return
        }
        let index = String(decoding: data, as: UTF8.self)
        #expect(index.contains("包装机操作"))
        #expect(!index.contains("Operating packaging machines"))
        guard case .success(let snapshot) = await server.site.current() else {
            Issue.record("the site cannot be made")
            return
        }
        #expect(snapshot.generation == 1)
        #expect(snapshot.made.isEmpty)
    }

    /// The start-up says when the watcher polls, how often and why, with the limit to raise.
    @Test func aPollingWatcherIsExplained() throws {
        let limits = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-inotify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: limits, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: limits) }
        try Data("128\n".utf8).write(to: limits.appendingPathComponent("max_user_instances"))
        try Data("8192\n".utf8).write(to: limits.appendingPathComponent("max_user_watches"))
        let instances = Message.servePolling("proj", every: .milliseconds(250), because: .noInstance(errno: EMFILE), limits: limits)
        #expect(instances?.text(in: .en) == "watching proj by looking at its files every 250 ms (not inotify), so a change on disk shows up to that much later: "
            + "no inotify instance is left (fs.inotify.max_user_instances is 128, shared by every program of this user, browsers included); "
            + "raise it, e.g. sudo sysctl fs.inotify.max_user_instances=512")
        #expect(instances?.text(in: .zhCN) == "正在以每 250 毫秒查看一次文件的方式（而非 inotify）监视 proj，磁盘上的修改最多晚这么久才显示："
            + "已没有可用的 inotify 实例（fs.inotify.max_user_instances 为 128，由该用户的所有程序共用，浏览器也在内）；请调高，例如 sudo sysctl fs.inotify.max_user_instances=512")
        let watches = Message.servePolling("proj", every: .seconds(1), because: .watchLimit(errno: ENOSPC), limits: limits)
        #expect(watches?.text(in: .en).hasSuffix("every 1000 ms (not inotify), so a change on disk shows up to that much later: "
            + "the project has more folders than inotify may watch (fs.inotify.max_user_watches is 8192); raise it, e.g. sudo sysctl fs.inotify.max_user_watches=524288") == true)
        let other = Message.servePolling("proj", every: .milliseconds(250), because: .noInstance(errno: ENOMEM), limits: limits)
        #expect(other?.text(in: .en).hasSuffix(": inotify cannot be set up: Cannot allocate memory") == true)
        #expect(Message.servePolling("proj", every: .milliseconds(250), because: .requested, limits: limits) == nil)
    }

    /// The temporary files of saves cut short are removed at start, wherever they are, and
    /// nothing else: not a name one digit short, not under `.git/`, not a link or a folder.
    @Test func leftoversOfInterruptedSavesAreRemovedAndNothingElse() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-leftovers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        func write(_ path: String) throws {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("text\n".utf8).write(to: url)
        }
        let kept = ["courses/c-plc.md", "courses/.c-plc.md.stdkit-1A2B3C4.tmp", ".git/.x.md.stdkit-1A2B3C4D.tmp", "courses/c-plc.md.stdkit-1A2B3C4D.tmp"]
        let leftovers = [".a.md.stdkit-00ff00ff.tmp", "courses/.c-plc.md.stdkit-1A2B3C4D.tmp", "deep/er/.课程.md.stdkit-abcdef12.tmp"]
        for path in kept + leftovers { try write(path) }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("courses/.link.md.stdkit-1A2B3C4D.tmp").path, withDestinationPath: "c-plc.md")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("courses/.dir.md.stdkit-1A2B3C4D.tmp"), withIntermediateDirectories: true)
        #expect(InterruptedSaves.removeLeftovers(under: folder) == leftovers)
        for path in leftovers { #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path)) }
        for path in kept + ["courses/.link.md.stdkit-1A2B3C4D.tmp", "courses/.dir.md.stdkit-1A2B3C4D.tmp"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path), "\(path) is kept")
        }
        #expect(InterruptedSaves.removeLeftovers(under: folder) == [])
    }
}
