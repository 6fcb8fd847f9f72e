//! The vocabulary of document templates and page furniture, kept apart from the parsers.
//!
//! The outliner and the unit classifier are generic: they look at structure (lists,
//! headings, position, punctuation). What they need to know about *words* lives here,
//! so a new template or a new language is one list to extend, not a parser to change.
//! Every list is generic English (or mail-header) vocabulary, never a phrase of one site.

use super::SectionKind;

/// What a meeting votes on: a record of its vote ("the motion … was defeated") decides
/// what the motion names.
pub(crate) const MOTIONS: &[&str] = &[
    "motion",
    "amendment",
    "proposal",
    "resolution",
    "recommendation",
];
/// A motion's outcomes that decide for it ("was carried", "carried unanimously").
pub(crate) const MOTION_CARRIED: &[&str] = &["carried", "adopted", "approved", "passed", "agreed"];
/// A motion's outcomes that decide against it ("was defeated", "motion lost").
pub(crate) const MOTION_DEFEATED: &[&str] = &["defeated", "rejected", "lost", "failed"];

/// Roles a transcript names its speakers by, in capitals ("MODERATOR:", "SPEAKER 2:").
pub(crate) const TURN_ROLES: &[&str] = &[
    "speaker",
    "moderator",
    "chair",
    "chairperson",
    "participant",
    "panellist",
    "panelist",
    "facilitator",
    "rapporteur",
    "interpreter",
    "audience",
];

/// Words that open a line giving where and when a meeting was held ("Held at Harbour
/// House, Galway, and online"): the venue, never the organizer or the title.
pub(crate) const VENUE_OPENINGS: &[&str] = &["held at", "held in", "held on", "held online"];

/// Labels a letterhead puts before a telephone number ("Tel. +51 1 219 7000").
pub(crate) const PHONE_LABELS: &[&str] = &["tel", "phone", "fax", "t:"];

/// Labels before a letter's reference code ("Ref. SGTD-2025-017").
pub(crate) const REFERENCE_LABELS: &[&str] = &["ref", "reference"];

/// The status a document is stamped with, alone or before a dash ("DRAFT – for
/// consultation").
pub(crate) const STAMPS: &[&str] = &[
    "draft",
    "final",
    "confidential",
    "restricted",
    "embargoed",
    "unofficial",
    "provisional",
];

/// Banners printed above a session title ("Session Outcome Document").
pub(crate) const BANNERS: &[&str] = &[
    "session outcome document",
    "outcome document",
    "session outcome",
    "outcome report",
    "session report",
    // The genre of a news item, printed above its headline.
    "press release",
    "news release",
    "media release",
    "for immediate release",
    "press statement",
    "media advisory",
    // The genre of a statement, printed above its title.
    "statement",
    "joint statement",
    "communiqué",
    "communique",
    "joint communiqué",
    // The kind of record, printed above or below a session's name.
    "transcript",
    "raw transcript",
    "unedited transcript",
    "verbatim record",
    "summary record",
    "minutes",
    "minutes of session",
    "minutes of the session",
    "minutes of meeting",
    "minutes of the meeting",
    // The kind of report, printed above or below the session's name ("Rapporteur's
    // report"). "Chair's summary" is not one: a forum's summary is often titled by it.
    "rapporteur's report",
    "rapporteurs' report",
];

