/// A reference as written: `DOC`, `DOC#ITEM`, `#ITEM` or `DOC@2#ITEM` (and `DOC@2`).
public struct ReferenceSyntax: Sendable, Hashable {
    /// The text as written, trimmed.
    public var text: String
    /// The document id, nil for `#ITEM` (an item of the same document).
    public var document: String?
    /// The pinned major version, for `DOC@2#ITEM`.
    public var pin: Int?
    /// The item id, nil for a reference to a whole document.
    public var item: String?
    /// Where the reference starts.
    public var location: SourceLocation

    public init(text: String, document: String?, pin: Int?, item: String?, location: SourceLocation) {
        self.text = text
        self.document = document
        self.pin = pin
        self.item = item
        self.location = location
    }

    /// Parses one reference, or returns nil when `text` is not of a reference's form.
    public static func parse(_ text: String, at location: SourceLocation) -> ReferenceSyntax? {
        let trimmed = text.trimmingWhitespace()
        var documentPart = Substring(trimmed)
        var item: String?
        if let hash = trimmed.firstIndex(of: "#") {
            let itemPart = trimmed[trimmed.index(after: hash)...]
            guard Identifier.isValid(itemPart) else { return nil }
            item = String(itemPart)
            documentPart = trimmed[..<hash]
        }
        var pin: Int?
        if let at = documentPart.firstIndex(of: "@") {
            let pinPart = documentPart[documentPart.index(after: at)...]
            guard !pinPart.isEmpty, pinPart.unicodeScalars.allSatisfy(\.isASCIIDigit), let major = Int(pinPart) else {
                return nil
            }
            pin = major
            documentPart = documentPart[..<at]
            guard !documentPart.isEmpty else { return nil }
        }
        if documentPart.isEmpty {
            guard item != nil else { return nil }
            return ReferenceSyntax(text: trimmed, document: nil, pin: nil, item: item, location: location)
        }
        guard Identifier.isValid(documentPart) else { return nil }
        return ReferenceSyntax(text: trimmed, document: String(documentPart), pin: pin, item: item, location: location)
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space (including full-width spaces).
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(self[first...last])
    }
}
