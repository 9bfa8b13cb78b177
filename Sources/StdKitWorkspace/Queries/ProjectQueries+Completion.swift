import Foundation
import StdKitModel
import StdKitSyntax

/// What may be typed at a place: ids after a reference arrow or in a reference field, item ids
/// after `#`, enum values, party ids, upstream prefixes. Nothing in plain prose: a candidate
/// list that pops up while an author writes a sentence is noise.
extension ProjectQueries {
    func completion(_ path: String, at location: SourceLocation) -> [CompletionCandidate] {
        guard let document = document(atPath: path) else { return [] }
        let buffer = TextBuffer(document.text)
        guard let line = buffer.lineText(location.line - 1) else { return [] }
        let scalars = Array(line.unicodeScalars)
        let cursor = max(0, min(location.column - 1, scalars.count))
        var start = cursor
        while start > 0, Self.isReferenceScalar(scalars[start - 1]) { start -= 1 }
        let typed = String(String.UnicodeScalarView(scalars[start..<cursor]))
        let typedRange = SourceLocation(line: location.line, column: start + 1)..<SourceLocation(line: location.line, column: cursor + 1)
        let before = Array(scalars[..<start])
        if location.line > 1, location.line < frontMatterEnd(of: buffer) {
            return frontMatterCompletion(document, buffer: buffer, line: location.line, before: before, typed: typed, range: typedRange)
        }
        return bodyCompletion(document, line: location.line, lineText: line, before: before, typed: typed, range: typedRange)
    }

    // MARK: - Body

    /// After `→ `, `-> ` or a comma of an item's reference list.
    private func bodyCompletion(_ document: Document, line: Int, lineText: String, before: [Unicode.Scalar], typed: String, range: SourceRange) -> [CompletionCandidate] {
        // `- **O1** …`, `1. **O1** …`, `### **U3** …`: only a line that opens an item has references.
        guard lineText.firstMatch(of: /^\s*(?:[-*+]|[0-9]+[.)]|#{1,6})\s+\*\*[A-Za-z][A-Za-z0-9._-]*\*\*/) != nil else { return [] }
        var end = before.count
        while end > 0, before[end - 1].properties.isWhitespace { end -= 1 }
        guard end > 0 else { return [] }
        let last = before[end - 1]
        let afterArrow = last == "→" || (last == ">" && end > 1 && before[end - 2] == "-")
        let afterComma = (last == "," || last == "，") && Self.containsArrow(before[..<(end - 1)])
        guard afterArrow || afterComma else { return [] }
        var allowed: [String] = []
        if let item = document.items.first(where: { $0.location.line == line }),
           let kind = project.schemas.schema(for: document.kind)?.itemKind(of: item.id) {
            allowed = kind.references
        }
        return referenceCandidates(typed: typed, range: range, allowed: allowed, from: document)
    }

    private static func containsArrow(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        var previous: Unicode.Scalar?
        for scalar in scalars {
            if scalar == "→" || (scalar == ">" && previous == "-") { return true }
            previous = scalar
        }
        return false
    }

    static func isReferenceScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || scalar == "-" || scalar == "_" || scalar == "." || scalar == ":" || scalar == "#" || scalar == "@"
    }

    // MARK: - References

