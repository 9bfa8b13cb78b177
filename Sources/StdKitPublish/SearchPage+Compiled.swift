/// `search.mustache`, compiled (`CompiledPage`).
extension SearchPage: CompiledPage {
    func renderBuiltIn() -> String {
        let html: HTMLText = """
        <h1>\(strings["search"])</h1>
        <form class="search-page" action="search.html" method="get" role="search">
        <input id="search-input" type="search" name="q" placeholder="\(strings["searchPlaceholder"])" aria-label="\(strings["search"])" autofocus>
        </form>
        <p id="search-count" data-none="\(strings["searchNoResults"])" data-unit="\(strings["searchResults"])"></p>
        <ol id="search-results"></ol>
        <script src="search-index.js"></script>
        <script src="assets/search.js"></script>

        """
        return html.text
    }
}
