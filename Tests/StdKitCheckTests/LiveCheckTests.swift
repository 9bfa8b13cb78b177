import Foundation
import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

/// The live check against the full one: after each edit — of the flagship, of every rule's
/// examples, of small projects in Chinese — the findings `LiveCheck.update` keeps are exactly
/// those of a full check of the edited files read afresh, file by file, note by note; the files
/// `EditImpact` names hold every file whose findings changed; and the strategy that ran is the
/// one expected, so that a fall back to the full check is seen.
@Suite("Live check")
struct LiveCheckTests {
    /// An edit of one document's text (nil: it does not apply to this text).
    struct Edit: Sendable {
        var name: String
        var apply: @Sendable (String) -> String?
    }

    /// What one edit did.
    struct Outcome {
        var strategy: LiveCheck.Strategy
        /// Files whose findings differ from the full check's (empty when right).
        var differing: [String]
        /// The files whose findings the edit changed (full check before and after).
        var changed: Set<String>
        /// What `update` said changed.
        var reported: Set<String>
        /// What `EditImpact` named, nil for a full check.
        var reached: Set<String>?
    }

    /// A project under edit: its files and its live check.
    struct Session {
        var files: [String: [UInt8]]
        var name: String
        var live: LiveCheck

        init(files: [String: [UInt8]], name: String = "project") async throws {
            self.files = files
            self.name = name
            live = LiveCheck(project: try await ProjectLoader.load(files: files, name: name))
        }

        func text(_ path: String) -> String? { files[path].map { String(decoding: $0, as: UTF8.self) } }

        /// Sets the file at `path` to `text` (nil: removes it), updates the live check and
        /// compares it with a full check of the files loaded again.
        mutating func set(_ path: String, to text: String?) async throws -> Outcome {
            let before = live.findings
            let old = live.project
            let outcome: Set<String>
            if let text {
                files[path] = Array(text.utf8)
                let document = ProjectLoader.document(path: path, bytes: Array(text.utf8), schemas: live.project.schemas)
                outcome = live.update(replacing: [document])
            } else {
                files[path] = nil
                outcome = live.update(replacing: [], removing: [path])
            }
            var reached: Set<String>?
            if case .focused = live.lastUpdate, let text {
                let document = ProjectLoader.document(path: path, bytes: Array(text.utf8), schemas: old.schemas)
                reached = EditImpact.files(reachedBy: [(old.document(atPath: path), document)], removing: [], old: old, new: live.project,
                                           findings: before)
            }
            let fresh = try await ProjectLoader.load(files: files, name: name)
            let expected = LiveCheck.grouped(Checker().check(fresh).diagnostics)
            let differing = Set(expected.keys).union(live.findings.keys).filter { expected[$0] != live.findings[$0] }.sorted()
            let changed = Set(expected.keys).union(before.keys).filter { expected[$0] != before[$0] }
            return Outcome(strategy: live.lastUpdate, differing: differing, changed: Set(changed), reported: outcome, reached: reached)
        }

        /// Applies `edit` to the file at `path`; nil when it does not apply.
        mutating func apply(_ edit: Edit, to path: String) async throws -> Outcome? {
            guard let text = text(path), let edited = edit.apply(text), edited != text else { return nil }
            return try await set(path, to: edited)
        }
    }

    // MARK: Edits

    /// The lines of `text` and the index of the first line after the front matter.
    static func split(_ text: String) -> (lines: [Substring], body: Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "---", let close = lines.dropFirst().firstIndex(of: "---") else { return (lines, 0) }
        return (lines, close + 1)
    }

    static func editing(_ text: String, _ change: (inout [Substring], Int) -> Bool) -> String? {
        var (lines, body) = split(text)
        return change(&lines, body) ? lines.joined(separator: "\n") : nil
    }

