//! JSON rendering: pretty, stable field order, trailing newline.

use serde::Serialize;

/// Render any digest-like value as pretty JSON with a trailing newline.
pub fn to_json<T: Serialize>(value: &T) -> String {
    // Serialising plain structs with string keys cannot fail.
    let mut s = serde_json::to_string_pretty(value).expect("plain data serialises");
    s.push('\n');
    s
}
