//! What every report shares, whichever verb wrote it: the HTML page around a body and its
//! style sheet (`page`), the SVG and escaping helpers (`svg`), byte-stable JSON, and numbers
//! rounded so every format writes the same figure. The digest and the analyses both render
//! through here rather than one borrowing the other's renderer.

mod page;
pub mod svg;

pub(crate) use page::{link, page};

use serde::Serialize;

/// Render any digest-like value as pretty JSON with a trailing newline.
pub fn to_json<T: Serialize>(value: &T) -> String {
    // Serialising plain structs with string keys cannot fail.
    let mut s = serde_json::to_string_pretty(value).expect("plain data serialises");
    s.push('\n');
    s
}

/// Round to four decimals so the JSON is stable and readable.
pub fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
