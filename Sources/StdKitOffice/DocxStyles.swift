import StdKitModel
import StdKitSyntax

/// The page, the styles, the numbering and the font table of an exported file: our own
/// WordprocessingML, written from the project's fonts.
///
/// **Headings and their numbers.** A document's Markdown levels become Word's heading levels
/// one to one: `#` (the document's title) is `heading 1` (outline level 0, so the table of
/// contents lists each document), and `##`–`#####` are `heading 2`–`heading 5`, numbered in the
/// Chinese official way 一、（一）1.（1） (GB/T 9704's order). The numbers are `numbering.xml`
/// levels (`chineseCounting` for 一 and （一）, `decimal` for 1. and （1）), not text, because
/// (1) Word, WPS and LibreOffice all read these formats (LibreOffice maps `chineseCounting` to
/// its 一二三 numbering, WPS writes the same XML itself), so all three show the same numbers;
/// (2) the heading's text stays the text of the source, which the review import compares and
/// writes back — a number in the text would come back into the Markdown; (3) a heading moved
/// or deleted in Word renumbers the rest. Each document has its own numbering instance
/// restarting at 一, and a heading whose text already carries a number is left unnumbered.
enum DocxStyles {
    /// A4 in twentieths of a point.
    static let pageWidth = 11906
    static let pageHeight = 16838
    /// GB/T 9704-2012's margins for official documents: top 37 mm, bottom 35 mm, left 28 mm,
    /// right 26 mm (1 mm ≈ 56.7 twips).
    static let topMargin = 2098
    static let bottomMargin = 1984
    static let leftMargin = 1588
    static let rightMargin = 1474

    /// `w:sectPr` of the file's one section: A4 portrait, the margins, the footer with page numbers.
    static func sectionProperties(footer: String) -> String {
        "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"\(footer)\"/>"
            + "<w:pgSz w:w=\"\(pageWidth)\" w:h=\"\(pageHeight)\"/>"
            + "<w:pgMar w:top=\"\(topMargin)\" w:right=\"\(rightMargin)\" w:bottom=\"\(bottomMargin)\" w:left=\"\(leftMargin)\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
            + "<w:cols w:space=\"425\"/><w:docGrid w:linePitch=\"312\"/></w:sectPr>"
    }

