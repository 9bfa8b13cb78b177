import StdKitModel

/// Matches headings to the sections a kind's schema expects, in Chinese or English, ignoring
/// numbering (`一、`, `（三）`, `2.`), case and a trailing colon.
enum SectionMatcher {
    static func normalized(_ title: String) -> String {
        var text = Substring(title.trimmingCharacters(in: .whitespaces))
        let chineseNumerals = Set("一二三四五六七八九十百零")
        // （一） or (1)
        if let first = text.first, first == "（" || first == "(" , let close = text.firstIndex(where: { $0 == "）" || $0 == ")" }) {
            let inner = text[text.index(after: text.startIndex)..<close]
            if !inner.isEmpty, inner.allSatisfy({ chineseNumerals.contains($0) || $0.isASCII && $0.isNumber }) {
                text = text[text.index(after: close)...]
            }
        }
        // 一、 / 第一章 / 1. / 1.2 / 1、
        let numeralPrefix = text.prefix { chineseNumerals.contains($0) }
        if !numeralPrefix.isEmpty, let next = text.dropFirst(numeralPrefix.count).first, next == "、" || next == "." || next == "．" {
            text = text.dropFirst(numeralPrefix.count + 1)
        } else if text.first == "第", let end = text.firstIndex(where: { "章节部分".contains($0) }),
                  text[text.index(after: text.startIndex)..<end].allSatisfy({ chineseNumerals.contains($0) || $0.isNumber }) {
            text = text[text.index(after: end)...]
        } else {
            let digits = text.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            if !digits.isEmpty, digits.first?.isNumber == true {
                text = text.dropFirst(digits.count)
                if let next = text.first, next == "、" || next == "．" { text = text.dropFirst() }
            }
        }
        var result = text.trimmingCharacters(in: .whitespaces).lowercased()
        while let last = result.last, last == ":" || last == "：" { result.removeLast() }
        return result
    }

    /// The position in `specs` of the section a heading titled `title` is, if any.
    static func spec(for title: String, in specs: [KindSchema.SectionSpec]) -> Int? {
        let key = normalized(title)
        return specs.firstIndex { $0.names.contains { normalized($0) == key } }
    }
}
