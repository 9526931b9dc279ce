//! The self-contained HTML report: one right-to-left page, no network, no script.
//!
//! The article text is shown as published, with the layers highlighted over it.
//! Each layer is one function producing [`Highlight`]s (a span, CSS classes and
//! a tooltip) and one entry in [`LAYERS`] (its name, label and CSS): adding a
//! layer is adding those two. Rendering cuts the text at every boundary of every
//! highlight and wraps each piece in the highlights covering it, outermost layer
//! first, reusing the elements still open from the piece before; so highlights of
//! different layers may overlap freely and the markup stays well nested. Every
//! element carries `data-layer`, `data-start` and `data-end` (the character
//! offsets of the whole highlighted item, as in the JSON output) and a `title`.
//!
//! Layers are switched on and off with checkboxes and CSS alone (`:checked ~`),
//! so the page works without JavaScript and prints as shown. Everything from the
//! input (text, metadata) is escaped.

use std::cmp::Reverse;
use std::fmt::Write;

use marsad_core::names::serde_name;

use crate::text::{format_confidence, format_value, repair_kind_name, segmented};
use marsad_core::document::{Document, MorphemeRole, Origin, SentenceKind, TokenKind};
use marsad_core::span::{CharIndex, Span};
use marsad_core::SCHEMA_VERSION;

/// The fonts Arabic text is set in, best first.
pub const ARABIC_FONTS: &str =
    r#""Noto Naskh Arabic", "Amiri", "Scheherazade New", "Geeza Pro", "Traditional Arabic", "Tahoma", serif"#;

const BASE_CSS: &str = include_str!("report.css");

/// One highlighted stretch of the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Highlight {
    /// The highlighted text (bytes of the original).
    pub span: Span,
    /// CSS classes, space-separated (styled by the layer's [`LayerStyle`]s).
    pub class: String,
    /// The tooltip: what the item is, which rule made it, how sure it is.
    pub title: String,
}

/// The CSS of one class of a layer, applied while the layer is switched on.
#[derive(Clone, Copy, Debug)]
pub struct LayerStyle {
    /// A selector relative to the article text, e.g. `.tok-number`.
    pub selector: &'static str,
    /// CSS declarations, e.g. `background: #fff1b8`.
    pub css: &'static str,
    /// Label in the legend, for a selector that is a plain list of classes
    /// (`.tok.tok-number`); empty for no legend entry.
    pub legend: &'static str,
}

/// A layer of the report: highlights over the text that can be switched on and off.
#[derive(Clone, Copy)]
pub struct Layer {
    /// Its name: the `data-layer` of its highlights (the document layer it shows).
    pub name: &'static str,
    /// The label of its switch.
    pub label: &'static str,
    /// Makes its highlights.
    pub highlights: fn(&Document) -> Vec<Highlight>,
    /// How its highlights look.
    pub styles: &'static [LayerStyle],
}

