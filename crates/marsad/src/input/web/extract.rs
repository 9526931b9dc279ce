//! The main content of a page: its article text without the page around it.
//!
//! A content-scoring extractor in the manner of Arc90's Readability, on the tree
//! `scraper` (html5ever) builds:
//!
//! 1. **Boilerplate is dropped before scoring.** Elements that never hold an
//!    article's text (`script`, `style`, `nav`, `aside`, `footer`, `header`, forms,
//!    `figcaption`…), hidden ones (`hidden`, `aria-hidden="true"`, `display:none`),
//!    ARIA landmarks of the page around the article (`navigation`, `banner`,
//!    `complementary`, `contentinfo`, `dialog`) and those whose `class` or `id` names
//!    a part of the page around the article (`comments`, `related`, `share`, `ad`,
//!    `cookie`, `sidebar`, `menu`, `byline`…, [`DROP_NAMES`]) are not read at all.
//!    Site templates name these parts in English whatever the language of the page.
//! 2. **Text blocks.** The rest is cut into blocks: the text of a block element
//!    (`p`, `div`, `li`, `h2`…) up to its first block child, with the characters
//!    inside links counted apart, and `<br>` kept as a line break.
//! 3. **Scoring.** Each block of at least [`MIN_SCORED_CHARS`] characters gives its
//!    container (the `p`'s parent, or the `div` that holds the text itself) a score
//!    of 1 + its commas and full stops (Arabic `،` `؛` too: prose has them, menus and
//!    link lists do not) + one point per 100 characters up to 3 — long punctuated
//!    blocks are prose. The grandparent gets half, the next one a third, so that
//!    the element holding all the paragraphs wins over each paragraph's wrapper.
//!    A container's score is then multiplied by (1 − its link density): a list of
//!    headlines is mostly link text, an article body almost none. A class or id
//!    naming the article (`article`, `content`, `story`, `body`…) adds 25.
//! 4. **The main block** is the best-scored container; its siblings join it when
//!    they score at least a fifth of it (an article split by an inline ad), and so do
//!    sibling paragraphs of 80 characters or more with little link text.
//! 5. **Text.** The blocks inside what was chosen, in document order, except those
//!    that are mostly link text (more than half: "read also" lines) and a first
//!    heading that repeats the title; a block per line.
//!
//! Why not a readability crate: `dom_smoothie` (a Readability.js port) was measured
//! on the same Arabic pages and is not used; `docs/ingest.md` gives the figures.

use scraper::node::Node;
use scraper::{ElementRef, Html};

/// Blocks shorter than this (in characters) give no score: captions, datelines
/// and buttons are short; a paragraph of prose is longer.
pub const MIN_SCORED_CHARS: usize = 25;

/// The least a page's main content holds, in letters; less is "no main content".
pub const MIN_CONTENT_LETTERS: usize = 20;

/// Elements that never hold an article's text.
const DROP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "canvas",
    "form",
    "button",
    "select",
    "textarea",
    "input",
    "nav",
    "aside",
    "footer",
    "header",
    "figcaption",
    "object",
    "embed",
    "video",
    "audio",
    "menu",
    "dialog",
    "head",
    "title",
];

/// Words of a `class` or `id` that name a part of the page around the article,
/// whatever else the name says. A name matches when one of its words (split at
/// `-`, `_` and spaces) equals one of these, or starts with one of five letters or more.
pub const ALWAYS_DROP_NAMES: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advert",
    "adsense",
    "sponsor",
    "comment",
    "comments",
    "disqus",
    "related",
    "share",
    "sharing",
    "social",
    "cookie",
    "consent",
    "gdpr",
    "newsletter",
    "subscribe",
    "outbrain",
    "taboola",
    "recommend",
    "popup",
    "modal",
    "breadcrumb",
    "sidebar",
    "navbar",
    "navigation",
    "nav",
    "menu",
    "footer",
];

/// Words of a `class` or `id` that name a part of the page around the article
/// unless the name also names the article: `tags` goes; `article-tags` stays, and its
/// links are dropped later as a block that is mostly link text.
pub const DROP_NAMES: &[&str] = &[
    "promo",
    "banner",
    "widget",
    "masthead",
    "trending",
    "popular",
    "most",
    "byline",
    "author",
    "tags",
    "tag",
    "toolbar",
    "pagination",
    "pager",
    "print",
    "rating",
    "caption",
    "timestamp",
    "published",
    "subscription",
];

