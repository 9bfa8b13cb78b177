import StdKitModel
import StdKitSyntax

/// Bytes that are not UTF-8, typically a file saved as GBK by an older editor.
struct InvalidUTF8: LoadTimeRule {
    let description = RuleDescription(
        id: "invalid-utf8", family: .syntax, scope: .document,
        summary: "a file is not valid UTF-8",
        explanation: """
            Documents must be UTF-8. A file saved as GBK/GB 18030 (common with older Chinese editors) \
            shows as garbage on the website and in diffs. The finding names the line and column of the \
            first bad byte; save the file again as UTF-8. The rest of the file is still checked, with \
            the bad bytes replaced.
            """,
        passing: [RuleExample(document: "# 标题\n\n正文。\n")],
        failing: [RuleExample(documentBytes: Array("# 标题\n\n".utf8) + [0xB1, 0xEA, 0xCC, 0xE2, 0x0A])])
}
