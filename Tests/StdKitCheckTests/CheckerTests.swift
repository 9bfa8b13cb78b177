import Foundation
import PropertyBased
import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

@Suite("Checker")
struct CheckerTests {
    static let brokenCourse = "---\nid: C1\nkind: course\ntitle: 课程\nstatus: reviewed\n---\n\n- **LO1** 目标 → NOWHERE\n"

    /// Settings that turn off the structure and coverage rules the tiny documents here would trip.
    static let quiet = "rules: {missing-section: off, uncovered-requirement: off, outcome-covers-nothing: off}\n"

    func check(_ files: [String: String], only: [String]? = nil) async throws -> CheckResult {
        var files = files
        if files["stdkit.yml"] == nil { files["stdkit.yml"] = Self.quiet }
        let project = try await ProjectLoader.load(files: files.mapValues { Array($0.utf8) })
        return Checker().check(project, only: only)
    }

    @Test func severityOverridesFromSettings() async throws {
        let result = try await check([
            "stdkit.yml": "rules: {invalid-value: warning, unresolved-reference: off, missing-section: off, outcome-covers-nothing: off}\n",
            "c.md": Self.brokenCourse,
        ])
        #expect(result.diagnostics.map(\.rule) == ["invalid-value"])
        #expect(result.diagnostics.map(\.severity) == [.warning])
    }

    /// A rule that counts its runs and finds one thing in every document.
    final class CountingRule: Rule, @unchecked Sendable {
        // Safe: `runs` is read and written under `lock` only.
        private let lock = NSLock()
        private var runs = 0
        let description: RuleDescription

        init(_ id: String) { description = RuleDescription(id: id, family: .structure, severity: .warning) }

        var count: Int { lock.withLock { runs } }

        func check(_ context: CheckContext) -> [Diagnostic] {
            lock.withLock { runs += 1 }
            return context.project.documents.map { Diagnostic(rule: description.id, severity: .warning, file: $0.path, location: .start, message: Message("rule.\(description.id).summary")) }
        }
    }

    /// A rule the settings turn off is not run at all (its findings would all be dropped); a
    /// rule given another severity is run, and one the settings do not name: on every core and
    /// one rule after the other (`STDKIT_TIMINGS=1`).
    @Test func rulesTurnedOffAreNotRun() async throws {
        let project = try await ProjectLoader.load(files: [
            "stdkit.yml": Array("rules: {spy-off: off, spy-note: note}\n".utf8),
            "a.md": Array("# 说明\n".utf8),
        ])
        for concurrent in [true, false] {
            let (off, note, plain) = (CountingRule("spy-off"), CountingRule("spy-note"), CountingRule("spy-plain"))
            let result = Checker(rules: [plain, off, note], concurrent: concurrent).check(project)
            #expect(off.count == 0, "concurrent: \(concurrent)")
            #expect(note.count == 1 && plain.count == 1)
            #expect(result.diagnostics.map(\.rule) == ["spy-note", "spy-plain"])
            #expect(result.diagnostics.map(\.severity) == [.note, .warning])
        }
        #expect(Checker.isOn("spy-plain", in: project.config))
        #expect(!Checker.isOn("spy-off", in: project.config))
        #expect(Checker.isOn("spy-note", in: project.config))
    }

    @Test func disableNextLineComment() async throws {
        let result = try await check([
            "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n<!-- stdkit-disable-next-line unresolved-reference -->\n- **LO1** 目标 → NOWHERE\n- **LO2** 目标 → NOWHERE\n",
        ])
        #expect(result.diagnostics.map(\.location.line) == [9])
    }

    /// Each file's comments exempt its own lines only, `all` every rule there.
    @Test func disableCommentsOfSeveralFiles() async throws {
        let course = "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 目标 → NOWHERE\n- **LO2** 目标 → NOWHERE\n- **LO3** 目标 → NOWHERE\n"
        func disabling(_ rule: String, line: Int) -> String {
            var lines = course.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines.insert("<!-- stdkit-disable-next-line \(rule) -->", at: line - 1)
            return lines.joined(separator: "\n")
        }
        let result = try await check([
            "a.md": disabling("unresolved-reference", line: 7),
            "b.md": disabling("all", line: 9).replacingOccurrences(of: "C1", with: "C2"),
            "c.md": course.replacingOccurrences(of: "C1", with: "C3"),
        ])
        let found = result.diagnostics.filter { $0.rule == "unresolved-reference" }.map { "\($0.file):\($0.location.line)" }
        #expect(found == ["a.md:9", "a.md:10", "b.md:7", "b.md:8", "c.md:7", "c.md:8", "c.md:9"])
    }

