//! Word (.docx) documents to the outliner's Markdown-ish text.
//!
//! A .docx is a zip of XML parts. We read `word/document.xml` in order and
//! use `word/styles.xml` and `word/numbering.xml` to tell headings and list
//! items from plain paragraphs: Word marks a heading by its paragraph style,
//! and a list item by numbering set on the paragraph or inherited from its
//! style, with the nesting level in `ilvl`. Tables are read row by row, as the
//! HTML reader reads them: a row of data is an item, its cells set apart by a dash.
//!
//! Every part is decompressed with a hard size cap, so a zip bomb costs at
//! most [`MAX_PART_BYTES`] of memory per part before it is refused.

use super::read::CELL_SEPARATOR;
use super::DocMeta;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// Largest decompressed XML part we accept.
pub const MAX_PART_BYTES: u64 = 32 * 1024 * 1024;

/// Most words of a cell in a row read as the table's header row.
const HEADER_CELL_WORDS: usize = 4;

/// Deepest `basedOn` chain followed when resolving style inheritance.
const MAX_STYLE_CHAIN: usize = 16;

/// Convert .docx bytes to normalised text (`# heading`, `- item`, paragraphs).
pub(crate) fn to_text(bytes: &[u8]) -> Result<String, String> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("not a valid .docx ({e})"))?;
    let document = read_part(&mut zip, "word/document.xml")?
        .ok_or_else(|| "not a valid .docx (no word/document.xml)".to_owned())?;
    let styles = match read_part(&mut zip, "word/styles.xml")? {
        Some(xml) => parse_styles(&xml)?,
        None => HashMap::new(),
    };
    let numbering = match read_part(&mut zip, "word/numbering.xml")? {
        Some(xml) => parse_numbering(&xml)?,
        None => Numbering::default(),
    };
    render(&document, &styles, &numbering)
}

/// The document properties of a .docx (`docProps/core.xml`: title and creation date);
/// empty where the file has none or cannot be read (its text is read, and judged, apart).
pub(crate) fn metadata(bytes: &[u8]) -> DocMeta {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return DocMeta::default();
    };
    let Ok(Some(xml)) = read_part(&mut zip, "docProps/core.xml") else {
        return DocMeta::default();
    };
    let mut meta = DocMeta::default();
    let mut reader = Reader::from_str(&xml);
    let mut field: Option<&str> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                field = match e.local_name().as_ref() {
                    "title" => Some("title"),
                    "created" => Some("date"),
                    _ => None,
                }
            }
            Ok(Event::Text(t)) => {
                let text = t.xml10_content().trim().to_owned();
                match field {
                    Some("title") if meta.title.is_empty() => meta.title = text,
                    // "2025-05-09T10:00:00Z": the day is what a reader wants.
                    Some("date") if meta.date.is_empty() => {
                        meta.date = text.split('T').next().unwrap_or("").to_owned()
                    }
                    _ => {}
                }
            }
            Ok(Event::End(_)) => field = None,
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    meta
}

/// Read one zip entry as UTF-8, refusing anything that inflates past the cap.
fn read_part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, String> {
    let entry = match zip.by_name(name) {
        Ok(e) => e,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("not a valid .docx ({e})")),
    };
    if entry.size() > MAX_PART_BYTES {
        return Err(too_large(name));
    }
    let mut buf = Vec::new();
    // The declared size can lie; `take` enforces the cap on what actually inflates.
    entry
        .take(MAX_PART_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(|e| format!("corrupt .docx ({name}: {e})"))?;
    if buf.len() as u64 > MAX_PART_BYTES {
        return Err(too_large(name));
    }
    String::from_utf8(buf)
        .map(Some)
        .map_err(|_| format!("corrupt .docx ({name} is not UTF-8)"))
}

fn too_large(name: &str) -> String {
    format!(
        "decompressed {name} exceeds {} MiB (possible zip bomb)",
        MAX_PART_BYTES / (1024 * 1024)
    )
}

fn xml_error(e: impl std::fmt::Display) -> String {
    format!("corrupt .docx (bad XML: {e})")
}

