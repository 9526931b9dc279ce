//! Numbers in digits, in words, and mixed (`23 مليار`, `خمسة وعشرون`, `ثلاثة آلاف`).

use super::lexicon::{NumClass, QuantityLexicon};
use marsad_core::document::{Token, TokenKind};
use marsad_core::phrases::stems;

/// A number found in the tokens.
#[derive(Clone, Debug, PartialEq)]
pub struct NumberMatch {
    /// Its first token.
    pub start: usize,
    /// One past its last token.
    pub end: usize,
    /// Bytes of proclitics stripped from the first token (`و` of `وثلاثة`).
    pub stripped: usize,
    /// Its value; `None` when it cannot be represented (an overflowing number).
    pub value: Option<f64>,
    /// True when it is written (at least partly) in words.
    pub words: bool,
    /// True when the first token is digits.
    pub digits: bool,
    /// True when the digits stand in parentheses that the match takes in, with the
    /// scale word, currency or unit after them: `(360) مليون دينار`, `(1 ترليون) ريال`.
    /// The `(` is the token before `start`.
    pub paren: bool,
}

/// A number word: its value and class, with proclitics and the article removed
/// from the first word of a number (`والثلاثة`) and only the conjunction from the
/// others (`وعشرون`).
fn number_word(lex: &QuantityLexicon, tok: &Token, first: bool) -> Option<(usize, f64, NumClass)> {
    if tok.kind != TokenKind::Arabic {
        return None;
    }
    for (stripped, s) in stems(&tok.key) {
        if !first && stripped > 0 && !(tok.key.starts_with('و') && stripped == 2) {
            continue;
        }
        let bare = if first { s.strip_prefix("ال").filter(|r| r.chars().count() >= 2).unwrap_or(&s) } else { &s };
        if let Some(&(v, c)) = lex.numbers.get(bare) {
            return Some((stripped, v, c));
        }
    }
    None
}

/// The number starting at token `i`, if any.
pub fn parse(tokens: &[Token], i: usize, lex: &QuantityLexicon) -> Option<NumberMatch> {
    let tok = tokens.get(i)?;
    if tok.kind == TokenKind::Number {
        let mut value = tok.value.filter(|v| v.is_finite());
        let mut j = i + 1;
        if let Some(v) = reversed_decimal(tokens, i) {
            value = Some(v);
            j = i + 3;
        }
        let open = i > 0 && is_punct(&tokens[i - 1], "(");
        let mut paren = false;
        let mut words = false;
        let mut last_scale = None;
        loop {
            let t = tokens.get(j);
            // (360,000,000) مليون، (1 ترليون) ريال: the closing parenthesis, when words follow
            if open && !paren && t.is_some_and(|t| is_punct(t, ")")) {
                if tokens.get(j + 1).is_some_and(|n| n.kind == TokenKind::Arabic) {
                    paren = true;
                    j += 1;
                    continue;
                }
                break;
            }
            // 23 مليار، 2.5 مليون، 3 آلاف
            if let Some((0, v, NumClass::Scale)) = t.and_then(|t| number_word(lex, t, false)) {
                value = value.map(|x| x * v);
                last_scale = Some(v);
                j += 1;
                words = true;
                continue;
            }
            break;
        }
        // 16 ألفا و513، 3 ملايين وخمسمائة ألف: the rest of the number after و
        if let (Some(scale), Some(v)) = (last_scale, value) {
            if let Some((rest, end)) = and_rest(tokens, j, lex).filter(|(r, _)| *r < scale) {
                value = Some(v + rest);
                j = end;
            }
        }
        return Some(NumberMatch {
            start: i,
            end: j,
            stripped: 0,
            value: value.filter(|v| v.is_finite()),
            words,
            digits: true,
            paren,
        });
    }
    let (stripped, v0, c0) = number_word(lex, tok, true)?;
    // عشر starts a number only before the noun it counts (عشر سنوات، عشر دقائق: ten,
    // with a feminine noun); أحد and إحدى alone mean "someone", "one of"
    if c0 == NumClass::TeenTen {
        let counts_next =
            tokens.get(i + 1).is_some_and(|t| t.kind == TokenKind::Arabic && number_word(lex, t, false).is_none());
        if tok.key != "عشر" || !counts_next {
            return None;
        }
        let value = Some(10.0);
        return Some(NumberMatch {
            start: i,
            end: i + 1,
            stripped: 0,
            value,
            words: true,
            digits: false,
            paren: false,
        });
    }
    let bare = marsad_core::phrases::without_article(&tok.key[stripped..]);
    if (bare == "احد" || bare == "احدي") && !tokens.get(i + 1).is_some_and(|t| is_teen_ten(lex, t)) {
        return None;
    }
    let mut total = 0.0f64;
    let mut current = 0.0f64;
    let add = |v: f64, c: NumClass, total: &mut f64, current: &mut f64| match c {
        NumClass::Unit | NumClass::Ten | NumClass::Fraction => *current += v,
        NumClass::TeenTen => *current += 10.0,
        NumClass::Hundred => {
            if *current > 0.0 && *current < 10.0 && v == 100.0 {
                *current *= 100.0
            } else {
                *current += v
            }
        }
        NumClass::Scale => {
            let m = if *current == 0.0 { 1.0 } else { *current };
            *total += m * v;
            *current = 0.0;
        }
        NumClass::Dual => *total += v,
    };
    add(v0, c0, &mut total, &mut current);
    let mut j = i + 1;
    let mut last = c0;
    while let Some(t) = tokens.get(j) {
        let Some((s, v, c)) = number_word(lex, t, false) else { break };
        let joined_by_and = s == 2;
        let ok = if joined_by_and {
            // خمسة وعشرون، ثلاثمائة وخمسون، ألف وخمسمائة
            matches!(c, NumClass::Unit | NumClass::Ten | NumClass::Hundred | NumClass::Scale | NumClass::Dual)
        } else {
            // خمسة عشر، ثلاثة آلاف، ثلاث مئة، نصف مليون
            matches!(
                (last, c),
                (NumClass::Unit, NumClass::TeenTen) | (_, NumClass::Scale) | (NumClass::Unit, NumClass::Hundred)
            ) && last != NumClass::Scale
        };
        if !ok {
            break;
        }
        add(v, c, &mut total, &mut current);
        last = c;
        j += 1;
    }
    let mut value = total + current;
    // مليون و800 ألف، مليونين و500 ألف: digits after و complete a number ending in a
    // scale word (its dual too)
    if matches!(last, NumClass::Scale | NumClass::Dual) {
        let scale = tokens[j - 1..j].first().and_then(|t| number_word(lex, t, j - 1 == i)).map_or(0.0, |(_, v, c)| {
            if c == NumClass::Dual {
                v / 2.0
            } else {
                v
            }
        });
        if let Some((rest, end)) = and_rest(tokens, j, lex).filter(|(r, _)| *r < scale) {
            value += rest;
            j = end;
        }
    }
    Some(NumberMatch {
        start: i,
        end: j,
        stripped,
        value: value.is_finite().then_some(value),
        words: true,
        digits: false,
        paren: false,
    })
}

