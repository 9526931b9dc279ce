//! Paragraphs: runs of sentences between paragraph breaks (see [`LineMode`]).

use crate::text::layout::LineMode;
use marsad_core::document::{Document, Origin, Paragraph};
use marsad_core::span::Span;

/// The stage: adds [`Document::paragraphs`].
pub fn split(doc: &mut Document) {
    let mode = LineMode::of(&doc.text);
    let rule = match mode {
        LineMode::LinePerParagraph => "paragraphs.line",
        LineMode::HardWrapped => "paragraphs.blank_line",
    };
    let mut out = Vec::new();
    let mut first = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        let ends = match doc.sentences.get(i + 1) {
            None => true,
            Some(next) => mode.breaks_paragraph(&doc.text[s.span.end..next.span.start]),
        };
        if ends {
            out.push(Paragraph {
                span: Span::new(doc.sentences[first].span.start, s.span.end),
                first_sentence: first,
                end_sentence: i + 1,
                origin: Origin::rule(rule, 0.9),
            });
            first = i + 1;
        }
    }
    doc.paragraphs = out;
}

#[cfg(test)]
mod tests {
    use crate::{Metadata, Pipeline};

    #[test]
    fn one_paragraph_per_line_and_per_block() {
        let text = "العنوان\n\nالجملة الأولى. الجملة الثانية.\nفقرة ثانية.";
        let doc = Pipeline::new().analyze_through(text, Metadata::default(), "paragraphs");
        let paras: Vec<_> = doc.paragraphs.iter().map(|p| p.span.slice(text)).collect();
        assert_eq!(paras, vec!["العنوان", "الجملة الأولى. الجملة الثانية.", "فقرة ثانية."]);
        assert_eq!(doc.paragraphs[1].end_sentence - doc.paragraphs[1].first_sentence, 2);
    }
}