    /// `word/styles.xml`.
    static func styles(fonts: WordFonts) -> String {
        let body = WordXML.fonts(eastAsia: fonts.body, latin: fonts.latin)
        let heading = WordXML.fonts(eastAsia: fonts.heading, latin: fonts.latin)
        let code = WordXML.fonts(eastAsia: fonts.body, latin: "Courier New")
        func paragraphStyle(_ id: String, _ name: String, basedOn: String? = "Normal", next: String? = nil, primary: Bool = true,
                            pPr: String = "", rPr: String = "") -> String {
            "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"
                + (basedOn.map { "<w:basedOn w:val=\"\($0)\"/>" } ?? "") + (next.map { "<w:next w:val=\"\($0)\"/>" } ?? "")
                + (primary ? "<w:qFormat/>" : "")
                + (pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>") + (rPr.isEmpty ? "" : "<w:rPr>\(rPr)</w:rPr>") + "</w:style>"
        }
        func headingStyle(_ level: Int, size: Int, fonts: String, extra: String = "", pPr: String = "") -> String {
            paragraphStyle("Heading\(level)", "heading \(level)", next: "BodyText",
                           pPr: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"\(level == 1 ? 240 : 120)\" w:after=\"\(level == 1 ? 240 : 60)\"/>" + pPr + "<w:outlineLvl w:val=\"\(level - 1)\"/>",
                           rPr: fonts + extra + "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>")
        }
        var xml = WordXML.declaration
        xml += "<w:styles xmlns:w=\"\(WordXML.main)\">"
        xml += "<w:docDefaults><w:rPrDefault><w:rPr>\(body)<w:kern w:val=\"2\"/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
        xml += "<w:pPrDefault><w:pPr><w:widowControl w:val=\"0\"/><w:spacing w:line=\"360\" w:lineRule=\"auto\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        xml += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
        xml += "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>"
        xml += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
        xml += "<w:style w:type=\"numbering\" w:default=\"1\" w:styleId=\"NoList\"><w:name w:val=\"No List\"/><w:semiHidden/></w:style>"
        xml += paragraphStyle("Title", "Title", next: "BodyText", pPr: "<w:spacing w:before=\"2400\" w:after=\"1200\"/><w:jc w:val=\"center\"/>",
                              rPr: heading + "<w:b/><w:bCs/><w:sz w:val=\"40\"/><w:szCs w:val=\"40\"/>")
        xml += paragraphStyle("Subtitle", "Subtitle", next: "BodyText", pPr: "<w:spacing w:after=\"240\"/><w:jc w:val=\"center\"/>",
                              rPr: body + "<w:sz w:val=\"30\"/><w:szCs w:val=\"30\"/>")
        // 小二 for a document's title, 三号 黑体 for 一、, 四号 for （一）, 小四 bold for 1., 小四 for （1）.
        xml += headingStyle(1, size: 36, fonts: heading, extra: "<w:b/><w:bCs/>", pPr: "<w:pageBreakBefore/><w:jc w:val=\"center\"/>")
        xml += headingStyle(2, size: 32, fonts: heading)
        xml += headingStyle(3, size: 28, fonts: heading)
        xml += headingStyle(4, size: 24, fonts: heading)
        xml += headingStyle(5, size: 24, fonts: body, extra: "<w:b/><w:bCs/>")
        xml += paragraphStyle("BodyText", "Body Text", pPr: "<w:ind w:firstLineChars=\"200\" w:firstLine=\"480\"/>")
        xml += paragraphStyle("Item", "Item", basedOn: "BodyText", pPr: "<w:spacing w:before=\"60\" w:after=\"60\"/>")
        xml += paragraphStyle("ListText", "List Paragraph", pPr: "<w:ind w:left=\"840\" w:hanging=\"420\"/>")
        xml += paragraphStyle("ListContinue", "List Continue", pPr: "<w:ind w:left=\"840\"/>")
        xml += paragraphStyle("Quote", "Quote", basedOn: "BodyText", pPr: "<w:ind w:left=\"840\" w:right=\"840\"/>", rPr: "<w:color w:val=\"595959\"/>")
        xml += paragraphStyle("Code", "Code", pPr: "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F2F2F2\"/><w:spacing w:before=\"60\" w:after=\"60\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/>",
                              rPr: code + "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>")
        xml += paragraphStyle("TableText", "Table Text", pPr: "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/>",
                              rPr: "<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/>")
        // 小五 for tables of many columns (the 教学进程总体安排 has fourteen).
        xml += paragraphStyle("TableSmall", "Table Text Small", basedOn: "TableText", rPr: "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>")
        xml += paragraphStyle("Caption", "caption", next: "BodyText", pPr: "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:jc w:val=\"center\"/>",
                              rPr: heading + "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>")
        xml += paragraphStyle("TOCHeading", "TOC Heading", next: "BodyText", pPr: "<w:spacing w:before=\"240\" w:after=\"240\"/><w:jc w:val=\"center\"/>",
                              rPr: heading + "<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>")
        for level in 1...3 {
            xml += paragraphStyle("TOC\(level)", "toc \(level)", next: "BodyText", primary: false,
                                  pPr: "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"\(pageWidth - leftMargin - rightMargin)\"/></w:tabs><w:ind w:left=\"\((level - 1) * 420)\"/>")
        }
        xml += paragraphStyle("Footer", "footer", primary: false, pPr: "<w:jc w:val=\"center\"/>", rPr: "<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/>")
        xml += "<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/><w:basedOn w:val=\"DefaultParagraphFont\"/><w:rPr><w:color w:val=\"0563C1\"/><w:u w:val=\"single\"/></w:rPr></w:style>"
        xml += "<w:style w:type=\"character\" w:styleId=\"CodeChar\"><w:name w:val=\"Code Char\"/><w:basedOn w:val=\"DefaultParagraphFont\"/><w:rPr>\(code)<w:sz w:val=\"21\"/></w:rPr></w:style>"
        xml += "<w:style w:type=\"table\" w:styleId=\"StdkitTable\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/><w:pPr><w:spacing w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:tblPr><w:tblBorders>"
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            xml += "<w:\(side) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
        }
        xml += "</w:tblBorders><w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"80\" w:type=\"dxa\"/><w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
        return xml + "</w:styles>"
    }

