import Foundation
import Testing
@testable import StdKitDiff

/// The nested and keyed merge of front matter (`NestedMerge`) and its proof (`FrontMatterProof`)
/// on the cases the scenario folders do not show.
@Suite("Nested front matter merge")
struct NestedMergeTests {
    static func document(_ frontMatter: String) -> String { "---\n" + frontMatter + "---\n\n# 工业机器人技术\n" }

    @Test func approvalsOfDifferentPartiesAddedOnBothSidesAreBothKept() {
        let base = Self.document("id: PROG-ROBOT\napprovals:\n  - {party: school, version: 1.0.0, digest: aa, by: 李老师, date: 2026-11-01}\n")
        let ours = Self.document("id: PROG-ROBOT\napprovals:\n  - {party: school, version: 1.0.0, digest: aa, by: 李老师, date: 2026-11-01}\n  - {party: acme, version: 1.0.0, digest: aa, by: 王工, date: 2026-11-02}\n")
        let theirs = Self.document("id: PROG-ROBOT\napprovals:\n  - {party: school, version: 1.0.0, digest: aa, by: 李老师, date: 2026-11-01}\n  - {party: gov, version: 1.0.0, digest: aa, by: 赵处, date: 2026-11-03}\n")
        let merged = DocumentMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(merged.conflicts.isEmpty)
        #expect(merged.fallback == nil)
        #expect(merged.text == Self.document("id: PROG-ROBOT\napprovals:\n  - {party: school, version: 1.0.0, digest: aa, by: 李老师, date: 2026-11-01}\n  - {party: acme, version: 1.0.0, digest: aa, by: 王工, date: 2026-11-02}\n  - {party: gov, version: 1.0.0, digest: aa, by: 赵处, date: 2026-11-03}\n"))
        // The same party approving two versions on the two sides is a conflict on that approval.
        let again = DocumentMerge.merge(base: base,
                                        ours: base.replacingOccurrences(of: "version: 1.0.0, digest: aa, by: 李老师", with: "version: 1.1.0, digest: bb, by: 李老师"),
                                        theirs: base.replacingOccurrences(of: "version: 1.0.0, digest: aa, by: 李老师", with: "version: 1.2.0, digest: cc, by: 李老师"))
        #expect(again.conflicts.map(\.place) == ["front matter `approvals › school`"])
    }

    static let programme = """
        id: PROG-ROBOT
        courses:
          - {id: COURSE-MATH, name: "高等数学, 上", category: public-basic, semester: 1, hours: {theory: 64, practice: 0}, credits: 4}
          - {id: COURSE-PLC, name: PLC应用技术, category: professional-core, semester: 3, hours: {theory: 32, practice: 32}, credits: 4}

        """

