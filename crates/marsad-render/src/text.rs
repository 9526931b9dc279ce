//! The terminal report: a compact, readable summary of a [`Document`] for a person
//! at a terminal.
//!
//! A header (source, metadata, counts), the warnings, then every paragraph and
//! sentence with, under each sentence, its words whose clitics were split
//! (`و+ال+حكومة`), the part of speech of each word and clitic piece (`قال/VERB`), and
//! its tokens of interest (numbers with their values,
//! percentages, addresses, tags), and last the suggested repairs. Right-to-left
//! text is written in logical order; the terminal does the bidi layout. ANSI
//! colour only when asked for; the output is otherwise plain and deterministic.

use std::fmt::Write;

use crate::view::{self, format_confidence, format_value, segmented};

use marsad_core::document::{Document, Sentence, SentenceKind, Token, TokenKind};
use marsad_core::span::{CharIndex, Span};

/// Items on one detail line are wrapped after this many characters.
const WIDTH: usize = 100;

/// The readable report; ANSI colour when `colour` is true.
pub fn render(doc: &Document, colour: bool) -> String {
    render_layers(doc, colour, None)
}

/// The readable report of some layers only (names of [`Document::LAYERS`]; all when
/// `None`): the sections and the lines under each sentence that show them. The
/// header and the warnings are always there.
pub fn render_layers(doc: &Document, colour: bool, layers: Option<&[&str]>) -> String {
    let mut out = Vec::new();
    write_layers(doc, colour, layers, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("the report is UTF-8")
}

/// [`render_layers`] written to `w` a paragraph or a section at a time, so that the
/// report of a long article is never held whole.
///
/// # Errors
///
/// The writer's errors.
pub fn write_layers(
    doc: &Document,
    colour: bool,
    layers: Option<&[&str]>,
    w: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let st = Style { colour, layers };
    let mut out = String::new();
    let mut flush = |out: &mut String| {
        let written = w.write_all(out.as_bytes());
        out.clear();
        written
    };
    header(&mut out, doc, st);
    warnings(&mut out, doc, st);
    if st.shows("sentences") || st.shows("paragraphs") {
        body(&mut out, doc, st, &mut flush)?;
    }
    let sections: [(&str, Section); 9] = [
        ("entities", entities),
        ("events", events),
        ("quotations", quotations),
        ("claims", claims),
        ("techniques", techniques),
        ("tone", tone),
        ("times", times),
        ("quantities", quantities),
        ("repairs", repairs),
    ];
    for (layer, section) in sections {
        if st.shows(layer) {
            section(&mut out, doc, st);
            flush(&mut out)?;
        }
    }
    flush(&mut out)
}

/// A section of the report after the sentences.
type Section = fn(&mut String, &Document, Style);

/// ANSI styling, or none; and the layers shown.
#[derive(Clone, Copy)]
struct Style<'l> {
    colour: bool,
    layers: Option<&'l [&'l str]>,
}

impl Style<'_> {
    /// True when the report shows `layer`.
    fn shows(self, layer: &str) -> bool {
        self.layers.is_none_or(|l| l.contains(&layer))
    }
}

const BOLD: &str = "1";
const DIM: &str = "2";
const RED: &str = "31";
const GREEN: &str = "32";
const YELLOW: &str = "33";
const BLUE: &str = "34";
const MAGENTA: &str = "35";
const CYAN: &str = "36";

impl Style<'_> {
    fn paint(self, code: &str, s: &str) -> String {
        if self.colour && !s.is_empty() {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }
    fn bold(self, s: &str) -> String {
        self.paint(BOLD, s)
    }
    fn dim(self, s: &str) -> String {
        self.paint(DIM, s)
    }
}

/// The colour of a token kind.
fn token_colour(kind: TokenKind) -> &'static str {
    match kind {
        TokenKind::Number | TokenKind::Percent => YELLOW,
        TokenKind::Url | TokenKind::Email => BLUE,
        TokenKind::Hashtag | TokenKind::Mention => MAGENTA,
        TokenKind::Arabic | TokenKind::Latin | TokenKind::Punct | TokenKind::Symbol => GREEN,
    }
}

