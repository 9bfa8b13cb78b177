import StdKitModel

/// The three versions of a file as read for a merge.
public enum MergeInput: Sendable {
    /// All three are UTF-8 text: merged by structure.
    case text(base: String, ours: String, theirs: String)
    /// Some version is not UTF-8 but none holds a NUL byte (GBK, Latin-1): merged line by line on
    /// the bytes, as git does — decoding would replace what it cannot read, and lose it.
    case bytes(base: [UInt8], ours: [UInt8], theirs: [UInt8])
    /// Some version holds a NUL byte (UTF-16, or not text at all): not merged, as git does not.
    case binary

    public init(base: [UInt8], ours: [UInt8], theirs: [UInt8]) {
        // Validated (and copied into strings) on every core: a tenth of a 1 MB merge on one.
        let texts = Parallel.map([base, ours, theirs]) { String(validating: $0, as: UTF8.self) }
        if let base = texts[0], let ours = texts[1], let theirs = texts[2] {
            self = .text(base: base, ours: ours, theirs: theirs)
        } else if [base, ours, theirs].contains(where: { $0.contains(0) }) {
            self = .binary
        } else {
            self = .bytes(base: base, ours: ours, theirs: theirs)
        }
    }

    /// The line merge of three versions given as bytes: each byte read as one character
    /// (ISO 8859-1, which maps every byte to itself), so the merge compares and keeps bytes; the
    /// labels are written in UTF-8. The merged bytes and the result (its text is not meant to be
    /// shown).
    public static func mergeLines(base: [UInt8], ours: [UInt8], theirs: [UInt8], markers: LineMerge.Markers) -> (bytes: [UInt8], result: MergeResult) {
        let latin1 = { (bytes: [UInt8]) in String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) })) }
        var byteMarkers = markers
        byteMarkers.ours = latin1(Array(markers.ours.utf8))
        byteMarkers.base = latin1(Array(markers.base.utf8))
        byteMarkers.theirs = latin1(Array(markers.theirs.utf8))
        let merge = LineMerge(base: latin1(base), ours: latin1(ours), theirs: latin1(theirs), markers: byteMarkers)
        let bytes = merge.text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        var result = MergeResult(lines: merge, fallback: "not UTF-8 text; merged line by line, byte for byte")
        result.conflicts = result.conflicts.map { MergeResult.Conflict(line: $0.line, place: "line \($0.line)") }
        return (bytes, result)
    }
}
