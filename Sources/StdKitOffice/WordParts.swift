import Foundation

/// A style of `word/styles.xml`.
public struct WordStyle: Sendable, Hashable {
    public var id: String
    /// Its name (`heading 1`, `Normal`; Word keeps English names for built-in styles whatever the
    /// interface language, WPS may write `标题 1`).
    public var name: String?
    /// `paragraph`, `character`, `table` or `numbering`.
    public var type: String
    public var basedOn: String?
    /// `w:outlineLvl`, 0-based (9: body text).
    public var outlineLevel: Int?

    public init(id: String, name: String?, type: String, basedOn: String?, outlineLevel: Int?) {
        self.id = id
        self.name = name
        self.type = type
        self.basedOn = basedOn
        self.outlineLevel = outlineLevel
    }

    /// The heading level its name says (`heading 2`, `Heading2`, `标题 2`), 1-based.
    var levelFromName: Int? {
        guard let name = name?.lowercased().replacingOccurrences(of: " ", with: "") else { return nil }
        for prefix in ["heading", "标题"] where name.hasPrefix(prefix) {
            if let level = Int(name.dropFirst(prefix.count)), (1...9).contains(level) { return level }
        }
        return nil
    }
}

/// One level of a numbering definition: how Word writes the number it puts before a paragraph.
public struct WordNumberingLevel: Sendable, Hashable {
    /// `decimal`, `chineseCounting`, `chineseCountingThousand`, `ideographTraditional`,
    /// `decimalEnclosedCircle`, `upperLetter`, `bullet`, …
    public var format: String
    /// The pattern, `%1、` or `（%2）`: `%n` is level n's number.
    public var text: String
    public var start: Int

    public init(format: String, text: String, start: Int) {
        self.format = format
        self.text = text
        self.start = start
    }
}

/// `word/numbering.xml`: numbering instances and the abstract definitions they use.
public struct WordNumbering: Sendable, Hashable {
    /// Abstract definitions by id, each its levels by index.
    var abstracts: [String: [Int: WordNumberingLevel]] = [:]
    /// Numbering instances by `w:numId`: the abstract definition and start overrides by level.
    var instances: [String: (abstract: String, startOverrides: [Int: Int])] = [:]

    public init() {}

    /// The level `level` (0-based) of instance `numID`, nil when not defined.
    public func level(numID: String, level: Int) -> WordNumberingLevel? {
        guard let instance = instances[numID], var found = abstracts[instance.abstract]?[level] else { return nil }
        if let start = instance.startOverrides[level] { found.start = start }
        return found
    }

    public static func == (lhs: WordNumbering, rhs: WordNumbering) -> Bool {
        lhs.abstracts == rhs.abstracts && lhs.instances.mapValues(\.abstract) == rhs.instances.mapValues(\.abstract)
            && lhs.instances.mapValues(\.startOverrides) == rhs.instances.mapValues(\.startOverrides)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(abstracts)
        hasher.combine(instances.mapValues(\.abstract))
    }
}

/// A relationship of a part: what `r:id="rId5"` points to.
public struct WordRelationship: Sendable, Hashable {
    /// The relationship type URI (…/image, …/hyperlink, …/comments).
    public var type: String
    /// A package name (`word/media/image1.png`) resolved from the source part, or a URL when
    /// external.
    public var target: String
    public var isExternal: Bool

    public init(type: String, target: String, isExternal: Bool) {
        self.type = type
        self.target = target
        self.isExternal = isExternal
    }
}

/// Readers of the small parts around the body.
enum WordParts {
    static func styles(_ data: Data, file: String) throws(DocxError) -> [String: WordStyle] {
        final class State { var styles: [String: WordStyle] = [:]; var current: WordStyle?; var inParagraphProperties = false }
        let state = State()
        try OfficeXML.read(data, part: "word/styles.xml", file: file) { event in
            switch event {
            case .start("style", _, let attributes):
                state.current = WordStyle(id: attributes.value("styleId") ?? "", name: nil, type: attributes.value("type") ?? "paragraph", basedOn: nil, outlineLevel: nil)
            case .start("name", _, let attributes):
                state.current?.name = attributes.value("val")
            case .start("basedOn", _, let attributes):
                state.current?.basedOn = attributes.value("val")
            case .start("pPr", _, _):
                state.inParagraphProperties = true
            case .end("pPr", _):
                state.inParagraphProperties = false
            case .start("outlineLvl", _, let attributes) where state.inParagraphProperties:
                state.current?.outlineLevel = attributes.value("val").flatMap(Int.init)
            case .end("style", _):
                if let style = state.current, !style.id.isEmpty { state.styles[style.id] = style }
                state.current = nil
            default:
                break
            }
        }
        return state.styles
    }

