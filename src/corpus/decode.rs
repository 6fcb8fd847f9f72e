//! Raw bytes to clean text: encoding detection, binary sniffing, line ends.
//!
//! Outcome documents arrive from many word processors and operating systems,
//! so a text file may be UTF-8 (with or without a BOM), UTF-16 (usually with a
//! BOM, from Windows "Unicode" exports) or a legacy single-byte encoding. We
//! never fail on an encoding: undecodable UTF-8 falls back to Windows-1252,
//! which maps every byte, and the caller reports that guess as a warning.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// Text decoded from a file, plus a note when the encoding was guessed.
#[derive(Debug)]
pub(crate) struct Decoded {
    /// Text with `\n` line ends and no BOM.
    pub text: String,
    /// Set when the encoding was a fallback guess worth telling the user about.
    pub warning: Option<String>,
}

/// Share of control characters above which a "text" file is treated as binary.
/// Real documents have practically none; binaries decoded as Windows-1252 have many.
const MAX_CONTROL_RATIO: f64 = 0.02;

/// Decode `bytes` into normalised text, or say why they are not text.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    let (text, warning) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        decode_with(UTF_8, rest, "UTF-8 with BOM")
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        decode_with(UTF_16LE, rest, "UTF-16LE")
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        decode_with(UTF_16BE, rest, "UTF-16BE")
    } else if let Some(enc) = sniff_utf16(bytes) {
        let (text, _) = decode_with(enc, bytes, enc.name());
        (
            text,
            Some(format!("no byte-order mark; read as {}", enc.name())),
        )
    } else if bytes.contains(&0) {
        // NUL bytes never occur in 8-bit text; they mark images, archives, executables.
        return Err("binary file".into());
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_owned(), None),
            Err(_) => {
                let (cow, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
                (
                    cow.into_owned(),
                    Some("not valid UTF-8; read as Windows-1252".to_owned()),
                )
            }
        }
    };
    if looks_binary(&text) {
        return Err("binary file".into());
    }
    Ok(Decoded {
        text: normalise_line_ends(&text),
        warning,
    })
}

/// Decode with a known encoding; malformed sequences are replaced and reported.
fn decode_with(enc: &'static Encoding, bytes: &[u8], label: &str) -> (String, Option<String>) {
    let (cow, had_errors) = enc.decode_without_bom_handling(bytes);
    let warning = had_errors.then(|| format!("malformed {label}; bad bytes replaced"));
    (cow.into_owned(), warning)
}

/// Recognise BOM-less UTF-16 by its pattern of NUL bytes in ASCII-heavy text.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    // Latin text in UTF-16 has a NUL in (nearly) every high byte and none in low bytes.
    let mostly = |n: usize| n * 10 >= pairs * 7;
    let hardly = |n: usize| n * 50 <= pairs;
    if mostly(odd_nul) && hardly(even_nul) {
        Some(UTF_16LE)
    } else if mostly(even_nul) && hardly(odd_nul) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// True when the text has too many control characters to be a document.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars() {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c') {
            control += 1;
        }
    }
    total > 0 && (control as f64) > (total as f64) * MAX_CONTROL_RATIO
}

/// CRLF and lone CR become `\n`; form feeds (page breaks) become a blank-line run.
pub(crate) fn normalise_line_ends(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\x0c' => out.push_str("\n\n\n"),
            '\u{feff}' => {}
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_stripped() {
        let d = decode(b"\xEF\xBB\xBFHello\r\nworld\rend").unwrap();
        assert_eq!(d.text, "Hello\nworld\nend");
        assert!(d.warning.is_none());
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in "Café – ok".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap().text, "Café – ok");
        assert_eq!(decode(&be).unwrap().text, "Café – ok");
    }

    #[test]
    fn utf16_without_bom_is_sniffed() {
        let le: Vec<u8> = "Key Issues discussed here"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let d = decode(&le).unwrap();
        assert_eq!(d.text, "Key Issues discussed here");
        assert!(d.warning.is_some());
    }

    #[test]
    fn windows_1252_fallback_warns() {
        let d = decode(b"Caf\xe9 \x93quoted\x94").unwrap();
        assert_eq!(d.text, "Café “quoted”");
        assert!(d.warning.unwrap().contains("Windows-1252"));
    }

    #[test]
    fn binary_is_rejected() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err(),
            "binary file"
        );
        let noisy: Vec<u8> = (1u8..32).cycle().take(400).collect();
        assert_eq!(decode(&noisy).unwrap_err(), "binary file");
    }

    #[test]
    fn form_feed_is_a_page_break() {
        assert_eq!(decode(b"a\x0cb").unwrap().text, "a\n\n\nb");
    }
}
