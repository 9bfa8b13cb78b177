import Foundation
import StdKitSyntax

/// The merge of one document: front matter key by key (set-like lists as sets, untouched entries
/// and comments byte for byte from ours), the body line by line; then a verifier that proves
/// nothing either side wrote was dropped. Whatever it cannot do safely — conflict markers or
/// invalid YAML in an input, front matter on one side only, a failed proof — falls back to the
/// line merge of the whole file, and says so.
public enum DocumentMerge {
    public static func merge(base: String, ours: String, theirs: String, markers: LineMerge.Markers = LineMerge.Markers()) -> MergeResult {
        func fallback(_ reason: String) -> MergeResult {
            MergeResult(lines: LineMerge(base: base, ours: ours, theirs: theirs, markers: markers), fallback: reason + "; merged line by line")
        }
        for (name, text) in [("base", base), ("ours", ours), ("theirs", theirs)] where hasConflictMarkers(text) {
            return fallback("\(name) already holds conflict markers")
        }
        var parts = [base, ours, theirs].map(Parts.init)
        // A file both sides added (git's add/add) has an empty base: two additions to nothing.
        if parts[0].frontMatter == nil, parts[0].body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
           parts[1].frontMatter != nil, parts[2].frontMatter != nil {
            parts[0] = Parts(bom: parts[1].bom, frontMatter: "---\n---\n", body: "")
        }
        guard parts.allSatisfy({ $0.frontMatter == nil }) || parts.allSatisfy({ $0.frontMatter != nil }) else {
            return fallback("front matter is on one side only")
        }
        guard parts[1].bom == parts[2].bom || parts[0].frontMatter == nil else {
            return fallback("one side added or removed a byte-order mark")
        }
        var text = parts[1].bom ? "\u{FEFF}" : ""
        var conflicts: [MergeResult.Conflict] = []
        if let b = parts[0].frontMatter, let o = parts[1].frontMatter, let t = parts[2].frontMatter {
            guard let merged = FrontMatterMerge(base: b, ours: o, theirs: t, markers: markers) else {
                return fallback("front matter is not valid YAML on some side")
            }
            text += merged.text
            conflicts = merged.conflicts.map { MergeResult.Conflict(line: $0.line, place: "front matter `\($0.key)`") }
        }
        let prefixLines = LineMerge.lines(text).count
        let body = LineMerge(base: parts[0].body, ours: parts[1].body, theirs: parts[2].body, markers: markers)
        let bodyLines = LineMerge.lines(body.text)
        for conflict in body.conflicts {
            conflicts.append(MergeResult.Conflict(line: prefixLines + conflict.line, place: MergeResult.place(ofLine: conflict.line, in: bodyLines)))
        }
        text += body.text
        let result = MergeResult(text: text, conflicts: conflicts)
        guard verify(parts: parts, result: text) else {
            return fallback("the structured merge could not prove that nothing was lost")
        }
        return result
    }

    /// Whether `result` keeps everything ours and theirs wrote (see `Verifier`).
    public static func verify(base: String, ours: String, theirs: String, result: String) -> Bool {
        var parts = [base, ours, theirs].map(Parts.init)
        if parts[0].frontMatter == nil, parts[1].frontMatter != nil { parts[0].frontMatter = "---\n---\n" }
        return verify(parts: parts, result: result)
    }

    static func verify(parts: [Parts], result: String) -> Bool {
        let merged = Parts(result)
        return Verifier.nothingLost(base: parts[0].body, ours: parts[1].body, theirs: parts[2].body, result: merged.body)
            && Verifier.frontMatterKept(base: parts[0].frontMatter, ours: parts[1].frontMatter, theirs: parts[2].frontMatter,
                                        result: merged.frontMatter)
    }

    static func hasConflictMarkers(_ text: String) -> Bool {
        LineMerge.lines(text).contains { line in
            line.hasPrefix("<<<<<<< ") || line.hasPrefix(">>>>>>> ") || line == "=======\n" || line == "=======\r\n" || line.hasPrefix("||||||| ")
        }
    }

