import StdKitModel

/// Names Word requires, made from stdkit's ids.
public enum DocxNames {
    /// The longest bookmark name Word keeps.
    public static let bookmarkLimit = 40

    /// The visible bookmark of an item or document: its full id (`COURSE-ROBOT-PROG#LO1`) with
    /// every character other than an ASCII letter, digit or `_` made `_`
    /// (`COURSE_ROBOT_PROG_LO1`), starting with a letter (Word hides names starting with `_`
    /// and refuses a digit), at most 40 characters: a longer one keeps its start and ends in
    /// `_` and eight hex digits of the id's SHA-256, so two long ids sharing a start stay apart.
    public static func bookmark(for fullID: String) -> String {
        var name = String(String.UnicodeScalarView(fullID.unicodeScalars.map { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_") ? scalar : "_"
        }))
        if !(name.unicodeScalars.first.map { $0.isASCII && $0.properties.isAlphabetic } ?? false) {
            name = "B" + name
        }
        // Ids that are not plain ASCII (a Chinese id) or that map onto another id's name are
        // told apart by the hash as well.
        guard name.count > bookmarkLimit || !fullID.unicodeScalars.allSatisfy(\.isASCII) else { return name }
        let hash = Digests.sha256(Array(fullID.utf8)).prefix(8)
        return String(name.prefix(bookmarkLimit - 9)) + "_" + hash
    }
}