    @Test func reportsOnlyTheNamedPathsButResolvesAgainstTheWholeProject() async throws {
        let files = [
            "jobs/j.md": "---\nid: J1\nkind: job-profile\ntitle: 岗位\n---\n\n- **R1** 要求\n",
            "courses/c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 目标 → J1#R1, J1#R2\n",
            "other/x.md": Self.brokenCourse.replacingOccurrences(of: "C1", with: "X1"),
        ]
        let result = try await check(files, only: ["courses"])
        // The project has no links lock: its note is not what this test is about.
        let findings = result.diagnostics.filter { $0.rule != "unreviewed-link" }
        #expect(findings.map(\.file) == ["courses/c.md"])
        #expect(findings.map(\.message.english) == ["reference 'J1#R2' matches no item; did you mean 'R1'?"])
        #expect(result.fileCount == 1)
    }

    /// The schema validation runs in pieces shared between the cores: with more documents than
    /// pieces, every document's finding is there once, in the documents' order.
    @Test func schemaFindingsOfManyDocumentsEachOnceInOrder() async throws {
        var files: [String: String] = ["stdkit.yml": Self.quiet + "rules: {unresolved-reference: off}\n"]
        for number in 0..<75 {
            files["c/\(String(format: "%03d", number)).md"] = Self.brokenCourse.replacingOccurrences(of: "C1", with: "C\(number)")
        }
        let project = try await ProjectLoader.load(files: files.mapValues { Array($0.utf8) })
        let context = CheckContext(project: project)
        let paths = (context.schemaFindings["invalid-value"] ?? []).map(\.file)
        #expect(paths == (0..<75).map { "c/\(String(format: "%03d", $0)).md" })
        #expect(Checker().check(project).diagnostics.filter { $0.rule == "invalid-value" }.count == 75)
    }

    /// The heaviest rules start first; every rule runs once; the findings keep the catalogue's
    /// order (`PlantedFaultsTests` holds the concurrent check to the serial one).
    @Test func heaviestRulesScheduledFirstEveryRuleOnce() {
        let ids = Set(RuleCatalogue.all.map(\.description.id))
        #expect(Checker.heaviestFirst.filter { !ids.contains($0) } == [], "every name is a rule of the catalogue")
        #expect(Set(Checker.heaviestFirst).count == Checker.heaviestFirst.count)
        let order = Checker.schedule(RuleCatalogue.all)
        #expect(order.sorted() == Array(RuleCatalogue.all.indices))
        let scheduled = order.map { RuleCatalogue.all[$0].description.id }
        #expect(Array(scheduled.prefix(Checker.heaviestFirst.count)) == Checker.heaviestFirst)
        let rest = Array(order.dropFirst(Checker.heaviestFirst.count))
        #expect(rest == rest.sorted(), "the others in the catalogue's order")
        // A catalogue without the heavy rules keeps its order.
        let light = RuleCatalogue.all.filter { !Checker.heaviestFirst.contains($0.description.id) }
        #expect(Checker.schedule(light) == Array(light.indices))
    }

    @Test func diagnosticsAreSortedByFileLineColumnRule() async throws {
        let result = try await check([
            "b.md": Self.brokenCourse.replacingOccurrences(of: "C1", with: "C2"),
            "a.md": Self.brokenCourse,
        ])
        #expect(result.diagnostics.map { "\($0.file):\($0.location)" } == ["a.md:5:9", "a.md:8:16", "b.md:5:9", "b.md:8:16"])
    }

