import Foundation
import StdKitSyntax

/// The outcome of a merge: the text, its conflicts named by place, and whether the merge fell
/// back to lines.
public struct MergeResult: Sendable {
    /// A conflict left in the text.
    public struct Conflict: Sendable, Hashable, Codable {
        /// The 1-based line of its `<<<<<<<` marker.
        public var line: Int
        /// Where it is, as a reader names it: "front matter `status`", "课程目标 › LO3".
        public var place: String
    }

    public var text: String
    public var conflicts: [Conflict]
    /// Why the structured merge was not used, when it was not.
    public var fallback: String?
    /// What the merge did that a reader should know: items renumbered.
    public var notes: [String] = []
    /// Lines the merge rewrote (items renumbered), as a side wrote them → as written.
    public var rewritten: [String: String] = [:]

    public init(text: String, conflicts: [Conflict], fallback: String? = nil) {
        self.text = text
        self.conflicts = conflicts
        self.fallback = fallback
    }

    /// A line merge's result, its conflicts named by the heading they stand under.
    public init(lines merge: LineMerge, fallback: String? = nil) {
        let lines = merge.conflicts.isEmpty ? [] : LineMerge.lines(merge.text)  // only conflicts are placed
        self.text = merge.text
        self.conflicts = merge.conflicts.map { Conflict(line: $0.line, place: Self.place(of: $0, in: lines)) }
        self.fallback = fallback
    }

    /// Where a line conflict is: the headings above it, and the item it touches if one does
    /// ("课程目标 › LO3").
    static func place(of conflict: LineMerge.Conflict, in lines: [String]) -> String {
        let headings = place(ofLine: conflict.line, in: lines)
        guard let id = (conflict.base + conflict.ours + conflict.theirs).lazy.compactMap(BlockInsertions.itemID).first else { return headings }
        return headings == Self.beginning ? id : headings + " › " + id
    }

    static let beginning = "the beginning of the document"

    /// The headings above line `line` (1-based), joined with ›.
    static func place(ofLine line: Int, in lines: [String]) -> String {
        var path: [(level: Int, title: String)] = []
        let before = Array(lines.prefix(max(0, line - 1)))
        // Headings as CommonMark finds them: not in a fenced code block, indented less than four
        // spaces, `#`s then a space (or nothing), a closing run of `#`s not part of the title.
        for (text, inCode) in zip(before, LineRefinement.inCode(before)) where !inCode {
            guard text.prefix(while: { $0 == " " }).count < 4 else { continue }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard trimmed.hasPrefix("#") else { continue }
            let level = trimmed.prefix { $0 == "#" }.count
            guard level <= 6, trimmed.count == level || trimmed.dropFirst(level).first == " " else { continue }
            var title = trimmed.dropFirst(level).trimmingCharacters(in: .whitespaces)
            if let closing = title.range(of: #"(^|\s)#+$"#, options: .regularExpression) {
                title = title[..<closing.lowerBound].trimmingCharacters(in: .whitespaces)
            }
            while let last = path.last, last.level >= level { path.removeLast() }
            path.append((level, title))
        }
        return path.isEmpty ? Self.beginning : path.map(\.title).joined(separator: " › ")
    }

    struct Summary: Encodable {
        var version = "1"
        var file: String
        var clean: Bool
        var fallback: String?
        var notes: [String]
        var conflicts: [Conflict]
    }

    /// The conflicts as data (`--json`).
    public func summary(path: String) -> some Encodable {
        Summary(file: path, clean: conflicts.isEmpty, fallback: fallback, notes: notes, conflicts: conflicts)
    }
}
