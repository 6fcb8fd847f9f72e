//! Finding, reading and decoding source files.
//!
//! `load` never gives up on a corpus because of one bad file: every file that
//! cannot become a session is recorded as [`Skipped`] with a human reason, and
//! only a corpus with no sessions at all is an error.

use super::boilerplate::{mark_repeated, retitle_shared_banners};
use super::decode::{decode, normalise_line_ends};
use super::outline::{assemble, outline_parts, Outlined};
use super::unit::UnitClass;
use super::{docx, html, pdf};
use super::{Corpus, CorpusError, Session, Skipped};
use rayon::prelude::*;
use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Files larger than this are skipped: no outcome document is anywhere near it,
/// and it bounds the memory one file can take.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Deepest folder nesting followed during a walk.
const MAX_DEPTH: usize = 64;

/// Extensions picked up when walking a folder.
pub const SUPPORTED_EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "text", "docx", "html", "htm", "xhtml", "pdf",
];

/// A decoded source file, ready to outline.
#[derive(Debug, Clone)]
pub struct Document {
    /// Path as it will appear in citations.
    pub source: String,
    /// File stem: the session id.
    pub id: String,
    /// Decoded text, normalised to `\n` line ends.
    pub text: String,
    /// What the file format itself says about the document (HTML `<head>`, .docx
    /// properties); used where the text names no title, link or date.
    pub meta: DocMeta,
}

/// What sets a table's cells apart on the one line the HTML and .docx readers write per
/// row ("Fund cable repairs — Development banks — 2026").
pub(crate) const CELL_SEPARATOR: &str = " — ";

/// Document properties stored by the format rather than written in the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocMeta {
    /// The document's title property.
    pub title: String,
    /// Its canonical link.
    pub url: String,
    /// Its publication or creation date.
    pub date: String,
    /// For text extracted from markup (HTML): the file's line where each text line
    /// begins (0 when it was not found), so a citation points into the file; empty when
    /// the text is the file's own lines or the format has none (PDF, Word).
    pub source_lines: Vec<usize>,
}

impl DocMeta {
    /// The file's line for line `line` (1-based) of the text.
    pub fn source_line(&self, line: usize) -> usize {
        match self.source_lines.get(line.wrapping_sub(1)) {
            Some(&found) if found > 0 => found,
            _ => line,
        }
    }
}

/// Read and decode one file.
pub fn read_document(path: &Path) -> Result<Document, String> {
    read_with_warnings(path).map(|(doc, _)| doc)
}

/// Read and decode one file, also returning non-fatal notes about it.
fn read_with_warnings(path: &Path) -> Result<(Document, Vec<String>), String> {
    let ext = extension(path);
    if !ext.is_empty() && !SUPPORTED_EXTENSIONS.contains(&ext.as_str()) {
        return Err(format!(
            "unsupported file type .{ext} (supported: {})",
            supported_list()
        ));
    }
    let bytes = read_bounded(path)?;
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    // Each format becomes the same Markdown-ish text, so one outliner serves all.
    let mut meta = DocMeta::default();
    let (text, warning) = match ext.as_str() {
        "docx" => {
            meta = docx::metadata(&bytes);
            (normalise_line_ends(&docx::to_text(&bytes)?), None)
        }
        "pdf" => (normalise_line_ends(&pdf::to_text(&bytes)?), None),
        "html" | "htm" | "xhtml" => {
            let decoded = decode(&bytes)?;
            // The mark sits in the page's <head>, which the reader drops.
            if is_own_output(&decoded.text) {
                return Err(OWN_OUTPUT.into());
            }
            meta = html::metadata(&decoded.text);
            let text = html::to_text(&decoded.text);
            meta.source_lines = html::source_lines(&decoded.text, &text);
            (text, decoded.warning)
        }
        "md" | "markdown" => {
            let decoded = decode(&bytes)?;
            (
                strip_html_tags(&strip_template_tags(&decoded.text)),
                decoded.warning,
            )
        }
        _ => {
            let decoded = decode(&bytes)?;
            (decoded.text, decoded.warning)
        }
    };
    if is_own_output(&text) {
        return Err(OWN_OUTPUT.into());
    }
    if text.trim().is_empty() {
        let reason = match ext.as_str() {
            "txt" | "md" | "markdown" | "text" | "" => "only whitespace",
            // A scan prints its pages as pictures: there is no text to read until OCR
            // has put a text layer under them.
            "pdf" => {
                "no text found: the PDF has no text layer (a scan?); run OCR on it (for \
                 example `ocrmypdf in.pdf out.pdf`) and read the result"
            }
            _ => "no text found",
        };
        return Err(reason.into());
    }
    let source = path.to_string_lossy().into_owned();
    let warnings = warning
        .map(|w| format!("{source}: {w}"))
        .into_iter()
        .collect();
    let doc = Document {
        id: stem(path),
        source,
        text,
        meta,
    };
    Ok((doc, warnings))
}

