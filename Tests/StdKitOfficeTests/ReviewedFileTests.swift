import Testing
@testable import StdKitOffice

/// How a reviewed export's paragraphs are assigned to units, on Word documents built as values.
@Suite("A reviewed Word file read into units")
struct ReviewedFileTests {
    static let plain = WordRunFormat()
    static let bold = WordRunFormat(bold: true)
    static let li = WordRevision(kind: .insertion, id: "7", author: "李工", date: "2026-11-20T10:00:00Z")
    static let liDeletes = WordRevision(kind: .deletion, id: "8", author: "李工", date: "2026-11-20T10:01:00Z")

    static func unit(_ n: Int, _ bookmark: String, _ inlines: [WordInline]) -> WordBlock {
        .paragraph(WordParagraph(inlines: [.bookmarkStart(id: bookmark, name: "_sk0_\(n)")] + inlines + [.bookmarkEnd(id: bookmark)]))
    }

    @Test func eachUnitHoldsItsTextBothWaysItsChangesAndItsComments() {
        let word = WordDocument(blocks: [
            .paragraph(WordParagraph(inlines: [.text("工业机器人编程", Self.plain, nil)])),
            Self.unit(0, "1", [.text("LO1", Self.bold, nil), .text(" 能够", Self.plain, nil), .text("熟练", Self.plain, Self.li),
                               .text("调试", Self.plain, nil), .text("工作站", Self.plain, Self.liDeletes), .text("。", Self.plain, nil)]),
            // The reviewer selected the whole paragraph: the comment starts before the unit's bookmark.
            .paragraph(WordParagraph(inlines: [.commentStart(id: "0"), .bookmarkStart(id: "2", name: "_sk0_1"), .text("LO2 能够编程。", Self.plain, nil),
                                               .commentEnd(id: "0"), .commentReference(id: "0"), .bookmarkEnd(id: "2")])),
            // A paragraph the reviewer added after the unit, outside its bookmark.
            .paragraph(WordParagraph(inlines: [.text("LO3 能够", Self.plain, Self.li), .text("维护", Self.bold, Self.li)], markRevision: Self.li)),
        ], comments: [WordComment(id: "0", author: "王老师", initials: "王", date: "2026-11-21T08:00:00Z",
                                  blocks: [.paragraph(WordParagraph(inlines: [.text("请写明机型", Self.plain, nil)]))])],
        customProperties: ["stdkit.documents": "COURSE-X", "stdkit.blob.COURSE-X": "abc", "stdkit.commit": "", "stdkit.path.COURSE-X": "x.md"])
        let file = ReviewedFile(word: word)
        #expect(file.documents == ["COURSE-X"])
        #expect(file.blob(of: "COURSE-X") == "abc")
        #expect(file.commit == nil)
        #expect(file.path(of: "COURSE-X") == "x.md")
        let first = try! #require(file.units[.init(document: 0, unit: 0)])
        #expect(first.original == "LO1 能够调试工作站。")
        #expect(first.accepted == "LO1 能够熟练调试。")
        #expect(first.paragraphs.map(\.markdown) == ["**LO1** 能够熟练调试。"])
        #expect(first.revisions == [.init(kind: .insertion, author: "李工", date: "2026-11-20T10:00:00Z", text: "熟练"),
                                    .init(kind: .deletion, author: "李工", date: "2026-11-20T10:01:00Z", text: "工作站")])
        let second = try! #require(file.units[.init(document: 0, unit: 1)])
        #expect(second.paragraphs.map(\.attached) == [false, true])
        #expect(second.paragraphs[1].markdown == "LO3 能够**维护**")
        #expect(second.accepted == "LO2 能够编程。\nLO3 能够维护")
        #expect(second.revisions.map(\.text) == ["LO3 能够维护"])
        #expect(file.comments == [.init(author: "王老师", initials: "王", date: "2026-11-21T08:00:00Z", text: "请写明机型", unit: .init(document: 0, unit: 1))])
        // The title outside every unit, unchanged: nothing to report.
        #expect(file.outside.isEmpty)
    }

    @Test func anEndBookmarkWordMovedToTheNextParagraphDoesNotTakeThatParagraph() {
        let word = WordDocument(blocks: [
            .paragraph(WordParagraph(inlines: [.bookmarkStart(id: "1", name: "_sk1_4"), .text("课程目标", Self.plain, nil)])),
            .paragraph(WordParagraph(inlines: [.bookmarkEnd(id: "1"), .text("编号 COURSE-X", Self.plain, nil), .text("-2", Self.plain, Self.li)])),
        ])
        let file = ReviewedFile(word: word)
        #expect(file.units[.init(document: 1, unit: 4)]?.paragraphs.map(\.accepted) == ["课程目标"])
        #expect(file.outside == [.init(document: 1, original: "编号 COURSE-X", accepted: "编号 COURSE-X-2",
                                       revisions: [.init(kind: .insertion, author: "李工", date: "2026-11-20T10:00:00Z", text: "-2")])])
    }
}