/// Patterns naming each known section, checked on the lowercased heading core.
pub(crate) const SECTION_PATTERNS: &[(&str, SectionKind)] = &[
    ("recommendation", SectionKind::Recommendations),
    ("action plan", SectionKind::Recommendations),
    ("forward-looking", SectionKind::Recommendations),
    ("forward looking", SectionKind::Recommendations),
    ("next steps", SectionKind::Recommendations),
    ("way forward", SectionKind::Recommendations),
    ("call to action", SectionKind::Recommendations),
    // A campaign's or a poster's own words for its asks.
    ("what we ask", SectionKind::Recommendations),
    ("our asks", SectionKind::Recommendations),
    ("key asks", SectionKind::Recommendations),
    ("policy asks", SectionKind::Recommendations),
    ("our demands", SectionKind::Recommendations),
    ("calls to action", SectionKind::Recommendations),
    ("action item", SectionKind::Recommendations),
    ("action point", SectionKind::Recommendations),
    ("outcome", SectionKind::Outcomes),
    ("takeaway", SectionKind::Outcomes),
    // The IGF's and most regional forums' name for what a session concluded.
    ("key messages", SectionKind::Outcomes),
    ("main messages", SectionKind::Outcomes),
    ("conclusion", SectionKind::Outcomes),
    ("results", SectionKind::Outcomes),
    ("achievements", SectionKind::Outcomes),
    ("agreements", SectionKind::Outcomes),
    ("decisions", SectionKind::Outcomes),
    ("commitments", SectionKind::Outcomes),
    ("key issues", SectionKind::Issues),
    ("issues discussed", SectionKind::Issues),
    ("issues", SectionKind::Issues),
    ("discussion", SectionKind::Issues),
    ("key points", SectionKind::Issues),
    ("challenges", SectionKind::Issues),
    ("key themes", SectionKind::Issues),
    // Where views parted: what was said there reports a disagreement, it asks nothing.
    ("disagree", SectionKind::Issues),
    ("divergen", SectionKind::Issues),
    ("no agreement", SectionKind::Issues),
    ("differing views", SectionKind::Issues),
    ("open questions", SectionKind::Issues),
];

/// Words of a heading that name the document, not a section: "Session Outcome Document"
/// mentions "outcome" but opens no outcomes section.
pub(crate) const NOT_SECTIONS: &[&str] = &["outcome document"];

/// Words that mark a bracketed line as the template's instruction to its authors
/// ("(3-5 bullet points …)"), wherever it stands.
pub(crate) const PROMPT_WORDS: &[&str] = &["bullet point"];

/// The WSIS template's own headings, safe to recognise even before a title is seen.
pub(crate) const TEMPLATE_HEADING_STARTS: &[&str] =
    &["key issues", "tangible outcomes", "key recommendations"];

/// Words of a heading over a list of the topics a text covers ("Themes", "Tracks"),
/// which names them and states nothing.
pub(crate) const TOPIC_WORDS: &[&str] = &[
    "theme",
    "themes",
    "topic",
    "topics",
    "track",
    "tracks",
    "subthemes",
];

/// Headings that leave the known sections: speakers, annexes and the like.
pub(crate) const OTHER_HEADINGS: &[&str] = &[
    "speaker",
    "signed by",
    "signator",
    "panel",
    "moderator",
    "participants",
    "attendee",
    "attendance",
    "annex",
    "appendix",
    "reference",
    "resources",
    "contact",
    "background",
    "introduction",
    "overview",
    "agenda",
    "about",
    "acknowledg",
    "links",
    "further reading",
    "biograph",
    "organi",
    "summary",
    "executive summary",
    "context",
    "contents",
    "table of contents",
];

/// Headings, whole, under which every entry cites another text. Not "Notes": call notes
/// and session notes put their content under it.
pub(crate) const SOURCES_HEADINGS: &[&str] = &[
    "references",
    "reference list",
    "bibliography",
    "sources",
    "endnotes",
    "footnotes",
    "works cited",
    "literature",
];

/// Headings, whole or after an annex's number ("Annex I — Glossary"), under which every
/// entry defines a word.
pub(crate) const GLOSSARY_HEADINGS: &[&str] = &[
    "glossary",
    "definitions",
    "terms and definitions",
    "abbreviations",
    "acronyms",
    "abbreviations and acronyms",
    "list of abbreviations",
    "list of acronyms",
];

/// Headings, whole, under which every line names an item of the meeting's agenda.
pub(crate) const AGENDA_HEADINGS: &[&str] = &[
    "agenda",
    "draft agenda",
    "provisional agenda",
    "agenda items",
    "order of business",
    "running order",
];

/// Headings under which every line names a person, not a position.
pub(crate) const PEOPLE_HEADINGS: &[&str] = &[
    "speaker",
    "panel",
    "moderator",
    "participants",
    "attendee",
    "attendance",
    // Minutes: who sent apologies, who was absent or also present ("present" alone would
    // take in "Presentations").
    "apologies",
    "absent",
    "members present",
    "also present",
    "biograph",
    "rapporteur",
    // Who signed a joint statement: organizations, one per line.
    "signed by",
    "signator",
    "endorsed by",
];