/// `w:val` (or any attribute with the given local name) of an element.
fn attr(e: &BytesStart, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| {
            a.normalized_value(XmlVersion::default())
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Text of an entity reference such as `&amp;` or `&#8211;`.
fn entity(r: &BytesRef) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    match r.xml10_content().as_ref() {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => "",
    }
    .to_owned()
}

/// What a paragraph style contributes: heading level, list numbering, parent.
#[derive(Debug, Default, Clone)]
struct Style {
    heading: Option<usize>,
    num: Option<(String, usize)>,
    based_on: Option<String>,
}

fn heading_level_from_name(name: &str) -> Option<usize> {
    let n = name.to_ascii_lowercase().replace(' ', "");
    if n == "title" {
        return Some(1);
    }
    n.strip_prefix("heading")
        .and_then(|d| d.parse::<usize>().ok())
        .map(|d| d.clamp(1, 6))
}

fn parse_styles(xml: &str) -> Result<HashMap<String, Style>, String> {
    let mut reader = Reader::from_str(xml);
    let mut styles = HashMap::new();
    let mut current: Option<(String, Style)> = None;
    let mut num_id: Option<String> = None;
    let mut ilvl = 0usize;
    loop {
        match reader.read_event().map_err(xml_error)? {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.local_name();
                match name.as_ref() {
                    "style" => {
                        current = attr(&e, "styleId").map(|id| (id, Style::default()));
                        num_id = None;
                        ilvl = 0;
                    }
                    "name" => {
                        if let (Some((_, s)), Some(v)) = (current.as_mut(), attr(&e, "val")) {
                            s.heading = s.heading.or(heading_level_from_name(&v));
                        }
                    }
                    "outlineLvl" => {
                        if let (Some((_, s)), Some(v)) = (current.as_mut(), attr(&e, "val")) {
                            // Level 9 means "body text" in Word.
                            if let Ok(l) = v.parse::<usize>() {
                                if l < 9 {
                                    s.heading = Some((l + 1).min(6));
                                }
                            }
                        }
                    }
                    "basedOn" => {
                        if let Some((_, s)) = current.as_mut() {
                            s.based_on = attr(&e, "val");
                        }
                    }
                    "numId" => num_id = attr(&e, "val"),
                    "ilvl" => ilvl = attr(&e, "val").and_then(|v| v.parse().ok()).unwrap_or(0),
                    _ => {}
                }
            }
            Event::End(e) if e.local_name().as_ref() == "style" => {
                if let Some((id, mut style)) = current.take() {
                    style.num = num_id.take().map(|n| (n, ilvl));
                    styles.insert(id, style);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(styles)
}

/// Number formats per (abstract numbering, level), and which abstract each `numId` uses.
#[derive(Debug, Default)]
struct Numbering {
    formats: HashMap<(String, usize), String>,
    abstract_of: HashMap<String, String>,
}

fn parse_numbering(xml: &str) -> Result<Numbering, String> {
    let mut reader = Reader::from_str(xml);
    let mut n = Numbering::default();
    let mut abstract_id: Option<String> = None;
    let mut level = 0usize;
    let mut num_id: Option<String> = None;
    loop {
        match reader.read_event().map_err(xml_error)? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "abstractNum" => abstract_id = attr(&e, "abstractNumId"),
                "lvl" => level = attr(&e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0),
                "numFmt" => {
                    if let (Some(a), Some(f)) = (abstract_id.clone(), attr(&e, "val")) {
                        n.formats.insert((a, level), f);
                    }
                }
                "num" => num_id = attr(&e, "numId"),
                "abstractNumId" => {
                    if let (Some(id), Some(a)) = (num_id.clone(), attr(&e, "val")) {
                        n.abstract_of.insert(id, a);
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "abstractNum" => abstract_id = None,
                "num" => num_id = None,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(n)
}

impl Numbering {
    /// The list marker to print for a numbered paragraph.
    fn marker(&self, num_id: &str, ilvl: usize) -> &'static str {
        let format = self
            .abstract_of
            .get(num_id)
            .and_then(|a| self.formats.get(&(a.clone(), ilvl)))
            .map_or("bullet", String::as_str);
        match format {
            f if f.starts_with("decimal") || f.contains("ordinal") || f.contains("cardinal") => {
                "1."
            }
            "lowerLetter" | "upperLetter" => "a)",
            "lowerRoman" | "upperRoman" => "i.",
            _ => "-",
        }
    }
}

/// Paragraph properties and text gathered between `<w:p>` and `</w:p>`.
#[derive(Default)]
struct Para {
    style: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
    text: String,
}

fn render(
    xml: &str,
    styles: &HashMap<String, Style>,
    numbering: &Numbering,
) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = Out::default();
    // Open paragraphs, innermost last: a text box's paragraphs stand inside the
    // paragraph that anchors it, whose own words go on after the box.
    let mut paras: Vec<Para> = Vec::new();
    // Depth inside `mc:Fallback`: Word writes a text box twice, as a drawing
    // (`mc:Choice`) and again for older readers (`mc:Fallback`); the copy is read once.
    let mut fallback = 0usize;
    let mut in_text = false;
    let mut table_depth = 0usize;
    // The outer table's rows, read whole before they are written: a form is written
    // otherwise than a table of data. Each cell holds its paragraphs.
    let mut rows: Vec<Row> = Vec::new();
    let mut row: Vec<Vec<String>> = Vec::new();
    let mut cell: Vec<String> = Vec::new();
    let mut header_row = false;
    loop {
        let event = reader.read_event().map_err(xml_error)?;
        match &event {
            Event::Start(e) if e.local_name().as_ref() == "Fallback" => {
                fallback += 1;
                continue;
            }
            Event::End(e) if e.local_name().as_ref() == "Fallback" => {
                fallback = fallback.saturating_sub(1);
                continue;
            }
            Event::Eof => {}
            _ if fallback > 0 => continue,
            _ => {}
        }
        let para = paras.last_mut();
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "p" => paras.push(Para::default()),
                "t" => in_text = true,
                "tbl" => {
                    table_depth += 1;
                    if table_depth == 1 {
                        rows.clear();
                    }
                }
                "tr" if table_depth == 1 => {
                    row.clear();
                    header_row = false;
                }
                "tc" if table_depth == 1 => cell.clear(),
                other => para_property(other, &e, para),
            },
            Event::Empty(e) if e.local_name().as_ref() == "tblHeader" && table_depth == 1 => {
                header_row = true;
            }
            Event::Empty(e) => match e.local_name().as_ref() {
                "tab" | "br" | "cr" => {
                    if let Some(p) = para {
                        p.text.push(' ');
                    }
                }
                other => para_property(other, &e, para),
            },
            Event::Text(t) if in_text => {
                if let Some(p) = para {
                    p.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) if in_text => {
                if let Some(p) = para {
                    p.text.push_str(&entity(&r));
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => {
                    if let Some(p) = paras.pop() {
                        if table_depth > 0 {
                            let mut text = String::new();
                            append_words(&mut text, &p.text);
                            if !text.is_empty() {
                                cell.push(text);
                            }
                        } else {
                            out.paragraph(&p, styles, numbering);
                        }
                    }
                }
                "tc" if table_depth == 1 => row.push(std::mem::take(&mut cell)),
                "tr" if table_depth == 1 => rows.push(Row {
                    cells: std::mem::take(&mut row),
                    header: header_row,
                }),
                "tbl" => {
                    if table_depth == 1 {
                        out.table(&rows);
                    }
                    table_depth = table_depth.saturating_sub(1);
                }
                _ => {}
            },
            Event::Eof => {
                // A table the file never closes still has its rows read.
                if table_depth > 0 {
                    out.table(&rows);
                }
                break;
            }
            _ => {}
        }
    }
    Ok(out.text)
}

/// Paragraph-level properties: style and numbering.
fn para_property(name: &str, e: &BytesStart, para: Option<&mut Para>) {
    let Some(p) = para else { return };
    match name {
        "pStyle" => p.style = attr(e, "val"),
        "numId" => p.num_id = attr(e, "val"),
        "ilvl" => p.ilvl = attr(e, "val").and_then(|v| v.parse().ok()),
        _ => {}
    }
}

fn append_words(buf: &mut String, text: &str) {
    for w in text.split_whitespace() {
        if !buf.is_empty() {
            buf.push(' ');
        }
        buf.push_str(w);
    }
}

/// A table row: its cells' paragraphs, and whether Word marks it as a header row.
struct Row {
    cells: Vec<Vec<String>>,
    header: bool,
}

/// Most words of a form's label ("Session title", "Calls to action").
const FORM_LABEL_WORDS: usize = 5;

/// Fewest rows of a form.
const FORM_ROWS: usize = 3;

/// Most words of a value written on its label's line ("Date: 11 March 2026"); a longer
/// one, or a sentence, is content under its label.
const FORM_FIELD_WORDS: usize = 25;

/// Most words of a row that names a group of rows.
const GROUP_ROW_WORDS: usize = 8;

/// Is the table a form: rows of a short label and its value ("Organizer | Coastal
/// Network", "Key takeaways | • … • …"), not a table of data?
fn is_form(rows: &[Row]) -> bool {
    let label = |c: &Vec<String>| {
        let t = c.join(" ");
        c.len() == 1
            && t.split_whitespace().count() <= FORM_LABEL_WORDS
            && !t.trim_end().ends_with(['.', '!', '?'])
    };
    rows.len() >= FORM_ROWS
        && rows.iter().all(|r| {
            let filled: Vec<&Vec<String>> = r.cells.iter().filter(|c| !c.is_empty()).collect();
            !r.header && filled.len() == 2 && label(filled[0])
        })
}

/// The text being built, with blank lines between blocks but not between list items.
#[derive(Default)]
struct Out {
    text: String,
    last_was_item: bool,
}

impl Out {
    fn paragraph(&mut self, p: &Para, styles: &HashMap<String, Style>, numbering: &Numbering) {
        let mut text = String::new();
        append_words(&mut text, &p.text);
        if text.is_empty() {
            return;
        }
        let resolved = p.style.as_deref().map(|s| resolve_style(s, styles));
        let heading = resolved
            .as_ref()
            .and_then(|r| r.heading)
            .or_else(|| p.style.as_deref().and_then(heading_level_from_name));
        // Numbering on the paragraph wins over numbering inherited from its style.
        let num = match (&p.num_id, resolved.as_ref().and_then(|r| r.num.clone())) {
            (Some(id), style_num) => Some((
                id.clone(),
                p.ilvl.or(style_num.map(|(_, l)| l)).unwrap_or(0),
            )),
            (None, Some((id, l))) => Some((id, p.ilvl.unwrap_or(l))),
            (None, None) => None,
        }
        .filter(|(id, _)| id != "0");
        if let Some(level) = heading {
            self.block(&format!("{} {text}", "#".repeat(level)));
        } else if let Some((id, ilvl)) = num {
            let ilvl = ilvl.min(8);
            if !self.last_was_item {
                self.text.push('\n');
            }
            self.text.push_str(&format!(
                "{}{} {text}\n",
                "  ".repeat(ilvl),
                numbering.marker(&id, ilvl)
            ));
            self.last_was_item = true;
        } else {
            self.block(&text);
        }
    }

    /// A table: a form as labelled lines ("Organizer: Coastal Network", or "Key
    /// takeaways:" over its points as items), which the outliner reads as fields and
    /// lead-ins; any other table row by row.
    fn table(&mut self, rows: &[Row]) {
        if !is_form(rows) {
            let filled = |row: &Row| row.cells.iter().filter(|c| !c.is_empty()).count();
            let columns = rows.iter().map(filled).max().unwrap_or(0);
            for (index, row) in rows.iter().enumerate() {
                let cells: Vec<String> = row.cells.iter().map(|c| c.join(" ")).collect();
                // A row of one short cell in a table of three columns or more ("A.
                // Connectivity and resilience", merged across the row) names the group
                // of rows below it: a line of its own, read as a sub-heading.
                let group = (columns >= 3 && filled(row) == 1)
                    .then(|| cells.iter().map(|c| c.trim()).find(|c| !c.is_empty()))
                    .flatten()
                    .filter(|c| {
                        c.split_whitespace().count() <= GROUP_ROW_WORDS
                            && !c.ends_with(['.', '!', '?', ';', ':'])
                    });
                match group {
                    Some(name) => {
                        self.block(name);
                        self.last_was_item = false;
                    }
                    None => self.row(&cells, row.header || index == 0),
                }
            }
            return;
        }
        for row in rows {
            let mut filled = row.cells.iter().filter(|c| !c.is_empty());
            // is_form: every row has a label and a value.
            let (Some(label), Some(value)) = (filled.next(), filled.next()) else {
                continue;
            };
            let label = label.join(" ");
            let label = label.trim_end().trim_end_matches(':');
            let short = value.len() == 1
                && value[0].split_whitespace().count() <= FORM_FIELD_WORDS
                && !value[0].trim_end().ends_with(['.', '!', '?']);
            if short {
                self.block(&format!("{label}: {}", value[0]));
                continue;
            }
            self.block(&format!("{label}:"));
            self.text.push('\n');
            for point in value {
                self.text.push_str("- ");
                self.text.push_str(point);
                self.text.push('\n');
            }
            self.last_was_item = true;
        }
    }

    /// A table row as the HTML reader writes one: its cells set apart by a dash, a row of
    /// data an item of the table's list, a header row (Word's mark, or a first row of
    /// short cells) a plain line that names the columns.
    fn row(&mut self, cells: &[String], may_be_header: bool) {
        let cells: Vec<&str> = cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        if cells.is_empty() {
            return;
        }
        let line = cells.join(CELL_SEPARATOR);
        let header = may_be_header
            && cells
                .iter()
                .all(|c| c.split_whitespace().count() <= HEADER_CELL_WORDS);
        if header {
            self.block(&line);
        } else {
            if !self.last_was_item {
                self.text.push('\n');
            }
            self.text.push_str("- ");
            self.text.push_str(&line);
            self.text.push('\n');
            self.last_was_item = true;
        }
    }

    fn block(&mut self, line: &str) {
        self.text.push('\n');
        self.text.push_str(line);
        self.text.push('\n');
        self.last_was_item = false;
    }
}

/// A style with `basedOn` inheritance applied (bounded, so cycles cannot loop).
fn resolve_style(id: &str, styles: &HashMap<String, Style>) -> Style {
    let mut out = Style::default();
    let mut next = Some(id.to_owned());
    for _ in 0..MAX_STYLE_CHAIN {
        let Some(s) = next.as_ref().and_then(|n| styles.get(n)) else {
            break;
        };
        out.heading = out.heading.or(s.heading);
        out.num = out.num.or_else(|| s.num.clone());
        next = s.based_on.clone();
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// Build a minimal .docx in memory from its XML parts.
    pub(crate) fn make_docx(document: &str, styles: &str, numbering: &str) -> Vec<u8> {
        let mut buf = Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default();
            for (name, body) in [
                ("word/document.xml", document),
                ("word/styles.xml", styles),
                ("word/numbering.xml", numbering),
            ] {
                if !body.is_empty() {
                    zip.start_file(name, opts).unwrap();
                    zip.write_all(body.as_bytes()).unwrap();
                }
            }
            zip.finish().unwrap();
        }
        buf.into_inner()
    }

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn p(style: Option<&str>, num: Option<(u32, u32)>, text: &str) -> String {
        let style = style.map_or(String::new(), |s| format!(r#"<w:pStyle w:val="{s}"/>"#));
        let num = num.map_or(String::new(), |(id, l)| {
            format!(r#"<w:numPr><w:ilvl w:val="{l}"/><w:numId w:val="{id}"/></w:numPr>"#)
        });
        format!(
            r#"<w:p><w:pPr>{style}{num}</w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#
        )
    }

    #[test]
    fn headings_lists_and_tables() {
        let body = [
            p(Some("Title"), None, "My Session"),
            p(Some("Heading1"), None, "Key Issues"),
            p(None, Some((1, 0)), "Parent &amp; lead:"),
            p(None, Some((1, 1)), "Child one."),
            p(Some("ListBullet"), None, "Inherited bullet."),
            p(None, Some((2, 0)), "Numbered."),
            format!(
                "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
                p(None, None, "A"),
                p(None, None, "B"),
                p(None, None, "Fund cable repairs."),
                p(None, None, "Banks")
            ),
        ]
        .concat();
        let document = format!(r#"<w:document {W}><w:body>{body}</w:body></w:document>"#);
        let styles = format!(
            r#"<w:styles {W}><w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:styleId="Title"><w:name w:val="Title"/></w:style><w:style w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>"#
        );
        let numbering = format!(
            r#"<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#
        );
        let text = to_text(&make_docx(&document, &styles, &numbering)).unwrap();
        assert_eq!(
            text,
            "\n# My Session\n\n# Key Issues\n\n- Parent & lead:\n  - Child one.\n- Inherited bullet.\n1. Numbered.\n\nA — B\n\n- Fund cable repairs. — Banks\n"
        );
    }

    #[test]
    fn a_text_box_is_read_once_and_its_anchor_paragraph_whole() {
        // Word writes a text box as a drawing and again as a fallback picture; the box's
        // paragraphs stand inside the paragraph that anchors it. The box had been read
        // twice, and the anchor's words after the box lost.
        let inner = p(None, None, "Box 1: The network connected 12 villages.");
        let body = format!(
            r#"<w:p><w:r><w:t xml:space="preserve">Before the box. </w:t></w:r><w:r><mc:AlternateContent xmlns:mc="x"><mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="y"><w:txbxContent>{inner}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox xmlns:v="z"><w:txbxContent>{inner}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>After the box.</w:t></w:r></w:p>"#
        );
        let document = format!(r#"<w:document {W}><w:body>{body}</w:body></w:document>"#);
        let text = to_text(&make_docx(&document, "", "")).unwrap();
        assert_eq!(
            text.matches("Box 1: The network connected 12 villages.")
                .count(),
            1,
            "{text:?}"
        );
        assert!(text.contains("Before the box. After the box."), "{text:?}");
    }

    #[test]
    fn a_row_merged_across_a_table_names_the_rows_below_it() {
        let cell = |t: &str| format!("<w:tc>{}</w:tc>", p(None, None, t));
        let row = |cells: &[&str]| {
            let cs: String = cells.iter().map(|t| cell(t)).collect();
            format!("<w:tr>{cs}</w:tr>")
        };
        let table = [
            row(&["No.", "Recommendation", "Lead"]),
            format!(
                r#"<w:tr><w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr>{}</w:tc></w:tr>"#,
                p(None, None, "A. Connectivity")
            ),
            row(&["1", "Fund a cable repair ship.", "Banks"]),
        ]
        .concat();
        let document =
            format!(r#"<w:document {W}><w:body><w:tbl>{table}</w:tbl></w:body></w:document>"#);
        let text = to_text(&make_docx(&document, "", "")).unwrap();
        // Read as a row, "A. Connectivity" was a one-cell item: a recommendation.
        assert_eq!(
            text,
            "\nNo. — Recommendation — Lead\n\nA. Connectivity\n\n- 1 — Fund a cable repair ship. — Banks\n"
        );
    }

    #[test]
    fn a_form_table_reads_as_labelled_fields_and_points() {
        let cell = |paras: &[&str]| {
            let ps: String = paras.iter().map(|t| p(None, None, t)).collect();
            format!("<w:tc>{ps}</w:tc>")
        };
        let rows = [
            (vec!["Organizer"], vec!["Coastal Cable Network"]),
            (vec!["Date"], vec!["11 March 2026"]),
            (
                vec!["Key takeaways"],
                vec!["One fault cuts a country off.", "Repair ships are shared."],
            ),
            (
                vec!["Calls to action"],
                vec!["Governments should fund a second cable landing."],
            ),
        ];
        let table: String = rows
            .iter()
            .map(|(l, v)| format!("<w:tr>{}{}</w:tr>", cell(l), cell(v)))
            .collect();
        let document =
            format!(r#"<w:document {W}><w:body><w:tbl>{table}</w:tbl></w:body></w:document>"#);
        let text = to_text(&make_docx(&document, "", "")).unwrap();
        // Row by row it read "- Key takeaways — One fault cuts a country off. Repair
        // ships are shared.": the label a statement's first words, two points glued.
        assert_eq!(
            text,
            "\nOrganizer: Coastal Cable Network\n\nDate: 11 March 2026\n\nKey takeaways:\n\n- One fault cuts a country off.\n- Repair ships are shared.\n\nCalls to action:\n\n- Governments should fund a second cable landing.\n"
        );
    }

    #[test]
    fn fake_and_truncated_docx_are_errors() {
        assert!(to_text(b"not a zip at all")
            .unwrap_err()
            .contains("not a valid .docx"));
        let real = make_docx("<w:document/>", "", "");
        let cut = &real[..real.len() / 2];
        assert!(to_text(cut).is_err());
        let no_doc = make_docx("", "<x/>", "");
        assert!(to_text(&no_doc).is_err());
    }

    #[test]
    fn core_properties_give_title_and_day() {
        let mut buf = Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default();
            zip.start_file("docProps/core.xml", opts).unwrap();
            zip.write_all(br#"<cp:coreProperties xmlns:cp="c" xmlns:dc="d" xmlns:dcterms="t"><dc:title>Open ports roundtable</dc:title><dc:creator>Ada</dc:creator><dcterms:created>2025-05-09T10:00:00Z</dcterms:created></cp:coreProperties>"#).unwrap();
            zip.finish().unwrap();
        }
        let m = metadata(&buf.into_inner());
        assert_eq!(
            (m.title.as_str(), m.date.as_str()),
            ("Open ports roundtable", "2025-05-09")
        );
        assert_eq!(metadata(b"not a zip"), DocMeta::default());
    }

    #[test]
    fn zip_bomb_is_refused() {
        let mut buf = Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            zip.start_file("word/document.xml", opts).unwrap();
            let chunk = vec![b' '; 1 << 20];
            for _ in 0..(MAX_PART_BYTES / (1 << 20) + 1) {
                zip.write_all(&chunk).unwrap();
            }
            zip.finish().unwrap();
        }
        let bytes = buf.into_inner();
        assert!(bytes.len() < 1 << 20, "bomb compresses well");
        assert!(to_text(&bytes).unwrap_err().contains("zip bomb"));
    }
}
