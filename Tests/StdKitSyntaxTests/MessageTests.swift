import Testing
@testable import StdKitSyntax

@Suite("Message")
struct MessageTests {
    static let catalogue = MessageCatalogue(language: .zhCN, templates: [
        "t.plain": "无参数",
        "t.one": "引用“{written}”找不到对应条目{suggestion}",
        "t.braces": "写作 {key=value} 或 {id: {course}}",
        "t.list": "可用：{values}",
        "t.nested": "{inner}；共 {count} 项",
        "common.did-you-mean": "；是否想写“{candidate}”？",
        "common.list.and": "、",
        "common.list.or": " 或 ",
        "common.list.semicolon": "；",
    ])

    @Test func placeholdersAreFilledByTheirArguments() {
        let message = Message("t.one", ["written": .verbatim("JOB-A#R9"), "suggestion": Message.didYouMean("R2")])
        #expect(Self.catalogue.render(message) == "引用“JOB-A#R9”找不到对应条目；是否想写“R2”？")
        let without = Message("t.one", ["written": .verbatim("JOB-A#R9"), "suggestion": Message.didYouMean(nil)])
        #expect(Self.catalogue.render(without) == "引用“JOB-A#R9”找不到对应条目")
    }

    @Test func bracesThatAreNotPlaceholdersStay() {
        #expect(Self.catalogue.render(Message("t.braces", ["course": .verbatim("C1")])) == "写作 {key=value} 或 {id: C1}")
        #expect(MessageCatalogue.placeholders(in: "写作 {key=value} 或 {id: {course}}，{a_1}{b}") == ["course", "a_1", "b"])
    }

    @Test func listsAreJoinedAsTheLanguageJoinsThem() {
        #expect(Self.catalogue.render(Message("t.list", ["values": .list(["a", "b", "c"], .and)])) == "可用：a、b、c")
        #expect(Self.catalogue.render(Message("t.list", ["values": .list(["a", "b"], .or)])) == "可用：a 或 b")
        let messages = Message.Argument.messages([Message("t.plain"), Message("t.plain")], .semicolon)
        #expect(Self.catalogue.render(Message("t.list", ["values": messages])) == "可用：无参数；无参数")
    }

    @Test func nestedMessagesAndNumbers() {
        let message = Message("t.nested", ["inner": .message(Message("t.plain")), "count": .number(12)])
        #expect(Self.catalogue.render(message) == "无参数；共 12 项")
    }

    @Test func anUnknownKeyShowsItselfWithItsArguments() {
        #expect(Self.catalogue.render(Message("t.none", ["b": .number(2), "a": .verbatim("x")])) == "t.none(a=x, b=2)")
    }

    @Test func theShippedCataloguesAreRead() {
        let message = Message("common.did-you-mean", ["candidate": .verbatim("R2")])
        #expect(message.text(in: .en) == "; did you mean 'R2'?")
        #expect(message.text(in: .zhCN) == "；是否想写“R2”？")
        #expect(MessageCatalogue.for(.en).templates.count > 200)
        #expect(MessageCatalogue.for(.zhCN).templates.count == MessageCatalogue.for(.en).templates.count)
    }

    @Test func aCatalogueWithARepeatedKeyIsRejected() {
        #expect(throws: CatalogueError.self) {
            try MessageCatalogue(language: .en, yaml: "a.b: \"x\"\nc: [1, 2]\n", file: "en.yml")
        }
        let read = try? MessageCatalogue(language: .en, yaml: "a.b: \"x {y}\"\nc.d: |-\n  two\n  lines\n", file: "en.yml")
        #expect(read?.templates == ["a.b": "x {y}", "c.d": "two\nlines"])
    }

    @Test func serializedFormRoundTrips() {
        let message = Message("t.nested", [
            "inner": .message(Message("t.one", ["written": .verbatim("a|b:c;\n\t“中文”"), "suggestion": .verbatim("")])),
            "count": .number(-3),
            "list": .list(["x", "", "y|z"], .or),
            "messages": .messages([Message("t.plain"), Message("t.list", ["values": .list([], .semicolon)])], .and),
        ])
        let text = message.serialized
        #expect(Message(serialized: text) == message)
        for broken in ["", "t.plain", "t.plain|1|", "t.plain|1|x|v9:abc", "t.plain|0|extra", "t.plain|1|x|q"] {
            #expect(Message(serialized: broken) == nil, "\(broken)")
        }
        #expect(Message(serialized: "t.plain|0|") == Message("t.plain"))
    }
}

@Suite("Language")
struct LanguageTests {
    @Test func tagsNameLanguages() {
        #expect(Language(tag: "zh-CN") == .zhCN)
        #expect(Language(tag: "zh_CN.UTF-8") == .zhCN)
        #expect(Language(tag: "zh") == .zhCN)
        #expect(Language(tag: "en_US.UTF-8") == .en)
        #expect(Language(tag: "fr") == nil)
        #expect(Language(tag: "C") == nil)
    }

    @Test func chosenAsDesignSection18Says() {
        let zh = ["LANG": "zh_CN.UTF-8"]
        #expect(Language.chosen(option: .en, environment: ["STDKIT_LANG": "zh-CN"], projectLang: "zh-CN") == .en)
        #expect(Language.chosen(option: nil, environment: ["STDKIT_LANG": "en"], projectLang: "zh-CN") == .en)
        #expect(Language.chosen(option: nil, environment: ["STDKIT_LANG": "fr", "LANG": "en_US"], projectLang: "zh-CN") == .zhCN)
        #expect(Language.chosen(option: nil, environment: ["LANG": "en_US.UTF-8"], projectLang: "zh-CN") == .zhCN)
        #expect(Language.chosen(option: nil, environment: ["LANG": "zh_CN.UTF-8"], projectLang: "en") == .en)
        #expect(Language.chosen(option: nil, environment: zh, projectLang: nil) == .zhCN)
        #expect(Language.chosen(option: nil, environment: ["LC_ALL": "C", "LANG": "zh_CN.UTF-8"], projectLang: nil) == .en)
        #expect(Language.chosen(option: nil, environment: ["LC_ALL": "", "LC_MESSAGES": "zh_TW", "LANG": "C"], projectLang: nil) == .zhCN)
        #expect(Language.chosen(option: nil, environment: [:], projectLang: nil) == .en)
    }
}
