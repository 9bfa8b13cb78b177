import Foundation
import StdKitSyntax

/// An apprenticeship's alternation calendar (`schedule`), read once for the rules that check it
/// and for the site that draws it: each entry's semester, weeks, place and posts, with where they
/// were written and the entry as written.
public struct AlternationSchedule: Sendable {
    /// One entry: `{semester: 3, weeks: 1-12, place: school}`.
    public struct Entry: Sendable, Hashable {
        /// Nil when not a whole number (the schema check reports it).
        public var semester: Int?
        /// The weeks as written, trimmed; nil when absent or not a scalar.
        public var weeksText: String?
        /// The weeks, nil when `weeksText` is not a week or a range of weeks.
        public var weeks: ClosedRange<Int>?
        /// `school` or `enterprise` (anything else is the schema check's).
        public var place: String?
        public var posts: [String]
        /// The entry as written. An entry that is not a mapping, or a list where a week range
        /// belongs, reads as nothing; whatever shows the schedule still owes the reader the text.
        public var node: YAMLNode
        /// Where the entry starts.
        public var location: SourceLocation
        /// Where its `weeks` value is, else the entry's.
        public var weeksLocation: SourceLocation

        /// The number of weeks, 0 when the range is malformed.
        public var weekCount: Int { weeks.map { $0.count } ?? 0 }
    }

    /// Every entry, in the order written; one that is not a mapping has nothing read.
    public var entries: [Entry]
    /// Where `schedule`'s value starts.
    public var location: SourceLocation

    /// No semester has more weeks. A week beyond it is a typing error (`1-2000`), and reading it
    /// would let one entry outweigh a whole programme's weeks (and a page draw thousands of columns).
    public static let maximumWeek = 60

    /// The schedule of `document`, nil when it has none or it is not a list.
    public init?(_ document: Document) {
        guard let node = document.frontMatter?["schedule"], let elements = node.sequence else { return nil }
        location = node.location
        // A field of an entry that is not a mapping is absent: `element[key]` is nil.
        entries = elements.map { element in
            let weeksText = element["weeks"]?.scalar?.trimmingCharacters(in: .whitespaces)
            return Entry(
                semester: element["semester"]?.scalar.flatMap { Int($0) },
                weeksText: weeksText,
                weeks: weeksText.flatMap { Self.weekRange($0) },
                place: element["place"]?.scalar,
                posts: element["posts"]?.sequence?.compactMap(\.scalar) ?? [],
                node: element,
                location: element.location,
                weeksLocation: element["weeks"]?.location ?? element.location)
        }
    }

    /// `12` or `1-12` (a hyphen, an en dash or a tilde between the numbers, as schools write
    /// them): weeks from 1 to `maximumWeek`, the first no later than the last; nil for anything else.
    public static func weekRange(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "–" || $0 == "~" || $0 == "～" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let numbers = parts.compactMap { part -> Int? in
            guard !part.isEmpty, part.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
            return Int(part)
        }
        guard numbers.count == parts.count, let first = numbers.first, let last = numbers.last, numbers.count <= 2,
              first >= 1, first <= last, last <= maximumWeek else { return nil }
        return first...last
    }

    /// The weeks spent at `place`, summed over well-formed entries.
    public func weeks(at place: String) -> Int {
        entries.filter { $0.place == place }.map(\.weekCount).reduce(0, +)
    }

    /// The weeks of well-formed entries at school or the enterprise.
    public var scheduledWeeks: Int {
        entries.filter { $0.place == "school" || $0.place == "enterprise" }.map(\.weekCount).reduce(0, +)
    }
}
