/// Finds elements whose key was already taken by an earlier element: the shared logic of the
/// identity rules (duplicate ids, ids colliding by case).
enum Repeats {
    /// Each element whose `key` an earlier element already had, with that first element, in order.
    static func of<Element>(_ elements: some Sequence<Element>, key: (Element) -> String?) -> [(repeat: Element, first: Element)] {
        var first: [String: Element] = [:]
        var repeats: [(Element, Element)] = []
        for element in elements {
            guard let value = key(element) else { continue }
            if let original = first[value] {
                repeats.append((element, original))
            } else {
                first[value] = element
            }
        }
        return repeats
    }
}
