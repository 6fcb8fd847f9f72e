//! PDF documents to plain text with `pdf-extract`.
//!
//! PDF text extraction loses structure, but bullets ("•", "-") and headings
//! usually survive as line starts, which the outliner understands. Text set far
//! apart on one baseline (a running header's title and date, a footer's page
//! number and document symbol, a table's cells) is kept apart by a column gap, as a
//! text printed with spaces would be. PDF parsers can panic on malformed files; a
//! panic here must cost one file, not the run, so extraction runs under
//! `catch_unwind`.

use std::cell::Cell;
use std::panic::{self, catch_unwind, AssertUnwindSafe};
use std::sync::Once;

/// Blank lines put between pages: the outliner reads several blank lines as a
/// page break, across which an unfinished item continues. pdf-extract itself
/// separates pages like paragraphs, which would cut such items in two.
const PAGE_BREAK: &str = "\n\n\n\n";

/// Extract the text of a PDF, or say why it could not be read.
pub(crate) fn to_text(bytes: &[u8]) -> Result<String, String> {
    if !bytes.starts_with(b"%PDF") {
        return Err("not a valid PDF (missing %PDF header)".into());
    }
    // AssertUnwindSafe: the closure only reads `bytes` and shares no state we reuse after a panic.
    match quietly(|| catch_unwind(AssertUnwindSafe(|| extract(bytes)))) {
        Ok(Ok(text)) => Ok(text),
        Ok(Err(e)) => Err(format!("unreadable PDF ({e})")),
        Err(_) => Err("unreadable PDF (the PDF parser failed on it)".into()),
    }
}

