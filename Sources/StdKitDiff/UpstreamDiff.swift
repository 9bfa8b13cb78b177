import StdKitModel
import StdKitSyntax

/// What a new release of an upstream changes for a project that implements it (DESIGN §14.2,
/// `stdkit upstream diff A..B`): each change of the upstream between two of its releases — a
/// document added or removed, an item added, removed, renumbered or reworded, a front-matter
/// field changed, a course entry added to or removed from a programme's `courses` — with the
/// local places that name what changed, and, for what no local place names, what the school
/// must add (a new specification or professional-core course).
public struct UpstreamDiff: Sendable {
    /// What changed in the upstream.
    public enum Kind: String, Sendable, Hashable, Codable {
        case documentAdded = "document-added"
        case documentRemoved = "document-removed"
        case itemAdded = "item-added"
        case itemRemoved = "item-removed"
        case itemRenumbered = "item-renumbered"
        case itemReworded = "item-reworded"
        case itemAttributes = "item-attributes"
        case fieldChanged = "field-changed"
        case courseAdded = "course-added"
        case courseRemoved = "course-removed"
        case sectionChanged = "section-changed"
    }

    /// What a school must add for an upstream addition that nothing local names.
    public enum Missing: String, Sendable, Hashable, Codable {
        /// A new specification: no local item implements it.
        case specification
        /// A new professional-core course: no local course implements it.
        case coreCourse = "core-course"
    }

    /// One change of the upstream and what it touches locally.
    public struct Entry: Sendable, Hashable {
        public var kind: Kind
        /// The upstream document as the project names it: `ns:PROG-NS-460305`.
        public var document: String
        /// The item (its new id for a renumbered one), for item changes.
        public var item: String?
        /// The old id of a renumbered item.
        public var oldItem: String?
        /// The field's path (`total_hours`, `courses[id=COURSE-NS-PLC].hours.practice`), for a field change.
        public var field: String?
        /// The old and new value of a field, or the old and new statement of an item.
        public var old: String?
        public var new: String?
        /// A reworded item's change, word by word (Chinese by character).
        public var wording: WordDiff?
        /// A course entry added or removed: the course as the project names it, its category
        /// and its hours.
        public var course: String?
        public var category: String?
        public var hours: Int?
        /// A section change: its kind (`edited`, `added`, …); `field` holds nothing, `item` nothing.
        public var section: SectionChange?
        /// The local places that name what changed.
        public var touches: [UpstreamUsage.Place]
        /// For an addition nothing local names: what the school must add.
        public var missing: Missing?
    }

    /// One changed upstream document with its changes.
    public struct DocumentEntry: Sendable, Hashable {
        /// The document's key: `ns:PROG-NS-460305`.
        public var key: String
        public var kind: String
        public var title: String
        public var status: DocumentChange.Status
        public var oldVersion: String?
        public var newVersion: String?
        public var entries: [Entry]
    }

    /// The upstream's prefix.
    public var upstream: String
    /// The changed documents, sorted by key; unchanged ones are left out.
    public var documents: [DocumentEntry]

    /// Every change, document by document.
    public var entries: [Entry] { documents.flatMap(\.entries) }