fn is_punct(t: &Token, mark: &str) -> bool {
    t.kind == TokenKind::Punct && t.norm == mark
}

/// The number after و at token `j` that completes a number ending in a scale word
/// (16 ألفا و513، ألف وخمسمائة): its value and one past it. و is written alone before
/// digits (the tokenizer splits و513) or on a number word (وخمسمائة).
fn and_rest(tokens: &[Token], j: usize, lex: &QuantityLexicon) -> Option<(f64, usize)> {
    let t = tokens.get(j)?;
    if t.kind == TokenKind::Arabic && t.key == "و" {
        tokens.get(j + 1).filter(|n| n.kind == TokenKind::Number)?;
        let m = parse(tokens, j + 1, lex).filter(|m| !m.paren)?;
        return Some((m.value.filter(|v| v.fract() == 0.0 || m.words)?, m.end));
    }
    if t.kind == TokenKind::Arabic && t.key.starts_with('و') {
        let m = parse(tokens, j, lex).filter(|m| m.stripped == 2 && !m.digits)?;
        return Some((m.value?, m.end));
    }
    None
}

/// The ordinal at token `i` (its proclitics allowed) and one past its last token: a
/// listed ordinal (الأول، الثالثة، الحادي عشر), made a teen by عشر or عشرة after it
/// (السابع عشر = 17, الرابعة عشرة = 14), or joined by و to a ten with the article
/// (السادس والعشرين = 26, الحادي والثلاثين = 31).
pub fn ordinal(tokens: &[Token], i: usize, lex: &QuantityLexicon) -> Option<(f64, usize)> {
    let m = lex.ordinals.find(tokens, i, true)?;
    let (mut value, mut end) = (*m.value, m.end);
    if m.end == i + 1 && (1.0..=9.0).contains(&value) {
        let next = tokens.get(end).filter(|t| t.kind == TokenKind::Arabic);
        if let Some(t) = next {
            if t.key == "عشر" || t.key == "عشره" {
                value += 10.0;
                end += 1;
            } else if let Some(ten) = t.key.strip_prefix("وال").and_then(|r| lex.numbers.get(r)) {
                if ten.1 == NumClass::Ten {
                    value += ten.0;
                    end += 1;
                }
            }
        }
    }
    Some((value, end))
}

