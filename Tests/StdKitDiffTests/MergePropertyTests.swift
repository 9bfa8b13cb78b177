import Foundation
import PropertyBased
import Testing
@testable import StdKitDiff

/// Properties of the merge over generated documents (swift-property-based): a document is front
/// matter and body lines drawn from pools of the shapes curriculum files have — items with ids,
/// references and attributes, headings, several-sentence paragraphs, table rows, code fences,
/// blank lines — so that merges meet insertions, edits, moves and conflicts of every kind.
@Suite("Merge properties")
struct MergePropertyTests {
    static let frontMatter = [
        "id: C1\nkind: course\ntitle: 焊接编程\nversion: 1.0.0\ntags: [焊接, 编程]\n",
        "id: C1\nkind: course\ntitle: 焊接编程\nversion: 1.1.0\ntags: [焊接]\n",
        "id: C1\nkind: course\ntitle: 焊接机器人编程\nversion: 1.0.0\ntags: [焊接, 编程, 机器人]\n",
        "id: C1\nkind: course\n# 标题待定\ntitle: 焊接编程\nversion: 2.0.0\nstatus: draft\n",
    ]

    static let lines = [
        "## 课程目标", "## 课程内容", "## 考核评价", "### 过程考核", "",
        "- **LO1** 能安全开机 → JOB-WELD#R1 {level=2}", "- **LO1** 能按规程安全开机 → JOB-WELD#R1 {level=2}",
        "- **LO2** 能示教轨迹。能调整参数。 → JOB-WELD#R2 {level=3}", "- **LO2** 能示教直线轨迹。能调整参数。 → JOB-WELD#R2, JOB-WELD#R3 {level=3}",
        "- **LO3** 能检验焊缝 → JOB-WELD#R4 {level=3}", "  包括外观与尺寸。",
        "本课程面向焊装车间。学生学习示教编程。考核以实操为主。", "本课程面向焊装与零部件车间。学生学习示教编程。考核以实操和答辩为主。",
        "Students weld. They test the seams.", "Students weld robots. They test every seam.",
        "Students weld and", "test the seams.", "Students weld", "and test the seams. They", "report.",
        "| 单元 | 学时 | 考核 |", "| --- | --- | --- |", "| U1 焊接安全 | 8 | 笔试 |", "| U1 焊接安全 | 10 | 实操 |", "| U2 示教编程 | 16 | 实操 |",
        "```yaml", "```", "- step: 开机", "# 注释", "---",
    ]

    /// A document from drawn numbers: the first picks the front matter, the rest body lines.
    static let document = Gen.int(in: 0...(lines.count * frontMatter.count - 1)).array(of: 1...14).map { numbers in
        "---\n" + frontMatter[numbers[0] % frontMatter.count] + "---\n\n" + numbers.dropFirst().map { lines[$0 % lines.count] + "\n" }.joined()
    }

    @Test func bothSidesAlikeGiveThatSide() async {
        await propertyCheck(count: 300, input: Self.document, Self.document) { base, x in
            #expect(DocumentMerge.merge(base: base, ours: x, theirs: x).text == x)
        }
    }

    @Test func oneSideUnchangedGivesTheOther() async {
        await propertyCheck(count: 300, input: Self.document, Self.document) { base, y in
            #expect(DocumentMerge.merge(base: base, ours: base, theirs: y).text == y)
            #expect(DocumentMerge.merge(base: base, ours: y, theirs: base).text == y)
        }
    }

    @Test func nothingIsLostAndSidesAreSymmetric() async {
        await propertyCheck(count: 300, input: Self.document, Self.document, Self.document) { base, x, y in
            let merged = DocumentMerge.merge(base: base, ours: x, theirs: y)
            #expect(DocumentMerge.verify(base: base, ours: x, theirs: y, result: merged))
            let swapped = DocumentMerge.merge(base: base, ours: y, theirs: x)
            #expect(merged.conflicts.isEmpty == swapped.conflicts.isEmpty || merged.fallback != nil || swapped.fallback != nil)
            // The same result up to labels, order and blank lines: the same lines, markers aside,
            // counted (where no item was renumbered and no text was re-wrapped into ours' lines).
            let untouched = [merged, swapped].allSatisfy { result in
                result.fallback == nil && !result.notes.contains { $0.hasPrefix("both sides added an item") || $0.contains("both changes are kept") }
            }
            if untouched {
                #expect(Self.lineCounts(merged.text) == Self.lineCounts(swapped.text))
            }
        }
    }

    static func lineCounts(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for line in LineMerge.lines(text) where !BlockInsertions.isBlank(line)
            && !["<<<<<<<", "|||||||", "=======", ">>>>>>>"].contains(where: line.hasPrefix) {
            counts[line, default: 0] += 1
        }
        return counts
    }

