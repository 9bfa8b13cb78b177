import StdKitSyntax

/// A reviewer's edit of a unit's text carried into the unit's Markdown source with the smallest
/// change.
///
/// Word shows the plain text of a unit (no `**`, no list marker, a heading's number in front),
/// and the reviewer edits that. The edit is the word diff between the text as exported (all
/// changes rejected) and as reviewed (all accepted); the exported words are found in the source
/// by the same word alignment, and each changed run of words is replaced where its neighbours
/// stand in the source. So the list marker, the indentation, the item's id and its `→`
/// references stay exactly as they are written, and a word the reviewer did not touch is not
/// rewritten. Words are as `WordDiff` cuts them: a Chinese character is a word of its own.
public enum ReviewEdit {
    /// `source` with the edit from `original` to `accepted` applied, or nil when the edit touches
    /// words the source does not have (a heading's number, a reference's visible text), which
    /// then cannot be placed.
    public static func carry(original: String, accepted: String, into source: String) -> String? {
        let old = tokens(original)
        let new = tokens(accepted)
        let written = tokens(source)
        guard old.map(\.text) != new.map(\.text) else { return source }
        let placeOf = alignment(old.map(\.text), written.map(\.text))
        let hunks = self.hunks(old.map(\.text), new.map(\.text))
        let acceptedScalars = Array(accepted.unicodeScalars)
        var edits: [(range: Range<Int>, text: String)] = []
        for hunk in hunks {
            let added: String = hunk.added.isEmpty ? "" : String(String.UnicodeScalarView(
                acceptedScalars[new[hunk.added.lowerBound].leadingStart..<new[hunk.added.upperBound - 1].end]))
            if hunk.removed.isEmpty {
                let beforePlace = hunk.before.flatMap { placeOf[$0] }
                let afterPlace = hunk.after.flatMap { placeOf[$0] }
                // A pure insertion belongs to the word it touches in the reviewed text: typed
                // right after a word (a cell's last word, a Chinese character) it follows that
                // word; typed before a word with a space before it (`LO1 熟练地能够`) it goes
                // before that word, so not inside the `**` around the id. Touching both or
                // neither, it follows the word before — unless markup stands between the two
                // words in the source, then it goes before the word after.
                let first = hunk.added.lowerBound, last = hunk.added.upperBound - 1
                let gapBefore = first == 0 || new[first].start > new[first - 1].end
                let gapAfter = last + 1 >= new.count || new[last + 1].start > new[last].end
                let markupBetween = beforePlace.flatMap { b in afterPlace.map { a in
                    Array(source.unicodeScalars)[written[b].end..<written[a].start].contains { !$0.properties.isWhitespace } } } ?? false
                let followsBefore = gapBefore == gapAfter ? !markupBetween : !gapBefore
                if let place = beforePlace, followsBefore || afterPlace == nil {
                    edits.append((written[place].end..<written[place].end, added))
                } else if let place = afterPlace {
                    var text = String(added.drop { $0 == " " || $0 == "\t" })
                    if gapAfter || needsSpace(new[last].text, written[place].text) { text += " " }
                    edits.append((written[place].start..<written[place].start, text))
                } else {
                    return nil
                }
                continue
            }
            // Every removed word must be one the source has.
            var places: [Int] = []
            for index in hunk.removed {
                guard let place = placeOf[index] else { return nil }
                places.append(place)
            }
            // Removed words that stand together in the source go in one piece (with the added
            // words in their place); words with markup between them (`**`) go one by one, the
            // added words at the first.
            let together = places.last! - places.first! == places.count - 1
            if together {
                let first = written[places.first!]
                let range = first.leadingStart..<written[places.last!].end
                var text = added
                // A replacement keeps the removed words' leading space when the new words had none.
                if !added.isEmpty, first.leadingStart < first.start, !added.hasPrefix(" ") {
                    text = String(String.UnicodeScalarView(Array(source.unicodeScalars)[first.leadingStart..<first.start])) + added
                }
                edits.append((range, text))
            } else {
                for (offset, place) in places.enumerated() {
                    let token = written[place]
                    edits.append((token.leadingStart..<token.end, offset == 0 ? added : ""))
                }
            }
        }
        var scalars = Array(source.unicodeScalars)
        edits.sort { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound > $1.range.lowerBound : $0.range.upperBound > $1.range.upperBound }
        var limit = Int.max
        for edit in edits {
            // Overlapping edits cannot both be placed.
            guard edit.range.upperBound <= limit else { return nil }
            scalars.replaceSubrange(edit.range, with: Array(edit.text.unicodeScalars))
            limit = edit.range.lowerBound
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Whether two words written one after the other need a space between them (Latin words do,
    /// Chinese characters and punctuation do not).
    static func needsSpace(_ left: String, _ right: String) -> Bool {
        guard let last = left.unicodeScalars.last, let first = right.unicodeScalars.first else { return false }
        return isWordScalar(last) && isWordScalar(first) && !last.isCJK && !first.isCJK
    }

    /// A word of a text and where it stands, in Unicode scalars: `leadingStart` is where the
    /// spaces before it on its line start.
    struct Token {
        var text: String
        var leadingStart: Int
        var start: Int
        var end: Int
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "_-#.@".unicodeScalars.contains(scalar)
    }

    /// The words of `text` as `WordDiff` cuts them: runs of letters and digits, each Chinese
    /// character and each other sign alone; white space separates.
    static func tokens(_ text: String) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var leadingStart = 0
        var atLineStart = true
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace {
                // Spaces belong to the next word, but never across a line break, and a line's
                // indentation is no word's: deleting a line's first word must neither join it
                // to the line before nor unindent it.
                if scalar == "\n" || scalar == "\r" {
                    leadingStart = index + 1
                    atLineStart = true
                }
                index += 1
                continue
            }
            let start = index
            if atLineStart { leadingStart = start }
            atLineStart = false
            if !scalar.isCJK && isWordScalar(scalar) {
                while index < scalars.count, !scalars[index].isCJK, isWordScalar(scalars[index]), !scalars[index].properties.isWhitespace {
                    index += 1
                }
            } else {
                index += 1
            }
            tokens.append(Token(text: String(String.UnicodeScalarView(scalars[start..<index])), leadingStart: leadingStart, start: start, end: index))
            leadingStart = index
        }
        return tokens
    }

    /// For each word of `old`, the index of the same word in `written` when the two align.
    static func alignment(_ old: [String], _ written: [String]) -> [Int: Int] {
        let (removed, inserted) = old.editOffsets(to: written)
        var result: [Int: Int] = [:]
        var i = 0
        var j = 0
        while i < old.count && j < written.count {
            if removed.contains(i) {
                i += 1
            } else if inserted.contains(j) {
                j += 1
            } else {
                result[i] = j
                i += 1
                j += 1
            }
        }
        return result
    }

    /// A run of changed words: the old words removed, the new words added, and the old words
    /// kept just before and after it.
    struct Hunk {
        var removed: Range<Int>
        var added: Range<Int>
        var before: Int?
        var after: Int?
    }

    static func hunks(_ old: [String], _ new: [String]) -> [Hunk] {
        let (removed, inserted) = old.editOffsets(to: new)
        var hunks: [Hunk] = []
        var i = 0
        var j = 0
        var lastKept: Int?
        while i < old.count || j < new.count {
            if (i < old.count && removed.contains(i)) || (j < new.count && inserted.contains(j)) {
                let (removedStart, addedStart) = (i, j)
                while i < old.count, removed.contains(i) { i += 1 }
                while j < new.count, inserted.contains(j) { j += 1 }
                // Removed and added words may alternate within one run of changes.
                while (i < old.count && removed.contains(i)) || (j < new.count && inserted.contains(j)) {
                    while i < old.count, removed.contains(i) { i += 1 }
                    while j < new.count, inserted.contains(j) { j += 1 }
                }
                hunks.append(Hunk(removed: removedStart..<i, added: addedStart..<j, before: lastKept, after: i < old.count ? i : nil))
            } else {
                lastKept = i
                i += 1
                j += 1
            }
        }
        return hunks
    }
}