    /// A file as front matter (delimiters included, as written) and body.
    struct Parts {
        var bom: Bool
        var frontMatter: String?
        var body: String

        init(bom: Bool, frontMatter: String?, body: String) {
            self.bom = bom
            self.frontMatter = frontMatter
            self.body = body
        }

        init(_ text: String) {
            var text = text
            bom = text.hasPrefix("\u{FEFF}")
            if bom { text.removeFirst() }
            let lines = LineMerge.lines(text)
            let isDelimiter = { (line: String, dots: Bool) -> Bool in
                let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
                return trimmed == "---" || (dots && trimmed == "...")
            }
            guard let first = lines.first, isDelimiter(first, false),
                  let closing = lines.indices.dropFirst().first(where: { isDelimiter(lines[$0], true) }) else {
                frontMatter = nil
                body = text
                return
            }
            frontMatter = lines[0...closing].joined()
            body = lines[(closing + 1)...].joined()
        }
    }
}

/// Proves that a merge lost nothing: every line either side added (not in the base) is in the
/// result as often as that side has it, and every line either side kept from the base is in the
/// result unless the other side removed it.
enum Verifier {
    static func nothingLost(base: String, ours: String, theirs: String, result: String) -> Bool {
        let b = counts(base), o = counts(ours), t = counts(theirs), r = counts(result)
        for (line, count) in o {
            let added = count - (b[line] ?? 0)
            if added > 0, (r[line] ?? 0) < added { return false }
        }
        for (line, count) in t {
            let added = count - (b[line] ?? 0)
            if added > 0, (r[line] ?? 0) < added { return false }
        }
        return true
    }

    /// Every front-matter entry of ours and theirs is in the result with that side's value, or
    /// with the other side's where this side left it as in the base, or (for set-like lists) with
    /// every element this side added, or inside a conflict; an entry is missing only when one side
    /// deleted it and the other left it as in the base.
    static func frontMatterKept(base: String?, ours: String?, theirs: String?, result: String?) -> Bool {
        guard let ours, let theirs else { return true }
        guard let b = FrontMatterMerge.Block(base ?? "---\n---\n"), let o = FrontMatterMerge.Block(ours),
              let t = FrontMatterMerge.Block(theirs) else { return true }  // not structured: nothing was merged by key
        guard let result else { return false }
        guard let r = FrontMatterMerge.Block(result) else {
            // Conflict markers: each entry of each side is in the text as written, or agreed.
            return (o.entries + t.entries).allSatisfy { entry in result.contains(entry.text) || r(entry.key, in: result) }
        }
        for (side, other) in [(o, t), (t, o)] {
            for entry in side.entries {
                let base = b.entry(entry.key)
                if let kept = r.entry(entry.key) {
                    if kept.value == entry.value || kept.value == other.entry(entry.key)?.value { continue }
                    if FrontMatterMerge.setLike.contains(entry.key) {
                        let added = Set(entry.node.sequence?.compactMap(\.scalar) ?? []).subtracting(base?.node.sequence?.compactMap(\.scalar) ?? [])
                        if added.isSubset(of: Set(kept.node.sequence?.compactMap(\.scalar) ?? [])) { continue }
                    }
                    return false
                }
                // Missing: the other side deleted it and this side left it as it was.
                guard entry.value == base?.value, other.entry(entry.key) == nil else { return false }
            }
        }
        return true
    }

    private static func r(_ key: String, in text: String) -> Bool { text.contains("\n\(key):") }

    /// Lines by content (line endings and trailing space ignored), counted; blank lines and
    /// YAML/Markdown punctuation alone carry no content to lose.
    static func counts(_ text: String) -> [String: Int] {
        var result: [String: Int] = [:]
        for line in LineMerge.lines(text) {
            let key = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !key.isEmpty, key != "---", key != "..." else { continue }
            result[key, default: 0] += 1
        }
        return result
    }
}
