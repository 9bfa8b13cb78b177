extension CourseTable {
    /// The categories the elective share counts (DESIGN §13.4: public electives count toward it).
    public static let electiveCategories: Set<String> = ["public-elective", "professional-elective"]

    /// Counted practice hours ÷ counted total hours; nil when the total is 0. What the
    /// `practice-share` rule checks and a catalogue shows.
    public var practiceShare: Double? { share(practiceHours) }

    /// Counted public basic hours ÷ counted total hours; nil when the total is 0.
    public var publicBasicShare: Double? { share(hours(inCategory: "public-basic")) }

    /// Counted elective hours (public and professional electives) ÷ counted total hours; nil
    /// when the total is 0.
    public var electiveShare: Double? { share(hours(inCategories: Self.electiveCategories)) }

    private func share(_ hours: Int) -> Double? {
        let total = totalHours
        return total > 0 ? Double(hours) / Double(total) : nil
    }
}