    /// The changes of upstream `id` from `old` to `new` (the upstream read at two releases, as
    /// projects of their own), and what each touches in `project`.
    public init(project: Project, upstream id: String, old: Project, new: Project) {
        self.upstream = id
        let usage = UpstreamUsage(project: project, upstream: id)
        let change = Differ(old: old, new: new).compare()
        let newSpecifications = Set(UpstreamUsage.specifications(of: new, prefix: id))
        let oldCore = Set(UpstreamUsage.coreCourses(of: old, prefix: id))
        let newCore = Set(UpstreamUsage.coreCourses(of: new, prefix: id))
        func key(_ document: String) -> String { "\(id):\(document)" }

        var documents: [DocumentEntry] = []
        var coursesAddedToProgrammes: Set<String> = []
        for documentChange in change.documents {
            let documentKey = key(documentChange.id)
            var entries: [Entry] = []
            func entry(_ kind: Kind, touches: [UpstreamUsage.Place] = []) -> Entry {
                Entry(kind: kind, document: documentKey, touches: touches)
            }
            switch documentChange.status {
            case .added:
                entries.append(entry(.documentAdded, touches: usage.places(namingDocumentOrItemsOf: documentKey)))
            case .removed:
                entries.append(entry(.documentRemoved, touches: usage.places(namingDocumentOrItemsOf: documentKey)))
            case .modified, .renamed, .unchanged:
                let newDocument = new.document(documentChange.id)
                entries += Self.fieldEntries(documentChange.fields, document: documentKey, prefix: id, newDocument: newDocument,
                                             usage: usage, newCore: newCore, oldCore: oldCore)
                for added in entries where added.kind == .courseAdded { coursesAddedToProgrammes.insert(added.course ?? "") }
                for item in documentChange.items {
                    switch item.kind {
                    case .added:
                        var added = entry(.itemAdded, touches: usage.places(naming: "\(documentKey)#\(item.id)"))
                        added.item = item.id
                        added.new = item.newText
                        if added.touches.isEmpty, newSpecifications.contains("\(documentKey)#\(item.id)") { added.missing = .specification }
                        entries.append(added)
                    case .removed:
                        var removed = entry(.itemRemoved, touches: usage.places(naming: "\(documentKey)#\(item.id)"))
                        removed.item = item.id
                        removed.old = item.oldText
                        entries.append(removed)
                    case .renumbered:
                        var renumbered = entry(.itemRenumbered, touches: usage.places(naming: "\(documentKey)#\(item.oldID ?? item.id)"))
                        renumbered.item = item.id
                        renumbered.oldItem = item.oldID
                        entries.append(renumbered)
                    case .reworded:
                        var reworded = entry(.itemReworded, touches: usage.places(naming: "\(documentKey)#\(item.id)"))
                        reworded.item = item.id
                        reworded.old = item.oldText
                        reworded.new = item.newText
                        reworded.wording = item.wording
                        entries.append(reworded)
                    case .attributes:
                        for attribute in item.attributes ?? [] {
                            var changed = entry(.itemAttributes, touches: usage.places(naming: "\(documentKey)#\(item.id)"))
                            changed.item = item.id
                            changed.field = attribute.path
                            changed.old = attribute.old
                            changed.new = attribute.new
                            entries.append(changed)
                        }
                    case .moved:
                        // Where an item stands in the upstream's document asks nothing of a school.
                        continue
                    }
                }
                for section in documentChange.sections where !section.title.isEmpty {
                    var changed = entry(.sectionChanged)
                    changed.section = SectionChange(kind: section.kind, title: section.title, oldTitle: section.oldTitle)
                    entries.append(changed)
                }
            }
            guard !entries.isEmpty else { continue }
            documents.append(DocumentEntry(key: documentKey, kind: documentChange.kind, title: documentChange.title, status: documentChange.status,
                                           oldVersion: documentChange.oldVersion, newVersion: documentChange.newVersion, entries: entries))
        }
        // A core course added as a document asks for a local course once: at its programme's
        // entry when a programme lists it, else here.
        for index in documents.indices {
            for position in documents[index].entries.indices where documents[index].entries[position].kind == .documentAdded {
                let added = documents[index].entries[position]
                if added.touches.isEmpty, newCore.contains(added.document), !coursesAddedToProgrammes.contains(added.document) {
                    documents[index].entries[position].missing = .coreCourse
                }
            }
        }
        self.documents = documents.sorted { $0.key.precedesInUTF8($1.key) }
    }

    /// The front-matter changes of one document: whole course entries added or removed (from
    /// the fields `courses[id=X].…` that all appeared or all vanished), and every other field
    /// that carries content (not its version, approvals or status).
    static func fieldEntries(_ fields: [FieldChange], document: String, prefix: String, newDocument: Document?, usage: UpstreamUsage,
                             newCore: Set<String>, oldCore: Set<String>) -> [Entry] {
        var entries: [Entry] = []
        var byCourse: [String: [FieldChange]] = [:]
        var courseOrder: [String] = []
        for field in fields {
            let top = field.path.split(separator: ".").first.map(String.init)?.components(separatedBy: "[").first ?? field.path
            guard !Differ.workflowFields.contains(top) else { continue }
            if field.path.hasPrefix("courses[id="), let close = field.path.firstIndex(of: "]") {
                let course = String(field.path[field.path.index(field.path.startIndex, offsetBy: "courses[id=".count)..<close])
                if byCourse[course] == nil { courseOrder.append(course) }
                byCourse[course, default: []].append(field)
                continue
            }
            entries.append(Entry(kind: .fieldChanged, document: document, field: field.path, old: field.old, new: field.new,
                                 touches: usage.places(naming: document)))
        }
        let table = newDocument.flatMap(CourseTable.init)
        for course in courseOrder {
            let changes = byCourse[course] ?? []
            let courseKey = "\(prefix):\(course)"
            let touches = usage.places(namingDocumentOrItemsOf: courseKey)
            if changes.allSatisfy({ $0.old == nil }) {
                let listed = table?.entries.first { $0.id == course }
                var added = Entry(kind: .courseAdded, document: document, course: courseKey, category: listed?.category, hours: listed?.total,
                                  touches: touches)
                if touches.isEmpty, newCore.contains(courseKey) { added.missing = .coreCourse }
                entries.append(added)
            } else if changes.allSatisfy({ $0.new == nil }) {
                let category = changes.first { $0.path.hasSuffix("].category") }?.old
                entries.append(Entry(kind: .courseRemoved, document: document, course: courseKey, category: category ?? (oldCore.contains(courseKey) ? "professional-core" : nil),
                                     touches: touches))
            } else {
                for field in changes {
                    entries.append(Entry(kind: .fieldChanged, document: document, field: field.path, old: field.old, new: field.new, touches: touches))
                }
            }
        }
        return entries
    }
}

extension UpstreamDiff.Entry {
    init(kind: UpstreamDiff.Kind, document: String, item: String? = nil, field: String? = nil, old: String? = nil, new: String? = nil,
         course: String? = nil, category: String? = nil, hours: Int? = nil, touches: [UpstreamUsage.Place]) {
        self.init(kind: kind, document: document, item: item, oldItem: nil, field: field, old: old, new: new, wording: nil, course: course,
                  category: category, hours: hours, section: nil, touches: touches, missing: nil)
    }
}
