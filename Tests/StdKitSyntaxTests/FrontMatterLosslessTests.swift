import Foundation
import Testing
@testable import StdKitSyntax

/// `FrontMatter` loses nothing: on every page of the flagship, the examples and the real corpora
/// (../shared/corpora, with BOM and CRLF files among them) its parts joined give the file's bytes,
/// and where the front matter reads as entries, the entries joined give the front matter.
@Suite("Front matter, lossless")
struct FrontMatterLosslessTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().standardizedFileURL

    /// The `.md` and `.mdx` files under `folder`, sorted; nil when the folder is absent.
    static func pages(under folder: URL) -> [URL]? {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return nil }
        return (enumerator.allObjects as? [String] ?? []).filter { $0.hasSuffix(".md") || $0.hasSuffix(".mdx") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    struct Tally: Equatable {
        var files = 0, byteOrderMarks = 0, crlf = 0, closed = 0, withEntries = 0
    }

    /// Holds every page under `folder` to the two joins and counts what it saw.
    /// The YAML is read (for the entries) on every `step`-th page that has front matter: the
    /// joins of the parts, the point of the test, are checked on every page.
    static func check(_ folder: URL, step: Int = 1) -> Tally? {
        guard let pages = pages(under: folder) else { return nil }
        var tally = Tally()
        for page in pages {
            guard let data = FileManager.default.contents(atPath: page.path) else { continue }
            let bytes = [UInt8](data)
            let text = String(decoding: bytes, as: UTF8.self)
            let split = FrontMatter(text)
            tally.files += 1
            if split.hasByteOrderMark { tally.byteOrderMarks += 1 }
            if text.utf8.contains(0x0D) { tally.crlf += 1 }
            #expect(Array(split.text.utf8) == bytes, "\(page.path): the parts do not join to the file")
            // The blanked body keeps the file's line breaks, so positions in it are the file's.
            #expect(split.body.utf8.filter { $0 == 0x0A }.count == text.utf8.filter { $0 == 0x0A }.count, "\(page.path)")
            guard split.state == .closed else { continue }
            tally.closed += 1
            guard tally.closed % step == 0, let read = split.read(file: page.path), let entries = split.entries(of: read) else { continue }
            tally.withEntries += 1
            let joined = String(split.opening) + entries.header + entries.entries.map(\.text).joined() + split.closing
            #expect(joined == split.block.map(String.init), "\(page.path): the entries do not join to the front matter")
            // Each key is on the line where the text before its entry ends.
            var before = entries.header
            for entry in entries.entries {
                var lines = LineReader(before)
                var count = 0
                while let line = lines.next(), !line.ending.isEmpty { count += 1 }
                #expect(entry.line == split.yamlFirstLine + count, "\(page.path): \(entry.key)")
                before += entry.text
            }
        }
        return tally
    }

    @Test func theFlagshipAndTheExamples() throws {
        let flagship = try #require(Self.check(Self.repository.appendingPathComponent("standards")))
        // standards/README.md and the vendored national standard's README are plain pages; the
        // national standard's seven documents are read here too (its folder is a project of its own).
        #expect(flagship == Tally(files: 61, byteOrderMarks: 0, crlf: 0, closed: 59, withEntries: 59))
        let examples = try #require(Self.check(Self.repository.appendingPathComponent("examples")))
        #expect(examples.files > 0 && examples.closed == examples.withEntries)
    }

    @Test func realPagesWithByteOrderMarksAndCRLF() throws {
        let corpora = Self.repository.appendingPathComponent("../shared/corpora").standardizedFileURL
        guard let powershell = Self.check(corpora.appendingPathComponent("powershell-docs"), step: 10),
              let astro = Self.check(corpora.appendingPathComponent("astro-docs-zh-cn")) else {
            print("skipped: ../shared/corpora is absent")
            return
        }
        #expect(powershell.files == 14_142)
        #expect(powershell.byteOrderMarks == 13)
        #expect(powershell.crlf == 61)
        #expect(astro.files == 368)
        #expect(powershell.closed > 10_000 && astro.closed > 300)
    }
}
