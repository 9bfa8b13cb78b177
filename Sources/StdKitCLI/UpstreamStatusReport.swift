import StdKitCheck
import StdKitModel
import StdKitSyntax

/// What `stdkit upstream status` shows of each upstream of a project: its folder and the kind of
/// copy it is, the release followed, its documents, what the project uses of it and what it
/// leaves unused; as text in the reader's language or as JSON (docs/upstream.md).
struct UpstreamStatusReport {
    struct Entry {
        var upstream: Upstream
        var usage: UpstreamUsage
        /// The load-time findings about it (`upstream-missing`, `upstream-release`).
        var findings: [Diagnostic]
    }

    var upstreams: [Entry]

    init(project: Project) {
        upstreams = project.upstreams.map { upstream in
            let declaration = upstream.declaration
            let findings = project.diagnostics.filter { finding in
                finding.file == ProjectConfig.fileName && ["upstream-missing", "upstream-release"].contains(finding.rule)
                    && [declaration.pathLocation, declaration.releaseLocation ?? declaration.location].contains(finding.location)
            }
            return Entry(upstream: upstream, usage: UpstreamUsage(project: project, upstream: upstream.id), findings: findings)
        }
    }

    /// The documents of an upstream by kind, in the order of kinds' names.
    static func documentCounts(_ upstream: Upstream) -> [(kind: String, count: Int)] {
        let kinds = Dictionary(grouping: upstream.project?.documents.filter { !$0.isPage } ?? [], by: \.kind)
        return kinds.keys.sorted().map { ($0, kinds[$0]?.count ?? 0) }
    }

    // MARK: Text

