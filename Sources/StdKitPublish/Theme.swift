import Foundation
import Mustache

/// The templates and assets a site is built with: the default theme shipped with stdkit, with
/// any file of the project's `publish.theme` folder in its place.
///
/// The default theme's page templates are compiled (`CompiledPage`): the pages are written by
/// Swift code that a test holds to what Mustache makes of the templates in `Resources/theme`.
/// A template of the project's theme folder is rendered by Mustache, as before.
struct Theme: Sendable {
    static let templateNames = ["layout", "index", "document", "matrix", "search", "print"]
    static let assetNames = ["style.css", "search.js"]

    /// The templates rendered by Mustache: those of the project's theme folder, and, for a theme
    /// loaded with `compiled: false`, the default ones too.
    var templates: [String: MustacheTemplate] = [:]
    var assets: [String: Data] = [:]

    /// The default templates that have a compiled renderer (a `CompiledPage`).
    static let compiledNames: Set<String> = ["layout", "index", "document", "matrix", "search", "print"]

    /// Loads the theme; `override` is the project's theme folder, if any. `templates` and
    /// `assets` name what to load: a project's site by default; the catalogue of projects
    /// loads its own page and script. With `compiled` false, the default templates are rendered
    /// by Mustache too (to compare the two ways).
    init(override: URL?, templates templateNames: [String] = Theme.templateNames, assets assetNames: [String] = Theme.assetNames,
         compiled: Bool = true) throws {
        guard let defaults = Bundle.module.url(forResource: "theme", withExtension: nil) else {
            throw SiteError(step: "theme", path: "theme", info: "the default theme is missing from this installation")
        }
        func overriding(_ name: String) -> (URL, Data)? {
            guard let override else { return nil }
            let url = override.appendingPathComponent(name)
            return FileManager.default.contents(atPath: url.path).map { (url, $0) }
        }
        func source(_ name: String) throws -> (URL, Data) {
            if let overridden = overriding(name) { return overridden }
            let url = defaults.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw SiteError(step: "theme", path: url.path, info: "the template is missing")
            }
            return (url, data)
        }
        Self.registerEscaping()
        for name in templateNames {
            if compiled, Self.compiledNames.contains(name), overriding(name + ".mustache") == nil { continue }
            let (url, data) = try source(name + ".mustache")
            do {
                // Every template escapes `{{value}}` with stdkit's escaping (a template may still
                // choose another content type with its own pragma). The pragma is a line of its
                // own, which Mustache drops whole, so the template's first line stays as it is.
                templates[name] = try MustacheTemplate(string: "{{% CONTENT_TYPE: \(Self.escaping) }}\n" + String(decoding: data, as: UTF8.self))
            } catch {
                throw SiteError(step: "theme", path: url.path, info: Self.describe(error, linesAdded: 1))
            }
        }
        for name in assetNames {
            assets[name] = try source(name).1
        }
    }

    /// A template's syntax error for the person who wrote the template: where (in their file,
    /// not counting the lines stdkit adds before it) and what, in words.
    static func describe(_ error: Error, linesAdded: Int) -> String {
        guard let parse = error as? MustacheTemplate.ParserError else { return "the template cannot be read: \(error)" }
        let what: String
        switch parse.error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: what = "a section is closed ({{/…}}) with another name than the one it was opened with ({{#…}} or {{^…}})"
        case .unfinishedName?: what = "a tag is not finished: {{ without its }}"
        case .expectedSectionEnd?: what = "a section opened with {{#…}} or {{^…}} is never closed with {{/…}}"
        case .invalidSetDelimiter?: what = "a delimiter change ({{=… …=}}) is badly written"
        case .invalidConfigVariableSyntax?, .unrecognisedConfigVariable?: what = "a pragma ({{% … }}) is not one Mustache knows"
        default: what = "the template cannot be read (\(parse.error))"
        }
        let line = parse.context.lineNumber - linesAdded
        return "line \(line), column \(parse.context.columnNumber): \(what): \(parse.context.line.trimmingCharacters(in: .whitespaces))"
    }

    /// The name of stdkit's escaping among Mustache's content types.
    static let escaping = "STDKIT_HTML"

    /// `{{value}}` escaped as by `HTML.escape`: on bytes, so that no quote escapes by being
    /// followed by a combining mark (Mustache's own HTML escaping goes by `Character`), and
    /// without the dictionary lookup per character that made it a tenth of a build.
    struct Escaping: MustacheContentType {
        func escapeText(_ text: String) -> String { HTML.escape(text) }
    }

    private static let registration: Void = MustacheContentTypes.register(Escaping(), named: escaping)

    static func registerEscaping() { _ = registration }

    /// `page` rendered by its template.
    func render<Page: TemplatePage>(_ page: Page) -> String {
        templates[Page.template]?.render(page) ?? ""
    }

    /// `page` rendered by the project's template, else by the default one compiled.
    func render<Page: CompiledPage>(_ page: Page) -> String {
        if let template = templates[Page.template] { return template.render(page) }
        return page.renderBuiltIn()
    }
}

/// A failure to build the site: the step, the path and what to do.
public struct SiteError: LocalizedError, CustomStringConvertible {
    public var step: String
    public var path: String
    public var info: String

    public var description: String { "[\(step)] \(path): \(info)" }
    /// What went wrong, for a message that names the path itself.
    public var errorDescription: String? { info }
}

/// A string renders as itself: Mustache otherwise tries it as a lambda and an optional and
/// prints it with `String(describing:)` — several dynamic casts and a copy for every
/// `{{value}}` of every page. The text is the same.
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}
