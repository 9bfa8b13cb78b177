/// One side reordered items (known by their ids) or sections (known by their headings), the
/// other edited some of them: a line merge sees both touching the same lines and conflicts.
/// Aligning the base and the side that did not reorder to the reordering side's order first
/// leaves only the edits to merge, so each edited item or section lands at its new place.
enum Reorder {
    /// A body as plain lines and units that can move: an item with the indented lines that
    /// continue it, or a section with everything up to the next heading of its level or above.
    enum Piece {
        case line(String)
        case unit(key: String, lines: [String])
    }

    /// How a body is cut into pieces: items, or the sections of one heading level.
    enum Kind: Sendable, Hashable {
        case items
        case sections(level: Int)

        var name: String {
            switch self {
            case .items: return "items"
            case .sections: return "sections"
            }
        }
    }

    /// The kinds worth trying on these bodies: items, and each heading level used.
    static let kinds: [Kind] = [.items] + (1...6).map { Kind.sections(level: $0) }

    /// The three bodies with the units all three share put in the reordering side's order, and
    /// which side reordered; nil when neither or both reordered, or a key is used twice.
    static func align(_ kind: Kind, base: String, ours: String, theirs: String) -> (base: String, ours: String, theirs: String, reordered: String)? {
        guard [base, ours, theirs].allSatisfy({ $0.isEmpty || $0.endsWithLineBreak }) else { return nil }
        let pieces = [base, ours, theirs].map { Self.pieces($0, kind) }
        let orders = pieces.map(keys)
        guard orders.allSatisfy({ Set($0).count == $0.count }) else { return nil }
        let shared = Set(orders[0]).intersection(orders[1]).intersection(orders[2])
        let (b, o, t) = (orders[0].filter(shared.contains), orders[1].filter(shared.contains), orders[2].filter(shared.contains))
        if o != b, t == b {
            return (rearrange(pieces[0], into: o), ours, rearrange(pieces[2], into: o), "ours")
        }
        if t != b, o == b {
            return (rearrange(pieces[0], into: t), rearrange(pieces[1], into: t), theirs, "theirs")
        }
        return nil
    }

    static func pieces(_ text: String, _ kind: Kind) -> [Piece] {
        let lines = LineMerge.lines(text)
        let code = LineRefinement.inCode(lines)
        var result: [Piece] = []
        for (line, inCode) in zip(lines, code) {
            let continues: Bool
            switch kind {
            case .items:
                if !inCode, let id = BlockInsertions.itemID(line) {
                    result.append(.unit(key: id, lines: [line]))
                    continue
                }
                continues = (line.first == " " || line.first == "\t") && !BlockInsertions.isBlank(line)
            case .sections(let level):
                let headingLevel = inCode ? nil : Self.headingLevel(line)
                if headingLevel == level {
                    result.append(.unit(key: LineRefinement.strip(line).trimmingCharacters(in: .whitespaces), lines: [line]))
                    continue
                }
                continues = headingLevel.map { $0 > level } ?? true
            }
            if continues, case .unit(let key, let unit)? = result.last {
                result[result.count - 1] = .unit(key: key, lines: unit + [line])
            } else {
                result.append(.line(line))
            }
        }
        // Blank lines at the end of a unit separate it from the next: they stay in place.
        return result.flatMap { piece -> [Piece] in
            guard case .unit(let key, var lines) = piece else { return [piece] }
            var blanks: [Piece] = []
            while lines.count > 1, let last = lines.last, BlockInsertions.isBlank(last) { blanks.insert(.line(last), at: 0); lines.removeLast() }
            return [.unit(key: key, lines: lines)] + blanks
        }
    }

    /// The level of an ATX heading line (`## 课程目标` → 2), or nil.
    static func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        return rest.first.map { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r\n" } ?? true ? hashes : nil
    }

    static func keys(_ pieces: [Piece]) -> [String] {
        pieces.compactMap { piece in
            if case .unit(let key, _) = piece { return key }
            return nil
        }
    }

    /// The text with the units named in `order` rearranged into that order: each place one of
    /// them held takes the next of `order`, with this text's own lines for it.
    static func rearrange(_ pieces: [Piece], into order: [String]) -> String {
        var units: [String: [String]] = [:]
        for case .unit(let key, let lines) in pieces { units[key] = lines }
        let moving = Set(order)
        var next = order.makeIterator()
        var output = ""
        for piece in pieces {
            switch piece {
            case .line(let line):
                output += line
            case .unit(let key, let lines):
                if moving.contains(key), let placed = next.next(), let unit = units[placed] {
                    output += unit.joined()
                } else {
                    output += lines.joined()
                }
            }
        }
        return output
    }
}
