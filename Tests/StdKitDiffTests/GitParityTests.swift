import Foundation
import PropertyBased
import Testing
import StdKitSyntax
@testable import StdKitDiff

/// DESIGN §5 and the issue: the merge is never less clean than git's line merge. Whenever
/// `git merge-file` merges three texts cleanly, `stdkit merge` does too — on generated
/// concurrent edits of a programme's front matter (its `courses:` table written in each style a
/// school writes it) and on every case of the real-merges corpus.
@Suite("Never less clean than git")
struct GitParityTests {
    /// One course of the table: id, name, category, semester, theory and practice hours, credits.
    struct Course: Equatable {
        var id: String
        var name: String
        var category: String
        var semester: Int
        var theory: Int
        var practice: Int
        var credits: Int
    }

    static let courses = [
        Course(id: "COURSE-IDEOLOGY", name: "思想道德与法治", category: "public-basic", semester: 1, theory: 40, practice: 8, credits: 3),
        Course(id: "COURSE-MATH", name: "高等数学", category: "public-basic", semester: 1, theory: 64, practice: 0, credits: 4),
        Course(id: "COURSE-ELEC", name: "电工电子技术", category: "professional-basic", semester: 2, theory: 32, practice: 32, credits: 4),
        Course(id: "COURSE-CAD", name: "机械制图与CAD", category: "professional-basic", semester: 2, theory: 24, practice: 40, credits: 4),
        Course(id: "COURSE-PLC", name: "PLC应用技术", category: "professional-core", semester: 3, theory: 32, practice: 32, credits: 4),
        Course(id: "COURSE-ROBOT-PROG", name: "工业机器人现场编程", category: "professional-core", semester: 4, theory: 24, practice: 48, credits: 4),
        Course(id: "COURSE-ROBOT-INT", name: "工业机器人系统集成", category: "professional-core", semester: 5, theory: 24, practice: 56, credits: 5),
        Course(id: "COURSE-INTERN", name: "岗位实习", category: "practice", semester: 6, theory: 0, practice: 480, credits: 24),
    ]

    static let added = [
        Course(id: "COURSE-VISION", name: "机器视觉技术应用", category: "professional-elective", semester: 4, theory: 16, practice: 32, credits: 3),
        Course(id: "COURSE-HYD", name: "液压与气动技术", category: "professional-basic", semester: 3, theory: 24, practice: 24, credits: 3),
        Course(id: "COURSE-OFFLINE", name: "工业机器人离线编程与仿真", category: "professional-core", semester: 5, theory: 16, practice: 48, credits: 4),
    ]

    /// How the table is written: a course per line in flow style; a block per course with its
    /// hours in flow style; a block per course with its hours as a block, with a comment.
    enum Style: Int, CaseIterable { case line, flowHours, blockHours }

    struct Programme {
        var version = "1.2.0"
        var courses = GitParityTests.courses

        func text(_ style: Style, crlf: Bool) -> String {
            var text = "---\nid: PROG-ROBOT\nkind: programme\ntitle: 工业机器人技术专业人才培养方案\nversion: \(version)\n"
                + "major: {name: 工业机器人技术, code: \"460305\"}\n# 课程设置：学校与企业共同维护\ncourses:\n"
            for course in courses {
                if course.id == "COURSE-PLC" { text += "  # 专业核心课\n" }
                let hours = "{theory: \(course.theory), practice: \(course.practice)}"
                switch style {
                case .line:
                    text += "  - {id: \(course.id), name: \(course.name), category: \(course.category), semester: \(course.semester), hours: \(hours), credits: \(course.credits)}\n"
                case .flowHours, .blockHours:
                    text += "  - id: \(course.id)\n    name: \(course.name)\n    category: \(course.category)\n    semester: \(course.semester)\n"
                    text += style == .flowHours ? "    hours: \(hours)\n" : "    hours:\n      theory: \(course.theory)  # 理论\n      practice: \(course.practice)\n"
                    text += "    credits: \(course.credits)\n"
                }
            }
            text += "---\n\n# 工业机器人技术专业人才培养方案\n\n课程由学校与合作企业共同开发。\n"
            return crlf ? text.replacingOccurrences(of: "\n", with: "\r\n") : text
        }

        /// The programme after edits drawn as numbers: a course's hours, semester, credits,
        /// name or category changed, a course removed, one inserted, two swapped, the version
        /// raised.
        func edited(_ numbers: [Int]) -> Programme {
            var result = self
            for number in numbers where !result.courses.isEmpty {
                let at = (number / 10) % result.courses.count
                let value = number / 10 / 8
                switch number % 10 {
                case 0: result.courses[at].theory = [16, 28, 36, 48][value % 4]
                case 1: result.courses[at].practice = [16, 40, 44, 64][value % 4]
                case 2: result.courses[at].semester = 1 + value % 6
                case 3: result.courses[at].credits = 2 + value % 4
                case 4: result.courses.remove(at: at)
                case 5:
                    let course = GitParityTests.added[value % GitParityTests.added.count]
                    if !result.courses.contains(where: { $0.id == course.id }) { result.courses.insert(course, at: at + 1) }
                case 6: result.courses[at].name += ["（含实训）", "（双语）"][value % 2]
                case 7: result.version = ["1.3.0", "2.0.0"][value % 2]
                case 8: if at + 1 < result.courses.count { result.courses.swapAt(at, at + 1) }
                default: result.courses[at].category = ["professional-core", "practice"][value % 2]
                }
            }
            return result
        }
    }

