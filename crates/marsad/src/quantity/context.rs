//! Numbers that are not quantities, told by the words and marks around them
//! (`docs/annotation/time_quantities.md`, "Not quantities"): list markers, numbers of
//! articles, laws and lines, telephone numbers, model numbers and names.

use super::lexicon::{NotQuantity, QuantityLexicon};
use marsad_core::document::{Document, Token, TokenKind};

/// True when token `i` starts a line (or the text).
pub(super) fn line_start(doc: &Document, i: usize) -> bool {
    i == 0 || doc.text.get(doc.tokens[i - 1].span.end..doc.tokens[i].span.start).is_some_and(|gap| gap.contains('\n'))
}

fn punct(t: Option<&Token>, marks: &[&str]) -> bool {
    t.is_some_and(|t| t.kind == TokenKind::Punct && marks.contains(&t.norm.as_str()))
}

/// The role in `not_quantities.tsv` of token `k`.
pub(super) fn role(doc: &Document, lex: &QuantityLexicon, k: usize) -> Option<NotQuantity> {
    let t = doc.tokens.get(k)?;
    lex.not_quantity(t, doc.slice(t.span))
}

/// A word that joins the items of a list of numbers: و (written alone before a
/// number glued to it), a comma, a dash or a slash.
fn list_joint(t: &Token) -> bool {
    (t.kind == TokenKind::Arabic && t.key == "و") || punct(Some(t), &[",", "،", "-", "–", "/"])
}

/// When the digits at token `i` are not a quantity, one past the tokens to skip:
/// - a list marker: a number opening a line, followed by `.`, `-` or `)` (`6.`);
/// - a number after a word of `not_quantities.tsv` marked `identifier` (المادة 2،
///   الفصل (201)، الأمر عدد 4522، الهاتف 0112…), and the numbers listed after it
///   (الفصول 201 و202 و204), and a law's number before لسنة and its year;
/// - a telephone number: eight digits or more (or six with a leading 0) that no
///   currency, unit or scale word follows, and digits in three dotted groups
///   (71.960.448);
/// - a model or flight number glued by a dash to a name (اف-16، اتش-370).
///
/// `listed` is the first token after the last identifier skipped and the joints that
/// follow it: a number there continues the list.
pub(super) fn skip_number(doc: &Document, lex: &QuantityLexicon, i: usize, listed: &mut usize) -> Option<usize> {
    let toks = &doc.tokens;
    let t = &toks[i];
    if t.kind != TokenKind::Number {
        return None;
    }
    let next = toks.get(i + 1);
    // 6. / 6- / 6) opening a line
    if line_start(doc, i) && punct(next, &[".", "-", "–", ")"]) && next.is_some_and(|n| n.joined) {
        return Some(i + 1);
    }
    let before = match i.checked_sub(1) {
        Some(k) if punct(toks.get(k), &["("]) => k.checked_sub(1),
        k => k,
    };
    let identifier = *listed == i
        || before.is_some_and(|k| role(doc, lex, k) == Some(NotQuantity::Identifier))
        || (toks.get(i + 1).is_some_and(|n| n.kind == TokenKind::Arabic && (n.key == "لسنه" || n.key == "لعام"))
            && toks.get(i + 2).is_some_and(|y| y.kind == TokenKind::Number && y.norm.len() == 4));
    if identifier {
        let mut e = i + 1;
        if punct(toks.get(e), &[")"]) {
            e += 1;
        }
        while toks.get(e).is_some_and(list_joint) && toks.get(e + 1).is_some_and(|n| n.kind == TokenKind::Number) {
            e += 1;
        }
        *listed = e;
        return Some(i + 1);
    }
    let digits = t.norm.bytes().all(|b| b.is_ascii_digit());
    if digits && (t.norm.len() >= 8 || (t.norm.starts_with('0') && t.norm.len() >= 6)) {
        let measured = next.is_some_and(|n| {
            n.kind == TokenKind::Arabic
                && (lex.currency(&n.key).is_some()
                    || lex.units.contains_key(n.key.as_str())
                    || lex.numbers.get(n.key.as_str()).is_some_and(|(_, c)| *c == super::lexicon::NumClass::Scale))
        });
        if t.norm.starts_with('0') || !measured {
            return Some(i + 1);
        }
    }
    // 71.960.448
    if t.norm.contains('.')
        && punct(next, &["."])
        && next.is_some_and(|n| n.joined)
        && toks.get(i + 2).is_some_and(|n| n.kind == TokenKind::Number && n.joined)
    {
        return Some(i + 3);
    }
    // اف-16
    if t.joined
        && i >= 2
        && punct(toks.get(i - 1), &["-", "–"])
        && toks[i - 1].joined
        && matches!(toks[i - 2].kind, TokenKind::Arabic | TokenKind::Latin)
    {
        return Some(i + 1);
    }
    None
}

/// True when the word at token `i` (a dual noun, or an ordinal ending before token
/// `ordinal_end`) is part of a name: after آل، بن، أبو (آل ثاني، أبو سهمين); for an
/// ordinal also after a noun whose ordinal makes a fixed name (الدرجة الأولى، الوزير
/// الأول) or an identifier (المادة الرابعة عشرة), or before أكسيد (ثاني أكسيد).
pub(super) fn in_name(doc: &Document, lex: &QuantityLexicon, i: usize, ordinal_end: Option<usize>) -> bool {
    let prev = i.checked_sub(1).and_then(|k| role(doc, lex, k));
    if prev == Some(NotQuantity::NameHead) {
        return true;
    }
    ordinal_end.is_some_and(|end| {
        matches!(prev, Some(NotQuantity::OrdinalName | NotQuantity::Identifier))
            || role(doc, lex, end) == Some(NotQuantity::OrdinalNameAfter)
    })
}
