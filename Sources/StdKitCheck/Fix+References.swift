import StdKitModel
import StdKitSyntax

extension Fix {
    /// The fix that puts `id` (a did-you-mean, a replacement) for the reference's document part,
    /// when the reference then resolves as written (its item there, of a kind it may point at):
    /// a fix that only trades this finding for another is none. A pinned reference is left
    /// alone, its pin being the writer's statement about one document's versions.
    static func pointing(_ reference: Reference, toDocument id: String?, resolvesTo target: Document?, in document: Document) -> [Fix] {
        guard let id, let target, let old = reference.syntax.document, reference.syntax.pin == nil,
              reference.syntax.item.map({ target.item($0) != nil }) ?? true,
              reference.allowedTargets.isEmpty || WrongTargetKind.allows(reference.allowedTargets, kind: target.kind, item: reference.syntax.item),
              let fix = replacing(old, with: id, at: reference.syntax.location, in: document, inYAML: reference.isInFrontMatter)
        else { return [] }
        return [fix]
    }

    /// The fix that puts `id` for the reference's item part (after its `#`), an item of `target`.
    static func pointing(_ reference: Reference, toItem id: String?, of target: Document, in document: Document) -> [Fix] {
        guard let id, let old = reference.syntax.item, target.item(id) != nil,
              reference.allowedTargets.isEmpty || WrongTargetKind.allows(reference.allowedTargets, kind: target.kind, item: id),
              let hash = reference.syntax.text.firstIndex(of: "#"),
              let fix = replacing(old, with: id, after: String(reference.syntax.text[...hash]), at: reference.syntax.location,
                                  in: document, inYAML: reference.isInFrontMatter)
        else { return [] }
        return [fix]
    }

    /// The fix that puts `new` for a front-matter scalar (a key or a value), none for nil.
    static func replacing(_ node: YAMLNode, with new: String?, in document: Document) -> [Fix] {
        replacing(node, with: new, inText: document.text, file: document.path)
    }

    /// `Fix.replacing(_:with:after:at:inText:file:inYAML:)` in a document's text.
    static func replacing(
        _ old: String, with new: String, after prefix: String = "", at location: SourceLocation, in document: Document, inYAML: Bool
    ) -> Fix? {
        replacing(old, with: new, after: prefix, at: location, inText: document.text, file: document.path, inYAML: inYAML)
    }
}

extension Reference {
    /// Whether the reference is a front-matter value (YAML), not written after an item's arrow.
    var isInFrontMatter: Bool {
        if case .field = origin { return true }
        return false
    }
}