/// Words of a `class` or `id` that name the article itself.
const CONTENT_NAMES: &[&str] =
    &["article", "content", "story", "body", "entry", "text", "post", "main", "news", "detail", "details", "matn"];

/// Elements that start a block of text; the others (a, span, b, font…) are inline.
const BLOCK_TAGS: &[&str] = &[
    "html",
    "body",
    "main",
    "article",
    "section",
    "div",
    "p",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "center",
    "address",
    "hr",
    "figure",
    "details",
    "summary",
];

/// Paragraph-like blocks: their score goes to the element around them.
const PARAGRAPH_TAGS: &[&str] = &["p", "li", "blockquote", "pre", "h2", "h3", "h4", "h5", "h6", "dd", "dt"];

/// A block element met in the walk.
#[derive(Debug)]
struct Container {
    parent: Option<usize>,
    tag: String,
    /// +25 when its class or id names the article.
    bonus: f64,
    /// Sum of the scores its blocks gave it.
    score: f64,
    /// Characters of text inside it, and of link text.
    chars: usize,
    link_chars: usize,
}

/// A run of text inside one block element.
#[derive(Debug)]
struct Block {
    /// The container that holds the text.
    owner: usize,
    text: String,
    chars: usize,
    link_chars: usize,
}

/// The page cut into blocks, with their containers.
#[derive(Debug, Default)]
pub(crate) struct Walk {
    containers: Vec<Container>,
    blocks: Vec<Block>,
    /// `<time datetime>` values met, with their container.
    pub(crate) times: Vec<(String, usize)>,
    /// The text of `h1` elements met, with their container.
    pub(crate) headings: Vec<(String, usize)>,
}

/// What [`main_content`] chose.
#[derive(Debug)]
pub(crate) struct Content {
    /// The article's text, a block a line.
    pub text: String,
    /// The containers chosen and every container inside them.
    pub inside: Vec<bool>,
}

fn words_of(name: &str) -> impl Iterator<Item = String> + '_ {
    name.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).map(|w| w.to_ascii_lowercase())
}

fn matches_any(name: &str, list: &[&str]) -> bool {
    words_of(name).any(|w| list.iter().any(|d| w == *d || (d.len() >= 5 && w.starts_with(d))))
}

/// Whether a class or id names a part of the page around the article: a word of
/// [`ALWAYS_DROP_NAMES`], or one of [`DROP_NAMES`] without a word naming the
/// article beside it (`related-articles` goes, `article-meta` stays to be scored).
fn names_boilerplate(name: &str) -> bool {
    matches_any(name, ALWAYS_DROP_NAMES) || (matches_any(name, DROP_NAMES) && !names_content(name))
}

fn names_content(name: &str) -> bool {
    words_of(name).any(|w| CONTENT_NAMES.contains(&w.as_str()))
}

/// Whether an element and all it holds are left out (step 1).
fn dropped(el: &ElementRef<'_>) -> bool {
    let v = el.value();
    let tag = v.name();
    if DROP_TAGS.contains(&tag) {
        return true;
    }
    if v.attr("hidden").is_some() || v.attr("aria-hidden").is_some_and(|a| a.eq_ignore_ascii_case("true")) {
        return true;
    }
    if v.attr("style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    }) {
        return true;
    }
    if v.attr("role").is_some_and(|r| {
        matches!(r.to_ascii_lowercase().as_str(), "navigation" | "banner" | "complementary" | "contentinfo" | "dialog")
    }) {
        return true;
    }
    if matches!(tag, "html" | "body" | "main" | "article") {
        return false;
    }
    v.attr("class").is_some_and(names_boilerplate) || v.id().is_some_and(names_boilerplate)
}

impl Walk {
    /// Cuts the elements under `root` into blocks.
    pub(crate) fn of(root: ElementRef<'_>) -> Walk {
        let mut walk = Walk::default();
        walk.block_element(root, None);
        walk
    }

