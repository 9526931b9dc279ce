//! The panel below the article: ranked claims, events, entities, persuasion
//! profile, tone and repairs as tables, each in a frame that scrolls sideways
//! rather than squeeze its words.

use std::fmt::Write;

use marsad_core::document::Document;
use marsad_core::names::serde_name;
use marsad_core::span::CharIndex;

use super::escape;
use super::sink::Sink;
use super::LAYERS;
use crate::view::{format_confidence, repair_kind_name, source_words};

pub(super) fn aside(out: &mut Sink, doc: &Document, index: &CharIndex) {
    out.push_str("<aside class=\"ui\" lang=\"en\" dir=\"ltr\">\n");
    claims_section(out, doc, index);
    events_section(out, doc, index);
    entities_section(out, doc);
    framing_section(out, doc, index);
    tone_section(out, doc);
    repairs_section(out, doc, index);
    out.push_str("<h2>Legend</h2>\n<p class=\"legend\">");
    for layer in LAYERS {
        for s in layer.styles.iter().filter(|s| !s.legend.is_empty()) {
            let class = s.selector.split('.').filter(|c| !c.is_empty()).collect::<Vec<_>>().join(" ");
            let _ = write!(out, "<span class=\"{}\">{}</span>", escape(&class), escape(s.legend));
        }
    }
    out.push_str("</p>\n<p class=\"muted\">Hover over a highlight for what it is, the rule that made it and its confidence. Offsets count characters of the text, as in the JSON output.</p>\n");
    super::about(out, doc);
    out.push_str("</aside>\n");
}

fn repairs_section(out: &mut Sink, doc: &Document, index: &CharIndex) {
    let _ = writeln!(out, "<h2>Repairs ({})</h2>", doc.repairs.len());
    if doc.repairs.is_empty() {
        out.push_str("<p class=\"muted\">No repairs suggested.</p>\n");
    } else {
        out.push_str("<div class=\"scroll\"><table class=\"repairs\">\n<thead><tr><th>#</th><th>Text</th><th>Suggestion</th><th>Kind</th><th>Rule</th><th>Conf.</th><th>Offsets</th></tr></thead>\n<tbody>\n");
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
                "<tr data-layer=\"repairs\" data-start=\"{start}\" data-end=\"{end}\"><td>{}</td><td class=\"ar\" dir=\"rtl\"><span class=\"repair repair-{kind}\">{}</span></td><td class=\"ar\" dir=\"rtl\">{suggestion}</td><td>{kind}</td><td class=\"rule\">{}</td><td class=\"nw\">{}</td><td class=\"nw\">{start}–{end}</td></tr>",
                i + 1,
                escape(doc.slice(r.span)),
                escape(&r.origin.rule),
                format_confidence(r.origin.confidence),
            );
        }
        out.push_str("</tbody>\n</table></div>\n");
    }
}

fn claims_section(out: &mut Sink, doc: &Document, index: &CharIndex) {
    let _ = writeln!(out, "<h2>Claims, most check-worthy first ({})</h2>", doc.claims.len());
    if doc.claims.is_empty() {
        out.push_str("<p class=\"muted\">No claims.</p>\n");
    } else {
        out.push_str("<div class=\"scroll\"><table class=\"claims\">\n<thead><tr><th>#</th><th>Claim</th><th>Source</th><th>Score</th><th>Why</th></tr></thead>\n<tbody>\n");
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
                "<tr data-layer=\"claims\" data-start=\"{start}\" data-end=\"{end}\"><td>{}</td><td class=\"ar\" dir=\"rtl\">{}</td><td class=\"ar\" dir=\"rtl\">{}</td><td class=\"nw\">{:.2}</td><td>{}{}</td></tr>",
                c.rank,
                escape(&text),
                escape(&source_words(doc, &c.source)),
                c.checkworthiness,
                c.reasons.iter().map(|r| format!("<span class=\"nw\">{}</span>", escape(r))).collect::<Vec<_>>().join(" "),
                if flags.is_empty() { String::new() } else { format!(" <span class=\"muted\">({})</span>", escape(&flags)) },
            );
        }
        out.push_str("</tbody>\n</table></div>\n");
    }
}

