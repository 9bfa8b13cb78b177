import StdKitModel
import StdKitSyntax
import Testing
@testable import StdKitWorkspace

@Suite struct SymbolTests {
    func outline(_ symbols: [Symbol], depth: Int = 0) -> [String] {
        symbols.flatMap { symbol in
            [String(repeating: "  ", count: depth) + "\(symbol.kind == .item ? "item" : "section") \(symbol.name)"] + outline(symbol.children, depth: depth + 1)
        }
    }

    @Test func sectionsNestByLevelAndItemsSitInTheirSection() async throws {
        let workspace = try await QueryFixture.workspace()
        let symbols = await workspace.symbols("jobs/weld.md")
        #expect(outline(symbols) == [
            "section 焊接机器人操作员",
            "  section 职业能力要求",
            "    item R1 能完成开机🤖与急停测试。",
            "    item R2 能示教编程。",
        ])
        // The title's section runs to the last line with text: "- **R2** 能示教编程。 → #R1" (21 characters).
        #expect(symbols[0].range == QueryFixture.at(10, 1)..<QueryFixture.at(14, 22))
        #expect(symbols[0].selection == QueryFixture.at(10, 1)..<QueryFixture.at(10, 11))
        let r1 = symbols[0].children[0].children[0]
        #expect(r1.range == QueryFixture.at(13, 1)..<QueryFixture.at(13, 22))
        #expect(r1.selection == r1.range)
        #expect(await workspace.symbols("nowhere.md") == [])
    }

    @Test func theCertificatesWorkAreasTasksAndSkillsNest() async throws {
        let workspace = try await QueryFixture.flagship()
        let symbols = await workspace.symbols("certificates/robot-operation-maintenance.md")
        #expect(Array(outline(symbols).prefix(12)) == [
            "section 工业机器人操作与运维职业技能等级标准",
            "  section 适用范围",
            "  section 职业技能等级要求",
            "    item WA1 工业机器人安全操作与示教编程",
            "      item T1-1 安全操作",
            "        item SK1-1-1 能识别工业机器人工作站的危险源与安全标识，正确穿…",
            "        item SK1-1-2 能完成机器人开关机、急停与安全门联锁测试。",
            "      item T1-2 示教编程",
            "        item SK1-2-1 能使用示教器手动操纵机器人，建立工具坐标系与工件…",
            "        item SK1-2-2 能编写包含 I/O 控制、条件判断与循环的搬运、…",
            "    item WA2 工业机器人系统维护",
            "      item T2-1 日常维护",
        ])
        #expect(outline(symbols).last == "  section 考核方式")
        let wa1 = symbols[0].children[1].children[0]
        // Line 26 "### **WA1** …" (26 characters) to line 33, the last with text before "### **WA2**" (56).
        #expect(wa1.range == QueryFixture.at(26, 1)..<QueryFixture.at(33, 57))
        #expect(wa1.selection == QueryFixture.at(26, 1)..<QueryFixture.at(26, 27))
        // "- **T1-1** 安全操作" on line 28 with its two sub-items, to the end of line 30 (48).
        #expect(wa1.children[0].range == QueryFixture.at(28, 1)..<QueryFixture.at(30, 49))
        #expect(wa1.children[0].selection == QueryFixture.at(28, 1)..<QueryFixture.at(28, 16))
    }
}
