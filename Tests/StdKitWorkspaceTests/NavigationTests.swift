import StdKitModel
import StdKitSyntax
import Testing
@testable import StdKitWorkspace

@Suite struct NavigationTests {
    // courses/weld.md line 13: "- **LO1** 能编写焊接程序 → JOB-WELD#R1, JOB-WELD@1#R2": LO1 at 5,
    // the statement's 7 characters from 11, "JOB-WELD#R1" at 21..<32, "JOB-WELD@1#R2" at 34..<47.

    @Test func aReferenceInTheBodyLeadsToTheItsTargetItem() async throws {
        let workspace = try await QueryFixture.workspace()
        // jobs/weld.md line 13: "- **R1** 能完成开机🤖与急停测试。": R1 at 5..<7.
        for column in [21, 25, 32] {
            let places = await workspace.definition("courses/weld.md", at: QueryFixture.at(13, column))
            #expect(places.map(QueryFixture.text) == ["jobs/weld.md 13:5-13:7"])
        }
        let pinned = await workspace.definition("courses/weld.md", at: QueryFixture.at(13, 40))
        #expect(pinned.map(QueryFixture.text) == ["jobs/weld.md 14:5-14:7"])
        // "#R1" in the same document, after "- **R2** 能示教编程。 → ": at 19..<22.
        let local = await workspace.definition("jobs/weld.md", at: QueryFixture.at(14, 19))
        #expect(local.map(QueryFixture.text) == ["jobs/weld.md 13:5-13:7"])
    }

    @Test func aFrontMatterReferenceLeadsToTheDocumentsIDLine() async throws {
        let workspace = try await QueryFixture.workspace()
        // "prerequisites: [COURSE-BASE]": the value at 17.
        let places = await workspace.definition("courses/weld.md", at: QueryFixture.at(7, 20))
        #expect(places.map(QueryFixture.text) == ["courses/base.md 2:5-2:16"])
    }

    @Test func anItemsOwnIDIsItsOwnDefinitionAndOtherPlacesHaveNone() async throws {
        let workspace = try await QueryFixture.workspace()
        let own = await workspace.definition("jobs/weld.md", at: QueryFixture.at(13, 6))
        #expect(own.map(QueryFixture.text) == ["jobs/weld.md 13:5-13:7"])
        // The unresolved "JOB-WELD#R9" (line 14, at 17..<28), plain prose, the statement.
        #expect(await workspace.definition("courses/weld.md", at: QueryFixture.at(14, 20)) == [])
        #expect(await workspace.definition("courses/weld.md", at: QueryFixture.at(10, 3)) == [])
        #expect(await workspace.definition("courses/weld.md", at: QueryFixture.at(13, 12)) == [])
    }

    @Test func referencesToAnItemAreEveryPlaceThatNamesItInEveryDocument() async throws {
        let workspace = try await QueryFixture.workspace()
        let expected = ["courses/base.md 8:19-8:30", "courses/weld.md 13:21-13:32", "jobs/weld.md 14:19-14:22"]
        let fromDefinition = await workspace.references("jobs/weld.md", at: QueryFixture.at(13, 5), includingDeclaration: false)
        #expect(fromDefinition.map(QueryFixture.text) == expected)
        let fromReference = await workspace.references("courses/base.md", at: QueryFixture.at(8, 25), includingDeclaration: true)
        #expect(fromReference.map(QueryFixture.text) == ["jobs/weld.md 13:5-13:7"] + expected)
    }

    @Test func referencesToADocumentIncludeThoseToItsItems() async throws {
        let workspace = try await QueryFixture.workspace()
        let places = await workspace.references("jobs/weld.md", at: QueryFixture.at(2, 6), includingDeclaration: true)
        #expect(places.map(QueryFixture.text) == [
            "jobs/weld.md 2:5-2:13", "courses/base.md 8:19-8:30", "courses/weld.md 13:21-13:32", "courses/weld.md 13:34-13:47",
            "jobs/weld.md 14:19-14:22",
        ])
        let base = await workspace.references("courses/base.md", at: QueryFixture.at(2, 5), includingDeclaration: false)
        #expect(base.map(QueryFixture.text) == ["courses/weld.md 7:17-7:28"])
    }

    @Test func theFlagshipsRequirementIsCoveredFromCoursesAndTraining() async throws {
        let workspace = try await QueryFixture.flagship()
        // jobs/robot-system-operator.md line 44: "- **R1** 能按照安全操作规程…".
        let places = await workspace.references("jobs/robot-system-operator.md", at: QueryFixture.at(44, 6), includingDeclaration: false)
        #expect(places.map(\.path) == [
            "courses/practice/comprehensive-training.md", "courses/practice/internship.md",
            "courses/professional-basic/sensors-measurement.md", "courses/professional-core/robot-fundamentals.md",
            "courses/professional-core/workstation-integration.md", "training/operator-upskill.md",
        ])
        // robot-fundamentals.md line 73: "- **LO2** 能按照安全操作规程完成机器人开机、回原点、急停与安全门联锁测试 → JOB-ROBOT-OPERATOR#R1, …"
        #expect(places.map(QueryFixture.text)[3] == "courses/professional-core/robot-fundamentals.md 73:45-73:66")
        let definition = await workspace.definition("courses/professional-core/robot-fundamentals.md", at: QueryFixture.at(73, 50))
        #expect(definition.map(QueryFixture.text) == ["jobs/robot-system-operator.md 44:5-44:7"])
        // "implements: ns:COURSE-NS-ROBOT-PROG" leads into the vendored national standard.
        let upstream = await workspace.definition("courses/professional-core/robot-programming.md", at: QueryFixture.at(14, 20))
        #expect(upstream.map(\.path) == ["vendor/ns-460305/courses/robot-programming.md"])
    }
}
