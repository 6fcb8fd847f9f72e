//! A tiny PDF writer for tests: text lines in Helvetica, one text object per line.
//!
//! Real outcome PDFs come from word processors that place each line at its own
//! position; writing the same way makes pdf-extract see what it sees in the wild.

use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream};

const FONT_SIZE: f32 = 10.0;
const LEADING: f32 = 13.0;
const LEFT: f32 = 72.0;
const TOP: f32 = 720.0;
const BOTTOM: f32 = 72.0;
/// Characters per printed line; Helvetica at 10pt fits about this many in 6.5in.
const WRAP: usize = 90;

/// Lay out `text` as a PDF: blank lines become vertical gaps, long lines wrap with a
/// hanging indent (as a word processor wraps a bullet), and pages break when full.
pub fn text_to_pdf(text: &str) -> Vec<u8> {
    let mut pages: Vec<Vec<Operation>> = vec![Vec::new()];
    let mut y = TOP;
    for line in text.lines() {
        if line.trim().is_empty() {
            y -= LEADING;
            continue;
        }
        let indent = if line.starts_with("- ") { 10.0 } else { 0.0 };
        for (i, chunk) in wrap(line).iter().enumerate() {
            if y < BOTTOM {
                pages.push(Vec::new());
                y = TOP;
            }
            let x = LEFT + if i > 0 { indent } else { 0.0 };
            let ops = pages.last_mut().expect("one page at least");
            ops.extend([
                Operation::new("BT", vec![]),
                Operation::new("Tf", vec!["F1".into(), FONT_SIZE.into()]),
                Operation::new("Td", vec![x.into(), y.into()]),
                Operation::new("Tj", vec![Object::string_literal(win_ansi(chunk))]),
                Operation::new("ET", vec![]),
            ]);
            y -= LEADING;
        }
    }
    build(pages)
}

/// Greedy word wrap at [`WRAP`] characters.
fn wrap(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for word in line.split_whitespace() {
        let cur = out.last_mut().expect("non-empty");
        if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > WRAP {
            out.push(word.to_owned());
        } else {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(word);
        }
    }
    out
}

/// The standard fonts' WinAnsiEncoding is Windows-1252.
fn win_ansi(s: &str) -> Vec<u8> {
    encoding_rs::WINDOWS_1252.encode(s).0.into_owned()
}

fn build(pages: Vec<Vec<Operation>>) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id },
    });
    let mut kids: Vec<Object> = Vec::new();
    for operations in pages {
        let content = Content { operations };
        let content_id = doc.add_object(Stream::new(
            dictionary! {},
            content.encode().expect("content encodes"),
        ));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
        });
        kids.push(page_id.into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
    });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("PDF writes to memory");
    out
}
