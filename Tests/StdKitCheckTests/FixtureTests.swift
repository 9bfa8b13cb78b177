import Foundation
import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

/// One fixture project per syntax, schema, identity and reference error, each with the exact
/// findings expected: rule, file, line, column.
@Suite("Broken fixtures")
struct FixtureTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    struct Expected: CustomStringConvertible, Equatable {
        var rule: String
        var file: String
        var line: Int
        var column: Int
        var severity: Severity = .error

        var description: String { "\(file):\(line):\(column) \(severity.rawValue) [\(rule)]" }
    }

    static func e(_ rule: String, _ file: String, _ line: Int, _ column: Int, _ severity: Severity = .error) -> Expected {
        Expected(rule: rule, file: file, line: line, column: column, severity: severity)
    }

    static let cases: [(String, [Expected])] = [
        ("unclosed-front-matter", [e("front-matter-unclosed", "course.md", 1, 1)]),
        ("invalid-yaml", [e("front-matter-invalid", "course.md", 3, 10)]),
        ("front-matter-list", [e("front-matter-invalid", "course.md", 2, 1)]),
        ("duplicate-key", [e("duplicate-key", "course.md", 5, 1)]),
        ("invalid-utf8", [e("invalid-utf8", "course.md", 7, 4)]),
        ("missing-field", [
            e("missing-field", "course.md", 2, 1), e("unknown-field", "course.md", 4, 1, .warning),
            e("missing-field", "programme.md", 5, 8), e("missing-field", "programme.md", 7, 5),
        ]),
        ("wrong-type", [
            e("wrong-type", "course.md", 5, 17), e("wrong-type", "course.md", 6, 10),
            e("wrong-type", "course.md", 7, 10), e("wrong-type", "course.md", 8, 11),
        ]),
        ("invalid-value", [e("invalid-value", "course.md", 5, 9), e("invalid-value", "course.md", 6, 11)]),
        ("malformed-id", [e("malformed-id", "course.md", 2, 5)]),
        ("malformed-version", [e("malformed-version", "course.md", 5, 10)]),
        ("duplicate-document-id", [e("duplicate-document-id", "b.md", 4, 5)]),
        ("duplicate-item-id", [e("duplicate-item-id", "job.md", 14, 5)]),
        ("id-case-collision", [e("id-case-collision", "a.md", 8, 5), e("id-case-collision", "b.md", 2, 5)]),
        ("unresolved-reference", [
            e("unresolved-reference", "courses/robot-programming.md", 5, 17),
            e("unresolved-reference", "courses/robot-programming.md", 10, 26),
            e("unresolved-reference", "courses/robot-programming.md", 10, 39),
            e("unresolved-reference", "courses/robot-programming.md", 10, 51),
        ]),
        ("malformed-reference", [
            e("malformed-reference", "course.md", 5, 17), e("malformed-reference", "course.md", 8, 17),
            e("malformed-reference", "course.md", 9, 15),
        ]),
        ("unknown-kind-party-field", [
            e("unknown-kind", "a.md", 3, 7), e("unknown-party", "b.md", 5, 8), e("unknown-field", "b.md", 7, 1, .warning),
        ]),
        ("one-bad-file-does-not-stop-others", [
            e("front-matter-invalid", "a.md", 3, 1), e("unresolved-reference", "b.md", 7, 16),
        ]),
    ]

    static func check(_ name: String) async throws -> CheckResult {
        let project = try await ProjectLoader.load(root: fixtures.appendingPathComponent(name))
        return Checker().check(project)
    }

    @Test(arguments: cases)
    func exactFindings(fixture: String, expected: [Expected]) async throws {
        let result = try await Self.check(fixture)
        let found = result.diagnostics.map {
            Expected(rule: $0.rule, file: $0.file, line: $0.location.line, column: $0.location.column, severity: $0.severity)
        }
        #expect(found == expected)
    }

    @Test func everyFixtureIsCovered() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(folders == Self.cases.map(\.0).sorted())
    }

    @Test func messagesStateTheRuleAndSuggest() async throws {
        let result = try await Self.check("unresolved-reference")
        #expect(result.diagnostics.map(\.message.english) == [
            "reference 'COURSE-BASIC' matches no document",
            "reference 'JOB-WELD#R9' matches no item; did you mean 'R1'?",
            "reference 'JOB-WLD#R1' matches no document; did you mean 'JOB-WELD'?",
            "reference '#LO3' matches no item; did you mean 'LO1'?",
        ])
        let item = result.diagnostics[1]
        #expect(item.notes == [Diagnostic.Note(file: "jobs/welding.md", location: StdKitSyntax.SourceLocation(line: 12, column: 5),
                                               message: Message("unresolved-reference.items-here", ["target": .verbatim("JOB-WELD")]))])
        #expect(item.notes.first?.message.english == "items of JOB-WELD are declared here")
        #expect(item.hint?.english == "JOB-WELD declares R1, R2")
    }

    @Test func duplicatesPointAtTheFirstDeclaration() async throws {
        let documents = try await Self.check("duplicate-document-id").diagnostics
        #expect(documents.first?.message.english == "document id 'C1' is already used by a.md")
        #expect(documents.first?.notes.map(\.file) == ["a.md"])
        #expect(documents.first?.notes.map(\.location) == [StdKitSyntax.SourceLocation(line: 2, column: 5)])
        let keys = try await Self.check("duplicate-key").diagnostics
        #expect(keys.first?.message.english == "key 'title' is defined more than once (lines 4, 5)")
    }

    @Test func schemaMessages() async throws {
        #expect(try await Self.check("invalid-value").diagnostics.first?.message.english
                == "'reviewed' is not a valid value of 'status'; did you mean 'review'?")
        #expect(try await Self.check("malformed-version").diagnostics.first?.hint?.english == "write three numbers, e.g. '1.10.0'")
        #expect(try await Self.check("wrong-type").diagnostics.map(\.message.english) == [
            "field 'hours.theory' must be a whole number, not '三十二'",
            "field 'parties' must be a list, not 'szpt'",
            "field 'credits' must be a number, not '2.5.1'",
            "field 'semester' must be a semester number 1–12 or a list of them, not '13'",
        ])
        #expect(try await Self.check("missing-field").diagnostics.map(\.message.english) == [
            "course 'C1' has no 'title' field",
            "field 'major' is not a field of course",
            "programme 'P1' has no 'major.code' field",
            "programme 'P1' has no 'courses[0].id' field",
        ])
    }
}