/// Which session field a front-matter key fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MetaField {
    /// The session title.
    Title,
    /// The organizer.
    Organizer,
    /// The date.
    Date,
    /// The session's own link.
    Url,
}

/// Front-matter keys that fill a session field (lower-cased, without the colon).
pub(crate) const SESSION_KEYS: &[(&str, MetaField)] = &[
    ("title", MetaField::Title),
    ("session title", MetaField::Title),
    ("session", MetaField::Title),
    ("session name", MetaField::Title),
    ("subject", MetaField::Title),
    ("organizer", MetaField::Organizer),
    ("organiser", MetaField::Organizer),
    ("organizers", MetaField::Organizer),
    ("organisers", MetaField::Organizer),
    ("organized by", MetaField::Organizer),
    ("organised by", MetaField::Organizer),
    ("host", MetaField::Organizer),
    ("hosted by", MetaField::Organizer),
    ("convener", MetaField::Organizer),
    ("convenor", MetaField::Organizer),
    ("lead organizer", MetaField::Organizer),
    ("prepared by", MetaField::Organizer),
    ("convened by", MetaField::Organizer),
    ("date", MetaField::Date),
    ("date and time", MetaField::Date),
    ("when", MetaField::Date),
    ("date/time", MetaField::Date),
    ("time", MetaField::Date),
    ("published", MetaField::Date),
    ("url", MetaField::Url),
    ("link", MetaField::Url),
    ("session link", MetaField::Url),
    ("web", MetaField::Url),
    ("website", MetaField::Url),
    ("session page", MetaField::Url),
    ("source", MetaField::Url),
    ("source url", MetaField::Url),
    ("original", MetaField::Url),
];

/// What a lower-cased `Key:` names: `Some(Some(field))` a session field, `Some(None)`
/// other document metadata (an author, a mail header), `None` no known label. The key is
/// tried whole, then in its variants ([`key_variants`]); a session field wins.
pub(crate) fn known_key(key: &str) -> Option<Option<MetaField>> {
    let variants = key_variants(key);
    let field = variants
        .iter()
        .find_map(|v| SESSION_KEYS.iter().find(|(k, _)| k == v).map(|&(_, f)| f));
    match field {
        Some(field) => Some(Some(field)),
        None => variants
            .iter()
            .any(|v| METADATA_KEYS.contains(&v.as_str()))
            .then_some(None),
    }
}

