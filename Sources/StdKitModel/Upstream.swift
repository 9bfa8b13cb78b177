import Foundation
import StdKitSyntax

/// An upstream as `stdkit.yml` declares it (DESIGN §14.1): the prefix of references into it, the
/// folder that holds it and the release the project follows.
///
///     upstream:
///       - id: ns
///         path: vendor/ns-460305
///         release: v2025.1
public struct UpstreamDeclaration: Sendable, Hashable {
    /// The prefix of references into the upstream (`ns` of `ns:PROG-NS-460305#S7`).
    public var id: String
    /// The folder, relative to the project, with `/` and no trailing slash.
    public var path: String
    /// The upstream's tag the project follows, if said.
    public var release: String?
    /// Where the entry, its `path` and its `release` were written in `stdkit.yml`.
    public var location: SourceLocation
    public var pathLocation: SourceLocation
    public var releaseLocation: SourceLocation?

    public init(id: String, path: String, release: String? = nil, location: SourceLocation = .start,
                pathLocation: SourceLocation = .start, releaseLocation: SourceLocation? = nil) {
        self.id = id
        self.path = path
        self.release = release
        self.location = location
        self.pathLocation = pathLocation
        self.releaseLocation = releaseLocation
    }

    /// `path` as a folder inside the project (`./vendor/ns/` → `vendor/ns`); nil for a path that
    /// leaves it (absolute, or through `..`) or is the project itself.
    public static func normalizedPath(_ path: String) -> String? {
        guard !path.hasPrefix("/"), !path.contains("\\") else { return nil }
        let parts = path.split(separator: "/").filter { $0 != "." }
        guard !parts.isEmpty, !parts.contains("..") else { return nil }
        return parts.joined(separator: "/")
    }
}

/// An upstream of a project: its declaration and, when its folder is there, the upstream read
/// as a project of its own. Its documents are not the project's and its findings not the
/// project's; the project sees them through references (`ns:DOC#ITEM`) and `Project.document`.
public struct Upstream: Sendable {
    /// Why an upstream's folder could not be read as a project.
    public enum Absence: Sendable, Hashable {
        /// No folder at the path.
        case noFolder
        /// The folder is empty (a submodule not initialised).
        case emptyFolder
        /// The folder holds files but no `stdkit.yml`: not a standards project.
        case noSettings
    }

    /// What git says of an upstream's folder that is a checkout of its own (a submodule).
    public struct Checkout: Sendable, Hashable {
        /// The commit checked out.
        public var head: String
        /// The tags that point at it.
        public var tags: [String]
        /// Whether the followed release's tag exists in the checkout at all.
        public var knowsRelease: Bool
    }

    public var declaration: UpstreamDeclaration
    /// The upstream read as a project, nil when it is absent.
    public var project: Project?
    public var absence: Absence?
    /// Set when the folder is a git checkout.
    public var checkout: Checkout?
    /// Whether `.gitmodules` lists the folder as a submodule.
    public var isSubmodule: Bool

    public init(declaration: UpstreamDeclaration, project: Project?, absence: Absence? = nil, checkout: Checkout? = nil, isSubmodule: Bool = false) {
        self.declaration = declaration
        self.project = project
        self.absence = project == nil ? (absence ?? .noFolder) : nil
        self.checkout = checkout
        self.isSubmodule = isSubmodule
    }

    public var id: String { declaration.id }

    /// The key under which the project knows an upstream document: `ns:PROG-NS-460305`.
    public func key(of documentID: String) -> String { "\(declaration.id):\(documentID)" }

    /// The upstream's documents as the project sees them: each with its id prefixed (`ns:…`)
    /// and its path under the upstream's folder, so that a message or a links lock line names
    /// it as the project's reader finds it.
    public var documentsSeenFromProject: [Document] {
        guard let project else { return [] }
        return project.documents.compactMap { document in
            guard let id = document.id else { return nil }
            var seen = document
            seen.id = key(of: id)
            seen.path = declaration.path + "/" + document.path
            return seen
        }
    }

    /// Whether the checkout is at the followed release: nil when that cannot be told (no
    /// release said, or a vendored copy that is no git checkout).
    public var isAtRelease: Bool? {
        guard let release = declaration.release, let checkout else { return nil }
        return checkout.tags.contains(release)
    }