    @Test func summaryCountsNotesAttachedAndStandalone() async throws {
        let result = try await check([
            "j.md": "---\nid: J1\nkind: job-profile\ntitle: 岗位\n---\n\n- **R1** 要求\n",
            "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n\n- **LO1** 目标 → J1#R9\n",
        ])
        #expect(result.count(.error) == 1)
        #expect(result.noteCount == 1)
    }

    @Test(arguments: [
        ("R9", ["R1", "R2"], "R1"),
        ("COURSE-BASIC", ["COURSE-BASICS", "COURSE-PLC"], "COURSE-BASICS"),
        ("job-weld", ["JOB-WELD", "JOB-WLD"], "JOB-WELD"),
        ("reviewed", ["draft", "review", "approved"], "review"),
        ("XYZ", ["R1", "R2"], nil),
        ("titel", ["title", "tags"], "title"),
        ("cours", ["course", "certificate"], "course"),
    ] as [(String, [String], String?)])
    func suggestions(word: String, candidates: [String], expected: String?) {
        #expect(Suggestion.closest(to: word, among: candidates) == expected)
    }

    /// The suggestion computed with bounded distances is the one the plain definition gives:
    /// every candidate's full distance, the smallest (then the first name) if within the limit.
    @Test func boundedSuggestionsAreThePlainOnes() {
        func plain(_ word: String, _ candidates: [String]) -> String? {
            let lowered = word.lowercased()
            var best: (candidate: String, distance: Int)?
            for candidate in candidates where candidate != word {
                if candidate.lowercased() == lowered { return candidate }
                let distance = Suggestion.editDistance(lowered, candidate.lowercased())
                if best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.candidate) { best = (candidate, distance) }
            }
            guard let best, best.distance <= max(1, min(3, word.count / 3)) else { return nil }
            return best.candidate
        }
        var random = Xoshiro(seed: (11, 0x9E37_79B9_7F4A_7C15, 0xBF58_476D_1CE4_E5B9, 0x94D0_49BB_1331_11EB))
        let alphabet = Array("abcAB-/.课程")
        func word() -> String {
            String((0..<Int(random.next() % 14)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
        }
        func variant(of text: String) -> String {
            var characters = Array(text)
            for _ in 0..<Int(random.next() % 4) {
                let position = characters.isEmpty ? 0 : Int(random.next() % UInt64(characters.count))
                switch random.next() % 4 {
                case 0: characters.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: position)
                case 1 where !characters.isEmpty: characters.remove(at: position)
                case 2 where position + 1 < characters.count: characters.swapAt(position, position + 1)
                default: if !characters.isEmpty { characters[position] = alphabet[Int(random.next() % UInt64(alphabet.count))] }
                }
            }
            return String(characters)
        }
        var found = 0
        for _ in 0..<2_000 {
            let target = word()
            let candidates = (0..<Int(random.next() % 12)).map { _ in random.next() % 2 == 0 ? variant(of: target) : word() }
            let expected = plain(target, candidates)
            #expect(Suggestion.closest(to: target, among: candidates) == expected, "\(target) among \(candidates)")
            if expected != nil { found += 1 }
        }
        #expect(found > 300, "the cases include many suggestions, not only none")
    }
}

@Suite("Links the check leaves alone")
struct ExternalLinkTests {
    @Test func webAddressesMailAndSiteAbsolutePaths() {
        for link in ["https://example.com/a", "mailto:a@b.cn", "/docs/a.md", "tel:+86-10", "git+ssh://x", "C2.x-y:z"] {
            #expect(BrokenLink.isExternal(link), "\(link)")
        }
        for link in ["a.md", "../课程/a.md", "a.md#x:y", "课程:a.md", ":a", "a b:c", "图/1.png", ""] {
            #expect(!BrokenLink.isExternal(link), "\(link)")
        }
    }

    @Test func percentEscapesAreDecodedOnlyWhereWritten() {
        #expect(BrokenLink.decoded("a%20b.md") == "a b.md")
        #expect(BrokenLink.decoded("%E8%AF%BE%E7%A8%8B.md") == "课程.md")
        #expect(BrokenLink.decoded("100%.md") == "100%.md")
        #expect(BrokenLink.decoded("课程 1.md") == "课程 1.md")
    }
}
