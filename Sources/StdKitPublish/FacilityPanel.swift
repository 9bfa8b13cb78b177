import StdKitModel

/// A shared training base's page above its body: stations × seats = capacity, and each course
/// it serves with the class size that course must be taught to (the `cohort.class_size` of the
/// programme that lists it) and whether the capacity suffices. Owner, sharing parties and
/// location are in the metadata panel.
struct FacilityPanel: Sendable {
    /// A course the facility serves.
    struct Course: Sendable, Equatable {
        var link: CooperationPanel.Link
        /// The largest class size of the programmes listing the course, and the programme it
        /// comes from; nil when no programme listing it states one.
        var classSize: Int?
        var programme: CooperationPanel.Link?
        /// Whether the capacity holds the class; nil when either is unknown.
        var suffices: Bool?
    }

    var stations: Int?
    var seatsPerStation: Int?
    var capacity: Int? { stations.flatMap { stations in seatsPerStation.map { stations * $0 } } }
    var courses: [Course]

    init(_ document: Document, page: String, site: SiteBuilder) {
        let frontMatter = document.frontMatter
        let stations = CooperationPanel.int(frontMatter?["stations"])
        let seatsPerStation = CooperationPanel.int(frontMatter?["seats_per_station"])
        self.stations = stations
        self.seatsPerStation = seatsPerStation
        let ids = frontMatter?["courses"]?.sequence?.compactMap(\.scalar) ?? frontMatter?["courses"]?.scalar.map { [$0] } ?? []
        // Each programme's class size, in the project's order, for the courses it lists.
        let programmes = site.project.documents.filter { $0.kind == "programme" }.compactMap { programme -> (Document, Set<String>, Int)? in
            guard let size = CooperationPanel.int(programme.frontMatter?["cohort"]?["class_size"]), let table = CourseTable(programme) else { return nil }
            return (programme, Set(table.entries.compactMap(\.id)), size)
        }
        let capacity = stations.flatMap { stations in seatsPerStation.map { stations * $0 } }
        courses = ids.map { id in
            // The largest class is the one the facility must hold; the first such programme names it.
            let listing = programmes.filter { $0.1.contains(id) }
            let largest = listing.max { $0.2 < $1.2 }.flatMap { best in listing.first { $0.2 == best.2 } }
            let programme = largest.map { CooperationPanel.Link.document($0.0.id ?? "", from: page, site: site) }
            let size = largest?.2
            return Course(link: .document(id, from: page, site: site), classSize: size, programme: programme,
                          suffices: size.flatMap { size in capacity.map { $0 >= size } })
        }
    }

    func html(strings: SiteStrings) -> String {
        guard capacity != nil || !courses.isEmpty else { return "" }
        var html = "<section class=\"facility\">\n<h2>\(HTML.escape(strings["capacityHeading"]))</h2>\n"
        if let stations, let seatsPerStation, let capacity {
            html += "<p class=\"capacity\">\(HTML.escape(strings.format("capacitySentence", ["stations": "\(stations)", "seats": "\(seatsPerStation)", "capacity": "\(capacity)"])))</p>\n"
        }
        if !courses.isEmpty {
            html += "<table class=\"facility-courses\">\n"
            html += CooperationPanel.head([strings["course"], strings["programmeColumn"], strings["classSize"], strings["capacitySuffices"]])
            html += "<tbody>\n"
            for course in courses {
                let verdict: String
                switch (course.suffices, course.classSize, capacity) {
                case (true?, _, _):
                    verdict = "<span class=\"sum-ok\">\(HTML.escape(strings["suffices"]))</span>"
                case (false?, let size?, let capacity?):
                    verdict = "<span class=\"sum-differs\">\(HTML.escape(strings.format("fallsShort", ["missing": "\(size - capacity)"])))</span>"
                default:
                    verdict = "—"
                }
                html += "<tr><td>\(course.link.html)</td><td>\(course.programme?.html ?? "—")</td><td class=\"number\">\(course.classSize.map(String.init) ?? "—")</td><td>\(verdict)</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        return html + "</section>\n"
    }
}
