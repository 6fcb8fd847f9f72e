//! A submission sent as an e-mail: what the mail quotes and what its server appends.
//!
//! A reply carries the message it answers below a separator ("-----Original Message-----",
//! "On 2 May 2025, A wrote:"), and mail servers append a footer after a rule (a
//! confidentiality notice, "consider the environment before printing"). Neither is what
//! the sender said: the quoted message is someone else's text (a call for inputs asks
//! questions a reader would take for the sender's own proposals), the footer is the same
//! in every mail the sender's organisation sends.
//!
//! A forward is the other way round when its notes are short ("Please file the report
//! below"): the forwarded text is what was sent, and the notes and heads above it are
//! the envelope.

/// The reason given to the lines of a quoted earlier message.
pub(super) const QUOTED_MESSAGE: &str = "quoted earlier message";

/// The reason given to the notes of those who passed a forwarded report on.
pub(super) const COVER_NOTE: &str = "cover note of a forwarded message";

/// The reason given to a forward's separator and the mail head below it.
pub(super) const FORWARD_HEAD: &str = "head of a forwarded message";

/// Most lines of a note written above a quoted report inside a forward ("Patricia, pls
/// send this on. Thanks. D.").
const QUOTING_NOTE_LINES: usize = 3;

/// How many times the notes' lines a forwarded text must hold to be the mail's content:
/// a long comment on a forwarded call for inputs is the sender's, the call is not.
const PAYLOAD_SHARE: usize = 2;

/// The reason given to a sender's signature ("--" and the name, role and numbers below).
pub(super) const SIGNATURE: &str = "signature";

/// The reason given to the lines a mail server appends after a rule.
pub(super) const MAIL_FOOTER: &str = "mail footer";

/// Mail header fields, one of which, with a sender or a subject, makes a mail's head.
const MAIL_KEYS: &[&str] = &[
    "from", "to", "cc", "bcc", "sent", "date", "subject", "reply-to",
];

/// Lines of a mail's head searched for its header fields.
const HEAD_LINES: usize = 12;

/// Longest footer after a closing rule, in lines.
const MAX_FOOTER_LINES: usize = 15;

/// Longest reply header ("On Tue, 2 Apr 2024, A wrote:"), in words, on a line of its own
/// or glued to the unit after it (`units.rs`).
pub(super) const MAX_REPLY_HEADER_WORDS: usize = 40;

/// For each line, why it is not the sender's own text (`None` for the text itself).
pub(super) fn foreign_lines(lines: &[&str]) -> Vec<Option<&'static str>> {
    let mut out = vec![None; lines.len()];
    // A forwarded report is read as the text; what stands above it is its envelope.
    let payload = forwarded_payload(lines);
    let mut i = 0;
    if let Some(payload) = &payload {
        for (at, slot) in out[..payload.start].iter_mut().enumerate() {
            let l = lines[at];
            if l.trim().is_empty() {
                continue;
            }
            *slot = Some(if is_forward(l) || header_key(l).is_some() {
                FORWARD_HEAD
            } else {
                COVER_NOTE
            });
        }
        mark_signatures(lines, payload.clone(), &mut out);
        // A few lines after a report pasted quoted are what the mail servers appended.
        let after = &lines[payload.end..];
        let filled = after.iter().filter(|l| !l.trim().is_empty()).count();
        if filled <= MAX_FOOTER_LINES && !after.iter().any(|l| is_listed(l)) {
            out[payload.end..].fill(Some(MAIL_FOOTER));
        }
        i = lines.len();
    }
    while i < lines.len() {
        if is_separator(lines[i]) {
            // The separator and the quoted head below it ("From: … Sent: …"); then a body
            // marked with ">" ends where the marks end, an unmarked one runs to the end.
            let mut j = i + 1;
            while j < lines.len() && header_key(lines[j]).is_some() {
                j += 1;
            }
            let body = lines[j..].iter().position(|l| !l.trim().is_empty());
            let marked = body.is_some_and(|b| is_marked(lines[j + b]));
            let end = if marked {
                marked_run(lines, j)
            } else {
                lines.len()
            };
            out[i..end].fill(Some(QUOTED_MESSAGE));
            i = end;
        } else {
            // A thread archive quotes unmarked below the header: that text is the
            // thread's, and the header alone is furniture (`unit.rs`).
            let end = if is_reply_header(lines[i]) {
                marked_run(lines, i + 1)
            } else {
                i + 1
            };
            if end > i + 1 {
                out[i..end].fill(Some(QUOTED_MESSAGE));
            }
            i = end;
        }
    }
    if is_mail(lines) {
        mark_footer(lines, &mut out);
        mark_signatures(lines, 0..lines.len(), &mut out);
    }
    // A reply quotes the lines it answers inline, each marked with ">" ("> On paragraph
    // 12, we cannot support…", then the reply's own view). In a text holding mails (a
    // thread, a list digest) every marked line is someone else's words; elsewhere a ">"
    // line may be a Markdown quotation the author chose to print, unless quoted twice.
    let mails = holds_mails(lines);
    for (at, (line, why)) in lines.iter().zip(out.iter_mut()).enumerate() {
        let nested = line.trim_start().starts_with(">>") || line.trim_start().starts_with("> >");
        // A report forwarded by pasting it quoted is the text itself, marks and all.
        let sent = payload.as_ref().is_some_and(|p| p.contains(&at));
        if why.is_none() && is_marked(line) && (mails || nested) && !sent {
            *why = Some(QUOTED_MESSAGE);
        }
    }
    out
}

