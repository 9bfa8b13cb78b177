import StdKitSyntax

/// The digest an approval is bound to: SHA-256 of the document's normalized content, without its
/// `approvals` and `status` entries, so that neither recording an approval nor setting the status
/// to `approved` changes what was approved. The normalization (docs/review.md) lets another tool
/// compute the same digest:
///
/// 1. a UTF-8 byte-order mark is dropped;
/// 2. the top-level `approvals` and `status` entries of the front matter are removed — each its
///    key line and every line up to the next top-level key or the closing `---`;
/// 3. line endings become LF, and spaces and tabs at the end of each line are removed;
/// 4. blank lines at the end are removed, and the text ends with one LF.
public enum ContentDigest {
    /// The lowercase hexadecimal SHA-256 of the normalized text.
    public static func of(_ text: String) -> String {
        Digests.sha256(Array(normalized(text).utf8))
    }

    /// The front-matter entries the digest leaves out.
    public static let excluded: Set<String> = ["approvals", "status"]

    public static func normalized(_ text: String) -> String {
        let split = FrontMatter(text)
        var frontMatter = split.block.map(String.init) ?? ""
        if let read = split.entries(file: "digest") {
            frontMatter = split.opening + read.header + read.entries.filter { !Self.excluded.contains($0.key) }.map(\.text).joined() + split.closing
        }
        var lines = TextLines.split(frontMatter + split.rest).map { line -> String in
            var scalars = Substring(line).unicodeScalars
            while let last = scalars.last, last == "\n" || last == "\r" || last == " " || last == "\t" { scalars.removeLast() }
            return String(scalars)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { $0 + "\n" }.joined()
    }
}
