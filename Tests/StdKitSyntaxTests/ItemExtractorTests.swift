import Testing
@testable import StdKitSyntax

@Suite("Items, references and attributes")
struct ItemExtractorTests {
    func extract(_ body: String) -> ItemExtractor.Result {
        let source = SourceText(body)
        return ItemExtractor(source: source, file: "doc.md").extract(from: MarkdownParser.parse(source))
    }

    func loc(_ line: Int, _ column: Int) -> StdKitSyntax.SourceLocation {
        StdKitSyntax.SourceLocation(line: line, column: column)
    }

    @Test func listItemWithReferencesAndAttributes() throws {
        let result = extract("- **LO2** 能编写并调试弧焊轨迹程序 → JOB-WELD-ROBOT#R2, JOB-WELD-ROBOT#R3 {level=3 hours=12}\n")
        #expect(result.diagnostics.isEmpty)
        let item = try #require(result.items.first)
        #expect(item.id == "LO2")
        #expect(item.location == loc(1, 5))
        #expect(item.host == .listItem)
        #expect(item.statement == "能编写并调试弧焊轨迹程序")
        #expect(item.references.map(\.text) == ["JOB-WELD-ROBOT#R2", "JOB-WELD-ROBOT#R3"])
        #expect(item.references.map(\.location) == [loc(1, 26), loc(1, 45)])
        #expect(item.references.first?.document == "JOB-WELD-ROBOT")
        #expect(item.references.first?.item == "R2")
        #expect(item.attributes == [
            AttributeSyntax(key: "level", value: "3", location: loc(1, 64)),
            AttributeSyntax(key: "hours", value: "12", location: loc(1, 72)),
        ])
    }

    @Test func asciiArrowFullWidthCommaAndOrderedList() throws {
        let result = extract("1. **LO3** 能完成巡检 -> JOB-MAINT#R1，JOB-WELD#R1\n")
        let item = try #require(result.items.first)
        #expect(item.location == loc(1, 6))
        #expect(item.statement == "能完成巡检")
        #expect(item.references.map(\.text) == ["JOB-MAINT#R1", "JOB-WELD#R1"])
        #expect(item.references.map(\.location) == [loc(1, 21), loc(1, 34)])
    }

    @Test(arguments: [
        ("#LO1", nil, nil, "LO1"),
        ("JOB-MAINT", "JOB-MAINT", nil, nil),
        ("JOB-MAINT#R2", "JOB-MAINT", nil, "R2"),
        ("JOB-WELD@2#R4", "JOB-WELD", 2, "R4"),
        ("JOB-WELD@12", "JOB-WELD", 12, nil),
    ] as [(String, String?, Int?, String?)])
    func referenceForms(text: String, document: String?, pin: Int?, item: String?) throws {
        let reference = try #require(ReferenceSyntax.parse(text, at: .start))
        #expect(reference.document == document)
        #expect(reference.pin == pin)
        #expect(reference.item == item)
        #expect(reference.text == text)
    }

    @Test(arguments: ["", "#", "焊接#R1", "DOC#", "DOC@#R1", "DOC@x#R1", "@2#R1", "DOC R1", "DOC#R 1", "1DOC",
                      // Any scalar beyond ASCII makes a text no reference, wherever it stands:
                      // a mark on `#`, `@` or `:`, a full-width digit or letter, an ideographic space.
                      "DOC#\u{301}R1", "DOC@\u{301}2", "ns:\u{301}DOC", "DOC@２#R1", "ＤＯＣ#R1", "DOC\u{3000}#R1",
                      "ns:", ":DOC", "NS:DOC", "ns:DOC@", "DOC@99999999999999999999"])
    func malformedReferences(text: String) {
        #expect(ReferenceSyntax.parse(text, at: .start) == nil)
    }

    @Test func upstreamReferenceForms() throws {
        let reference = try #require(ReferenceSyntax.parse("  ns:PROG-NS-460305@2#S7 ", at: .start))
        #expect(reference.text == "ns:PROG-NS-460305@2#S7")
        #expect(reference.document == "ns:PROG-NS-460305")
        #expect(reference.upstream == "ns")
        #expect(reference.pin == 2)
        #expect(reference.item == "S7")
    }

    /// Whether an item's trailing text ends with `}` is read on its scalars; it must say what
    /// trimming it and asking `hasSuffix("}")` (by characters) says, marks and prepended
    /// scalars included.
    @Test(arguments: ["{level=3}", "x {a=1}  ", "x {a=1}\t\u{3000}", "x {a=1}\u{301}", "x {a=1}\u{200D}",
                      "\u{0600}}", "。}", "}", " } ", "", "   ", "{a=1} x", "}\n"])
    func endsWithBraceAsCharactersSay(text: String) {
        #expect(ItemExtractor.endsWithBrace(text) == text.trimmingWhitespace().hasSuffix("}"))
    }

    @Test func statementCutAtAttributesThenArrowAndTrimmedOnce() throws {
        let result = extract("- **LO1**  能调试 {x} 程序 \u{3000}→ JOB-A#R1 {level=3}\n- **LO2** 能焊接\n  → JOB-B#R2\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.items.map(\.statement) == ["能调试 {x} 程序", "能焊接"])
        #expect(result.items.map { $0.references.map(\.text) } == [["JOB-A#R1"], ["JOB-B#R2"]])
        #expect(result.items.first?.attributes.map(\.key) == ["level"])
    }

    @Test func headingsAsItems() throws {
        let result = extract("## 课程内容\n\n### **U3** 弧焊工作站编程 {hours=12}\n\n**U4** 离线编程\n-------\n")
        #expect(result.items.map(\.id) == ["U3", "U4"])
        #expect(result.items[0].host == .heading(level: 3))
        #expect(result.items[0].location == loc(3, 7))
        #expect(result.items[0].statement == "弧焊工作站编程")
        #expect(result.items[0].attributes.map(\.value) == ["12"])
        #expect(result.items[1].host == .heading(level: 2))
        #expect(result.items[1].location == loc(5, 3))
        #expect(result.headings.map(\.text) == ["课程内容", "U3 弧焊工作站编程", "U4 离线编程"])
        #expect(result.headings.map(\.itemID) == [nil, "U3", "U4"])
    }

    @Test func nestedItemsKnowTheirParent() {
        let result = extract("""
            - **LO5** 能维护工作站 → JOB-MAINT
              - **LO5.1** 能更换导电嘴 {hours=2}
              - 不带编号
                - **LO5.1a** 更深一层
            - **LO6** 下一个
            """)
        #expect(result.items.map(\.id) == ["LO5", "LO5.1", "LO5.1a", "LO6"])
        #expect(result.items.map(\.parentID) == [nil, "LO5", "LO5", nil])
        #expect(result.items[1].location == loc(2, 7))
        #expect(result.items[0].lines == 1...4)
    }

    @Test func referencesContinuingOnTheNextLineKeepTheirPositions() throws {
        let result = extract("- **LO6** 能根据工艺卡调整参数，说明较长需要\n  换行 → JOB-A#R3,\n  JOB-B#R2 {level=2}\n")
        let item = try #require(result.items.first)
        #expect(item.statement == "能根据工艺卡调整参数，说明较长需要换行")
        #expect(item.references.map(\.text) == ["JOB-A#R3", "JOB-B#R2"])
        #expect(item.references.map(\.location) == [loc(2, 8), loc(3, 3)])
        #expect(item.attributes.map(\.location) == [loc(3, 13)])
    }

    @Test func quotedAttributeValues() throws {
        let result = extract("- **R1** 能操作 {level=3 note=\"校企 共同评价\" by='王工'}\n")
        let item = try #require(result.items.first)
        #expect(item.attributes.map(\.key) == ["level", "note", "by"])
        #expect(item.attributes.map(\.value) == ["3", "校企 共同评价", "王工"])
        #expect(item.statement == "能操作")
    }

    @Test func boldWordsThatAreNotIdsAreNotItems() {
        let result = extract("- **Note** plain bold\n- **说明** 中文加粗\n- **R1**后面紧跟\n- 普通条目 **R2**\n")
        #expect(result.items.map(\.id) == ["R1"])
        #expect(result.items.first?.statement == "后面紧跟")
    }

    @Test func arrowsInCodeAreNotReferences() throws {
        let result = extract("- **LO7** 代码 `a -> b` 不是引用\n")
        let item = try #require(result.items.first)
        #expect(item.references.isEmpty)
        #expect(result.diagnostics.isEmpty)
        #expect(item.statement == "代码 a -> b 不是引用")
    }

    @Test func bracesWithoutEqualsAreText() throws {
        let result = extract("- **R1** 集合 {a, b}\n")
        #expect(result.items.first?.attributes == [])
        #expect(result.items.first?.statement == "集合 {a, b}")
        #expect(result.diagnostics.isEmpty)
    }

    @Test func malformedReferenceIsReportedAtTheToken() throws {
        let result = extract("- **LO1** 能编程 → JOB-A#R1, 焊接岗位#R1\n")
        #expect(result.items.first?.references.map(\.text) == ["JOB-A#R1"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.rule == "malformed-reference")
        #expect(diagnostic.location == loc(1, 27))
        #expect(diagnostic.message.english == "'焊接岗位#R1' in item 'LO1' is not a reference")
    }

    @Test func arrowWithoutReferenceIsReported() throws {
        let result = extract("- **LO1** 能编程 →\n")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.rule == "malformed-reference")
        #expect(diagnostic.location == loc(1, 15))
    }

    @Test func malformedAttributesAreReportedOnce() throws {
        let result = extract("- **R1** 能操作。 → JOB-A#R1 {level=3 hours=4 h}\n")
        #expect(result.diagnostics.map(\.rule) == ["malformed-attribute"], "the braces are not read as a reference")
        #expect(result.items.first?.references.map(\.text) == ["JOB-A#R1"])
        #expect(result.items.first?.statement == "能操作。")
    }

    @Test func malformedAttributesAreReported() throws {
        let result = extract("- **R1** 能操作。 {level=3 hours=4 h}\n")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.rule == "malformed-attribute")
        #expect(diagnostic.location == loc(1, 32))
        #expect(diagnostic.message.english == "attributes of item 'R1' are malformed: 'h' has no '=value'")
        #expect(result.items.first?.attributes == [])
    }

    @Test func taskListItemsAreItems() {
        let result = extract("- [x] **R1** 已完成 → #R2\n- [ ] **R2** 未完成\n")
        #expect(result.items.map(\.id) == ["R1", "R2"])
        #expect(result.items.first?.references.first?.location == loc(1, 20))
    }

    @Test func crlfPositions() throws {
        let result = extract("\r\n- **R1** 甲 → X#R1\r\n- **R2** 乙 → Y\r\n")
        #expect(result.items.map(\.location) == [loc(2, 5), loc(3, 5)])
        #expect(result.items.flatMap(\.references).map(\.location) == [loc(2, 14), loc(3, 14)])
    }

    /// Every position survives a multi-byte prefix on the line (SwiftLint re-runs its examples
    /// the same way).
    @Test func positionsShiftByCharactersUnderAChinesePrefix() throws {
        let plain = extract("- **LO1** abc → DOC#R1 {level=1}\n")
        let prefixed = extract("- **LO1** 焊接abc → DOC#R1 {level=1}\n")
        let a = try #require(plain.items.first)
        let b = try #require(prefixed.items.first)
        #expect(b.location == a.location)
        #expect(b.references.first?.location.column == (a.references.first?.location.column ?? 0) + 2)
        #expect(b.attributes.first?.location.column == (a.attributes.first?.location.column ?? 0) + 2)
    }
}