/// Text from the input made safe and compact for one terminal line: runs of white
/// space (line breaks included) become one space, control characters (which could
/// drive the terminal) become U+FFFD, and the bidi embeddings, overrides and
/// isolates (U+202A–U+202E, U+2066–U+2069), which would reorder the report as the
/// terminal shows it, are written as `<U+202E>`.
fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        if matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') {
            let _ = write!(out, "<U+{:04X}>", c as u32);
        } else {
            out.push(if c.is_control() { '\u{FFFD}' } else { c });
        }
    }
    out
}

fn header(out: &mut String, doc: &Document, st: Style) {
    let m = &doc.meta;
    let _ = writeln!(out, "{}", st.bold("marsad report"));
    let mut field = |name: &str, value: &str| {
        let _ = writeln!(out, "  {} {}", st.dim(&format!("{name:<10}")), clean(value));
    };
    if let Some(v) = &m.source {
        field("source", v);
    }
    if let Some(v) = &m.title {
        field("title", v);
    }
    if let Some(v) = &m.outlet {
        field("outlet", v);
    }
    if let Some(v) = &m.published {
        field("published", v);
    }
    if let Some(v) = &m.url {
        field("url", v);
    }
    field("language", m.language.as_deref().unwrap_or("unknown"));
    field("encoding", m.encoding.as_deref().unwrap_or("unknown"));
    let arabic = doc.tokens.iter().filter(|t| t.kind == TokenKind::Arabic).count();
    let counts: Vec<String> = [
        ("paragraphs", doc.paragraphs.len(), "paragraph", "paragraphs"),
        ("sentences", doc.sentences.len(), "sentence", "sentences"),
        ("tokens", doc.tokens.len(), "token", "tokens"),
        ("tokens", arabic, "Arabic word", "Arabic words"),
        ("clitics", doc.clitics.len(), "word with clitics", "words with clitics"),
        ("mentions", doc.mentions.len(), "named entity", "named entities"),
        ("times", doc.times.len(), "time expression", "time expressions"),
        ("quantities", doc.quantities.len(), "quantity", "quantities"),
        ("repairs", doc.repairs.len(), "repair", "repairs"),
    ]
    .into_iter()
    .filter(|(layer, ..)| st.shows(layer))
    .map(|(_, n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
    .collect();
    if !counts.is_empty() {
        field("counts", &counts.join(" · "));
    }
}

fn warnings(out: &mut String, doc: &Document, st: Style) {
    if doc.warnings.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", st.bold("Warnings"));
    for w in &doc.warnings {
        let _ =
            writeln!(out, "  {} {} {}", st.paint(YELLOW, "!"), st.paint(YELLOW, &clean(&w.code)), clean(&w.message));
    }
}

/// The paragraphs and their sentences, given to `flush` a paragraph at a time.
fn body(
    out: &mut String,
    doc: &Document,
    st: Style,
    flush: &mut impl FnMut(&mut String) -> std::io::Result<()>,
) -> std::io::Result<()> {
    if doc.sentences.is_empty() {
        let _ = writeln!(out, "\n{}", st.dim("(no sentences: the text has no tokens)"));
        return Ok(());
    }
    // paragraphs as (label, sentence range); all sentences as one group without them
    let groups: Vec<(String, std::ops::Range<usize>)> = if doc.paragraphs.is_empty() {
        vec![("Text".to_owned(), 0..doc.sentences.len())]
    } else {
        doc.paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| (format!("Paragraph {}", i + 1), p.first_sentence..p.end_sentence))
            .collect()
    };
    for (label, range) in groups {
        let _ = writeln!(out, "\n{}", st.bold(&label));
        for si in range {
            if let Some(s) = doc.sentences.get(si) {
                sentence(out, doc, si, s, st);
            }
        }
        flush(out)?;
    }
    Ok(())
}

fn sentence(out: &mut String, doc: &Document, si: usize, s: &Sentence, st: Style) {
    let text = clean(doc.slice(s.span));
    let text = if s.kind == SentenceKind::Headline { st.bold(&text) } else { text };
    let kind = match s.kind {
        SentenceKind::Sentence => String::new(),
        SentenceKind::Headline => format!("  {}", st.dim("headline")),
        SentenceKind::Fragment => format!("  {}", st.dim("fragment")),
    };
    let _ = writeln!(out, "  {} {text}{kind}", st.dim(&format!("[{}]", si + 1)));

    let mut clitics = Vec::new();
    let mut numbers = Vec::new();
    let mut links = Vec::new();
    let mut tags = Vec::new();
    let shows_tokens = st.shows("tokens");
    for (ti, tok) in doc.tokens.iter().enumerate().take(s.end_token).skip(s.first_token) {
        if let Some(seg) = doc.segmentation_of(ti).filter(|_| st.shows("clitics")) {
            clitics.push(clean(&segmented(doc, seg, "+")));
        }
        if !shows_tokens {
            continue;
        }
        match tok.kind {
            TokenKind::Number | TokenKind::Percent => numbers.push(number(doc, tok)),
            TokenKind::Url | TokenKind::Email => links.push(clean(doc.slice(tok.span))),
            TokenKind::Hashtag | TokenKind::Mention => tags.push(clean(doc.slice(tok.span))),
            _ => {}
        }
    }
    detail(out, "clitics", &clitics, CYAN, st);
    let first = doc.pos.partition_point(|p| p.token < s.first_token);
    let pos: Vec<String> = doc.pos[first..]
        .iter()
        .take_while(|p| p.token < s.end_token)
        .map(|p| format!("{}/{}", clean(doc.slice(p.span)), p.tag.name()))
        .collect();
    detail(out, "pos", &pos, BLUE, st);
    let start = doc.mentions.partition_point(|m| m.first_token < s.first_token);
    let shown = if st.shows("mentions") { &doc.mentions[start..] } else { &[] };
    let entities: Vec<String> = shown
        .iter()
        .take_while(|m| m.first_token < s.end_token)
        .map(|m| {
            let ids: Vec<String> = m.gazetteer.iter().take(2).map(|g| format!("{}:{}", g.kind.name(), g.id)).collect();
            let ids = if ids.is_empty() { String::new() } else { format!(" [{}]", ids.join(", ")) };
            format!("{} {}{ids} {}", clean(doc.slice(m.span)), m.kind.name(), format_confidence(m.origin.confidence))
        })
        .collect();
    detail(out, "entities", &entities, MAGENTA, st);
    detail(out, "numbers", &numbers, token_colour(TokenKind::Number), st);
    detail(out, "links", &links, token_colour(TokenKind::Url), st);
    detail(out, "tags", &tags, token_colour(TokenKind::Hashtag), st);
}

/// A number or percentage with its value when the value reads differently.
fn number(doc: &Document, tok: &Token) -> String {
    let surface = clean(doc.slice(tok.span));
    let value = tok.value.and_then(format_value).map(|v| if tok.kind == TokenKind::Percent { v + "%" } else { v });
    match value {
        Some(v) if v != surface => format!("{surface} = {v}"),
        _ => surface,
    }
}

/// One labelled line of items under a sentence, wrapped.
fn detail(out: &mut String, label: &str, items: &[String], colour: &str, st: Style) {
    if items.is_empty() {
        return;
    }
    let indent = 6 + 9;
    let _ = write!(out, "      {}", st.dim(&format!("{label:<9}")));
    let mut width = 0;
    for (i, item) in items.iter().enumerate() {
        let w = item.chars().count();
        if i > 0 {
            if width + 2 + w > WIDTH - indent {
                let _ = write!(out, "\n{:indent$}", "");
                width = 0;
            } else {
                out.push_str("  ");
                width += 2;
            }
        }
        out.push_str(&st.paint(colour, item));
        width += w;
    }
    out.push('\n');
}

/// The time expressions: text, kind, ISO value, anchor (and the evidence of an
/// inferred year), rule and confidence.
fn times(out: &mut String, doc: &Document, st: Style) {
    items(out, doc, st, "Times", view::times(doc), CYAN);
}

/// The entities: name, kind, link, country and coordinates, its mentions (metonymy
/// marked), alternatives, rule and confidence.
fn entities(out: &mut String, doc: &Document, st: Style) {
    let views = view::entities(doc);
    if views.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{} {}", st.bold("Entities"), st.dim(&format!("({})", views.len())));
    for (e, v) in doc.entities.iter().zip(&views) {
        let _ = writeln!(
            out,
            "  {} {}  {}  {}  {}",
            st.dim(&format!("{:>3}", e.id)),
            st.paint(MAGENTA, &clean(&e.name)),
            clean(&format!("{} {}", v.kind, v.value.trim_start_matches(e.name.as_str()).trim_start())),
            st.dim(&clean(&v.notes[0])),
            st.dim(&clean(&v.provenance())),
        );
        for note in &v.notes[1..] {
            let _ = writeln!(out, "      {}", st.dim(&clean(note)));
        }
    }
}

/// The events: type and mode, CAMEO code, actor → recipient, modality, trigger.
fn events(out: &mut String, doc: &Document, st: Style) {
    items(out, doc, st, "Events", view::events(doc), MAGENTA);
}

/// The quotations: kind, stance, speaker, text.
fn quotations(out: &mut String, doc: &Document, st: Style) {
    items(out, doc, st, "Quotations", view::quotations(doc), YELLOW);
}

/// The claims, most check-worthy first: score, source, text, why.
fn claims(out: &mut String, doc: &Document, st: Style) {
    if doc.claims.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\n{} {}",
        st.bold("Claims, most check-worthy first"),
        st.dim(&format!("({})", doc.claims.len()))
    );
    let mut ranked: Vec<(&marsad_core::document::Claim, view::ItemView)> =
        doc.claims.iter().zip(view::claims(doc)).collect();
    ranked.sort_by_key(|(c, _)| c.rank);
    for (c, v) in ranked {
        let text: String = clean(doc.slice(c.span)).chars().take(100).collect();
        let _ = writeln!(
            out,
            "  {}  {}  {}  {}",
            st.paint(GREEN, &clean(&v.value)),
            text,
            st.dim(&clean(&v.notes.join(" "))),
            st.dim(&clean(&v.provenance())),
        );
    }
}

