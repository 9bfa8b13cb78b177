/// Comma-separated values as spreadsheet programs write and read them (RFC 4180): fields in
/// double quotes where they hold a separator, a quote or a line break, quotes doubled, records
/// ended by CRLF.
public enum CSV {
    /// The UTF-8 byte-order mark, which makes spreadsheet programs on Windows read UTF-8 (and so
    /// Chinese text) instead of the system's code page.
    public static let byteOrderMark = "\u{FEFF}"

    /// `rows` as CSV text, each record ended by CRLF.
    public static func text(_ rows: [[String]], byteOrderMark: Bool = false) -> String {
        var output = byteOrderMark ? Self.byteOrderMark : ""
        for row in rows {
            output += row.map(field).joined(separator: ",")
            output += "\r\n"
        }
        return output
    }

    /// One field, quoted where needed. A field a spreadsheet would run as a formula (starting
    /// with `=`, `+`, `@`, or `-` and not a number) gets a leading `'`, which spreadsheets show
    /// as text: documents come from partners, and a cell must not compute.
    public static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+@\t\r".contains(first) || (first == "-" && Double(value) == nil && value != "-") {
            value = "'" + value
        }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || value.first == " " || value.last == " " else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A CSV error with the 1-based line where it was found.
    public struct Failure: Error, Sendable, Equatable {
        public var line: Int
        public var message: String
    }

    /// The records of `text` (a byte-order mark already removed). The separator is `,` unless the
    /// first line holds more tabs or semicolons than commas (spreadsheets' "Unicode text" export
    /// is tab-separated). Empty lines are skipped. Each record comes with the line it starts on.
    public static func records(_ text: String) throws(Failure) -> [(line: Int, fields: [String])] {
        let firstLine = text.prefix(while: { $0 != "\n" && $0 != "\r\n" })
        let counts: [(Character, Int)] = [",", "\t", ";"].map { separator in (separator, firstLine.filter { $0 == separator }.count) }
        let most = counts.max(by: { $0.1 < $1.1 })  // on a tie, the first: the comma
        let separator: Character = (most?.1 ?? 0) > 0 ? most!.0 : ","
        var records: [(Int, [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var fieldWasQuoted = false
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var characters = text.makeIterator()
        var pending: Character? = nil
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) { records.append((recordLine, fields)) }
            fields = []
            field = ""
            fieldWasQuoted = false
        }
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = characters.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" || character == "\r" { line += 1 }
                    field.append(character == "\r\n" ? "\n" : character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty && !fieldWasQuoted:
                quoted = true
                fieldWasQuoted = true
                quoteLine = line
            case separator:
                fields.append(field)
                field = ""
                fieldWasQuoted = false
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(character)
            }
        }
        if quoted { throw Failure(line: quoteLine, message: "a quoted field opened here is never closed") }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }
}
