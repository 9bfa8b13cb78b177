import Testing
@testable import StdKitSyntax

/// cmark-gfm 0.29.0.gfm.6 changes a global table while it finishes a parse; unguarded, about
/// 12 of 1,600 concurrent parses lose strikethrough and autolinks. Every concurrent result must
/// equal the serial one.
@Suite("Concurrent parsing")
struct ConcurrentParsingTests {
    static func document(_ number: Int) -> String {
        """
        # 文档 \(number)

        这是 ~~删除的文字 \(number)~~ 与 www.example\(number).com 以及 https://example.org/\(number) 。

        | 课程 | 学时 |
        | --- | --- |
        | 编程 \(number) | \(number % 64) |

        - [x] **R\(number)** 能完成任务 ~~旧要求~~ → JOB-\(number)#R1 {level=\(number % 5)}
        - 普通 *强调* 与 `code` 和 <span>html</span> 与 http://autolink\(number).example
        \(String(repeating: "\n更多文字 ~~划掉~~ www.more.example 。\n", count: number % 7))
        """
    }

    @Test func concurrentParsesEqualSerialParses() async {
        let count = 400
        let sources = (0..<count).map { SourceText(Self.document($0)) }
        let serial = sources.map { MarkdownParser.parse($0) }
        let rounds = 4
        for _ in 0..<rounds {
            let concurrent = await withTaskGroup(of: (Int, MarkdownNode).self) { group in
                for (index, source) in sources.enumerated() {
                    group.addTask { (index, MarkdownParser.parse(source)) }
                }
                var results = [MarkdownNode?](repeating: nil, count: count)
                for await (index, node) in group { results[index] = node }
                return results
            }
            let mismatches = (0..<count).filter { concurrent[$0] != serial[$0] }
            #expect(mismatches.isEmpty, "concurrent parses differ from serial ones: documents \(mismatches.prefix(10))")
        }
        // The serial results themselves carry the extensions that a race would lose.
        #expect(serial.allSatisfy { Self.contains($0) { $0.kind == .strikethrough } })
        #expect(serial.allSatisfy { Self.contains($0) { if case .link = $0.kind { true } else { false } } })
    }

    static func contains(_ node: MarkdownNode, _ predicate: (MarkdownNode) -> Bool) -> Bool {
        predicate(node) || node.children.contains { contains($0, predicate) }
    }
}