    /// The range of `**ID**` at the start of an item's line (after a list marker or a heading's
    /// hashes), and the id.
    static func itemID(in line: Substring) -> (Range<Substring.Index>, String)? {
        let trimmed = line.drop { $0 == " " }
        var rest = trimmed
        if rest.hasPrefix("- ") || rest.hasPrefix("* ") {
            rest = rest.dropFirst(2)
        } else if rest.hasPrefix("#") {
            rest = rest.drop { $0 == "#" }
            guard rest.hasPrefix(" ") else { return nil }
            rest = rest.dropFirst()
        } else {
            return nil
        }
        guard rest.hasPrefix("**") else { return nil }
        // An item id: an ASCII capital, then capitals, digits, `-` and `.` (`**前导课程**` is not one).
        let id = rest.dropFirst(2).prefix { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "-" || $0 == ".") }
        let end = rest.index(rest.startIndex, offsetBy: 2 + id.count)
        guard let first = id.first, first.isLetter, rest[end...].hasPrefix("**") else { return nil }
        return (rest.startIndex..<rest.index(end, offsetBy: 2), String(id))
    }

    static func firstItemLine(_ lines: [Substring], from body: Int, where test: (Substring) -> Bool = { _ in true }) -> Int? {
        lines.indices.first { $0 >= body && itemID(in: lines[$0]) != nil && test(lines[$0]) }
    }

    /// The first `#ITEM` written after `→` on a line: its digits' range.
    static func referencedItemNumber(in line: Substring) -> Range<Substring.Index>? {
        guard let arrow = line.firstIndex(of: "→"), let hash = line[arrow...].firstIndex(of: "#") else { return nil }
        let letters = line[line.index(after: hash)...].prefix { $0.isLetter && $0.isASCII }
        let digits = line[letters.endIndex...].prefix { $0.isNumber && $0.isASCII }
        guard !letters.isEmpty, !digits.isEmpty else { return nil }
        return digits.startIndex..<digits.endIndex
    }

    static let statement = Edit(name: "item statement changed") { text in
        editing(text) { lines, body in
            guard let index = firstItemLine(lines, from: body), let (range, _) = itemID(in: lines[index]) else { return false }
            lines[index] = Substring(String(lines[index][..<range.upperBound]) + " （修订）" + String(lines[index][range.upperBound...]))
            return true
        }
    }

    static func referencedItem(_ name: String, _ number: @escaping @Sendable (Int) -> Int) -> Edit {
        Edit(name: name) { text in
            editing(text) { lines, body in
                guard let index = lines.indices.first(where: { $0 >= body && referencedItemNumber(in: lines[$0]) != nil }),
                      let digits = referencedItemNumber(in: lines[index]), let value = Int(lines[index][digits]) else { return false }
                lines[index] = Substring(String(lines[index][..<digits.lowerBound]) + String(number(value)) + String(lines[index][digits.upperBound...]))
                return true
            }
        }
    }

    static let nextItem = referencedItem("reference to the next item (#R3 → #R4)") { $0 + 1 }
    static let missingItem = referencedItem("reference to a missing item") { _ in 97 }

    static let removeItem = Edit(name: "item removed") { text in
        editing(text) { lines, body in
            guard let index = firstItemLine(lines, from: body, where: { $0.drop { $0 == " " }.hasPrefix("- ") }) else { return false }
            lines.remove(at: index)
            return true
        }
    }

    static let addItem = Edit(name: "item added") { text in
        editing(text) { lines, body in
            guard let index = lines.indices.last(where: { $0 >= body && itemID(in: lines[$0]) != nil && lines[$0].hasPrefix("- ") }),
                  let (_, id) = itemID(in: lines[index]) else { return false }
            let prefix = id.prefix { !$0.isNumber }
            lines.insert(Substring("- **\(prefix)90** 能按作业指导书完成新增的点检项目（新增）"), at: index + 1)
            return true
        }
    }

    static let deleteReference = Edit(name: "reference deleted") { text in
        editing(text) { lines, body in
            guard let index = lines.indices.first(where: { $0 >= body && itemID(in: lines[$0]) != nil && lines[$0].contains("→") }),
                  let arrow = lines[index].firstIndex(of: "→") else { return false }
            let end = lines[index][arrow...].firstIndex(of: "{") ?? lines[index].endIndex
            var start = arrow
            while start > lines[index].startIndex, lines[index][lines[index].index(before: start)] == " " { start = lines[index].index(before: start) }
            lines[index] = Substring(String(lines[index][..<start]) + (end == lines[index].endIndex ? "" : " ") + String(lines[index][end...]))
            return true
        }
    }

    static let heading = Edit(name: "heading changed") { text in
        editing(text) { lines, body in
            guard let index = lines.indices.first(where: { $0 >= body && lines[$0].hasPrefix("## ") }) else { return false }
            lines[index] += "（修订）"
            return true
        }
    }

    static let paragraph = Edit(name: "paragraph inserted") { text in
        editing(text) { lines, body in
            guard let index = lines.indices.first(where: { $0 >= body && lines[$0].hasPrefix("#") }) else { return false }
            lines.insert(contentsOf: ["", "补充说明：本节按企业反馈修订。"], at: index + 1)
            return true
        }
    }

    static let changeID = Edit(name: "id changed") { text in
        editing(text) { lines, body in
            guard let index = lines.indices.first(where: { $0 < body && lines[$0].hasPrefix("id: ") }) else { return false }
            lines[index] += "-NEW"
            return true
        }
    }

    /// The edits that leave a document's id and front matter, in the order they are applied.
    static let bodyEdits = [statement, nextItem, missingItem, addItem, deleteReference, heading, paragraph, removeItem]

    // MARK: Tests

    static func describe(_ outcome: Outcome) -> String {
        "strategy \(outcome.strategy), differing \(outcome.differing), changed \(outcome.changed.sorted()), reached \(outcome.reached.map { $0.sorted() } ?? [])"
    }

    /// Holds an outcome to the full check, and a focus to holding every changed file.
    static func expectRight(_ outcome: Outcome, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(outcome.differing == [], "\(what): \(describe(outcome))", sourceLocation: sourceLocation)
        #expect(outcome.reported == outcome.changed, "\(what): \(describe(outcome))", sourceLocation: sourceLocation)
        if let reached = outcome.reached {
            #expect(outcome.changed.isSubset(of: reached), "\(what): \(describe(outcome))", sourceLocation: sourceLocation)
        }
    }

    static func isFocused(_ strategy: LiveCheck.Strategy) -> Bool {
        if case .focused = strategy { true } else { false }
    }

    @Test("the flagship: statements, references, items, headings and paragraphs edited; the same findings as a full check")
    func flagship() async throws {
        var session = try await Session(files: RuleScopeTests.files(at: "standards"), name: "standards")
        let documents = ["courses/professional-core/machine-vision.md", "jobs/robot-system-maintainer.md", "jobs/robot-system-operator.md",
                         "training/operator-upskill.md", "apprenticeship/robot-2026.md", "materials/maintenance-lesson-plan.md",
                         "courses/public-basic/labour.md"]
        var focused = 0
        for path in documents {
            #expect(session.files[path] != nil, "\(path) is in the flagship")
            for edit in Self.bodyEdits {
                guard let outcome = try await session.apply(edit, to: path) else { continue }
                Self.expectRight(outcome, "\(edit.name) in \(path)")
                if edit.name == Self.paragraph.name {
                    #expect(outcome.strategy == .documents, "\(edit.name) in \(path)")
                } else {
                    #expect(Self.isFocused(outcome.strategy), "\(edit.name) in \(path): \(outcome.strategy)")
                    focused += 1
                }
            }
        }
        #expect(focused >= 30)
    }

    @Test("the flagship: an id changed, a document added and one removed are checked in full")
    func flagshipFull() async throws {
        var session = try await Session(files: RuleScopeTests.files(at: "standards"), name: "standards")
        let course = "courses/professional-core/machine-vision.md"
        let applied = try await session.apply(Self.changeID, to: course)
        let changed = try #require(applied)
        Self.expectRight(changed, "id changed")
        #expect(changed.strategy == .full)
        let added = try await session.set("courses/professional-core/new-course.md", to: """
            ---
            id: COURSE-NEW
            kind: course
            title: 新课程
            ---

            # 新课程

            ## 课程目标

            - **LO1** 能完成机器人日常点检 → JOB-ROBOT-MAINTAINER#R1 {level=3}
            """)
        Self.expectRight(added, "document added")
        #expect(added.strategy == .full)
        let removed = try await session.set("jobs/robot-system-operator.md", to: nil)
        Self.expectRight(removed, "document removed")
        #expect(removed.strategy == .full)
        #expect(removed.changed.count > 1)
    }

    /// A job profile whose requirements two courses cover, in Chinese, a page linking to its
    /// anchors and (`lock`) a links lock.
    static func smallProject(lock: Bool) -> [String: [UInt8]] {
        var files: [String: String] = [
            "jobs/welder.md": """
                ---
                id: JOB-WELD
                kind: job-profile
                title: 焊接机器人操作员 🤖
                ---

                # 焊接机器人操作员 🤖

                ## 典型工作任务

                ### **T1** 焊接编程

                ## 职业能力要求

                - **R1** 能完成开机与回原点 → #T1
                - **R2** 能离线编程焊接轨迹 → #T1
                - **R3** 能按工艺卡调整焊接参数 → #T1
                - **R4** 能完成焊缝外观检验 → #T1
                """,
            "courses/welding.md": """
                ---
                id: C-WELD
                kind: course
                title: 焊接机器人编程
                ---

                # 焊接机器人编程

                ## 课程目标

                - **LO1** 能完成示教编程（含𠀀字测试） → JOB-WELD#R1
                - **LO2** 能离线编程 → JOB-WELD#R2
                - **LO3** 能调整参数 → JOB-WELD#R3
                """,
            "courses/inspection.md": """
                ---
                id: C-INSPECT
                kind: course
                title: 焊缝检验
                ---

                # 焊缝检验

                ## 课程目标

                - **LO1** 能检验焊缝 → JOB-WELD#R4
                - **LO2** 能记录检验结果 → JOB-WELD#R9
                """,
            "guide.md": "# 指南\n\n见[能力要求](jobs/welder.md#职业能力要求)与[R2](jobs/welder.md#R2)。\n",
        ]
        if lock {
            files[".stdkit/links.lock"] = "# reviewed coverage links\n"
        }
        return files.mapValues { Array($0.utf8) }
    }

    @Test("a small Chinese project: a reference moved to another item, to a missing one and back", arguments: [false, true])
    func smallChineseProject(lock: Bool) async throws {
        var session = try await Session(files: Self.smallProject(lock: lock))
        let course = "courses/welding.md"
        let original = try #require(session.text(course))
        // R3 → R4: R3 is left uncovered, R4 covered twice; the profile's findings change.
        let moved = try await session.set(course, to: original.replacingOccurrences(of: "JOB-WELD#R3", with: "JOB-WELD#R4"))
        Self.expectRight(moved, "#R3 → #R4")
        let movedReach = try #require(moved.reached)
        #expect(moved.strategy == .focused(movedReach.count))
        #expect(moved.changed.contains("jobs/welder.md"))
        let missing = try await session.set(course, to: original.replacingOccurrences(of: "JOB-WELD#R3", with: "JOB-WELD#R33"))
        Self.expectRight(missing, "#R3 → #R33")
        #expect(Self.isFocused(missing.strategy))
        let back = try await session.set(course, to: original)
        Self.expectRight(back, "back")
        #expect(Self.isFocused(back.strategy))
        #expect(back.changed.contains("jobs/welder.md"))
        // The profile adds R9, which the inspection course named in vain: its finding goes.
        let profile = "jobs/welder.md"
        let profileText = try #require(session.text(profile))
        let added = try await session.set(profile, to: profileText + "\n- **R9** 能填写焊接记录 → #T1\n")
        Self.expectRight(added, "R9 added")
        #expect(Self.isFocused(added.strategy))
        #expect(added.changed.contains("courses/inspection.md"))
        // A heading renamed: the guide's link to its anchor breaks.
        let renamed = try await session.set(profile, to: profileText.replacingOccurrences(of: "## 职业能力要求", with: "## 能力要求"))
        Self.expectRight(renamed, "heading renamed")
        #expect(Self.isFocused(renamed.strategy))
        #expect(renamed.changed.contains("guide.md"))
    }

    @Test("a focus of the edited file alone would miss the files whose findings changed")
    func editedFileAloneIsNotEnough() async throws {
        var session = try await Session(files: Self.smallProject(lock: false))
        let course = "courses/welding.md"
        let old = session.live.project
        let before = session.live.findings
        let original = try #require(session.text(course))
        let outcome = try await session.set(course, to: original.replacingOccurrences(of: "JOB-WELD#R3", with: "JOB-WELD#R4"))
        Self.expectRight(outcome, "#R3 → #R4")
        let reached = try #require(outcome.reached)
        #expect(reached.isSuperset(of: ["courses/welding.md", "jobs/welder.md"]))
        // The profile's findings changed: checked with a focus of the course alone, they would
        // stay as they were.
        #expect(outcome.changed.subtracting([course]).contains("jobs/welder.md"))
        let alone = Checker().check(session.live.project, focus: [course]).diagnostics
        #expect(!alone.contains { $0.file == "jobs/welder.md" })
        #expect(before["jobs/welder.md"] != LiveCheck.grouped(Checker().check(session.live.project).diagnostics)["jobs/welder.md"])
        #expect(old.document(atPath: course) != nil)
    }

    @Test("a focused check reports what the full check reports in the focused files")
    func focusedCheckEqualsFull() async throws {
        let project = try await ProjectLoader.load(files: RuleScopeTests.files(at: "standards"), name: "standards")
        let full = LiveCheck.grouped(Checker().check(project).diagnostics)
        let paths = project.documents.map(\.path) + [Project.linkLockPath]
        // Each file by itself, and groups of files.
        for path in paths {
            let focused = LiveCheck.grouped(Checker().check(project, focus: [path]).diagnostics)
            #expect(focused[path] == full[path], "\(path)")
            #expect(Set(focused.keys).isSubset(of: [path]))
        }
        let group = Set(paths.enumerated().filter { $0.offset % 3 == 0 }.map(\.element))
        let focused = LiveCheck.grouped(Checker().check(project, focus: group).diagnostics)
        #expect(focused == full.filter { group.contains($0.key) })
    }

    @Test("every rule's examples: each body edit of each document gives the full check's findings")
    func ruleExamples() async throws {
        var edits = 0
        for rule in RuleCatalogue.all {
            for example in rule.description.failing + rule.description.passing where example.base == nil {
                var session = try await Session(files: example.files)
                let paths = session.live.project.documents.map(\.path)
                // A focused check of each file: the full check's findings in it.
                let full = session.live.findings
                for path in paths {
                    let focused = LiveCheck.grouped(Checker().check(session.live.project, focus: [path]).diagnostics)
                    #expect(focused[path] == full[path], "\(rule.description.id): focus on \(path)")
                }
                for path in paths {
                    for edit in Self.bodyEdits + [Self.changeID] {
                        guard let outcome = try await session.apply(edit, to: path) else { continue }
                        Self.expectRight(outcome, "\(rule.description.id): \(edit.name) in \(path)")
                        edits += 1
                    }
                }
            }
        }
        #expect(edits > 200)
    }
}

