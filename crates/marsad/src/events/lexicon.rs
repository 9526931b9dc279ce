//! The event lexicon: PLOVER types with their CAMEO codes (`resources/events/plover.tsv`),
//! the Arabic triggers (`resources/events/triggers.tsv`) and the CAMEO table giving each
//! code its GDELT quad class and Goldstein value (`resources/events/cameo.tsv`).

use rustc_hash::FxHashMap;

use crate::entities::gazetteer_build::Table;
use marsad_core::normalize::key_of;

/// One trigger of `triggers.tsv`.
#[derive(Clone, Debug, PartialEq)]
pub struct Trigger {
    /// Its words, as matching keys.
    pub words: Vec<String>,
    /// True for a verb (or a phrase that starts with one): its first word is conjugated.
    pub verb: bool,
    /// PLOVER event type.
    pub event_type: &'static str,
    /// PLOVER mode, if the trigger settles it.
    pub mode: Option<&'static str>,
    /// Nearest CAMEO code.
    pub cameo: &'static str,
}

/// What `cameo.tsv` says of a CAMEO code: GDELT's quad class and the Goldstein value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// Goldstein scale value (−10 to +10).
    pub goldstein: f32,
}

/// The 16 PLOVER event types marsad codes (POLECAT's set, REQUEST for the manual's
/// DEMAND), in the order of `plover.tsv`: the labels of the trigger model.
pub const PLOVER_TYPES: [&str; 16] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// The triggers, indexed by the written forms of their first word.
pub struct EventLexicon {
    /// All triggers.
    pub triggers: Vec<Trigger>,
    /// First-word form (matching key) → triggers starting with it, longest first.
    pub by_first: FxHashMap<String, Vec<usize>>,
    /// A later word of a phrase (matching key, also without the article) → the phrases
    /// holding it: the noun of فرض عقوبات، شن هجوما is read with the phrase's type.
    pub by_later: FxHashMap<String, Vec<usize>>,
    /// The forms of the light verbs and their masdars ([`LIGHT_VERBS`]).
    pub light_verbs: rustc_hash::FxHashSet<String>,
    /// PLOVER type → the first CAMEO code of the type's own row (no mode): the code of
    /// an event whose trigger is in no lexicon entry of its type.
    pub type_cameo: FxHashMap<&'static str, &'static str>,
    /// CAMEO code → its quad class and Goldstein value.
    pub cameo: FxHashMap<&'static str, Scale>,
    /// PLOVER contexts (`contexts.tsv`; the special contexts historical, future,
    /// hypothetical and negation are left to modality).
    pub contexts: Vec<&'static str>,
    /// The contexts' Arabic cue phrases, each with the index of its context in
    /// [`Self::contexts`]: one lexicon, so a sentence is read once for all of them.
    pub context_cues: marsad_core::phrases::Phrases<usize>,
}

impl EventLexicon {
    /// The lexicon embedded in the binary.
    pub fn embedded() -> EventLexicon {
        let mut lex = EventLexicon::parse(
            include_str!("../../../../resources/events/triggers.tsv"),
            include_str!("../../../../resources/events/plover.tsv"),
            include_str!("../../../../resources/events/cameo.tsv"),
        );
        (lex.contexts, lex.context_cues) = contexts(include_str!("../../../../resources/events/contexts.tsv"));
        lex
    }