    fn add_container(&mut self, el: &ElementRef<'_>, parent: Option<usize>) -> usize {
        let v = el.value();
        let named = v.attr("class").is_some_and(names_content) || v.id().is_some_and(names_content);
        let bonus = if named || matches!(v.name(), "article" | "main") { 25.0 } else { 0.0 };
        self.containers.push(Container {
            parent,
            tag: v.name().to_owned(),
            bonus,
            score: 0.0,
            chars: 0,
            link_chars: 0,
        });
        self.containers.len() - 1
    }

    fn block_element(&mut self, el: ElementRef<'_>, parent: Option<usize>) {
        let me = self.add_container(&el, parent);
        let mut run = Run::default();
        for child in el.children() {
            match child.value() {
                Node::Text(t) => run.push(t, false),
                Node::Element(_) => {
                    let child = ElementRef::wrap(child).expect("an element");
                    if dropped(&child) {
                        continue;
                    }
                    let name = child.value().name();
                    if name == "br" {
                        run.text.push('\n');
                    } else if BLOCK_TAGS.contains(&name) {
                        self.flush(&mut run, me);
                        self.block_element(child, Some(me));
                    } else {
                        self.inline_element(child, &mut run, me, false);
                    }
                }
                _ => {}
            }
        }
        self.flush(&mut run, me);
        if el.value().name() == "h1" {
            let text = collapse(&el.text().collect::<String>());
            self.headings.push((text, me));
        }
    }

    fn inline_element(&mut self, el: ElementRef<'_>, run: &mut Run, owner: usize, in_link: bool) {
        let name = el.value().name();
        // text inside <time> counts as link text: a date line is not prose
        let in_link = in_link || name == "a" || name == "time";
        if name == "time" {
            if let Some(dt) = el.value().attr("datetime") {
                self.times.push((dt.to_owned(), owner));
            }
        }
        for child in el.children() {
            match child.value() {
                Node::Text(t) => run.push(t, in_link),
                Node::Element(_) => {
                    let child = ElementRef::wrap(child).expect("an element");
                    if dropped(&child) {
                        continue;
                    }
                    let child_name = child.value().name();
                    if child_name == "br" {
                        run.text.push('\n');
                    } else if BLOCK_TAGS.contains(&child_name) {
                        // a block inside an inline element (<a><div>…</div></a>): a block of its own
                        self.flush(run, owner);
                        self.block_element(child, Some(owner));
                    } else {
                        self.inline_element(child, run, owner, in_link);
                    }
                }
                _ => {}
            }
        }
    }

    fn flush(&mut self, run: &mut Run, owner: usize) {
        let text = lines(&run.text);
        let link_chars = run.link_chars;
        *run = Run::default();
        if text.is_empty() {
            return;
        }
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        let mut at = Some(owner);
        while let Some(i) = at {
            self.containers[i].chars += chars;
            self.containers[i].link_chars += link_chars.min(chars);
            at = self.containers[i].parent;
        }
        self.blocks.push(Block { owner, text, chars, link_chars: link_chars.min(chars) });
    }

    /// Whether container `i` is `ancestor` or inside it.
    fn within(&self, mut i: usize, ancestor: usize) -> bool {
        loop {
            if i == ancestor {
                return true;
            }
            match self.containers[i].parent {
                Some(p) => i = p,
                None => return false,
            }
        }
    }

    fn link_density(&self, i: usize) -> f64 {
        let c = &self.containers[i];
        if c.chars == 0 {
            0.0
        } else {
            c.link_chars as f64 / c.chars as f64
        }
    }

