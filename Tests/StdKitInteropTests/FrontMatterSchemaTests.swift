import Foundation
import Testing
import StdKitCheck
import StdKitModel
import StdKitSyntax
@testable import StdKitInterop

/// The JSON Schemas of `stdkit schema` agree with the check: every front matter of the flagship
/// (which the check accepts) validates against its kind's schema, and front matter the check
/// rejects for its fields is rejected by the schema too. A JSON Schema validator (Python's
/// jsonschema) reads the front matter as a YAML language server would, by YAML 1.2's core schema.
@Suite("Front-matter JSON Schemas")
struct FrontMatterSchemaTests {
    /// Validates each (schema, instance) pair; the messages of the failures, by pair index.
    static func validate(_ pairs: [(schema: [String: Any], instance: Any)]) throws -> [Int: [String]] {
        let python = try #require(CASETests.pythonWithJSONSchema(), "no python3 with jsonschema: install Debian's python3-jsonschema (make test does)")
        let folder = try CASETests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = pairs.map { ["schema": $0.schema, "instance": $0.instance] }
        try JSONSerialization.data(withJSONObject: input).write(to: folder.appendingPathComponent("pairs.json"))
        let script = """
            import json, sys
            from jsonschema import Draft7Validator
            result = {}
            for index, pair in enumerate(json.load(open(sys.argv[1]))):
                Draft7Validator.check_schema(pair["schema"])
                errors = [e.message for e in Draft7Validator(pair["schema"]).iter_errors(pair["instance"])]
                if errors: result[str(index)] = errors
            print(json.dumps(result))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, "-c", script, folder.appendingPathComponent("pairs.json").path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "the validator ran: \(String(decoding: output, as: UTF8.self))")
        let result = try #require(try JSONSerialization.jsonObject(with: output) as? [String: [String]])
        return Dictionary(uniqueKeysWithValues: result.map { (Int($0.key)!, $0.value) })
    }

    @Test func theFlagshipsFrontMatterValidates() async throws {
        let project = try await ProjectLoader.load(root: CASETests.flagship)
        let documents = project.documents.filter { !$0.isPage && $0.frontMatter != nil }
        let pairs = try documents.map { document in
            let schema = try #require(project.schemas.schema(for: document.kind))
            return (FrontMatterSchema(schema: schema, project: project).json(), document.frontMatter!.coreSchemaValue)
        }
        #expect(pairs.count > 30)
        let failures = try Self.validate(pairs)
        #expect(failures.isEmpty, "\(failures.map { "\(documents[$0.key].path): \($0.value)" })")
    }

    /// Each broken front matter is refused by the check for its fields and by the schema.
    @Test func whatTheCheckRefusesTheSchemaRefuses() async throws {
        let base = """
            id: COURSE-X
            kind: course
            title: 课程
            version: 1.0.0
            status: draft
            owner: school
            parties: [school]
            credits: 2
            semester: [1, 2]
            category: professional-core
            hours: {theory: 16, practice: 16}
            prerequisites: [COURSE-Y]

            """
        let broken = [
            ("credits", "credits: two"),
            ("status", "status: done"),
            ("version", "version: 1.0"),
            ("owner", "owner: acme"),
            ("semester", "semester: first"),
            ("unknown field", "colour: red"),
            ("hours", "hours: {theory: lots, practice: 16}"),
            ("prerequisite", "prerequisites: [\"not an id\"]"),
        ]
        let root = try CASETests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try "name: 模式\nparties:\n  - {id: school, name: 学校, kind: school}\n".write(to: root.appendingPathComponent("stdkit.yml"), atomically: true, encoding: .utf8)
        try "---\nid: COURSE-Y\nkind: course\ntitle: 先修\n---\n# 先修\n".write(to: root.appendingPathComponent("y.md"), atomically: true, encoding: .utf8)
        var pairs: [(schema: [String: Any], instance: Any)] = []
        let project = try await ProjectLoader.load(root: root)
        let schema = FrontMatterSchema(schema: try #require(project.schemas.schema(for: "course")), project: project).json()
        for (index, (_, line)) in ([("valid", "")] + broken).enumerated() {
            let key = line.split(separator: ":").first.map(String.init) ?? ""
            let text = base.split(separator: "\n").filter { line.isEmpty || !$0.hasPrefix(key + ":") }.joined(separator: "\n") + "\n" + line
            try "---\n\(text)\n---\n# 课程\n".write(to: root.appendingPathComponent("x.md"), atomically: true, encoding: .utf8)
            let loaded = try await ProjectLoader.load(root: root)
            let document = try #require(loaded.document(atPath: "x.md"))
            let fieldRules: Set = ["wrong-type", "invalid-value", "malformed-version", "unknown-party", "unknown-field", "malformed-reference", "missing-field"]
            let findings = Checker().check(loaded).diagnostics.filter { $0.file == "x.md" && fieldRules.contains($0.rule) }
            #expect(findings.isEmpty == (index == 0), "case \(index) \(line): the check says \(findings.map(\.rule))")
            pairs.append((schema, try #require(document.frontMatter).coreSchemaValue))
        }
        let failures = try Self.validate(pairs)
        #expect(failures[0] == nil, "the valid front matter validates: \(failures[0] ?? [])")
        for (index, (name, _)) in broken.enumerated() {
            #expect(failures[index + 1] != nil, "the schema refuses the \(name)")
        }
    }
}

extension FrontMatterSchemaTests {
    /// A `party-map` (an apprenticeship's `assessment`) is an object whose keys are the
    /// project's parties and whose values are of its type; the validator agrees with the check.
    @Test func aPartyMapIsAnObjectKeyedByTheParties() async throws {
        let root = try CASETests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try "parties:\n  - {id: yhzy, name: 粤海职业技术学院, kind: school}\n  - {id: hnauto, name: 华南汽车, kind: enterprise}\n"
            .write(to: root.appendingPathComponent("stdkit.yml"), atomically: true, encoding: .utf8)
        let project = try await ProjectLoader.load(root: root)
        let schema = FrontMatterSchema(schema: try #require(project.schemas.schema(for: "apprenticeship")), project: project).json()
        let assessment = try #require((schema["properties"] as? [String: Any])?["assessment"] as? [String: Any])
        #expect(assessment["type"] as? String == "object")
        #expect((assessment["propertyNames"] as? [String: [String]]) == ["enum": ["yhzy", "hnauto"]])
        #expect((assessment["additionalProperties"] as? [String: String]) == ["type": "number"])
        let base: [String: Any] = ["id": "APP-R", "kind": "apprenticeship", "title": "学徒制", "owner": "yhzy", "programme": "PROG-R",
                                   "enterprise": "hnauto", "cohort": ["year": 2026, "size": 30],
                                   "schedule": [["semester": 3, "weeks": "1-12", "place": "school"]]]
        let instances: [[String: Any]] = [
            base.merging(["assessment": ["yhzy": 50, "hnauto": 50]]) { $1 },
            base.merging(["assessment": ["yhzy": 50, "hnqc": 50]]) { $1 },
            base.merging(["assessment": ["yhzy": "一半", "hnauto": 50]]) { $1 },
        ]
        let failures = try Self.validate(instances.map { (schema, $0) })
        #expect(failures[0] == nil, "\(failures[0] ?? [])")
        #expect(failures[1] != nil && failures[2] != nil)
    }
}
