//! Cases met in news the rules had not seen, one test each, in sentences of their own.

use super::*;
use crate::{Metadata, Pipeline};

/// (surface, kind, value, unit) of each quantity.
fn quantities(text: &str) -> Vec<(String, QuantityKind, Option<f64>, Option<String>)> {
    let doc = Pipeline::new().analyze_through(text, Metadata::default(), "quantities");
    doc.quantities.iter().map(|q| (doc.slice(q.span).to_owned(), q.kind, q.value, q.unit.clone())).collect()
}

fn one(text: &str) -> (String, QuantityKind, Option<f64>, Option<String>) {
    let q = quantities(text);
    assert_eq!(q.len(), 1, "{text}: {q:?}");
    q.into_iter().next().unwrap()
}

fn s(x: &str) -> Option<String> {
    Some(x.to_owned())
}

#[test]
fn country_name_that_looks_dual_counts_nothing() {
    assert_eq!(quantities("زار الوزير البحرين لبحث التعاون."), []);
}

#[test]
fn dual_adjective_counts_nothing() {
    assert_eq!(quantities("شهد المهرجان إقبالا وتفاعلا غير مسبوقين."), []);
}

#[test]
fn family_name_with_a_number_word_is_not_an_ordinal() {
    assert_eq!(quantities("استقبل الشيخ تميم بن حمد آل ثاني الوفد في الدوحة."), []);
}

#[test]
fn quarter_of_a_year_or_a_place_is_not_a_fraction() {
    assert_eq!(quantities("ارتفعت الأرباح في الربع الثاني من العام الجاري."), []);
    assert_eq!(quantities("عبرت القافلة صحراء الربع الخالي."), []);
    let q = one("يعيش ربع السكان في العاصمة.");
    assert_eq!((q.1, q.2), (QuantityKind::Number, Some(0.25)));
}

#[test]
fn teen_ordinal_is_one_number_and_its_ten_is_not_read_again() {
    let q = quantities("يحتل الفريق المركز الحادي عشر برصيد 15 نقطة.");
    let got: Vec<_> = q.iter().map(|q| (q.0.as_str(), q.1, q.2)).collect();
    assert_eq!(got, [("الحادي عشر", QuantityKind::Ordinal, Some(11.0)), ("15 نقطة", QuantityKind::Count, Some(15.0))]);
    let q = one("تأهل الفريق إلى الدور السابع عشر من المسابقة.");
    assert_eq!((q.0.as_str(), q.1, q.2), ("السابع عشر", QuantityKind::Ordinal, Some(17.0)));
}

#[test]
fn list_marker_is_not_a_number() {
    let q = quantities("تضمن البيان ما يلي:\n6. تعزيز التعاون مع الشركاء.");
    assert_eq!(q, []);
}

#[test]
fn article_number_in_brackets_is_not_a_number() {
    assert_eq!(quantities("نصت المادة (2) من القانون على ذلك."), []);
}

#[test]
fn parts_of_a_date_are_not_numbers() {
    assert_eq!(quantities("تنظم الدورة يومي 26-27 أكتوبر في الرباط."), []);
    assert_eq!(quantities("وقع الحادث يوم 19/4 في العاصمة."), []);
}

#[test]
fn thousands_and_units_joined_by_wa_add_up() {
    let q = one("بلغ عدد الزوار 16 ألفا و513 زائرا.");
    assert_eq!((q.1, q.2), (QuantityKind::Count, Some(16513.0)));
}

#[test]
fn figures_in_parentheses_before_a_scale_word_are_read_with_it() {
    // not the scale word alone (1,000,000): the figures and the scale, as written
    // (the guideline keeps values as written even where a slip is plain)
    let q = one("خصصت الحكومة التونسية مبلغ (360,000,000) مليون دينار للمشروع.");
    assert_eq!(
        (q.0.as_str(), q.1, q.2, q.3),
        ("(360,000,000) مليون دينار", QuantityKind::Money, Some(360e12), s("TND"))
    );
}

#[test]
fn pound_is_the_currency_of_the_article_country() {
    assert_eq!(one("قالت الحكومة المصرية إن سعر الكيلو بلغ 50 جنيها.").3, s("EGP"));
    assert_eq!(one("قالت الحكومة السودانية إن سعر الكيلو بلغ 50 جنيها.").3, s("SDG"));
}

#[test]
fn dinar_is_the_currency_of_the_article_country() {
    let cases = [
        ("العراقية", "IQD"),
        ("الأردنية", "JOD"),
        ("الكويتية", "KWD"),
        ("البحرينية", "BHD"),
        ("التونسية", "TND"),
        ("الليبية", "LYD"),
        ("الجزائرية", "DZD"),
    ];
    for (adjective, code) in cases {
        let text = format!("أعلنت الحكومة {adjective} صرف 500 دينار لكل أسرة.");
        assert_eq!(one(&text).3, s(code), "{text}");
    }
}

#[test]
fn centimes_are_money_in_the_dinar() {
    let q = one("حجزت مصالح الأمن الجزائرية مبلغ 230 مليون سنتيم.");
    assert_eq!((q.1, q.2, q.3), (QuantityKind::Money, Some(2_300_000.0), s("DZD")));
}

#[test]
fn vague_multitudes_count_their_noun() {
    for text in ["خرج الآلاف من المتظاهرين إلى الشوارع.", "أنفقت الشركة ملايين الدولارات.", "أصيب عشرات المدنيين في القصف."]
    {
        let q = one(text);
        assert_eq!((q.1, q.2), (QuantityKind::Count, None), "{text}");
        assert!(q.3.is_some(), "{text}: {q:?}");
    }
}

#[test]
fn ordinal_in_a_fixed_name_is_not_annotated() {
    assert_eq!(quantities("اندلعت الانتفاضة الأولى قبل عقود."), []);
    assert_eq!(quantities("يلعب الفريق في دوري الدرجة الأولى."), []);
}

#[test]
fn digits_after_a_conjunction_start_the_span() {
    // the guideline (Decision 1): an opening و is outside the span
    let q = quantities("قتل ثلاثة موظفين و4 موظفين آخرين في الهجوم.");
    let got: Vec<_> = q.iter().map(|q| (q.0.as_str(), q.2)).collect();
    assert_eq!(got, [("ثلاثة موظفين", Some(3.0)), ("4 موظفين", Some(4.0))]);
    let q = quantities("أصيب خمسة جنود وثلاثة مدنيين.");
    assert_eq!(q[1].0, "ثلاثة مدنيين");
}

#[test]
fn counted_noun_is_not_a_proper_name_or_a_verb() {
    let q = one("حضر الثلاثة حمد وعلي وسالم الاجتماع.");
    assert_eq!((q.0.as_str(), q.2, q.3), ("الثلاثة", Some(3.0), None));
    let q = quantities("قتل ثلاثة جنود بينهم اثنين استشهدا في الاشتباك.");
    assert_eq!(q[1].0, "اثنين");
    assert_eq!(q[1].3, None);
}

#[test]
fn dinar_of_an_article_in_one_country_usage_without_its_name() {
    // a Tunisian local story: the delegation (معتمدية) and جانفي, no country named
    let q = one("أعلن المسؤول عن معتمدية الساحل في 10 جانفي تخصيص 120 ألف دينار لتهيئة الطرقات.");
    assert_eq!((q.1, q.3), (QuantityKind::Money, s("TND")));
    // the month name alone is shared by Tunisia and Algeria: no currency
    let q = one("أعلن المسؤول في 10 جانفي تخصيص 120 ألف دينار لتهيئة الطرقات.");
    assert_eq!((q.1, q.3), (QuantityKind::Money, None));
}
