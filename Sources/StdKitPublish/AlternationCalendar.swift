import Foundation
import StdKitModel
import StdKitSyntax

/// An apprenticeship's alternation calendar (`schedule`, DESIGN §13.3): one row per semester,
/// the weeks along the x axis, a bar for each entry coloured and labelled by its place; drawn as
/// inline SVG and written again as a plain table for screen readers and print.
///
/// The entries are `AlternationSchedule`'s, the reading the check's rules make, so that the page
/// and the check never disagree about what a week range or a share of weeks is. A calendar is
/// read from what the authors wrote, which may be wrong: an entry whose semester, week range or
/// place cannot be read is not drawn (it would have no place on the axes) but stays in the table
/// as written, so the reader sees it and the check's finding about it.
struct AlternationCalendar: Sendable {
    /// Where an entry's weeks are spent.
    enum Place: String, Sendable {
        case school, enterprise
    }

    /// An entry's bar, in SVG user units.
    struct Bar: Sendable, Equatable {
        /// The entry's position in `schedule`.
        var entry: Int
        var x: Double
        var y: Double
        var width: Double
        var place: Place
    }

    /// The schedule as read; nil when the document has none or it is not a list.
    var schedule: AlternationSchedule?
    /// Every entry of `schedule`, in the order written.
    var entries: [AlternationSchedule.Entry] { schedule?.entries ?? [] }

    // The geometry: the label column, then one column per week (at most
    // `AlternationSchedule.maximumWeek`, so a mistyped range cannot widen the page).
    static let left = 96.0
    static let weekWidth = 24.0
    static let axisHeight = 28.0
    static let barHeight = 24.0
    static let postLineHeight = 16.0
    static let rowGap = 12.0
    static let colours: [Place: String] = [.school: "#9ec1f7", .enterprise: "#f6c48f"]

    init(_ document: Document) {
        schedule = AlternationSchedule(document)
    }

    /// The semesters that have a bar, ascending: the rows.
    var semesters: [Int] { Set(entries.filter(\.isDrawn).compactMap(\.semester)).sorted() }
    /// The last week any bar reaches: the x axis runs from week 1 to it.
    var lastWeek: Int { entries.filter(\.isDrawn).compactMap(\.weeks?.upperBound).max() ?? 0 }
    /// The weeks at school or the enterprise, and those at the enterprise: the figures the
    /// check's `enterprise-share` counts (an entry without a semester counts, though not drawn).
    var scheduledWeeks: Int { schedule?.scheduledWeeks ?? 0 }
    var enterpriseWeeks: Int { schedule?.weeks(at: Place.enterprise.rawValue) ?? 0 }
    /// The enterprise's share of the scheduled weeks; nil when nothing is scheduled.
    var enterpriseShare: Double? { scheduledWeeks > 0 ? Double(enterpriseWeeks) / Double(scheduledWeeks) : nil }
    var hasMalformedEntries: Bool { entries.contains { !$0.isDrawn } }

    /// The top of each row and its height: a row is as tall as the most posts one of its
    /// enterprise bars names, one line each under the bar.
    var rows: [(semester: Int, y: Double, height: Double)] {
        var y = Self.axisHeight
        return semesters.map { semester in
            let posts = entries.filter { $0.isDrawn && $0.semester == semester && $0.calendarPlace == .enterprise }.map(\.posts.count).max() ?? 0
            let height = Self.barHeight + Double(posts) * Self.postLineHeight + Self.rowGap
            defer { y += height }
            return (semester, y, height)
        }
    }

    /// The bar of each drawn entry, in the order written.
    var bars: [Bar] {
        let tops = Dictionary(rows.map { ($0.semester, $0.y) }, uniquingKeysWith: { first, _ in first })
        return entries.enumerated().compactMap { index, entry in
            guard let semester = entry.semester, let weeks = entry.weeks, let place = entry.calendarPlace, let y = tops[semester] else { return nil }
            return Bar(entry: index, x: Self.left + Double(weeks.lowerBound - 1) * Self.weekWidth, y: y,
                       width: Double(weeks.count) * Self.weekWidth, place: place)
        }
    }

