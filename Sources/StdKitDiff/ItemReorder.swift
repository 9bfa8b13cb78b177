/// One side reordered items (known by their ids), the other edited some of them: a line merge
/// sees both touching the same lines and conflicts. Aligning the base and the side that did not
/// reorder to the reordering side's order first leaves only the edits to merge, so each edited
/// item lands at its new place.
enum ItemReorder {
    /// A body as plain lines and items: an item is its line with the indented lines that
    /// continue it.
    enum Piece {
        case line(String)
        case item(id: String, lines: [String])
    }

    /// The three bodies with the items all three share put in the reordering side's order, and
    /// which side reordered; nil when neither or both reordered, or an id is used twice.
    static func align(base: String, ours: String, theirs: String) -> (base: String, ours: String, theirs: String, reordered: String)? {
        guard [base, ours, theirs].allSatisfy({ $0.isEmpty || $0.endsWithLineBreak }) else { return nil }
        let pieces = [base, ours, theirs].map(Self.pieces)
        let orders = pieces.map(ids)
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

    static func pieces(_ text: String) -> [Piece] {
        var result: [Piece] = []
        for line in LineMerge.lines(text) {
            if let id = BlockInsertions.itemID(line) {
                result.append(.item(id: id, lines: [line]))
            } else if case .item(let id, let lines)? = result.last, line.first == " " || line.first == "\t",
                      !BlockInsertions.isBlank(line) {
                result[result.count - 1] = .item(id: id, lines: lines + [line])
            } else {
                result.append(.line(line))
            }
        }
        return result
    }

    static func ids(_ pieces: [Piece]) -> [String] {
        pieces.compactMap { piece in
            if case .item(let id, _) = piece { return id }
            return nil
        }
    }

    /// The text with the items named in `order` rearranged into that order: each place one of
    /// them held takes the next of `order`, with this text's own lines for it.
    static func rearrange(_ pieces: [Piece], into order: [String]) -> String {
        var units: [String: [String]] = [:]
        for case .item(let id, let lines) in pieces { units[id] = lines }
        let moving = Set(order)
        var next = order.makeIterator()
        var output = ""
        for piece in pieces {
            switch piece {
            case .line(let line):
                output += line
            case .item(let id, let lines):
                if moving.contains(id), let placed = next.next(), let unit = units[placed] {
                    output += unit.joined()
                } else {
                    output += lines.joined()
                }
            }
        }
        return output
    }
}
