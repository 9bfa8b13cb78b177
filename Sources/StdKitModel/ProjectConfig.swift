import Foundation
import StdKitSyntax

/// The settings of a project, read from `stdkit.yml` at its root. Every field has a default,
/// so a folder without `stdkit.yml` is a project too.
public struct ProjectConfig: Sendable, Hashable {
    /// What `publish` says about the website.
    public struct Publish: Sendable, Hashable {
        public var title: String?
        public var output: String = "_site"
        /// A folder of templates and assets that replace the default theme's.
        public var theme: String?
        /// Whether raw HTML in documents is published (default: left out).
        public var allowHTML = false
    }

    /// The pilot programme a project takes part in (`pilot`, DESIGN §13.1, §14.3).
    public struct Pilot: Sendable, Hashable {
        /// The pilot's batch (a year, e.g. 2026).
        public var batch: Int?
        /// `provincial`, `national`, …
        public var level: String?
    }

    public var name: String
    /// The default language of documents (BCP 47).
    public var lang: String = "zh-CN"
    /// The rule profile, e.g. `cn-vocational-higher`.
    public var profile: String?
    public var parties: [Party] = []
    public var include: [String] = ["**/*.md"]
    public var exclude: [String] = ["_site/**", "README.md"]
    public var publish = Publish()
    /// Bounds on input (`limits`): file size, table columns, nesting, YAML nodes, documents.
    public var limits = Limits()

    /// What is never read as a document: the `exclude` patterns, the published site and the
    /// upstreams' folders (each read as a project of its own, DESIGN §14.1).
    public var excludedGlobs: [Glob] {
        (exclude + ["\(publish.output)/**"] + upstreams.flatMap { [$0.path, "\($0.path)/**"] }).map(Glob.init)
    }
    /// Severity overrides by rule id: `error`, `warning`, `note` or `off`.
    public var rules: [String: String] = [:]
    /// The folder of the project's own kind schemas.
    public var schemas: String = "schemas"
    /// Overrides of the profile's thresholds (`profile_settings`), applied by the loader.
    public var profileSettings: YAMLNode?
    /// The pilot programme, when the project is part of one.
    public var pilot: Pilot?
    /// The hours one week of concentrated practice counts (`practice_hours_per_week`).
    public var practiceHoursPerWeek = 24
    /// The upstream projects this one implements (`upstream`, DESIGN §14.1).
    public var upstreams: [UpstreamDeclaration] = []
    /// The fonts of a Word export (`word.fonts`).
    public var wordFonts = WordFonts()
    /// Where each setting was written, for messages about it.
    public var locations: [String: SourceLocation] = [:]

    public init(name: String) {
        self.name = name
    }

    /// The file name of a project's settings.
    public static let fileName = "stdkit.yml"