    /// Documents that differ from a base by small edits (a line replaced, inserted, removed or
    /// two swapped), so that most merges are clean or nearly so and the structured parts work.
    @Test func smallConcurrentEditsLoseNothing() async {
        let edits = Gen.int(in: 0...999).array(of: 1...4)
        await propertyCheck(count: 300, input: Self.document, edits, edits) { base, a, b in
            let x = Self.edit(base, a), y = Self.edit(base, b)
            let merged = DocumentMerge.merge(base: base, ours: x, theirs: y)
            #expect(DocumentMerge.verify(base: base, ours: x, theirs: y, result: merged))
            guard merged.conflicts.isEmpty, merged.fallback == nil else { return }
            #expect(!DocumentMerge.hasConflictMarkers(merged.text))
            // Each side's changes are in a clean result: merging that side in again adds nothing.
            // (Not when an item was renumbered: the side's own numbering would come back; nor
            // when the base repeats a line, where a line merge's alignment is ambiguous.)
            guard !merged.notes.contains(where: { $0.hasPrefix("both sides added an item") }) else { return }
            let baseLines = LineMerge.lines(base).filter { !BlockInsertions.isBlank($0) }
            guard Set(baseLines).count == baseLines.count else { return }
            #expect(DocumentMerge.merge(base: base, ours: merged.text, theirs: x).text == merged.text)
            #expect(DocumentMerge.merge(base: base, ours: merged.text, theirs: y).text == merged.text)
        }
    }

    static func edit(_ document: String, _ numbers: [Int]) -> String {
        var body = LineMerge.lines(document)
        let start = body.firstIndex(of: "\n").map { $0 + 1 } ?? body.count  // after the front matter
        for number in numbers where body.count > start {
            let at = start + number % (body.count - start)
            let line = lines[number % lines.count] + "\n"
            switch number % 4 {
            case 0: body[at] = line
            case 1: body.insert(line, at: at)
            case 2: body.remove(at: at)
            default: if at + 1 < body.count { body.swapAt(at, at + 1) }
            }
        }
        return body.joined()
    }
}

/// The same properties on the flagship standard's own files: each a base, both sides small
/// random edits of it drawn from its own lines.
@Suite("Merge properties on the flagship standard")
struct FlagshipMergePropertyTests {
    static let standards = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../standards").standardized

    static let documents: [String] = {
        let files = FileManager.default.enumerator(at: standards, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "md" }.sorted { $0.path < $1.path } ?? []
        return files.compactMap { try? String(contentsOf: $0, encoding: .utf8) }
    }()

    @Test func theStandardIsThere() {
        #expect(Self.documents.count >= 30)
    }

    @Test func smallConcurrentEditsOfRealFilesLoseNothing() async {
        let documents = Self.documents
        guard !documents.isEmpty else { return }
        let edits = Gen.int(in: 0...100_000).array(of: 1...5)
        await propertyCheck(count: 300, input: Gen.int(in: 0...(documents.count - 1)), edits, edits) { index, a, b in
            let base = documents[index]
            let x = Self.edit(base, a), y = Self.edit(base, b)
            let merged = DocumentMerge.merge(base: base, ours: x, theirs: y)
            #expect(DocumentMerge.verify(base: base, ours: x, theirs: y, result: merged))
            #expect(DocumentMerge.merge(base: base, ours: x, theirs: x).text == x)
            #expect(DocumentMerge.merge(base: base, ours: base, theirs: y).text == y)
            let swapped = DocumentMerge.merge(base: base, ours: y, theirs: x)
            #expect(merged.conflicts.isEmpty == swapped.conflicts.isEmpty || merged.fallback != nil || swapped.fallback != nil)
        }
    }

    /// A body line replaced by another of the file's lines (or a word of it changed), a line
    /// inserted, removed, or two swapped.
    static func edit(_ document: String, _ numbers: [Int]) -> String {
        var lines = LineMerge.lines(document)
        let closing = lines.dropFirst().firstIndex { $0.hasPrefix("---") }.map { $0 + 1 } ?? 0
        guard lines.count > closing + 1 else { return document }
        let pool = Array(lines[closing...])
        for number in numbers {
            let at = closing + number % (lines.count - closing)
            let other = pool[(number / 7) % pool.count]
            switch number % 5 {
            case 0: lines[at] = other
            case 1: lines.insert(other, at: at)
            case 2: lines.remove(at: at)
            case 3: lines[at] = lines[at].replacingOccurrences(of: "能", with: "能够")
            default: if at + 1 < lines.count { lines.swapAt(at, at + 1) }
            }
            if lines.count <= closing + 1 { break }
        }
        return lines.joined()
    }
}
