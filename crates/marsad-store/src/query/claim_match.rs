//! Matching the claims of different outlets: two claims say the same thing when
//! their words overlap enough, or overlap somewhat and share a number, a name or a
//! quotation (the checkable core of a claim: "killed 12", "said Zarif", «…»).
//!
//! Words are the search analyzer's terms (normalised, clitics split, lightly
//! stemmed), without the function words that every sentence has; the similarity
//! is their Jaccard index. Numbers are compared as written in ASCII digits, names
//! as filters compare names, quotations as their normalised words.

use std::collections::BTreeSet;

use crate::search::analyzer::terms;
use crate::search::filter_key;

/// Words that every claim has, whatever it says: they would make unrelated claims alike.
const FUNCTION_WORDS: &[&str] = &[
    "في",
    "من",
    "على",
    "الى",
    "الي",
    "عن",
    "ان",
    "او",
    "ما",
    "لا",
    "لم",
    "لن",
    "قد",
    "كان",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "التي",
    "الذي",
    "الذين",
    "مع",
    "بين",
    "كل",
    "قال",
    "اكد",
    "اضاف",
    "وقال",
    "حيث",
    "بعد",
    "قبل",
    "عند",
    "هو",
    "هي",
    "انه",
    "انها",
    "الا",
    "غير",
    "ثم",
    "اذا",
    "منذ",
    "خلال",
    "ضد",
    "عبر",
    "حول",
    "لدي",
    "لدى",
    "هناك",
    "تم",
    "يتم",
];

/// A match needs at least this Jaccard index of words when nothing checkable is shared…
pub const ALONE: f64 = 0.5;
/// …and at least this one with a shared number, name or quotation.
pub const WITH_SHARED: f64 = 0.2;

/// What a claim is compared by.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClaimFeatures {
    /// Its content words' terms.
    pub words: BTreeSet<String>,
    /// The numbers it states.
    pub numbers: BTreeSet<String>,
    /// The names it mentions (keys of the given names found in it).
    pub names: BTreeSet<String>,
    /// Its quotations, normalised.
    pub quotes: BTreeSet<String>,
    /// The names and quotations as written, by key, to show what is shared.
    shown: Vec<(String, String)>,
}

/// Two claims that say the same thing.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimMatch {
    /// The Jaccard index of their words.
    pub similarity: f64,
    /// The numbers, names and quotations they share, as the first writes them.
    pub shared: Vec<String>,
}

/// The features of a claim's text; `names` are the names of the entities of its
/// article (a name counts when the claim holds it).
pub fn features(text: &str, names: &[String]) -> ClaimFeatures {
    let mut f = ClaimFeatures::default();
    for t in terms(text) {
        let word = &text[t.start..t.end];
        if t.text.chars().any(|c| c.is_ascii_digit()) {
            let digits: String = t.text.chars().filter(|c| c.is_ascii_digit() || *c == '.' || *c == '%').collect();
            f.shown.push((digits.clone(), word.to_owned()));
            f.numbers.insert(digits);
        } else if t.text.chars().count() > 2 && !FUNCTION_WORDS.contains(&filter_key(word).as_str()) {
            f.words.insert(t.text);
        }
    }
    let key = format!(" {} ", filter_key(text));
    for name in names {
        let k = filter_key(name);
        if k.chars().count() > 2 && (key.contains(&format!(" {k} ")) || key.contains(&format!("ال{k} "))) {
            f.shown.push((k.clone(), name.clone()));
            f.names.insert(k);
        }
    }
    for q in quotations(text) {
        let k = filter_key(q);
        if k.split(' ').count() >= 3 {
            f.shown.push((k.clone(), format!("«{}»", q.trim())));
            f.quotes.insert(k);
        }
    }
    f
}

/// The stretches of a text between quotation marks (« », “ ”, " ").
fn quotations(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for (open, close) in [('«', '»'), ('“', '”'), ('"', '"')] {
        let mut rest = text;
        while let Some(s) = rest.find(open) {
            let after = &rest[s + open.len_utf8()..];
            let Some(e) = after.find(close) else { break };
            out.push(&after[..e]);
            rest = &after[e + close.len_utf8()..];
        }
    }
    out
}

/// Whether two claims say the same thing, and what they share.
pub fn compare(a: &ClaimFeatures, b: &ClaimFeatures) -> Option<ClaimMatch> {
    let union = a.words.union(&b.words).count();
    if union == 0 {
        return None;
    }
    let similarity = a.words.intersection(&b.words).count() as f64 / union as f64;
    let mut shared_keys: Vec<&String> = a.numbers.intersection(&b.numbers).collect();
    shared_keys.extend(a.names.intersection(&b.names));
    shared_keys
        .extend(a.quotes.iter().filter(|q| b.quotes.iter().any(|r| r.contains(q.as_str()) || q.contains(r.as_str()))));
    let matched = similarity >= ALONE || (similarity >= WITH_SHARED && !shared_keys.is_empty());
    if !matched {
        return None;
    }
    let mut shared: Vec<String> = Vec::new();
    for k in shared_keys {
        let shown = a.shown.iter().find(|(key, _)| key == k).map_or_else(|| k.clone(), |(_, s)| s.clone());
        if !shared.contains(&shown) {
            shared.push(shown);
        }
    }
    Some(ClaimMatch { similarity: (similarity * 100.0).round() / 100.0, shared })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(text: &str) -> ClaimFeatures {
        features(text, &["محمد جواد ظريف".to_owned(), "طهران".to_owned()])
    }

    #[test]
    fn the_same_claim_in_other_words_matches_with_what_it_shares() {
        let a = f("قال ظريف إن المفاوضات النووية مع القوى الكبرى ستستأنف في 25 تموز");
        let b = f("أكد محمد جواد ظريف أن مفاوضات طهران النووية مع القوى الكبرى تستأنف يوم 25 يوليو");
        let m = compare(&a, &b).expect("a match");
        assert!(m.similarity >= WITH_SHARED, "{m:?}");
        assert!(m.shared.iter().any(|s| s == "25"), "{m:?}");
    }

    #[test]
    fn claims_on_other_matters_do_not_match() {
        let a = f("أعلنت وزارة الصحة تسجيل 12 إصابة جديدة بفيروس كورونا في الرياض");
        let b = f("ارتفعت أسعار النفط 12 في المئة بعد قرار أوبك خفض الإنتاج");
        assert_eq!(compare(&a, &b), None);
    }

    #[test]
    fn a_shared_quotation_is_shown() {
        let a = f("وقال الوزير: «لن نقبل بأي اتفاق يمس سيادتنا الوطنية» خلال المؤتمر");
        let b = f("الوزير أكد في المؤتمر الصحفي «لن نقبل بأي اتفاق يمس سيادتنا الوطنية»");
        let m = compare(&a, &b).expect("a match");
        assert!(m.shared.iter().any(|s| s.starts_with('«')), "{m:?}");
    }

    #[test]
    fn function_words_alone_make_no_match() {
        let a = f("قال إنه كان في ذلك الوقت");
        let b = f("قال إنها كانت في تلك الساعة");
        assert_eq!(compare(&a, &b), None);
    }
}