/// The lines a forward passes on as its content: the text below the last forward's head
/// (or the quoted report a short note there introduces), when the notes of everyone who
/// passed it on hold less than a [`PAYLOAD_SHARE`] of its lines. `None` for a text that
/// forwards nothing, or whose own words outweigh what it forwards.
fn forwarded_payload(lines: &[&str]) -> Option<std::ops::Range<usize>> {
    let last = lines.iter().rposition(|l| is_forward(l))?;
    let mut start = last + 1;
    while start < lines.len() && header_key(lines[start]).is_some() {
        start += 1;
    }
    let filled = |range: std::ops::Range<usize>| {
        lines[range]
            .iter()
            .filter(|l| !l.trim().is_empty() && !is_forward(l) && header_key(l).is_none())
            .count()
    };
    // "Patricia, pls send this to the Secretariat." above the report pasted quoted: the
    // quoted report is what was sent.
    let mut payload = start..lines.len();
    if let Some(quoted) = (start..lines.len()).find(|&j| is_marked(lines[j])) {
        if filled(start..quoted) <= QUOTING_NOTE_LINES {
            payload = quoted..marked_run(lines, quoted);
        }
    }
    let sent = filled(payload.clone());
    (sent > 0 && sent >= PAYLOAD_SHARE * filled(0..payload.start)).then_some(payload)
}

/// "---------- Forwarded message ---------", "Begin forwarded message:": a forward's
/// separator, unlike a reply's ("-----Original Message-----").
fn is_forward(line: &str) -> bool {
    is_separator(line) && line.to_lowercase().contains("forwarded")
}

/// Does a mail's head stand anywhere in the text (a sender and a subject within a few
/// lines of each other), as in a thread archive or a list digest?
fn holds_mails(lines: &[&str]) -> bool {
    let keys: Vec<(usize, String)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| header_key(l).map(|k| (i, k)))
        .collect();
    keys.iter().any(|(i, k)| {
        k == "from"
            && keys
                .iter()
                .any(|(j, k)| k == "subject" && i.abs_diff(*j) < HEAD_LINES)
    })
}

/// "-----Original Message-----", "---------- Forwarded message ---------", "Begin
/// forwarded message:".
fn is_separator(line: &str) -> bool {
    let core = line
        .trim()
        .trim_matches(|c: char| c == '-' || c == '_' || c == ' ' || c == ':')
        .to_lowercase();
    matches!(
        core.as_str(),
        "original message" | "forwarded message" | "begin forwarded message"
    )
}

/// "On Tue, 2 Apr 2024 at 10:02, Ana Silva <ana@x.org> wrote:".
fn is_reply_header(line: &str) -> bool {
    let t = line.trim().to_lowercase();
    t.starts_with("on ")
        && t.ends_with("wrote:")
        && t.split_whitespace().count() <= MAX_REPLY_HEADER_WORDS
}