/// The layers, outermost first: where highlights overlap, elements of earlier
/// layers enclose those of later ones.
pub const LAYERS: &[Layer] = &[
    Layer {
        name: "sentences",
        label: "Sentences",
        highlights: sentences,
        styles: &[
            LayerStyle { selector: ".sent.s-a", css: "background: var(--sent-a)", legend: "sentence" },
            LayerStyle { selector: ".sent.s-b", css: "background: var(--sent-b)", legend: "next sentence" },
            LayerStyle { selector: ".sent-headline", css: "font-weight: bold", legend: "" },
        ],
    },
    Layer {
        name: "claims",
        label: "Claims",
        highlights: claims,
        styles: &[
            LayerStyle { selector: ".claim", css: "box-shadow: inset 0 2px 0 #90a4ae", legend: "claim" },
            LayerStyle { selector: ".claim.claim-top", css: "box-shadow: inset 0 3px 0 #d84315", legend: "claim to check first" },
        ],
    },
    Layer {
        name: "quotations",
        label: "Quotations",
        highlights: quotations,
        styles: &[
            LayerStyle { selector: ".quote", css: "background: #fff8e1", legend: "" },
            LayerStyle { selector: ".quote.quote-direct", css: "box-shadow: inset 0 -2px #f9a825", legend: "direct quotation" },
            LayerStyle {
                selector: ".quote.quote-indirect",
                css: "box-shadow: inset 0 -2px #bcaaa4",
                legend: "reported speech",
            },
        ],
    },
    Layer {
        name: "techniques",
        label: "Persuasion techniques",
        highlights: techniques,
        styles: &[
            LayerStyle { selector: ".tech", css: "text-decoration: underline 3px; text-underline-offset: .45em; text-decoration-skip-ink: none", legend: "" },
            LayerStyle { selector: ".tech.tech-Manipulative_Wording", css: "text-decoration-color: #d81b60", legend: "manipulative wording" },
            LayerStyle { selector: ".tech.tech-Reputation", css: "text-decoration-color: #8e24aa", legend: "attack on reputation" },
            LayerStyle { selector: ".tech.tech-Justification", css: "text-decoration-color: #3949ab", legend: "justification" },
            LayerStyle { selector: ".tech.tech-Simplification", css: "text-decoration-color: #00897b", legend: "simplification" },
            LayerStyle { selector: ".tech.tech-Call", css: "text-decoration-color: #f4511e", legend: "call" },
            LayerStyle { selector: ".tech.tech-Distraction", css: "text-decoration-color: #6d4c41", legend: "distraction" },
        ],
    },
    Layer {
        name: "events",
        label: "Events",
        highlights: events,
        styles: &[LayerStyle { selector: ".event", css: "outline: 2px dashed #ef6c00; outline-offset: 1px", legend: "event trigger" }],
    },
    Layer {
        name: "mentions",
        label: "Named entities",
        highlights: mentions,
        styles: &[
            LayerStyle { selector: ".ent", css: "border-bottom: 2px solid; padding-bottom: 1px", legend: "" },
            LayerStyle { selector: ".ent.ent-per", css: "border-color: #c62828; background: #ffebee", legend: "person" },
            LayerStyle {
                selector: ".ent.ent-org",
                css: "border-color: #1565c0; background: #e3f2fd",
                legend: "organisation",
            },
            LayerStyle { selector: ".ent.ent-loc", css: "border-color: #2e7d32; background: #e8f5e9", legend: "location" },
            LayerStyle { selector: ".ent.ent-misc", css: "border-color: #6a1b9a; background: #f3e5f5", legend: "other name" },
        ],
    },
    Layer {
        name: "times",
        label: "Dates and times",
        highlights: times,
        styles: &[
            LayerStyle {
                selector: ".time",
                css: "background: #e0f2f1; box-shadow: inset 0 -2px 0 #00897b",
                legend: "date or time",
            },
            LayerStyle { selector: ".time.time-inferred", css: "box-shadow: inset 0 -2px 0 #ef6c00", legend: "" },
        ],
    },
    Layer {
        name: "quantities",
        label: "Quantities",
        highlights: quantities,
        styles: &[LayerStyle {
            selector: ".qty",
            css: "background: #fff3e0; box-shadow: inset 0 -2px 0 #f57c00",
            legend: "quantity",
        }],
    },
    Layer {
        name: "tone",
        label: "Tone",
        highlights: tone,
        styles: &[
            LayerStyle { selector: ".pol.pol-pos", css: "color: #1b5e20; font-weight: 600", legend: "positive word" },
            LayerStyle { selector: ".pol.pol-neg", css: "color: #b71c1c; font-weight: 600", legend: "negative word" },
        ],
    },
    Layer {
        name: "tokens",
        label: "Numbers, links, tags",
        highlights: tokens,
        styles: &[
            LayerStyle {
                selector: ".tok",
                css: "border-radius: 3px; box-shadow: inset 0 -0.15em 0 rgba(0,0,0,.12)",
                legend: "",
            },
            LayerStyle { selector: ".tok.tok-number", css: "background: #ffe9a8", legend: "number" },
            LayerStyle { selector: ".tok.tok-percent", css: "background: #ffd48a", legend: "percent" },
            LayerStyle { selector: ".tok.tok-url", css: "background: #d6e6ff; color: #0b4db3", legend: "url" },
            LayerStyle { selector: ".tok.tok-email", css: "background: #d6e6ff; color: #0b4db3", legend: "e-mail" },
            LayerStyle { selector: ".tok.tok-hashtag", css: "background: #f1dcff; color: #6a1b9a", legend: "hashtag" },
            LayerStyle { selector: ".tok.tok-mention", css: "background: #f1dcff; color: #6a1b9a", legend: "mention" },
        ],
    },
    Layer {
        name: "clitics",
        label: "Clitics",
        highlights: clitics,
        styles: &[
            LayerStyle {
                selector: ".cw",
                css: "text-decoration: underline dotted #00897b; text-underline-offset: .35em",
                legend: "word with clitics",
            },
            LayerStyle { selector: ".morph.clitic", css: "color: #00796b", legend: "" },
            LayerStyle {
                selector: ".morph-sep:not(.cont)::before",
                css: "content: \"\\200D|\\200D\"; color: #9e9e9e; font-size: .75em",
                legend: "",
            },
        ],
    },
    Layer {
        name: "repairs",
        label: "Repairs",
        highlights: repairs,
        styles: &[
            LayerStyle {
                selector: ".repair",
                css: "text-decoration: underline wavy #d32f2f; text-decoration-skip-ink: none; text-underline-offset: .3em",
                legend: "",
            },
            LayerStyle { selector: ".repair.repair-run_on", css: "text-decoration-color: #d32f2f", legend: "run-on" },
            LayerStyle {
                selector: ".repair.repair-glued_number",
                css: "text-decoration-color: #ef6c00",
                legend: "glued number",
            },
            LayerStyle {
                selector: ".repair.repair-stray_letter",
                css: "text-decoration-color: #8e24aa",
                legend: "stray letter",
            },
            LayerStyle {
                selector: ".repair.repair-misspelling",
                css: "text-decoration-color: #f9a825",
                legend: "misspelling",
            },
        ],
    },
];

/// The report as one self-contained HTML page.
pub fn render(doc: &Document) -> String {
    let index = CharIndex::new(&doc.text);
    let mut out = String::with_capacity(doc.text.len() * 8 + 8192);
    let title = doc.meta.title.as_deref().unwrap_or("marsad report");
    out.push_str("<!doctype html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"marsad\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    out.push_str("<style>\n");
    out.push_str(BASE_CSS);
    layer_css(&mut out);
    out.push_str("</style>\n</head>\n<body>\n");
    header(&mut out, doc);
    out.push_str("<div class=\"layout\">\n<main class=\"view\">\n");
    for layer in LAYERS {
        let _ = writeln!(
            out,
            "<input type=\"checkbox\" id=\"layer-{0}\" checked><label for=\"layer-{0}\" class=\"ui\" lang=\"en\">{1}</label>",
            layer.name,
            escape(layer.label)
        );
    }
    out.push_str("<article class=\"text\" lang=\"ar\" dir=\"rtl\">");
    text(&mut out, doc, &index);
    out.push_str("</article>\n</main>\n");
    aside(&mut out, doc, &index);
    out.push_str("</div>\n</body>\n</html>\n");
    out
}

/// Escapes text for HTML content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\0' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// ` — rule confidence`, the end of every tooltip.
fn provenance(origin: &Origin) -> String {
    format!(" — {} {}", origin.rule, format_confidence(origin.confidence))
}

fn sentence_kind_name(kind: SentenceKind) -> &'static str {
    match kind {
        SentenceKind::Sentence => "sentence",
        SentenceKind::Headline => "headline",
        SentenceKind::Fragment => "fragment",
    }
}

fn role_name(role: MorphemeRole) -> &'static str {
    match role {
        MorphemeRole::Conjunction => "conjunction",
        MorphemeRole::Preposition => "preposition",
        MorphemeRole::Future => "future",
        MorphemeRole::Article => "article",
        MorphemeRole::Stem => "stem",
        MorphemeRole::Pronoun => "pronoun",
    }
}

/// The `sentences` layer: every sentence, alternating backgrounds.
pub fn sentences(doc: &Document) -> Vec<Highlight> {
    doc.sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let kind = sentence_kind_name(s.kind);
            Highlight {
                span: s.span,
                class: format!("sent {} sent-{kind}", if i % 2 == 0 { "s-a" } else { "s-b" }),
                title: format!("Sentence {} ({kind}){}", i + 1, provenance(&s.origin)),
            }
        })
        .collect()
}

