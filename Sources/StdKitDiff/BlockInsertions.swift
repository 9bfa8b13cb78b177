import Foundation
import StdKitSyntax

/// Merges what both sides inserted at the same place when it is whole blocks of a kind whose
/// order does not carry meaning between the two sides: list items (both kept, ours first, a line
/// both added once; an item id theirs gave to other text renumbered to the next free id) and
/// sections (both kept, ours first), table rows (both kept, ours first, unless both added a row
/// with the same first cell). Anything else — and anything inside a code block — stays a conflict.
final class BlockInsertions {
    // Pieces of the versions read (no copy): most merges never look inside them.
    let oursBody: Substring
    let theirsBody: Substring

    /// The lines inside code blocks on either side: code is not a list or a section.
    lazy var codeLines: Set<String> = LineRefinement.fencedLines(String(oursBody)).union(LineRefinement.fencedLines(String(theirsBody)))

    /// Every item id the merged document will hold from ours, by id → its line; read only when
    /// both sides inserted at one place, which most merges never do.
    lazy var oursIDs: [String: String] = {
        var ids: [String: String] = [:]
        for line in LineMerge.lines(String(oursBody)) {
            if let id = Self.itemID(line) { ids[id] = ids[id] ?? line }
        }
        return ids
    }()

    init(oursBody: Substring, theirsBody: Substring) {
        self.oursBody = oursBody
        self.theirsBody = theirsBody
    }

    func resolve(ours: [String], theirs: [String]) -> (lines: [String], notes: [String], rewritten: [String: String])? {
        let kind = { (lines: [String]) -> String? in
            guard let first = lines.first(where: { !Self.isBlank($0) }), !self.codeLines.contains(first) else { return nil }
            if lines.allSatisfy({ Self.isListLine($0) }) { return "items" }
            if lines.allSatisfy({ LineRefinement.isTableRow(LineRefinement.strip($0)) }) { return "rows" }
            if first.hasPrefix("#") { return "sections" }
            return nil
        }
        guard let ourKind = kind(ours), ourKind == kind(theirs) else { return nil }
        if ourKind == "rows" {
            // Rows are known by their first cell: both adding a row for the same key is a conflict.
            let ourKeys = Set(ours.map(Self.rowKey))
            guard !theirs.contains(where: { !ours.contains($0) && ourKeys.contains(Self.rowKey($0)) }) else { return nil }
        }
        var result = ours
        var notes: [String] = []
        var rewritten: [String: String] = [:]
        var used = Set(oursIDs.keys)
        var pendingBlank: [String] = []
        // What both added here is written once: an item or a row line by line, each of ours'
        // lines standing for one of theirs (a line theirs added twice and ours once is kept
        // once more); a section only when ours added the very same section, every line of it,
        // each of ours' sections standing for one of theirs in the same way (as a set, one
        // section of ours stood for two of theirs, and the merge depended on which side was
        // ours).
        var unmatched: [String: Int] = [:]
        var skipping = Set<Int>()
        if ourKind == "sections" {
            var ourSections: [[String]: Int] = [:]
            for section in Self.sections(ours) { ourSections[section.map { ours[$0] }.filter { !Self.isBlank($0) }, default: 0] += 1 }
            for section in Self.sections(theirs) {
                let lines = section.map { theirs[$0] }.filter { !Self.isBlank($0) }
                guard let count = ourSections[lines], count > 0 else { continue }
                ourSections[lines] = count - 1
                skipping.formUnion(section)
            }
        } else {
            for line in ours { unmatched[line, default: 0] += 1 }
        }
        for (index, line) in theirs.enumerated() {
            if Self.isBlank(line) { pendingBlank.append(line); continue }
            if ourKind == "sections" {
                if skipping.contains(index) { pendingBlank = []; continue }  // both added this section
            } else if let count = unmatched[line], count > 0 {
                unmatched[line] = count - 1
                pendingBlank = []
                continue  // both added it here
            }
            let original = line
            var line = line
            if let id = Self.itemID(line), used.contains(id) {
                let renumbered = Self.nextFree(after: id, used: used)
                line = line.replacingOccurrences(of: "**\(id)**", with: "**\(renumbered)**")
                rewritten[original] = line
                notes.append("both sides added an item \(id); theirs is now \(renumbered)")
                used.insert(renumbered)
            } else if let id = Self.itemID(line) {
                used.insert(id)
            }
            // A section of theirs starts after a blank line; its own lines stay as theirs wrote them.
            if ourKind == "sections", line.hasPrefix("#"), result.last.map({ !Self.isBlank($0) }) ?? false, pendingBlank.isEmpty { result.append("\n") }
            result += pendingBlank
            pendingBlank = []
            result.append(line)
        }
        result += pendingBlank
        return (result, notes, rewritten)
    }

    /// The sections of inserted lines: each from a heading line to the next, as line numbers
    /// (lines before the first heading are a section of their own).
    static func sections(_ lines: [String]) -> [[Int]] {
        var sections: [[Int]] = []
        for (index, line) in lines.enumerated() {
            if line.hasPrefix("#") || sections.isEmpty { sections.append([]) }
            sections[sections.count - 1].append(index)
        }
        return sections
    }

    /// A table row's first cell, trimmed.
    static func rowKey(_ line: String) -> String {
        LineRefinement.cells(line).first?.trimmingCharacters(in: .whitespaces) ?? ""
    }

    static func isBlank(_ line: String) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r\n" || $0 == "\r" } }

    /// A list item line or its indented continuation, or a blank line.
    static func isListLine(_ line: String) -> Bool {
        isBlank(line) || isListItem(line)
    }

    /// Whether a line starts a list item: `-`, `*` or `+`, or a number with `.` or `)`, then a space.
    static func isListItem(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " }
        if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") || trimmed.hasPrefix("+ ") { return true }
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        return !digits.isEmpty && (trimmed.dropFirst(digits.count).hasPrefix(". ") || trimmed.dropFirst(digits.count).hasPrefix(") "))
    }

    /// The id of an item line: `- **LO3** …`.
    static func itemID(_ line: String) -> String? {
        var rest = Substring(line).drop { $0 == " " }
        if rest.hasPrefix("- ") || rest.hasPrefix("* ") || rest.hasPrefix("+ ") {
            rest = rest.dropFirst(2)
        } else {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { return nil }
            rest = rest.dropFirst(digits.count + 2)
        }
        guard rest.hasPrefix("**"), let end = rest.dropFirst(2).range(of: "**") else { return nil }
        let id = String(rest.dropFirst(2)[..<end.lowerBound])
        return Identifier.isValidItem(id) ? id : nil
    }

    /// The next id with the same letters and a number no id uses: `LO3` → `LO5` when LO4 is taken.
    static func nextFree(after id: String, used: Set<String>) -> String {
        let letters = String(id.prefix { !$0.isNumber })
        var number = used.compactMap { other -> Int? in
            guard other.hasPrefix(letters) else { return nil }
            return Int(other.dropFirst(letters.count))
        }.max() ?? 0
        repeat { number += 1 } while used.contains("\(letters)\(number)")
        return "\(letters)\(number)"
    }
}
