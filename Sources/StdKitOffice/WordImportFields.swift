import StdKitSyntax

/// The front-matter fields a Word standard states in its text — 专业名称/专业代码, 修业年限,
/// 总学时/总学分 of a programme, 课程代码, 学时 and 学分 of a course — each with the place it
/// was read from, for the report. Only what is written is taken; nothing is computed.
struct WordImportFields: Sendable {
    /// A line of text and where it is: a paragraph, or a label cell and the cell after it.
    struct Line: Sendable {
        var text: String
        var location: Message
        /// The title of the section it is in (number removed), nil before the first heading.
        var section: String?
    }

    /// Field name and value as YAML text, in the order the schema lists them.
    var fields: [(name: String, value: String)] = []
    var report: [Message] = []
    /// The code the id is made from (专业代码, 课程代码), with where it was read.
    var code: String?

    init(kind: String, lines: [Line]) {
        switch kind {
        case "programme": programme(lines)
        case "course": course(lines)
        case "job-profile":
            if let (value, line) = Self.first(in: lines, /(?:职业编码|职业代码)[^0-9]{0,4}([0-9]-[0-9]{2}-[0-9]{2}-[0-9]{2})/) {
                add("occupation", YAMLScalar.doubleQuoted(value), shown: value, from: line)
            }
        default: break
        }
    }

    private mutating func programme(_ lines: [Line]) {
        var name: (String, Line)? = Self.first(in: lines, /专业名称(?![及与和])[：:\s]*([^\s（(，,；;。：:]{2,30})/)
        var code: (String, Line)? = Self.first(in: lines, /专业代码[^0-9]{0,6}([0-9]{6})/)
        // 专业名称及代码 as a section: its first line is often `工业机器人技术（460305）`.
        if name == nil || code == nil,
           let line = lines.first(where: { $0.section.map { $0.hasPrefix("专业名称") } ?? false }),
           let match = line.text.firstMatch(of: /^\s*([^\s（(：:]{2,30})\s*[（(]\s*(?:专业代码[：:]?\s*)?([0-9]{6})\s*[）)]/) {
            if name == nil { name = (String(match.output.1), line) }
            if code == nil { code = (String(match.output.2), line) }
        }
        if let (name, nameLine) = name, let (code, codeLine) = code {
            add("major", "{name: \(YAMLScalar.written(name)), code: \(YAMLScalar.doubleQuoted(code))}", shown: nil, from: nil)
            report.append(.docxImportField(field: "major.name", value: name, location: nameLine.location, text: Self.shortened(nameLine.text)))
            report.append(.docxImportField(field: "major.code", value: code, location: codeLine.location, text: Self.shortened(codeLine.text)))
            self.code = code
        } else {
            report.append(.docxImportFieldMissing(field: name == nil ? "major.name" : "major.code"))
        }
        let years = Self.first(in: lines, /修业年限[^0-9一二三四五六。；]{0,8}([1-6一二三四五六])\s*年/)
            ?? lines.first(where: { $0.section.map { $0.hasPrefix("修业年限") } ?? false })
                .flatMap { line in line.text.firstMatch(of: /([1-6一二三四五六])\s*年/).map { (String($0.output.1), line) } }
        if let (years, line) = years, let value = Int(years) ?? NumberedLine.chineseValue(Substring(years)) {
            add("duration", String(value), shown: String(value), from: line)
        }
        if let (hours, line) = Self.first(in: lines, /总学时[^0-9。；]{0,8}([0-9]{3,5})/) {
            add("total_hours", hours, shown: hours, from: line)
        }
        if let (credits, line) = Self.first(in: lines, /总学分[^0-9。；]{0,8}([0-9]{2,3}(?:\.[0-9]+)?)/) {
            add("credits", credits, shown: credits, from: line)
        }
        // The intake a 方案 is written for: `（2026级）` under the title.
        if let (year, line) = Self.first(in: lines, /[（(]\s*(20[0-9]{2})\s*级\s*[）)]/) {
            fields.append(("cohort", "{year: \(year)}"))
            report.append(.docxImportField(field: "cohort.year", value: year, location: line.location, text: Self.shortened(line.text)))
        }
    }

    private mutating func course(_ lines: [Line]) {
        if let (code, line) = Self.first(in: lines, /课程(?:代码|编码|编号)[：:\s]*([A-Za-z0-9][A-Za-z0-9._-]{0,19})/) {
            add("code", YAMLScalar.doubleQuoted(code), shown: code, from: line)
            self.code = code
        }
        let total = Self.first(in: lines, /(?:^|[^理论实践训验])学时[^0-9。；]{0,6}([0-9]{1,4})/)
        let theory = Self.first(in: lines, /理论(?:教学)?(?:学时)?[：:\s]*([0-9]{1,4})/)
        let practice = Self.first(in: lines, /实践(?:教学)?(?:学时)?[：:\s]*([0-9]{1,4})/)
        let values = (total.flatMap { Int($0.0) }, theory.flatMap { Int($0.0) }, practice.flatMap { Int($0.0) })
        var split: (Int, Int)?
        switch values {
        case (_, let theory?, let practice?): split = (theory, practice)
        case (let total?, let theory?, nil) where theory <= total: split = (theory, total - theory)
        case (let total?, nil, let practice?) where practice <= total: split = (total - practice, practice)
        default: split = nil
        }
        if let (theoryHours, practiceHours) = split, let line = theory?.1 ?? practice?.1 {
            add("hours", "{theory: \(theoryHours), practice: \(practiceHours)}", shown: "theory \(theoryHours), practice \(practiceHours)", from: line)
        } else if let (hours, line) = total {
            report.append(.docxImportHoursUnsplit(hours: Int(hours) ?? 0, location: line.location))
        }
        if let (credits, line) = Self.first(in: lines, /学分[^0-9。；]{0,6}([0-9]{1,2}(?:\.[0-9]+)?)/) {
            add("credits", credits, shown: credits, from: line)
        }
    }

    private mutating func add(_ name: String, _ value: String, shown: String?, from line: Line?) {
        fields.append((name, value))
        if let shown, let line {
            report.append(.docxImportField(field: name, value: shown, location: line.location, text: Self.shortened(line.text)))
        }
    }

    /// The first capture of `pattern` in the first line where it matches, and that line.
    private static func first(in lines: [Line], _ pattern: Regex<(Substring, Substring)>) -> (String, Line)? {
        for line in lines {
            if let match = line.text.firstMatch(of: pattern) { return (String(match.output.1), line) }
        }
        return nil
    }

    /// At most 30 characters of `text`, for a report line.
    static func shortened(_ text: String) -> String {
        let trimmed = NumberedLine.trimmed(text)
        return trimmed.count <= 30 ? trimmed : String(trimmed.prefix(29)) + "…"
    }
}
