import Foundation
import StdKitSyntax

/// The verifier's proof for front matter merged key by key, at any depth: every change a side
/// made to the base — a value set, a key added or removed, an element of a keyed list (`id`,
/// `party`) added, edited or removed, an element added to a set-like list — is in the result, or
/// inside a conflict. A conflict counts as holding a side's changes when the result, each
/// conflict resolved to that side, holds them; so each side is checked against the result with
/// its conflicts resolved its way, which must be valid YAML.
enum FrontMatterProof {
    enum Side { case ours, theirs }

    static func kept(base: String?, ours: String?, theirs: String?, result: String?) -> Bool {
        guard let ours, let theirs else { return true }
        guard let b = root(base ?? "---\n---\n"), let o = root(ours), let t = root(theirs) else {
            return true  // not structured: nothing was merged by key
        }
        guard let result, let asOurs = resolved(result, to: .ours).flatMap(root),
              let asTheirs = resolved(result, to: .theirs).flatMap(root) else { return false }
        return changesKept(base: b, side: o, other: t, result: asOurs, path: [])
            && changesKept(base: b, side: t, other: o, result: asTheirs, path: [])
    }

    /// A front matter block (delimiters included) as one mapping of its top-level entries.
    static func root(_ raw: String) -> YAMLNode? {
        guard let block = FrontMatterMerge.Block(raw) else { return nil }
        let pairs = block.entries.map { entry in
            YAMLNode.Pair(key: YAMLNode(.scalar(entry.key, .plain), at: SourceLocation(line: entry.line, column: 1)), value: entry.node)
        }
        return YAMLNode(.mapping(pairs), at: SourceLocation(line: 1, column: 1))
    }

    /// `text` with each conflict (git's diff3 markers, of any size from 7) replaced by one side's
    /// section; nil when a conflict is not closed.
    static func resolved(_ text: String, to side: Side) -> String? {
        enum Section { case outside, ours, base, theirs }
        func marker(_ line: String, _ character: Character) -> Bool {
            let content = line.trimmingCharacters(in: .newlines)
            let run = content.prefix { $0 == character }.count
            guard run >= 7 else { return false }
            let rest = content.dropFirst(run)
            return rest.isEmpty || (character != "=" && rest.first == " ")
        }
        var output = ""
        var section = Section.outside
        for line in LineMerge.lines(text) {
            switch section {
            case .outside where marker(line, "<"): section = .ours
            case .ours where marker(line, "|"): section = .base
            case .ours where marker(line, "="), .base where marker(line, "="): section = .theirs
            case .theirs where marker(line, ">"): section = .outside
            case .outside: output += line
            case .ours: if side == .ours { output += line }
            case .base: break
            case .theirs: if side == .theirs { output += line }
            }
        }
        return section == .outside ? output : nil
    }

    /// Whether every change `side` made to `base` at `path` is in `result`. Where both sides left
    /// a value as in the base, the result must hold it as it was.
    static func changesKept(base: YAMLNode?, side: YAMLNode?, other: YAMLNode?, result: YAMLNode?, path: [String]) -> Bool {
        func same(_ a: YAMLNode?, _ b: YAMLNode?) -> Bool { a.map(FrontMatterMerge.Block.signature) == b.map(FrontMatterMerge.Block.signature) }
        if let side, let base, same(side, base) {
            if let other, same(other, base) { return same(result, base) }
            return true  // the other side's change is proven in its turn
        }
        guard let side else {
            // Removed by this side: gone, unless the other side changed it (then it is a
            // conflict, and resolved this side's way it would be gone).
            guard base != nil else { return true }
            return result == nil || (other != nil && !same(other, base))
        }
        if same(side, result) { return true }
        guard let result else { return false }
        if let sides = side.mapping, result.mapping != nil {
            var keys = sides.compactMap(\.key.scalar)
            for key in (base?.mapping ?? []).compactMap(\.key.scalar) where !keys.contains(key) { keys.append(key) }
            return keys.allSatisfy { key in
                changesKept(base: base?[key], side: side[key], other: other?[key], result: result[key], path: path + [key])
            }
        }
        if let elements = side.sequence, let kept = result.sequence {
            if path.count == 1, FrontMatterMerge.setLike.contains(path[0]) {
                // A set: what this side added is there, and what it removed is not (the other
                // side cannot have added a value the base already had).
                let mine = Set(elements.compactMap(\.scalar))
                let before = Set(base?.sequence?.compactMap(\.scalar) ?? [])
                let written = Set(kept.compactMap(\.scalar))
                return mine.subtracting(before).isSubset(of: written) && before.subtracting(mine).isDisjoint(with: written)
            }
            let lists = [elements, kept] + [base, other].compactMap { $0?.sequence }
            guard let key = NestedMerge.listKey(lists) else { return false }
            func byKey(_ list: [YAMLNode]?) -> [String: YAMLNode] {
                Dictionary((list ?? []).compactMap { node in node[key]?.scalar.map { ($0, node) } }, uniquingKeysWith: { first, _ in first })
            }
            let (b, s, o, r) = (byKey(base?.sequence), byKey(elements), byKey(other?.sequence), byKey(kept))
            return Set(b.keys).union(s.keys).allSatisfy { id in
                changesKept(base: b[id], side: s[id], other: o[id], result: r[id], path: path + [id])
            }
        }
        return false
    }
}