/// Read a whole regular file, refusing anything above [`MAX_FILE_BYTES`].
fn read_bounded(path: &Path) -> Result<Vec<u8>, String> {
    let meta = fs::metadata(path).map_err(|e| io_reason(&e))?;
    if !meta.is_file() {
        return Err("not a regular file".into());
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let file = fs::File::open(path).map_err(|e| io_reason(&e))?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // `take` guards against files that grow between the size check and the read.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_reason(&e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

fn too_large(len: u64) -> String {
    format!(
        "file too large ({} MiB; limit {} MiB)",
        len / (1024 * 1024),
        MAX_FILE_BYTES / (1024 * 1024)
    )
}

/// A short reason for an I/O error, without the OS error number noise.
fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::NotFound => "file not found".into(),
        _ => format!("cannot read: {e}"),
    }
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "document".into())
}

fn supported_list() -> String {
    SUPPORTED_EXTENSIONS
        .iter()
        .map(|e| format!(".{e}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Walk `paths` (files or folders, recursively, sorted) into a corpus.
pub fn load(paths: &[PathBuf]) -> Result<Corpus, CorpusError> {
    let mut skipped: Vec<Skipped> = Vec::new();
    let mut files: Vec<PathBuf> = Vec::new();
    for path in paths {
        // symlink_metadata so a dangling link is reported rather than "not found".
        if fs::symlink_metadata(path).is_err() {
            return Err(CorpusError::NotFound(path.clone()));
        }
        if path.is_dir() {
            walk(path, &mut files, &mut skipped);
        } else {
            files.push(path.clone());
        }
    }
    let files = dedupe_sorted(files);

    // Reading and decoding is independent per file; outlining waits for unique ids.
    let read: Vec<_> = files
        .par_iter()
        .map(|p| (p, read_with_warnings(p)))
        .collect();
    let mut warnings = Vec::new();
    let mut docs = Vec::new();
    let mut taken: HashSet<String> = HashSet::new();
    for (path, result) in read {
        match result {
            Ok((mut doc, notes)) => {
                doc.id = unique_id(&doc.id, &mut taken);
                warnings.extend(notes);
                docs.push(doc);
            }
            Err(reason) => skipped.push(Skipped {
                source: path.to_string_lossy().into_owned(),
                reason,
            }),
        }
    }
    let mut outlined: Vec<Outlined> = docs.par_iter().flat_map(outline_parts).collect();
    for doc in &mut outlined {
        let source = &doc.session.source;
        warnings.extend(doc.notes.drain(..).map(|n| format!("{source}: {n}")));
    }
    let mut outlined = drop_repeated_documents(outlined, &mut skipped, &mut warnings);
    mark_repeated(&mut outlined);
    retitle_shared_banners(&mut outlined);
    let assembled: Vec<Session> = outlined.into_iter().map(assemble).collect();
    // A part of a booklet left with no statement (its units all furniture) is reported
    // with a sibling part of its file that has some; a file none of whose parts has one
    // is skipped once.
    let read_sources: HashSet<String> = assembled
        .iter()
        .filter(|s| !s.statements.is_empty())
        .map(|s| s.source.clone())
        .collect();
    let mut sessions: Vec<Session> = Vec::new();
    let mut orphans: Vec<Session> = Vec::new();
    for session in assembled {
        if !session.statements.is_empty() {
            sessions.push(session);
        } else if read_sources.contains(&session.source) {
            orphans.push(session);
        } else if !skipped.iter().any(|s| s.source == session.source) {
            skipped.push(Skipped {
                source: session.source,
                reason: no_statements_reason(&session.excluded),
            });
        }
    }
    for orphan in orphans {
        if let Some(home) = sessions.iter_mut().find(|s| s.source == orphan.source) {
            home.excluded.extend(orphan.excluded);
        }
    }
    skipped.sort_by(|a, b| Path::new(&a.source).cmp(Path::new(&b.source)));
    if sessions.is_empty() {
        return Err(CorpusError::Empty {
            paths: paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            detail: empty_detail(&skipped),
        });
    }
    Ok(Corpus {
        sessions,
        skipped,
        warnings,
    })
}

/// Collect supported files under `root`; unreadable entries become `Skipped`.
fn walk(root: &Path, files: &mut Vec<PathBuf>, skipped: &mut Vec<Skipped>) {
    // Following links lets a linked folder count; walkdir detects loops and reports
    // them as errors, so a cycle cannot hang the walk.
    let walker = WalkDir::new(root)
        .follow_links(true)
        .max_depth(MAX_DEPTH)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                let ext = extension(e.path());
                if SUPPORTED_EXTENSIONS.contains(&ext.as_str()) {
                    files.push(e.into_path());
                } else {
                    skipped.push(Skipped {
                        source: e.path().display().to_string(),
                        reason: unsupported_reason(e.path(), &ext),
                    });
                }
            }
            Ok(_) => {}
            Err(err) => {
                let source = err
                    .path()
                    .map_or_else(|| root.display().to_string(), |p| p.display().to_string());
                let reason = if err.loop_ancestor().is_some() {
                    "symlink loop".to_owned()
                } else if let Some(io) = err.io_error() {
                    io_reason(io)
                } else {
                    err.to_string()
                };
                skipped.push(Skipped { source, reason });
            }
        }
    }
}

