import StdKitModel
import StdKitSyntax

/// The programme page's charts, as inline SVG: hours by course category, hours by semester
/// (theory and practice stacked), and the practice share against the profile's minimum.
enum Charts {
    static let categoryOrder = ["public-basic", "public-elective", "professional-basic", "professional-core", "professional-elective", "practice"]
    static let theoryColour = "#5b8def"
    static let practiceColour = "#f0a04b"

    /// A number for SVG coordinates: at most one decimal, no locale.
    static func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func hoursByCategory(_ table: CourseTable, strings: SiteStrings) -> String {
        let categories = categoryOrder.filter { category in table.entries.contains { $0.category == category } }
            + Set(table.entries.compactMap(\.category)).subtracting(categoryOrder).sorted()
        let total = max(table.totalHours, 1)
        let maximum = Double(categories.map { table.hours(inCategory: $0) }.max() ?? 1)
        let rowHeight = 28.0
        let labelWidth = 170.0
        let barWidth = 360.0
        let height = Double(categories.count) * rowHeight + 40
        var svg = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 640 \(n(height))\" width=\"640\" height=\"\(n(height))\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title>\(HTML.escape(strings["hoursByCategory"]))</title>"
        for (index, category) in categories.enumerated() {
            // Counted hours: an elective group by its required credits, as the check counts it.
            let counted = table.countedHours(inCategory: category)
            let theory = Double(counted.theory)
            let practice = Double(counted.practice)
            let y = Double(index) * rowHeight + 8
            let theoryWidth = maximum > 0 ? theory / maximum * barWidth : 0
            let practiceWidth = maximum > 0 ? practice / maximum * barWidth : 0
            let hours = Int(theory + practice)
            svg += "<text x=\"0\" y=\"\(n(y + 15))\" font-size=\"13\">\(HTML.escape(strings.category(category)))</text>"
            svg += "<rect x=\"\(n(labelWidth))\" y=\"\(n(y))\" width=\"\(n(theoryWidth))\" height=\"20\" fill=\"\(theoryColour)\"><title>\(HTML.escape(strings["theory"])) \(Int(theory))</title></rect>"
            svg += "<rect x=\"\(n(labelWidth + theoryWidth))\" y=\"\(n(y))\" width=\"\(n(practiceWidth))\" height=\"20\" fill=\"\(practiceColour)\"><title>\(HTML.escape(strings["practice"])) \(Int(practice))</title></rect>"
            let share = Double(hours) / Double(total) * 100
            svg += "<text x=\"\(n(labelWidth + theoryWidth + practiceWidth + 6))\" y=\"\(n(y + 15))\" font-size=\"12\">\(hours)（\(n(share))%）</text>"
        }
        svg += legend(y: height - 18, strings: strings)
        return svg + "</svg>"
    }

    static func hoursBySemester(_ table: CourseTable, strings: SiteStrings) -> String {
        var theory: [Int: Double] = [:]
        var practice: [Int: Double] = [:]
        for entry in table.entries {
            let semesters = semesters(of: entry)
            guard !semesters.isEmpty else { continue }
            let share = table.weight(of: entry) / Double(semesters.count)
            for semester in semesters {
                theory[semester, default: 0] += Double(entry.theory ?? 0) * share
                practice[semester, default: 0] += Double(entry.practice ?? 0) * share
            }
        }
        let semesters = Set(theory.keys).union(practice.keys).sorted()
        let maximum = semesters.map { (theory[$0] ?? 0) + (practice[$0] ?? 0) }.max() ?? 1
        let chartHeight = 200.0
        let columnWidth = 56.0
        let width = max(320, Double(semesters.count) * columnWidth + 60)
        var svg = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(n(width)) \(n(chartHeight + 80))\" width=\"\(n(width))\" height=\"\(n(chartHeight + 80))\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title>\(HTML.escape(strings["hoursBySemester"]))</title>"
        for (index, semester) in semesters.enumerated() {
            let x = 40 + Double(index) * columnWidth
            let theoryHeight = (theory[semester] ?? 0) / maximum * chartHeight
            let practiceHeight = (practice[semester] ?? 0) / maximum * chartHeight
            let top = chartHeight - theoryHeight - practiceHeight + 20
            svg += "<rect x=\"\(n(x))\" y=\"\(n(top))\" width=\"36\" height=\"\(n(practiceHeight))\" fill=\"\(practiceColour)\"><title>\(HTML.escape(strings["practice"])) \(n(practice[semester] ?? 0))</title></rect>"
            svg += "<rect x=\"\(n(x))\" y=\"\(n(top + practiceHeight))\" width=\"36\" height=\"\(n(theoryHeight))\" fill=\"\(theoryColour)\"><title>\(HTML.escape(strings["theory"])) \(n(theory[semester] ?? 0))</title></rect>"
            svg += "<text x=\"\(n(x + 18))\" y=\"\(n(top - 4))\" font-size=\"11\" text-anchor=\"middle\">\(n((theory[semester] ?? 0) + (practice[semester] ?? 0)))</text>"
            svg += "<text x=\"\(n(x + 18))\" y=\"\(n(chartHeight + 38))\" font-size=\"12\" text-anchor=\"middle\">\(HTML.escape(strings["semester"])) \(semester)</text>"
        }
        svg += legend(y: chartHeight + 62, strings: strings)
        return svg + "</svg>"
    }

    static func practiceShare(_ table: CourseTable, minimum: Double, strings: SiteStrings) -> String {
        let share = table.totalHours > 0 ? Double(table.practiceHours) / Double(table.totalHours) : 0
        let width = 500.0
        var svg = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 640 70\" width=\"640\" height=\"70\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title>\(HTML.escape(strings["practiceShare"]))</title>"
        svg += "<rect x=\"0\" y=\"10\" width=\"\(n(width))\" height=\"24\" fill=\"#e8e8e8\"/>"
        svg += "<rect x=\"0\" y=\"10\" width=\"\(n(width * share))\" height=\"24\" fill=\"\(practiceColour)\"/>"
        svg += "<line x1=\"\(n(width * minimum))\" y1=\"4\" x2=\"\(n(width * minimum))\" y2=\"40\" stroke=\"#c0392b\" stroke-width=\"2\"/>"
        svg += "<text x=\"\(n(width * minimum))\" y=\"56\" font-size=\"11\" text-anchor=\"middle\" fill=\"#c0392b\">\(HTML.escape(strings["minimum"])) \(n(minimum * 100))%</text>"
        svg += "<text x=\"\(n(width + 10))\" y=\"27\" font-size=\"13\">\(n(share * 100))%（\(table.practiceHours)/\(table.totalHours)）</text>"
        return svg + "</svg>"
    }

    private static func legend(y: Double, strings: SiteStrings) -> String {
        "<rect x=\"0\" y=\"\(n(y))\" width=\"12\" height=\"12\" fill=\"\(theoryColour)\"/><text x=\"16\" y=\"\(n(y + 10))\" font-size=\"12\">\(HTML.escape(strings["theory"]))</text>"
            + "<rect x=\"80\" y=\"\(n(y))\" width=\"12\" height=\"12\" fill=\"\(practiceColour)\"/><text x=\"96\" y=\"\(n(y + 10))\" font-size=\"12\">\(HTML.escape(strings["practice"]))</text>"
    }

    /// The semesters of an entry: one number or a list.
    static func semesters(of entry: CourseTable.Entry) -> [Int] {
        guard let node = entry.node["semester"] else { return [] }
        if let list = node.sequence { return list.compactMap { $0.scalar.flatMap { Int($0) } } }
        return node.scalar.flatMap { Int($0) }.map { [$0] } ?? []
    }
}