/// The `tokens` layer: the tokens that are not words or punctuation (numbers with
/// their values, percentages, addresses, tags).
pub fn tokens(doc: &Document) -> Vec<Highlight> {
    doc.tokens
        .iter()
        .filter(|t| {
            matches!(
                t.kind,
                TokenKind::Number
                    | TokenKind::Percent
                    | TokenKind::Url
                    | TokenKind::Email
                    | TokenKind::Hashtag
                    | TokenKind::Mention
            )
        })
        .map(|t| {
            let kind = TokenKind::name(t.kind);
            let value = match t.value.and_then(format_value) {
                Some(v) if t.kind == TokenKind::Percent => format!(" {v}%"),
                Some(v) => format!(" {v}"),
                None => String::new(),
            };
            Highlight {
                span: t.span,
                class: format!("tok tok-{kind}"),
                title: format!("{kind}{value}{}", provenance(&t.origin)),
            }
        })
        .collect()
}

/// The `clitics` layer: every word with clitics, and inside it its morphemes with
/// a thin separator between them.
pub fn clitics(doc: &Document) -> Vec<Highlight> {
    let mut out = Vec::new();
    for seg in &doc.clitics {
        let summary = format!("{}{}", segmented(doc, seg, " + "), provenance(&seg.origin));
        out.push(Highlight { span: seg.span, class: "cw".to_owned(), title: summary.clone() });
        for (i, m) in seg.morphemes.iter().enumerate() {
            let role = role_name(m.role);
            let clitic = if m.role == MorphemeRole::Stem { "stem" } else { "clitic" };
            let sep = if i > 0 { " morph-sep" } else { "" };
            out.push(Highlight {
                span: m.span,
                class: format!("morph {clitic} morph-{role}{sep}"),
                title: format!("{role} {} · {summary}", doc.slice(m.span)),
            });
        }
    }
    out
}

/// The `mentions` layer: every named entity, coloured by type, with its gazetteer
/// entries in the tooltip.
pub fn mentions(doc: &Document) -> Vec<Highlight> {
    doc.mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let kind = m.kind.name();
            let ids: Vec<String> = m.gazetteer.iter().map(|g| format!("{} {}", g.kind.name(), g.id)).collect();
            let ids = if ids.is_empty() { String::new() } else { format!(" [{}]", ids.join(", ")) };
            let entity = doc.entities.iter().find(|e| e.mentions.contains(&i)).map_or(String::new(), |e| {
                let link = e.link.as_deref().map_or("unresolved".to_owned(), str::to_owned);
                let metonymy = if e.metonymy.contains(&i) { ", metonymy" } else { "" };
                format!(" → {} {} ({link}{metonymy})", e.id, e.name)
            });
            Highlight {
                span: m.span,
                class: format!("ent ent-{kind}"),
                title: format!("Entity ({kind}): {}{ids}{entity}{}", doc.slice(m.span), provenance(&m.origin)),
            }
        })
        .collect()
}

/// The `times` layer: every time expression, with its ISO value, anchor and (for an
/// inferred year) the text it was inferred from.
pub fn times(doc: &Document) -> Vec<Highlight> {
    doc.times
        .iter()
        .map(|t| {
            let kind = serde_name(&t.kind);
            let mut anchor = serde_name(&t.anchor);
            if let Some(e) = t.evidence {
                anchor = format!("{anchor} from «{}»", doc.slice(e.span));
            }
            let inferred = if t.inferred { " time-inferred" } else { "" };
            Highlight {
                span: t.span,
                class: format!("time time-{kind}{inferred}"),
                title: format!(
                    "Time ({kind}, {}): {} · {anchor}{}",
                    serde_name(&t.calendar),
                    t.value.as_deref().unwrap_or("?"),
                    provenance(&t.origin)
                ),
            }
        })
        .collect()
}

/// Who a source is, in words.
fn source_words(doc: &Document, s: &marsad_core::document::Source) -> String {
    s.describe(doc)
}

/// The `events` layer: every event trigger, with type, CAMEO code, actor, recipient
/// and modality.
pub fn events(doc: &Document) -> Vec<Highlight> {
    let who = |p: &Option<marsad_core::document::Participant>| {
        p.as_ref().map_or("?".to_owned(), |p| match &p.code {
            Some(c) => format!("{} [{c}]", doc.slice(p.span)),
            None => doc.slice(p.span).to_owned(),
        })
    };
    doc.events
        .iter()
        .map(|e| Highlight {
            span: e.trigger.span,
            class: "event".to_owned(),
            title: format!(
                "Event {}{} (CAMEO {}): {} → {}, {}{}",
                e.event_type,
                e.mode.as_deref().map_or(String::new(), |m| format!("/{m}")),
                e.cameo,
                who(&e.actor),
                who(&e.recipient),
                serde_name(&e.modality),
                provenance(&e.origin)
            ),
        })
        .collect()
}

/// The `claims` layer: every claim with its rank, score, source and reasons; the
/// three most check-worthy stand out.
pub fn claims(doc: &Document) -> Vec<Highlight> {
    doc.claims
        .iter()
        .map(|c| {
            let flags: Vec<&str> =
                [(c.hedged, "hedged"), (c.vague, "vague source")].iter().filter(|f| f.0).map(|f| f.1).collect();
            Highlight {
                span: c.span,
                class: if c.rank <= 3 { "claim claim-top".to_owned() } else { "claim".to_owned() },
                title: format!(
                    "Claim #{} (check-worthiness {:.2}), source: {}{}; {}{}",
                    c.rank,
                    c.checkworthiness,
                    source_words(doc, &c.source),
                    if flags.is_empty() { String::new() } else { format!(" ({})", flags.join(", ")) },
                    c.reasons.join("; "),
                    provenance(&c.origin)
                ),
            }
        })
        .collect()
}

/// The `techniques` layer: every persuasion-technique span, with its class, cues and model.
pub fn techniques(doc: &Document) -> Vec<Highlight> {
    doc.techniques
        .spans
        .iter()
        .map(|t| {
            let cues = if t.cues.is_empty() { String::new() } else { format!("; cues: {}", t.cues.join(", ")) };
            Highlight {
                span: t.span,
                class: format!("tech tech-{}", t.class),
                title: format!("Technique {} ({}){cues}{}", t.technique, t.class, provenance(&t.origin)),
            }
        })
        .collect()
}