/// A programme that names its courses only in `courses:` of its front matter, as the benchmark's
/// names 5,000: a course's body edited cannot change what the programme's rules read of it.
@Suite("Live check: front-matter references")
struct LiveCheckFieldReferenceTests {
    static func project() -> [String: [UInt8]] {
        func course(_ letter: String, covers requirement: String) -> String {
            """
            ---
            id: C-\(letter)
            kind: course
            title: 课程 \(letter)
            version: 1.0.0
            code: "C000\(letter)"
            hours: {theory: 16, practice: 32}
            credits: 3
            semester: 2
            category: professional-core
            ---

            # 课程 \(letter)

            ## 课程性质与任务

            能按照安全规程完成设备开机 🤖。

            ## 课程目标

            - **LO1** 能完成日常点检并填写记录 → JOB-A#\(requirement) {level=3}
            - **LO2** 能识读工艺文件 → JOB-A#R2 {level=3}

            ## 课程内容与学时分配

            ### **U1** 基础 {hours=16}

            ### **U2** 实训 {hours=32}

            """
        }
        let files: [String: String] = [
            "stdkit.yml": "name: 测试项目\nrules: {missing-section: off}\n",
            "jobs/a.md": """
                ---
                id: JOB-A
                kind: job-profile
                title: 设备运维岗位
                version: 1.0.0
                ---

                # 设备运维岗位

                ## 职业能力要求

                - **R1** 能完成开机与急停测试 {level=2}
                - **R2** 能识读工艺文件 {level=2}
                - **R3** 能排除常见故障 {level=2}

                """,
            "courses/a.md": course("A", covers: "R1"),
            "courses/b.md": course("B", covers: "R3"),
            // Only `supports:` names the course: a front-matter reference too.
            "materials/guide.md": "---\nid: MAT-A\nkind: material\ntitle: 指导书\nversion: 1.0.0\nsupports: [C-B]\n---\n\n# 指导书\n",
            "programme.md": """
                ---
                id: PROG-A
                kind: programme
                title: 测试专业
                version: 1.0.0
                total_hours: 96
                credits: 6
                courses:
                  - {id: C-A, category: professional-core, semester: 2, hours: {theory: 16, practice: 32}, credits: 3}
                  - {id: C-B, category: professional-core, semester: 2, hours: {theory: 16, practice: 32}, credits: 3}
                ---

                # 测试专业

                """,
        ]
        return files.mapValues { Array($0.utf8) }
    }

