//! PDF documents to plain text with `pdf-extract`.
//!
//! PDF text extraction loses structure, but bullets ("•", "-") and headings
//! usually survive as line starts, which the outliner understands. PDF
//! parsers can panic on malformed files; a panic here must cost one file,
//! not the run, so extraction runs under `catch_unwind`.

use std::panic::{catch_unwind, AssertUnwindSafe};

/// Extract the text of a PDF, or say why it could not be read.
pub(crate) fn to_text(bytes: &[u8]) -> Result<String, String> {
    if !bytes.starts_with(b"%PDF") {
        return Err("not a valid PDF (missing %PDF header)".into());
    }
    // AssertUnwindSafe: the closure only reads `bytes` and shares no state we reuse after a panic.
    match catch_unwind(AssertUnwindSafe(|| {
        pdf_extract::extract_text_from_mem(bytes)
    })) {
        Ok(Ok(text)) => Ok(text),
        Ok(Err(e)) => Err(format!("unreadable PDF ({e})")),
        Err(_) => Err("unreadable PDF (the PDF parser failed on it)".into()),
    }
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
}