/// The ways a lower-cased key may name a known label: whole ("date/time"), then each
/// half of a bilingual label ("Organizer / Organisateur"), each also without a form's
/// optional plural and with its ampersand spelled out ("Organizer(s)", "Date & Time").
fn key_variants(key: &str) -> Vec<String> {
    let mut out = vec![key.to_owned()];
    out.extend(
        key.split('/')
            .map(str::trim)
            .filter(|k| *k != key)
            .map(str::to_owned),
    );
    let plain: Vec<String> = out
        .iter()
        .map(|k| {
            k.replace("(s)", "")
                .replace(" & ", " and ")
                .trim()
                .to_owned()
        })
        .collect();
    for k in plain {
        if !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

/// Other keys of a `Key: value` line that describe the document, not its content:
/// bylines, publishing data, mail headers (English, German, French, Spanish).
pub(crate) const METADATA_KEYS: &[&str] = &[
    "author",
    "authors",
    "by",
    "written by",
    "posted by",
    "publisher",
    "published by",
    "posted",
    "updated",
    "last updated",
    "rapporteur",
    "rapporteurs",
    "reporter",
    "moderator",
    "moderators",
    "speaker",
    "speakers",
    "panelist",
    "panelists",
    "panellist",
    "panellists",
    "chair",
    "location",
    "venue",
    "next meeting",
    "next session",
    "place",
    "room",
    "format",
    "language",
    "languages",
    "tags",
    "tag",
    "category",
    "categories",
    "filed under",
    "topics",
    "contact",
    "email",
    "e-mail",
    "tel",
    "phone",
    "photo",
    "image",
    "credit",
    "credits",
    "from",
    "sent",
    "to",
    "cc",
    "reply-to",
    "von",
    "datum",
    "an",
    "betreff",
    "de",
    "envoyé",
    "à",
    "objet",
    "enviado",
    "para",
    "asunto",
    "fecha",
    "reading time",
    "share",
    "download",
    "file",
    "document",
    "symbol",
    "ref",
    "reference",
    // Index terms and who was in the room or on the list: "Keywords: open data, …",
    // "Present: …", "Panel: Dr. …", "Distribution: Forum participants; …".
    "keywords",
    "key words",
    "present",
    "participants",
    "panel",
    "contributors",
    "distribution",
    "photo caption",
    "caption",
];

/// Keys of a line that describes a picture: the caption is about the picture, however
/// much of a sentence it is ("Photo: the minister shows a water meter to farmers.").
pub(crate) const PICTURE_KEYS: &[&str] = &["photo", "image", "picture", "photo caption", "caption"];

/// What a page counts of its readers' responses ("37 comments · 12 reposts").
pub(crate) const ENGAGEMENT_WORDS: &[&str] = &[
    "comment",
    "comments",
    "reaction",
    "reactions",
    "like",
    "likes",
    "share",
    "shares",
    "repost",
    "reposts",
    "retweets",
    "views",
    "reply",
    "replies",
];

/// First words of a line that only says when or by whom something was published.
pub(crate) const PUBLISHING_WORDS: &[&str] = &[
    "published",
    "posted",
    "updated",
    "written",
    "issued",
    "released",
    "submitted",
];

/// First words of a credit line under a picture.
pub(crate) const CREDIT_WORDS: &[&str] = &["photo", "image", "picture", "credit", "©", "copyright"];

/// First words of a greeting.
pub(crate) const GREETINGS: &[&str] = &[
    "dear",
    "hi",
    "hello",
    "greetings",
    "excellencies",
    "excellency",
    "distinguished",
    "good morning",
    "good afternoon",
    "good evening",
    "ladies and gentlemen",
    // A chair's welcome ("Welcome, everyone.", "Welcome to everyone in the hall"), not
    // "We welcome the report", which opens on its subject.
    "welcome,",
    "welcome everyone",
    "welcome to everyone",
    "welcome to all",
    "welcome to this",
    "welcome back",
];

/// First words of a sign-off at the end of a letter or mail.
pub(crate) const SIGN_OFFS: &[&str] = &[
    "regards",
    "best",
    "kind regards",
    "best regards",
    "warm regards",
    "sincerely",
    "yours",
    "cheers",
    "thanks",
    "thank you",
    "many thanks",
    "respectfully",
    "with thanks",
];

/// Verbs that open a pointer to reading, watching or downloading something elsewhere.
pub(crate) const POINTER_VERBS: &[&str] = &[
    "read",
    "download",
    "click",
    "view",
    "watch",
    "listen",
    "subscribe",
    "see",
    "visit",
];

/// Openers of a line that points the reader to someone to ask ("For more information,
/// contact the secretariat.").
pub(crate) const POINTER_OPENERS: &[&str] = &[
    "for more information",
    "for further information",
    "for more details",
    "for further details",
    "for enquiries",
    "for inquiries",
    "media contact",
    "press contact",
];

/// Modal and auxiliary verbs: a short list item with one of them says something, so it is
/// no mere topic of a list of topics ("Data governance and trust").
pub(crate) const AUXILIARY_VERBS: &[&str] = &[
    "should", "must", "will", "shall", "can", "could", "would", "is", "are", "was", "were", "has",
    "have", "had", "need", "needs", "be",
];

/// The meeting's own business in minutes: what is opened, closed, adopted or approved
/// as a matter of procedure.
pub(crate) const MEETING_BUSINESS: &[&str] =
    &["meeting", "session", "sitting", "agenda", "minutes"];

/// Words naming a meeting or its record ("About the workshop", "About this report"): a
/// section so headed describes the meeting, not its issuer.
pub(crate) const MEETING_RECORDS: &[&str] = &[
    "workshop",
    "panel",
    "event",
    "report",
    "document",
    "discussion",
    "outcome",
    "outcomes",
];

/// Verbs that open or close a meeting or session ("the chair opened the meeting").
pub(crate) const OPENING_VERBS: &[&str] = &[
    "opened",
    "closed",
    "adjourned",
    "convened",
    "resumed",
    "suspended",
];

/// Verbs that adopt the agenda or approve the minutes ("the agenda was adopted").
pub(crate) const ADOPTING_VERBS: &[&str] = &["adopted", "approved"];
