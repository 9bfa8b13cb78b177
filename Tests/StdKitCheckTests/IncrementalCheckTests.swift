import Foundation
import PropertyBased
import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

/// The incremental check against the full one: after every edit of a long random series on a
/// copy of the flagship with faults planted (findings of project rules, notes pointing into other
/// documents), whatever the incremental check reuses must be exactly what a full check finds —
/// and it must decline the edits it cannot vouch for.
@Suite("Incremental check")
struct IncrementalCheckTests {
    /// The flagship's files, with faults: an outcome covering a requirement that does not exist
    /// (unresolved-reference), a material copied under a second path (duplicate-document-id,
    /// with a note at the first one's id), and no links lock (unreviewed-link).
    static func files() throws -> [String: [UInt8]] {
        var files = RuleScopeTests.files(at: "standards")
        files[".stdkit/links.lock"] = nil
        let course = "courses/professional-core/machine-vision.md"
        files[course] = Array(String(decoding: files[course]!, as: UTF8.self).replacingOccurrences(of: "JOB-ROBOT-OPERATOR#R6", with: "JOB-ROBOT-OPERATOR#R99").utf8)
        files["materials/copy-of-lesson-plan.md"] = files["materials/maintenance-lesson-plan.md"]
        return files
    }

    static func listing(_ files: [String: [UInt8]], base: [String: [UInt8]]) -> IncrementalCheck.Listing {
        IncrementalCheck.Listing(blobs: files.mapValues { Digests.sha1($0) }, baseBlobs: base.mapValues { Digests.sha1($0) })
    }

    static func fullCheck(_ files: [String: [UInt8]], base: [String: [UInt8]]) async throws -> (Project, Project, [Diagnostic]) {
        let project = try await ProjectLoader.load(files: files, name: "standards")
        let baseProject = try await ProjectLoader.load(files: base, name: "standards")
        return (project, baseProject, Checker().check(project, base: baseProject).diagnostics)
    }

    /// An edit of a document's text, and whether other documents can see it.
    struct Edit: Sendable {
        var name: String
        var outward: Bool
        var apply: @Sendable (String) -> String?
    }

    /// The first line (1-based index into `lines`) after the front matter for which `test` holds.
    static func bodyLine(_ lines: [Substring], _ test: (Substring) -> Bool) -> Int? {
        let end = lines.dropFirst().firstIndex(of: "---") ?? 0
        return lines.indices.first { $0 > end && test(lines[$0]) }
    }