    var width: Double { Self.left + Double(max(lastWeek, 1)) * Self.weekWidth + 16 }
    var height: Double { (rows.last.map { $0.y + $0.height } ?? Self.axisHeight) + 28 }

    // MARK: Writing

    /// The weeks of an entry as the reader reads them: `13–20`, or `5` for one week.
    static func weeksLabel(_ weeks: ClosedRange<Int>) -> String {
        weeks.count == 1 ? "\(weeks.lowerBound)" : "\(weeks.lowerBound)–\(weeks.upperBound)"
    }

    /// One sentence per drawn entry, for the SVG's accessible name.
    func description(strings: SiteStrings, postNames: [String: String]) -> String {
        var parts = entries.filter(\.isDrawn).map { entry -> String in
            let posts = entry.posts.isEmpty ? "" : strings.format("parenthetical", ["text": entry.posts.map { postLabel($0, names: postNames) }.joined(separator: strings["enumeration"])])
            return strings.format("calendarEntry", ["semester": "\(entry.semester ?? 0)", "weeks": Self.weeksLabel(entry.weeks ?? 1...1),
                                                    "place": strings.place(entry.calendarPlace?.rawValue ?? "")]) + posts
        }
        if let share = enterpriseShare {
            parts.append(strings.format("enterpriseShareSentence", ["weeks": "\(enterpriseWeeks)", "total": "\(scheduledWeeks)", "share": SiteBuilder.percent(share)]))
        }
        return parts.joined(separator: strings["sentenceSeparator"])
    }

    private func postLabel(_ id: String, names: [String: String]) -> String {
        names[id].map { "\(id) \($0)" } ?? id
    }

    /// The calendar as inline SVG; nil when no entry can be drawn. `postNames` are the
    /// statements of the document's `P` items, whose anchors the post labels link to.
    func svg(strings: SiteStrings, postNames: [String: String]) -> String? {
        let bars = bars
        guard !bars.isEmpty else { return nil }
        let n = Charts.n
        let label = description(strings: strings, postNames: postNames)
        var svg = "<svg class=\"chart calendar\" role=\"img\" aria-label=\"\(HTML.escape(label))\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title>\(HTML.escape(strings["calendar"] + strings["colon"] + label))</title>"
        // The axis: a tick at week 1, every fifth week and the last, and a light line at each.
        let bottom = rows.last.map { $0.y + $0.height - Self.rowGap } ?? Self.axisHeight
        svg += "<text x=\"0\" y=\"16\" font-size=\"12\">\(HTML.escape(strings["weekAxis"]))</text>"
        let ticks = Set([1, lastWeek] + stride(from: 5, through: lastWeek, by: 5)).sorted()
        for week in ticks {
            let x = Self.left + (Double(week) - 0.5) * Self.weekWidth
            svg += "<text x=\"\(n(x))\" y=\"16\" font-size=\"11\" text-anchor=\"middle\">\(week)</text>"
            svg += "<line x1=\"\(n(x))\" y1=\"20\" x2=\"\(n(x))\" y2=\"\(n(bottom))\" stroke=\"#d0d0d0\" stroke-width=\"1\"/>"
        }
        for row in rows {
            svg += "<text x=\"0\" y=\"\(n(row.y + 16))\" font-size=\"13\">\(HTML.escape(strings.format("semesterNumber", ["n": "\(row.semester)"])))</text>"
        }
        for bar in bars {
            let entry = entries[bar.entry]
            let weeks = Self.weeksLabel(entry.weeks ?? 1...1)
            let place = strings.place(bar.place.rawValue)
            let title = strings.format("calendarEntry", ["semester": "\(entry.semester ?? 0)", "weeks": weeks, "place": place])
            svg += "<g class=\"entry\">"
            svg += "<rect class=\"bar bar-\(bar.place.rawValue)\" x=\"\(n(bar.x))\" y=\"\(n(bar.y))\" width=\"\(n(bar.width))\" height=\"\(n(Self.barHeight))\" fill=\"\(Self.colours[bar.place] ?? "#ccc")\" stroke=\"#555\" stroke-width=\"1\"><title>\(HTML.escape(title))</title></rect>"
            // The place in words on the bar (and the weeks where they fit), so that the
            // calendar reads without its colours.
            let text = bar.width >= 4 * Self.weekWidth ? "\(place) \(weeks)" : place
            svg += "<text x=\"\(n(bar.x + 4))\" y=\"\(n(bar.y + 16))\" font-size=\"12\">\(HTML.escape(text))</text>"
            if bar.place == .enterprise {
                for (line, post) in entry.posts.enumerated() {
                    let y = bar.y + Self.barHeight + Double(line + 1) * Self.postLineHeight - 3
                    let text = "<text x=\"\(n(bar.x + 4))\" y=\"\(n(y))\" font-size=\"11\">\(HTML.escape(postLabel(post, names: postNames)))</text>"
                    svg += postNames[post] == nil ? text : "<a href=\"#\(HTML.escape(HTML.encodeURL(post)))\">\(text)</a>"
                }
            }
            svg += "</g>"
        }
        // The legend, with the words the bars carry.
        let legendY = height - 18
        var x = 0.0
        for place in [Place.school, .enterprise] {
            let word = strings.place(place.rawValue)
            svg += "<rect x=\"\(n(x))\" y=\"\(n(legendY))\" width=\"12\" height=\"12\" fill=\"\(Self.colours[place] ?? "#ccc")\" stroke=\"#555\" stroke-width=\"1\"/><text x=\"\(n(x + 16))\" y=\"\(n(legendY + 10))\" font-size=\"12\">\(HTML.escape(word))</text>"
            x += 96
        }
        return svg + "</svg>"
    }

