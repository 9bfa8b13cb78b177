import Foundation
import StdKitModel
import StdKitSyntax

/// A check that starts from the last one (`CheckCache`) and reads again only the files that
/// changed since — for `stdkit check --staged` on every commit of a large project.
///
/// It reuses the last findings only when it can tell they still hold:
/// - the same tool and the same settings (stdkit.yml, the kinds' schemas, the links lock, in the
///   checked revision and in the base), and the same files in the project;
/// - every changed file a document whose outward facts (`Outward`) are what they were: then no
///   other document's findings change, the changed documents' findings of the `.document` rules
///   are found again from those documents alone (with their base revisions), and their other
///   findings — and notes of any finding that point into them — move with the places they
///   point at.
/// (A version raised counts as unchanged unless another document pins it; an id shared with
/// another document, in either revision, declines.) Anything else — a reference, an item's text,
/// another front matter field, a heading changed; a file added, removed or not a document; more
/// than `limit` files changed — and it declines: the caller runs the full check and keeps its
/// result for the next time.
public enum IncrementalCheck {
    /// More changed files than this and a full check is about as quick.
    public static let limit = 200

    /// The files of the checked revision and of its base, by project-relative path → blob.
    public struct Listing: Sendable, Equatable {
        public var blobs: [String: String]
        public var baseBlobs: [String: String]

        public init(blobs: [String: String], baseBlobs: [String: String]) {
            self.blobs = blobs
            self.baseBlobs = baseBlobs
        }

        /// What the cache's key takes in of the files: the blobs of the settings (`stdkit.yml`,
        /// the kinds' `.yml` schemas) and of the links lock — whatever shapes how every document
        /// is read and checked — in both revisions, and which files the base has.
        func settingsKey() -> String {
            func part(_ blobs: [String: String]) -> String {
                blobs.filter { path, _ in isSettings(path) || (path.utf8.first == UInt8(ascii: ".") && path.utf8.starts(with: ".stdkit/".utf8)) }
                    .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
            }
            // The base's other files are in the entries (their base blobs); those it has alone here.
            let baseOnly = baseBlobs.keys.filter { blobs[$0] == nil }.sorted().joined(separator: ";")
            return part(blobs) + "|" + part(baseBlobs) + "|" + baseOnly
        }
    }

    /// Whether `path` is YAML: `stdkit.yml` or a kind's schema (compared as bytes: every path
    /// of the project is asked).
    static func isSettings(_ path: String) -> Bool {
        guard path.utf8.last == UInt8(ascii: "l") else { return false }
        return path.utf8.reversed().starts(with: ".yml".utf8.reversed()) || path.utf8.reversed().starts(with: ".yaml".utf8.reversed())
    }

    /// What the reuse found.
    public struct Outcome: Sendable {
        /// Every finding of the project, in report order.
        public var diagnostics: [Diagnostic]
        /// The paths of the project's documents, in no particular order (they are counted; sorting
        /// 10,000 paths was 3 % of the CPU of a commit's check).
        public var documentPaths: [String]
        /// How many files were read again.
        public var changed: Int
    }

    /// The cache key: the tool (`tool`, e.g. its version and build), what is checked (`mode`)
    /// and the settings of both revisions.
    public static func key(tool: String, mode: String, listing: Listing) -> String {
        "\(tool)|\(mode)|\(listing.settingsKey())"
    }

