import Foundation
import Testing
import StdKitSyntax
@testable import StdKitModel

/// Real pages no one here wrote (../shared/corpora): Chinese documentation pages of the Astro
/// project (MIT) and Windows PowerShell reference pages (© Microsoft, CC BY 4.0).
@Suite("Real documentation pages")
struct RealCorpusTests {
    static let corpora = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/corpora").standardizedFileURL

    /// Every `step`-th file under `folder` with one of `extensions`, read into memory as `.md`.
    static func files(in folder: String, extensions: [String], step: Int) -> [String: [UInt8]]? {
        let root = corpora.appendingPathComponent(folder)
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return nil }
        // A link is not followed: it could lead out of the corpus, or to a page read already.
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            guard extensions.contains(where: { path.hasSuffix($0) }),
                  enumerator.fileAttributes?[.type] as? FileAttributeType != .typeSymbolicLink else { continue }
            paths.append(path)
        }
        paths.sort()
        guard !paths.isEmpty else { return nil }
        var files: [String: [UInt8]] = [:]
        for (index, path) in paths.enumerated() where index % step == 0 {
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { continue }
            let name = path.hasSuffix(".mdx") ? String(path.dropLast(4)) + ".md" : path
            files[name] = [UInt8](data)
        }
        return files
    }

    /// Each heading the model reports stands on the line it names: `#` there (ATX), or an
    /// underline on the next line (setext). This holds the front-matter split's line numbering
    /// to real files.
    static func checkHeadingLines(_ project: Project, files: [String: [UInt8]]) {
        for document in project.documents {
            let source = SourceText(DecodedSource(bytes: files[document.path] ?? []).text)
            for section in document.sections {
                let line = source.text(ofLine: section.location.line).trimmingCharacters(in: .whitespaces)
                let next = source.text(ofLine: section.location.line + 1).trimmingCharacters(in: .whitespaces)
                let atx = line.hasPrefix("#")
                let setext = next.hasPrefix("=") || next.hasPrefix("-")
                #expect(atx || setext, "\(document.path):\(section.location.line) is not a heading line: \(line)")
            }
        }
    }

    @Test func chinesePagesLoadWithTheirFrontMatter() async throws {
        guard let files = Self.files(in: "astro-docs-zh-cn", extensions: [".mdx", ".md"], step: 1) else {
            print("skipped: ../shared/corpora/astro-docs-zh-cn is absent")
            return
        }
        let project = try await ProjectLoader.load(files: files)
        #expect(project.documents.count == files.count)
        let unreadable = project.documents.filter { $0.frontMatter?["title"]?.scalar?.isEmpty ?? true }
        #expect(unreadable.map(\.path) == [], "pages whose title was not read")
        #expect(project.documents.flatMap(\.diagnostics).map { "\($0.file):\($0.location) \($0.message.english)" } == [])
        #expect(project.documents.allSatisfy { $0.isPage })
        Self.checkHeadingLines(project, files: files)
    }

    @Test func powerShellReferencePagesLoad() async throws {
        guard let files = Self.files(in: "powershell-docs", extensions: [".md"], step: 10) else {
            print("skipped: ../shared/corpora/powershell-docs is absent")
            return
        }
        let project = try await ProjectLoader.load(files: files)
        #expect(project.documents.count == files.count)
        #expect(project.documents.count > 1_000)
        // The pages' front matter is valid YAML, except a few that the corpus carries broken
        // (a bare sentence on the line after '---'); those are reported, not crashed on.
        let problems = project.documents.flatMap(\.diagnostics)
        #expect(problems.allSatisfy { $0.rule == "front-matter-invalid" })
        #expect(problems.count < 5)
        let broken = Set(problems.map(\.file))
        for document in project.documents where !broken.contains(document.path) {
            let text = DecodedSource(bytes: files[document.path] ?? []).text
            #expect(text.hasPrefix("---") == (document.frontMatter != nil), "\(document.path): front matter not read")
        }
        Self.checkHeadingLines(project, files: files)
    }
}