/// The `tone` layer: every word of the polarity lexicon, with its weight and modifier.
pub fn tone(doc: &Document) -> Vec<Highlight> {
    doc.tone
        .words
        .iter()
        .map(|w| {
            let sign = if w.polarity > 0.0 { "pos" } else { "neg" };
            let modifier = w.modifier.as_deref().map_or(String::new(), |m| format!(", after {m}"));
            Highlight {
                span: w.span,
                class: format!("pol pol-{sign}"),
                title: format!(
                    "{} word: {:+.2} (lexicon {:+.2}{modifier}) — tone.lexicon",
                    if w.polarity > 0.0 { "Positive" } else { "Negative" },
                    w.polarity,
                    w.prior
                ),
            }
        })
        .collect()
}

/// The `quotations` layer: every quotation and report of speech, with its speaker.
pub fn quotations(doc: &Document) -> Vec<Highlight> {
    doc.quotations
        .iter()
        .map(|q| {
            let kind = serde_name(&q.kind);
            Highlight {
                span: q.span,
                class: format!("quote quote-{kind}"),
                title: format!(
                    "Quotation ({kind}, {}): {}{}",
                    serde_name(&q.stance),
                    source_words(doc, &q.speaker),
                    provenance(&q.origin)
                ),
            }
        })
        .collect()
}

/// The `quantities` layer: every quantity with its value, unit and qualifier.
pub fn quantities(doc: &Document) -> Vec<Highlight> {
    doc.quantities
        .iter()
        .map(|q| {
            let kind = serde_name(&q.kind);
            let mut value = q.value.and_then(format_value).unwrap_or_else(|| "?".to_owned());
            if let Some(unit) = &q.unit {
                value = format!("{value} {unit}");
            }
            if let Some(qual) = q.qualifier {
                value = format!("{} {value}", serde_name(&qual));
            }
            Highlight {
                span: q.span,
                class: format!("qty qty-{kind}"),
                title: format!("Quantity ({kind}): {value}{}", provenance(&q.origin)),
            }
        })
        .collect()
}

/// The `repairs` layer: every suggested repair.
pub fn repairs(doc: &Document) -> Vec<Highlight> {
    doc.repairs
        .iter()
        .map(|r| {
            let kind = repair_kind_name(r.kind);
            let suggestion = if r.suggestion.is_empty() { "(delete)" } else { r.suggestion.as_str() };
            Highlight {
                span: r.span,
                class: format!("repair repair-{kind}"),
                title: format!("Repair ({kind}): {} → {suggestion}{}", doc.slice(r.span), provenance(&r.origin)),
            }
        })
        .collect()
}

/// The CSS of every layer, each rule applied while the layer's switch is on (and
/// always to the legend and the repairs table).
fn layer_css(out: &mut String) {
    for layer in LAYERS {
        for s in layer.styles {
            let _ = write!(out, "#layer-{}:checked ~ article {}", layer.name, s.selector);
            // plain class lists also style the legend and the repairs table
            if s.selector.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')) {
                let _ = write!(out, ", .legend {0}, table.repairs {0}", s.selector);
            }
            let _ = writeln!(out, " {{ {} }}", s.css);
        }
    }
}

