//! The layers of the HTML page: what each highlights over the text, and how it looks.
//! The tooltips say what [`crate::view`] says of each item, so the page and the text
//! report describe an item in the same words.

use marsad_core::document::{Document, MorphemeRole, SentenceKind, TokenKind};
use marsad_core::span::Span;

use super::provenance;
use crate::view::{self, format_value, segmented, ItemView};

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
    /// Whether it is switched on when the page opens: the few layers a fact-checker
    /// reads first (claims, named entities, events, persuasion techniques), so the
    /// text stays readable; the others are one click away.
    pub on: bool,
    /// How many items of the document it shows (some may have no highlight).
    pub items: fn(&Document) -> usize,
    /// Where the first highlight of item `i` begins at the earliest (bytes of the
    /// text): the page asks for an item's highlights when the text reaches it.
    pub start: fn(&Document, usize) -> usize,
    /// Pushes the highlights of item `i`, in the order they nest.
    pub highlights: fn(&LayerInput, usize, &mut Vec<Highlight>),
    /// How its highlights look.
    pub styles: &'static [LayerStyle],
}

/// The layers, outermost first: where highlights overlap, elements of earlier
/// layers enclose those of later ones.
///
/// A highlight may begin or end inside a word (a clitic, a name after a
/// conjunction), so the styles only paint (colour, background, shadows, lines
/// under the text): a change of font or weight, space at the sides or generated
/// content at such a boundary would make the browser shape the word in pieces and
/// draw its letters unjoined.
pub const LAYERS: &[Layer] = &[
    Layer {
        name: "sentences",
        label: "Sentences",
        on: false,
        items: |d| d.sentences.len(),
        start: |d, i| d.sentences[i].span.start,
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
        on: true,
        items: |d| d.claims.len(),
        start: |d, i| d.claims[i].span.start,
        highlights: claims,
        styles: &[
            LayerStyle { selector: ".claim", css: "box-shadow: inset 0 2px 0 #90a4ae", legend: "claim" },
            LayerStyle { selector: ".claim.claim-top", css: "box-shadow: inset 0 3px 0 #d84315", legend: "claim to check first" },
        ],
    },
    Layer {
        name: "quotations",
        label: "Quotations",
        on: false,
        items: |d| d.quotations.len(),
        start: |d, i| d.quotations[i].span.start,
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
        on: true,
        items: |d| d.techniques.spans.len(),
        start: |d, i| d.techniques.spans[i].span.start,
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
        on: true,
        items: |d| d.events.len(),
        start: |d, i| d.events[i].trigger.span.start,
        highlights: events,
        styles: &[LayerStyle { selector: ".event", css: "outline: 2px dashed #ef6c00; outline-offset: 1px", legend: "event trigger" }],
    },
    Layer {
        name: "mentions",
        label: "Named entities",
        on: true,
        items: |d| d.mentions.len(),
        start: |d, i| d.mentions[i].span.start,
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
        on: false,
        items: |d| d.times.len(),
        start: |d, i| d.times[i].span.start,
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
        on: false,
        items: |d| d.quantities.len(),
        start: |d, i| d.quantities[i].span.start,
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
        on: false,
        items: |d| d.tone.words.len(),
        start: |d, i| d.tone.words[i].span.start,
        highlights: tone,
        styles: &[
            LayerStyle { selector: ".pol.pol-pos", css: "color: #1b7a2a", legend: "positive word" },
            LayerStyle { selector: ".pol.pol-neg", css: "color: #c62828", legend: "negative word" },
        ],
    },
    Layer {
        name: "tokens",
        label: "Numbers, links, tags",
        on: false,
        items: |d| d.tokens.len(),
        start: |d, i| d.tokens[i].span.start,
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
        on: false,
        items: |d| d.clitics.len(),
        start: |d, i| clitic_start(d, i),
        highlights: clitics,
        styles: &[
            LayerStyle { selector: ".cw", css: "box-shadow: inset 0 -1px 0 #80cbc4", legend: "word with clitics" },
            LayerStyle {
                selector: ".morph.clitic",
                css: "color: #00796b; box-shadow: inset 0 -3px 0 #4db6ac",
                legend: "clitic",
            },
        ],
    },
    Layer {
        name: "pos",
        label: "Parts of speech",
        on: false,
        items: |d| d.pos.len(),
        start: |d, i| d.pos[i].span.start,
        highlights: pos,
        styles: &[
            LayerStyle { selector: ".pos.pos-VERB", css: "color: #4527a0", legend: "verb" },
            LayerStyle {
                selector: ".pos.pos-X, .pos.pos-PROPN",
                css: "text-decoration: underline dashed #90a4ae; text-underline-offset: .45em",
                legend: "",
            },
        ],
    },
    Layer {
        name: "repairs",
        label: "Repairs",
        on: false,
        items: |d| d.repairs.len(),
        start: |d, i| d.repairs[i].span.start,
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

/// What the layers read while the page is written: the document, and what is
/// found once for all its items (the entity each mention belongs to).
pub struct LayerInput<'d> {
    /// The document shown.
    pub doc: &'d Document,
    entity_of_mention: Vec<Option<usize>>,
}

impl<'d> LayerInput<'d> {
    /// What the layers of `doc` read.
    pub fn new(doc: &'d Document) -> Self {
        LayerInput { doc, entity_of_mention: view::entity_of_mentions(doc) }
    }
}

/// Where a word with clitics or any of its morphemes begins, whichever is first.
fn clitic_start(doc: &Document, i: usize) -> usize {
    let seg = &doc.clitics[i];
    seg.morphemes.iter().map(|m| m.span.start).fold(seg.span.start, usize::min)
}

/// The `sentences` layer: every sentence, alternating backgrounds.
pub fn sentences(input: &LayerInput, i: usize, out: &mut Vec<Highlight>) {
    let s = &input.doc.sentences[i];
    let kind = sentence_kind_name(s.kind);
    out.push(Highlight {
        span: s.span,
        class: format!("sent {} sent-{kind}", if i % 2 == 0 { "s-a" } else { "s-b" }),
        title: format!("Sentence {} ({kind}){}", i + 1, provenance(&s.origin)),
    });
}

/// The `tokens` layer: the tokens that are not words or punctuation (numbers with
/// their values, percentages, addresses, tags).
pub fn tokens(input: &LayerInput, i: usize, out: &mut Vec<Highlight>) {
    let t = &input.doc.tokens[i];
    if !matches!(
        t.kind,
        TokenKind::Number
            | TokenKind::Percent
            | TokenKind::Url
            | TokenKind::Email
            | TokenKind::Hashtag
            | TokenKind::Mention
    ) {
        return;
    }
    let kind = TokenKind::name(t.kind);
    let value = match t.value.and_then(format_value) {
        Some(v) if t.kind == TokenKind::Percent => format!(" {v}%"),
        Some(v) => format!(" {v}"),
        None => String::new(),
    };
    out.push(Highlight {
        span: t.span,
        class: format!("tok tok-{kind}"),
        title: format!("{kind}{value}{}", provenance(&t.origin)),
    });
}

/// The `clitics` layer: every word with clitics, and inside it its morphemes, the
/// clitics coloured and underlined. Nothing is drawn between them: generated
/// content at a boundary inside a word would break the joining of its letters.
pub fn clitics(input: &LayerInput, i: usize, out: &mut Vec<Highlight>) {
    let doc = input.doc;
    let seg = &doc.clitics[i];
    let summary = format!("{}{}", segmented(doc, seg, " + "), provenance(&seg.origin));
    out.push(Highlight { span: seg.span, class: "cw".to_owned(), title: summary.clone() });
    for m in &seg.morphemes {
        let role = role_name(m.role);
        let clitic = if m.role == MorphemeRole::Stem { "stem" } else { "clitic" };
        out.push(Highlight {
            span: m.span,
            class: format!("morph {clitic} morph-{role}"),
            title: format!("{role} {} · {summary}", doc.slice(m.span)),
        });
    }
}

/// The highlight of an item from its view: the tooltip is `Title (kind): value; notes — rule
/// confidence`.
fn from_view(v: ItemView, title: &str, class: String) -> Highlight {
    Highlight { span: v.span, class, title: format!("{title} ({}): {} — {}", v.kind, v.summary(), v.provenance()) }
}

/// The `mentions` layer: every named entity, coloured by type, with the entity it
/// resolves to and its gazetteer entries in the tooltip.
pub fn mentions(input: &LayerInput, i: usize, out: &mut Vec<Highlight>) {
    let doc = input.doc;
    let v = view::mention(doc, i, input.entity_of_mention[i].map(|e| &doc.entities[e]));
    let class = format!("ent ent-{}", v.kind);
    out.push(from_view(v, "Entity", class));
}

/// The `times` layer: every time expression, with its ISO value, anchor and (for an
/// inferred year) the text it was inferred from.
pub fn times(input: &LayerInput, i: usize, out: &mut Vec<Highlight>) {
    let v = view::time(input.doc, i);
    let inferred = if input.doc.times[i].inferred { " time-inferred" } else { "" };
    let class = format!("time time-{}{inferred}", v.kind);
    out.push(from_view(v, "Time", class));
}

/// The `events` layer: every event trigger, with type, CAMEO code, actor, recipient
/// and modality.
pub fn events(input: &LayerInput, i: usize, out: &mut Vec<Highlight>) {
    out.push(from_view(view::event(input.doc, i), "Event", "event".to_owned()));
}

/// The `claims` layer: every claim with its rank, score, source and reasons; the
/// three most check-worthy stand out.
pub fn claims(input: &LayerInput, i: usize, out: &mut Vec<Highlight>) {
    let v = view::claim(input.doc, i);
    let class = if v.kind == "top" { "claim claim-top" } else { "claim" };
    out.push(from_view(v, "Claim", class.to_owned()));
}

/// The `techniques` layer: every persuasion-technique span, with its class, cues and model.
pub fn techniques(input: &LayerInput, i: usize, out: &mut Vec<Highlight>) {
    let v = view::technique(input.doc, i);
    let class = format!("tech tech-{}", v.value);
    out.push(from_view(v, "Technique", class));
}

/// The `tone` layer: every word of the polarity lexicon, with its weight and modifier.
pub fn tone(input: &LayerInput, i: usize, out: &mut Vec<Highlight>) {
    let v = view::polar_word(input.doc, i);
    let class = format!("pol pol-{}", if v.kind == "positive" { "pos" } else { "neg" });
    out.push(from_view(v, "Tone", class));
}

/// The `quotations` layer: every quotation and report of speech, with its speaker.
pub fn quotations(input: &LayerInput, i: usize, out: &mut Vec<Highlight>) {
    let class = format!("quote quote-{}", serde_kind(&input.doc.quotations[i].kind));
    out.push(from_view(view::quotation(input.doc, i), "Quotation", class));
}

/// The `quantities` layer: every quantity with its value, unit and qualifier.
pub fn quantities(input: &LayerInput, i: usize, out: &mut Vec<Highlight>) {
    let v = view::quantity(input.doc, i);
    let class = format!("qty qty-{}", v.kind);
    out.push(from_view(v, "Quantity", class));
}

/// The `pos` layer: every token and clitic piece, with its part of speech in the tooltip.
pub fn pos(input: &LayerInput, i: usize, out: &mut Vec<Highlight>) {
    let v = view::pos_tag(input.doc, i);
    let class = format!("pos pos-{}", v.kind);
    out.push(from_view(v, "POS", class));
}

/// The `repairs` layer: every suggested repair.
pub fn repairs(input: &LayerInput, i: usize, out: &mut Vec<Highlight>) {
    let v = view::repair(input.doc, i);
    let class = format!("repair repair-{}", v.kind);
    out.push(from_view(v, "Repair", class));
}

fn serde_kind<T: serde::Serialize>(v: &T) -> String {
    marsad_core::names::serde_name(v)
}