    /// Whether `.gitmodules` (its text) lists a submodule at `path`.
    static func gitmodules(_ text: String?, list path: String) -> Bool {
        guard let text else { return false }
        return TextLines.split(text).contains { line in
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            return parts.count == 2 && parts[0] == "path" && UpstreamDeclaration.normalizedPath(parts[1]) == path
        }
    }

    /// What git says of the folder at `url` when it is a checkout of its own (`.git` in it, a
    /// folder or a submodule's file), else nil.
    static func checkout(at url: URL, release: String?) -> Checkout? {
        guard FileManager.default.fileExists(atPath: url.appendingPathComponent(".git").path),
              let head = try? GitRepository.git(["rev-parse", "HEAD"], in: url) else { return nil }
        let tags = (try? GitRepository.git(["tag", "--points-at", "HEAD"], in: url)).map {
            String(decoding: $0, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
        } ?? []
        var knowsRelease = true
        if let release {
            knowsRelease = (try? GitRepository.git(["rev-parse", "-q", "--verify", "refs/tags/\(release)"], in: url)) != nil
        }
        return Checkout(head: String(decoding: head, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines),
                        tags: tags, knowsRelease: knowsRelease)
    }

    /// The findings about the upstreams of a project: one error for each that is absent (naming
    /// the command or the copy that brings it), one warning for each checkout not at the release
    /// it should follow. Nothing else is reported against an absent upstream.
    static func findings(_ upstreams: [Upstream]) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for upstream in upstreams {
            let declaration = upstream.declaration
            if let absence = upstream.absence {
                let hint: Message = upstream.isSubmodule ? .initialiseSubmodule(declaration.path)
                    : absence == .noSettings ? .notAProject(declaration.path) : .copyRelease(declaration.path, release: declaration.release)
                findings.append(Diagnostic(
                    rule: "upstream-missing", file: ProjectConfig.fileName, location: declaration.pathLocation,
                    message: .upstreamAbsent(declaration.id, path: declaration.path, absence: absence), hint: hint))
                continue
            }
            guard let release = declaration.release, let checkout = upstream.checkout, upstream.isAtRelease == false else { continue }
            let at = checkout.tags.first ?? String(checkout.head.prefix(12))
            findings.append(Diagnostic(
                rule: "upstream-release", severity: .warning, file: ProjectConfig.fileName,
                location: declaration.releaseLocation ?? declaration.location,
                message: checkout.knowsRelease ? .notAtRelease(declaration.id, release: release, at: at)
                    : .releaseUnknown(declaration.id, release: release, at: at),
                hint: checkout.knowsRelease ? .checkOutRelease(declaration.path, release: release) : .fetchTags(declaration.path, release: release)))
        }
        return findings
    }
}

extension Message {
    fileprivate static func upstreamAbsent(_ id: String, path: String, absence: Upstream.Absence) -> Message {
        let key = switch absence {
        case .noFolder: "upstream-missing.no-folder"
        case .emptyFolder: "upstream-missing.empty"
        case .noSettings: "upstream-missing.no-settings"
        }
        return Message(key, ["id": .verbatim(id), "path": .verbatim(path)])
    }

    fileprivate static func initialiseSubmodule(_ path: String) -> Message {
        Message("upstream-missing.submodule.hint", ["path": .verbatim(path)])
    }

    fileprivate static func notAProject(_ path: String) -> Message {
        Message("upstream-missing.no-settings.hint", ["path": .verbatim(path)])
    }

    fileprivate static func copyRelease(_ path: String, release: String?) -> Message {
        guard let release else { return Message("upstream-missing.copy.hint", ["path": .verbatim(path)]) }
        return Message("upstream-missing.copy-release.hint", ["path": .verbatim(path), "release": .verbatim(release)])
    }

    fileprivate static func notAtRelease(_ id: String, release: String, at: String) -> Message {
        Message("upstream-release.message", ["id": .verbatim(id), "release": .verbatim(release), "at": .verbatim(at)])
    }

    fileprivate static func releaseUnknown(_ id: String, release: String, at: String) -> Message {
        Message("upstream-release.unknown", ["id": .verbatim(id), "release": .verbatim(release), "at": .verbatim(at)])
    }

    fileprivate static func checkOutRelease(_ path: String, release: String) -> Message {
        Message("upstream-release.hint", ["path": .verbatim(path), "release": .verbatim(release)])
    }

    fileprivate static func fetchTags(_ path: String, release: String) -> Message {
        Message("upstream-release.unknown.hint", ["path": .verbatim(path), "release": .verbatim(release)])
    }
}
