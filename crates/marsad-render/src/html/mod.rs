//! The self-contained HTML report: one right-to-left page, no network, no script.
//!
//! The article text is shown as published, with the layers highlighted over it.
//! Each layer is one function producing [`Highlight`]s (a span, CSS classes and
//! a tooltip) and one entry in [`LAYERS`] (its name, label and CSS): adding a
//! layer is adding those two. The page is written as it is made (see [`write`] and
//! the `article` module): a long article's page is never held whole. Every
//! element carries `data-layer`, `data-start` and `data-end` (the character
//! offsets of the whole highlighted item, as in the JSON output) and a `title`.
//!
//! Layers are switched on and off with checkboxes and CSS alone (`:checked ~`),
//! so the page works without JavaScript and prints as shown. Everything from the
//! input (text, metadata) is escaped.

use std::fmt::Write;

use marsad_core::document::{Document, Origin, TokenKind};
use marsad_core::span::CharIndex;
use marsad_core::SCHEMA_VERSION;

/// The fonts Arabic text is set in, best first.
pub const ARABIC_FONTS: &str =
    r#""Noto Naskh Arabic", "Amiri", "Scheherazade New", "Geeza Pro", "Traditional Arabic", "Tahoma", serif"#;

/// What the page may load and run: nothing but its own inline style sheet. No
/// script, no fonts, images or frames from anywhere, no form or base address, so
/// even markup that escaped escaping could not run or reach the network.
pub const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const BASE_CSS: &str = include_str!("report.css");

mod article;
mod layers;
mod sections;
mod sink;

pub use layers::{Highlight, Layer, LayerInput, LayerStyle, LAYERS};
use sink::Sink;

use crate::view::format_confidence;

/// The report as one self-contained HTML page.
pub fn render(doc: &Document) -> String {
    let mut out = Vec::with_capacity(doc.text.len() * 8 + 8192);
    write(doc, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("the page is UTF-8")
}

/// [`render`] written to `w` as it is made, a stretch of the article or a table
/// row at a time, so that the page of a long article is never held whole (give it
/// a buffered writer).
///
/// # Errors
///
/// The writer's errors.
pub fn write(doc: &Document, w: &mut impl std::io::Write) -> std::io::Result<()> {
    let mut out = Sink::new(w);
    page(&mut out, doc, article::STRETCH);
    out.finish()
}

/// The page, the article highlighted `stretch` bytes of text at a time.
fn page(out: &mut Sink, doc: &Document, stretch: usize) {
    let index = CharIndex::new(&doc.text);
    let title = doc.meta.title.as_deref().unwrap_or("marsad report");
    out.push_str("<!doctype html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(out, "<meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"marsad\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    out.push_str("<style>\n");
    out.push_str(BASE_CSS);
    layer_css(out);
    out.push_str("</style>\n</head>\n<body>\n");
    header(out, doc);
    // The article first, at a readable measure; its switches just above it (the
    // layers on by default first), the tables below it at the page's full width.
    out.push_str("<main class=\"view\">\n");
    for layer in LAYERS.iter().filter(|l| l.on).chain(LAYERS.iter().filter(|l| !l.on)) {
        let _ = writeln!(
            out,
            "<input type=\"checkbox\" id=\"layer-{0}\"{2}><label for=\"layer-{0}\" class=\"ui\" lang=\"en\" dir=\"ltr\">{1}</label>",
            layer.name,
            escape(layer.label),
            if layer.on { " checked" } else { "" }
        );
    }
    out.push_str("<article class=\"text\" lang=\"ar\" dir=\"rtl\">");
    article::write(out, doc, &index, stretch);
    out.push_str("</article>\n</main>\n");
    sections::aside(out, doc, &index);
    out.push_str("</body>\n</html>\n");
}

/// Escapes text for HTML content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

/// Writes `s` escaped: runs of plain text at once, each of the five markup
/// characters as its entity, a NUL (which HTML does not allow) as U+FFFD.
fn escape_into(out: &mut impl Write, s: &str) {
    let mut rest = s;
    while let Some(i) = rest.find(['&', '<', '>', '"', '\'', '\0']) {
        let _ = out.write_str(&rest[..i]);
        let _ = out.write_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => "\u{FFFD}",
        });
        rest = &rest[i + 1..];
    }
    let _ = out.write_str(rest);
}