/// The persuasion profile, then every technique span with its model and confidence.
fn techniques(out: &mut String, doc: &Document, st: Style) {
    let t = &doc.techniques;
    if t.spans.is_empty() && t.paragraphs.is_empty() {
        return;
    }
    let s = &t.summary;
    let _ = writeln!(
        out,
        "\n{} {}",
        st.bold("Persuasion techniques"),
        st.dim(&format!(
            "({} spans, {} per 100 words, {:.0}% of paragraphs; {})",
            t.spans.len(),
            s.density,
            100.0 * s.paragraph_share,
            if s.propagandistic { "propagandistic" } else { "not judged propagandistic" }
        ))
    );
    if let Some(p) = s.percentile {
        let _ = writeln!(
            out,
            "  overall: {:.2} pieces of evidence per 100 words, {}",
            s.persuasion_density,
            crate::view::percentile_phrase(p)
        );
    }
    for c in &s.techniques {
        let paragraphs: Vec<String> = c.paragraphs.iter().map(|p| (p + 1).to_string()).collect();
        let _ = writeln!(
            out,
            "  {} {}  {} spans, paragraphs {}{}",
            st.paint(MAGENTA, &c.technique),
            st.dim(&format!("({})", c.class)),
            c.spans,
            if paragraphs.is_empty() { "—".to_owned() } else { paragraphs.join(", ") },
            c.percentile.map_or(String::new(), |p| format!("; {}", crate::view::percentile_phrase(p)))
        );
    }
    let index = CharIndex::new(&doc.text);
    for v in view::techniques(doc) {
        let _ = writeln!(
            out,
            "    {} {}  {}  {}  {}",
            st.dim(&chars(&index, v.span)),
            clean(doc.slice(v.span)),
            v.kind,
            clean(&v.notes.join("; ")),
            st.dim(&v.provenance())
        );
    }
}

