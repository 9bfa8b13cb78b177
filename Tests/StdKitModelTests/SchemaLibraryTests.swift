import Foundation
import Testing
import StdKitSyntax
@testable import StdKitModel

@Suite("Kind schemas")
struct SchemaLibraryTests {
    @Test func shippedSchemasDefineTheFiveKinds() throws {
        let library = try SchemaLibrary.builtIn()
        #expect(library.kinds == ["certificate", "course", "job-profile", "material", "programme"])
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
