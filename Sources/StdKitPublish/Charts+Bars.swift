extension Charts {
    /// One bar of `bars(_:title:)`.
    struct Bar: Sendable, Equatable {
        var label: String
        var value: Double
        /// What is written after the bar (the value as a reader wants it).
        var text: String
    }

    /// A horizontal bar chart, one row a bar, scaled to the largest value, as the programme's
    /// charts are drawn: the catalogue's projects by province and by batch. `role="img"` with
    /// its title; each bar has its own `<title>` (the label and the text) for a pointer or a
    /// screen reader.
    static func bars(_ bars: [Bar], title: String) -> String {
        let rowHeight = 26.0
        let labelWidth = 130.0
        let barWidth = 400.0
        let height = max(Double(bars.count) * rowHeight + 12, 40)
        let maximum = bars.map(\.value).max() ?? 0
        var svg = "<svg class=\"chart bars\" role=\"img\" viewBox=\"0 0 640 \(n(height))\" width=\"640\" height=\"\(n(height))\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title>\(HTML.escape(title))</title>"
        for (index, bar) in bars.enumerated() {
            let y = Double(index) * rowHeight + 6
            let width = maximum > 0 ? bar.value / maximum * barWidth : 0
            svg += "<text x=\"0\" y=\"\(n(y + 14))\" font-size=\"13\">\(HTML.escape(bar.label))</text>"
            svg += "<rect class=\"bar\" x=\"\(n(labelWidth))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"18\" fill=\"\(theoryColour)\"><title>\(HTML.escape(bar.label)): \(HTML.escape(bar.text))</title></rect>"
            svg += "<text x=\"\(n(labelWidth + width + 6))\" y=\"\(n(y + 14))\" font-size=\"12\">\(HTML.escape(bar.text))</text>"
        }
        return svg + "</svg>"
    }
}