/// The reason given for a file concord wrote itself.
const OWN_OUTPUT: &str = "written by concord (its own output), not a session";

/// Why a file found in a folder is not read, with what to do about it.
fn unsupported_reason(path: &Path, ext: &str) -> String {
    let hint = match ext {
        "" => "no file extension: add .txt, .md, .docx, .html or .pdf to say what it holds",
        "doc" => "legacy Word .doc: save it as .docx",
        "odt" | "ott" => "OpenDocument text: save it as .docx or .pdf",
        "rtf" => "rich text: save it as .docx or .txt",
        "pages" => "Apple Pages: export it as .docx or .pdf",
        "json" | "csv" if looks_like_own_output(path) => return OWN_OUTPUT.into(),
        _ => "",
    };
    if hint.is_empty() {
        format!(
            "unsupported file type .{ext} (supported: {})",
            supported_list()
        )
    } else {
        format!("unsupported file ({hint})")
    }
}

/// Does a .json or .csv file in the input folder look like a digest concord wrote?
fn looks_like_own_output(path: &Path) -> bool {
    let mut head = [0u8; 512];
    let n = fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    let head = String::from_utf8_lossy(&head[..n]);
    head.contains(crate::GENERATED_MARK)
        || head.starts_with("theme_id,")
        || (head.starts_with('{') && head.contains("\"corpus\"") && head.contains("\"model\""))
}