    /// The candidates for a reference being typed (`typed`, written over `range`) from
    /// `document`: documents of the `allowed` kinds (`course`, `job-profile#R`; any when empty)
    /// and upstream prefixes; an upstream's documents after `ns:`; a document's items after `#`.
    func referenceCandidates(typed: String, range: SourceRange, allowed: [String], from document: Document) -> [CompletionCandidate] {
        let kinds = Set(allowed.map { $0.split(separator: "#", maxSplits: 1).first.map(String.init) ?? $0 })
        func isAllowed(_ target: Document) -> Bool { kinds.isEmpty || kinds.contains(target.kind) }
        if let hash = typed.firstIndex(of: "#") {
            var documentPart = typed[..<hash]
            if let at = documentPart.firstIndex(of: "@") { documentPart = documentPart[..<at] }
            let target = documentPart.isEmpty ? document : project.document(String(documentPart))
            guard let target else { return [] }
            let itemTyped = typed[typed.index(after: hash)...]
            let itemRange = SourceLocation(line: range.upperBound.line, column: range.upperBound.column - itemTyped.unicodeScalars.count)..<range.upperBound
            let prefixes = Set(allowed.compactMap { entry -> String? in
                let parts = entry.split(separator: "#", maxSplits: 1)
                return parts.count == 2 && parts[0] == target.kind ? String(parts[1]) : nil
            })
            let schema = project.schemas.schema(for: target.kind)
            return target.items.filter { item in
                Self.hasPrefix(item.id, itemTyped) && (prefixes.isEmpty || schema?.itemKind(of: item.id).map { prefixes.contains($0.prefix) } == true)
            }
            .map { CompletionCandidate(kind: .item, label: $0.id, detail: $0.text, replacing: itemRange) }
        }
        if let colon = typed.firstIndex(of: ":") {
            let prefix = String(typed[..<colon])
            guard project.upstream(prefix) != nil else { return [] }
            let idTyped = typed[typed.index(after: colon)...]
            let idRange = SourceLocation(line: range.upperBound.line, column: range.upperBound.column - idTyped.unicodeScalars.count)..<range.upperBound
            return project.upstreamDocumentsSeen.compactMap { upstreamDocument -> CompletionCandidate? in
                guard let key = upstreamDocument.id, case let (upstream, id)? = ReferenceSyntax.splitUpstream(key), upstream == prefix,
                      Self.hasPrefix(id, idTyped), isAllowed(upstreamDocument) else { return nil }
                return CompletionCandidate(kind: .document, label: id, detail: upstreamDocument.title ?? "", replacing: idRange)
            }
            .sorted { $0.label.precedesInUTF8($1.label) }
        }
        var candidates = project.documents.compactMap { target -> CompletionCandidate? in
            guard let id = target.id, !target.isPage, isAllowed(target), Self.hasPrefix(id, typed) else { return nil }
            return CompletionCandidate(kind: .document, label: id, detail: target.title ?? "", replacing: range)
        }
        .sorted { $0.label.precedesInUTF8($1.label) }
        for upstream in project.upstreams where Self.hasPrefix(upstream.declaration.id + ":", typed) {
            let name = upstream.project?.config.name ?? upstream.declaration.path
            candidates.append(CompletionCandidate(kind: .upstream, label: upstream.declaration.id + ":", detail: name, replacing: range))
        }
        return candidates
    }

    /// Whether `id` starts with what was typed, case aside (an author types `job-` for `JOB-`).
    static func hasPrefix(_ id: String, _ typed: some StringProtocol) -> Bool {
        typed.isEmpty || id.lowercased().hasPrefix(typed.lowercased())
    }

    // MARK: - Front matter

    /// In a field's value: the values of an enum, the project's parties, references.
    private func frontMatterCompletion(_ document: Document, buffer: TextBuffer, line: Int, before: [Unicode.Scalar], typed: String, range: SourceRange) -> [CompletionCandidate] {
        // While a value is half typed (an open quote) the YAML may not read, and the document
        // is then a page: its `kind:` line still says which schema applies.
        var kind = document.kind
        if document.isPage {
            for index in 1..<max(1, frontMatterEnd(of: buffer) - 1) {
                if let match = buffer.lineText(index)?.firstMatch(of: /^kind:\s*([A-Za-z0-9_-]+)\s*$/) { kind = String(match.output.1) }
            }
        }
        guard let key = fieldKey(buffer: buffer, line: line, before: before), let top = topKey(buffer: buffer, line: line),
              let schema = project.schemas.schema(for: kind), let field = schema.field(top) else { return [] }
        guard var type = key == top ? field.type : Self.nested(key, in: field.type) else { return [] }
        while case .list(let element) = type { type = element.type }
        switch type {
        case .enumeration(let values):
            return values.filter { Self.hasPrefix($0, typed) }.map { CompletionCandidate(kind: .value, label: $0, detail: key, replacing: range) }
        case .party:
            return project.config.parties.filter { Self.hasPrefix($0.id, typed) }.map { CompletionCandidate(kind: .party, label: $0.id, detail: $0.name, replacing: range) }
        case .reference(let targets):
            return referenceCandidates(typed: typed, range: range, allowed: targets, from: document)
        default:
            return []
        }
    }

