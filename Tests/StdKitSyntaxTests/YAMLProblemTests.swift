import Testing
@testable import StdKitSyntax

/// libyaml's descriptions of a broken front matter, told in the reader's language.
@Suite("YAML problems in words")
struct YAMLProblemTests {
    static func message(_ yaml: String) throws -> Message {
        try #require(YAMLReader.read(yaml, file: "doc.md").diagnostics.first).message
    }

    /// The mistake teachers make most: a colon and a space inside an unquoted value.
    @Test func aColonInAValue() throws {
        let message = try Self.message("title: 课程标准: 第二版\n")
        #expect(message.text(in: .en) == "front matter is not valid YAML: mapping values are not allowed in this context")
        #expect(message.text(in: .zhCN) == "前置元数据不是有效的 YAML：此处不能出现“键: 值”（值里的冒号后跟空格时，请给整个值加引号）")
    }

    @Test func anUnclosedFlowList() throws {
        let message = try Self.message("parties: [yhzy, hnauto\nowner: yhzy\n")
        #expect(message.text(in: .en).hasPrefix("front matter is not valid YAML: did not find expected ',' or ']'"))
        #expect(message.text(in: .zhCN).hasPrefix("前置元数据不是有效的 YAML：找不到应有的“,”或“]”"))
        #expect(!message.text(in: .zhCN).contains("while"))
    }

    /// A description the table does not know is shown as libyaml wrote it, in both languages.
    @Test func anUnknownDescriptionIsKeptAsWritten() {
        let argument = YAMLProblem.describe(problem: "found something new", context: "while doing a new thing")
        let message = Message("front-matter-invalid.yaml", ["problem": argument])
        #expect(message.text(in: .en) == "front matter is not valid YAML: found something new while doing a new thing")
        #expect(message.text(in: .zhCN) == "前置元数据不是有效的 YAML：found something new while doing a new thing")
    }

    /// Every key the table names is in both catalogues (the catalogue test scans literals; this
    /// holds the two tables to them as data).
    @Test func everyDescriptionHasBothTexts() {
        for key in Array(YAMLProblem.problems.values) + Array(YAMLProblem.contexts.values) {
            #expect(MessageCatalogue.for(.en).templates[key] != nil, "\(key) in en.yml")
            #expect(MessageCatalogue.for(.zhCN).templates[key] != nil, "\(key) in zh-CN.yml")
        }
    }
}
