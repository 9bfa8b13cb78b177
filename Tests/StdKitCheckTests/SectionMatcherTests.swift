import Foundation
import Testing
@testable import StdKitCheck

/// Heading titles are matched to the expected sections after `SectionMatcher.normalized`; its
/// trimming asks Foundation only where an end may be white space.
@Suite("Section matcher")
struct SectionMatcherTests {
    /// Every scalar `mayBeWhitespace` rules out is one Foundation's `.whitespaces` does not
    /// trim: the fast path can never keep what Foundation would have cut.
    @Test func whatIsRuledOutIsNoWhitespaceToFoundation() {
        var wrong: [String] = []
        // The whole Basic Multilingual Plane, where every white space is, and every seventh
        // scalar beyond it.
        for value in UInt32(0)...0x10FFFF where value <= 0xFFFF || value % 7 == 0 {
            guard let scalar = Unicode.Scalar(value), !SectionMatcher.mayBeWhitespace(scalar) else { continue }
            let text = "a" + String(scalar) + "a"
            let alone = String(scalar)
            if alone.trimmingCharacters(in: .whitespaces) != alone || text.trimmingCharacters(in: .whitespaces) != text {
                wrong.append(String(value, radix: 16))
            }
        }
        #expect(wrong.isEmpty, "\(wrong)")
        // The ASCII members are exactly the space and the tab.
        let ascii = (UInt32(0)..<0x80).compactMap(Unicode.Scalar.init).filter { String($0).trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(ascii == [" ", "\t"].map { Unicode.Scalar($0)! } || ascii == ["\t", " "].map { Unicode.Scalar($0)! })
    }

    @Test(arguments: ["课程目标", " 课程目标\u{3000}", "\t一、课程性质", "（三） 考核评价：", "2. Course Aims", "\u{A0}第二章 教学内容\u{A0}",
                      "Ａ课程", "课程 ", " ", "", "\u{3000}", "é", "\u{301}课程", "课程\u{2003}"])
    func trimmingAsFoundationTrims(title: String) {
        #expect(SectionMatcher.trimmingWhitespaces(title) == title.trimmingCharacters(in: .whitespaces))
        #expect(SectionMatcher.trimmingWhitespaces(title[...]) == title.trimmingCharacters(in: .whitespaces))
    }

    @Test func numberingCaseAndColonAreIgnored() {
        #expect(SectionMatcher.normalized("（三） 考核评价：") == "考核评价")
        #expect(SectionMatcher.normalized("\u{3000}一、课程性质\u{3000}") == "课程性质")
        #expect(SectionMatcher.normalized("2. Course Aims:") == "course aims")
        #expect(SectionMatcher.normalized("第二章 教学内容") == "教学内容")
    }
}