    /// The settings written in `yaml` (the text of `stdkit.yml`), with what is wrong in it; the
    /// defaults stand wherever a setting is missing or invalid.
    public static func parse(_ yaml: String, defaultName: String, file: String = fileName) -> (ProjectConfig, [Diagnostic]) {
        var config = ProjectConfig(name: defaultName)
        let read = YAMLReader.read(yaml, file: file)
        var diagnostics = read.diagnostics.map { diagnostic -> Diagnostic in
            var diagnostic = diagnostic
            if diagnostic.rule == "front-matter-invalid" {
                diagnostic.rule = "config-invalid"
                diagnostic.message = .aboutSettings(diagnostic.message)
            }
            return diagnostic
        }
        guard let root = read.root, !root.isNull else { return (config, diagnostics) }
        guard let pairs = root.mapping else {
            diagnostics.append(problem(file, root, .settingsNotMapping(root)))
            return (config, diagnostics)
        }
        func string(_ node: YAMLNode, _ key: String) -> String? {
            if let text = node.scalar, !node.isNull { return text }
            diagnostics.append(problem(file, node, .notSingleValue(key, node)))
            return nil
        }
        func strings(_ node: YAMLNode, _ key: String) -> [String]? {
            if let text = node.scalar, !node.isNull { return [text] }
            guard let elements = node.sequence else {
                diagnostics.append(problem(file, node, .notPatterns(key)))
                return nil
            }
            return elements.compactMap { string($0, key) }
        }
        for pair in pairs {
            guard let key = pair.key.scalar else { continue }
            let value = pair.value
            config.locations[key] = pair.key.location
            switch key {
            case "name": config.name = string(value, key) ?? config.name
            case "lang": config.lang = string(value, key) ?? config.lang
            case "profile": config.profile = string(value, key)
            case "include": config.include = strings(value, key) ?? config.include
            case "exclude": config.exclude = strings(value, key) ?? config.exclude
            case "schemas": config.schemas = string(value, key) ?? config.schemas
            case "profile_settings":
                if value.mapping != nil {
                    config.profileSettings = value
                } else if !value.isNull {
                    diagnostics.append(problem(file, value, .profileSettingsNotMapping))
                }
            case "parties":
                config.parties = parseParties(value, file: file, text: yaml, diagnostics: &diagnostics)
            case "upstream":
                config.upstreams = parseUpstreams(value, file: file, diagnostics: &diagnostics)
            case "practice_hours_per_week":
                guard let hours = value.scalar.flatMap({ Int($0) }), hours > 0 else {
                    diagnostics.append(problem(file, value, .practiceHoursNotPositive))
                    continue
                }
                config.practiceHoursPerWeek = hours
            case "word":
                // Its shape is the schema's to check (a font that is not one string is a
                // config-invalid there); the fonts read here are the ones that fit.
                for role in ["body", "heading", "latin"] {
                    guard let node = value["fonts"]?[role] else { continue }
                    guard let font = node.scalar?.trimmingCharacters(in: .whitespaces), !node.isNull, !font.isEmpty else {
                        if node.scalar != nil { diagnostics.append(problem(file, node, .notSingleValue("word.fonts.\(role)", node))) }
                        continue
                    }
                    switch role {
                    case "body": config.wordFonts.body = font
                    case "heading": config.wordFonts.heading = font
                    default: config.wordFonts.latin = font
                    }
                }
            case "pilot":
                // Its shape is the schema's to check; the values read here are the ones that fit.
                guard value.mapping != nil else { continue }
                config.pilot = Pilot(batch: value["batch"]?.scalar.flatMap { Int($0) }, level: value["level"]?.scalar)
            case "publish":
                guard let publish = value.mapping else {
                    diagnostics.append(problem(file, value, .publishNotMapping))
                    continue
                }
                for entry in publish {
                    switch entry.key.scalar {
                    case "title": config.publish.title = string(entry.value, "publish.title")
                    case "output": config.publish.output = string(entry.value, "publish.output") ?? config.publish.output
                    case "theme": config.publish.theme = string(entry.value, "publish.theme")
                    case "allow_html":
                        switch entry.value.scalar {
                        case "true": config.publish.allowHTML = true
                        case "false": config.publish.allowHTML = false
                        default: diagnostics.append(problem(file, entry.value, .allowHTMLNotBoolean))
                        }
                    default: break
                    }
                }
            case "limits":
                guard let limits = value.mapping else {
                    diagnostics.append(problem(file, value, .limitsNotMapping))
                    continue
                }
                for entry in limits {
                    guard let name = entry.key.scalar else { continue }
                    let keys: [String: WritableKeyPath<Limits, Int>] = [
                        "table_columns": \.tableColumns, "nesting_depth": \.nestingDepth, "yaml_nodes": \.yamlNodes, "documents": \.documents,
                    ]
                    guard let number = entry.value.scalar.flatMap({ Int($0) }), number > 0 else {
                        diagnostics.append(problem(file, entry.value, .limitNotPositive(name)))
                        continue
                    }
                    if name == "file_size_mb" {
                        config.limits.fileSize = number.multipliedReportingOverflow(by: 1024 * 1024).overflow ? Int.max : number * 1024 * 1024
                    } else if let key = keys[name] {
                        config.limits[keyPath: key] = number
                    } else {
                        diagnostics.append(problem(file, entry.key, .unknownLimit(name, limits: ["file_size_mb"] + keys.keys.sorted())))
                    }
                }
            case "rules":
                guard let rules = value.mapping else {
                    diagnostics.append(problem(file, value, .rulesNotMapping))
                    continue
                }
                for entry in rules {
                    guard let rule = entry.key.scalar, let level = string(entry.value, rule) else { continue }
                    guard ["error", "warning", "note", "off"].contains(level) else {
                        diagnostics.append(problem(file, entry.value, .unknownSeverity(level, rule: rule)))
                        continue
                    }
                    config.rules[rule] = level
                    config.locations["rules.\(rule)"] = entry.key.location
                }
            default:
                // Settings of later features pass through untouched; the schema below says
                // whether the key is one at all.
                break
            }
        }
        // The schema checks every key, nested ones too; where the reading above has already
        // reported a place (with a message about what the setting does), it is not reported twice.
        let reported = Set(diagnostics.map(\.location))
        diagnostics += ConfigSchema.shipped.schema.validate(root, file: file, text: yaml).filter { !reported.contains($0.location) }
        return (config, diagnostics)
    }