fn header(out: &mut String, doc: &Document) {
    let m = &doc.meta;
    out.push_str("<header>\n");
    match &m.title {
        Some(t) => {
            let _ = writeln!(out, "<h1 dir=\"auto\">{}</h1>", escape(t));
        }
        None => out.push_str("<h1 class=\"ui\" lang=\"en\" dir=\"ltr\">marsad report</h1>\n"),
    }
    out.push_str("<dl class=\"meta ui\" lang=\"en\" dir=\"ltr\">\n");
    let mut field = |name: &str, value: String| {
        let _ = writeln!(out, "<dt>{name}</dt><dd>{value}</dd>");
    };
    let bdi = |s: &str| format!("<bdi>{}</bdi>", escape(s));
    if let Some(v) = &m.outlet {
        field("Outlet", bdi(v));
    }
    if let Some(v) = &m.published {
        field("Published", bdi(v));
    }
    if let Some(v) = &m.url {
        // a link only to the web: never a javascript: or data: address
        let lower = v.trim_start().to_ascii_lowercase();
        if lower.starts_with("https://") || lower.starts_with("http://") {
            field("URL", format!("<a href=\"{0}\" rel=\"noopener noreferrer\"><bdi>{0}</bdi></a>", escape(v)));
        } else {
            field("URL", bdi(v));
        }
    }
    if let Some(v) = &m.source {
        field("Source", bdi(v));
    }
    field("Language", bdi(m.language.as_deref().unwrap_or("unknown")));
    field("Encoding", bdi(m.encoding.as_deref().unwrap_or("unknown")));
    let arabic = doc.tokens.iter().filter(|t| t.kind == TokenKind::Arabic).count();
    field(
        "Counts",
        format!(
            "{} paragraphs · {} sentences · {} tokens · {} Arabic words · {} words with clitics · {} repairs",
            doc.paragraphs.len(),
            doc.sentences.len(),
            doc.tokens.len(),
            arabic,
            doc.clitics.len(),
            doc.repairs.len()
        ),
    );
    field("Schema", format!("marsad document {SCHEMA_VERSION}"));
    out.push_str("</dl>\n");
    if !doc.warnings.is_empty() {
        out.push_str("<ul class=\"warnings ui\" lang=\"en\" dir=\"ltr\">\n");
        for w in &doc.warnings {
            let _ = writeln!(out, "<li><code>{}</code> {}</li>", escape(&w.code), escape(&w.message));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</header>\n");
}

/// A highlight placed in the page: its layer and its nesting rank.
struct Placed {
    layer: usize,
    hl: Highlight,
}

/// The article text with every layer's highlights.
fn text(out: &mut String, doc: &Document, index: &CharIndex) {
    let text = doc.text.as_str();
    let valid = |s: Span| {
        s.start < s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
    };
    let placed: Vec<Placed> = LAYERS
        .iter()
        .enumerate()
        .flat_map(|(layer, l)| (l.highlights)(doc).into_iter().map(move |hl| Placed { layer, hl }))
        .filter(|p| valid(p.hl.span))
        .collect();
    // nesting order: layer, then enclosing before enclosed
    let key = |i: usize| (placed[i].layer, placed[i].hl.span.start, Reverse(placed[i].hl.span.end), i);
    let mut order: Vec<usize> = (0..placed.len()).collect();
    order.sort_by_key(|&i| key(i));
    let mut rank = vec![0; placed.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    let mut by_start = order;
    by_start.sort_by_key(|&i| (placed[i].hl.span.start, rank[i]));

    let mut bounds: Vec<usize> = placed.iter().flat_map(|p| [p.hl.span.start, p.hl.span.end]).collect();
    bounds.extend([0, text.len()]);
    bounds.sort_unstable();
    bounds.dedup();

    let mut active: Vec<usize> = Vec::new(); // covering the current piece, by rank
    let mut open: Vec<usize> = Vec::new(); // elements open, outermost first
    let mut next = 0;
    for w in bounds.windows(2) {
        let (a, b) = (w[0], w[1]);
        active.retain(|&i| placed[i].hl.span.end > a);
        while next < by_start.len() && placed[by_start[next]].hl.span.start <= a {
            let i = by_start[next];
            next += 1;
            let at = active.partition_point(|&j| rank[j] < rank[i]);
            active.insert(at, i);
        }
        let common = open.iter().zip(&active).take_while(|(x, y)| x == y).count();
        for _ in common..open.len() {
            out.push_str("</span>");
        }
        open.truncate(common);
        for &i in &active[common..] {
            let p = &placed[i];
            let cont = if a == p.hl.span.start { "" } else { " cont" };
            let _ = write!(
                out,
                "<span class=\"{}{cont}\" data-layer=\"{}\" data-start=\"{}\" data-end=\"{}\" title=\"{}\">",
                escape(&p.hl.class),
                LAYERS[p.layer].name,
                index.char_of(p.hl.span.start),
                index.char_of(p.hl.span.end),
                escape(&p.hl.title)
            );
            open.push(i);
        }
        escape_into(out, &text[a..b]);
    }
    for _ in open {
        out.push_str("</span>");
    }
}

fn aside(out: &mut String, doc: &Document, index: &CharIndex) {
    out.push_str("<aside class=\"ui\" lang=\"en\" dir=\"ltr\">\n");
    claims_section(out, doc, index);
    framing_section(out, doc, index);
    events_section(out, doc, index);
    entities_section(out, doc);
    tone_section(out, doc);
    repairs_section(out, doc, index);
    out.push_str("<h2>Legend</h2>\n<p class=\"legend\">");
    for layer in LAYERS {
        for s in layer.styles.iter().filter(|s| !s.legend.is_empty()) {
            let class = s.selector.split('.').filter(|c| !c.is_empty()).collect::<Vec<_>>().join(" ");
            let _ = write!(out, "<span class=\"{}\">{}</span>", escape(&class), escape(s.legend));
        }
    }
    out.push_str("</p>\n<p class=\"muted\">Hover over a highlight for what it is, the rule that made it and its confidence. Offsets count characters of the text, as in the JSON output.</p>\n</aside>\n");
}

fn repairs_section(out: &mut String, doc: &Document, index: &CharIndex) {
    let _ = writeln!(out, "<h2>Repairs ({})</h2>", doc.repairs.len());
    if doc.repairs.is_empty() {
        out.push_str("<p class=\"muted\">No repairs suggested.</p>\n");
    } else {
        out.push_str("<table class=\"repairs\">\n<thead><tr><th>#</th><th>Text</th><th>Suggestion</th><th>Kind</th><th>Rule</th><th>Conf.</th><th>Offsets</th></tr></thead>\n<tbody>\n");
        for (i, r) in doc.repairs.iter().enumerate() {
            let suggestion = if r.suggestion.is_empty() {
                "<span class=\"muted\">(delete)</span>".to_owned()
            } else {
                format!("<bdi>{}</bdi>", escape(&r.suggestion))
            };
            let kind = repair_kind_name(r.kind);
            let (start, end) = (index.char_of(r.span.start), index.char_of(r.span.end));
            let _ = writeln!(
                out,
                "<tr data-layer=\"repairs\" data-start=\"{start}\" data-end=\"{end}\"><td>{}</td><td class=\"ar\" dir=\"rtl\"><span class=\"repair repair-{kind}\">{}</span></td><td class=\"ar\" dir=\"rtl\">{suggestion}</td><td>{kind}</td><td class=\"rule\">{}</td><td>{}</td><td>{start}–{end}</td></tr>",
                i + 1,
                escape(doc.slice(r.span)),
                escape(&r.origin.rule),
                format_confidence(r.origin.confidence),
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
}

fn claims_section(out: &mut String, doc: &Document, index: &CharIndex) {
    let _ = writeln!(out, "<h2>Claims, most check-worthy first ({})</h2>", doc.claims.len());
    if doc.claims.is_empty() {
        out.push_str("<p class=\"muted\">No claims.</p>\n");
    } else {
        out.push_str("<table class=\"claims\">\n<thead><tr><th>#</th><th>Claim</th><th>Source</th><th>Score</th><th>Why</th></tr></thead>\n<tbody>\n");
        let mut ranked: Vec<&marsad_core::document::Claim> = doc.claims.iter().collect();
        ranked.sort_by_key(|c| c.rank);
        for c in ranked {
            let text: String = doc.slice(c.span).chars().take(160).collect();
            let flags = [(c.hedged, "hedged"), (c.vague, "vague source")]
                .iter()
                .filter(|f| f.0)
                .map(|f| f.1)
                .collect::<Vec<_>>()
                .join(", ");
            let (start, end) = (index.char_of(c.span.start), index.char_of(c.span.end));
            let _ = writeln!(
                out,
                "<tr data-layer=\"claims\" data-start=\"{start}\" data-end=\"{end}\"><td>{}</td><td class=\"ar\" dir=\"rtl\">{}</td><td class=\"ar\" dir=\"rtl\">{}</td><td>{:.2}</td><td>{}{}</td></tr>",
                c.rank,
                escape(&text),
                escape(&source_words(doc, &c.source)),
                c.checkworthiness,
                escape(&c.reasons.join(" ")),
                if flags.is_empty() { String::new() } else { format!(" <span class=\"muted\">({})</span>", escape(&flags)) },
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
}

fn entities_section(out: &mut String, doc: &Document) {
    let _ = writeln!(out, "<h2>Entities ({})</h2>", doc.entities.len());
    if doc.entities.is_empty() {
        out.push_str("<p class=\"muted\">No named entities.</p>\n");
    } else {
        out.push_str("<table class=\"entities\">\n<thead><tr><th>Id</th><th>Name</th><th>Kind</th><th>Link</th><th>Where</th><th>Mentions</th><th>Rule</th><th>Conf.</th></tr></thead>\n<tbody>\n");
        for e in &doc.entities {
            let place = match (e.coordinates, &e.country) {
                (Some(c), _) => format!("{:.2}, {:.2}", c.lat, c.lon),
                (None, Some(c)) => escape(c),
                _ => String::new(),
            };
            let name_en =
                e.name_en.as_deref().map_or(String::new(), |n| format!(" <span class=\"muted\">{}</span>", escape(n)));
            let roles: String =
                e.roles.iter().map(|r| format!("<br><span class=\"muted\">{}</span>", escape(&r.describe()))).collect();
            let alternatives = if e.alternatives.is_empty() {
                String::new()
            } else {
                let alts: Vec<String> =
                    e.alternatives.iter().map(|a| format!("{} {}", a.name, format_confidence(a.confidence))).collect();
                format!("<br><span class=\"muted\">or {}</span>", escape(&alts.join("; ")))
            };
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td><bdi class=\"ar\" dir=\"rtl\">{}</bdi>{name_en}{roles}</td><td>{}</td><td>{}{alternatives}</td><td>{place}</td><td>{}</td><td class=\"rule\">{}</td><td>{}</td></tr>",
                escape(&e.id),
                escape(&e.name),
                escape(&serde_name(&e.kind)),
                escape(e.link.as_deref().unwrap_or("—")),
                e.mentions.len() + e.references.len(),
                escape(&e.origin.rule),
                format_confidence(e.origin.confidence),
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
}

/// The article's persuasion profile, each technique, and the paragraphs that use them.
fn framing_section(out: &mut String, doc: &Document, index: &CharIndex) {
    let t = &doc.techniques;
    let _ = writeln!(out, "<h2>Persuasion techniques ({} spans)</h2>", t.spans.len());
    let s = &t.summary;
    let _ = writeln!(
        out,
        "<p>{} · {} spans per 100 words · {:.0}% of paragraphs use a technique</p>",
        if s.propagandistic { "<strong>Propagandistic</strong>" } else { "Not judged propagandistic" },
        s.density,
        100.0 * s.paragraph_share
    );
    if s.techniques.is_empty() {
        out.push_str("<p class=\"muted\">No technique found.</p>\n");
        return;
    }
    let taxonomy = marsad_core::taxonomy::Taxonomy::shared();
    out.push_str("<table class=\"techniques\">\n<thead><tr><th>Technique</th><th>Class</th><th>Spans</th><th>Paragraphs</th></tr></thead>\n<tbody>\n");
    for c in &s.techniques {
        let (arabic, what) = taxonomy
            .find(&c.technique)
            .map_or((String::new(), String::new()), |t| (t.arabic.clone(), t.description.clone()));
        let paragraphs: Vec<String> = c.paragraphs.iter().map(|p| (p + 1).to_string()).collect();
        let _ = writeln!(
            out,
            "<tr><td title=\"{}\">{} <bdi class=\"muted\" dir=\"rtl\">{}</bdi></td><td><span class=\"tech tech-{}\">{}</span></td><td>{}</td><td>{}</td></tr>",
            escape(&what),
            escape(&c.technique.replace('_', " ")),
            escape(&arabic),
            escape(&c.class),
            escape(&c.class.replace('_', " ")),
            c.spans,
            escape(&paragraphs.join(", "))
        );
    }
    out.push_str("</tbody>\n</table>\n");
    if !t.paragraphs.is_empty() {
        out.push_str("<table class=\"paragraph-techniques\">\n<thead><tr><th>¶</th><th>Propaganda</th><th>Techniques (confidence)</th></tr></thead>\n<tbody>\n");
        for p in &t.paragraphs {
            let labels: Vec<String> = p
                .techniques
                .iter()
                .map(|l| format!("{} {}", l.technique.replace('_', " "), format_confidence(l.origin.confidence)))
                .collect();
            let (start, end) = (index.char_of(p.span.start), index.char_of(p.span.end));
            let _ = writeln!(
                out,
                "<tr data-layer=\"paragraphs\" data-start=\"{start}\" data-end=\"{end}\"><td>{}</td><td>{:.2}{}</td><td>{}</td></tr>",
                p.paragraph + 1,
                p.propaganda,
                if p.flagged { " ⚑" } else { "" },
                escape(&labels.join(", "))
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
}

/// The events as a table: what, who to whom, how asserted, when and where.
fn events_section(out: &mut String, doc: &Document, index: &CharIndex) {
    let _ = writeln!(out, "<h2>Events ({})</h2>", doc.events.len());
    if doc.events.is_empty() {
        out.push_str("<p class=\"muted\">No events.</p>\n");
        return;
    }
    out.push_str("<table class=\"events\">\n<thead><tr><th>Trigger</th><th>Type</th><th>CAMEO</th><th>Actor</th><th>Recipient</th><th>Modality</th><th>Date</th><th>Place</th><th>Conf.</th></tr></thead>\n<tbody>\n");
    let who = |p: &Option<marsad_core::document::Participant>| {
        p.as_ref().map_or("—".to_owned(), |p| match &p.code {
            Some(c) => {
                format!("<bdi class=\"ar\" dir=\"rtl\">{}</bdi> <code>{}</code>", escape(doc.slice(p.span)), escape(c))
            }
            None => format!("<bdi class=\"ar\" dir=\"rtl\">{}</bdi>", escape(doc.slice(p.span))),
        })
    };
    for e in &doc.events {
        let date = e
            .time
            .and_then(|t| doc.times.get(t))
            .map_or("—".to_owned(), |t| t.value.as_deref().map_or_else(|| escape(doc.slice(t.span)), escape));
        let (start, end) = (index.char_of(e.trigger.span.start), index.char_of(e.trigger.span.end));
        let _ = writeln!(
            out,
            "<tr data-layer=\"events\" data-start=\"{start}\" data-end=\"{end}\"><td><bdi class=\"ar\" dir=\"rtl\">{}</bdi></td><td>{}{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(doc.slice(e.trigger.span)),
            escape(&e.event_type),
            e.mode.as_deref().map_or(String::new(), |m| format!("/{}", escape(m))),
            escape(&e.cameo),
            who(&e.actor),
            who(&e.recipient),
            escape(&serde_name(&e.modality)),
            date,
            escape(e.location.as_deref().unwrap_or("—")),
            format_confidence(e.origin.confidence)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The article's tone and the tone towards each actor.
fn tone_section(out: &mut String, doc: &Document) {
    let a = &doc.tone.article;
    let _ = writeln!(out, "<h2>Tone</h2>");
    let _ = writeln!(
        out,
        "<p>tone {:+.2} · positive {:.2}% · negative {:.2}% · polarity {:.2} · emotional density {:.2} · group references {:.2} per 100 words ({} words)</p>",
        a.tone, a.positive, a.negative, a.polarity, a.emotional_density, a.group_density, a.words
    );
    if doc.tone.actors.is_empty() {
        return;
    }
    out.push_str("<table class=\"actor-tone\">\n<thead><tr><th>Actor</th><th>Tone</th><th>+%</th><th>−%</th><th>Clauses</th><th>Conf.</th></tr></thead>\n<tbody>\n");
    let mut actors: Vec<&marsad_core::document::ActorTone> = doc.tone.actors.iter().collect();
    actors.sort_by(|x, y| x.scores.tone.total_cmp(&y.scores.tone));
    for t in actors {
        let Some(e) = doc.entities.get(t.entity) else { continue };
        let _ = writeln!(
            out,
            "<tr><td>{} <bdi class=\"ar\" dir=\"rtl\">{}</bdi></td><td>{:+.2}</td><td>{:.2}</td><td>{:.2}</td><td>{}</td><td>{}</td></tr>",
            escape(&e.id),
            escape(&e.name),
            t.scores.tone,
            t.scores.positive,
            t.scores.negative,
            t.clauses.len(),
            format_confidence(t.origin.confidence)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;
    use marsad::Pipeline;
    use marsad_core::document::{Metadata, Repair, RepairKind};
    use std::collections::{BTreeMap, BTreeSet};

    const TEXT: &str = "عاجل: الحكومة تعلن خطة جديدة\r\n\r\nقالَ وزيرُ المالية إنّ النمو بلغ ٣٫٥٪ في عام ٢٠٢٢، \
                        وأكد عدةخبراء أن فوستوك2022 تأخر. للمزيد: https://example.com/a?b=1&c=2 أو a@b.org \
                        #اقتصاد @marsad 😀\r\n";

    fn with_repairs(mut doc: Document) -> Document {
        let at = |needle: &str| {
            let s = doc.text.find(needle).unwrap();
            Span::new(s, s + needle.len())
        };
        // the second starts inside a word with clitics and ends outside it
        let mut repairs = vec![
            Repair {
                span: at("عدةخبراء"),
                kind: RepairKind::RunOn,
                suggestion: "عدة خبراء".into(),
                origin: Origin::rule("repairs.run_on", 0.85),
            },
            Repair {
                span: at("حكومة تعلن"),
                kind: RepairKind::Misspelling,
                suggestion: "<b>".into(),
                origin: Origin::rule("repairs.test", 0.5),
            },
            Repair {
                span: at("😀"),
                kind: RepairKind::StrayLetter,
                suggestion: String::new(),
                origin: Origin::rule("repairs.stray", 0.4),
            },
        ];
        repairs.sort_by_key(|r| r.span);
        doc.repairs = repairs;
        doc
    }

    fn doc() -> Document {
        let meta = Metadata {
            title: Some("\"><img src=x onerror=alert(1)>".into()),
            outlet: Some("O'Reilly & <Sons>".into()),
            url: Some("javascript:alert(1)".into()),
            source: Some("<stdin>".into()),
            ..Metadata::default()
        };
        with_repairs(Pipeline::new().analyze(format!("{TEXT}<script>alert(1)</script>"), meta))
    }

    /// The attributes of every `<span` with a `data-layer`, in order.
    fn spans(html: &str) -> Vec<BTreeMap<String, String>> {
        let mut out = Vec::new();
        let mut rest = html;
        while let Some(i) = rest.find("<span ") {
            rest = &rest[i + 6..];
            let tag = &rest[..rest.find('>').unwrap()];
            let mut attrs = BTreeMap::new();
            let mut t = tag;
            while let Some(eq) = t.find("=\"") {
                let name = t[..eq].trim().to_owned();
                let close = t[eq + 2..].find('"').unwrap();
                attrs.insert(name, t[eq + 2..eq + 2 + close].to_owned());
                t = &t[eq + 3 + close..];
            }
            if attrs.contains_key("data-layer") {
                out.push(attrs);
            }
        }
        out
    }

    fn article(html: &str) -> &str {
        let start = html.find("<article").unwrap();
        let start = start + html[start..].find('>').unwrap() + 1;
        &html[start..html.find("</article>").unwrap()]
    }

    /// The text of some markup: tags removed, the five escapes undone. Also checks
    /// that the `<span>`s nest.
    fn strip(markup: &str) -> String {
        let mut out = String::new();
        let mut depth = 0i32;
        let mut rest = markup;
        while let Some(i) = rest.find('<') {
            out.push_str(&rest[..i]);
            let end = rest[i..].find('>').unwrap() + i;
            if rest[i..].starts_with("</span") {
                depth -= 1;
                assert!(depth >= 0, "unbalanced </span>");
            } else {
                assert!(rest[i..].starts_with("<span "), "only spans in the article");
                depth += 1;
            }
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        assert_eq!(depth, 0, "every span is closed");
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    #[test]
    fn page_is_right_to_left_arabic_and_self_contained() {
        let html = render(&with_repairs(Pipeline::new().analyze(TEXT, Metadata::default())));
        assert!(html.starts_with("<!doctype html>\n<html lang=\"ar\" dir=\"rtl\">"));
        assert!(html.contains("dir=\"rtl\""));
        assert!(html.contains("\"Noto Naskh Arabic\", \"Amiri\""));
        for external in ["<link", "src=", "@import", "url(", "<script", "@font-face"] {
            assert!(!html.contains(external), "{external} in the page");
        }
    }

    #[test]
    fn everything_from_the_input_is_escaped() {
        let html = render(&doc());
        assert!(!html.contains("<script"), "raw script from the text");
        assert!(!html.contains("<img"), "raw img from the title");
        assert!(!html.contains("<b>"), "raw markup from a suggestion");
        assert!(!html.contains("<Sons>") && !html.contains("<stdin>"));
        // the 1 is a number token, highlighted
        assert!(html.contains("&lt;script&gt;alert(") && html.contains(")&lt;/script&gt;"));
        assert!(html.contains("<title>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</title>"));
        assert!(html.contains("O&#39;Reilly &amp; &lt;Sons&gt;"));
        assert!(!html.contains("href=\"javascript"), "no link to a javascript: address");
        assert!(html.contains("https://example.com/a?b=1&amp;c=2"));
    }

    #[test]
    fn article_markup_is_well_nested_and_holds_exactly_the_text() {
        for doc in [doc(), Pipeline::new().analyze("", Metadata::default())] {
            let html = render(&doc);
            assert_eq!(strip(article(&html)), doc.text);
        }
    }

    #[test]
    fn crlf_text_renders_with_its_line_breaks() {
        let doc = Pipeline::new().analyze("العنوان\r\n\r\nقال الوزير.\r\nفقرة ثانية.\r\n", Metadata::default());
        let html = render(&doc);
        assert!(article(&html).contains("\r\n\r\n"));
        assert_eq!(strip(article(&html)), doc.text);
        assert_eq!(spans(&html).iter().filter(|s| s["data-layer"] == "sentences").count(), 3);
    }

    #[test]
    fn highlight_offsets_are_the_json_offsets() {
        let doc = doc();
        let html = render(&doc);
        let value = json::to_value(&doc);
        let chars: Vec<char> = doc.text.chars().collect();
        let span_of = |v: &serde_json::Value| {
            (v["span"]["start"].as_u64().unwrap() as usize, v["span"]["end"].as_u64().unwrap() as usize)
        };
        let mut expected: BTreeMap<&str, BTreeSet<(usize, usize)>> = BTreeMap::new();
        for s in value["sentences"].as_array().unwrap() {
            expected.entry("sentences").or_default().insert(span_of(s));
        }
        for t in value["tokens"].as_array().unwrap() {
            if !matches!(t["kind"].as_str().unwrap(), "arabic" | "latin" | "punct" | "symbol") {
                expected.entry("tokens").or_default().insert(span_of(t));
            }
        }
        for c in value["clitics"].as_array().unwrap() {
            expected.entry("clitics").or_default().insert(span_of(c));
            for m in c["morphemes"].as_array().unwrap() {
                expected.entry("clitics").or_default().insert(span_of(m));
            }
        }
        for r in value["repairs"].as_array().unwrap() {
            expected.entry("repairs").or_default().insert(span_of(r));
        }
        for c in value["claims"].as_array().unwrap() {
            expected.entry("claims").or_default().insert(span_of(c));
        }
        for t in value["techniques"]["spans"].as_array().unwrap() {
            expected.entry("techniques").or_default().insert(span_of(t));
        }
        for w in value["tone"]["words"].as_array().unwrap() {
            expected.entry("tone").or_default().insert(span_of(w));
        }
        for e in value["events"].as_array().unwrap() {
            expected.entry("events").or_default().insert(span_of(&e["trigger"]));
        }
        for layer in ["times", "quantities", "quotations", "mentions"] {
            for t in value[layer].as_array().unwrap() {
                expected.entry(layer).or_default().insert(span_of(t));
            }
        }
        let mut seen: BTreeMap<String, BTreeSet<(usize, usize)>> = BTreeMap::new();
        for attrs in spans(article(&html)) {
            let layer = attrs["data-layer"].clone();
            let range = (attrs["data-start"].parse().unwrap(), attrs["data-end"].parse().unwrap());
            assert!(expected[layer.as_str()].contains(&range), "{layer} {range:?} is not a JSON item");
            assert!(!attrs["title"].is_empty());
            seen.entry(layer).or_default().insert(range);
        }
        for (layer, items) in &expected {
            assert_eq!(seen.get(*layer).cloned().unwrap_or_default(), *items, "every {layer} item is highlighted");
        }
        assert!(expected["tokens"].len() >= 6 && expected["repairs"].len() == 3);
        // the overlapping repair is split into pieces, each with the whole offsets
        let partial =
            expected["repairs"].iter().find(|(s, e)| chars[*s..*e].iter().collect::<String>() == "حكومة تعلن");
        let partial = partial.unwrap();
        let pieces = spans(article(&html))
            .into_iter()
            .filter(|a| a["data-layer"] == "repairs" && a["data-start"] == partial.0.to_string())
            .count();
        assert!(pieces >= 2, "a repair crossing a word boundary is cut at it");
    }

    #[test]
    fn entities_table_and_tooltips_show_links_places_and_roles() {
        let text = "وصل وزير الخارجية الأردني سامر الحديدي إلى مدينة وهران في الجزائر.";
        let html = render(&Pipeline::new().analyze(text, Metadata::default()));
        assert!(html.contains("<h2>Entities ("), "{html}");
        assert!(html.contains("country:DZA") && html.contains("Algeria"), "{html}");
        assert!(html.contains("minister, Foreign Affairs, JOR"), "{html}");
        // a place shows its coordinates, a mention's tooltip its entity
        assert!(html.contains("35.") && html.contains("Oran"), "{html}");
        assert!(html.contains("→ E"), "{html}");
    }

    #[test]
    fn quotations_are_highlighted_and_claims_ranked() {
        let text = "وقال الوزير أحمد عطاف إن صادرات الغاز بلغت 20 مليار دولار. وربما تتحسن الأوضاع.";
        let html = render(&Pipeline::new().analyze(text, Metadata::default()));
        assert!(spans(article(&html)).iter().any(|s| s["data-layer"] == "quotations"), "{html}");
        assert!(html.contains("<h2>Claims, most check-worthy first (2)</h2>"), "{html}");
        assert!(html.contains("f=number") || html.contains("f=hedged"), "the model's reasons: {html}");
    }

    #[test]
    fn tooltips_say_what_which_rule_and_how_sure() {
        let html = render(&doc());
        assert!(html.contains("title=\"Repair (run_on): عدةخبراء → عدة خبراء — repairs.run_on 0.85\""), "{html}");
        assert!(html.contains("title=\"percent 3.5% — tokenize.scanner 1.00\""));
        assert!(html.contains("title=\"ال + حكومة — clitics."), "{html}");
        assert!(html.contains("<td class=\"rule\">repairs.stray</td><td>0.40</td>"));
    }

    #[test]
    fn every_layer_has_a_switch_that_styles_it() {
        let html = render(&doc());
        for layer in LAYERS {
            assert!(html.contains(&format!("<input type=\"checkbox\" id=\"layer-{}\" checked>", layer.name)));
            assert!(html.contains(&format!("#layer-{}:checked ~ article", layer.name)));
        }
    }
}