    /// The cache of a full check of `project` against `base` (findings `diagnostics`,
    /// unfiltered, as the checker reported them).
    public static func cache(key: String, project: Project, base: Project?, diagnostics: [Diagnostic], listing: Listing) -> CheckCache {
        let byFile = Dictionary(grouping: diagnostics, by: \.file)
        // The documents' outward facts, on every core.
        let documents = project.documents
        let outwards = Parallel.map(documents) { ($0.path, Outward($0)) }
        let outward = Dictionary(outwards, uniquingKeysWith: { first, _ in first })
        let placed = filesWithPlaces(diagnostics)
        var files: [String: CheckCache.Entry] = [:]
        for (path, blob) in listing.blobs {
            var entry = CheckCache.Entry(blob: blob, baseBlob: listing.baseBlobs[path] ?? "", id: project.document(atPath: path)?.id ?? "",
                                         baseID: base?.document(atPath: path)?.id ?? "", outward: "", frontMatterEnd: 0, places: "",
                                         findings: byFile[path] ?? [])
            if let facts = outward[path] {
                entry.outward = facts.digest
                entry.version = facts.version
                entry.pinned = facts.pinned.joined(separator: ",")
                entry.frontMatterEnd = facts.frontMatterEnd
                if placed.contains(path) { entry.places = CheckCache.encode(facts.places) }
            }
            files[path] = entry
        }
        return CheckCache(key: key, files: files, other: diagnostics.filter { listing.blobs[$0.file] == nil })
    }

    /// The files whose places the cache keeps: those a finding of a project rule is in, or a
    /// note points into from a finding in another file or of a project rule. (Findings of the
    /// `document` rules are found again whenever their file changes; the places of every other
    /// file are never asked for, and would only make the cache larger.)
    static func filesWithPlaces(_ diagnostics: [Diagnostic]) -> Set<String> {
        var files = Set<String>()
        for finding in diagnostics {
            let moves = projectRuleIDs.contains(finding.rule)
            if moves { files.insert(finding.file) }
            for note in finding.notes where moves || note.file != finding.file { files.insert(note.file) }
        }
        return files
    }

    static let projectRuleIDs = Set(RuleCatalogue.all.filter { $0.description.scope == .project }.map(\.description.id))

    /// What `reuse` did.
    public enum Reuse: Sendable {
        case reused(Outcome)
        /// Only a full check can say, for this reason.
        case declined(String)

        public var outcome: Outcome? {
            if case .reused(let outcome) = self { outcome } else { nil }
        }
    }

