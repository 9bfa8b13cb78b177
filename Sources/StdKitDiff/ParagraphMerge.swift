/// Lines of one paragraph both sides changed — one re-wrapped it, the other changed words, or
/// both changed different sentences — merged on the words and written in ours' wrapping. It
/// declines (the conflict stands) unless every side's lines are plain prose, and unless the
/// sides' changes touch different sentences.
enum ParagraphMerge {
    static func merge(base: [String], ours: [String], theirs: [String]) -> [String]? {
        guard [base, ours, theirs].allSatisfy({ $0.allSatisfy(isProse) }) else { return nil }
        let (b, o, t) = (words(base.joined()), words(ours.joined()), words(theirs.joined()))
        let flat = { (words: [(word: String, space: String)]) in words.map(\.word).joined(separator: " ") }
        // The words of the result: theirs' when ours only re-wrapped, ours' when theirs did,
        // else the sentences merged.
        let result: [String]
        if flat(o) == flat(b) {
            result = t.map(\.word)
        } else if flat(t) == flat(b) {
            result = o.map(\.word)
        } else if let merged = LineRefinement.mergeSentences(flat(b), flat(o), flat(t)) {
            result = words(merged).map(\.word)
        } else {
            return nil
        }
        // Ours' spacing (and so its line breaks) after each of ours' words; a space after others.
        let toOurs = LineMerge.matches(from: result, to: o.map(\.word))
        var text = ""
        for (index, word) in result.enumerated() {
            text += word
            if let j = toOurs[index] {
                text += o[j].space
            } else {
                text += index == result.count - 1 ? (o.last?.space ?? "\n") : " "
            }
        }
        // The paragraph ends as ours' lines end, whichever word comes last.
        while text.last == " " || text.last == "\t" { text.removeLast() }
        if let last = text.unicodeScalars.last, last != "\n" { text += o.last.map { $0.space.drop { $0 == " " || $0 == "\t" } } ?? "\n" }
        // Proof: every word either side added is in the result as often as that side added it.
        for side in [o, t] {
            var added: [String: Int] = [:]
            for word in side { added[word.word, default: 0] += 1 }
            for word in b { added[word.word, default: 0] -= 1 }
            var kept: [String: Int] = [:]
            for word in result { kept[word, default: 0] += 1 }
            guard added.allSatisfy({ $0.value <= 0 || kept[$0.key, default: 0] >= $0.value }) else { return nil }
        }
        return LineMerge.lines(text)
    }

    /// Words (runs of anything but spaces and line breaks), each with the white space after it.
    static func words(_ text: String) -> [(word: String, space: String)] {
        var result: [(word: String, space: String)] = []
        var word = "", space = ""
        for character in text {
            if character == " " || character == "\t" || character.isNewline {
                space.append(character)
            } else {
                if !space.isEmpty {
                    if !word.isEmpty { result.append((word, space)) }
                    word = ""
                    space = ""
                }
                word.append(character)
            }
        }
        if !word.isEmpty { result.append((word, space)) }
        return result
    }

    /// A line of a plain paragraph: not blank, not indented, not a heading, list item, table
    /// row, quote, fence or HTML.
    static func isProse(_ line: String) -> Bool {
        guard !BlockInsertions.isBlank(line), let first = line.first, !" \t#|>`~<".contains(first) else { return false }
        if BlockInsertions.isListLine(line) { return false }
        return !LineRefinement.isTableRow(LineRefinement.strip(line))
    }
}
