/// The fonts a Word export sets (`word.fonts` in `stdkit.yml`, DESIGN §15).
///
/// Word chooses a font per character class: `w:eastAsia` for Chinese characters, `w:ascii` and
/// `w:hAnsi` for Latin letters and digits. Chinese documents set them apart — a Chinese font's
/// Latin glyphs are poor, a Latin font has no Chinese — so the settings do too.
public struct WordFonts: Sendable, Hashable {
    /// The Chinese font of body text.
    public var body = "宋体"
    /// The Chinese font of titles and headings.
    public var heading = "黑体"
    /// The font of Latin letters and digits everywhere.
    public var latin = "Times New Roman"

    public init(body: String = "宋体", heading: String = "黑体", latin: String = "Times New Roman") {
        self.body = body
        self.heading = heading
        self.latin = latin
    }
}