/// ` — rule confidence`, the end of every tooltip.
fn provenance(origin: &Origin) -> String {
    format!(" — {} {}", origin.rule, format_confidence(origin.confidence))
}

/// The CSS of every layer, each rule applied while the layer's switch is on (and
/// always to the legend and the repairs table).
fn layer_css(out: &mut Sink) {
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

/// The title, where the article comes from, and what went wrong reading it.
fn header(out: &mut Sink, doc: &Document) {
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

/// What the analysis read: source, language, encoding, counts and schema, at the end of the panel.
fn about(out: &mut Sink, doc: &Document) {
    let m = &doc.meta;
    out.push_str("<h2>About this analysis</h2>\n<dl class=\"meta\">\n");
    let mut field = |name: &str, value: String| {
        let _ = writeln!(out, "<dt>{name}</dt><dd>{value}</dd>");
    };
    let bdi = |s: &str| format!("<bdi>{}</bdi>", escape(s));
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;
    use marsad::Pipeline;
    use marsad_core::document::{Metadata, Repair, RepairKind};
    use marsad_core::span::Span;
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
    fn a_content_security_policy_forbids_script_and_loads_before_anything_else() {
        let html = render(&doc());
        let head = &html[..html.find("</head>").unwrap()];
        let csp =
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';";
        let at = head.find(csp).expect("a Content-Security-Policy meta tag");
        assert_eq!(head.matches("Content-Security-Policy").count(), 1);
        // it applies only to what follows it: before the title, the style sheet and the body
        assert!(at < head.find("<title>").unwrap() && at < head.find("<style>").unwrap());
        assert!(!CONTENT_SECURITY_POLICY.contains("script-src") && !CONTENT_SECURITY_POLICY.contains("http"));
    }

    #[test]
    fn everything_from_the_input_is_escaped() {
        let html = render(&doc());
        assert!(!html.contains("<script"), "raw script from the text");
        assert!(!html.contains("<img"), "raw img from the title");
        assert!(!html.contains("<b>"), "raw markup from a suggestion");
        assert!(!html.contains("<Sons>") && !html.contains("<stdin>"));
        // every token is highlighted (parts of speech): look at the text between the tags
        let mut bare = String::new();
        let mut rest = article(&html);
        while let Some(i) = rest.find('<') {
            bare.push_str(&rest[..i]);
            rest = &rest[i + rest[i..].find('>').unwrap() + 1..];
        }
        bare.push_str(rest);
        assert!(bare.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{bare}");
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

    /// The page written `stretch` bytes of the article at a time.
    fn page_in_stretches(doc: &Document, stretch: usize) -> String {
        let mut bytes = Vec::new();
        let mut out = Sink::new(&mut bytes);
        page(&mut out, doc, stretch);
        out.finish().unwrap();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn where_the_stretches_of_text_end_changes_nothing() {
        let example = include_str!("../../../../examples/01_ziyara_rasmiya.txt");
        for doc in [doc(), Pipeline::new().analyze(example, Metadata::default())] {
            let whole = page_in_stretches(&doc, usize::MAX);
            assert_eq!(whole, render(&doc));
            for stretch in [1, 2, 3, 7, 16, 100, 333, 1000] {
                assert_eq!(page_in_stretches(&doc, stretch), whole, "{stretch} bytes at a time");
            }
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
        for p in value["pos"].as_array().unwrap() {
            expected.entry("pos").or_default().insert(span_of(p));
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
        assert!(html.contains("title=\"Repair (run_on): → عدة خبراء — repairs.run_on 0.85\""), "{html}");
        assert!(html.contains("title=\"percent 3.5% — tokenize.scanner 1.00\""));
        assert!(html.contains("title=\"ال + حكومة — clitics."), "{html}");
        assert!(html.contains("<td class=\"rule\">repairs.stray</td><td class=\"nw\">0.40</td>"));
    }

    #[test]
    fn layer_styles_never_change_how_a_word_is_shaped() {
        // A highlight can start inside a word (ال|وزير, استقالت|ه, س|يغادر): its style
        // may paint but not change the font or add anything at its sides, or the
        // browser shapes the word in pieces and its letters lose their joining.
        let shaping = [
            "font",
            "letter-spacing",
            "word-spacing",
            "content",
            "margin",
            "padding:",
            "padding-left",
            "padding-right",
            "padding-inline",
            "border:",
            "border-left",
            "border-right",
            "border-inline",
            "display",
        ];
        for layer in LAYERS.iter().filter(|l| l.name != "sentences") {
            for s in layer.styles {
                for property in shaping {
                    assert!(!s.css.contains(property), "{} {}: {}", layer.name, s.selector, s.css);
                }
            }
        }
        // nor does the page draw anything between the parts of a word
        let html = render(&doc());
        for rule in html.lines().filter(|l| l.starts_with("#layer-")) {
            assert!(!rule.contains("::before") && !rule.contains("::after") && !rule.contains("\\200D"), "{rule}");
        }
    }

    #[test]
    fn side_tables_scroll_in_a_frame_and_never_break_words() {
        let html = render(&doc());
        let tables = html.matches("<table").count();
        assert!(tables >= 4, "{html}");
        assert_eq!(html.matches("<div class=\"scroll\"><table").count(), tables, "every table in a scrolling frame");
        assert_eq!(html.matches("</table></div>").count(), tables);
        assert!(BASE_CSS.contains(".scroll { overflow-x: auto"));
        // breaking anywhere lets a squeezed table cut words in two (الإنسا/ن)
        assert!(!BASE_CSS.contains("anywhere") && !BASE_CSS.contains("break-all"));
    }

    #[test]
    fn every_layer_has_a_switch_that_styles_it() {
        let html = render(&doc());
        for layer in LAYERS {
            let on = if layer.on { " checked" } else { "" };
            assert!(html.contains(&format!("<input type=\"checkbox\" id=\"layer-{}\"{on}>", layer.name)));
            assert!(html.contains(&format!("#layer-{}:checked ~ article", layer.name)));
        }
    }

    #[test]
    fn the_article_comes_first_with_a_few_layers_on() {
        let html = render(&doc());
        // a fact-checker's first look: claims, names, events and persuasion, the rest a click away
        let on: BTreeSet<&str> = LAYERS.iter().filter(|l| l.on).map(|l| l.name).collect();
        assert_eq!(on, BTreeSet::from(["claims", "events", "mentions", "techniques"]));
        assert_eq!(html.matches(" checked>").count(), 4);
        let switches: Vec<usize> =
            LAYERS.iter().map(|l| html.find(&format!("id=\"layer-{}\"", l.name)).unwrap()).collect();
        let last_on = LAYERS.iter().zip(&switches).filter(|(l, _)| l.on).map(|(_, &at)| at).max().unwrap();
        let first_off = LAYERS.iter().zip(&switches).filter(|(l, _)| !l.on).map(|(_, &at)| at).min().unwrap();
        assert!(last_on < first_off, "the switches that are on come first");
        // the article is read before the tables, which sit below it rather than beside it
        let (article, aside) = (html.find("<article").unwrap(), html.find("<aside").unwrap());
        assert!(html.find("<main").unwrap() < article && article < aside);
        assert!(!BASE_CSS.contains("grid-template-columns: minmax(0, 3fr)"), "no two-column layout");
        assert!(BASE_CSS.contains("header, main.view { max-width: 44rem;"), "a readable measure");
        // the details of the run close the panel
        assert!(html.find("<h2>About this analysis</h2>").unwrap() > html.find("<h2>Entities").unwrap());
    }
}
