import Testing
@testable import StdKitSyntax

/// Escaping goes by bytes, never by `Character`: a quote followed by a combining mark, or
/// `"\r\n"`, is one `Character` in Swift, and an escaping that compares characters lets it through.
@Suite("Escaping")
struct EscapingTests {
    static let html = ASCIIEscaper.html

    @Test func aQuoteFollowedByACombiningMarkIsEscaped() {
        #expect(Self.html("\"\u{301} onclick=x") == "&quot;\u{301} onclick=x")
        #expect(Self.html("a <b> & 'c' “中文”") == "a &lt;b&gt; &amp; &#39;c&#39; “中文”")
    }

    @Test func textWithNothingToEscapeIsReturnedAsIs() {
        for text in ["", "plain", "课程标准 v1.0", "e\u{301}"] {
            #expect(Self.html(text) == text)
        }
    }

    @Test func carriageReturnAndLineFeedAreEscapedApart() {
        let workflow = ASCIIEscaper(["%": "%25", "\r": "%0D", "\n": "%0A"])
        #expect(workflow("a\r\nb%\n") == "a%0D%0Ab%25%0A")
    }

    @Test func backslashBeforeEachCharacter() {
        let markdown = ASCIIEscaper.backslash("*_[")
        #expect(markdown("*强调*_[x\u{301}") == "\\*强调\\*\\_\\[x\u{301}")
        #expect(markdown.replaces("*") && !markdown.replaces("x") && !markdown.replaces("强"))
    }

    /// What stdkit writes into front matter reads back as the same string.
    @Test(arguments: [
        "\"\u{301}", "a\r\nb", "line\nbreak", "tab\there", "\u{7F}del", "\u{1}start", "back\\slash", "中文：“引号”",
        "- dash", "yes", "\"quoted\"", "key: value", " space", "\n\u{301}", "plain",
    ])
    func frontMatterScalarsReadBack(value: String) throws {
        for written in [YAMLScalar.written(value), YAMLScalar.doubleQuoted(value)] {
            let result = YAMLReader.read("key: \(written)\n", file: "a.md")
            #expect(result.diagnostics.isEmpty, "\(written)")
            #expect(result.root?["key"]?.scalar == value, "\(written)")
        }
    }
}