fn entities_section(out: &mut Sink, doc: &Document) {
    let _ = writeln!(out, "<h2>Entities ({})</h2>", doc.entities.len());
    if doc.entities.is_empty() {
        out.push_str("<p class=\"muted\">No named entities.</p>\n");
    } else {
        out.push_str("<div class=\"scroll\"><table class=\"entities\">\n<thead><tr><th>Id</th><th>Name</th><th>Kind</th><th>Link</th><th>Where</th><th>Mentions</th><th>Rule</th><th>Conf.</th></tr></thead>\n<tbody>\n");
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
                "<tr><td class=\"nw\">{}</td><td><bdi class=\"ar\" dir=\"rtl\">{}</bdi>{name_en}{roles}</td><td class=\"nw\">{}</td><td><span class=\"nw\">{}</span>{alternatives}</td><td class=\"nw\">{place}</td><td>{}</td><td class=\"rule\">{}</td><td class=\"nw\">{}</td></tr>",
                escape(&e.id),
                escape(&e.name),
                escape(&serde_name(&e.kind)),
                escape(e.link.as_deref().unwrap_or("—")),
                e.mentions.len() + e.references.len(),
                escape(&e.origin.rule),
                format_confidence(e.origin.confidence),
            );
        }
        out.push_str("</tbody>\n</table></div>\n");
    }
}

/// The article's persuasion profile, each technique, and the paragraphs that use them.
fn framing_section(out: &mut Sink, doc: &Document, index: &CharIndex) {
    let t = &doc.techniques;
    let _ = writeln!(out, "<h2>Persuasion techniques ({} spans)</h2>", t.spans.len());
    let s = &t.summary;
    let _ = writeln!(
        out,
        "<p>{} · {} spans per 100 words · {:.0}% of paragraphs use a technique{}</p>",
        if s.propagandistic { "<strong>Propagandistic</strong>" } else { "Not judged propagandistic" },
        s.density,
        100.0 * s.paragraph_share,
        s.percentile
            .map_or(String::new(), |p| format!(" · overall persuasion {}", escape(&crate::view::percentile_phrase(p))))
    );
    profile_chart(out, s);
    if s.techniques.is_empty() {
        out.push_str("<p class=\"muted\">No technique found.</p>\n");
        return;
    }
    let taxonomy = marsad_core::taxonomy::Taxonomy::shared();
    out.push_str("<div class=\"scroll\"><table class=\"techniques\">\n<thead><tr><th>Technique</th><th>Class</th><th>Spans</th><th>Paragraphs</th></tr></thead>\n<tbody>\n");
    for c in &s.techniques {
        let (arabic, what) = taxonomy
            .find(&c.technique)
            .map_or((String::new(), String::new()), |t| (t.arabic.clone(), t.description.clone()));
        let paragraphs: Vec<String> = c.paragraphs.iter().map(|p| (p + 1).to_string()).collect();
        let _ = writeln!(
            out,
            "<tr><td title=\"{}\"><span class=\"nw\">{}</span> <bdi class=\"muted\" dir=\"rtl\">{}</bdi></td><td><span class=\"tech tech-{}\">{}</span></td><td>{}</td><td>{}</td></tr>",
            escape(&what),
            escape(&c.technique.replace('_', " ")),
            escape(&arabic),
            escape(&c.class),
            escape(&c.class.replace('_', " ")),
            c.spans,
            escape(&paragraphs.join(", "))
        );
    }
    out.push_str("</tbody>\n</table></div>\n");
    if !t.paragraphs.is_empty() {
        out.push_str("<div class=\"scroll\"><table class=\"paragraph-techniques\">\n<thead><tr><th>¶</th><th>Propaganda</th><th>Techniques (confidence)</th></tr></thead>\n<tbody>\n");
        for p in &t.paragraphs {
            let labels: Vec<String> = p
                .techniques
                .iter()
                .map(|l| {
                    let label = format!("{} {}", l.technique.replace('_', " "), format_confidence(l.origin.confidence));
                    format!("<span class=\"nw\">{}</span>", escape(&label))
                })
                .collect();
            let (start, end) = (index.char_of(p.span.start), index.char_of(p.span.end));
            let _ = writeln!(
                out,
                "<tr data-layer=\"paragraphs\" data-start=\"{start}\" data-end=\"{end}\"><td>{}</td><td>{:.2}{}</td><td>{}</td></tr>",
                p.paragraph + 1,
                p.propaganda,
                if p.flagged { " ⚑" } else { "" },
                labels.join(", ")
            );
        }
        out.push_str("</tbody>\n</table></div>\n");
    }
}

