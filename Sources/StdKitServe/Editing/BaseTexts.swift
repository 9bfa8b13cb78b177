/// The texts the session handed out, by digest, so that a save naming one as its base can be
/// merged against it: the last `limit` of them, the oldest forgotten first.
struct BaseTexts: Sendable {
    let limit: Int
    private var texts: [String: String] = [:]
    private var order: [String] = []

    init(limit: Int) {
        self.limit = limit
    }

    subscript(digest: String) -> String? { texts[digest] }

    /// Remembers `text` under `digest` (again the newest when already known).
    mutating func remember(_ text: String, digest: String) {
        if texts.updateValue(text, forKey: digest) != nil {
            order.removeAll { $0 == digest }
        }
        order.append(digest)
        while order.count > limit {
            texts[order.removeFirst()] = nil
        }
    }
}