    /// The main content (steps 3 to 5); `None` when the page has none.
    pub(crate) fn main_content(&mut self, title: Option<&str>) -> Option<Content> {
        for block in &self.blocks {
            if block.chars < MIN_SCORED_CHARS {
                continue;
            }
            let punctuation = block.text.chars().filter(|c| matches!(c, ',' | '،' | '؛' | '.')).count();
            let score = 1.0 + punctuation as f64 + (block.chars as f64 / 100.0).min(3.0);
            let owner = block.owner;
            let first = if PARAGRAPH_TAGS.contains(&self.containers[owner].tag.as_str()) {
                self.containers[owner].parent
            } else {
                Some(owner)
            };
            let mut at = first;
            for level in 0..3 {
                let Some(i) = at else { break };
                self.containers[i].score += score / (level as f64 + 1.0);
                at = self.containers[i].parent;
            }
        }
        let final_score = |w: &Walk, i: usize| {
            let c = &w.containers[i];
            if c.score == 0.0 {
                return 0.0;
            }
            (c.score + c.bonus) * (1.0 - w.link_density(i))
        };
        let top = (0..self.containers.len())
            .filter(|&i| self.containers[i].score > 0.0)
            .max_by(|&a, &b| final_score(self, a).total_cmp(&final_score(self, b)))?;
        let top_score = final_score(self, top);
        let mut chosen = vec![top];
        if let Some(parent) = self.containers[top].parent {
            for i in 0..self.containers.len() {
                if i == top || self.containers[i].parent != Some(parent) {
                    continue;
                }
                let long_paragraph =
                    self.containers[i].tag == "p" && self.containers[i].chars >= 80 && self.link_density(i) < 0.25;
                if final_score(self, i) >= (top_score * 0.2).max(10.0) || long_paragraph {
                    chosen.push(i);
                }
            }
        }
        let inside: Vec<bool> = (0..self.containers.len()).map(|i| chosen.iter().any(|&c| self.within(i, c))).collect();
        let mut out: Vec<&str> = Vec::new();
        for block in &self.blocks {
            if !inside[block.owner] || block.link_chars * 2 > block.chars {
                continue;
            }
            if out.is_empty() && title.is_some_and(|t| same_words(t, &block.text)) {
                continue;
            }
            out.push(&block.text);
        }
        let text = out.join("\n");
        if text.chars().filter(|c| c.is_alphabetic()).count() < MIN_CONTENT_LETTERS {
            return None;
        }
        Some(Content { text, inside })
    }

    /// Whether container `i` was chosen as (part of) the main content.
    pub(crate) fn is_inside(content: &Content, i: usize) -> bool {
        content.inside.get(i).copied().unwrap_or(false)
    }

    /// Every block that is not mostly link text, a block a line: the text of a
    /// fragment (a feed item's HTML), where everything given is the article.
    fn all_text(&self) -> String {
        let blocks: Vec<&str> =
            self.blocks.iter().filter(|b| b.link_chars * 2 <= b.chars).map(|b| b.text.as_str()).collect();
        blocks.join("\n")
    }
}

/// Text met between two block boundaries.
#[derive(Default)]
struct Run {
    text: String,
    link_chars: usize,
}

impl Run {
    fn push(&mut self, text: &str, in_link: bool) {
        if in_link {
            self.link_chars += text.chars().filter(|c| !c.is_whitespace()).count();
        }
        // a line end in the markup is white space; only <br> breaks a line
        self.text.extend(text.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }));
    }
}

/// White space collapsed as a browser shows it (a run of spaces, tabs and line
/// ends is one space), control characters dropped, ends trimmed.
pub(crate) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else if !c.is_control() {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// The lines of a run (`<br>` breaks kept), each collapsed, empty ones dropped.
fn lines(s: &str) -> String {
    let parts: Vec<String> = s.split('\n').map(collapse).filter(|l| !l.is_empty()).collect();
    parts.join("\n")
}

/// Whether two strings have the same words (a heading repeating the title).
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect::<Vec<_>>()
    };
    let (wa, wb) = (words(a), words(b));
    !wa.is_empty() && wa == wb
}

/// The text of an HTML fragment (a feed item's content or description): every
/// block that is not boilerplate or mostly links, a block a line. Plain text
/// (no markup) comes back with its white space collapsed.
pub fn fragment_text(html: &str) -> String {
    let doc = Html::parse_fragment(html);
    Walk::of(doc.root_element()).all_text()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_names_are_read_word_by_word() {
        for name in ["comments", "related-articles", "ad-slot", "share_buttons", "cookie-banner", "advertisement-top"] {
            assert!(names_boilerplate(name), "{name}");
        }
        for name in ["article-body", "header-title-wrapper-x", "shadow", "addon", "reading", "article-tags-x"] {
            assert!(!names_boilerplate(name), "{name}");
        }
    }

    #[test]
    fn fragments_keep_their_paragraphs_and_drop_scripts() {
        let text = fragment_text("<p>الفقرة الأولى</p><script>x()</script><p>الفقرة <b>الثانية</b><br>سطر</p>");
        assert_eq!(text, "الفقرة الأولى\nالفقرة الثانية\nسطر");
        assert_eq!(fragment_text("نص   بلا\nوسوم"), "نص بلا وسوم");
    }
}