    /// Reads the texts of the trigger list, the PLOVER types and the CAMEO table.
    pub fn parse(triggers_tsv: &'static str, plover_tsv: &'static str, cameo_tsv: &'static str) -> EventLexicon {
        let mut lex = EventLexicon {
            triggers: Vec::new(),
            by_first: FxHashMap::default(),
            by_later: FxHashMap::default(),
            light_verbs: LIGHT_VERBS
                .iter()
                .flat_map(|w| verb_forms(w))
                .chain(LIGHT_VERB_NOUNS.iter().map(|w| (*w).to_owned()))
                .collect(),
            type_cameo: FxHashMap::default(),
            cameo: FxHashMap::default(),
            contexts: Vec::new(),
            context_cues: Default::default(),
        };
        if let Some(t) = Table::parse(plover_tsv) {
            let (ty, mode, cameo) = (t.col("event_type"), t.col("mode"), t.col("cameo"));
            for r in t.rows.iter().filter(|r| t.get(r, mode).is_empty()) {
                lex.type_cameo.insert(t.get(r, ty), t.get(r, cameo).split('|').next().unwrap_or_default());
            }
        }
        if let Some(t) = Table::parse(cameo_tsv) {
            let (code, quad, gold) = (t.col("code"), t.col("quad_class"), t.col("goldstein"));
            for r in &t.rows {
                let scale = Scale {
                    quad_class: t.get(r, quad).parse().unwrap_or(0),
                    goldstein: t.get(r, gold).parse().unwrap_or(0.0),
                };
                lex.cameo.insert(t.get(r, code), scale);
            }
        }
        let Some(t) = Table::parse(triggers_tsv) else { return lex };
        let (word, form, ty, mode, cameo) =
            (t.col("trigger"), t.col("form"), t.col("event_type"), t.col("mode"), t.col("cameo"));
        for r in &t.rows {
            let words: Vec<String> = t.get(r, word).split_whitespace().map(key_of).collect();
            if words.is_empty() {
                continue;
            }
            let form = t.get(r, form);
            // a phrase starts with a verb unless its first word is a noun with the article
            // or a known noun form (اتفاق مبدئي)
            let verb = form == "verb" || (form == "phrase" && !words[0].starts_with("ال") && !noun_like(&words[0]));
            let trigger = Trigger {
                words,
                verb,
                event_type: t.get(r, ty),
                mode: Some(t.get(r, mode)).filter(|m| !m.is_empty()),
                cameo: t.get(r, cameo),
            };
            let id = lex.triggers.len();
            let forms = if trigger.verb { verb_forms(&trigger.words[0]) } else { vec![trigger.words[0].clone()] };
            for f in forms {
                lex.by_first.entry(f).or_default().push(id);
            }
            for w in &trigger.words[1..] {
                let bare = w.strip_prefix("ال").filter(|r| r.chars().count() >= 3);
                for f in std::iter::once(w.as_str()).chain(bare) {
                    let list = lex.by_later.entry(f.to_owned()).or_default();
                    if !list.contains(&id) {
                        list.push(id);
                    }
                }
            }
            lex.triggers.push(trigger);
        }
        for list in lex.by_first.values_mut() {
            list.sort_by_key(|&i| std::cmp::Reverse(lex.triggers[i].words.len()));
        }
        lex
    }

    /// The quad class and Goldstein value of the CAMEO code written for an event, so that
    /// the three never disagree; `None` for a code the CAMEO table does not list.
    pub fn scale(&self, cameo: &str) -> Option<Scale> {
        self.cameo.get(cameo).copied()
    }
}

/// The contexts of `contexts.tsv`, without the special ones, and their cue phrases.
fn contexts(text: &'static str) -> (Vec<&'static str>, marsad_core::phrases::Phrases<usize>) {
    let mut names = Vec::new();
    let mut cues = marsad_core::phrases::Phrases::default();
    let Some(t) = Table::parse(text) else { return (names, cues) };
    let (name, cue_col) = (t.col("context"), t.col("cue_words_ar"));
    for r in t.rows.iter().filter(|r| !matches!(t.get(r, name), "historical" | "future" | "hypothetical" | "negation"))
    {
        for cue in t.get(r, cue_col).split('|').map(str::trim).filter(|c| !c.is_empty()) {
            cues.insert(cue, names.len());
        }
        names.push(t.get(r, name));
    }
    (names, cues)
}

/// True for a word that is a noun by its shape: a masdar ending or a plural/feminine
/// ending (اتفاق، مفاوضات، زيارة).
fn noun_like(w: &str) -> bool {
    w.ends_with('ه')
        || w.ends_with("ات")
        || (w.starts_with('ا') && w.chars().count() >= 5 && w.chars().nth(3) == Some('ا'))
}

/// Light verbs (past, matching keys): verbs that carry a noun naming the act, which the
/// guideline makes the trigger (Decision 68: فرضت واشنطن عقوبات، شن المتمردون هجوما،
/// أجرى الوزيران محادثات، وقع البلدان اتفاقية، نفذت القوات عملية). A feature of the noun
/// that follows, not a trigger by itself.
pub const LIGHT_VERBS: &[&str] = &[
    "فرض", "شن", "اجري", "وقع", "نفذ", "رفع", "وجه", "عقد", "ابرم", "قدم", "اطلق", "اصدر", "القي", "اتخذ", "خاض",
    "نظم", "شهد", "تلقي",
];

/// The masdars of the light verbs (بفرض عقوبات، إجراء محادثات، توقيع اتفاقية).
const LIGHT_VERB_NOUNS: &[&str] = &[
    "فرض",
    "شن",
    "اجراء",
    "توقيع",
    "تنفيذ",
    "توجيه",
    "عقد",
    "ابرام",
    "تقديم",
    "اطلاق",
    "اصدار",
    "القاء",
    "اتخاذ",
    "خوض",
    "تنظيم",
    "تلقي",
];

