import StdKitSyntax

/// When both sides changed the same line differently, a closer look before a conflict: a table
/// row merges cell by cell, a paragraph or item sentence by sentence, and the references after
/// an item's arrow as a set. Each refinement proves locally that every piece either side added
/// is in the merged line, or it declines and the conflict stands.
enum LineRefinement {
    /// The merged line, or nil when the sides touched the same piece.
    static func merge(base: String, ours: String, theirs: String) -> String? {
        let ending = ours.hasSuffix("\r\n") ? "\r\n" : (ours.unicodeScalars.last == "\n" ? "\n" : "")
        let (b, o, t) = (strip(base), strip(ours), strip(theirs))
        if isTableRow(o), isTableRow(t), isTableRow(b) {
            return mergeCells(b, o, t).map { $0 + ending }
        }
        return mergeSentences(b, o, t).map { $0 + ending }
    }

    /// Runs of list items or table rows that both sides changed, line for line: each line merged
    /// on its own (one side's change, the same change, or a refinement of the line), so that the
    /// enterprise rewording R1 and the school rewording R2 next to it do not conflict. Lines both
    /// sides changed differently (one run of them) are the conflict, the others merged around it.
    /// Nil when the runs differ in length, a line is not an item or a row on every side, or the
    /// lines that cannot be merged are not one run.
    static func mergeAligned(base: [String], ours: [String], theirs: [String]) -> LineMerge.Resolution? {
        guard base.count > 1, base.count == ours.count, base.count == theirs.count else { return nil }
        var merged: [String?] = []
        var refined = false
        for (b, (o, t)) in zip(base, zip(ours, theirs)) {
            guard [b, o, t].allSatisfy({ BlockInsertions.isListItem($0) || isTableRow(strip($0)) }) else { return nil }
            if o == t || t == b {
                merged.append(o)
            } else if o == b {
                merged.append(t)
            } else {
                let line = merge(base: b, ours: o, theirs: t)
                refined = refined || line != nil
                merged.append(line)
            }
        }
        guard let first = merged.firstIndex(where: { $0 == nil }) else {
            let lines = merged.compactMap { $0 }
            return refined ? .merged(lines) : .separate(lines)
        }
        let last = merged.lastIndex(where: { $0 == nil }) ?? first
        guard merged[first...last].allSatisfy({ $0 == nil }) else { return nil }
        return .narrowed(before: merged[..<first].compactMap { $0 }, ours: Array(ours[first...last]), base: Array(base[first...last]),
                         theirs: Array(theirs[first...last]), after: merged[(last + 1)...].compactMap { $0 })
    }

    /// The lines of `body` inside fenced code blocks (fences included), as written.
    static func fencedLines(_ body: String) -> Set<String> {
        let lines = LineMerge.lines(body)
        return Set(zip(lines, inCode(lines)).filter(\.1).map(\.0))
    }

    /// For each line, whether it is inside a fenced code block (fences included), as CommonMark
    /// finds them: up to three spaces before the fence, no backtick in a backtick fence's info.
    static func inCode(_ lines: [String]) -> [Bool] {
        var result: [Bool] = []
        result.reserveCapacity(lines.count)
        var fence: (character: Character, count: Int)?
        for line in lines {
            let trimmed = line.drop { $0 == " " }
            let marker = trimmed.first.flatMap { $0 == "`" || $0 == "~" ? $0 : nil }
            let run = marker.map { character in trimmed.prefix { $0 == character }.count } ?? 0
            if let open = fence {
                result.append(true)
                if marker == open.character, run >= open.count, trimmed.dropFirst(run).allSatisfy(\.isWhitespace) { fence = nil }
            } else if let marker, run >= 3, line.prefix(while: { $0 == " " }).count < 4,
                      marker == "~" || !trimmed.dropFirst(run).contains("`") {
                result.append(true)
                fence = (marker, run)
            } else {
                result.append(false)
            }
        }
        return result
    }

    /// A paragraph line whose sides changed one sentence differently: the conflict confined to
    /// that sentence (or run of sentences), the sentences before and after merged around it, each
    /// on its own line — still one paragraph. Nil when it is not a plain paragraph line, or the
    /// sides conflict in more than one place.
    static func narrow(base: String, ours: String, theirs: String) -> LineMerge.Resolution? {
        guard [base, ours, theirs].allSatisfy(ParagraphMerge.isProse) else { return nil }
        let ending = ours.hasSuffix("\r\n") ? "\r\n" : "\n"
        let (bp, op, tp) = (split(strip(base)), split(strip(ours)), split(strip(theirs)))
        guard bp.references == nil, op.references == nil, tp.references == nil,
              bp.attributes == nil, op.attributes == nil, tp.attributes == nil else { return nil }
        let merged = LineMerge(base: bp.sentences.map { $0 + "\n" }.joined(), ours: op.sentences.map { $0 + "\n" }.joined(),
                               theirs: tp.sentences.map { $0 + "\n" }.joined(), writeSameLinesOnce: true)
        guard merged.conflicts.count == 1, let conflict = merged.conflicts.first else { return nil }
        let lines = LineMerge.lines(merged.text)
        let start = conflict.line - 1
        let end = start + conflict.ours.count + conflict.base.count + conflict.theirs.count + 4
        let piece = { (sentences: [String]) -> [String] in
            let text = sentences.map(strip).joined()
            return text.isEmpty ? [] : [text + ending]
        }
        let before = piece(Array(lines[..<start])), after = piece(Array(lines[end...]))
        // Nothing to confine when the conflict is the whole line.
        guard !before.isEmpty || !after.isEmpty else { return nil }
        return .narrowed(before: before, ours: piece(conflict.ours), base: piece(conflict.base), theirs: piece(conflict.theirs), after: after)
    }

