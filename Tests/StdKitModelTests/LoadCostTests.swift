import Foundation
import Testing
@testable import StdKitModel
import StdKitSyntax

/// What the per-document costs of loading and checking were cut to keep: items shared in one box
/// behave as values, the item family is found as before, and a project without a links lock is
/// told its first link and count without its targets' digests.
@Suite("Load costs")
struct LoadCostTests {
    static let course = """
        ---
        id: C1
        kind: course
        title: 课程
        ---

        - **LO1** 能完成开机 → JOB-A#R1 {hours=4}
        - **LO2** 能调试轨迹 → JOB-A#R2
        """

    static func items() throws -> [Item] {
        let schemas = try SchemaLibrary.builtIn()
        return ProjectLoader.document(path: "c.md", bytes: Array(course.utf8), schemas: schemas).items
    }

    /// A copy changed leaves the original as it was; equal values are equal and hash alike
    /// whether or not they share a box.
    @Test func anItemIsAValue() throws {
        let items = try Self.items()
        #expect(items.map(\.fullID) == ["C1#LO1", "C1#LO2"])
        let original = items[0]
        var copy = original
        #expect(copy == original)
        copy.text = "改过"
        copy.references[0].resolution = .unresolvedItem(document: "JOB-A", item: "R1")
        #expect(original.text == "能完成开机")
        #expect(original.references[0].resolution != .unresolvedItem(document: "JOB-A", item: "R1"))
        #expect(copy.text == "改过")
        #expect(copy.references[0].resolution == .unresolvedItem(document: "JOB-A", item: "R1"))
        #expect(copy != original)

        // Read again from the same text: another box, the same value.
        let again = try Self.items()[0]
        #expect(again == original)
        #expect(again.hashValue == original.hashValue)
        #expect(Set([original, again, items[1]]).count == 2)
        #expect(again.attribute("hours") == "4")
        #expect(again.location == SourceLocation(line: 7, column: 5))
        #expect(again.lines == 7...7)
    }

    /// The references walked in place are `allReferences`, in its order: the front matter's,
    /// then each item's; a document with none is empty, as is one whose items have none.
    @Test func everyReferenceIsAllReferencesInOrder() throws {
        let schemas = try SchemaLibrary.builtIn()
        let text = """
            ---
            id: C2
            kind: course
            title: 课程
            prerequisites: [C0, C1]
            ---

            - **LO1** 无引用
            - **LO2** 能完成开机 → JOB-A#R1, JOB-A#R3
            - **LO3** 也无引用
            - **LO4** 能调试轨迹 → JOB-B#R2
            """
        let document = ProjectLoader.document(path: "c.md", bytes: Array(text.utf8), schemas: schemas)
        let walked = Array(document.everyReference)
        #expect(walked.map(\.syntax.text) == ["C0", "C1", "JOB-A#R1", "JOB-A#R3", "JOB-B#R2"])
        #expect(walked == document.allReferences)
        #expect(!document.everyReference.isEmpty)

        let none = ProjectLoader.document(path: "n.md", bytes: Array("---\nid: C3\nkind: course\ntitle: 课程\n---\n\n- **LO1** 无引用\n".utf8),
                                          schemas: schemas)
        #expect(none.items.count == 1)
        #expect(Array(none.everyReference).isEmpty)
        #expect(none.everyReference.isEmpty)
    }

    /// The longest declared prefix of the id's letters, the first of equally long ones; the
    /// letters are compared exactly (case and all), a prefix beyond ASCII as Swift compares
    /// strings (the Kelvin sign is K).
    @Test func theItemFamilyIsTheLongestPrefix() {
        let schema = KindSchema(kind: "k", title: "K", fields: [], items: [
            .init(prefix: "L", name: "l"), .init(prefix: "LO", name: "lo first"), .init(prefix: "LO", name: "lo second"),
            .init(prefix: "", name: "anything"), .init(prefix: "\u{212A}", name: "kelvin"), .init(prefix: "Ä", name: "umlaut"),
        ])
        #expect(schema.itemKind(of: "LO3")?.name == "lo first")
        #expect(schema.itemKind(of: "L2")?.name == "l")
        #expect(schema.itemKind(of: "LX1")?.name == "l")
        #expect(schema.itemKind(of: "lo3")?.name == "anything")
        #expect(schema.itemKind(of: "X1")?.name == "anything")
        #expect(schema.itemKind(of: "K1")?.name == "kelvin")
        #expect(schema.itemKind(of: "Ä1")?.name == "anything", "the id's letters are ASCII letters")
        #expect(KindSchema(kind: "k", title: "K", fields: [], items: [.init(prefix: "R", name: "r")]).itemKind(of: "T1") == nil)
    }

    /// Without a lock, the first link by key and the count are the full review's.
    @Test func theFirstUnreviewedLinkWithoutTheirDigests() async throws {
        var files = ProjectReplacingTests.files(at: "standards")
        #expect(files.removeValue(forKey: Project.linkLockPath) != nil)
        let project = try await ProjectLoader.load(files: files, name: "standards")
        let full = LinkReview(project: project)
        let unreviewed = full.unreviewed
        #expect(unreviewed.count == full.entries.count)
        #expect(unreviewed.count > 50)
        let made = try #require(LinkReview.firstLinkAndCount(in: project))
        #expect(made.count == unreviewed.count)
        #expect(made.first == unreviewed[0].link)

        let lockless = LinkReview.withoutLinks(of: project)
        #expect(!lockless.hasLock)
        #expect(lockless.entries.isEmpty && lockless.obsolete.isEmpty && lockless.problems.isEmpty)
        // With a lock, the full review, whatever is asked.
        let locked = try await ProjectLoader.load(files: ProjectReplacingTests.files(at: "standards"), name: "standards")
        #expect(LinkReview.withoutLinks(of: locked).entries.count == LinkReview(project: locked).entries.count)
        #expect(LinkReview.withoutLinks(of: locked).hasLock)
    }
}