impl EventLexicon {
    /// True when `key` (a token's matching key) is a form of a light verb or of its
    /// masdar, with a conjunction, preposition or article written on it (وفرضت، بفرض،
    /// لإجراء، والتوقيع).
    pub fn is_light_verb(&self, key: &str) -> bool {
        let mut k = key;
        if self.light_verbs.contains(k) {
            return true;
        }
        if let Some(r) = k.strip_prefix(['و', 'ف']).filter(|r| r.chars().count() >= 2) {
            if self.light_verbs.contains(r) {
                return true;
            }
            k = r;
        }
        ["ال", "بال", "لل", "ب", "ل"].iter().any(|p| k.strip_prefix(p).is_some_and(|r| self.light_verbs.contains(r)))
    }
}

/// The third-person forms of a verb given its past (matching key): past masculine,
/// feminine, dual, plural, and the imperfect guessed from the past (ي/ت + the past
/// without its initial alef: هاجم → يهاجم، اعتقل → يعتقل، أعلن → يعلن), with the future
/// prefix س. Wrong guesses for hollow and weak verbs are harmless: they are not words.
pub fn verb_forms(past: &str) -> Vec<String> {
    let base = past.strip_suffix(['ي', 'ا']).unwrap_or(past);
    let mut out = vec![past.to_owned(), format!("{base}ت"), format!("{base}وا"), format!("{past}ا")];
    let stem = past.strip_prefix('ا').unwrap_or(past);
    for p in ['ي', 'ت', 'ن'] {
        out.push(format!("{p}{stem}"));
        out.push(format!("س{p}{stem}"));
    }
    out.push(format!("ي{stem}ون"));
    out.push(format!("سي{stem}ون"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_lexicon_covers_every_plover_type() {
        let lex = EventLexicon::embedded();
        for ty in PLOVER_TYPES {
            assert!(lex.triggers.iter().any(|t| t.event_type == ty), "{ty}");
        }
        assert!(lex.by_first.contains_key("قصفت"), "verbs are conjugated");
        // the noun of a phrase is found from its own form, with or without the article
        let phrase_types = |w: &str| -> Vec<&str> {
            lex.by_later.get(w).map_or(vec![], |l| l.iter().map(|&i| lex.triggers[i].event_type).collect())
        };
        assert!(phrase_types("عقوبات").contains(&"SANCTION"));
        assert!(phrase_types("القبض").contains(&"COERCE"));
    }

    #[test]
    fn light_verbs_are_read_with_their_clitics() {
        let lex = EventLexicon::embedded();
        for w in ["فرضت", "وفرضت", "شنت", "اجرت", "يجري", "بفرض", "لاجراء", "والتوقيع", "وقعت"]
        {
            assert!(lex.is_light_verb(w), "{w}");
        }
        for w in ["قال", "الحكومه", "عقوبات", "هجوما"] {
            assert!(!lex.is_light_verb(w), "{w}");
        }
    }

    #[test]
    fn every_cameo_code_written_has_its_quad_class_and_goldstein_value() {
        let lex = EventLexicon::embedded();
        for t in &lex.triggers {
            assert!(lex.scale(t.cameo).is_some(), "trigger {:?}: CAMEO {} is not in cameo.tsv", t.words, t.cameo);
        }
        // easing or lifting sanctions is a concession, imposing them a sanction
        let entry = |words: &str| {
            let keys: Vec<String> = words.split_whitespace().map(key_of).collect();
            lex.triggers.iter().find(|t| t.words == keys).map(|t| (t.event_type, t.cameo)).expect(words)
        };
        assert_eq!(entry("تخفيف العقوبات"), ("CONCEDE", "085"));
        assert_eq!(entry("رفع العقوبات"), ("CONCEDE", "085"));
        assert_eq!(entry("فرض عقوبات"), ("SANCTION", "163"));
        for (ty, code) in &lex.type_cameo {
            assert!(lex.scale(code).is_some(), "type {ty}: CAMEO {code} is not in cameo.tsv");
        }
        // the quad class follows the root code, the Goldstein value the code itself
        let s = |c| lex.scale(c).expect(c);
        assert_eq!((s("020").quad_class, s("020").goldstein), (1, 3.0));
        assert_eq!((s("057").quad_class, s("057").goldstein), (1, 8.0));
        assert_eq!((s("085").quad_class, s("085").goldstein), (2, 7.0));
        assert_eq!((s("112").quad_class, s("112").goldstein), (3, -2.0));
        assert_eq!((s("163").quad_class, s("163").goldstein), (4, -8.0));
        assert!(lex.cameo.keys().all(|c| (2..=4).contains(&c.len())));
    }
}
