//! Small building blocks for hand-written HTML and inline SVG: escaping,
//! truncation, number formatting and colours.
//!
//! Kept separate from the page layout so the parts that can go wrong on user
//! text (escaping, cutting at a character boundary) are tested on their own.

/// Escape text for HTML or SVG element content and double- or single-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML; a stray one from a
            // badly decoded document would make the whole SVG fail to parse.
            c if c.is_control() && c != '\n' && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Cut `text` to at most `max` characters, ending in "…" when shortened.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let keep = max.saturating_sub(1);
    let mut out: String = text.chars().take(keep).collect();
    // Cutting mid-word after a space leaves a dangling blank before the ellipsis.
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('…');
    out
}

/// Format a coordinate with one decimal, dropping a useless ".0" so the SVG stays small.
pub fn num(x: f64) -> String {
    if !x.is_finite() {
        return "0".to_string();
    }
    let r = (x * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// One element built attribute by attribute, so each value sits next to its name and the
/// element is always written closed ([`Tag::empty`], [`Tag::wrap`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Tag {
    name: &'static str,
    attrs: String,
}

impl Tag {
    /// An element named `name`, no attributes yet.
    pub fn new(name: &'static str) -> Self {
        Tag {
            name,
            attrs: String::new(),
        }
    }

    /// Add `key="value"`, the value escaped.
    pub fn attr(self, key: &str, value: &str) -> Self {
        self.attr_raw(key, &escape(value))
    }

    /// Add `key="value"` as written, for fixed text the caller knows is safe in a double-quoted
    /// attribute: [`Tag::attr`] would turn an apostrophe in a chart's description into `&#39;`.
    pub fn attr_raw(mut self, key: &str, value: &str) -> Self {
        // A quote or a tag in the value would end the attribute early; only escaped text belongs here.
        debug_assert!(
            !value.contains(['"', '<']),
            "unescaped attribute value {value:?}"
        );
        self.attrs.push(' ');
        self.attrs.push_str(key);
        self.attrs.push_str("=\"");
        self.attrs.push_str(value);
        self.attrs.push('"');
        self
    }

    /// Add a coordinate or length, written by [`num`].
    pub fn num(self, key: &str, value: f64) -> Self {
        self.attr(key, &num(value))
    }

    /// The element with no content: `<name …/>`.
    pub fn empty(&self) -> String {
        format!("<{}{}/>", self.name, self.attrs)
    }

    /// The element around `inner`, which is markup already escaped: `<name …>inner</name>`.
    pub fn wrap(&self, inner: &str) -> String {
        format!("<{}{}>{inner}</{}>", self.name, self.attrs, self.name)
    }
}

/// Colours for themes on the map: the Okabe–Ito set, distinguishable with
/// the common colour-vision deficiencies, then darker variants.
pub const PALETTE: [&str; 12] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#8C6D1F", "#3B3B98",
    "#7A8C00", "#A0304F", "#00646E", "#6A3D9A",
];

/// The palette colour of the `i`-th recurring theme (cycles past the end).
pub fn theme_colour(i: usize) -> &'static str {
    PALETTE[i % PALETTE.len()]
}

/// Fill of a matrix cell holding `count` statements: three steps of blue,
/// with the matching text colour for contrast.
pub fn cell_shade(count: usize) -> (&'static str, &'static str) {
    match count {
        0 => ("#ffffff", "#000000"),
        1 => ("#c6dbef", "#08306b"),
        2 => ("#6baed6", "#08306b"),
        _ => ("#08519c", "#ffffff"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_close_and_escape() {
        let t = Tag::new("rect").num("x", 1.25).attr("fill", "a\"b");
        assert_eq!(t.empty(), "<rect x=\"1.3\" fill=\"a&quot;b\"/>");
        assert_eq!(
            Tag::new("g").wrap("<title>t</title>"),
            "<g><title>t</title></g>"
        );
        assert_eq!(
            Tag::new("svg")
                .attr_raw("aria-label", "the session's")
                .empty(),
            "<svg aria-label=\"the session's\"/>"
        );
    }

    #[test]
    fn escape_covers_markup_and_quotes() {
        assert_eq!(
            escape(r#"<a href="x">'Tom' & Jerry</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;Tom&#39; &amp; Jerry&lt;/a&gt;"
        );
    }

    #[test]
    fn escape_keeps_unicode_and_drops_control_characters() {
        assert_eq!(escape("“café” —\u{7}ok"), "“café” — ok");
        assert_eq!(escape("a\tb\nc"), "a\tb\nc");
    }

    #[test]
    fn escape_escapes_existing_entities() {
        assert_eq!(escape("&amp;"), "&amp;amp;");
    }

    #[test]
    fn truncate_respects_character_boundaries() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("exactly10!", 10), "exactly10!");
        assert_eq!(
            truncate("Knowledge Café strengthening", 16),
            "Knowledge Café…"
        );
        assert_eq!(truncate("ééééé", 3), "éé…");
        assert_eq!(truncate("abc", 0), "…");
    }

    #[test]
    fn num_is_compact_and_total() {
        assert_eq!(num(3.0), "3");
        assert_eq!(num(2.25), "2.3");
        assert_eq!(num(-0.04), "0");
        assert_eq!(num(f64::NAN), "0");
    }

    #[test]
    fn shades_darken_with_count_and_cycle_colours() {
        assert_eq!(cell_shade(0).0, "#ffffff");
        assert_ne!(cell_shade(1).0, cell_shade(2).0);
        assert_eq!(cell_shade(3), cell_shade(9));
        assert_eq!(theme_colour(0), theme_colour(PALETTE.len()));
    }
}
