import StdKitModel

/// The work tasks of one job profile and the requirements' links to them.
struct JobTasks {
    let document: Document
    let context: CheckContext
    /// The ids of the profile's tasks (items of the family with prefix `T`), in order.
    let ids: [String]

    init(_ document: Document, _ context: CheckContext) {
        self.document = document
        self.context = context
        ids = document.items.filter { context.itemKind(of: $0.id, in: document)?.prefix == "T" }.map(\.id)
    }

    /// Whether `item` is a requirement (the family with prefix `R`).
    func isRequirement(_ item: Item) -> Bool {
        context.itemKind(of: item.id, in: document)?.prefix == "R"
    }

    /// The profile's own tasks that requirement `item` references (`#T2` or `JOB#T2`).
    func served(by item: Item) -> [String] {
        item.references.compactMap { reference in
            guard reference.targetDocument(from: document.id) == document.id, let task = reference.syntax.item,
                  ids.contains(task) else { return nil }
            return task
        }
    }
}