    /// The findings of the project listed by `listing`, from `cache` and the changed files, or
    /// why only a full check can say. Reused, `cache` is brought up to date for the next check
    /// (in place: it holds every file of the project); declined, it is left as it was. `read`
    /// gives blobs' bytes; `name` is the project's default name (as the full load gives it).
    public static func reuse(
        _ cache: inout CheckCache, key: String, listing: Listing, name: String, history: ProjectHistory?,
        read: ([String]) throws -> [String: [UInt8]]
    ) async throws -> Reuse {
        var timings = Timings()
        guard cache.key == key else { return .declined("another tool, kind of check or settings") }
        // One pass over the cache: every file must still be listed (with as many listed, the
        // same files), and those whose blob or base blob moved changed.
        guard cache.files.count == listing.blobs.count else { return .declined("files were added or removed") }
        var changed: [String] = []
        var documentPaths: [String] = []
        documentPaths.reserveCapacity(cache.files.count)
        for (path, entry) in cache.files {
            guard let blob = listing.blobs[path] else { return .declined("files were added or removed") }
            if entry.blob != blob || entry.baseBlob != (listing.baseBlobs[path] ?? "") { changed.append(path) }
            if entry.isDocument { documentPaths.append(path) }
        }
        changed.sort()
        guard changed.count <= limit else { return .declined("\(changed.count) files changed") }
        if let other = changed.first(where: { !cache.files[$0]!.isDocument }) { return .declined("\(other) changed and is not a document") }
        guard !changed.isEmpty else {
            return .reused(Outcome(diagnostics: (cache.files.values.flatMap(\.findings) + cache.other).sorted(by: Diagnostic.reportOrder),
                           documentPaths: documentPaths, changed: 0))
        }

        // The changed documents, read with the settings alone (which are as they were).
        let settings = listing.blobs.filter { path, _ in isSettings(path) }
        let baseSettings = listing.baseBlobs.filter { path, _ in isSettings(path) }
        let baseChanged = changed.compactMap { path in listing.baseBlobs[path].map { (path, $0) } }
        let wanted = Array(settings.values) + changed.map { listing.blobs[$0]! } + Array(baseSettings.values) + baseChanged.map(\.1)
        timings.lap("reuse: compared")
        let contents = try read(wanted)
        timings.lap("reuse: read")
        func files(_ blobs: [(String, String)]) -> [String: [UInt8]] {
            Dictionary(blobs.map { ($0.0, contents[$0.1] ?? []) }, uniquingKeysWith: { first, _ in first })
        }
        let project = try await ProjectLoader.load(files: files(settings.map { ($0.key, $0.value) } + changed.map { ($0, listing.blobs[$0]!) }), name: name)
        var base: Project?
        if !listing.baseBlobs.isEmpty {
            base = try await ProjectLoader.load(files: files(baseSettings.map { ($0.key, $0.value) } + baseChanged), name: name)
        }

        timings.lap("reuse: loaded")
        // Each changed document must show other documents what it showed them before.
        var moves: [String: (old: [SourceLocation], oldEnd: Int, new: [SourceLocation])] = [:]
        var versions: [String: String] = [:]
        for path in changed {
            let entry = cache.files[path]!
            guard let document = project.document(atPath: path), let oldPlaces = CheckCache.decode(entry.places) else {
                return .declined("\(path) is no longer a document")
            }
            let outward = Outward(document)
            guard outward.digest == entry.outward, outward.frontMatterEnd == entry.frontMatterEnd else {
                return .declined("\(path) changed what other documents see of it")
            }
            moves[path] = (oldPlaces, entry.frontMatterEnd, outward.places)
            versions[path] = outward.version
        }
        // A version raised is seen only through pins.
        let raised = Set(changed.filter { versions[$0] != cache.files[$0]!.version }.map { cache.files[$0]!.id }.filter { !$0.isEmpty })
        if !raised.isEmpty, let pinning = cache.files.first(where: { _, entry in
            !entry.pinned.isEmpty && entry.pinned.split(separator: ",").contains { raised.contains(String($0)) }
        }) {
            return .declined("\(pinning.key) pins a document whose version changed")
        }
        // Versions are compared by id: a changed document's base version must be the one at its
        // path, under the same id, and no other document may share the id in either revision.
        var newBaseIDs: [String: String] = [:]
        for path in changed { newBaseIDs[path] = base?.document(atPath: path)?.id ?? "" }
        // Only the changed documents' ids are counted, each entry compared with that handful
        // rather than every id of the project hashed (10,000 on every commit).
        let changedIDs = Set(changed.map { cache.files[$0]!.id }.filter { !$0.isEmpty })
        let few = Array(changedIDs)
        func isAsked(_ id: String) -> Bool { few.count <= 16 ? few.contains(id) : changedIDs.contains(id) }
        var ids: [String: Int] = [:], baseIDs: [String: Int] = [:]
        if !changedIDs.isEmpty {
            for entry in cache.files.values {
                if !entry.id.isEmpty, isAsked(entry.id) { ids[entry.id, default: 0] += 1 }
                if !entry.baseID.isEmpty, isAsked(entry.baseID) { baseIDs[entry.baseID, default: 0] += 1 }
            }
            // The changed documents' base ids as they are now, in place of those the cache had.
            for path in changed {
                let old = cache.files[path]!.baseID, new = newBaseIDs[path]!
                if changedIDs.contains(old) { baseIDs[old]! -= 1 }
                if changedIDs.contains(new) { baseIDs[new, default: 0] += 1 }
            }
            baseIDs = baseIDs.filter { $0.value > 0 }
        }
        for path in changed {
            let id = cache.files[path]!.id  // the id is front matter: as it was
            guard id.isEmpty || (ids[id] == 1 && (baseIDs[id] ?? 0) <= 1 && (newBaseIDs[path] == id || (newBaseIDs[path] == "" && baseIDs[id] == nil))) else {
                return .declined("\(path)'s id \(id) is not one document's alone in both revisions")
            }
        }
        func moved(_ location: SourceLocation, in file: String) -> SourceLocation? {
            guard let move = moves[file] else { return location }
            return Outward.moved(location, oldPlaces: move.old, frontMatterEnd: move.oldEnd, newPlaces: move.new)
        }
        func movingNotes(_ finding: Diagnostic) -> Diagnostic? {
            var finding = finding
            for index in finding.notes.indices {
                guard let location = moved(finding.notes[index].location, in: finding.notes[index].file) else { return nil }
                finding.notes[index].location = location
            }
            return finding
        }

        timings.lap("reuse: outward facts")
        // Findings of the `.document` rules in the changed documents, found again.
        let documentRules = RuleCatalogue.all.filter { $0.description.scope == .document }
        let changedSet = Set(changed)
        // (A load-time finding carrying a project rule's id would be reported as well as kept.)
        let found = Checker(rules: documentRules).check(project, base: base, history: history).diagnostics
            .filter { changedSet.contains($0.file) && !projectRuleIDs.contains($0.rule) }

        timings.lap("reuse: checked")
        // Every finding first (any may still decline), then the cache updated in place.
        var updated: [String: [Diagnostic]] = [:]
        var diagnostics: [Diagnostic] = []
        for (path, entry) in cache.files where !entry.findings.isEmpty || changedSet.contains(path) {
            var findings: [Diagnostic] = []
            if changedSet.contains(path) {
                findings = found.filter { $0.file == path }
                for finding in entry.findings where projectRuleIDs.contains(finding.rule) {
                    guard let location = moved(finding.location, in: path), var kept = movingNotes(finding) else {
                        return .declined("a finding in \(path) points at a place that moved")
                    }
                    kept.location = location
                    guard let carried = kept.carryingFixes(from: finding.location, changed: changedSet.contains) else {
                        return .declined("a fix of a finding in \(path) edits text that may have moved")
                    }
                    findings.append(carried)
                }
                // In the order a full check reports them, as its cache keeps them: a file may
                // hold findings of both kinds of rule, interleaved by line.
                findings.sort(by: Diagnostic.reportOrder)
            } else {
                for finding in entry.findings {
                    guard let kept = movingNotes(finding) else { return .declined("a note of a finding in \(path) points at a place that moved") }
                    guard let carried = kept.carryingFixes(from: kept.location, changed: changedSet.contains) else {
                        return .declined("a fix of a finding in \(path) edits a file that changed")
                    }
                    findings.append(carried)
                }
            }
            if findings != entry.findings { updated[path] = findings }
            diagnostics += findings
        }
        var other: [Diagnostic] = []
        for finding in cache.other {
            guard let kept = movingNotes(finding)?.carryingFixes(from: finding.location, changed: changedSet.contains) else {
                return .declined("a note or a fix of a finding points at a place that moved")
            }
            other.append(kept)
        }
        diagnostics += other
        for (path, findings) in updated { cache.files[path]!.findings = findings }
        cache.other = other
        let placed = filesWithPlaces(cache.files.values.flatMap(\.findings) + other)
        for path in changed {
            cache.files[path]!.blob = listing.blobs[path]!
            cache.files[path]!.baseBlob = listing.baseBlobs[path] ?? ""
            cache.files[path]!.baseID = newBaseIDs[path]!
            cache.files[path]!.places = placed.contains(path) ? CheckCache.encode(moves[path]!.new) : ""
            cache.files[path]!.version = versions[path]!
        }
        return .reused(Outcome(diagnostics: diagnostics.sorted(by: Diagnostic.reportOrder), documentPaths: documentPaths, changed: changed.count))
    }
}