    /// The key whose value is being typed: `key: |`, `key: [a, |`, `{party: |`, or a block list's
    /// `- |` under `key:`. Nil where a key itself is being typed.
    private func fieldKey(buffer: TextBuffer, line: Int, before: [Unicode.Scalar]) -> String? {
        var end = before.count
        while end > 0, before[end - 1] == " " || before[end - 1] == "\"" || before[end - 1] == "'" { end -= 1 }
        guard end > 0 else { return nil }
        switch before[end - 1] {
        case ":":
            return Self.word(before: end - 1, in: before)
        case "[", ",":
            // The bracket that holds the value: a flow list's key is before its `[`.
            var depth = 0
            var index = end - 1
            while index >= 0 {
                let scalar = before[index]
                if scalar == "]" || scalar == "}" { depth += 1 }
                if scalar == "[" || scalar == "{" {
                    if depth == 0 {
                        guard scalar == "[" else { return nil }
                        var colon = index
                        while colon > 0, before[colon - 1] == " " { colon -= 1 }
                        guard colon > 0, before[colon - 1] == ":" else { return nil }
                        return Self.word(before: colon - 1, in: before)
                    }
                    depth -= 1
                }
                index -= 1
            }
            return nil
        case "-":
            guard before[..<(end - 1)].allSatisfy({ $0 == " " }) else { return nil }
            let indent = end - 1
            var above = line - 1
            while above >= 2, let text = buffer.lineText(above - 1) {
                let scalars = Array(text.unicodeScalars)
                let textIndent = scalars.prefix(while: { $0 == " " }).count
                if scalars.count > textIndent, scalars[textIndent] == "-", textIndent == indent { above -= 1; continue }
                if textIndent > indent { above -= 1; continue }
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasSuffix(":") else { return nil }
                let keyText = trimmed.dropLast().drop(while: { $0 == "-" || $0 == " " })
                return keyText.isEmpty ? nil : String(keyText)
            }
            return nil
        default:
            return nil
        }
    }

    /// The top-level field a line of front matter is in: its own key at indent 0, else the
    /// nearest such key above.
    private func topKey(buffer: TextBuffer, line: Int) -> String? {
        var current = line
        while current >= 2, let text = buffer.lineText(current - 1) {
            if let match = text.firstMatch(of: /^([A-Za-z_][A-Za-z0-9_-]*)\s*:/) { return String(match.output.1) }
            current -= 1
        }
        return nil
    }

    /// The schema of the field `name` somewhere inside `type` (a list's mappings, a mapping's
    /// fields): `party` inside `approvals`, `id` inside a programme's `courses`.
    static func nested(_ name: String, in type: FieldSchema.FieldType) -> FieldSchema.FieldType? {
        switch type {
        case .list(let element): return nested(name, in: element.type)
        case .partyMap(let value): return nested(name, in: value.type)
        case .mapping(let fields):
            if let field = fields.first(where: { $0.name == name }) { return field.schema.type }
            for field in fields { if let found = nested(name, in: field.schema.type) { return found } }
            return nil
        default: return nil
        }
    }

    /// The key that ends just before `end` in `scalars` (letters, digits, `_`, `-`).
    private static func word(before end: Int, in scalars: [Unicode.Scalar]) -> String? {
        var start = end
        while start > 0 {
            let scalar = scalars[start - 1]
            guard ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-" else { break }
            start -= 1
        }
        guard start < end else { return nil }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}
