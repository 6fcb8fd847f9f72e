//! PDF documents to plain text with `pdf-extract`.
//!
//! PDF text extraction loses structure, but bullets ("•", "-") and headings
//! usually survive as line starts, which the outliner understands. PDF
//! parsers can panic on malformed files; a panic here must cost one file,
//! not the run, so extraction runs under `catch_unwind`.

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
    let pages = pdf_extract::extract_text_from_mem_by_pages(bytes)?;
    if pages.is_empty() {
        // The by-page API stops silently at the first bad page; the whole-document
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