    private static func parseParties(_ node: YAMLNode, file: String, text: String, diagnostics: inout [Diagnostic]) -> [Party] {
        guard let elements = node.sequence else {
            diagnostics.append(problem(file, node, .partiesNotList))
            return []
        }
        var parties: [Party] = []
        for element in elements {
            guard element.mapping != nil else {
                diagnostics.append(problem(file, element, .partyNotMapping))
                continue
            }
            guard let id = element["id"]?.scalar, Party.isValidID(id) else {
                diagnostics.append(problem(file, element["id"] ?? element, .malformedPartyID(element["id"]?.scalar)))
                continue
            }
            let kindText = element["kind"]?.scalar ?? ""
            guard let kind = Party.Kind(rawValue: kindText) else {
                diagnostics.append(problem(file, element["kind"] ?? element, .unknownPartyKind(kindText, party: id)))
                continue
            }
            if parties.contains(where: { $0.id == id }) {
                diagnostics.append(problem(file, element, .partyDeclaredTwice(id)))
                continue
            }
            var members: [String] = []
            if let membersNode = element["members"], !membersNode.isNull {
                if !kind.hasMembers {
                    diagnostics.append(problem(file, element.pair("members")?.key ?? membersNode, .membersOnSingleParty(id, kind: kind.rawValue)))
                } else if let list = membersNode.sequence {
                    members = list.compactMap(\.scalar)
                }
                // A list of something else is the schema's finding (wrong type).
            } else if kind.hasMembers {
                diagnostics.append(problem(file, element["kind"] ?? element, .noMembers(id, kind: kind.rawValue)))
            }
            var region: String?
            if let regionNode = element["region"], let code = regionNode.scalar, !regionNode.isNull {
                if Party.isValidRegion(code) {
                    region = code
                } else {
                    diagnostics.append(problem(file, regionNode, .malformedRegion(code, party: id)))
                }
            }
            parties.append(Party(id: id, name: element["name"]?.scalar ?? id, kind: kind, members: members, region: region))
        }
        // Members may name parties declared later in the list, so they are checked once all are read.
        let ids = parties.map(\.id)
        for element in elements {
            guard let id = element["id"]?.scalar, let party = parties.first(where: { $0.id == id }), party.kind.hasMembers,
                  let list = element["members"]?.sequence else { continue }
            for member in list {
                guard let memberID = member.scalar, !member.isNull else { continue }
                if memberID == id {
                    diagnostics.append(problem(file, member, .memberIsItself(id)))
                } else if !ids.contains(memberID) {
                    let suggestion = Suggestion.closest(to: memberID, among: ids)
                    var finding = problem(file, member, .unknownMember(memberID, of: id, suggestion: suggestion))
                    // Not the party itself, which cannot be its own member.
                    finding.fixes = Fix.replacing(member, with: suggestion.flatMap { $0 == id ? nil : $0 }, inText: text, file: file)
                    diagnostics.append(finding)
                }
            }
        }
        return parties
    }

    /// The `upstream` list: each entry an id (the prefix of references), a relative folder and
    /// an optional release tag. An entry that cannot be used is reported and left out.
    private static func parseUpstreams(_ node: YAMLNode, file: String, diagnostics: inout [Diagnostic]) -> [UpstreamDeclaration] {
        guard let elements = node.sequence else {
            return []  // a value of another type is the schema's finding
        }
        var upstreams: [UpstreamDeclaration] = []
        for element in elements {
            // A missing `id` or `path`, or a value of the wrong type, is the schema's finding.
            guard element.mapping != nil, let idNode = element["id"], let id = idNode.scalar, !idNode.isNull,
                  let pathNode = element["path"], let rawPath = pathNode.scalar, !pathNode.isNull else { continue }
            guard ReferenceSyntax.isUpstreamPrefix(id) else {
                diagnostics.append(problem(file, idNode, .malformedUpstreamID(id)))
                continue
            }
            guard !upstreams.contains(where: { $0.id == id }) else {
                diagnostics.append(problem(file, idNode, .upstreamDeclaredTwice(id)))
                continue
            }
            guard let path = UpstreamDeclaration.normalizedPath(rawPath) else {
                diagnostics.append(problem(file, pathNode, .upstreamPathOutside(rawPath, upstream: id)))
                continue
            }
            if let other = upstreams.first(where: { $0.path == path }) {
                diagnostics.append(problem(file, pathNode, .upstreamPathTwice(path, upstream: id, other: other.id)))
                continue
            }
            let releaseNode = element["release"]
            let release = releaseNode.flatMap { $0.isNull ? nil : $0.scalar }
            upstreams.append(UpstreamDeclaration(id: id, path: path, release: release, location: element.location,
                                                 pathLocation: pathNode.location, releaseLocation: releaseNode?.location))
        }
        return upstreams
    }

