import Foundation
import Synchronization
import Testing
import StdKitSyntax
@testable import StdKitModel

@Suite("Project loader")
struct LoaderTests {
    @Test func findsTheRootAboveAFolderOrFile() throws {
        let root = AllFormsProjectTests.root
        #expect(ProjectLoader.findRoot(containing: root.appendingPathComponent("courses"))?.path == root.standardizedFileURL.path)
        #expect(ProjectLoader.findRoot(containing: root.appendingPathComponent("courses/basics.md"))?.path == root.standardizedFileURL.path)
    }

    @Test func aMissingFileIsADiagnosticAndTheOthersAreStillRead() async throws {
        let project = try await ProjectLoader.load(root: AllFormsProjectTests.root, extraFiles: ["missing.md"])
        #expect(project.documents.count == 6)
        #expect(project.diagnostics.map(\.rule) == ["unreadable-file"])
        #expect(project.diagnostics.first?.file == "missing.md")
        #expect(project.diagnostics.first?.location == .start)
    }

    @Test func reportsProgressUpToTheTotal() async throws {
        let calls = Mutex<[[Int]]>([])
        _ = try await ProjectLoader.load(root: AllFormsProjectTests.root) { done, total in
            calls.withLock { $0.append([done, total]) }
        }
        #expect(calls.withLock { $0 } == [[6, 6]])
    }

    /// `build` renders every body and asks for the trees; `check` does not, and holds none.
    @Test func documentsKeepTheirMarkdownTreeOnlyWhenAsked() async throws {
        let text = "---\nid: A\nkind: job-profile\ntitle: T\n---\n## 要求\n\n- **R1** 甲\n"
        let files = ["a.md": Array(text.utf8)]
        let kept = try await ProjectLoader.load(files: files, keepingBodies: true)
        let body = try #require(kept.document("A")?.body)
        #expect(body == DocumentParser.parse(bytes: Array(text.utf8), path: "a.md").body)
        #expect(body.children.map(\.plainText) == ["要求", "R1 甲"])
        #expect(body.children.first?.range?.lowerBound == SourceLocation(line: 6, column: 1), "positions are the file's lines")
        let dropped = try await ProjectLoader.load(files: files)
        #expect(dropped.document("A")?.body == nil)
        #expect(dropped.document("A")?.items.map(\.fullID) == ["A#R1"], "what is extracted from the tree is there either way")
        let fromDisk = try await ProjectLoader.load(root: AllFormsProjectTests.root, keepingBodies: true)
        #expect(fromDisk.documents.allSatisfy { $0.body != nil })
        #expect(try await ProjectLoader.load(root: AllFormsProjectTests.root).documents.allSatisfy { $0.body == nil })
    }

    @Test func loadsFromMemory() async throws {
        let project = try await ProjectLoader.load(files: [
            "stdkit.yml": Array("name: 内存项目\nexclude: [skip/**]\n".utf8),
            "a.md": Array("---\nid: A\nkind: job-profile\ntitle: T\n---\n- **R1** 甲\n".utf8),
            "skip/b.md": Array("---\nid: B\n---\n".utf8),
            "notes.txt": Array("not markdown".utf8),
        ])
        #expect(project.config.name == "内存项目")
        #expect(project.documents.map(\.path) == ["a.md"])
        #expect(project.document("A")?.items.map(\.fullID) == ["A#R1"])
    }

    @Test func unresolvedReferencesSayWhatIsMissing() async throws {
        let project = try await ProjectLoader.load(files: [
            "a.md": Array("---\nid: A\nkind: job-profile\ntitle: T\n---\n- **R1** 甲\n".utf8),
            "c.md": Array("---\nid: C\nkind: course\ntitle: T\n---\n- **LO1** 乙 → A#R9, B#R1, A, #LO1, #LO9\n".utf8),
        ])
        let references = try #require(project.document("C")?.items.first?.references)
        #expect(references.map(\.resolution) == [
            .unresolvedItem(document: "A", item: "R9"), .unresolvedDocument("B"), .document("A"),
            .item(document: "C", item: "LO1"), .unresolvedItem(document: "C", item: "LO9"),
        ])
    }
}

