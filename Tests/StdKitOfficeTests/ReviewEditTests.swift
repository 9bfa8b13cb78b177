import Testing
@testable import StdKitOffice

@Suite("A reviewer's edit carried into Markdown")
struct ReviewEditTests {
    @Test func aChineseInsertionLandsBetweenTheSameCharactersAndTheMarkupStays() {
        let source = "- **LO2** 能够按工艺文件调试搬运工作站。 → JOB-X#R2 {level=3}"
        let result = ReviewEdit.carry(original: "LO2 能够按工艺文件调试搬运工作站。", accepted: "LO2 能够按工艺文件熟练调试搬运工作站。", into: source)
        #expect(result == "- **LO2** 能够按工艺文件熟练调试搬运工作站。 → JOB-X#R2 {level=3}")
    }

    @Test func aDeletionRemovesTheWordsAndTheirSpace() {
        let source = "  - **LO3** Carry out a format changeover from a setup sheet → JOB#R2"
        let result = ReviewEdit.carry(original: "LO3 Carry out a format changeover from a setup sheet",
                                      accepted: "LO3 Carry out a changeover from a setup sheet", into: source)
        #expect(result == "  - **LO3** Carry out a changeover from a setup sheet → JOB#R2")
    }

    @Test func aReplacementKeepsTheSpacing() {
        #expect(ReviewEdit.carry(original: "a good day", accepted: "a nice day", into: "A *note*: a good day.") == "A *note*: a nice day.")
        #expect(ReviewEdit.carry(original: "LO1 Start up the machine", accepted: "LO1 Safely start up the machine",
                                 into: "- **LO1** Start up the machine") == "- **LO1** Safely start up the machine")
    }

    @Test func anInsertionAfterTheIdGoesOutsideTheBold() {
        #expect(ReviewEdit.carry(original: "LO1 能够完成", accepted: "LO1 熟练地能够完成", into: "- **LO1** 能够完成") == "- **LO1** 熟练地能够完成")
        #expect(ReviewEdit.carry(original: "LO1 Start", accepted: "LO1 Then start", into: "- **LO1** Start") == "- **LO1** Then start")
    }

    @Test func aHeadingsNumberIsNotInTheSourceButTheEditAroundItIsPlaced() {
        #expect(ReviewEdit.carry(original: "一、课程目标", accepted: "一、课程教学目标", into: "## 课程目标") == "## 课程教学目标")
        // Changing the number itself cannot be placed: stdkit writes it.
        #expect(ReviewEdit.carry(original: "一、课程目标", accepted: "二、课程目标", into: "## 课程目标") == nil)
    }

    @Test func aWrappedParagraphKeepsItsLinesAndIndentation() {
        let source = "- **LO2** 按工艺文件调试搬运工作站，\n  节拍不超过 30 s。"
        let result = ReviewEdit.carry(original: "LO2 按工艺文件调试搬运工作站，节拍不超过 30 s。",
                                      accepted: "LO2 按工艺文件调试搬运工作站，节拍不超过 25 s。", into: source)
        #expect(result == "- **LO2** 按工艺文件调试搬运工作站，\n  节拍不超过 25 s。")
        // The first word of a continuation line deleted: the line is not joined to the one before.
        let deleted = ReviewEdit.carry(original: "LO2 按工艺文件调试搬运工作站，节拍不超过 30 s。",
                                       accepted: "LO2 按工艺文件调试搬运工作站，不超过 30 s。", into: source)
        #expect(deleted == "- **LO2** 按工艺文件调试搬运工作站，\n  不超过 30 s。")
    }

    @Test func noEditLeavesTheSourceByteForByte() {
        let source = "| 模块 |  学时 |"
        #expect(ReviewEdit.carry(original: "模块\n学时", accepted: "模块\n学时", into: source) == source)
        #expect(ReviewEdit.carry(original: "模块\n学时", accepted: "模块\n总学时", into: source) == "| 模块 |  总学时 |")
    }

    @Test func anInsertionAtACellsEndStaysInThatCellAndAtACellsStartInTheNext() {
        let source = "| 专业基础课 | [电工电子技术](../x.md) | ZJ002 |"
        let original = "专业基础课\n电工电子技术\nZJ002"
        #expect(ReviewEdit.carry(original: original, accepted: "专业基础课\n电工电子技术、机械制图\nZJ002", into: source)
            == "| 专业基础课 | [电工电子技术、机械制图](../x.md) | ZJ002 |")
        #expect(ReviewEdit.carry(original: original, accepted: "专业基础课\n电工电子技术\n新ZJ002", into: source)
            == "| 专业基础课 | [电工电子技术](../x.md) | 新ZJ002 |")
    }
}