    @Test func aCourseWrittenOnOneLineMergesPairByPairAndInsideItsHours() {
        let base = Self.document(Self.programme)
        let ours = base.replacingOccurrences(of: "hours: {theory: 32, practice: 32}, credits: 4", with: "hours: {theory: 36, practice: 32}, credits: 4")
            .replacingOccurrences(of: "\"高等数学, 上\", category: public-basic, semester: 1", with: "\"高等数学, 上\", category: public-basic, semester: 2")
        let theirs = base.replacingOccurrences(of: "hours: {theory: 32, practice: 32}, credits: 4", with: "hours: {theory: 32, practice: 40}, credits: 5")
            .replacingOccurrences(of: "\"高等数学, 上\"", with: "'高等数学（上）'")
        let merged = DocumentMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(merged.conflicts.isEmpty)
        #expect(merged.fallback == nil)
        #expect(merged.text == Self.document("""
            id: PROG-ROBOT
            courses:
              - {id: COURSE-MATH, name: '高等数学（上）', category: public-basic, semester: 2, hours: {theory: 64, practice: 0}, credits: 4}
              - {id: COURSE-PLC, name: PLC应用技术, category: professional-core, semester: 3, hours: {theory: 36, practice: 40}, credits: 5}

            """))
        // The same hours key changed two ways: the course's line is the conflict.
        let conflicted = DocumentMerge.merge(base: base, ours: ours, theirs: ours.replacingOccurrences(of: "theory: 36", with: "theory: 28"))
        #expect(conflicted.conflicts.map(\.place) == ["front matter `courses › COURSE-PLC`"])
        #expect(conflicted.conflicts.map(\.line) == [5])
    }

    @Test func mappingsMergeKeyByKeyAtAnyDepthWithMarkersAsGitPassesThem() {
        let base = Self.document("id: COURSE-PLC\nassessment:\n  process:\n    attendance: 10\n    homework: 20  # 作业\n  final: 70\nversion: 1.0.0\n")
        let ours = base.replacingOccurrences(of: "attendance: 10", with: "attendance: 5")
        let theirs = base.replacingOccurrences(of: "homework: 20", with: "homework: 25").replacingOccurrences(of: "final: 70", with: "final: 65")
        let merged = DocumentMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(merged.conflicts.isEmpty)
        #expect(merged.text == Self.document("id: COURSE-PLC\nassessment:\n  process:\n    attendance: 5\n    homework: 25  # 作业\n  final: 65\nversion: 1.0.0\n"))
        let markers = LineMerge.Markers(ours: "学校", base: "基线", theirs: "企业", size: 9)
        let conflicted = DocumentMerge.merge(base: base, ours: ours, theirs: theirs.replacingOccurrences(of: "attendance: 10", with: "attendance: 15"), markers: markers)
        #expect(conflicted.conflicts.map(\.place) == ["front matter `assessment › process › attendance`"])
        #expect(conflicted.text == Self.document("id: COURSE-PLC\nassessment:\n  process:\n<<<<<<<<< 学校\n    attendance: 5\n||||||||| 基线\n    attendance: 10\n=========\n    attendance: 15\n>>>>>>>>> 企业\n    homework: 25  # 作业\n  final: 65\nversion: 1.0.0\n"))
    }

    static let block = """
        id: PROG-ROBOT
        courses:
          - id: COURSE-MATH
            credits: 4
          - id: COURSE-ELEC
            credits: 4
          - id: COURSE-PLC
            credits: 4

        """

    @Test func theSameCourseAddedOnBothSidesIsOneCourseOrOneConflict() {
        let base = Self.document(Self.block)
        let added = "  - id: COURSE-VISION\n    credits: 3\n"
        let ours = base.replacingOccurrences(of: "  - id: COURSE-ELEC", with: added + "  - id: COURSE-ELEC")
        let theirs = base.replacingOccurrences(of: "  - id: COURSE-PLC\n    credits: 4\n", with: "  - id: COURSE-PLC\n    credits: 5\n" + added)
        let alike = DocumentMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(alike.conflicts.isEmpty)
        #expect(alike.fallback == nil)
        #expect(alike.text == Self.document(Self.block.replacingOccurrences(of: "  - id: COURSE-ELEC", with: added + "  - id: COURSE-ELEC")
            .replacingOccurrences(of: "COURSE-PLC\n    credits: 4", with: "COURSE-PLC\n    credits: 5")))
        // Added differently at one place (git conflicts too): a conflict on that course alone.
        let other = base.replacingOccurrences(of: "  - id: COURSE-ELEC", with: "  - id: COURSE-VISION\n    credits: 2\n  - id: COURSE-ELEC")
            .replacingOccurrences(of: "COURSE-PLC\n    credits: 4", with: "COURSE-PLC\n    credits: 5")
        let differently = DocumentMerge.merge(base: base, ours: ours, theirs: other)
        #expect(differently.conflicts.map(\.place) == ["front matter `courses › COURSE-VISION`"])
        #expect(differently.text.contains("<<<<<<< ours\n  - id: COURSE-VISION\n    credits: 3\n||||||| base\n=======\n  - id: COURSE-VISION\n    credits: 2\n>>>>>>> theirs\n"))
        #expect(differently.text.contains("  - id: COURSE-PLC\n    credits: 5\n"))
        // Added differently at two places: git's clean merge writes it twice, and stdkit keeps
        // git's result (never less clean than git) but names the repeated course.
        let elsewhere = base.replacingOccurrences(of: "  - id: COURSE-PLC\n    credits: 4\n", with: "  - id: COURSE-PLC\n    credits: 4\n  - id: COURSE-VISION\n    credits: 2\n")
        let twice = DocumentMerge.merge(base: base, ours: ours, theirs: elsewhere)
        #expect(twice.conflicts.isEmpty)
        #expect(twice.text.components(separatedBy: "id: COURSE-VISION").count == 3)
        #expect(twice.notes == ["COURSE-VISION is listed twice in 'courses': both sides added it, differently; keep one"])
        // A course no side repeats is not named.
        #expect(DocumentMerge.repeatedEntries(in: twice.text, notIn: [twice.text]).isEmpty)
    }

    @Test func aListOneSideReorderedKeepsThatOrderWithTheOthersEdits() {
        let base = Self.document(Self.block)
        let ours = base.replacingOccurrences(of: "COURSE-PLC\n    credits: 4", with: "COURSE-PLC\n    credits: 5")
            .replacingOccurrences(of: "  - id: COURSE-MATH\n    credits: 4\n", with: "  - id: COURSE-MATH\n    credits: 4\n  - id: COURSE-CAD\n    credits: 3\n")
        let theirs = Self.document(Self.block.replacingOccurrences(of: "  - id: COURSE-ELEC\n    credits: 4\n  - id: COURSE-PLC\n    credits: 4\n",
                                                                    with: "  - id: COURSE-PLC\n    credits: 4\n  - id: COURSE-ELEC\n    credits: 4\n"))
        let expected = Self.document("id: PROG-ROBOT\ncourses:\n  - id: COURSE-MATH\n    credits: 4\n  - id: COURSE-CAD\n    credits: 3\n  - id: COURSE-PLC\n    credits: 5\n  - id: COURSE-ELEC\n    credits: 4\n")
        // Theirs moved PLC before ELEC, ours raised its credits and inserted CAD: both, either way round.
        for (x, y) in [(ours, theirs), (theirs, ours)] {
            let merged = DocumentMerge.merge(base: base, ours: x, theirs: y)
            #expect(merged.conflicts.isEmpty)
            #expect(merged.fallback == nil)
            #expect(merged.text == expected)
        }
        // Both reordered differently: the list is one conflict, as git's.
        let other = Self.document(Self.block.replacingOccurrences(of: "  - id: COURSE-MATH\n    credits: 4\n  - id: COURSE-ELEC\n    credits: 4\n",
                                                                   with: "  - id: COURSE-ELEC\n    credits: 4\n  - id: COURSE-MATH\n    credits: 4\n"))
        let both = DocumentMerge.merge(base: base, ours: theirs, theirs: other)
        #expect(both.conflicts.map(\.place) == ["front matter `courses`"])
        #expect(DocumentMerge.verify(base: base, ours: theirs, theirs: other, result: both))
    }

    @Test func theProofFindsAChangeDroppedAtAnyDepth() {
        let base = "---\nid: P\ncourses:\n  - id: A\n    hours: {theory: 1, practice: 2}\n  - id: B\n    credits: 4\n---\n"
        let ours = base.replacingOccurrences(of: "theory: 1", with: "theory: 3")
        let theirs = base.replacingOccurrences(of: "credits: 4", with: "credits: 5")
        let both = base.replacingOccurrences(of: "theory: 1", with: "theory: 3").replacingOccurrences(of: "credits: 4", with: "credits: 5")
        #expect(Verifier.frontMatterKept(base: base, ours: ours, theirs: theirs, result: both))
        #expect(!Verifier.frontMatterKept(base: base, ours: ours, theirs: theirs, result: ours), "theirs' credits dropped")
        #expect(!Verifier.frontMatterKept(base: base, ours: ours, theirs: theirs, result: theirs), "ours' hours dropped")
        #expect(!Verifier.frontMatterKept(base: base, ours: ours, theirs: theirs, result: both.replacingOccurrences(of: "  - id: B\n    credits: 5\n", with: "")),
                "a course neither removed is gone")
        // Inside a conflict, each side's change counts as kept.
        let conflict = "---\nid: P\ncourses:\n  - id: A\n<<<<<<< ours\n    hours: {theory: 3, practice: 2}\n||||||| base\n    hours: {theory: 1, practice: 2}\n=======\n    hours: {theory: 4, practice: 2}\n>>>>>>> theirs\n  - id: B\n    credits: 4\n---\n"
        #expect(Verifier.frontMatterKept(base: base, ours: ours, theirs: base.replacingOccurrences(of: "theory: 1", with: "theory: 4"), result: conflict))
        #expect(FrontMatterProof.resolved("a\n<<<<<<< x\nb\n||||||| y\nc\n=======\nd\n>>>>>>> z\ne\n", to: .theirs) == "a\nd\ne\n")
        #expect(FrontMatterProof.resolved("a\n<<<<<<< x\nb\n", to: .ours) == nil)
        // A set: a tag one side removed must not come back, one it added must be there.
        let tagged = "---\nid: P\ntags: [机器人, 焊接, 汽车]\n---\n"
        let removed = tagged.replacingOccurrences(of: "焊接, ", with: "")
        let added = tagged.replacingOccurrences(of: "汽车]", with: "汽车, 产教融合]")
        #expect(Verifier.frontMatterKept(base: tagged, ours: removed, theirs: added, result: "---\nid: P\ntags: [机器人, 汽车, 产教融合]\n---\n"))
        #expect(!Verifier.frontMatterKept(base: tagged, ours: removed, theirs: added, result: added), "ours' removal undone")
        #expect(!Verifier.frontMatterKept(base: tagged, ours: removed, theirs: added, result: removed), "theirs' addition dropped")
        let merged = DocumentMerge.merge(base: tagged, ours: removed, theirs: added)
        #expect(merged.conflicts.isEmpty && merged.fallback == nil)
        #expect(merged.text == "---\nid: P\ntags: [机器人, 汽车, 产教融合]\n---\n")
    }

    @Test func flowValuesAreCutWhereYAMLEndsThem() {
        let line = Array("{a: \"x, }y\", b: 'it''s', c: {d: [1, 2]}, e: plain it's}".unicodeScalars)
        #expect(NestedMerge.flowValueEnd(line, from: 4) == 11)
        #expect(NestedMerge.flowValueEnd(line, from: 16) == 23)
        #expect(NestedMerge.flowValueEnd(line, from: 28) == 39)
        #expect(NestedMerge.flowValueEnd(line, from: 44) == 54)
        #expect(NestedMerge.flowValueEnd(Array("{a: x # comment".unicodeScalars), from: 4) == nil)
    }
}