@Suite("Heading anchors")
struct HeadingAnchorTests {
    /// ASCII is decided without Unicode property lookups; the anchor is still the one the
    /// properties give (letters and numbers of any script, `_`, spaces and `-` as `-`).
    static func byProperties(_ title: String) -> String {
        String(String.UnicodeScalarView(title.lowercased().unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            if scalar == " " || scalar == "-" { return "-" }
            return scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil ? scalar : nil
        }))
    }

    @Test func anchorsFollowTheUnicodeProperties() {
        let byProperties = Self.byProperties
        let ascii = String(String.UnicodeScalarView((1..<128).compactMap(Unicode.Scalar.init)))
        for title in [ascii, "课程目标 Learning Outcomes (LO1)", "Ⅳ 第三章 ½ K", "Ünïcödé_Title-2"] {
            #expect(Section.anchor(for: title) == byProperties(title), "\(title)")
        }
        #expect(Section.anchor(for: "1.2 Robot Programming") == "12-robot-programming")
    }

    /// The bytes' path takes ASCII and CJK ideographs only, and gives there what the properties
    /// give: every ideograph of both blocks, beside every ASCII character; anything else (kana,
    /// full-width punctuation, accented letters) is left to the properties.
    @Test func ideographsOnTheirBytesAsByTheirProperties() throws {
        let ascii = String(String.UnicodeScalarView((1..<128).compactMap(Unicode.Scalar.init)))
        for block in [0x3400...0x4DBF, 0x4E00...0x9FFF] {
            let scalars = block.compactMap { Unicode.Scalar(UInt32($0)) }
            for start in stride(from: 0, to: scalars.count, by: 500) {
                let title = ascii + String(String.UnicodeScalarView(scalars[start..<min(start + 500, scalars.count)])) + " Ab-c_1"
                let fast = try #require(Section.anchorOfASCIIAndIdeographs(title))
                #expect(fast == HeadingAnchorTests.byProperties(title), "from U+\(String(scalars[start].value, radix: 16))")
            }
        }
        for title in ["课程目标（一）", "かな", "Ünïcödé", "Ⅳ", "½", "𠀀"] {
            #expect(Section.anchorOfASCIIAndIdeographs(title) == nil, "\(title)")
            #expect(Section.anchor(for: title) == HeadingAnchorTests.byProperties(title), "\(title)")
        }
    }
}

@Suite("Reading files")
struct ReadFileTests {
    @Test func bytesLimitsAndReasons() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = Data(("课程标准\n" + String(repeating: "x", count: 10_000)).utf8)
        try text.write(to: folder.appendingPathComponent("a.md"))
        try Data().write(to: folder.appendingPathComponent("empty.md"))
        #expect(try ProjectLoader.readFile(folder.path + "/a.md", limit: 1 << 20) == [UInt8](text))
        #expect(try ProjectLoader.readFile(folder.path + "/empty.md", limit: 1 << 20) == [])
        #expect(throws: ProjectLoader.TooLarge.self) { try ProjectLoader.readFile(folder.path + "/a.md", limit: 100) }
        do {
            _ = try ProjectLoader.readFile(folder.path + "/missing.md", limit: 100)
            Issue.record("a missing file was read")
        } catch {
            #expect(error.localizedDescription == "No such file or directory")
        }
        #expect(throws: ProjectLoader.UnreadableFile.self) { try ProjectLoader.readFile(folder.path, limit: 100) }
    }
}

@Suite("Documents are values")
struct DocumentValueTests {
    /// A document shares its box until it is changed: a changed copy leaves the original as
    /// it was, and a change in place (an item's field) reaches the copy that made it.
    @Test func aChangedCopyLeavesTheOriginalAlone() async throws {
        let project = try await ProjectLoader.load(root: AllFormsProjectTests.root)
        let original = try #require(project.documents.first { !$0.items.isEmpty })
        var copy = original
        copy.title = "改过的标题"
        copy.items[0].text = "改过的要求"
        copy.items.append(copy.items[0])
        #expect(copy.title == "改过的标题" && copy.items[0].text == "改过的要求")
        #expect(copy.items.count == original.items.count + 1)
        #expect(original.title != "改过的标题")
        #expect(original.items[0].text != "改过的要求")
        #expect(project.documents.first { $0.path == original.path }?.items.count == original.items.count)
    }
}