    func text(language: Language, path: (String) -> String) -> String {
        guard !upstreams.isEmpty else { return Message.noUpstreamDeclared.text(in: language) + "\n" }
        var blocks: [String] = []
        for entry in upstreams {
            let upstream = entry.upstream
            let declaration = upstream.declaration
            var lines: [String] = []
            func line(_ message: Message, indent: Int = 2) { lines.append(String(repeating: " ", count: indent) + message.text(in: language)) }
            lines.append((upstream.project.map { Message.heading(declaration.id, name: $0.config.name) } ?? .headingAbsent(declaration.id)).text(in: language))
            if upstream.project == nil {
                line(.copyAbsent(declaration.path))
                for finding in entry.findings {
                    line(.finding(finding.message), indent: 4)
                    if let hint = finding.hint { line(.fix(hint), indent: 4) }
                }
                blocks.append(lines.joined(separator: "\n"))
                continue
            }
            if let checkout = upstream.checkout {
                let head = String(checkout.head.prefix(12))
                line(upstream.isSubmodule ? .copySubmodule(declaration.path, head: head, tags: checkout.tags) : .copyCheckout(declaration.path, head: head, tags: checkout.tags))
            } else {
                line(.copyVendored(declaration.path))
            }
            switch (declaration.release, upstream.isAtRelease) {
            case (nil, _): line(.releaseNone)
            case (let release?, true?): line(.releaseAt(release))
            case (let release?, false?): line(.releaseOff(release))
            case (let release?, nil): line(.releaseVendored(release))
            }
            for finding in entry.findings {
                line(.finding(finding.message), indent: 4)
                if let hint = finding.hint { line(.fix(hint), indent: 4) }
            }
            line(.documents(Self.documentCounts(upstream)))
            let uses = entry.usage.uses.filter { $0.places.contains(where: \.resolved) }
            if uses.isEmpty {
                line(.usesNone)
            } else {
                line(.uses(uses.count))
                for use in uses {
                    lines.append("    \(use.target)")
                    for place in use.places where place.resolved {
                        lines.append("      ← \(place.label)  \(path(place.path)):\(place.location.line)")
                    }
                }
            }
            let specifications = entry.usage.unusedSpecifications
            line(specifications.isEmpty ? .everySpecificationUsed : .unusedSpecifications(specifications))
            let courses = entry.usage.unusedCoreCourses
            line(courses.isEmpty ? .everyCoreCourseUsed : .unusedCoreCourses(courses))
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    // MARK: JSON

    /// `stdkit upstream status --format json`, version "1" (docs/upstream.md).
    struct JSON: Encodable {
        typealias Place = UpstreamPlaceJSON

        struct Use: Encodable {
            var target: String
            var places: [Place]
        }

        struct Finding: Encodable {
            var rule: String
            var severity: String
            var message: String
            var hint: String?
        }

        struct Upstream: Encodable {
            var id: String
            var path: String
            var name: String?
            /// `submodule`, `checkout`, `vendored` or `absent`.
            var copy: String
            var head: String?
            var tags: [String]?
            var release: String?
            /// Whether the checkout is at the release followed (absent: cannot be told).
            var atRelease: Bool?
            var findings: [Finding]
            /// Documents by kind.
            var documents: [String: Int]
            var uses: [Use]
            var unusedSpecifications: [String]
            var unusedCoreCourses: [String]
        }

        var version = "1"
        var upstreams: [Upstream]
    }

    func json(language: Language, path: (String) -> String) -> JSON {
        JSON(upstreams: upstreams.map { entry in
            let upstream = entry.upstream
            let copy = upstream.project == nil ? "absent" : upstream.checkout == nil ? "vendored" : upstream.isSubmodule ? "submodule" : "checkout"
            let uses = entry.usage.uses.compactMap { use -> JSON.Use? in
                let places = use.places.filter(\.resolved).map {
                    JSON.Place($0, file: path($0.path))
                }
                return places.isEmpty ? nil : JSON.Use(target: use.target, places: places)
            }
            return JSON.Upstream(
                id: upstream.id, path: upstream.declaration.path, name: upstream.project?.config.name, copy: copy, head: upstream.checkout?.head,
                tags: upstream.checkout?.tags, release: upstream.declaration.release, atRelease: upstream.isAtRelease,
                findings: entry.findings.map {
                    JSON.Finding(rule: $0.rule, severity: $0.severity.rawValue, message: $0.message.text(in: language), hint: $0.hint?.text(in: language))
                },
                documents: Dictionary(uniqueKeysWithValues: Self.documentCounts(upstream).map { ($0.kind, $0.count) }),
                uses: uses, unusedSpecifications: entry.usage.unusedSpecifications, unusedCoreCourses: entry.usage.unusedCoreCourses)
        })
    }
}

extension Message {
    fileprivate static let noUpstreamDeclared = Message("upstream.status.none")

    fileprivate static func heading(_ id: String, name: String) -> Message {
        Message("upstream.status.heading", ["id": .verbatim(id), "name": .verbatim(name)])
    }

    fileprivate static func headingAbsent(_ id: String) -> Message {
        Message("upstream.status.heading.absent", ["id": .verbatim(id)])
    }

    fileprivate static func copyAbsent(_ path: String) -> Message {
        Message("upstream.status.copy.absent", ["path": .verbatim(path)])
    }

    fileprivate static func tags(_ tags: [String]) -> Argument {
        .message(tags.isEmpty ? Message("upstream.status.no-tag") : Message("upstream.status.tags", ["tags": .list(tags, .and)]))
    }

    fileprivate static func copySubmodule(_ path: String, head: String, tags: [String]) -> Message {
        Message("upstream.status.copy.submodule", ["path": .verbatim(path), "head": .verbatim(head), "tags": Self.tags(tags)])
    }

    fileprivate static func copyCheckout(_ path: String, head: String, tags: [String]) -> Message {
        Message("upstream.status.copy.checkout", ["path": .verbatim(path), "head": .verbatim(head), "tags": Self.tags(tags)])
    }

    fileprivate static func copyVendored(_ path: String) -> Message {
        Message("upstream.status.copy.vendored", ["path": .verbatim(path)])
    }

    fileprivate static let releaseNone = Message("upstream.status.release.none")

    fileprivate static func releaseAt(_ release: String) -> Message {
        Message("upstream.status.release.at", ["release": .verbatim(release)])
    }

    fileprivate static func releaseOff(_ release: String) -> Message {
        Message("upstream.status.release.off", ["release": .verbatim(release)])
    }

    fileprivate static func releaseVendored(_ release: String) -> Message {
        Message("upstream.status.release.vendored", ["release": .verbatim(release)])
    }

    /// A load-time finding about the upstream, worded as `stdkit check` words it.
    fileprivate static func finding(_ message: Message) -> Message {
        Message("upstream.status.finding", ["message": .message(message)])
    }

    fileprivate static func fix(_ hint: Message) -> Message {
        Message("upstream.status.fix", ["hint": .message(hint)])
    }

    fileprivate static func documents(_ counts: [(kind: String, count: Int)]) -> Message {
        Message("upstream.status.documents", ["counts": .messages(counts.map {
            Message("upstream.status.documents.count", ["kind": Message.documentKind($0.kind), "count": .number($0.count)])
        }, .and)])
    }

    fileprivate static let usesNone = Message("upstream.status.uses.none")

    fileprivate static func uses(_ count: Int) -> Message {
        Message("upstream.status.uses", ["count": .number(count)])
    }

    fileprivate static let everySpecificationUsed = Message("upstream.status.specifications.all-used")
    fileprivate static let everyCoreCourseUsed = Message("upstream.status.core-courses.all-used")

    fileprivate static func unusedSpecifications(_ keys: [String]) -> Message {
        Message("upstream.status.specifications.unused", ["count": .number(keys.count), "keys": .list(keys, .and)])
    }

    fileprivate static func unusedCoreCourses(_ keys: [String]) -> Message {
        Message("upstream.status.core-courses.unused", ["count": .number(keys.count), "keys": .list(keys, .and)])
    }
}