    /// `word/numbering.xml`: the official heading numbers, bullets and decimal lists, and one
    /// instance per user (each document's headings, each numbered list), each restarting at 1.
    static func numbering(instances: [(id: Int, abstract: DocxContext.Abstract)]) -> String {
        var xml = WordXML.declaration + "<w:numbering xmlns:w=\"\(WordXML.main)\">"
        // 一、（一）1.（1）: no tab after the number, as Chinese documents set them.
        let headings: [(format: String, text: String)] = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."), ("decimal", "（%4）")]
        xml += "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"multilevel\"/>"
        for level in 0..<9 {
            let (format, text) = level < headings.count ? headings[level] : ("decimal", "%\(level + 1).")
            xml += "<w:lvl w:ilvl=\"\(level)\"><w:start w:val=\"1\"/><w:numFmt w:val=\"\(format)\"/>"
            if level < 4 { xml += "<w:pStyle w:val=\"Heading\(level + 2)\"/>" }
            xml += "<w:suff w:val=\"nothing\"/><w:lvlText w:val=\"\(text)\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"0\" w:firstLine=\"0\"/></w:pPr></w:lvl>"
        }
        xml += "</w:abstractNum>"
        let bullets = ["•", "◦", "▪"]
        xml += "<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
        for level in 0..<9 {
            xml += "<w:lvl w:ilvl=\"\(level)\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\(bullets[level % 3])\"/><w:lvlJc w:val=\"left\"/>"
                + "<w:pPr><w:ind w:left=\"\(840 + 420 * level)\" w:hanging=\"420\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\"/></w:rPr></w:lvl>"
        }
        xml += "</w:abstractNum>"
        let decimals = ["%1.", "（%2）", "%3)", "%4.", "（%5）", "%6)", "%7.", "（%8）", "%9)"]
        xml += "<w:abstractNum w:abstractNumId=\"2\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
        for level in 0..<9 {
            xml += "<w:lvl w:ilvl=\"\(level)\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"\(decimals[level])\"/><w:lvlJc w:val=\"left\"/>"
                + "<w:pPr><w:ind w:left=\"\(840 + 420 * level)\" w:hanging=\"420\"/></w:pPr></w:lvl>"
        }
        xml += "</w:abstractNum>"
        for instance in instances {
            xml += "<w:num w:numId=\"\(instance.id)\"><w:abstractNumId w:val=\"\(instance.abstract.rawValue)\"/>"
            if instance.abstract != .bullet {
                // Instances of one abstract numbering share its counters unless told to restart.
                for level in 0..<4 { xml += "<w:lvlOverride w:ilvl=\"\(level)\"><w:startOverride w:val=\"1\"/></w:lvlOverride>" }
            }
            xml += "</w:num>"
        }
        return xml + "</w:numbering>"
    }

    /// `word/fontTable.xml`: the fonts the styles name, with the names Word knows them by elsewhere.
    static func fontTable(fonts: WordFonts) -> String {
        let alternates = ["宋体": "SimSun", "黑体": "SimHei", "仿宋": "FangSong", "楷体": "KaiTi", "微软雅黑": "Microsoft YaHei",
                          "仿宋_GB2312": "FangSong_GB2312", "楷体_GB2312": "KaiTi_GB2312", "方正小标宋简体": "FZXiaoBiaoSong-B05S"]
        var names: [String] = []
        for name in [fonts.body, fonts.heading, fonts.latin, "Courier New"] where !names.contains(name) { names.append(name) }
        var xml = WordXML.declaration + "<w:fonts xmlns:w=\"\(WordXML.main)\">"
        for name in names {
            let chinese = name.unicodeScalars.contains { $0.isCJK } || alternates[name] != nil
            xml += "<w:font w:name=\"\(WordXML.escape(name))\">"
            if let alternate = alternates[name] { xml += "<w:altName w:val=\"\(alternate)\"/>" }
            xml += "<w:charset w:val=\"\(chinese ? "86" : "00")\"/><w:family w:val=\"\(chinese ? "auto" : "roman")\"/><w:pitch w:val=\"\(name == "Courier New" ? "fixed" : "variable")\"/></w:font>"
        }
        return xml + "</w:fonts>"
    }
}
