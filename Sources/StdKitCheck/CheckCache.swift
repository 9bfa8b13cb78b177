import Foundation
import StdKitSyntax

/// The last check of a project, kept under `.stdkit/cache/` for the next one: for every file the
/// check read, the blob it had (git's object id of its bytes), the blob of its base revision,
/// its outward digest and places, and the findings in it.
///
/// The cache is only ever a shortcut: anything it cannot vouch for (another tool version, other
/// settings, another file list, a change that reaches other documents) makes the check run in
/// full, and a cache that cannot be read is ignored.
public struct CheckCache: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// The blob of the file (git's object id of its bytes).
        public var blob: String {
            get { box.blob }
            set { unique(); box.blob = newValue }
        }
        /// The blob in the base revision ("" without one).
        public var baseBlob: String {
            get { box.baseBlob }
            set { unique(); box.baseBlob = newValue }
        }
        /// The document's id, and the id of the document at this path in the base ("" for none):
        /// versions are compared by id.
        public var id: String {
            get { box.id }
            set { unique(); box.id = newValue }
        }
        public var baseID: String {
            get { box.baseID }
            set { unique(); box.baseID = newValue }
        }
        /// The document's version, and the ids of the documents it pins (`ID@2`), comma-joined.
        public var version: String {
            get { box.version }
            set { unique(); box.version = newValue }
        }
        public var pinned: String {
            get { box.pinned }
            set { unique(); box.pinned = newValue }
        }
        /// `Outward.digest` of a document; "" for a file that is not a document.
        public var outward: String {
            get { box.outward }
            set { unique(); box.outward = newValue }
        }
        public var frontMatterEnd: Int {
            get { box.frontMatterEnd }
            set { unique(); box.frontMatterEnd = newValue }
        }
        /// `Outward.places`, as `line:column` separated by spaces (read only when needed).
        public var places: String {
            get { box.places }
            set { unique(); box.places = newValue }
        }
        /// The findings in this file, as reported (severity overrides and suppressions applied),
        /// their messages typed (`Message.serialized`), so that they can be shown in any language.
        public var findings: [Diagnostic] {
            get { box.findings }
            set { unique(); box.findings = newValue }
        }

        /// The fields, boxed and copied on write: a check with the cache walks every entry of the
        /// project (10,000 on a large one, on every commit), and copying an entry is then one
        /// reference counted rather than ten.
        private var box: Box

        private final class Box: @unchecked Sendable {
            // Safe: a box is changed only through `unique()`, when no other entry shares it.
            var blob, baseBlob, id, baseID, version, pinned, outward: String
            var frontMatterEnd: Int
            var places: String
            var findings: [Diagnostic]

            init(blob: String, baseBlob: String, id: String, baseID: String, version: String, pinned: String, outward: String,
                 frontMatterEnd: Int, places: String, findings: [Diagnostic]) {
                self.blob = blob
                self.baseBlob = baseBlob
                self.id = id
                self.baseID = baseID
                self.version = version
                self.pinned = pinned
                self.outward = outward
                self.frontMatterEnd = frontMatterEnd
                self.places = places
                self.findings = findings
            }

            func copy() -> Box {
                Box(blob: blob, baseBlob: baseBlob, id: id, baseID: baseID, version: version, pinned: pinned, outward: outward,
                    frontMatterEnd: frontMatterEnd, places: places, findings: findings)
            }
        }

        private mutating func unique() {
            if !isKnownUniquelyReferenced(&box) { box = box.copy() }
        }

        public init(blob: String, baseBlob: String, id: String, baseID: String, version: String = "", pinned: String = "", outward: String,
                    frontMatterEnd: Int, places: String, findings: [Diagnostic]) {
            box = Box(blob: blob, baseBlob: baseBlob, id: id, baseID: baseID, version: version, pinned: pinned, outward: outward,
                      frontMatterEnd: frontMatterEnd, places: places, findings: findings)
        }

        public static func == (left: Entry, right: Entry) -> Bool {
            left.box === right.box
                || (left.blob == right.blob && left.baseBlob == right.baseBlob && left.id == right.id && left.baseID == right.baseID
                    && left.version == right.version && left.pinned == right.pinned && left.outward == right.outward
                    && left.frontMatterEnd == right.frontMatterEnd && left.places == right.places && left.findings == right.findings)
        }

        var isDocument: Bool { !outward.isEmpty }
    }

    /// What every entry is valid for: the tool, the kind of check and the settings' blobs.
    public var key: String
    /// Every file of the project's listing, by project-relative path.
    public var files: [String: Entry]
    /// Findings in files outside the listing.
    public var other: [Diagnostic]

    public init(key: String, files: [String: Entry], other: [Diagnostic]) {
        self.key = key
        self.files = files
        self.other = other
    }

    // 4: messages stored typed (key and arguments), not as English text.
    // 5: findings keep their fixes (a `fix` line each, its `edit` lines under it), so that
    // `check --staged` reports what a full check does.
    static let header = "stdkit check cache 5"

    // MARK: - Text form

    /// The cache as text: a line per file, each followed by its findings' lines; fields
    /// separated by tabs, with `\`, tab and line breaks escaped. Made as bytes: it is written
    /// after every check.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(files.count * 256)
        func line(_ fields: String...) {
            for (index, field) in fields.enumerated() {
                if index > 0 { out.append(0x09) }
                Self.escape(field, into: &out)
            }
            out.append(0x0A)
        }
        /// Fields that cannot hold a tab or a line break (blobs, digests, numbers, places).
        func plain(_ field: String) {
            out.append(0x09)
            out.append(contentsOf: field.utf8)
        }
        func add(_ findings: [Diagnostic]) {
            for finding in findings {
                line("finding", finding.rule, finding.severity.rawValue, finding.file, String(finding.location.line),
                     String(finding.location.column), finding.message.serialized, finding.hint.map { "+" + $0.serialized } ?? "-",
                     String(finding.notes.count), String(finding.fixes.count))
                for note in finding.notes {
                    line("note", note.file, String(note.location.line), String(note.location.column), note.message.serialized)
                }
                for fix in finding.fixes {
                    line("fix", fix.title.serialized, String(fix.edits.count))
                    for edit in fix.edits {
                        line("edit", edit.file, String(edit.range.lowerBound.line), String(edit.range.lowerBound.column),
                             String(edit.range.upperBound.line), String(edit.range.upperBound.column), edit.text)
                    }
                }
            }
        }
        line(Self.header)
        line("key", key)
        for (path, entry) in files.sorted(by: { $0.key < $1.key }) {
            out.append(contentsOf: "file\t".utf8)
            Self.escape(path, into: &out)
            // A file's base blob is most often its blob: written "=" (a blob is hexadecimal).
            plain(entry.blob)
            plain(entry.baseBlob == entry.blob ? "=" : entry.baseBlob)
            out.append(0x09)
            Self.escape(entry.id, into: &out)
            out.append(0x09)
            Self.escape(entry.baseID, into: &out)
            out.append(0x09)
            Self.escape(entry.version, into: &out)
            out.append(0x09)
            Self.escape(entry.pinned, into: &out)
            plain(entry.outward)
            plain(String(entry.frontMatterEnd))
            plain(entry.places)
            plain(String(entry.findings.count))
            out.append(0x0A)
            add(entry.findings)
        }
        line("other", String(other.count))
        add(other)
        return out
    }

    /// Reads the text form; nil for anything else (another format, a truncated file).
    public init?(bytes: [UInt8]) {
        // Read as bytes: the cache of a large project has tens of thousands of lines.
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        while let end = bytes[start...].firstIndex(of: 0x0A) {
            lines.append(bytes[start..<end])
            start = end + 1
        }
        // Without a final line break the file was cut short.
        guard start == bytes.count, lines.count >= 3, lines[0].elementsEqual(Self.header.utf8) else { return nil }
        var next = 1
        // The fields between tabs, an empty one kept. A loop over the bytes, not the generic
        // `split`, which was a third of reading the cache of 10,000 files (`check --staged`).
        func fields(_ line: ArraySlice<UInt8>) -> [String] {
            var result: [String] = []
            result.reserveCapacity(12)
            var start = line.startIndex
            var index = line.startIndex
            while index < line.endIndex {
                if line[index] == 0x09 {
                    result.append(Self.unescape(line[start..<index]))
                    start = index + 1
                }
                index += 1
            }
            result.append(Self.unescape(line[start..<line.endIndex]))
            return result
        }
        let keyLine = fields(lines[next])
        next += 1
        guard keyLine.count == 2, keyLine[0] == "key" else { return nil }
        key = keyLine[1]
        files = [:]
        // At most one file per line: room made once rather than grown eleven times.
        files.reserveCapacity(lines.count)
        other = []
        func findings(_ count: Int) -> [Diagnostic]? {
            var result: [Diagnostic] = []
            for _ in 0..<count {
                guard next < lines.count else { return nil }
                let f = fields(lines[next])
                next += 1
                guard f.count == 10, f[0] == "finding", let severity = Severity(rawValue: f[2]), let line = Int(f[4]), let column = Int(f[5]),
                      let noteCount = Int(f[8]), let fixCount = Int(f[9]) else { return nil }
                var notes: [Diagnostic.Note] = []
                for _ in 0..<noteCount {
                    guard next < lines.count else { return nil }
                    let n = fields(lines[next])
                    next += 1
                    guard n.count == 5, n[0] == "note", let line = Int(n[2]), let column = Int(n[3]),
                          let message = Message(serialized: n[4]) else { return nil }
                    notes.append(Diagnostic.Note(file: n[1], location: SourceLocation(line: line, column: column), message: message))
                }
                var fixes: [Fix] = []
                for _ in 0..<fixCount {
                    guard next < lines.count else { return nil }
                    let x = fields(lines[next])
                    next += 1
                    guard x.count == 3, x[0] == "fix", let title = Message(serialized: x[1]), let editCount = Int(x[2]) else { return nil }
                    var edits: [Fix.Edit] = []
                    for _ in 0..<editCount {
                        guard next < lines.count else { return nil }
                        let e = fields(lines[next])
                        next += 1
                        guard e.count == 7, e[0] == "edit", let startLine = Int(e[2]), let startColumn = Int(e[3]),
                              let endLine = Int(e[4]), let endColumn = Int(e[5]) else { return nil }
                        let start = SourceLocation(line: startLine, column: startColumn), end = SourceLocation(line: endLine, column: endColumn)
                        guard start <= end else { return nil }
                        edits.append(Fix.Edit(file: e[1], range: start..<end, text: e[6]))
                    }
                    fixes.append(Fix(title: title, edits: edits))
                }
                var hint: Message?
                if f[7].hasPrefix("+") {
                    guard let read = Message(serialized: String(f[7].dropFirst())) else { return nil }
                    hint = read
                } else if f[7] != "-" {
                    return nil
                }
                guard let message = Message(serialized: f[6]) else { return nil }
                result.append(Diagnostic(rule: f[1], severity: severity, file: f[3], location: SourceLocation(line: line, column: column),
                                         message: message, notes: notes, hint: hint, fixes: fixes))
            }
            return result
        }
        var ended = false
        while next < lines.count, !ended {
            let f = fields(lines[next])
            next += 1
            if f.count == 12, f[0] == "file", let end = Int(f[9]), let count = Int(f[11]), let found = findings(count) {
                files[f[1]] = Entry(blob: f[2], baseBlob: f[3] == "=" ? f[2] : f[3], id: f[4], baseID: f[5], version: f[6],
                                    pinned: f[7], outward: f[8], frontMatterEnd: end, places: f[10], findings: found)
            } else if f.count == 2, f[0] == "other", let count = Int(f[1]), let found = findings(count) {
                other = found
                ended = true
            } else {
                return nil
            }
        }
        guard ended, next == lines.count else { return nil }
    }

    static func escape(_ field: String, into out: inout [UInt8]) {
        guard field.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
            out.append(contentsOf: field.utf8)
            return
        }
        for byte in field.utf8 {
            switch byte {
            case 0x5C: out += [0x5C, 0x5C]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            default: out.append(byte)
            }
        }
    }

    static func unescape(_ field: ArraySlice<UInt8>) -> String {
        guard field.contains(0x5C) else { return String(decoding: field, as: UTF8.self) }
        var result: [UInt8] = []
        var escaped = false
        for byte in field {
            if escaped {
                switch byte {
                case UInt8(ascii: "t"): result.append(0x09)
                case UInt8(ascii: "n"): result.append(0x0A)
                case UInt8(ascii: "r"): result.append(0x0D)
                default: result.append(byte)
                }
                escaped = false
            } else if byte == 0x5C {
                escaped = true
            } else {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    // MARK: - Places

    /// `Outward.places` as stored.
    static func encode(_ places: [SourceLocation]) -> String {
        places.map { "\($0.line):\($0.column)" }.joined(separator: " ")
    }

    static func decode(_ places: String) -> [SourceLocation]? {
        var result: [SourceLocation] = []
        for place in places.split(separator: " ") {
            let parts = place.split(separator: ":")
            guard parts.count == 2, let line = Int(parts[0]), let column = Int(parts[1]) else { return nil }
            result.append(SourceLocation(line: line, column: column))
        }
        return result
    }
}