/// The article against ordinary news: one bar per measure (overall, then each technique
/// with a reference), the shaded band the middle half of news (25th–75th percentile),
/// the mark the article's percentile. Inline SVG: no script, within the page's policy.
fn profile_chart(out: &mut impl Write, s: &marsad_core::document::Summary) {
    let mut rows: Vec<(String, f32, f32)> = Vec::new();
    if let Some(p) = s.percentile {
        rows.push(("Overall".to_owned(), s.persuasion_density, p));
    }
    for c in &s.techniques {
        if let Some(p) = c.percentile {
            rows.push((c.technique.replace('_', " "), c.density, p));
        }
    }
    if rows.is_empty() {
        return;
    }
    let (label_w, bar_w, row_h) = (230.0, 300.0, 22.0);
    let height = row_h * rows.len() as f32 + 24.0;
    let _ = writeln!(
        out,
        "<figure class=\"profile\"><svg role=\"img\" aria-label=\"Persuasion profile against ordinary news\" width=\"{}\" height=\"{height}\" viewBox=\"0 0 {} {height}\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"12\">",
        label_w + bar_w + 150.0,
        label_w + bar_w + 150.0
    );
    for (i, (name, density, p)) in rows.iter().enumerate() {
        let y = i as f32 * row_h + 4.0;
        let x = label_w + bar_w * p / 100.0;
        let _ = writeln!(
            out,
            "<text x=\"0\" y=\"{}\">{}</text><rect x=\"{label_w}\" y=\"{}\" width=\"{bar_w}\" height=\"8\" fill=\"#eee\"/><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"8\" fill=\"#ccc\"/><rect x=\"{}\" y=\"{}\" width=\"4\" height=\"16\" fill=\"{}\"/><text x=\"{}\" y=\"{}\">{} ({density:.2} per 100 words)</text>",
            y + 12.0,
            escape(name),
            y + 4.0,
            label_w + bar_w * 0.25,
            y + 4.0,
            bar_w * 0.5,
            x - 2.0,
            y,
            if *p > 75.0 { "#b00" } else { "#333" },
            label_w + bar_w + 8.0,
            y + 12.0,
            escape(&crate::view::percentile_phrase(*p).replace(" of news", ""))
        );
    }
    let _ = writeln!(
        out,
        "<text x=\"{label_w}\" y=\"{}\" class=\"muted\">0</text><text x=\"{}\" y=\"{}\">100th percentile of ordinary news; grey band: its middle half</text></svg></figure>",
        height - 4.0,
        label_w + bar_w - 10.0,
        height - 4.0
    );
}

/// The events as a table: what, who to whom, how asserted, when and where.
fn events_section(out: &mut Sink, doc: &Document, index: &CharIndex) {
    let _ = writeln!(out, "<h2>Events ({})</h2>", doc.events.len());
    if doc.events.is_empty() {
        out.push_str("<p class=\"muted\">No events.</p>\n");
        return;
    }
    out.push_str("<div class=\"scroll\"><table class=\"events\">\n<thead><tr><th>Trigger</th><th>Type</th><th>CAMEO</th><th>Actor</th><th>Recipient</th><th>Modality</th><th>Date</th><th>Place</th><th>Conf.</th></tr></thead>\n<tbody>\n");
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
            "<tr data-layer=\"events\" data-start=\"{start}\" data-end=\"{end}\"><td><bdi class=\"ar\" dir=\"rtl\">{}</bdi></td><td class=\"nw\">{}{}</td><td class=\"nw\">{}</td><td>{}</td><td>{}</td><td class=\"nw\">{}</td><td class=\"nw\">{}</td><td>{}</td><td class=\"nw\">{}</td></tr>",
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
    out.push_str("</tbody>\n</table></div>\n");
}

/// The article's tone and the tone towards each actor.
fn tone_section(out: &mut Sink, doc: &Document) {
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
    out.push_str("<div class=\"scroll\"><table class=\"actor-tone\">\n<thead><tr><th>Actor</th><th>Tone</th><th>+%</th><th>−%</th><th>Clauses</th><th>Conf.</th></tr></thead>\n<tbody>\n");
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
    out.push_str("</tbody>\n</table></div>\n");
}
