/// The syntax of document and item ids.
///
/// An id starts with an ASCII letter, followed by ASCII letters, digits, `-`, `_` or `.`. An item
/// id must also hold a digit (`R1`, `LO2`, `U3`), so that a bold lead word such as **Note** at
/// the start of a list item is not mistaken for an item.
public enum Identifier {
    /// Whether `text` is a well-formed document id.
    public static func isValid(_ text: some StringProtocol) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next(), first.isASCIILetter else { return false }
        while let scalar = scalars.next() {
            guard scalar.isASCIILetter || scalar.isASCIIDigit || scalar == "-" || scalar == "_" || scalar == "." else {
                return false
            }
        }
        return true
    }

    /// Whether `text` is a well-formed item id.
    public static func isValidItem(_ text: some StringProtocol) -> Bool {
        isValid(text) && text.unicodeScalars.contains(where: \.isASCIIDigit)
    }

    /// The key under which two ids collide: ids that differ only by case are the same document.
    public static func collisionKey(_ id: String) -> String { id.lowercased() }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
