import Foundation
import PropertyBased
import Testing
@testable import StdKitDiff

/// The line merge against `git merge-file --diff3` on every case of
/// `../shared/corpora/real-merges` (real three-way merges of Markdown pages from MicrosoftDocs
/// repositories, CC BY 4.0): DESIGN §5 wants the fallback to write what git writes, byte for
/// byte, conflicts and all.
@Suite("Real merges")
struct RealMergeTests {
    static let cases = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/corpora/real-merges/cases").standardizedFileURL

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cases.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// What `git merge-file --diff3 -p` writes for the files in `folder`, with the labels given,
    /// or nil when git refuses them (it takes UTF-16 for binary: exit status 255).
    static func gitMerge(_ folder: URL) throws -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "merge-file", "--diff3", "-p", "-L", "ours", "-L", "base", "-L", "theirs", "ours.md", "base.md", "theirs.md"]
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 255 ? nil : output
    }

    @Test func lineMergeWritesWhatGitWrites() throws {
        let names = Self.names
        guard !names.isEmpty else {
            print("skipped: ../shared/corpora/real-merges is absent")
            return
        }
        let differing = Locked<[String]>([])
        let failures = Locked<[String]>([])
        let refusedByGit = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: names.count) { index in
            let folder = Self.cases.appendingPathComponent(names[index])
            do {
                guard let expected = try Self.gitMerge(folder) else {
                    refusedByGit.update { $0.append(names[index]) }
                    return
                }
                let read = { (file: String) throws -> String in
                    let data = try Data(contentsOf: folder.appendingPathComponent(file))
                    // The corpus is UTF-8; a case that is not could not be compared as bytes.
                    guard let text = String(validating: data, as: UTF8.self) else { throw CocoaError(.fileReadInapplicableStringEncoding) }
                    return text
                }
                let merged = LineMerge(base: try read("base.md"), ours: try read("ours.md"), theirs: try read("theirs.md"))
                if Data(merged.text.utf8) != expected { differing.update { $0.append(names[index]) } }
            } catch {
                failures.update { $0.append("\(names[index]): \(error)") }
            }
        }
        #expect(failures.value.isEmpty, "\(failures.value)")
        // Two cases are UTF-16, which git refuses to merge as binary; every other is compared.
        #expect(refusedByGit.value.sorted() == ["0120", "0284"])
        #expect(differing.value.isEmpty, "\(differing.value.count) of \(names.count) cases differ from git: \(differing.value.sorted())")
    }

    /// Texts of few distinct lines — blank lines, braces, repeated list items, a last line
    /// without its line break, CRLF — so that the diffs are ambiguous and conflicts touch:
    /// where git's choices show.
    static let pool = ["a\n", "b\n", "c\n", "\n", "}\n", "- x\n", "- y\n", "d\r\n", "e"]
    static let text = Gen.int(in: 0...(pool.count - 1)).array(of: 0...16).map { numbers in
        numbers.map { pool[$0] }.joined()
    }

    @Test func lineMergeWritesWhatGitWritesOnGeneratedTexts() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-line-merge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        await propertyCheck(count: 400, input: Self.text, Self.text, Self.text) { base, ours, theirs in
            for (name, text) in [("base.md", base), ("ours.md", ours), ("theirs.md", theirs)] {
                try! Data(text.utf8).write(to: folder.appendingPathComponent(name))
            }
            let git = try! Self.gitMerge(folder)
            #expect(git.map { String(decoding: $0, as: UTF8.self) } == LineMerge(base: base, ours: ours, theirs: theirs).text)
        }
    }

    /// Long texts rewritten in many blocks, so that the diff runs into xdiff's cut-offs (a cost
    /// above √n; on the longest, whose cost limit is above 256, runs of 20 equal lines) and its
    /// setting aside of lines with many matches.
    @Test(arguments: [(1, 3000, 60), (2, 3000, 60), (3, 3000, 60), (4, 3000, 60), (5, 50000, 40000)])
    func lineMergeWritesWhatGitWritesOnLargeRewrites(seed: UInt64, lines: Int, distinct: Int) throws {
        var random = Xoshiro(seed: (seed, 0x9E37_79B9_7F4A_7C15, 0xBF58_476D_1CE4_E5B9, 0x94D0_49BB_1331_11EB))
        let vocabulary = (0..<distinct).map { "line \($0)\n" } + ["\n", "}\n", "\n", "- item\n"]
        let base = (0..<lines).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }
        func rewrite(_ lines: [String]) -> [String] {
            var result: [String] = []
            var index = 0
            while index < lines.count {
                let block = 1 + Int(random.next() % 40)
                let end = min(index + block, lines.count)
                switch random.next() % 4 {
                case 0: result += (0..<Int(random.next() % 40)).map { _ in "new \(random.next() % 300)\n" }
                case 1: result += lines[index..<end].reversed()
                default: result += lines[index..<end]
                }
                index = end
            }
            return result
        }
        let texts = [base, rewrite(base), rewrite(base)].map { $0.joined() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-line-merge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in zip(["base.md", "ours.md", "theirs.md"], texts) {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        let git = try Self.gitMerge(folder)
        let merged = LineMerge(base: texts[0], ours: texts[1], theirs: texts[2])
        #expect(merged.conflicts.count > 10)
        #expect(git.map { String(decoding: $0, as: UTF8.self) } == merged.text)
    }
}

/// A value shared by concurrent test iterations.
final class Locked<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }

    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}
