//! Unit tests of the repairs stage, one group per rule, with negative cases.

use crate::Pipeline;
use marsad_core::document::{Metadata, RepairKind};

/// (text under the span, kind, suggestion, rule) of every repair of `text`.
fn repairs(text: &str) -> Vec<(String, RepairKind, String, String)> {
    let doc = Pipeline::new().analyze_through(text, Metadata::default(), "repairs");
    doc.repairs
        .iter()
        .map(|r| (doc.slice(r.span).to_owned(), r.kind, r.suggestion.clone(), r.origin.rule.to_string()))
        .collect()
}

/// Asserts that `text` gets exactly one repair, of `rule`, replacing `span` with
/// `suggestion`.
fn assert_repair(text: &str, rule: &str, span: &str, suggestion: &str) {
    let r = repairs(text);
    assert_eq!(r.len(), 1, "{text}: {r:?}");
    assert_eq!((r[0].0.as_str(), r[0].2.as_str(), r[0].3.as_str()), (span, suggestion, rule), "{text}");
}

/// Asserts that no word of `text` gets a repair.
fn assert_clean(text: &str) {
    assert_eq!(repairs(text), vec![], "{text}");
}

#[test]
fn confidences_are_probabilities_and_repairs_in_text_order() {
    let doc = Pipeline::new().analyze_through(
        "قال ا انطلقت عدةخبراء في فوستوك2022 بعد إتخاذ القرار",
        Metadata::default(),
        "repairs",
    );
    assert_eq!(doc.repairs.len(), 4, "{:?}", doc.repairs);
    assert!(doc.repairs.windows(2).all(|w| w[0].span.start < w[1].span.start));
    assert!(doc.repairs.iter().all(|r| (0.0..=1.0).contains(&r.origin.confidence)));
    // reported, never applied
    assert!(doc.text.contains("عدةخبراء"));
}

// ---- run-on words ----

#[test]
fn run_on_after_ta_marbuta() {
    assert_repair("وقال عدةخبراء إن", "repairs.run_on", "عدةخبراء", "عدة خبراء");
    assert_repair("للمواجهةالعسكرية", "repairs.run_on", "للمواجهةالعسكرية", "للمواجهة العسكرية");
}

#[test]
fn run_on_after_two_letter_function_word() {
    assert_repair("التقارب معالغرب", "repairs.run_on", "معالغرب", "مع الغرب");
    assert_repair("منجهة أخرى", "repairs.run_on", "منجهة", "من جهة");
    // أن written with its hamza begins a word; the bare ان could be the dual ending
    assert_repair("بعدأن وصل", "repairs.run_on", "بعدأن", "بعد أن");
}

#[test]
fn run_on_after_non_joining_letter() {
    assert_repair("وأشاد بالتطورالاقتصادي", "repairs.run_on", "بالتطورالاقتصادي", "بالتطور الاقتصادي");
}

#[test]
fn run_on_suggestion_keeps_diacritics() {
    assert_repair("عدةُخبراءَ", "repairs.run_on", "عدةُخبراءَ", "عدةُ خبراءَ");
}

#[test]
fn run_on_leaves_words_and_inflected_forms_alone() {
    // frequent words, words with clitics
    assert_clean("قال وزير الخارجية والحكومة بالمدينة للمواجهة");
    // inflected forms of known words that split into two known strings
    assert_clean("الدولتين المرشحتين يعرقلان جهود");
    // compound names conventionally written joined
    assert_clean("عبدالله عبدالمعين عبدالرحمن");
    // foreign names
    assert_clean("كاميرون بيرمنغهام ميلوفان");
}

#[test]
fn run_on_repeated_spelling_is_taken_as_deliberate() {
    assert_eq!(repairs("عدةخبراء").len(), 1);
    assert_clean("عدةخبراء ثم عدةخبراء");
}

// ---- glued numbers ----

#[test]
fn glued_number_word_then_number() {
    assert_repair("مناورات فوستوك2022 انتهت", "repairs.glued_number", "فوستوك2022", "فوستوك 2022");
}

#[test]
fn glued_number_number_then_word() {
    assert_repair("بعد 3أيام", "repairs.glued_number", "3أيام", "3 أيام");
}

#[test]
fn glued_number_leaves_era_markers_units_and_clitics_alone() {
    assert_clean("في عام 2022م و1443هـ على بعد 10كم");
    assert_clean("في 2021 و2022 بـ5 ملايين في الجولة الـ20");
    assert_clean("انظر ص168 وج1 في مساحة 100م2");
    assert_clean("شبكات 5G بنسبة 40% #السعودية2030");
}

