/// A page of the built-in theme that stdkit renders with Swift code of its own: each name its
/// template uses is a property read directly, where Mustache looked every `{{value}}` up by name
/// through the page's sections, cast it dynamically and split `{{a.b}}` again at each use — over a
/// quarter of a build (bench/RESULTS.md). A project's own template of the same name still goes
/// through Mustache (`Theme`).
///
/// `renderBuiltIn()` writes what the template in `Resources/theme` writes, byte for byte, with the
/// same escaping: `CompiledThemeTests` renders every page of the flagship, the examples, the
/// fixtures and a generated project both ways and compares them, so a template changed without
/// its renderer (or the other way round) fails there.
protocol CompiledPage: TemplatePage {
    /// The page as the built-in template `Self.template` renders it.
    func renderBuiltIn() -> String
}
