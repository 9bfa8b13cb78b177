import StdKitModel
import StdKitSyntax

/// National codes in their form (DESIGN §13.4, "codes"): a programme's `major.code` under a
/// 专业大类 and 专业类 of the profile's catalogue, agreeing with `major.category` and
/// `major.class` where stated; a job profile's `occupation` as the 2022 大典 writes it and its
/// `industry` as GB/T 4754 does.
///
/// The tables are the profile's data (`major_categories`, `major_classes`,
/// `industry_divisions`), so only a project with a profile is checked: the shipped profiles are
/// China's, and a project without one may use other codes (ISCO, ESCO). A code that cannot be
/// right is an error; an occupation given only to its 小类 is a warning, since the 职业面向
/// table of a 方案 cites 小类 and a profile may have copied it.
struct CodeForm: Rule {
    let description = RuleDescription(
        id: "code-form", family: .schema, scope: .document,
        passing: [
            RuleExample([
                "stdkit.yml": "profile: cn-vocational-higher\n",
                "p.md": "---\nid: P1\nkind: programme\ntitle: 工业机器人技术\nmajor: {name: 工业机器人技术, code: \"460305\", category: 装备制造大类, class: 自动化类}\n---\n",
                "job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 工业机器人运维员\noccupation: \"6-31-01-10\"\nindustry: C3612\n---\n",
            ]),
            RuleExample([
                "p.md": "---\nid: P1\nkind: programme\ntitle: Mechatronics\nmajor: {name: Mechatronics, code: MT-2}\n---\n",
                "job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: Setter\noccupation: \"7223\"\n---\n",
            ]),
        ],
        failing: [
            RuleExample([
                "stdkit.yml": "profile: cn-vocational-higher\n",
                "p.md": "---\nid: P1\nkind: programme\ntitle: 工业机器人技术\nmajor: {name: 工业机器人技术, code: ↓\"460905\", category: ↓电子与信息大类}\n---\n",
            ]),
            RuleExample([
                "stdkit.yml": "profile: cn-vocational-higher\n",
                "job.md": "---\nid: JOB-A\nkind: job-profile\ntitle: 焊接机器人编程调试员\noccupation: ↓6-30-99\nindustry: ↓A3612\n---\n",
                "job2.md": "---\nid: JOB-B\nkind: job-profile\ntitle: 焊装线操作员\noccupation: ↓6-30-99-00S\nindustry: ↓C-36\n---\n",
            ]),
        ])

    func check(_ context: CheckContext) -> [Diagnostic] {
        guard let profile = context.project.profile else { return [] }
        var findings: [Diagnostic] = []
        for document in context.standardsDocuments {
            switch document.kind {
            case "programme": findings += major(of: document, profile)
            case "job-profile": findings += occupation(of: document) + industry(of: document, profile)
            default: continue
            }
        }
        return findings
    }

    private func finding(_ document: Document, _ node: YAMLNode, _ message: Message, _ hint: Message, severity: Severity? = nil) -> Diagnostic {
        Diagnostic(rule: description.id, severity: severity ?? description.severity, file: document.path, location: node.location, message: message, hint: hint)
    }

    // MARK: the major