/// The tags a static-site generator expands in a Markdown page (Hugo's `{{< notice >}}`
/// and `{{% … %}}`, Jekyll's `{% include … %}`): the site's markup, not the author's
/// words. Each is taken out where it stands, so a line holding only tags is blank, the
/// text a pair of tags wraps stays, and every line keeps its number.
fn strip_template_tags(text: &str) -> String {
    const TAGS: &[(&str, &str)] = &[("{{<", ">}}"), ("{{%", "%}}"), ("{%", "%}")];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let next = TAGS
            .iter()
            .filter_map(|&(open, close)| rest.find(open).map(|at| (at, open, close)))
            .min_by_key(|&(at, ..)| at);
        let Some((at, open, close)) = next else { break };
        // A tag ends on its own line; an opening mark with no end there is text.
        let line_end = rest[at..].find('\n').map_or(rest.len(), |n| at + n);
        match rest[at + open.len()..line_end].find(close) {
            Some(end) => {
                out.push_str(&rest[..at]);
                rest = &rest[at + open.len() + end + close.len()..];
            }
            None => {
                out.push_str(&rest[..at + open.len()]);
                rest = &rest[at + open.len()..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// HTML tags written into a Markdown page (an export's `<aside>` callouts, `<details>` /
/// `<summary>` toggles, `<div>`, `<br>`): markup, not words. Each tag is taken out where it
/// stands and the text it wraps stays, so "<summary>Discussion</summary>" reads
/// "Discussion" and every line keeps its number. A tag is `<name …>` or `</name>` with a
/// name of letters and digits; "<5%", "a < b" and autolinks (`<https://…>`) are text.
fn strip_html_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Code is quoted as written: a fenced block, or a `span` between backticks.
    let mut fenced = false;
    let mut in_comment = false;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if line.trim_start().starts_with("```") && !in_comment {
            fenced = !fenced;
        }
        if fenced || line.trim_start().starts_with("```") && !in_comment {
            out.push_str(line);
            continue;
        }
        let line = without_comments(line, &mut in_comment);
        for (k, part) in line.split('`').enumerate() {
            if k > 0 {
                out.push('`');
            }
            if k % 2 == 1 {
                out.push_str(part);
            } else {
                strip_tags_into(&mut out, part);
            }
        }
    }
    out
}

/// `line` without the HTML comments in it ("<!-- markdownlint-disable MD033 -->", which
/// no reader sees); `in_comment` carries a comment over to the next line.
fn without_comments(line: &str, in_comment: &mut bool) -> String {
    let mut out = String::new();
    let mut rest = line;
    loop {
        if *in_comment {
            match rest.find("-->") {
                Some(end) => {
                    rest = &rest[end + 3..];
                    *in_comment = false;
                }
                None => return out,
            }
        }
        match rest.find("<!--") {
            Some(at) => {
                out.push_str(&rest[..at]);
                rest = &rest[at + 4..];
                *in_comment = true;
            }
            None => {
                out.push_str(rest);
                return out;
            }
        }
    }
}

/// Append `text` to `out` without its HTML tags.
fn strip_tags_into(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match html_tag_len(after) {
            Some(len) => rest = &after[len..],
            None => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

/// The length of a tag's rest after its `<` (through its `>`), if `after` opens one.
fn html_tag_len(after: &str) -> Option<usize> {
    let body = after.strip_prefix('/').unwrap_or(after);
    let name = body
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(body.len());
    if name == 0 || !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let line_end = after.find('\n').unwrap_or(after.len());
    let close = after[..line_end].find('>')?;
    let between = &body[name..];
    // After the name: the tag closes, or attributes follow a space, or it closes itself.
    let shaped = between.starts_with('>') || between.starts_with([' ', '/']);
    (shaped && !after[..close].contains('<')).then_some(close + 1)
}

/// Text that concord itself wrote (a digest in Markdown or HTML): never read back as a session.
fn is_own_output(text: &str) -> bool {
    let head: String = text.chars().take(2048).collect();
    let first = head
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    head.contains(crate::GENERATED_MARK)
        || first == "# Consensus digest"
        || first == "# Duplicate proposals"
        || first.starts_with("# Agreement on “")
}

/// Why a file with no statements was left out, naming what it did hold.
fn no_statements_reason(excluded: &[super::Excluded]) -> String {
    if excluded.is_empty() {
        return "no statements found".into();
    }
    let mut classes: Vec<&str> = excluded.iter().map(|e| e.class.as_str()).collect();
    classes.sort_unstable();
    classes.dedup();
    format!(
        "no statements found (only {} unit{}: {})",
        excluded.len(),
        if excluded.len() == 1 { "" } else { "s" },
        classes.join(", ")
    )
}

/// Share of word 5-grams two documents must share to be the same document twice.
const SAME_DOCUMENT: f64 = 0.8;

/// Count a document saved twice (identical or near-identical text under another name) once:
/// the later one in path order is skipped, with a warning naming both.
fn drop_repeated_documents(
    docs: Vec<Outlined>,
    skipped: &mut Vec<Skipped>,
    warnings: &mut Vec<String>,
) -> Vec<Outlined> {
    let shingles: Vec<HashSet<u64>> = docs.par_iter().map(document_shingles).collect();
    let mut index: std::collections::HashMap<u64, Vec<usize>> = std::collections::HashMap::new();
    let mut kept: Vec<Outlined> = Vec::with_capacity(docs.len());
    let mut kept_shingles: Vec<usize> = Vec::new();
    for (d, doc) in docs.into_iter().enumerate() {
        let mine = &shingles[d];
        let mut shared: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        for h in mine {
            for &k in index.get(h).map_or(&[][..], Vec::as_slice) {
                *shared.entry(k).or_insert(0) += 1;
            }
        }
        // The earliest earlier document that shares almost all of this one's text.
        let same = shared
            .into_iter()
            .filter(|&(k, n)| {
                let other = &shingles[kept_shingles[k]];
                let union = mine.len() + other.len() - n;
                union > 0 && n as f64 >= SAME_DOCUMENT * union as f64
            })
            .map(|(k, _)| k)
            .min();
        if let Some(k) = same {
            // A booklet's session is named with its file.
            let named = |o: &Outlined| match o.part {
                Some(n) => format!("{} (session {n})", o.session.source),
                None => o.session.source.clone(),
            };
            let first = named(&kept[k]);
            let this = named(&doc);
            warnings.push(format!(
                "{this} has the same text as {first}; counted once, as {first}"
            ));
            skipped.push(Skipped {
                source: doc.session.source.clone(),
                reason: match doc.part {
                    Some(n) => format!("its session {n} is the same as {first} (counted once)"),
                    None => format!("same document as {first} (counted once)"),
                },
            });
            continue;
        }
        for &h in mine {
            index.entry(h).or_default().push(kept.len());
        }
        kept_shingles.push(d);
        kept.push(doc);
    }
    kept
}

/// Hashes of the word 5-grams of a document's statements (the whole text when shorter).
fn document_shingles(doc: &Outlined) -> HashSet<u64> {
    use std::hash::{Hash, Hasher};
    let words: Vec<String> = doc
        .units
        .iter()
        .filter(|u| u.class == UnitClass::Statement)
        .flat_map(|u| {
            u.text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .collect();
    let hash = |ws: &[String]| {
        // A fixed-key hasher, so the result never depends on the process.
        let mut h = std::collections::hash_map::DefaultHasher::new();
        ws.hash(&mut h);
        h.finish()
    };
    if words.len() < 5 {
        return if words.is_empty() {
            HashSet::new()
        } else {
            HashSet::from([hash(&words)])
        };
    }
    words.windows(5).map(hash).collect()
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// Sort by path and drop repeats of the same file reached by two routes.
fn dedupe_sorted(mut files: Vec<PathBuf>) -> Vec<PathBuf> {
    files.sort();
    let mut seen = HashSet::new();
    files.retain(|p| seen.insert(fs::canonicalize(p).unwrap_or_else(|_| p.clone())));
    files
}

/// `stem`, or `stem-2`, `stem-3`… if an earlier file already took it.
fn unique_id(stem: &str, taken: &mut HashSet<String>) -> String {
    let mut id = stem.to_owned();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{stem}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

/// What the user sees when nothing could be read.
fn empty_detail(skipped: &[Skipped]) -> String {
    if skipped.is_empty() {
        return format!("no supported files found (supported: {})", supported_list());
    }
    skipped
        .iter()
        .map(|s| format!("{} ({})", s.source, s.reason))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_made_unique_in_order() {
        let mut taken = HashSet::new();
        assert_eq!(unique_id("x", &mut taken), "x");
        assert_eq!(unique_id("x", &mut taken), "x-2");
        assert_eq!(unique_id("x", &mut taken), "x-3");
    }

    #[test]
    fn template_tags_of_a_site_generator_are_not_text() {
        let page = "{{< notice info >}}\nPublished under CC BY.\n{{< /notice >}}\nAll agreed. {{< highlight >}}Data should be open.{{< /highlight >}} {% include share.html %}\nA {{< broken";
        assert_eq!(
            strip_template_tags(page),
            "\nPublished under CC BY.\n\nAll agreed. Data should be open. \nA {{< broken"
        );
    }

    #[test]
    fn html_tags_in_markdown_are_markup_and_the_rest_is_text() {
        // A Notion export's callout and toggle tags had been units of their own, and the
        // toggle's title kept its tags.
        let page = "<aside>\n💡 Comments are closed.\n</aside>\n<details>\n<summary>Discussion on shutdowns</summary>\nShutdowns cost 5% of GDP; a < b, <5% and <https://x.org> stay.\n</details>\nLine<br/>break and <div class=\"x\">kept words</div>\nThe `<title>` tag is quoted.";
        assert_eq!(
            strip_html_tags(page),
            "\n💡 Comments are closed.\n\n\nDiscussion on shutdowns\nShutdowns cost 5% of GDP; a < b, <5% and <https://x.org> stay.\n\nLinebreak and kept words\nThe `<title>` tag is quoted."
        );
    }

    #[test]
    fn html_comments_in_markdown_are_not_read() {
        // A README's lint directive had been its session's title.
        let page = "<!-- markdownlint-disable MD033 -->\n# Working group\nKept <!-- a note\nover lines --> words.\n```\n<!-- quoted code -->\n```";
        assert_eq!(
            strip_html_tags(page),
            "\n# Working group\nKept \n words.\n```\n<!-- quoted code -->\n```"
        );
    }

    #[test]
    fn unsupported_extension_is_named() {
        let err = read_document(Path::new("picture.png")).unwrap_err();
        assert!(err.contains("unsupported file type .png"), "{err}");
    }
}