    /// The schedule as a table, every entry as written: the calendar's text equivalent, and
    /// the one place an entry that could not be drawn is shown.
    func table(strings: SiteStrings, postNames: [String: String]) -> String {
        var html = "<table class=\"schedule\">\n<caption>\(HTML.escape(strings["calendar"]))</caption>\n"
        html += "<thead><tr><th>\(HTML.escape(strings["semester"]))</th><th>\(HTML.escape(strings["weeks"]))</th><th>\(HTML.escape(strings["place"]))</th><th>\(HTML.escape(strings["weekCount"]))</th><th>\(HTML.escape(strings["posts"]))</th></tr></thead>\n<tbody>\n"
        for entry in entries {
            let place = entry.calendarPlace.map { strings.place($0.rawValue) } ?? entry.written("place")
            let posts = entry.posts.map { post in
                postNames[post] == nil ? HTML.escape(post) : "<a href=\"#\(HTML.escape(HTML.encodeURL(post)))\">\(HTML.escape(postLabel(post, names: postNames)))</a>"
            }.joined(separator: "、")
            let count = entry.isDrawn ? "\(entry.weekCount)" : "<span class=\"malformed\">\(HTML.escape(strings["notDrawn"]))</span>"
            html += "<tr\(entry.isDrawn ? "" : " class=\"malformed\"")><td>\(HTML.escape(entry.written("semester")))</td><td>\(HTML.escape(entry.written("weeks")))</td><td>\(HTML.escape(place))</td><td>\(count)</td><td>\(posts)</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}

extension AlternationSchedule.Entry {
    /// The place as the calendar draws it; nil for a place that is not school or the enterprise.
    var calendarPlace: AlternationCalendar.Place? { place.flatMap(AlternationCalendar.Place.init(rawValue:)) }

    /// Whether the entry has a bar: everything it needs could be read.
    var isDrawn: Bool { semester != nil && weeks != nil && calendarPlace != nil }

    /// A field as written (empty when absent), for the table: an entry that is not a mapping is
    /// written whole in the first column, a list or mapping where a scalar belongs as its parts.
    func written(_ field: String) -> String {
        guard node.mapping != nil else { return field == "semester" ? SiteBuilder.describe(node) : "" }
        return node[field].map(SiteBuilder.describe) ?? ""
    }
}