    /// `git merge-file -p` of three texts: its exit status (0 clean, else the number of conflicts).
    static func gitMergeStatus(base: String, ours: String, theirs: String, in folder: URL) throws -> Int32 {
        for (name, text) in [("base.md", base), ("ours.md", ours), ("theirs.md", theirs)] {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        return try gitMergeStatus(folder)
    }

    static func gitMergeStatus(_ folder: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "merge-file", "-p", "ours.md", "base.md", "theirs.md"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    static let edits = Gen.int(in: 0...9_999).array(of: 0...4)

    @Test func cleanWheneverGitIsCleanOnProgrammeTables() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-git-parity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let counts = Locked<(git: Int, stdkit: Int, structured: Int)>((0, 0, 0))
        await propertyCheck(count: 400, input: Gen.int(in: 0...5), Self.edits, Self.edits) { form, a, b in
            let style = Style(rawValue: form % 3)!, crlf = form >= 3
            let base = Programme()
            let (x, y) = (base.edited(a).text(style, crlf: crlf), base.edited(b).text(style, crlf: crlf))
            let original = base.text(style, crlf: crlf)
            let merged = DocumentMerge.merge(base: original, ours: x, theirs: y)
            let git = try! Self.gitMergeStatus(base: original, ours: x, theirs: y, in: folder)
            if git == 0 { #expect(merged.conflicts.isEmpty, "git merges cleanly; stdkit: \(merged.conflicts) \(merged.fallback ?? "")") }
            if merged.fallback == nil {
                #expect(DocumentMerge.verify(base: original, ours: x, theirs: y, result: merged))
            } else {
                // Git's clean merge, written as git writes it (both sides adding one course at
                // two places is clean for git: the course is then written twice).
                #expect(merged.text == LineMerge(base: original, ours: x, theirs: y).text)
            }
            counts.update {
                $0.git += git == 0 ? 1 : 0
                $0.stdkit += merged.conflicts.isEmpty ? 1 : 0
                $0.structured += merged.conflicts.isEmpty && merged.fallback == nil ? 1 : 0
            }
        }
        // Not a vacuous property: stdkit's structured merge is clean far more often than git.
        let (git, stdkit, structured) = counts.value
        #expect(stdkit > git, "clean: git \(git), stdkit \(stdkit)")
        #expect(structured > git, "clean without falling back: \(structured), git \(git)")
    }

    /// The data of a clean structured merge is each side's changes applied to the base: the
    /// table both edited is the table one gets by making both sides' edits (when no course was
    /// changed two ways).
    @Test func aCleanMergeHoldsBothSidesEdits() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...2), Self.edits, Self.edits) { form, a, b in
            let style = Style(rawValue: form)!
            let base = Programme()
            let (ours, theirs) = (base.edited(a), base.edited(b))
            let merged = DocumentMerge.merge(base: base.text(style, crlf: false), ours: ours.text(style, crlf: false), theirs: theirs.text(style, crlf: false))
            guard merged.conflicts.isEmpty, merged.fallback == nil else { return }
            // Every course either side changed, as that side has it; untouched ones as in the base.
            let result = FrontMatter(merged.text).block.flatMap { FrontMatterProof.root(String($0)) }
            let table = result?["courses"]?.sequence ?? []
            for course in ours.courses + theirs.courses {
                let side = ours.courses.contains(course) && !base.courses.contains(course) ? "ours" : "theirs"
                guard !base.courses.contains(course) else { continue }
                let written = table.first { $0["id"]?.scalar == course.id }
                #expect(written?["semester"]?.scalar == String(course.semester) || Self.changedOnBoth(course.id, base, ours, theirs), "\(side) \(course.id)")
                #expect(written?["hours"]?["theory"]?.scalar == String(course.theory) || Self.changedOnBoth(course.id, base, ours, theirs))
                #expect(written?["hours"]?["practice"]?.scalar == String(course.practice) || Self.changedOnBoth(course.id, base, ours, theirs))
            }
            for course in base.courses where !ours.courses.contains(where: { $0.id == course.id }) && theirs.courses.contains(course) {
                #expect(!table.contains { $0["id"]?.scalar == course.id }, "\(course.id) removed by ours stays removed")
            }
        }
    }

    static func changedOnBoth(_ id: String, _ base: Programme, _ ours: Programme, _ theirs: Programme) -> Bool {
        let b = base.courses.first { $0.id == id }
        return ours.courses.first { $0.id == id } != b && theirs.courses.first { $0.id == id } != b
    }

    /// Every real merge git merges cleanly, stdkit merges cleanly.
    @Test func cleanWheneverGitIsCleanOnRealMerges() throws {
        let names = RealMergeTests.names
        guard !names.isEmpty else {
            print("skipped: ../shared/corpora/real-merges is absent")
            return
        }
        let lessClean = Locked<[String]>([])
        let cleanByGit = Locked<Int>(0)
        DispatchQueue.concurrentPerform(iterations: names.count) { index in
            let folder = RealMergeTests.cases.appendingPathComponent(names[index])
            guard let status = try? Self.gitMergeStatus(folder), status == 0,
                  let texts = try? ["base.md", "ours.md", "theirs.md"].map({ try Data(contentsOf: folder.appendingPathComponent($0)) }),
                  let decoded = Optional(texts.compactMap { String(validating: $0, as: UTF8.self) }), decoded.count == 3 else { return }
            cleanByGit.update { $0 += 1 }
            let merged = DocumentMerge.merge(base: decoded[0], ours: decoded[1], theirs: decoded[2])
            if !merged.conflicts.isEmpty { lessClean.update { $0.append(names[index]) } }
        }
        #expect(cleanByGit.value > 100, "the corpus has cases git merges cleanly")
        #expect(lessClean.value.isEmpty, "stdkit conflicts where git is clean: \(lessClean.value.sorted())")
    }
}