    static func numbering(_ data: Data, file: String) throws(DocxError) -> WordNumbering {
        final class State {
            var numbering = WordNumbering()
            var abstract: String?
            var level: (index: Int, value: WordNumberingLevel)?
            var instance: (id: String, abstract: String, overrides: [Int: Int])?
            var overrideLevel: Int?
        }
        let state = State()
        try OfficeXML.read(data, part: "word/numbering.xml", file: file) { event in
            switch event {
            case .start("abstractNum", _, let attributes):
                state.abstract = attributes.value("abstractNumId")
            case .start("lvl", _, let attributes) where state.abstract != nil:
                state.level = (attributes.value("ilvl").flatMap(Int.init) ?? 0, WordNumberingLevel(format: "decimal", text: "", start: 1))
            case .start("start", _, let attributes) where state.level != nil:
                state.level?.value.start = attributes.value("val").flatMap(Int.init) ?? 1
            case .start("numFmt", _, let attributes) where state.level != nil:
                state.level?.value.format = attributes.value("val") ?? "decimal"
            case .start("lvlText", _, let attributes) where state.level != nil:
                state.level?.value.text = attributes.value("val") ?? ""
            case .end("lvl", _):
                if let abstract = state.abstract, let level = state.level { state.numbering.abstracts[abstract, default: [:]][level.index] = level.value }
                state.level = nil
            case .end("abstractNum", _):
                state.abstract = nil
            case .start("num", _, let attributes):
                state.instance = (attributes.value("numId") ?? "", "", [:])
            case .start("abstractNumId", _, let attributes) where state.instance != nil:
                state.instance?.abstract = attributes.value("val") ?? ""
            case .start("lvlOverride", _, let attributes) where state.instance != nil:
                state.overrideLevel = attributes.value("ilvl").flatMap(Int.init)
            case .start("startOverride", _, let attributes) where state.instance != nil:
                if let level = state.overrideLevel, let start = attributes.value("val").flatMap(Int.init) { state.instance?.overrides[level] = start }
            case .end("num", _):
                if let instance = state.instance { state.numbering.instances[instance.id] = (instance.abstract, instance.overrides) }
                state.instance = nil
            default:
                break
            }
        }
        return state.numbering
    }

    static func relationships(_ data: Data, part: String, source: String, file: String) throws(DocxError) -> [String: WordRelationship] {
        final class State { var relationships: [String: WordRelationship] = [:] }
        let state = State()
        try OfficeXML.read(data, part: part, file: file) { event in
            guard case .start("Relationship", _, let attributes) = event, let id = attributes.value("Id", in: []) else { return }
            let external = attributes.value("TargetMode", in: []) == "External"
            let target = attributes.value("Target", in: []) ?? ""
            state.relationships[id] = WordRelationship(type: attributes.value("Type", in: []) ?? "",
                                                       target: external ? target : DocxArchive.resolve(target, from: source),
                                                       isExternal: external)
        }
        return state.relationships
    }

    /// `docProps/custom.xml`: each property's name and its value as text, whatever its type.
    static func customProperties(_ data: Data, file: String) throws(DocxError) -> [String: String] {
        final class State { var properties: [String: String] = [:]; var name: String?; var value: String?; var depth = 0 }
        let state = State()
        try OfficeXML.read(data, part: "docProps/custom.xml", file: file) { event in
            switch event {
            case .start("property", _, let attributes):
                state.name = attributes.value("name", in: [])
                state.depth = 0
            case .start:
                if state.name != nil { state.depth += 1; state.value = state.value ?? "" }
            case .text(let text):
                if state.name != nil, state.depth > 0 { state.value = (state.value ?? "") + text }
            case .end("property", _):
                if let name = state.name { state.properties[name] = state.value ?? "" }
                state.name = nil
                state.value = nil
            case .end:
                if state.name != nil { state.depth -= 1 }
            }
        }
        return state.properties
    }

    /// `docProps/core.xml`: each element's local name (`title`, `creator`, `modified`) and text.
    static func coreProperties(_ data: Data, file: String) throws(DocxError) -> [String: String] {
        final class State { var properties: [String: String] = [:]; var name: String?; var text = "" }
        let state = State()
        try OfficeXML.read(data, part: "docProps/core.xml", file: file) { event in
            switch event {
            case .start(let name, _, _):
                state.name = name == "coreProperties" ? nil : name
                state.text = ""
            case .text(let text):
                state.text += text
            case .end(let name, _):
                if name == state.name, !state.text.isEmpty { state.properties[name] = state.text }
                state.name = nil
            }
        }
        return state.properties
    }
}