    @Sendable static func editing(_ text: String, _ change: (inout [Substring]) -> Bool) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return change(&lines) ? lines.joined(separator: "\n") : nil
    }

    static let edits: [Edit] = [
        Edit(name: "paragraph inserted after the first heading", outward: false) { text in
            editing(text) { lines in
                guard let heading = bodyLine(lines, { $0.hasPrefix("#") }) else { return false }
                lines.insert(contentsOf: ["", "补充说明：本节内容按企业反馈修订。"], at: heading + 1)
                return true
            }
        },
        Edit(name: "paragraph appended", outward: false) { $0 + "\n附注：以上内容每学年复核一次。\n" },
        Edit(name: "a word of a paragraph changed", outward: false) { text in
            editing(text) { lines in
                guard let line = bodyLine(lines, { !$0.isEmpty && !$0.hasPrefix("#") && !$0.hasPrefix("-") && !$0.hasPrefix("|") && $0.contains("。") }) else { return false }
                lines[line] = Substring(lines[line].replacingOccurrences(of: "。", with: "；", options: [], range: nil))
                return true
            }
        },
        Edit(name: "blank lines inserted before the body", outward: false) { text in
            editing(text) { lines in
                guard let first = bodyLine(lines, { _ in true }) else { return false }
                lines.insert(contentsOf: ["", ""], at: first)
                return true
            }
        },
        Edit(name: "an item reworded", outward: true) { text in
            editing(text) { lines in
                // An item's line, not a bold lead-in such as `- **前导课程**：…`.
                guard let line = bodyLine(lines, { $0.wholeMatch(of: /- \*\*[A-Z]+[0-9]+\*\* .*/) != nil }) else { return false }
                lines[line] = Substring(lines[line].replacingOccurrences(of: "** ", with: "** 修订："))
                return true
            }
        },
        // Others see a version only through pins, which the flagship has none of.
        Edit(name: "version raised", outward: false) { text in
            text.contains("\nversion: ") ? text.replacingOccurrences(of: "\nversion: ", with: "\nversion: 9") : nil
        },
        Edit(name: "status changed", outward: true) { text in
            text.contains("\nstatus: ") ? text.replacingOccurrences(of: "\nstatus: ", with: "\nstatus: withdrawn\nformer_status: ") : nil
        },
        Edit(name: "a disable comment added", outward: true) { text in
            editing(text) { lines in
                guard let line = bodyLine(lines, { $0.hasPrefix("- **") }) else { return false }
                lines.insert("<!-- stdkit-disable-next-line all -->", at: line)
                return true
            }
        },
    ]

    @Test func reusesExactlyWhatAFullCheckFinds() async throws {
        var base = try Self.files()
        // And a reference whose fix is known (the did-you-mean document has the item): the fix
        // must move with the finding as an edit above moves it.
        let course = "courses/professional-core/machine-vision.md"
        base[course] = Array(String(decoding: base[course]!, as: UTF8.self)
            .replacingOccurrences(of: "PROG-ROBOT-460305#S15", with: "PROG-ROBOT-460350#S15").utf8)
        var files = base
        var (project, baseProject, diagnostics) = try await Self.fullCheck(files, base: base)
        #expect(diagnostics.contains { $0.rule == "unresolved-reference" && !$0.fixes.isEmpty })
        #expect(diagnostics.contains { $0.rule == "duplicate-document-id" && !$0.notes.isEmpty })
        #expect(diagnostics.contains { $0.rule == "unreviewed-link" })
        let key = "test"
        var cache = IncrementalCheck.cache(key: key, project: project, base: baseProject, diagnostics: diagnostics, listing: Self.listing(files, base: base))
        let documents = project.documents.filter { !$0.isPage }.map(\.path).sorted()
        var random = Xoshiro(seed: (7, 0x9E37_79B9_7F4A_7C15, 0xBF58_476D_1CE4_E5B9, 0x94D0_49BB_1331_11EB))
        var reused = 0, declined = 0
        for round in 0..<60 {
            let path = documents[Int(random.next() % UInt64(documents.count))]
            let edit = Self.edits[Int(random.next() % UInt64(Self.edits.count))]
            guard let edited = edit.apply(String(decoding: files[path]!, as: UTF8.self)) else { continue }
            files[path] = Array(edited.utf8)
            let listing = Self.listing(files, base: base)
            let contents = Dictionary((files.values.map { $0 } + base.values.map { $0 }).map { (Digests.sha1($0), $0) }, uniquingKeysWith: { a, _ in a })
            let before = cache
            let reuse = try await IncrementalCheck.reuse(&cache, key: key, listing: listing, name: "standards", history: nil) { blobs in
                Dictionary(blobs.map { ($0, contents[$0]!) }, uniquingKeysWith: { a, _ in a })
            }
            let outcome = reuse.outcome
            (project, baseProject, diagnostics) = try await Self.fullCheck(files, base: base)
            let expected = diagnostics.sorted(by: Diagnostic.reportOrder)
            if let outcome {
                reused += 1
                #expect(!edit.outward, "round \(round): \(edit.name) in \(path) was reused, but others can see it")
                #expect(outcome.diagnostics == expected, "round \(round): \(edit.name) in \(path): reused \(outcome.diagnostics.filter { !expected.contains($0) }.map { "\($0.file):\($0.location) \($0.rule) \($0.message.english) \($0.notes.map { "\($0.file):\($0.location)" })" }), full \(expected.filter { !outcome.diagnostics.contains($0) }.map { "\($0.file):\($0.location) \($0.rule) \($0.message.english) \($0.notes.map { "\($0.file):\($0.location)" })" })")
                #expect(outcome.documentPaths.sorted() == project.documents.map(\.path).sorted())
                // What the next check starts from is what a full check would keep.
                let fresh = IncrementalCheck.cache(key: key, project: project, base: baseProject, diagnostics: diagnostics, listing: listing)
                #expect(cache == fresh, "round \(round): the cache after \(edit.name) in \(path)")
            } else {
                declined += 1
                // Besides what others see, a disable comment's line and an id two documents share
                // (versions are compared by id) make it decline.
                let shared = ["materials/copy-of-lesson-plan.md", "materials/maintenance-lesson-plan.md"].contains(path)
                #expect(edit.outward || edited.contains("stdkit-disable") || shared, "round \(round): \(edit.name) in \(path) was declined: \(reuse)")
                #expect(cache == before, "declined, the cache is left as it was")
                cache = IncrementalCheck.cache(key: key, project: project, base: baseProject, diagnostics: diagnostics, listing: listing)
            }
        }
        #expect(reused > 15)
        #expect(declined > 10)
    }

    @Test func declinesWhatItCannotVouchFor() async throws {
        let base = try Self.files()
        let (project, baseProject, diagnostics) = try await Self.fullCheck(base, base: base)
        let cache = IncrementalCheck.cache(key: "k", project: project, base: baseProject, diagnostics: diagnostics, listing: Self.listing(base, base: base))
        let read = { (blobs: [String]) -> [String: [UInt8]] in
            let all = Dictionary(base.values.map { (Digests.sha1($0), $0) }, uniquingKeysWith: { a, _ in a })
            return Dictionary(blobs.compactMap { blob in all[blob].map { (blob, $0) } }, uniquingKeysWith: { a, _ in a })
        }
        func reuse(_ files: [String: [UInt8]], key: String = "k") async throws -> IncrementalCheck.Outcome? {
            var copy = cache
            return try await IncrementalCheck.reuse(&copy, key: key, listing: Self.listing(files, base: base), name: "standards", history: nil, read: read).outcome
        }
        // Nothing changed: everything reused, nothing read.
        let same = try #require(try await reuse(base))
        #expect(same.changed == 0)
        #expect(same.diagnostics == diagnostics.sorted(by: Diagnostic.reportOrder))
        // Another tool or settings.
        #expect(try await reuse(base, key: "other") == nil)
        // A file added, a file removed.
        #expect(try await reuse(base.merging(["courses/new.md": Array("---\nid: C-NEW\nkind: course\n---\n".utf8)]) { a, _ in a }) == nil)
        #expect(try await reuse(base.filter { $0.key != "materials/copy-of-lesson-plan.md" }) == nil)
        // A page whose headings changed; the settings changed (the caller's key has their blobs).
        #expect(try await reuse(base.merging(["README.md": Array("changed".utf8)]) { _, b in b }) == nil)
        #expect(try await reuse(base, key: IncrementalCheck.key(tool: "t", mode: "m", listing: Self.listing(base, base: base)))
                == nil)
        let settings = IncrementalCheck.Listing(blobs: ["stdkit.yml": "a", "schemas/course.yml": "b", ".stdkit/links.lock": "c", "x.md": "d"], baseBlobs: [:])
        var changedSettings = settings
        changedSettings.blobs["schemas/course.yml"] = "e"
        var changedDocument = settings
        changedDocument.blobs["x.md"] = "f"
        #expect(IncrementalCheck.key(tool: "t", mode: "m", listing: settings) != IncrementalCheck.key(tool: "t", mode: "m", listing: changedSettings))
        #expect(IncrementalCheck.key(tool: "t", mode: "m", listing: settings) == IncrementalCheck.key(tool: "t", mode: "m", listing: changedDocument))
    }

    /// Versions are compared by id, so a document whose id another shares — here only in the
    /// checked revision, the copy not yet committed — is checked in full.
    @Test func declinesADocumentWhoseIDAnotherShares() async throws {
        let files = try Self.files()
        let base = files.filter { $0.key != "materials/copy-of-lesson-plan.md" }
        let (project, baseProject, diagnostics) = try await Self.fullCheck(files, base: base)
        var cache = IncrementalCheck.cache(key: "k", project: project, base: baseProject, diagnostics: diagnostics, listing: Self.listing(files, base: base))
        var edited = files
        let path = "materials/maintenance-lesson-plan.md"
        edited[path] = files[path]! + Array("\n附注：略。\n".utf8)
        let all = Dictionary((edited.values.map { $0 } + base.values.map { $0 }).map { (Digests.sha1($0), $0) }, uniquingKeysWith: { a, _ in a })
        let reuse = try await IncrementalCheck.reuse(&cache, key: "k", listing: Self.listing(edited, base: base), name: "standards", history: nil) { blobs in
            Dictionary(blobs.map { ($0, all[$0]!) }, uniquingKeysWith: { a, _ in a })
        }
        guard case .declined(let reason) = reuse else {
            Issue.record("reused")
            return
        }
        #expect(reason.contains("MAT-MAINT-LESSON"))
    }

    /// A version is seen by others only through pins: raised where a course pins the job profile,
    /// it is checked in full (and the pin's finding appears); raised elsewhere, it is reused.
    @Test func aPinnedVersionRaisedIsCheckedInFull() async throws {
        var files = try Self.files()
        let course = "courses/professional-core/plc-application.md"
        files[course] = Array(String(decoding: files[course]!, as: UTF8.self).replacingOccurrences(of: "JOB-ROBOT-OPERATOR#R5", with: "JOB-ROBOT-OPERATOR@1#R5").utf8)
        let (project, baseProject, diagnostics) = try await Self.fullCheck(files, base: files)
        let cache = IncrementalCheck.cache(key: "k", project: project, base: baseProject, diagnostics: diagnostics, listing: Self.listing(files, base: files))
        #expect(cache.files[course]?.pinned == "JOB-ROBOT-OPERATOR")
        func raised(_ path: String) async throws -> IncrementalCheck.Reuse {
            var edited = files
            edited[path] = Array(String(decoding: files[path]!, as: UTF8.self).replacingOccurrences(of: "\nversion: 1.", with: "\nversion: 2.").utf8)
            let all = Dictionary((edited.values.map { $0 } + files.values.map { $0 }).map { (Digests.sha1($0), $0) }, uniquingKeysWith: { a, _ in a })
            var copy = cache
            return try await IncrementalCheck.reuse(&copy, key: "k", listing: Self.listing(edited, base: files), name: "standards", history: nil) { blobs in
                Dictionary(blobs.map { ($0, all[$0]!) }, uniquingKeysWith: { a, _ in a })
            }
        }
        guard case .declined(let reason) = try await raised("jobs/robot-system-operator.md") else {
            Issue.record("a pinned version raised was reused")
            return
        }
        #expect(reason.contains(course))
        #expect(try await raised("jobs/robot-system-maintainer.md").outcome != nil)
    }

    @Test func theCacheReadsBackAsWritten() async throws {
        let base = try Self.files()
        let (project, baseProject, diagnostics) = try await Self.fullCheck(base, base: base)
        var cache = IncrementalCheck.cache(key: "stdkit 0.1.0\tbuild\\1", project: project, base: baseProject, diagnostics: diagnostics, listing: Self.listing(base, base: base))
        cache.other = [Diagnostic(rule: "r", severity: .note, file: "x\ty.md", location: SourceLocation(line: 2, column: 3),
                                  message: .test("a\\b\nc\r|3:"), notes: [Diagnostic.Note(file: "n.md", location: .start, message: .test("\t"))],
                                  hint: Message("x.y", ["n": .number(-1), "m": .messages([.test("+")], .or), "l": .list(["-", ""], .semicolon)]))]
        #expect(CheckCache(bytes: cache.bytes) == cache)
        // Findings are kept typed, so a cached one is shown in either language.
        let unresolved = Diagnostic(rule: "unresolved-reference", file: "c.md", location: .start,
                                    message: Message("unresolved-reference.no-document", ["written": .verbatim("JOB-X"), "suggestion": Message.didYouMean("JOB-A")]),
                                    fixes: [Fix(title: Message("common.fix.replace", ["old": .verbatim("JOB-X"), "new": .verbatim("JOB-A")]),
                                                edits: [Fix.Edit(file: "课程/c.md", range: SourceLocation(line: 7, column: 17)..<SourceLocation(line: 7, column: 22),
                                                                 text: "JOB-A\t")])])
        cache.other.append(unresolved)
        let read = try #require(CheckCache(bytes: cache.bytes))
        // Fixes are kept (`check --staged` offers what a full check does), tabs in their text too.
        #expect(read.other.last?.fixes == unresolved.fixes)
        #expect(read.other.last?.fixes.first?.title.text(in: .zhCN) == "将“JOB-X”改为“JOB-A”")
        #expect(read.other.last?.message.text(in: .en) == "reference 'JOB-X' matches no document; did you mean 'JOB-A'?")
        #expect(read.other.last?.message.text(in: .zhCN) == "引用“JOB-X”找不到对应文档；是否想写“JOB-A”？")
        // A cache of the format before (rendered English text) is not read.
        let old = Array(String(decoding: cache.bytes, as: UTF8.self).replacingOccurrences(of: "stdkit check cache 5", with: "stdkit check cache 4").utf8)
        #expect(CheckCache(bytes: old) == nil)
        // Cut short anywhere, it is not read.
        let bytes = cache.bytes
        for cut in [0, 10, bytes.count / 2, bytes.count - 1] {
            #expect(CheckCache(bytes: Array(bytes[..<cut])) == nil)
        }
        #expect(CheckCache(bytes: Array("stdkit check cache 0\n".utf8)) == nil)
    }

    @Test func frontMatterIsFoundByItsClosingLine() {
        #expect(Outward.frontMatter(of: "---\nid: A\n---\nbody\n") == ("---\nid: A\n---\n", 3))
        #expect(Outward.frontMatter(of: "---\nid: A\n...  \r\nbody") == ("---\nid: A\n...  \r\n", 3))
        #expect(Outward.frontMatter(of: "---\nid: A\n---") == ("---\nid: A\n---", 3))
        #expect(Outward.frontMatter(of: "---\nid: A\n") == ("---\nid: A\n", 0), "unclosed: all of it, and no line kept in place")
        #expect(Outward.frontMatter(of: "# title\n---\n") == ("", 0))
    }

    @Test func placesMoveOnlyWhenTheyAreKnown() {
        let old = [SourceLocation(line: 10, column: 3), SourceLocation(line: 12, column: 5)]
        let new = [SourceLocation(line: 11, column: 3), SourceLocation(line: 14, column: 5)]
        #expect(Outward.moved(SourceLocation(line: 12, column: 5), oldPlaces: old, frontMatterEnd: 5, newPlaces: new) == SourceLocation(line: 14, column: 5))
        #expect(Outward.moved(SourceLocation(line: 3, column: 1), oldPlaces: old, frontMatterEnd: 5, newPlaces: new) == SourceLocation(line: 3, column: 1))
        #expect(Outward.moved(SourceLocation(line: 13, column: 1), oldPlaces: old, frontMatterEnd: 5, newPlaces: new) == nil)
        // One place that became two.
        #expect(Outward.moved(SourceLocation(line: 10, column: 3), oldPlaces: old + old, frontMatterEnd: 0, newPlaces: new + [new[1], new[1]]) == nil)
    }
}