    @Test("a course's body edited: the programme and the material naming it in front matter are not checked again; the findings are the full check's")
    func courseBodyLeavesProgrammeOut() async throws {
        var session = try await LiveCheckTests.Session(files: Self.project())
        // Course B: the project's first link (`unreviewed-link`, no lock) is course A's.
        let course = "courses/b.md"
        let original = try #require(session.text(course))
        let edits: [(String, String)] = [
            ("statement", original.replacingOccurrences(of: "能完成日常点检并填写记录", with: "能完成日常点检")),
            ("reference to another item", original.replacingOccurrences(of: "JOB-A#R3", with: "JOB-A#R1")),
            ("reference to a missing item", original.replacingOccurrences(of: "JOB-A#R3", with: "JOB-A#R9")),
            ("item removed", original.replacingOccurrences(of: "- **LO2** 能识读工艺文件 → JOB-A#R2 {level=3}\n", with: "")),
            ("heading changed", original.replacingOccurrences(of: "## 课程目标", with: "## 课程目标（修订）")),
            ("back", original),
        ]
        for (name, text) in edits {
            let outcome = try await session.set(course, to: text)
            LiveCheckTests.expectRight(outcome, name)
            let reached = try #require(outcome.reached, "\(name): \(outcome.strategy)")
            #expect(outcome.strategy == .focused(reached.count), "\(name)")
            #expect(reached.contains(course) && reached.contains("jobs/a.md"), "\(name): \(reached.sorted())")
            #expect(!reached.contains("programme.md"), "\(name): \(reached.sorted())")
            #expect(!reached.contains("materials/guide.md"), "\(name): \(reached.sorted())")
        }
        // Its front matter edited (credits the programme compares): checked in full, programme too.
        let credits = try await session.set(course, to: original.replacingOccurrences(of: "credits: 3", with: "credits: 4"))
        LiveCheckTests.expectRight(credits, "credits")
        #expect(credits.strategy == .full)
        #expect(credits.changed.contains("programme.md"), "\(LiveCheckTests.describe(credits))")
    }
}