/// The article's tone and the tone towards each actor, most negative first.
fn tone(out: &mut String, doc: &Document, st: Style) {
    let a = &doc.tone.article;
    if a.words == 0 {
        return;
    }
    let _ = writeln!(
        out,
        "\n{} {}",
        st.bold("Tone"),
        st.dim(&format!(
            "(tone {:+.2}: positive {:.2}%, negative {:.2}%; polarity {:.2}, emotional density {:.2}, group references {:.2} per 100 words)",
            a.tone, a.positive, a.negative, a.polarity, a.emotional_density, a.group_density
        ))
    );
    let mut actors: Vec<&marsad_core::document::ActorTone> = doc.tone.actors.iter().collect();
    actors.sort_by(|x, y| x.scores.tone.total_cmp(&y.scores.tone));
    for t in actors {
        let Some(e) = doc.entities.get(t.entity) else { continue };
        let colour = if t.scores.tone < 0.0 { RED } else { GREEN };
        let _ = writeln!(
            out,
            "  {} {}  {}  {}",
            st.dim(&e.id),
            clean(&e.name),
            st.paint(colour, &format!("{:+.2}", t.scores.tone)),
            st.dim(&format!(
                "{} clauses, {} {}",
                t.clauses.len(),
                t.origin.rule,
                format_confidence(t.origin.confidence)
            ))
        );
    }
}