    private static func problem(_ file: String, _ node: YAMLNode, _ message: Message) -> Diagnostic {
        Diagnostic(rule: "config-invalid", file: file, location: node.location, message: message)
    }
}


extension Message {
    /// A YAML problem of stdkit.yml, which the YAML reader words as one of front matter.
    fileprivate static func aboutSettings(_ message: Message) -> Message {
        let keys = ["front-matter-invalid.yaml": "config-invalid.yaml", "front-matter-invalid.unreadable": "config-invalid.unreadable"]
        return Message(keys[message.key] ?? message.key, message.arguments)
    }

    fileprivate static func settingsNotMapping(_ root: YAMLNode) -> Message {
        Message("config-invalid.not-mapping", ["shape": shape(of: root)])
    }

    fileprivate static func notSingleValue(_ key: String, _ node: YAMLNode) -> Message {
        Message("config-invalid.not-single-value", ["key": .verbatim(key), "shape": shape(of: node)])
    }

    fileprivate static func notPatterns(_ key: String) -> Message {
        Message("config-invalid.not-patterns", ["key": .verbatim(key)])
    }

    fileprivate static let profileSettingsNotMapping = Message("config-invalid.profile-settings")
    fileprivate static let publishNotMapping = Message("config-invalid.publish")
    fileprivate static let allowHTMLNotBoolean = Message("config-invalid.allow-html")
    fileprivate static let limitsNotMapping = Message("config-invalid.limits")

    fileprivate static func limitNotPositive(_ name: String) -> Message {
        Message("config-invalid.limit-not-positive", ["name": .verbatim(name)])
    }

    fileprivate static func unknownLimit(_ name: String, limits: [String]) -> Message {
        Message("config-invalid.unknown-limit", ["name": .verbatim(name), "limits": .list(limits, .and)])
    }

    fileprivate static let rulesNotMapping = Message("config-invalid.rules")

    fileprivate static func unknownSeverity(_ level: String, rule: String) -> Message {
        Message("config-invalid.severity", ["rule": .verbatim(rule), "level": .verbatim(level)])
    }

    fileprivate static let partiesNotList = Message("config-invalid.parties")
    fileprivate static let partyNotMapping = Message("config-invalid.party")

    fileprivate static func malformedPartyID(_ id: String?) -> Message {
        id.map { Message("config-invalid.party-id", ["id": .verbatim($0)]) } ?? Message("config-invalid.party-id.missing")
    }

    fileprivate static func unknownPartyKind(_ kind: String, party: String) -> Message {
        Message("config-invalid.party-kind", ["party": .verbatim(party), "kind": .verbatim(kind)])
    }

    fileprivate static func partyDeclaredTwice(_ id: String) -> Message {
        Message("config-invalid.party-twice", ["party": .verbatim(id)])
    }

    fileprivate static func membersOnSingleParty(_ id: String, kind: String) -> Message {
        Message("config-invalid.members-not-allowed", ["party": .verbatim(id), "kind": .verbatim(kind)])
    }

    fileprivate static func noMembers(_ id: String, kind: String) -> Message {
        Message("config-invalid.members-missing", ["party": .verbatim(id), "kind": .verbatim(kind)])
    }

    fileprivate static func unknownMember(_ member: String, of id: String, suggestion: String?) -> Message {
        Message("config-invalid.unknown-member", ["member": .verbatim(member), "party": .verbatim(id), "suggestion": didYouMean(suggestion)])
    }

    fileprivate static func memberIsItself(_ id: String) -> Message {
        Message("config-invalid.member-itself", ["party": .verbatim(id)])
    }

    fileprivate static func malformedRegion(_ code: String, party: String) -> Message {
        Message("config-invalid.region", ["party": .verbatim(party), "region": .verbatim(code)])
    }

    fileprivate static let practiceHoursNotPositive = Message("config-invalid.practice-hours-per-week")

    fileprivate static func malformedUpstreamID(_ id: String) -> Message {
        Message("config-invalid.upstream-id", ["id": .verbatim(id)])
    }

    fileprivate static func upstreamDeclaredTwice(_ id: String) -> Message {
        Message("config-invalid.upstream-twice", ["id": .verbatim(id)])
    }

    fileprivate static func upstreamPathOutside(_ path: String, upstream: String) -> Message {
        Message("config-invalid.upstream-path", ["path": .verbatim(path), "id": .verbatim(upstream)])
    }

    fileprivate static func upstreamPathTwice(_ path: String, upstream: String, other: String) -> Message {
        Message("config-invalid.upstream-path-twice", ["path": .verbatim(path), "id": .verbatim(upstream), "other": .verbatim(other)])
    }
}