@Suite("Reading order")
struct ReadingOrderTests {
    /// Files are read largest first, and the documents still come back in path order.
    @Test func largestFirstButInPathOrder() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-order-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("b"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = ["a.md": 10, "b/c.md": 5_000, "b/d.md": 1, "z.md": 800]
        for (path, size) in files {
            try ("# 页\n\n" + String(repeating: "字", count: size) + "\n").write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        let discovered = ProjectLoader.discover(root: folder, config: ProjectConfig(name: "order"))
        #expect(discovered.paths == ["a.md", "b/c.md", "b/d.md", "z.md"])
        #expect(discovered.sizes["b/c.md"] == 7 + 5_000 * 3 + 1 && discovered.sizes["b/d.md"] == 7 + 3 + 1, "bytes, not characters")
        // The order reads are started in; which of the first few ends first is up to the cores.
        #expect(ProjectLoader.readingOrder(discovered.paths, sizes: discovered.sizes).map { discovered.paths[$0] } == ["b/c.md", "z.md", "a.md", "b/d.md"])
        #expect(ProjectLoader.readingOrder(["x", "y"], sizes: [:]) == [0, 1], "unknown sizes: in path order")
        let loaded = await ProjectLoader.loadDocuments(paths: discovered.paths, schemas: try SchemaLibrary.builtIn(), limits: Limits(),
                                                       sizes: discovered.sizes) { path in
            Array(try Data(contentsOf: folder.appendingPathComponent(path)))
        }
        #expect(loaded.documents.map(\.path) == discovered.paths)
    }
}

@Suite("Files of a project")
struct ContainsFileTests {
    /// A project read from git knows its files by their paths: a path is there when a file
    /// is, or when a folder holding files is (what `hasPrefix(path + "/")` over every file
    /// answered, once per broken link).
    @Test func listedFilesAndTheirFolders() throws {
        let listed: Set<String> = ["a/b/c.md", "d.md", "课程/图 1.png"]
        let project = Project(root: nil, config: ProjectConfig(name: "p"), schemas: try SchemaLibrary.builtIn(),
                              documents: [], diagnostics: [], listedFiles: listed)
        for path in ["a", "a/b", "a/b/c.md", "d.md", "课程", "课程/图 1.png"] {
            #expect(project.containsFile(path), "\(path)")
        }
        for path in ["", "a/b/c", "a/x", "d", "b", "a/", "课程/图"] {
            #expect(!project.containsFile(path), "\(path)")
            #expect(!listed.contains { $0 == path || $0.hasPrefix(path + "/") } || path.isEmpty, "\(path)")
        }
    }

    /// A project read from a folder looks its files up on disk: files and folders, hidden ones
    /// too.
    @Test func filesOnDisk() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-contains-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("img/.hidden"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: folder.appendingPathComponent("img/图 1.png"))
        let project = Project(root: folder, config: ProjectConfig(name: "p"), schemas: try SchemaLibrary.builtIn(),
                              documents: [], diagnostics: [])
        for path in ["img", "img/图 1.png", "img/.hidden", ""] {
            #expect(project.containsFile(path), "\(path)")
        }
        for path in ["img/图", "missing.md", "img/图 1.png/x"] {
            #expect(!project.containsFile(path), "\(path)")
        }
    }
}

@Suite("Paths in links")
struct ProjectPathTests {
    @Test func resolvedFromTheLinkingFile() {
        #expect(ProjectPath.resolve("../jobs/a.md", from: "courses/b.md") == "jobs/a.md")
        #expect(ProjectPath.resolve("./图/1.png", from: "课程/b.md") == "课程/图/1.png")
        #expect(ProjectPath.resolve("a//b/./c.md", from: "x.md") == "a/b/c.md")
        #expect(ProjectPath.resolve("./", from: "x.md") == "")
        #expect(ProjectPath.resolve("../x.md", from: "x.md") == nil)
        #expect(ProjectPath.resolve("a/../../x.md", from: "d/x.md") == "x.md")
        #expect(ProjectPath.resolve("a/../../../x.md", from: "d/x.md") == nil)
    }

    /// On bytes, it resolves what splitting the path into strings resolved, on random paths
    /// of names, `.`, `..`, empty components and Chinese.
    @Test func theSameAsSplittingStrings() {
        func reference(_ path: String, from: String) -> String? {
            var components = from.split(separator: "/").dropLast().map(String.init)
            for component in path.split(separator: "/") {
                if component == "." { continue }
                if component == ".." {
                    guard !components.isEmpty else { return nil }
                    components.removeLast()
                } else {
                    components.append(String(component))
                }
            }
            return components.joined(separator: "/")
        }
        let pieces = ["a", "课程", ".", "..", "", "b.md", "图 1.png", "...", ".x"]
        var state: UInt64 = 0x5DEE_CE66_D1CE_4E5B
        func next(_ count: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(count))
        }
        func path() -> String { (0..<next(6)).map { _ in pieces[next(pieces.count)] }.joined(separator: "/") }
        var outside = 0
        for _ in 0..<5_000 {
            let (link, from) = (path(), path())
            let resolved = ProjectPath.resolve(link, from: from)
            #expect(resolved == reference(link, from: from), "\(link) from \(from)")
            if resolved == nil { outside += 1 }
        }
        #expect(outside > 100)
    }
}
