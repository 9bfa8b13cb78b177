import Foundation
import StdKitSyntax
import Testing
@testable import StdKitServe

/// `EditSession.form` and `applyForm`: the front matter as a form from the kind's schema, and
/// fields set in the text with everything else kept byte for byte.
@Suite struct EditSessionFormTests {
    @Test func theFlagshipsCourseFormHasChoicesAndReferenceKinds() async throws {
        let fixture = try await EditFixture("standards", language: .zhCN)
        defer { fixture.remove() }
        let form = try await fixture.session.form(kind: "course")
        #expect(form.kind == "course")
        let category = try #require(form.fields.first { $0.name == "category" })
        #expect(category == KindForm.Field(name: "category", label: "课程类别", type: .enum, required: false,
                                           choices: ["public-basic", "public-elective", "professional-basic", "professional-core", "professional-elective", "practice"],
                                           references: nil, description: nil))
        let prerequisites = try #require(form.fields.first { $0.name == "prerequisites" })
        #expect(prerequisites == KindForm.Field(name: "prerequisites", label: "先修课程", type: .list, required: false, choices: nil, references: ["course"], description: nil))
        let implements = try #require(form.fields.first { $0.name == "implements" })
        #expect(implements.type == .reference)
        #expect(implements.references == ["course"])
        #expect(implements.description == "The upstream course this course implements, e.g. ns:COURSE-NS-ROBOT-PROG (DESIGN §14)")
        let owner = try #require(form.fields.first { $0.name == "owner" })
        #expect(owner.type == .enum)
        #expect(owner.choices == ["yhzy", "hnauto", "hnauto-college", "gd-robot-group"])
        #expect(form.fields.first { $0.name == "id" }?.required == true)
        #expect(form.fields.first { $0.name == "hours" }?.type == .map)

        await #expect(throws: EditError.self) { try await fixture.session.form(kind: "recipe") }
    }

    /// A Chinese project's forms speak Chinese: every field of every kind has a label with Chinese
    /// in it (ISBN aside), the common fields as the pages name them.
    @Test func everyFieldOfEveryKindIsLabelledInTheProjectsLanguage() async throws {
        let fixture = try await EditFixture("standards", language: .zhCN)
        defer { fixture.remove() }
        var english: [String] = []
        for choice in await fixture.session.kinds() {
            let form = try await fixture.session.form(kind: choice.kind)
            for field in form.fields where field.name != "isbn" {
                if !field.label.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) {
                    english.append("\(choice.kind).\(field.name): \(field.label)")
                }
            }
        }
        #expect(english == [])
        let course = try await fixture.session.form(kind: "course")
        let labels = Dictionary(uniqueKeysWithValues: course.fields.map { ($0.name, $0.label) })
        #expect(labels["id"] == "编号")
        #expect(labels["title"] == "标题")
        #expect(labels["status"] == "状态")
        #expect(labels["version"] == "版本")
    }

    static let text = """
        ---
        # 课程的基本信息
        id: COURSE-X
        kind: course
        title: 旧标题  # 暂定
        status: draft

        # 学分按学时折算
        credits: 2
        parties:
          - yhzy
          - hnauto
        semester: 3
        ---

        # 正文保持不变
        """ + "\n"

    @Test func fieldsAreSetInPlaceAndCommentsKept() async throws {
        let fixture = try await EditFixture()
        defer { fixture.remove() }
        let result = try await fixture.session.applyForm(text: Self.text, values: [
            "title": .string("新标题: 机器人"),
            "credits": .number(3),
            "semester": .null,
            "parties": .list(["yhzy", "hnauto", "gd-robot-group"]),
            "category": .string("professional-core"),
            "prerequisites": .list(["COURSE-ROBOT-BASIC"]),
            "hidden": .bool(true),
        ])
        #expect(result == """
            ---
            # 课程的基本信息
            id: COURSE-X
            kind: course
            title: "新标题: 机器人"  # 暂定
            status: draft

            # 学分按学时折算
            credits: 3
            parties:
              - yhzy
              - hnauto
              - gd-robot-group
            category: professional-core
            prerequisites:
              - COURSE-ROBOT-BASIC
            hidden: true
            ---

            # 正文保持不变
            """ + "\n")
    }

    @Test func aRoundTripOfTheSameValuesGivesTheSameBytes() async throws {
        let fixture = try await EditFixture()
        defer { fixture.remove() }
        let flow = "---\r\nid: COURSE-X\r\nkind: course\r\nparties: [yhzy, hnauto]  # 两方\r\n# 尾注\r\n---\r\nBody\r\n"
        let same = try await fixture.session.applyForm(text: flow, values: ["parties": .list(["yhzy", "hnauto"])])
        #expect(same == flow)
        let changed = try await fixture.session.applyForm(text: flow, values: ["parties": .list(["yhzy"]), "kind": .string("course")])
        #expect(changed == "---\r\nid: COURSE-X\r\nkind: course\r\nparties: [yhzy]  # 两方\r\n# 尾注\r\n---\r\nBody\r\n")
        let added = try await fixture.session.applyForm(text: flow, values: ["shared_with": .list(["a b", "c"]), "credits": .number(1.5)])
        #expect(added == "---\r\nid: COURSE-X\r\nkind: course\r\nparties: [yhzy, hnauto]  # 两方\r\n# 尾注\r\ncredits: 1.5\r\nshared_with: [a b, c]\r\n---\r\nBody\r\n")
    }

    @Test func aTextWithoutReadableFrontMatterIsUnchangeable() async throws {
        let fixture = try await EditFixture()
        defer { fixture.remove() }
        for text in ["# No front matter\n", "---\nid: X\n", "---\nid: X\nid: Y\n---\n"] {
            do {
                _ = try await fixture.session.applyForm(text: text, values: ["title": .string("T")])
                Issue.record("applied to \(text)")
            } catch {
                #expect(error.code == .unchangeable)
            }
        }
        do {
            _ = try await fixture.session.applyForm(text: Self.text, values: ["a: b\nc": .string("T")])
            Issue.record("applied a key with a line break")
        } catch {
            #expect(error.code == .unchangeable)
            #expect(error.message.english == "“a: b\nc” is not a field name the form can set: ASCII letters, digits, '_' and '-', a letter or '_' first")
        }
    }
}
