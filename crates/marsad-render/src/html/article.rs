//! The article text with every layer's highlights, written a stretch of text at a
//! time.
//!
//! The text is cut at every boundary of every highlight and each piece is wrapped
//! in the highlights covering it, outermost layer first, reusing the elements still
//! open from the piece before; so highlights of different layers may overlap
//! freely and the markup stays well nested. Only the highlights that begin in the
//! current stretch of text, or that cover it, are held: the layers make the
//! highlights of an item when the text reaches it, and the page of a long article
//! is never held whole. Where the stretches end changes nothing in the markup.

use std::cmp::Reverse;
use std::fmt::Write;

use marsad_core::document::Document;
use marsad_core::span::{CharIndex, Span};

use super::escape_into;
use super::layers::{Highlight, LayerInput, LAYERS};
use super::sink::Sink;

/// How much text (bytes) is highlighted at a time.
pub(super) const STRETCH: usize = 1 << 16;

/// A highlight placed in the page: its layer, its item, and its place among the
/// item's highlights.
struct Placed {
    layer: usize,
    item: usize,
    sub: usize,
    hl: Highlight,
}

impl Placed {
    /// The nesting order: layer, then enclosing before enclosed, then the layer's
    /// own order.
    fn rank(&self) -> (usize, usize, Reverse<usize>, usize, usize) {
        (self.layer, self.hl.span.start, Reverse(self.hl.span.end), self.item, self.sub)
    }

    fn id(&self) -> (usize, usize, usize) {
        (self.layer, self.item, self.sub)
    }
}

/// A layer's items in the order of where they begin, and how many were made.
struct Cursor {
    /// The items by start, when the document does not keep them so.
    order: Option<Vec<usize>>,
    len: usize,
    next: usize,
}

impl Cursor {
    fn item(&self, k: usize) -> usize {
        self.order.as_ref().map_or(k, |o| o[k])
    }
}

/// Writes the article text with the highlights of every layer, `stretch` bytes of
/// text at a time.
pub(super) fn write(out: &mut Sink, doc: &Document, index: &CharIndex, stretch: usize) {
    let text = doc.text.as_str();
    let valid = |s: Span| {
        s.start < s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
    };
    let input = LayerInput::new(doc);
    let mut cursors: Vec<Cursor> = LAYERS
        .iter()
        .map(|l| {
            let len = (l.items)(doc);
            let sorted = (1..len).all(|i| (l.start)(doc, i - 1) <= (l.start)(doc, i));
            let order = (!sorted).then(|| {
                let mut order: Vec<usize> = (0..len).collect();
                order.sort_by_key(|&i| (l.start)(doc, i));
                order
            });
            Cursor { order, len, next: 0 }
        })
        .collect();

    let mut made: Vec<Highlight> = Vec::new();
    let mut pending: Vec<Placed> = Vec::new(); // made, beginning after the stretch
    let mut active: Vec<Placed> = Vec::new(); // covering the current piece, by rank
    let mut open: Vec<(usize, usize, usize)> = Vec::new(); // elements open, outermost first
    let mut from = 0;
    while from < text.len() {
        let mut to = from.saturating_add(stretch.max(1)).min(text.len());
        while !text.is_char_boundary(to) {
            to += 1;
        }
        // the highlights of every item that may begin before the stretch ends
        for (layer, (l, c)) in LAYERS.iter().zip(&mut cursors).enumerate() {
            while c.next < c.len {
                let item = c.item(c.next);
                if (l.start)(doc, item) >= to {
                    break;
                }
                c.next += 1;
                (l.highlights)(&input, item, &mut made);
                pending.extend(made.drain(..).enumerate().filter(|(_, hl)| valid(hl.span)).map(|(sub, hl)| Placed {
                    layer,
                    item,
                    sub,
                    hl,
                }));
            }
        }
        let (mut starting, later): (Vec<Placed>, Vec<Placed>) = pending.drain(..).partition(|p| p.hl.span.start < to);
        pending = later;
        starting.sort_by_key(|p| (p.hl.span.start, p.rank()));

        let mut bounds: Vec<usize> = starting
            .iter()
            .flat_map(|p| [p.hl.span.start, p.hl.span.end])
            .chain(active.iter().map(|p| p.hl.span.end))
            .filter(|&b| from < b && b < to)
            .collect();
        bounds.extend([from, to]);
        bounds.sort_unstable();
        bounds.dedup();

        let mut starting = starting.into_iter().peekable();
        for w in bounds.windows(2) {
            let (a, b) = (w[0], w[1]);
            active.retain(|p| p.hl.span.end > a);
            while let Some(p) = starting.next_if(|p| p.hl.span.start <= a) {
                let at = active.partition_point(|q| q.rank() < p.rank());
                active.insert(at, p);
            }
            let common = open.iter().zip(&active).take_while(|(id, p)| **id == p.id()).count();
            for _ in common..open.len() {
                out.push_str("</span>");
            }
            open.truncate(common);
            for p in &active[common..] {
                let cont = if a == p.hl.span.start { "" } else { " cont" };
                let _ = write!(
                    out,
                    "<span class=\"{}{cont}\" data-layer=\"{}\" data-start=\"{}\" data-end=\"{}\" title=\"",
                    super::escape(&p.hl.class),
                    LAYERS[p.layer].name,
                    index.char_of(p.hl.span.start),
                    index.char_of(p.hl.span.end),
                );
                escape_into(out, &p.hl.title);
                out.push_str("\">");
                open.push(p.id());
            }
            escape_into(out, &text[a..b]);
        }
        from = to;
    }
    for _ in open {
        out.push_str("</span>");
    }
}
