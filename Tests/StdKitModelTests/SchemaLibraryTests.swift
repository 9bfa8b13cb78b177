import Foundation
import Testing
import StdKitSyntax
@testable import StdKitModel

@Suite("Kind schemas")
struct SchemaLibraryTests {
    @Test func shippedSchemasDefineTheEightKinds() throws {
        let library = try SchemaLibrary.builtIn()
        #expect(library.kinds == ["apprenticeship", "certificate", "course", "facility", "job-profile", "material", "programme", "training"])
        let course = try #require(library.schema(for: "course"))
        #expect(course.field("id")?.required == true)
        #expect(course.field("title")?.required == true)
        #expect(course.field("prerequisites")?.type == .list(FieldSchema(type: .reference(targets: ["course"]))))
        #expect(course.itemKind(of: "LO3")?.name == "learning outcome")
        #expect(course.itemKind(of: "U12")?.name == "teaching unit")
        #expect(library.schema(for: "certificate")?.itemKind(of: "SK1-1")?.prefix == "SK")
        #expect(library.schema(for: "programme")?.sections.count == 11)
        #expect(library.schema(for: "page") == .page)
        #expect(library.schema(for: "nonsense") == nil)
    }

    /// The kinds of cooperation (DESIGN §13.3): fields, items and sections as the design gives them.
    @Test func theKindsOfCooperation() throws {
        let library = try SchemaLibrary.builtIn()
        let apprenticeship = try #require(library.schema(for: "apprenticeship"))
        #expect(apprenticeship.field("programme") == FieldSchema(type: .reference(targets: ["programme"]), required: true,
                                                                  description: "The programme whose cohort is trained"))
        #expect(apprenticeship.field("assessment")?.type == .partyMap(FieldSchema(type: .number)))
        #expect(apprenticeship.field("enterprise")?.type == .party)
        #expect(apprenticeship.field("recruitment")?.type.name == "mapping")
        #expect(apprenticeship.itemKind(of: "M1")?.name == "mentor")
        #expect(apprenticeship.itemKind(of: "P2")?.references == ["job-profile#T", "job-profile#R"])
        #expect(apprenticeship.itemKind(of: "P2")?.coverage == false)
        #expect(apprenticeship.sections.map { $0.names[0] } == ["培养目标", "招生招工", "教学组织与交替安排", "岗位轮换", "企业师傅", "考核评价", "保障措施"])
        let training = try #require(library.schema(for: "training"))
        #expect(training.itemKind(of: "TM1")?.references == ["job-profile#R", "course#U"])
        #expect(training.itemKind(of: "TM1")?.coverage == true)
        #expect(training.field("hours") == FieldSchema(type: .integer, required: true, description: "Total hours; the modules' hours add up to it"))
        #expect(training.sections.map { $0.names[0] } == ["培训目标", "培训对象", "培训模块与学时", "培训方式与师资", "考核与结业"])
        let facility = try #require(library.schema(for: "facility"))
        #expect(facility.field("location")?.type == .enumeration(["school", "enterprise"]))
        #expect(facility.field("shared_with")?.type == .list(FieldSchema(type: .party)))
        #expect(facility.items.isEmpty)
        #expect(facility.sections.map { $0.names.prefix(2).joined(separator: " / ") } == ["基本情况 / Overview", "设备配置 / Equipment", "承担课程与项目 / Courses and projects", "共享与管理 / Sharing and management"])
    }

    @Test func aPartyMapWithoutItsValueTypeIsReported() throws {
        var diagnostics: [Diagnostic] = []
        let library = try SchemaLibrary.builtIn().adding(files: ["x.yml": Array("kind: x\nfields:\n  shares: {type: party-map}\n".utf8)],
                                                         displayPrefix: "schemas/", diagnostics: &diagnostics)
        #expect(library.schema(for: "x")?.field("shares") == nil)
        #expect(diagnostics.map { "\($0.location) \($0.message.english)" } == ["3:11 party-map field has no valid 'of' (the type of its values)"])
    }

    @Test func projectSchemasAddAndReplaceKinds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-schemas-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "kind: lab\ntitle: 实训室\nfields:\n  capacity: {type: integer, required: true}\n".write(
            to: folder.appendingPathComponent("lab.yml"), atomically: true, encoding: .utf8)
        try "kind: broken\nfields:\n  x: {type: colour}\n".write(
            to: folder.appendingPathComponent("broken.yml"), atomically: true, encoding: .utf8)
        var diagnostics: [Diagnostic] = []
        let library = try SchemaLibrary.builtIn().adding(folder: folder, displayPrefix: "schemas/", diagnostics: &diagnostics)
        let lab = try #require(library.schema(for: "lab"))
        #expect(lab.field("capacity")?.required == true)
        #expect(lab.field("title")?.required == true, "a project kind gets the common fields")
        #expect(diagnostics.map(\.file) == ["schemas/broken.yml"])
        #expect(diagnostics.map(\.message.english) == ["unknown field type 'colour'"])
        #expect(diagnostics.map(\.location) == [StdKitSyntax.SourceLocation(line: 3, column: 6)])
    }
}
