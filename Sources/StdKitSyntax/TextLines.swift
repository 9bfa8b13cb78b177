/// A text's lines split at each LF, each line keeping its ending (a CRLF line keeps `\r\n`), the
/// last without one when the text does not end with a line break: joining them gives the text.
/// The merge, the review files and the approvals all count lines this way.
public enum TextLines {
    public static func split(_ text: String) -> [String] {
        var result: [String] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let next = utf8.index(after: index)
            if utf8[index] == UInt8(ascii: "\n") {
                result.append(String(text[start..<next]))
                start = next
            }
            index = next
        }
        if start != utf8.endIndex { result.append(String(text[start...])) }
        return result
    }
}
