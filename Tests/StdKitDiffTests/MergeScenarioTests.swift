import Foundation
import Testing
@testable import StdKitDiff

/// Merge scenarios: folders with base.md, ours.md, theirs.md, the expected result and the number
/// of conflicts it keeps.
@Suite("Merge scenarios")
struct MergeScenarioTests {
    static let folder = FixturePairTests.fixtures.appendingPathComponent("merge")

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    static func read(_ name: String, _ file: String) throws -> String {
        String(decoding: try Data(contentsOf: folder.appendingPathComponent("\(name)/\(file)")), as: UTF8.self)
    }

    @Test(arguments: names)
    func scenario(name: String) throws {
        let result = DocumentMerge.merge(base: try Self.read(name, "base.md"), ours: try Self.read(name, "ours.md"), theirs: try Self.read(name, "theirs.md"))
        #expect(result.text == (try Self.read(name, "expected.md")))
        #expect(result.conflicts.count == Int(try Self.read(name, "conflicts").trimmingCharacters(in: .whitespacesAndNewlines)))
        if name.hasPrefix("fallback") { #expect(result.fallback != nil) } else { #expect(result.fallback == nil, "\(result.fallback ?? "")") }
    }

    @Test(arguments: [
        ("<<<<<<< ours\n", true), ("a\n||||||| base\nb", true), ("a\n=======\nb\n", true), ("a\r\n=======\r\n", true),
        ("a\n=======", true), ("x\n>>>>>>> theirs", true), ("<<<<<<<< eight\n", false), ("======= text\n", false),
        ("a <<<<<<< b\n", false), ("<<<<<<<\n", false), ("", false), ("========\n", false), ("表格\n=======\n", true),
    ])
    func conflictMarkersAreFoundAtLineStarts(text: String, marked: Bool) {
        #expect(DocumentMerge.hasConflictMarkers(text) == marked)
    }

    @Test func aSharedReplacementTakesTheLongerSideOnlyWhenItsExtraLinesAreAdditions() {
        // Both replaced 48 by 64; theirs added a line.
        #expect(LineMerge.sharedReplacement(base: ["学时: 48\n"], ours: ["学时: 64\n"], theirs: ["学时: 64\n", "学分: 4\n"]) == ["学时: 64\n", "学分: 4\n"])
        #expect(LineMerge.sharedReplacement(base: ["b\n"], ours: ["x\n", "a\n"], theirs: ["a\n"]) == ["x\n", "a\n"])
        // Ours removed B, which theirs kept: taking theirs would undo ours' removal.
        #expect(LineMerge.sharedReplacement(base: ["A\n", "B\n"], ours: ["C\n"], theirs: ["C\n", "B\n"]) == nil)
        // Different replacements.
        #expect(LineMerge.sharedReplacement(base: ["A\n"], ours: ["C\n"], theirs: ["D\n", "E\n"]) == nil)
        #expect(LineMerge.sharedReplacement(base: ["A\n"], ours: [], theirs: ["D\n"]) == nil)
    }

    /// Both sides added sections at one place, one of them twice (found by
    /// `MergePropertyTests.nothingIsLostAndSidesAreSymmetric`): each section of ours stands for
    /// one of theirs, whichever side is ours — a set let ours' one `## 考核评价` stand for both
    /// of theirs one way round and not the other.
    @Test func sectionsBothAddedAreMatchedOneForOne() {
        let front = "---\nid: C1\nkind: course\ntitle: 焊接编程\nversion: 1.0.0\n---\n\n"
        let heading = "## 考核评价\n"
        let outcome = "- **LO1** 能安全开机 → JOB-WELD#R1 {level=2}\n"
        let withOutcome = front + heading + heading + outcome
        let twice = front + heading + heading
        for (ours, theirs) in [(withOutcome, twice), (twice, withOutcome)] {
            let merged = DocumentMerge.merge(base: front, ours: ours, theirs: theirs)
            #expect(merged.fallback == nil && merged.conflicts.isEmpty)
            #expect(DocumentMerge.verify(base: front, ours: ours, theirs: theirs, result: merged))
            let counts = MergePropertyTests.lineCounts(merged.text)
            #expect(counts[heading] == 3, "ours' second section and theirs' differ: both kept")
            #expect(counts[outcome] == 1)
        }
        // The same section added by both, as often on each side, is written as often.
        let both = DocumentMerge.merge(base: front, ours: twice, theirs: twice)
        #expect(both.text == twice)
    }

    @Test func realignedLinesMergeOnlyWhenEveryPartIsOneSidesChange() {
        // Base: two blank lines; ours a paragraph and one blank; theirs one blank.
        #expect(LineMerge.realigned(base: ["\n", "\n"], ours: ["P\n", "\n"], theirs: ["\n"]) == ["P\n", "\n"])
        #expect(LineMerge.realigned(base: ["A\n"], ours: ["B\n"], theirs: ["C\n"]) == nil)
    }

    @Test func conflictPlacesAreNamedByTheHeadingsAbove() {
        let lines = LineMerge.lines("""
            # 课程 #
            ## 课程目标
            ```markdown
            # not a heading
            ~~~
            ```
            ~~~~
            ## also not
            ```
            ~~~~
                # indented: code
            #not a heading
            ### **U1** 单元 ###
            - line
            """)
        #expect(MergeResult.place(ofLine: 14, in: lines) == "课程 › 课程目标 › **U1** 单元")
        #expect(MergeResult.place(ofLine: 5, in: lines) == "课程 › 课程目标", "inside a fence")
        #expect(MergeResult.place(ofLine: 1, in: lines) == MergeResult.beginning)
    }

    @Test func everyScenarioFolderIsRun() {
        #expect(Self.names.count >= 31)
    }

    @Test func conflictsAreNamedByPlace() throws {
        let result = DocumentMerge.merge(base: try Self.read("fm-same-key-different-values", "base.md"),
                                         ours: try Self.read("fm-same-key-different-values", "ours.md"),
                                         theirs: try Self.read("fm-same-key-different-values", "theirs.md"))
        #expect(result.conflicts == [MergeResult.Conflict(line: 6, place: "front matter `status`")])
        let body = LineMerge(base: "# 课程目标\n\n甲\n", ours: "# 课程目标\n\n乙\n", theirs: "# 课程目标\n\n丙\n")
        #expect(MergeResult(lines: body).conflicts.map(\.place) == ["课程目标"])
        let item = DocumentMerge.merge(base: try Self.read("items-delete-vs-edit", "base.md"), ours: try Self.read("items-delete-vs-edit", "ours.md"),
                                       theirs: try Self.read("items-delete-vs-edit", "theirs.md"))
        #expect(item.conflicts.map(\.place) == ["焊接机器人编程 › 课程目标 › LO2"])
    }

    @Test func aLineMergedByPiecesIsReportedForReading() throws {
        let name = "prose-different-sentences"
        let result = DocumentMerge.merge(base: try Self.read(name, "base.md"), ours: try Self.read(name, "ours.md"), theirs: try Self.read(name, "theirs.md"))
        #expect(result.notes.count == 1)
        #expect(result.notes.first?.hasPrefix("line 12 (焊接机器人编程 › 课程性质)") == true)
    }

    @Test func lineRefinementDeclinesWhatItCannotProve() {
        // The row's key cell changed: a different row, not a different cell.
        #expect(LineRefinement.merge(base: "| U1 | 8 | 笔试 |\n", ours: "| U9 | 8 | 笔试 |\n", theirs: "| U1 | 8 | 实操 |\n") == nil)
        // Rows of different widths.
        #expect(LineRefinement.merge(base: "| U1 | 8 |\n", ours: "| U1 | 9 |\n", theirs: "| U1 | 8 | 实操 |\n") == nil)
        // Both changed the attributes differently.
        #expect(LineRefinement.merge(base: "- **LO1** 甲。乙。 {level=2}\n", ours: "- **LO1** 甲甲。乙。 {level=3}\n",
                                     theirs: "- **LO1** 甲。乙乙。 {level=4}\n") == nil)
        // One sentence, changed on both sides.
        #expect(LineRefinement.merge(base: "能安全开机\n", ours: "能安全地开机\n", theirs: "能按规程开机\n") == nil)
    }

    @Test func codeBlocksAreFoundAsCommonMarkFindsThem() {
        let body = "```powershell Get-Thing [-Id <String>] ```\n## 甲\n    ```\n## 乙\n~~~~ yaml\n- a\n~~~\n- b\n~~~~\n## 丙\n"
        #expect(LineRefinement.fencedLines(body) == ["~~~~ yaml\n", "- a\n", "~~~\n", "- b\n", "~~~~\n"])
    }

    @Test func lineRefinementKeepsOneSidesReferencesAsWritten() {
        let merged = LineRefinement.merge(base: "- **LO1** 能焊接。能检验。 -> JOB-WELD#R1 {level=2}\r\n",
                                          ours: "- **LO1** 能焊接角焊缝。能检验。 -> JOB-WELD#R1 {level=2}\r\n",
                                          theirs: "- **LO1** 能焊接。能检验。 -> JOB-WELD#R1，JOB-WELD#R2  {level=3}\r\n")
        #expect(merged == "- **LO1** 能焊接角焊缝。能检验。 -> JOB-WELD#R1，JOB-WELD#R2  {level=3}\r\n")
    }

    @Test func linesAreComparedByTheirBytes() {
        // A side that only changed the Unicode normalisation of a line changed its bytes: kept.
        let decomposed = "Caf\u{65}\u{301}\n", composed = "Caf\u{E9}\n"
        let result = LineMerge(base: composed, ours: decomposed, theirs: composed)
        #expect(Array(result.text.utf8) == Array(decomposed.utf8))
        #expect(Verifier.contentLines(decomposed) != Verifier.contentLines(composed))
        #expect(Verifier.contentLines("  ---\n\t甲 \r\n\n甲\n...\n-- -\n") == [LineKey("甲"), LineKey("甲"), LineKey("-- -")])
    }

    @Test func theVerifierCountsWhatEachSideAdded() {
        let base = "甲\n乙\n丙\n"
        // Added lines, a line added twice, a moved line: each must be in the result as often.
        #expect(Verifier.nothingLost(base: base, ours: "甲\n新\n乙\n丙\n", theirs: base, result: "甲\n新\n乙\n丙\n"))
        #expect(!Verifier.nothingLost(base: base, ours: "甲\n新\n乙\n丙\n", theirs: base, result: base))
        #expect(!Verifier.nothingLost(base: base, ours: "新\n甲\n新\n乙\n丙\n", theirs: base, result: "甲\n新\n乙\n丙\n"), "twice added, once kept")
        #expect(Verifier.nothingLost(base: base, ours: "丙\n甲\n乙\n", theirs: "甲\n乙\n丙\n丁\n", result: "丙\n甲\n乙\n丁\n"), "a move adds nothing")
        #expect(!Verifier.nothingLost(base: base, ours: base, theirs: "甲\n乙\n丁\n丙\n", result: "甲\n乙\n丙\n"), "theirs' line is missing")
        #expect(Verifier.nothingLost(base: base, ours: "甲\n乙\n", theirs: base, result: "甲\n乙\n"), "a deletion is not a loss")
        // A line both sides kept must stay; one side's deletion of a line the other kept may go.
        #expect(!Verifier.nothingLost(base: base, ours: "甲\n乙\n丙\n丁\n", theirs: base, result: "甲\n丙\n丁\n"), "乙, kept by both, is gone")
        #expect(Verifier.nothingLost(base: base, ours: "甲\n丙\n", theirs: "甲\n乙\n丙\n丁\n", result: "甲\n丙\n丁\n"))
        #expect(!Verifier.nothingLost(base: base, ours: "甲\n乙\n乙\n乙\n丙\n", theirs: base, result: "甲\n乙\n丙\n"), "two more copies added")
        // Counts cannot tell ours adding a copy of 乙 while theirs kept it from theirs replacing it:
        // one copy is all they can require.
        #expect(Verifier.nothingLost(base: base, ours: "甲\n乙\n乙\n丙\n", theirs: base, result: "甲\n乙\n丙\n"))
        #expect(Verifier.nothingLost(base: "", ours: "新\n", theirs: "新\n", result: "新\n"), "both added the same line: once")
        // Each side deleted a different copy of a repeated line (found by the property tests).
        let repeated = "甲\n乙\n甲\n甲\n甲\n甲\n"
        #expect(Verifier.nothingLost(base: repeated, ours: "甲\n乙\n甲\n甲\n甲\n", theirs: "乙\n甲\n甲\n甲\n甲\n", result: "乙\n甲\n甲\n甲\n"))
        #expect(!Verifier.nothingLost(base: repeated, ours: "甲\n乙\n甲\n甲\n甲\n", theirs: "乙\n甲\n甲\n甲\n甲\n", result: "乙\n甲\n"))
        // Lines all four share still count (found by the property tests: a row ours added again,
        // theirs moved, both merged by lines).
        #expect(Verifier.nothingLost(base: "甲\n甲\n表\n\n甲\n", ours: "甲\n甲\n表\n\n表\n甲\n", theirs: "甲\n甲\n\n表\n甲\n", result: "甲\n甲\n\n表\n甲\n"))
        // The bound against a brute force over every reading of the counts.
        for b in 0...5 {
            for o in 0...5 {
                for t in 0...5 {
                    var least = Int.max
                    for keptOurs in 0...min(o, b) {
                        for keptTheirs in 0...min(t, b) {
                            least = min(least, max(0, keptOurs + keptTheirs - b) + max(o - keptOurs, t - keptTheirs))
                        }
                    }
                    #expect(Verifier.needed(base: b, ours: o, theirs: t) == least, "b \(b), o \(o), t \(t)")
                }
            }
        }
    }

    @Test func markersEndLinesAsGitEndsThem() {
        // A CRLF file gets CRLF markers (as `git merge-file` writes them); an LF line before the
        // conflict on either side, or an LF base, gives LF.
        let crlf = LineMerge(base: "a\r\nb\r\nc\r\n", ours: "a\r\nB\r\nc\r\n", theirs: "a\r\nβ\r\nc\r\n")
        #expect(crlf.text == "a\r\n<<<<<<< ours\r\nB\r\n||||||| base\r\nb\r\n=======\r\nβ\r\n>>>>>>> theirs\r\nc\r\n")
        let mixed = LineMerge(base: "a\r\nb\r\nc\r\n", ours: "a\nB\r\nc\r\n", theirs: "a\r\nβ\r\nc\r\n")
        #expect(mixed.text.contains("<<<<<<< ours\n"))
        let lastLine = LineMerge(base: "a\r\nb", ours: "a\r\nB", theirs: "a\r\nβ")
        #expect(lastLine.text == "a\r\n<<<<<<< ours\r\nB\r\n||||||| base\r\nb\r\n=======\r\nβ\r\n>>>>>>> theirs\r\n")
    }

    @Test func markersFollowGitsLabelsAndSize() {
        let markers = LineMerge.Markers(ours: "HEAD", base: "merged common ancestors", theirs: "school", size: 9)
        let result = LineMerge(base: "a\nb\nc\n", ours: "a\nB\nc\n", theirs: "a\nβ\nc\n", markers: markers)
        #expect(result.text == "a\n<<<<<<<<< HEAD\nB\n||||||||| merged common ancestors\nb\n=========\nβ\n>>>>>>>>> school\nc\n")
    }
}
