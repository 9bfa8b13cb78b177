import Mustache

/// The typed model of one page that a theme's Mustache template renders: each name a template
/// may use (docs/publishing.md) is a property, read through `child(named:)` rather than Mustache's
/// reflection, which lists every property of the value for each `{{name}}` looked up.
///
/// A name a page does not have answers nil, so that Mustache looks for it in the enclosing
/// sections, as it did for a missing key of the dictionaries that the models replace.
protocol TemplatePage: MustacheParent, Sendable {
    /// The theme's template that renders this page (`index` for `index.mustache`).
    static var template: String { get }
}
