import StdKitSyntax

/// A heading of a document and the part of the body it opens.
public struct Section: Sendable, Hashable {
    public var level: Int
    public var title: String
    /// The anchor a published page gives the heading (GitHub's rules; CJK kept).
    public var anchor: String
    public var location: SourceLocation
    /// The item the heading declares (`### **U3** …`), if it is one.
    public var itemID: String?
    /// Whether any block other than a heading follows before the next heading.
    public var hasContent: Bool

    public init(level: Int, title: String, anchor: String, location: SourceLocation, itemID: String? = nil, hasContent: Bool = true) {
        self.level = level
        self.title = title
        self.anchor = anchor
        self.location = location
        self.itemID = itemID
        self.hasContent = hasContent
    }

    /// The anchor of a heading text: lower case, spaces to `-`, punctuation dropped; letters of
    /// any script kept.
    public static func anchor(for title: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in title.lowercased().unicodeScalars {
            if scalar == " " || scalar == "-" {
                result.append("-")
            } else if scalar.isASCII {
                // The Unicode properties of ASCII, without looking them up for every heading.
                if scalar == "_" || ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { result.append(scalar) }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