// ---- stray letters ----

#[test]
fn stray_letter_between_words_is_deleted() {
    assert_repair("قال ا انطلقت", "repairs.stray_letter", "ا ", "");
}

#[test]
fn stray_letter_joined_to_its_word() {
    assert_repair("الدفا ع العربي", "repairs.stray_letter", "الدفا ع", "الدفاع");
    assert_repair("مر ب المدينة", "repairs.stray_letter", "ب المدينة", "بالمدينة");
}

#[test]
fn stray_letter_leaves_words_abbreviations_and_labels_alone() {
    // the conjunction, detached
    assert_clean("قال و أضاف");
    // a preposition detached before a number, a Latin word or a quotation
    assert_clean("لمدة ل 27 عاما وحدد ب 300 يورو وفاز ب Oscar وصفه ب \"الممارسات\"");
    // abbreviations, initials, list labels, era and time markers
    assert_clean("قال د. أحمد (أ. ف. ب) وأ.ف.ب والبند أ) الأول في 2015 م الساعة 10 ت غ");
    // labels after a noun
    assert_clean("سكن أ فقد");
    // the detached form written with a tatweel
    assert_clean("لا مكان لـ الرئيس");
}

// ---- hamza ----

#[test]
fn hamza_on_hamzat_wasl() {
    assert_repair("إتخاذ القرار", "repairs.hamza", "إتخاذ", "اتخاذ");
    assert_repair("قرار الإنحياز", "repairs.hamza", "الإنحياز", "الانحياز");
    assert_repair("وضع إستراتيجية", "repairs.hamza", "إستراتيجية", "استراتيجية");
    assert_repair("تحت إسم", "repairs.hamza", "إسم", "اسم");
}

#[test]
fn hamza_after_clitics() {
    assert_repair("قام بإتخاذ", "repairs.hamza", "بإتخاذ", "باتخاذ");
    assert_repair("والإلتزام", "repairs.hamza", "والإلتزام", "والالتزام");
}

#[test]
fn hamza_suggestion_keeps_diacritics() {
    assert_repair("إِتِّخاذ", "repairs.hamza", "إِتِّخاذ", "اِتِّخاذ");
}

#[test]
fn hamza_form_swapped() {
    assert_repair("في الآخير", "repairs.hamza", "الآخير", "الأخير");
    assert_repair("حين يآتي", "repairs.hamza", "يآتي", "يأتي");
}

#[test]
fn hamza_leaves_right_spellings_alone() {
    // hamzat qat' words, some shaped like wasl patterns (form IV verbal nouns)
    assert_clean("إنتاج إدارة إطلاق إنفاق أستاذ أمام إمام الإنترنت");
    // the plural أفعال and the verbal noun إفعال are both words
    assert_clean("حل إشكال الباخرة");
    // first-person verbs of derived forms
    assert_clean("أنتظر أستطيع أعتقد");
    // a bare alef for a hamza is a common habit, not reported
    assert_clean("الاسلام اصوات");
    // a foreign name
    assert_clean("إلتون");
}

// ---- one edit ----

#[test]
fn edit1_inserts_a_left_out_letter() {
    assert_repair("الحرب الأكرانية", "repairs.edit1", "الأكرانية", "الأوكرانية");
    assert_repair("والأكرانية", "repairs.edit1", "والأكرانية", "والأوكرانية");
}

#[test]
fn edit1_swaps_and_doubled_letters() {
    assert_repair("فازت بلجكيا", "repairs.edit1", "بلجكيا", "بلجيكا");
    assert_repair("الولايات االمتحدة", "repairs.edit1", "االمتحدة", "المتحدة");
}

#[test]
fn edit1_leaves_names_and_known_words_alone() {
    assert_clean("الحرب الأوكرانية");
    // names that are one edit from a common word
    assert_clean("ويستفل سوروتش كلاوزن المحرس الشايعي ليبنيز المريبض فوستوك");
    // rare but correct words with clitics or endings
    assert_clean("وباشرتا تعرضتا بالوبال كالحد");
}

#[test]
fn a_word_of_thousands_of_letters_is_left_alone() {
    // ﷺ expands to four words in the normalised view; thousands of them glued to a
    // word once made the split and edit searches exhaust memory.
    let text = format!("معلنة أن كتلته{} ستصوت ضده.", "ﷺ".repeat(3000));
    let doc = crate::Pipeline::new().analyze_through(text, crate::Metadata::default(), "repairs");
    assert!(doc.repairs.iter().all(|r| r.span.len() < 200), "{:?}", doc.repairs);
}