fn extract(bytes: &[u8]) -> Result<String, pdf_extract::OutputError> {
    let mut doc = pdf_extract::Document::load_mem(bytes)?;
    if doc.is_encrypted() {
        // Many PDFs are encrypted with an empty password only to restrict printing.
        doc.decrypt("")?;
    }
    let mut pages = Vec::new();
    // Pages are numbered from 1; the first page that cannot be read ends the text.
    for number in 1.. {
        let mut page = PageText::default();
        if pdf_extract::output_doc_page(&doc, &mut page, number).is_err() {
            break;
        }
        pages.push(page.finish());
    }
    strip_line_numbers(&mut pages);
    if pages.is_empty() {
        // The by-page reading stops silently at the first bad page; the whole-document
        // call says why the document could not be read.
        return pdf_extract::extract_text_from_mem(bytes);
    }
    Ok(pages
        .iter()
        .map(|page| {
            page.lines()
                .map(join_kerned_initial)
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect::<Vec<_>>()
        .join(PAGE_BREAK))
}

/// A horizontal gap, in font sizes, wider than any space between words, even in a
/// justified line: what lies beyond it on the same baseline is another field.
const FIELD_GAP_EMS: f64 = 2.5;

/// How far back to the left, in font sizes, a run must start on the same baseline to be
/// another field drawn out of order (a centred page number set before the document
/// symbol at the left margin); a mark placed a little early belongs to its word.
const FIELD_BACK_EMS: f64 = 8.0;

/// What separates two fields of one line: the column gap the outliner reads
/// (`outline::line::column_fields`).
const FIELD_SEPARATOR: &str = "    ";

/// Marks, in a page's text until it is finished, a break between lines wider than a
/// font size and a half: a paragraph's end on a single-spaced page, the next line on a
/// double-spaced one.
const WIDE_BREAK: char = '\u{1}';

/// One page's text, written as pdf-extract hands over its characters in content order:
/// a line break when the baseline moves, a space between words, a column gap between
/// fields of one line.
struct PageText {
    text: String,
    /// Each [`WIDE_BREAK`]'s distance between baselines, in font sizes.
    wide_breaks: Vec<f64>,
    /// Breaks to the next line at single spacing (a font size and a half apart or less).
    narrow_breaks: usize,
    /// Text set at an angle (a "DRAFT" watermark, a margin label), one run per line: read
    /// in place it would open the page and title the document.
    slanted: String,
    /// The page's height, to turn PDF coordinates (y up) into reading order (y down).
    height: f64,
    /// Where the previous character ended, and its baseline.
    last_end: f64,
    last_y: f64,
    /// The next character starts a new run of text, which may stand anywhere.
    run_starts: bool,
}

impl Default for PageText {
    fn default() -> Self {
        PageText {
            text: String::new(),
            wide_breaks: Vec::new(),
            narrow_breaks: 0,
            slanted: String::new(),
            height: 0.0,
            // Nothing ended yet: the first character starts a line, after no space.
            last_end: f64::MAX,
            last_y: 0.0,
            run_starts: false,
        }
    }
}

/// A glyph's characters without [`WIDE_BREAK`], which only the page's own breaks may hold.
fn unmarked(glyph: &str) -> impl Iterator<Item = char> + '_ {
    glyph.chars().filter(|&c| c != WIDE_BREAK)
}

/// Sine of the angle beyond which a line of text is set slanted, not level (a tenth of a
/// degree off still reads as level).
const SLANT: f64 = 0.01;

/// Fewest wide breaks on a page to tell its line spacing by.
const SPACING_SAMPLE: usize = 5;

impl PageText {
    /// The page's text, a wide break made a blank line where it ends a paragraph: on a
    /// double-spaced page (a draft for negotiation) every break is wide, and only one
    /// wider than the usual spacing ends a paragraph.
    fn finish(self) -> String {
        let mut gaps = self.wide_breaks.clone();
        gaps.sort_by(f64::total_cmp);
        // Double spacing: hardly a line follows at single spacing; the lower quartile
        // of the wide breaks is the spacing.
        let spacing = (gaps.len() >= SPACING_SAMPLE && self.narrow_breaks * 10 <= gaps.len())
            .then(|| gaps[gaps.len() / 4]);
        let mut breaks = self.wide_breaks.iter();
        let mut out = String::with_capacity(self.text.len());
        for c in self.text.chars() {
            if c != WIDE_BREAK {
                out.push(c);
                continue;
            }
            let gap = breaks.next().copied().unwrap_or(f64::MAX);
            if spacing.is_none_or(|s| gap > s * 1.25) {
                out.push('\n');
            }
        }
        if !self.slanted.is_empty() {
            out.push_str("\n\n");
            out.push_str(&self.slanted);
        }
        out
    }
}

/// Fewest numbered lines that make a column of line numbers.
const GUTTER_LINES: usize = 10;

/// Strip a column of line numbers printed at the left of every line ("14    3. States
/// should designate…", "15    infrastructure and protect…"), as drafts for negotiation
/// have. It is told from a numbered list by counting on by one from line to line, wrapped
/// lines included, and by numbering most of the text's lines.
fn strip_line_numbers(pages: &mut [String]) {
    let number_of = |line: &str| -> Option<(u32, usize)> {
        let t = line.trim_start();
        let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 || digits > 4 {
            return None;
        }
        let rest = &t[digits..];
        if !(rest.is_empty() || rest.starts_with(' ')) {
            return None;
        }
        let n = t[..digits].parse().ok()?;
        Some((n, line.len() - rest.len()))
    };
    let mut numbered = 0;
    let mut in_step = 0;
    let mut text_lines = 0;
    let mut lowercase = false;
    let mut last: Option<u32> = None;
    for line in pages.iter().flat_map(|p| p.lines()) {
        if line.trim().is_empty() {
            continue;
        }
        text_lines += 1;
        if let Some((n, cut)) = number_of(line) {
            numbered += 1;
            if last.is_some_and(|l| n == l + 1) {
                in_step += 1;
            }
            last = Some(n);
            lowercase |= line[cut..].trim_start().starts_with(char::is_lowercase);
        }
    }
    // A wrapped line that goes on in lower case is numbered too: a list numbers items.
    let gutter = numbered >= GUTTER_LINES
        && in_step * 10 >= numbered * 9
        && numbered * 10 >= text_lines * 7
        && lowercase;
    if !gutter {
        return;
    }
    for page in pages.iter_mut() {
        *page = page
            .lines()
            .map(|line| match number_of(line) {
                Some((_, cut)) => line[cut..].trim_start(),
                None => line,
            })
            .collect::<Vec<_>>()
            .join("\n");
    }
}

impl pdf_extract::OutputDev for PageText {
    fn begin_page(
        &mut self,
        _page: u32,
        media_box: &pdf_extract::MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), pdf_extract::OutputError> {
        self.height = media_box.ury - media_box.lly;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &pdf_extract::Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), pdf_extract::OutputError> {
        // The text matrix places the glyph; its scale gives the size on the page.
        let (x, y) = (trm.m31, self.height - trm.m32);
        let scale_x = font_size * (trm.m11 + trm.m21);
        let scale_y = font_size * (trm.m12 + trm.m22);
        let size = (scale_x * scale_y).abs().sqrt();
        if trm.m12.abs() > trm.m11.abs() * SLANT || trm.m11 < 0.0 {
            if self.run_starts && !self.slanted.is_empty() {
                self.slanted.push('\n');
            }
            self.slanted.extend(unmarked(char));
            self.run_starts = false;
            return Ok(());
        }
        if self.run_starts {
            let rise = (y - self.last_y).abs();
            let same_line = rise <= size * 0.5;
            let far_back = x + size * FIELD_BACK_EMS < self.last_end;
            let far_on = x > self.last_end + size * FIELD_GAP_EMS;
            let wide = rise > size * 1.5;
            if x < self.last_end && !same_line {
                // Back to the left margin on a new line: a blank line too when the
                // gap is wide, decided once the page's line spacing is known.
                if wide && size > 0.0 {
                    self.text.push(WIDE_BREAK);
                    self.wide_breaks.push(rise / size);
                } else {
                    self.narrow_breaks += 1;
                }
                self.text.push('\n');
            } else if wide {
                self.text.push('\n');
            } else if same_line && (far_back || far_on) {
                // Another field of the line, drawn out of order or far to the right.
                self.text.push_str(FIELD_SEPARATOR);
            } else if x > self.last_end + size * 0.1 {
                self.text.push(' ');
            }
        }
        self.text.extend(unmarked(char));
        self.run_starts = false;
        self.last_y = y;
        self.last_end = x + width * size;
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.run_starts = true;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }
}

/// Capitals that are words on their own ("A new fund", "I propose", "O Lord").
const ONE_LETTER_WORDS: &[char] = &['A', 'I', 'O'];

/// "K eeping island cables alive" → "Keeping island cables alive". A headline set in
/// large type is kerned between its first two letters, and pdf-extract reads the gap as a
/// space. Only at a line's start, where a lone capital that is not a word is followed by
/// lowercase letters; inside a line "Plan B and" is written so.
fn join_kerned_initial(line: &str) -> std::borrow::Cow<'_, str> {
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    let mut chars = rest.chars();
    let (Some(initial), Some(' ')) = (chars.next(), chars.next()) else {
        return line.into();
    };
    let word: String = chars.take_while(|c| !c.is_whitespace()).collect();
    let lowercase = word.chars().count() >= 2 && word.chars().all(char::is_lowercase);
    if initial.is_uppercase() && !ONE_LETTER_WORDS.contains(&initial) && lowercase {
        let after = &rest[initial.len_utf8() + 1..];
        format!("{}{initial}{after}", &line[..indent]).into()
    } else {
        line.into()
    }
}