/// A line of a list, or quoted: no footer holds one.
fn is_listed(line: &str) -> bool {
    line.trim_start().starts_with(['-', '*', '•']) || is_marked(line)
}

/// A line without its quote marks and spaces ("> --" → "--").
fn unquoted(line: &str) -> &str {
    line.trim().trim_start_matches(['>', ' ']).trim()
}

/// A line quoted with ">".
fn is_marked(line: &str) -> bool {
    line.trim_start().starts_with('>')
}

/// The end of the run of ">" lines (blank lines inside it included) that starts at or
/// after `from` past blank lines.
fn marked_run(lines: &[&str], from: usize) -> usize {
    let mut end = from;
    let mut j = from;
    while j < lines.len() {
        let l = lines[j];
        if is_marked(l) {
            end = j + 1;
        } else if !l.trim().is_empty() {
            break;
        }
        j += 1;
    }
    end
}

/// The key of a mail header line ("Subject: …" → "subject"), if it is one.
fn header_key(line: &str) -> Option<String> {
    let (key, value) = line.trim().split_once(':')?;
    let key = key.trim().to_lowercase();
    let known = MAIL_KEYS.contains(&key.as_str()) || key.starts_with("x-");
    (known && !value.trim().is_empty()).then_some(key)
}

/// A document that opens on a mail's head: a sender and a subject among its first lines.
pub(super) fn is_mail(lines: &[&str]) -> bool {
    let keys: Vec<String> = lines
        .iter()
        .take(HEAD_LINES)
        .filter_map(|l| header_key(l))
        .collect();
    keys.iter().any(|k| k == "from") && keys.iter().any(|k| k == "subject")
}

