import StdKitSyntax

/// The lists a provincial reviewer checks against (DESIGN §13.4): the programme's section
/// framework and the code tables. They are data of the profile, like its thresholds, so that
/// an edition of a document or a project's own reading changes a file, not the tool.
extension Profile {
    /// The list settings, as written in profile files and `profile_settings`.
    static let reviewListNames = ["programme_sections", "major_categories", "major_classes", "industry_divisions"]

    /// Applies list setting `name`; the problem with `value`, if any.
    mutating func applyReviewList(_ name: String, _ value: YAMLNode) -> Message? {
        switch name {
        case "programme_sections":
            guard let sections = Self.sections(value) else { return .notSections(name) }
            programmeSections = sections
        case "major_categories", "major_classes":
            let digits = name == "major_categories" ? 2 : 4
            guard let table = Self.codeNames(value, digits: digits) else { return .notCodeNames(name, digits: digits) }
            if name == "major_categories" { majorCategories = table } else { majorClasses = table }
        default:
            guard let divisions = Self.divisions(value) else { return .notDivisions(name) }
            industryDivisions = divisions
        }
        return nil
    }

    /// A list whose entries are a name, a list of names (the first is shown, the others are
    /// accepted: English, an edition's wording) or `{names: [...], required: false}`.
    private static func sections(_ node: YAMLNode) -> [KindSchema.SectionSpec]? {
        guard let entries = node.sequence, !entries.isEmpty else { return nil }
        var sections: [KindSchema.SectionSpec] = []
        for entry in entries {
            if let name = entry.scalar, !name.isEmpty {
                sections.append(KindSchema.SectionSpec(names: [name]))
            } else if let names = entry.sequence?.compactMap(\.scalar), !names.isEmpty, names.count == entry.sequence?.count {
                sections.append(KindSchema.SectionSpec(names: names))
            } else if let names = entry["names"]?.sequence?.compactMap(\.scalar), !names.isEmpty {
                let required = entry["required"]?.scalar.map { $0 == "true" || $0 == "yes" } ?? true
                sections.append(KindSchema.SectionSpec(names: names, required: required))
            } else {
                return nil
            }
        }
        return sections
    }

    /// A mapping of codes of `digits` digits to names.
    private static func codeNames(_ node: YAMLNode, digits: Int) -> [String: String]? {
        guard let pairs = node.mapping else { return nil }
        var table: [String: String] = [:]
        for pair in pairs {
            guard let code = pair.key.scalar, code.count == digits, code.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let name = pair.value.scalar, !name.isEmpty else { return nil }
            table[code] = name
        }
        return table
    }

    /// A mapping of 门类 letters to the 大类 numbers they hold, written `13-43` or `70`.
    private static func divisions(_ node: YAMLNode) -> [String: ClosedRange<Int>]? {
        guard let pairs = node.mapping else { return nil }
        var table: [String: ClosedRange<Int>] = [:]
        for pair in pairs {
            guard let letter = pair.key.scalar, letter.count == 1, letter.first?.isUppercase == true, letter.first?.isASCII == true,
                  let text = pair.value.scalar else { return nil }
            let bounds = text.split(separator: "-").map { Int($0) }
            guard (1...2).contains(bounds.count), let low = bounds.first ?? nil, let high = bounds.last ?? nil, low <= high else { return nil }
            table[letter] = low...high
        }
        return table
    }
}

extension Message {
    fileprivate static func notSections(_ name: String) -> Message {
        Message("profile.not-sections", ["name": .verbatim(name)])
    }

    fileprivate static func notCodeNames(_ name: String, digits: Int) -> Message {
        Message("profile.not-code-names", ["name": .verbatim(name), "digits": .number(digits)])
    }

    fileprivate static func notDivisions(_ name: String) -> Message {
        Message("profile.not-divisions", ["name": .verbatim(name)])
    }
}