/// The Maghrebi agency notation of a decimal, `5ر11779` for 11779.5: the fraction,
/// the letter ر, the integer part, written without spaces (and shown right to left
/// as 11779ر5).
fn reversed_decimal(tokens: &[Token], i: usize) -> Option<f64> {
    let (frac, sep, int) = (tokens.get(i)?, tokens.get(i + 1)?, tokens.get(i + 2)?);
    let plain = |t: &Token| t.kind == TokenKind::Number && t.norm.bytes().all(|b| b.is_ascii_digit());
    if !(plain(frac) && plain(int) && sep.key == "ر" && sep.joined && int.joined) {
        return None;
    }
    format!("{}.{}", int.norm, frac.norm).parse().ok()
}

fn is_teen_ten(lex: &QuantityLexicon, t: &Token) -> bool {
    matches!(number_word(lex, t, false), Some((0, _, NumClass::TeenTen)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize::scan;
    use marsad_core::normalize::NormalizedView;

    fn value(text: &str) -> Option<(f64, usize)> {
        let lex = QuantityLexicon::embedded();
        let toks = scan(&NormalizedView::new(text));
        parse(&toks, 0, &lex).and_then(|m| m.value.map(|v| (v, m.end)))
    }

    #[test]
    fn maghrebi_reversed_decimal() {
        assert_eq!(value("5ر11779 مليون دينار"), Some((11_779.5 * 1e6, 4)));
        assert_eq!(value("5 ر 11779"), Some((5.0, 1)));
    }

    #[test]
    fn ten_alone_before_its_noun() {
        assert_eq!(value("عشر سنوات"), Some((10.0, 1)));
        assert_eq!(value("عشر"), None);
        assert_eq!(value("خمسة عشر"), Some((15.0, 2)));
    }

    #[test]
    fn number_words_and_compounds() {
        assert_eq!(value("ثلاثة"), Some((3.0, 1)));
        assert_eq!(value("خمسة وعشرون"), Some((25.0, 2)));
        assert_eq!(value("خمسة وعشرين"), Some((25.0, 2)));
        assert_eq!(value("ثلاثمائة"), Some((300.0, 1)));
        assert_eq!(value("ثلاث مئة وخمسون"), Some((350.0, 3)));
        assert_eq!(value("خمسة عشر"), Some((15.0, 2)));
        assert_eq!(value("ثلاثة آلاف"), Some((3000.0, 2)));
        assert_eq!(value("ألف"), Some((1000.0, 1)));
        assert_eq!(value("مليونين"), Some((2e6, 1)));
        assert_eq!(value("نصف مليون"), Some((5e5, 2)));
        assert_eq!(value("ألف وخمسمائة"), Some((1500.0, 2)));
        assert_eq!(value("أحد عشر"), Some((11.0, 2)));
        assert_eq!(value("أحد"), None);
        assert_eq!(value("الثلاثة"), Some((3.0, 1)));
    }

    #[test]
    fn digits_with_scale_words() {
        assert_eq!(value("23 مليار"), Some((23e9, 2)));
        assert_eq!(value("2.5 مليون"), Some((2.5e6, 2)));
        assert_eq!(value("٣ آلاف"), Some((3000.0, 2)));
    }

    #[test]
    fn compound_ordinals() {
        let lex = QuantityLexicon::embedded();
        let ord = |text: &str| ordinal(&scan(&NormalizedView::new(text)), 0, &lex);
        assert_eq!(ord("السابع عشر برصيد 20 نقطة"), Some((17.0, 2)));
        assert_eq!(ord("الرابعة عشرة من النظام"), Some((14.0, 2)));
        assert_eq!(ord("للسادس والعشرين من سبتمبر"), Some((26.0, 2)));
        assert_eq!(ord("الحادي والثلاثين من ديسمبر"), Some((31.0, 2)));
        assert_eq!(ord("الثالث من نوفمبر"), Some((3.0, 1)));
        // a ten without the article is another number (الخامس وعشرون does not occur)
        assert_eq!(ord("الثاني وعشرين"), Some((2.0, 1)));
    }

    #[test]
    fn overflowing_numbers_have_no_value() {
        let text = format!("{} مليار", "9".repeat(400));
        assert_eq!(value(&text), None);
        let lex = QuantityLexicon::embedded();
        let toks = scan(&NormalizedView::new(&text));
        assert_eq!(parse(&toks, 0, &lex).map(|m| m.end), Some(2));
    }
}