    private func major(of document: Document, _ profile: Profile) -> [Diagnostic] {
        guard !profile.majorCategories.isEmpty, let major = document.frontMatter?["major"],
              let codeNode = major["code"], let code = codeNode.scalar else { return [] }
        guard code.count == 6, code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return [finding(document, codeNode, .majorForm(code), .majorHint)]
        }
        let categoryCode = String(code.prefix(2)), classCode = String(code.prefix(4))
        guard let category = profile.majorCategories[categoryCode] else {
            let known = profile.majorCategories.keys.sorted()
            return [finding(document, codeNode, .unknownCategory(code, prefix: categoryCode, first: known.first ?? "", last: known.last ?? ""), .majorHint)]
        }
        // The 类 are checked only under a 大类 whose 类 the profile lists.
        let classes = profile.majorClasses.filter { $0.key.hasPrefix(categoryCode) }
        var findings: [Diagnostic] = []
        if !classes.isEmpty, classes[classCode] == nil {
            let listed = classes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            findings.append(finding(document, codeNode, .unknownClass(code, prefix: classCode, category: "\(categoryCode) \(category)", classes: listed), .majorHint))
        }
        if let node = major["category"], let written = node.scalar, written != category, written != categoryCode, written != "\(categoryCode) \(category)" {
            findings.append(finding(document, node, .categoryDisagrees(written, code: code, expected: "\(categoryCode) \(category)"), .writeCategory(category)))
        }
        if let node = major["class"], let written = node.scalar, let name = classes[classCode],
           written != name, written != classCode, written != "\(classCode) \(name)" {
            findings.append(finding(document, node, .classDisagrees(written, code: code, expected: "\(classCode) \(name)"), .writeClass(name)))
        }
        return findings
    }

    // MARK: the occupation

    /// The 2022 大典's marks after a code: S a digital occupation, L a green one, L/S both.
    static let occupationMarks = ["", " S", " L", " L/S"]

    private func occupation(of document: Document) -> [Diagnostic] {
        guard let node = document.frontMatter?["occupation"], let written = node.scalar else { return [] }
        guard let mark = Self.occupationMarks.reversed().first(where: { written.hasSuffix($0) }) else { return [] }
        let code = String(written.dropLast(mark.count))
        let groups = code.split(separator: "-", omittingEmptySubsequences: false)
        let digits = groups.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        let shaped = digits && groups.first.map { $0.count == 1 && ("1"..."8").contains(String($0)) } == true
            && groups.dropFirst().allSatisfy { $0.count == 2 }
        if shaped, groups.count == 4 { return [] }
        if shaped, groups.count == 3 {
            return [finding(document, node, .occupationMinorGroup(written), .occupationHint, severity: .warning)]
        }
        return [finding(document, node, .occupationForm(written), .occupationHint)]
    }

    // MARK: the industry

    private func industry(of document: Document, _ profile: Profile) -> [Diagnostic] {
        guard let node = document.frontMatter?["industry"], let code = node.scalar else { return [] }
        let letter = code.first.flatMap { $0.isASCII && $0.isUppercase ? String($0) : nil }
        let digits = code.dropFirst(letter == nil ? 0 : 1)
        let allDigits = digits.allSatisfy { $0.isASCII && $0.isNumber }
        let formed = allDigits && (letter == nil ? (2...4).contains(digits.count) : [0, 2, 3, 4].contains(digits.count))
            && (letter.map { ("A"..."T").contains($0) } ?? true)
        guard formed else { return [finding(document, node, .industryForm(code), .industryHint)] }
        guard !profile.industryDivisions.isEmpty, let division = Int(digits.prefix(2)) else { return [] }
        if let letter {
            guard let range = profile.industryDivisions[letter], !range.contains(division) else { return [] }
            let owner = profile.industryDivisions.first { $0.value.contains(division) }?.key
            return [finding(document, node, .divisionNotInSection(code, division: String(digits.prefix(2)), letter: letter, range: range, owner: owner), .industryHint)]
        }
        guard !profile.industryDivisions.values.contains(where: { $0.contains(division) }) else { return [] }
        return [finding(document, node, .noSuchDivision(code, division: String(digits.prefix(2))), .industryHint)]
    }
}

extension Message {
    fileprivate static func majorForm(_ code: String) -> Message {
        Message("code-form.major.form", ["code": .verbatim(code)])
    }

    fileprivate static func unknownCategory(_ code: String, prefix: String, first: String, last: String) -> Message {
        Message("code-form.major.category", ["code": .verbatim(code), "prefix": .verbatim(prefix), "first": .verbatim(first), "last": .verbatim(last)])
    }

    fileprivate static func unknownClass(_ code: String, prefix: String, category: String, classes: [String]) -> Message {
        Message("code-form.major.class", ["code": .verbatim(code), "prefix": .verbatim(prefix), "category": .verbatim(category), "classes": .list(classes, .and)])
    }

    fileprivate static func categoryDisagrees(_ written: String, code: String, expected: String) -> Message {
        Message("code-form.major.category-mismatch", ["written": .verbatim(written), "code": .verbatim(code), "expected": .verbatim(expected)])
    }

    fileprivate static func classDisagrees(_ written: String, code: String, expected: String) -> Message {
        Message("code-form.major.class-mismatch", ["written": .verbatim(written), "code": .verbatim(code), "expected": .verbatim(expected)])
    }

    fileprivate static func writeCategory(_ name: String) -> Message {
        Message("code-form.hint.category", ["name": .verbatim(name)])
    }

    fileprivate static func writeClass(_ name: String) -> Message {
        Message("code-form.hint.class", ["name": .verbatim(name)])
    }

    fileprivate static let majorHint = Message("code-form.hint.major")

    fileprivate static func occupationForm(_ code: String) -> Message {
        Message("code-form.occupation.form", ["code": .verbatim(code)])
    }

    fileprivate static func occupationMinorGroup(_ code: String) -> Message {
        Message("code-form.occupation.minor-group", ["code": .verbatim(code)])
    }

    fileprivate static let occupationHint = Message("code-form.hint.occupation")

    fileprivate static func industryForm(_ code: String) -> Message {
        Message("code-form.industry.form", ["code": .verbatim(code)])
    }

    fileprivate static func divisionNotInSection(_ code: String, division: String, letter: String, range: ClosedRange<Int>, owner: String?) -> Message {
        let span = range.count == 1 ? twoDigits(range.lowerBound) : "\(twoDigits(range.lowerBound))–\(twoDigits(range.upperBound))"
        guard let owner else {
            return Message("code-form.industry.section", ["code": .verbatim(code), "division": .verbatim(division), "letter": .verbatim(letter), "range": .verbatim(span)])
        }
        return Message("code-form.industry.section.owner", [
            "code": .verbatim(code), "division": .verbatim(division), "letter": .verbatim(letter), "range": .verbatim(span), "owner": .verbatim(owner),
        ])
    }

    fileprivate static func noSuchDivision(_ code: String, division: String) -> Message {
        Message("code-form.industry.division", ["code": .verbatim(code), "division": .verbatim(division)])
    }

    fileprivate static let industryHint = Message("code-form.hint.industry")

    private static func twoDigits(_ number: Int) -> String {
        number < 10 ? "0\(number)" : "\(number)"
    }
}