/// The sender's signature closes what was sent: a line "--" and the lines below it up to
/// the next blank line (a name, an address, a confidentiality notice). Lines already read
/// as something else keep their reason.
fn mark_signatures(
    lines: &[&str],
    range: std::ops::Range<usize>,
    out: &mut [Option<&'static str>],
) {
    let mut at = range.start;
    while at < range.end {
        if unquoted(lines[at]) == "--" && out[at].is_none() {
            let end = (at + 1..range.end)
                .find(|&j| unquoted(lines[j]).is_empty())
                .unwrap_or(range.end);
            for slot in &mut out[at..end] {
                slot.get_or_insert(SIGNATURE);
            }
            at = end;
        }
        at += 1;
    }
}

/// After the last rule of a mail (a line of "_" or "-"), a few lines with no list in them
/// are what the server appends: the footer.
fn mark_footer(lines: &[&str], out: &mut [Option<&'static str>]) {
    let rule = |l: &str| {
        let t = l.trim();
        t.chars().count() >= 5 && t.chars().all(|c| c == '_' || c == '-')
    };
    let Some(at) = lines.iter().rposition(|l| rule(l)) else {
        return;
    };
    let after = &lines[at + 1..];
    let filled = after.iter().filter(|l| !l.trim().is_empty()).count();
    let listed = after.iter().any(|l| is_listed(l));
    if filled > 0 && filled <= MAX_FOOTER_LINES && !listed {
        for slot in &mut out[at..] {
            slot.get_or_insert(MAIL_FOOTER);
        }
    }
}

/// The subject of a mail without its reply and forward marks ("RE: FW: Call for inputs"
/// → "Call for inputs").
pub(super) fn subject(value: &str) -> &str {
    let mut s = value.trim();
    loop {
        let lower = s.to_lowercase();
        let Some(cut) = ["re:", "fw:", "fwd:", "aw:", "tr:"]
            .iter()
            .find(|p| lower.starts_with(*p))
        else {
            return s;
        };
        s = s[cut.len()..].trim_start();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAIL: &str = "From: Ana Silva <ana@example.org>
Date: Mon, 15 Sep 2025 17:42:09 +0200
Subject: RE: Call for inputs

Dear colleagues,

1. We propose a shared register of community networks.

Kind regards,
Ana Silva

-----Original Message-----
From: Review Secretariat <rs@example.org>
Sent: Tuesday, 2 September 2025 09:14
Subject: Call for inputs

> Inputs should address whether the Forum should be permanent.
>
> Best regards,
> The Secretariat

________________________________
CONFIDENTIALITY NOTICE: This e-mail may contain privileged information.
Any unauthorised use is prohibited.";

    #[test]
    fn the_quoted_message_and_the_footer_are_not_the_senders_text() {
        let lines: Vec<&str> = MAIL.lines().collect();
        let got = foreign_lines(&lines);
        let own: Vec<&str> = lines
            .iter()
            .zip(&got)
            .filter(|(l, r)| r.is_none() && !l.trim().is_empty())
            .map(|(l, _)| *l)
            .collect();
        assert_eq!(
            own,
            [
                "From: Ana Silva <ana@example.org>",
                "Date: Mon, 15 Sep 2025 17:42:09 +0200",
                "Subject: RE: Call for inputs",
                "Dear colleagues,",
                "1. We propose a shared register of community networks.",
                "Kind regards,",
                "Ana Silva",
            ]
        );
        let quoted = lines
            .iter()
            .position(|l| l.starts_with("> Inputs"))
            .unwrap();
        assert_eq!(got[quoted], Some(QUOTED_MESSAGE));
        assert_eq!(got[lines.len() - 1], Some(MAIL_FOOTER));
    }

    #[test]
    fn a_mails_signature_and_its_confidentiality_notice_are_not_the_senders_text() {
        let mail = "From: Harbour Coalition <sec@harbour.example>\n\
                    Subject: Joint statement on tide data\n\
                    \n\
                    Ports should publish tide data every month.\n\
                    \n\
                    --\n\
                    Harbour Coalition | 2 Quay Street | www.harbour.example\n\
                    This e-mail is confidential and intended solely for the addressee.\n\
                    \n\
                    Sent from the coalition's secretariat.\n";
        let lines: Vec<&str> = mail.lines().collect();
        let got = foreign_lines(&lines);
        let at = |start: &str| lines.iter().position(|l| l.starts_with(start)).unwrap();
        assert_eq!(got[at("--")], Some(SIGNATURE));
        assert_eq!(got[at("This e-mail")], Some(SIGNATURE));
        assert_eq!(got[at("Harbour Coalition |")], Some(SIGNATURE));
        // The signature ends at the blank line; the request above it is the sender's.
        assert_eq!(got[at("Ports should")], None);
        assert_eq!(got[at("Sent from")], None);
    }

    #[test]
    fn a_forward_with_more_comment_than_forwarded_text_keeps_it_quoted() {
        // The sender's own view, with the call it answers forwarded below it: the call
        // asks questions that are not the sender's proposals.
        let lines = [
            "We support a shared register of community networks.",
            "It should be public and updated every year.",
            "Regulators should fund its first three years.",
            "",
            "---------- Forwarded message ---------",
            "From: Review Secretariat <rs@example.org>",
            "Subject: Call for inputs",
            "",
            "Should the Forum be permanent?",
        ];
        let got = foreign_lines(&lines);
        assert!(got[..4].iter().all(Option::is_none), "{got:?}");
        assert_eq!(got[8], Some(QUOTED_MESSAGE));
    }

    #[test]
    fn a_reply_header_quotes_only_its_marked_lines() {
        let lines = [
            "On 2 May 2025, Ana Silva <ana@example.org> wrote:",
            "> Should the register be public?",
            "",
            "Yes: the register should be public.",
        ];
        let got = foreign_lines(&lines);
        assert_eq!(got[..2], [Some(QUOTED_MESSAGE), Some(QUOTED_MESSAGE)]);
        assert_eq!(got[3], None);
    }

    #[test]
    fn a_rule_ends_no_report_that_is_not_a_mail() {
        let lines = ["Title", "", "Some text.", "_____", "A closing note."];
        assert!(foreign_lines(&lines).iter().all(Option::is_none));
    }

    #[test]
    fn subjects_lose_their_reply_marks() {
        assert_eq!(subject("RE: Fwd: Call for inputs"), "Call for inputs");
        assert_eq!(subject("Review of the Forum"), "Review of the Forum");
    }
}
