import Foundation
import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

/// The flagship standard (`standards/`) and the examples: clean under every rule, complete, and
/// with a course table whose sums equal the programme's declared totals.
@Suite("Flagship standard and examples")
struct FlagshipStandardTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().standardizedFileURL

    static func load(_ path: String) async throws -> Project {
        try await ProjectLoader.load(root: repository.appendingPathComponent(path))
    }

    static func int(_ node: YAMLNode?) -> Int? { node?.scalar.flatMap { Int($0) } }
    static func number(_ node: YAMLNode?) -> Double? { node?.scalar.flatMap { Double($0) } }

    @Test(arguments: ["standards", "examples/minimal", "examples/english-programme", "examples/cooperation"])
    func checksWithoutAnyFinding(path: String) async throws {
        let result = Checker().check(try await Self.load(path))
        #expect(result.diagnostics.map { "\($0.file):\($0.location) \($0.rule) \($0.message.english)" } == [])
        #expect(result.fileCount > 0)
    }

    @Test func flagshipHasEveryKindOfDocument() async throws {
        let project = try await Self.load("standards")
        let counts = Dictionary(grouping: project.documents, by: \.kind).mapValues(\.count)
        #expect(counts["job-profile", default: 0] >= 3)
        #expect(counts["course", default: 0] >= 10)
        #expect(counts["material", default: 0] >= 3)
        #expect(counts["programme"] == 1)
        #expect(counts["certificate"] == 1)
        #expect(counts["apprenticeship"] == 1)
        #expect(counts["training"] == 1)
        #expect(counts["facility"] == 2)
        #expect(project.config.parties.map(\.kind) == [.school, .enterprise, .joint, .group])
        #expect(project.config.parties.filter { $0.kind == .joint || $0.kind == .group }.allSatisfy { $0.members == ["yhzy", "hnauto"] })
        for job in project.documents where job.kind == "job-profile" {
            #expect(job.items.filter { $0.id.hasPrefix("R") }.count >= 6, "\(job.path) has fewer than 6 requirements")
            #expect(job.items.filter { $0.id.hasPrefix("R") }.allSatisfy { $0.attribute("level") != nil })
            #expect(job.owner == "hnauto", "job profiles are the enterprise's")
        }
    }

    /// Every requirement is covered by at least one learning outcome, and every programme
    /// specification is served by one.
    @Test(arguments: ["standards", "examples/english-programme"])
    func everyRequirementIsCovered(path: String) async throws {
        let project = try await Self.load(path)
        for document in project.documents where document.kind == "job-profile" || document.kind == "programme" {
            let prefix = document.kind == "job-profile" ? "R" : "S"
            for item in document.items where item.id.hasPrefix(prefix) {
                let covering = project.index.sources(referencingItem: item.id, of: document.id ?? "")
                    .filter { $0.item?.hasPrefix("LO") == true }
                #expect(!covering.isEmpty, "\(item.fullID) is covered by no outcome")
            }
        }
    }

    /// The programme's course table adds up to its declared totals, and each entry agrees with
    /// the course's own standard, whose units add up to its hours.
    @Test(arguments: ["standards", "examples/english-programme"])
    func courseTableSumsEqualDeclaredTotals(path: String) async throws {
        let project = try await Self.load(path)
        let programme = try #require(project.documents.first { $0.kind == "programme" })
        let entries = try #require(programme.frontMatter?["courses"]?.sequence)
        var hours = 0
        var credits = 0.0
        for entry in entries {
            let theory = try #require(Self.int(entry["hours"]?["theory"]))
            let practice = try #require(Self.int(entry["hours"]?["practice"]))
            let entryCredits = try #require(Self.number(entry["credits"]))
            hours += theory + practice
            credits += entryCredits
            let id = try #require(entry["id"]?.scalar)
            let course = try #require(project.document(id), "\(id) has no course standard")
            #expect(Self.int(course.frontMatter?["hours"]?["theory"]) == theory, "\(id) theory hours")
            #expect(Self.int(course.frontMatter?["hours"]?["practice"]) == practice, "\(id) practice hours")
            #expect(Self.number(course.frontMatter?["credits"]) == entryCredits, "\(id) credits")
            #expect(course.frontMatter?["category"]?.scalar == entry["category"]?.scalar, "\(id) category")
            let unitHours = course.items.filter { $0.id.hasPrefix("U") }.compactMap { $0.attribute("hours").flatMap(Int.init) }
            #expect(unitHours.reduce(0, +) == theory + practice, "\(id): units add up to \(unitHours.reduce(0, +)), not \(theory + practice)")
        }
        // Declared totals are counted totals: each elective group by its choose_credits (issue 21).
        let table = try #require(CourseTable(programme))
        if table.groups.isEmpty {
            #expect(table.totalHours == hours)
            #expect(table.totalCredits == credits)
        }
        #expect(Self.int(programme.frontMatter?["total_hours"]) == table.totalHours)
        #expect(Self.number(programme.frontMatter?["credits"]) == table.totalCredits)
    }

    /// The flagship meets the ministry's proportions (教职成〔2019〕13号).
    @Test func flagshipMeetsTheMinistrysProportions() async throws {
        let project = try await Self.load("standards")
        let programme = try #require(project.documents.first { $0.kind == "programme" })
        let entries = try #require(programme.frontMatter?["courses"]?.sequence)
        // Counted hours: an elective group by its choose_credits, public electives among the
        // electives (issue 21).
        let table = try #require(CourseTable(programme))
        let total = Double(table.totalHours)
        #expect(total >= 2_500)
        #expect(Double(table.practiceHours) / total >= 0.5)
        #expect(Double(table.hours(inCategory: "public-basic")) / total >= 0.25)
        #expect(Double(table.hours(inCategories: ["public-elective", "professional-elective"])) / total >= 0.10)
        let core = entries.filter { $0["category"]?.scalar == "professional-core" }.count
        #expect((6...8).contains(core))
        #expect(Self.int(programme.frontMatter?["duration"]) == 3)
        #expect(programme.frontMatter?["major"]?["code"]?.scalar == "460305")
    }

    @Test func flagshipProgrammeHasEveryElement() async throws {
        let project = try await Self.load("standards")
        let programme = try #require(project.documents.first { $0.kind == "programme" })
        let titles = programme.sections.filter { $0.level == 2 }.map(\.title)
        let required = try #require(project.schemas.schema(for: "programme")).sections.map { $0.names[0] }
        #expect(titles.filter { required.contains($0) } == required, "elements missing or out of order")
        #expect(programme.items.filter { $0.id.hasPrefix("S") }.count >= 10)
    }
}