/// The quantities: text, kind, value with its qualifier and unit, rule and confidence.
fn quantities(out: &mut String, doc: &Document, st: Style) {
    items(out, doc, st, "Quantities", view::quantities(doc), MAGENTA);
}

fn repairs(out: &mut String, doc: &Document, st: Style) {
    if doc.repairs.is_empty() {
        let _ = writeln!(out, "\n{} {}", st.bold("Repairs"), st.dim("none"));
        return;
    }
    items(out, doc, st, "Repairs", view::repairs(doc), RED);
}

/// A layer's items, one line each: number, the words (in the layer's colour), kind,
/// value and notes, rule and confidence, character offsets.
fn items(out: &mut String, doc: &Document, st: Style, title: &str, views: Vec<view::ItemView>, colour: &str) {
    if views.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{} {}", st.bold(title), st.dim(&format!("({})", views.len())));
    let index = CharIndex::new(&doc.text);
    for (i, v) in views.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {} {}  {}  {}  {}  {}",
            st.dim(&format!("{:>2}.", i + 1)),
            st.paint(colour, &clean(doc.slice(v.span))),
            v.kind,
            st.paint(YELLOW, &clean(&v.summary())),
            st.dim(&clean(&v.provenance())),
            st.dim(&chars(&index, v.span)),
        );
    }
}