thread_local! {
    /// Set while this thread runs pdf-extract, whose panics are expected and caught.
    static SILENCED: Cell<bool> = const { Cell::new(false) };
}

/// Run `f` with panic messages from this thread suppressed.
///
/// A caught parser panic becomes a skipped-file reason; its default message on
/// stderr ("thread panicked at …/pdf-extract/…") would only alarm users. Panic
/// hooks are process-wide, so the hook is installed once, chains to the previous
/// one, and only stays quiet on a thread inside this call: panics elsewhere, in
/// other threads or after `f` returns, are reported as before.
fn quietly<T>(f: impl FnOnce() -> T) -> T {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !SILENCED.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was = SILENCED.with(|s| s.replace(true));
    let out = f();
    SILENCED.with(|s| s.set(was));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_pdfs_are_errors_not_panics() {
        assert!(to_text(b"hello").is_err());
        assert!(to_text(b"%PDF-1.4\n1 0 obj << /Type /Catalog").is_err());
        assert!(to_text(b"%PDF-1.7\n%%EOF").is_err());
    }

    #[test]
    fn a_kerned_first_letter_is_joined_to_its_word_only_at_a_line_start() {
        assert_eq!(
            join_kerned_initial("K eeping cables alive"),
            "Keeping cables alive"
        );
        assert_eq!(join_kerned_initial("  W hat we agreed"), "  What we agreed");
        for kept in [
            "A new fund",
            "I propose a fund",
            "Plan B and C",
            "B 2 was adopted",
            "K. Adeyemi",
            "C RDF",
        ] {
            assert_eq!(join_kerned_initial(kept), kept);
        }
    }

    #[test]
    fn quiet_scope_ends_even_after_a_caught_panic() {
        let caught = quietly(|| catch_unwind(|| panic!("expected")));
        assert!(caught.is_err());
        assert!(!SILENCED.with(Cell::get));
    }
}