    static func strip(_ line: String) -> String {
        var text = line
        while let last = text.unicodeScalars.last, last == "\n" || last == "\r" { text.unicodeScalars.removeLast() }
        return text
    }

    static func isTableRow(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.hasPrefix("|") && trimmed.hasSuffix("|") && trimmed.count > 1
    }

    /// The cells of a table row as written, spaces kept (`| a | b |` → `" a "`, `" b "`).
    static func cells(_ row: String) -> [String] {
        Array(strip(row).trimmingCharacters(in: .whitespaces).dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false).map(String.init))
    }

    /// Cells merged one by one; the first cell (the row's key) must be the same on every side.
    static func mergeCells(_ b: String, _ o: String, _ t: String) -> String? {
        let (bc, oc, tc) = (cells(b), cells(o), cells(t))
        guard bc.count == oc.count, oc.count == tc.count, !bc.isEmpty,
              bc[0].trimmingCharacters(in: .whitespaces) == oc[0].trimmingCharacters(in: .whitespaces),
              oc[0].trimmingCharacters(in: .whitespaces) == tc[0].trimmingCharacters(in: .whitespaces) else { return nil }
        var merged: [String] = []
        for index in bc.indices {
            let (x, y, z) = (bc[index], oc[index], tc[index])
            if y == z || z == x { merged.append(y) } else if y == x { merged.append(z) } else { return nil }
        }
        let indentation = o.prefix { $0 == " " }
        return indentation + "|" + merged.joined(separator: "|") + "|"
    }

    /// Sentences merged three-way as a sequence (a sentence ends after 。！？； or after .!?;
    /// and a space); a reference list after an arrow, if any, merged as a set.
    static func mergeSentences(_ b: String, _ o: String, _ t: String) -> String? {
        let (bp, op, tp) = (split(b), split(o), split(t))
        let merged = LineMerge(base: bp.sentences.map { $0 + "\n" }.joined(), ours: op.sentences.map { $0 + "\n" }.joined(),
                               theirs: tp.sentences.map { $0 + "\n" }.joined(), writeSameLinesOnce: true)
        guard merged.conflicts.isEmpty else { return nil }
        var text = LineMerge.lines(merged.text).map(strip).joined()
        // The references: one side's list as written when the other left it; else theirs'
        // additions and removals applied to ours'.
        if op.references == bp.references {
            text += tp.referenceText
        } else if tp.references == bp.references || tp.references == op.references {
            text += op.referenceText
        } else {
            let base = bp.references ?? [], ours = op.references ?? [], theirs = tp.references ?? []
            var references = ours.filter { !(base.contains($0) && !theirs.contains($0)) }
            for reference in theirs where !base.contains(reference) && !references.contains(reference) { references.append(reference) }
            if !references.isEmpty { text += " → " + references.joined(separator: ", ") }
        }
        // Attributes: one side's change, or the same on both; both changed differently declines.
        if op.attributes == tp.attributes || tp.attributes == bp.attributes {
            text += op.attributes ?? ""
        } else if op.attributes == bp.attributes {
            text += tp.attributes ?? ""
        } else {
            return nil
        }
        // Proof: every sentence either side added is in the result.
        for side in [op, tp] {
            for sentence in side.sentences where !bp.sentences.contains(sentence) {
                guard text.contains(sentence) else { return nil }
            }
        }
        return text
    }

    /// A line's sentences (the leading list marker and item id kept with the first), its
    /// references after a final arrow, and a trailing attribute block.
    static func split(_ line: String) -> (sentences: [String], references: [String]?, referenceText: String, attributes: String?) {
        func trimmedEnd(_ text: String, _ end: String.Index) -> String.Index {
            var end = end
            while end > text.startIndex, text[text.index(before: end)] == " " { end = text.index(before: end) }
            return end
        }
        var head = line
        var attributes: String?
        if line.hasSuffix("}"), let open = line.lastIndex(of: "{"), line[open...].contains("=") {
            let cut = trimmedEnd(line, open)
            attributes = String(line[cut...])
            head = String(line[..<cut])
        }
        var references: [String]?
        var referenceText = ""
        var text = Substring(head)
        if let arrow = head.lastArrowRange() {
            let parts = head[arrow.upperBound...].split(whereSeparator: { $0 == "," || $0 == "，" }).map { $0.trimmingCharacters(in: .whitespaces) }
            if !parts.isEmpty, parts.allSatisfy({ ReferenceSyntax.parse($0, at: .start) != nil }) {
                let cut = trimmedEnd(head, arrow.lowerBound)
                references = parts
                referenceText = String(head[cut...])
                text = head[..<cut]
            }
        }
        // A sentence ends after 。！？； or after .!?; followed by a space (so URLs, numbers
        // like 3.5 and file names stay whole); the space goes with the next sentence.
        var sentences: [String] = []
        var current = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            current.append(character)
            index = text.index(after: index)
            let ends = "。！？；".contains(character) || (".!?;".contains(character) && (index == text.endIndex || text[index] == " "))
            if ends {
                sentences.append(current)
                current = ""
            }
        }
        if !current.isEmpty { sentences.append(current) }
        return (sentences, references, referenceText, attributes)
    }
}