/// A span as character offsets, as in the JSON output.
fn chars(index: &CharIndex, span: Span) -> String {
    format!("@{}..{}", index.char_of(span.start), index.char_of(span.end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad::Pipeline;
    use marsad_core::document::{Metadata, Origin, Repair, RepairKind};

    const TEXT: &str = "عاجل: الحكومة تعلن خطة جديدة\r\n\r\nقالَ وزيرُ المالية إنّ النمو بلغ ٣٫٥٪ في عام ٢٠٢٢ و23%، \
                        وأكد عدةخبراء ذلك. للمزيد: https://example.com/a #اقتصاد @marsad\r\n";

    fn doc() -> Document {
        let meta = Metadata {
            title: Some("خطة\u{1b}[31m جديدة".to_owned()),
            source: Some("news.txt".to_owned()),
            encoding: Some("UTF-8".to_owned()),
            ..Metadata::default()
        };
        let mut doc = Pipeline::new().analyze(TEXT, meta);
        let start = TEXT.find("عدةخبراء").unwrap();
        doc.repairs = vec![Repair {
            span: Span::new(start, start + "عدةخبراء".len()),
            kind: RepairKind::RunOn,
            suggestion: "عدة خبراء".to_owned(),
            origin: Origin::rule("repairs.run_on", 0.85),
        }];
        doc
    }

    #[test]
    fn plain_report_has_header_sentences_details_and_repairs() {
        let doc = doc();
        let out = render(&doc, false);
        assert!(!out.contains('\x1b'), "no escape codes without colour:\n{out}");
        assert!(out.contains("source     news.txt"), "{out}");
        assert!(out.contains("encoding   UTF-8"), "{out}");
        assert!(out.contains(&format!("{} sentences", doc.sentences.len())), "{out}");
        assert!(out.contains("1 repair\n"), "{out}");
        assert!(out.contains("Paragraph 2"), "{out}");
        assert!(out.contains("[1] عاجل: الحكومة تعلن خطة جديدة  headline"), "{out}");
        assert!(out.contains("ال+حكومة"), "{out}");
        assert!(out.contains("٣٫٥٪ = 3.5%") && out.contains("٢٠٢٢ = 2022") && out.contains("  23%"), "{out}");
        assert!(out.contains("https://example.com/a") && out.contains("#اقتصاد  @marsad"), "{out}");
        assert!(out.contains("عدةخبراء  run_on  → عدة خبراء  repairs.run_on 0.85"), "{out}");
        assert!(!out.contains('\r'), "line ends are not copied into the report");
        assert_eq!(out, render(&doc, false), "deterministic");
    }

    #[test]
    fn colour_report_uses_ansi_codes_and_says_the_same() {
        let doc = doc();
        let coloured = render(&doc, true);
        assert!(coloured.contains("\x1b[1mmarsad report\x1b[0m"));
        assert!(coloured.contains("\x1b[31mعدةخبراء\x1b[0m"));
        let mut stripped = String::new();
        let mut rest = coloured.as_str();
        while let Some(i) = rest.find("\x1b[") {
            stripped.push_str(&rest[..i]);
            rest = &rest[i..];
            rest = &rest[rest.find('m').unwrap() + 1..];
        }
        stripped.push_str(rest);
        assert_eq!(stripped, render(&doc, false));
    }

    #[test]
    fn control_characters_from_the_input_are_neutralised() {
        let out = render(&doc(), false);
        assert!(out.contains("title      خطة\u{FFFD}[31m جديدة"), "{out}");
    }

    #[test]
    fn bidi_overrides_and_isolates_are_shown_escaped() {
        let text = "قال الوزير \u{202E}لا\u{202C} ثم \u{2067}نعم\u{2069} و\u{200F}ذلك.";
        let meta = Metadata { title: Some("a\u{202D}b".to_owned()), ..Metadata::default() };
        let out = render(&Pipeline::new().analyze(text, meta), false);
        for c in ['\u{202E}', '\u{202C}', '\u{2067}', '\u{2069}', '\u{202D}'] {
            assert!(!out.contains(c), "{:04X} raw in:\n{out}", c as u32);
        }
        assert!(out.contains("<U+202E>لا<U+202C> ثم <U+2067>نعم<U+2069>"), "{out}");
        assert!(out.contains("title      a<U+202D>b"), "{out}");
        assert!(out.contains('\u{200F}'), "marks that only set a direction stay");
    }

    #[test]
    fn chosen_layers_only() {
        let doc = doc();
        let out = render_layers(&doc, false, Some(&["sentences", "clitics"]));
        assert!(out.contains("[1] عاجل") && out.contains("ال+حكومة"), "{out}");
        assert!(!out.contains("٣٫٥٪ = 3.5%") && !out.contains("Repairs") && !out.contains("Times"), "{out}");
        assert!(
            out.contains(&format!(
                "counts     {} sentences · {} words with clitics\n",
                doc.sentences.len(),
                doc.clitics.len()
            )),
            "{out}"
        );
        let out = render_layers(&doc, false, Some(&["repairs"]));
        assert!(out.contains("Repairs (1)") && !out.contains("Paragraph 1"), "{out}");
    }

    #[test]
    fn empty_and_punctuation_only_texts_render() {
        for text in ["", "... !!! ؟؟ «»"] {
            let doc = Pipeline::new().analyze(text, Metadata::default());
            let out = render(&doc, false);
            assert!(out.contains("Repairs none"), "{out}");
        }
    }

    #[test]
    fn values_read_well() {
        assert_eq!(format_value(2022.0).as_deref(), Some("2022"));
        assert_eq!(format_value(3.5).as_deref(), Some("3.5"));
        assert_eq!(format_value(1e300).as_deref(), Some("1e300"));
        assert_eq!(format_value(f64::INFINITY), None);
    }
}
