use super::*;
use crate::{Metadata, Pipeline};

/// (surface, kind, value, unit, qualifier) of a quantity.
type Q = (String, QuantityKind, Option<f64>, Option<String>, Option<Qualifier>);

fn quantities(text: &str) -> Vec<Q> {
    let doc = Pipeline::new().analyze_through(text, Metadata::default(), "quantities");
    doc.quantities
        .iter()
        .map(|q| (doc.slice(q.span).to_owned(), q.kind, q.value, q.unit.clone(), q.qualifier))
        .collect()
}

fn one(text: &str) -> Q {
    let q = quantities(text);
    assert_eq!(q.len(), 1, "{text}: {q:?}");
    q.into_iter().next().unwrap()
}

fn s(x: &str) -> Option<String> {
    Some(x.to_owned())
}

#[test]
fn approximate_money_in_billions_of_dollars() {
    let q = one("بلغت قيمة الصفقة ما يقارب 23 مليار دولار وفق التقديرات.");
    assert_eq!(q.0, "ما يقارب 23 مليار دولار");
    assert_eq!((q.1, q.2, q.3, q.4), (QuantityKind::Money, Some(23e9), s("USD"), Some(Qualifier::Approximate)));
}

#[test]
fn count_with_accusative_noun() {
    let q = one("صوت 27 برلمانيا لصالح القانون.");
    assert_eq!((q.1, q.2, q.3), (QuantityKind::Count, Some(27.0), s("برلماني")));
    let q = one("نشرت ألف جندي على الحدود.");
    assert_eq!((q.1, q.2, q.3), (QuantityKind::Count, Some(1000.0), s("جندي")));
}

#[test]
fn a_duration_is_not_a_count() {
    assert!(quantities("أضرب العمال ثلاثة أيام.").is_empty());
}

#[test]
fn currencies_resolve_by_adjective_and_dominant_country() {
    assert_eq!(one("الغرامة 500 دينار جزائري.").3, s("DZD"));
    assert_eq!(one("الغرامة 500 دينار كويتي.").3, s("KWD"));
    assert_eq!(one("الغرامة 500 ريال سعودي.").3, s("SAR"));
    assert_eq!(one("الغرامة 500 درهم مغربي.").3, s("MAD"));
    assert_eq!(one("الغرامة 500 ليرة لبنانية.").3, s("LBP"));
    assert_eq!(one("الغرامة 500 جنيه مصري.").3, s("EGP"));
    assert_eq!(one("الغرامة 500 جنيه إسترليني.").3, s("GBP"));
    assert_eq!(one("الغرامة 500 يورو.").3, s("EUR"));
    let q = one("الغرامة $500 فقط.");
    assert_eq!((q.0.as_str(), q.3), ("$500", s("USD")));
    let q = quantities("أعلنت الحكومة الأردنية أن الغرامة 500 دينار.");
    assert_eq!(q[0].3, s("JOD"));
    let q = one("الغرامة 500 دينار.");
    assert_eq!((q.1, q.3), (QuantityKind::Money, None));
}

#[test]
fn percentages_in_signs_and_words() {
    assert_eq!(one("ارتفع التضخم بنسبة 7%.").1, QuantityKind::Percent);
    let q = one("ارتفع التضخم 7 بالمئة.");
    assert_eq!((q.0.as_str(), q.1, q.2), ("7 بالمئة", QuantityKind::Percent, Some(7.0)));
    assert_eq!(one("ارتفع التضخم 7 في المائة.").1, QuantityKind::Percent);
    let q = one("ارتفع التضخم أكثر من 7 بالمائة.");
    assert_eq!(q.4, Some(Qualifier::MoreThan));
}

#[test]
fn qualifiers() {
    assert_eq!(one("حضر حوالي 300 شخص.").4, Some(Qualifier::Approximate));
    assert_eq!(one("حضر ما لا يقل عن 300 شخص.").4, Some(Qualifier::AtLeast));
    assert_eq!(one("حضر أقل من 300 شخص.").4, Some(Qualifier::LessThan));
    let q = one("حضر بضعة أشخاص.");
    assert_eq!((q.1, q.2, q.4), (QuantityKind::Count, None, Some(Qualifier::Vague)));
}

#[test]
fn number_words_and_measures() {
    let q = one("قطع خمسة وعشرون كيلومترا.");
    assert_eq!((q.1, q.2, q.3), (QuantityKind::Measure, Some(25.0), s("km")));
    let q = one("ينتج 2.5 مليون برميل.");
    assert_eq!((q.1, q.2, q.3), (QuantityKind::Measure, Some(2.5e6), s("barrel")));
    let q = one("قدرة 300 ميغاواط.");
    assert_eq!(q.3, s("MW"));
}

#[test]
fn ordinals() {
    let q = one("فاز بالمركز الثالث.");
    assert_eq!((q.1, q.2), (QuantityKind::Ordinal, Some(3.0)));
}

#[test]
fn dates_and_names_are_not_quantities() {
    assert!(quantities("شارك في مناورات فوستوك2022 الكبرى.").is_empty());
    assert!(quantities("وصل في 16 نوفمبر 2022.").is_empty());
    assert!(quantities("تأسست عام 2014.").is_empty());
}

#[test]
fn overflowing_and_mixed_numbers_do_not_panic() {
    let text = format!("بلغت {} مليار دولار", "9".repeat(400));
    let q = one(&text);
    assert_eq!((q.1, q.2, q.3), (QuantityKind::Money, None, s("USD")));
    let _ = quantities("١2٣4 و۵6 %٧ ألف ألف ألف ألف ألف ألف ألف ألف ألف ألف ألف ألف ألف ألف مليار مليار مليار");
}

#[test]
fn dual_nouns_count_two() {
    let q = quantities("اتفق البلدين على تعزيز التعاون وعقد الطرفان مرتين لقاء، وقتل إرهابيان");
    let got: Vec<_> = q.iter().map(|q| (q.0.as_str(), q.2, q.3.as_deref())).collect();
    assert!(got.contains(&("البلدين", Some(2.0), Some("بلد"))), "{got:?}");
    assert!(got.contains(&("مرتين", Some(2.0), Some("مرة"))), "{got:?}");
    assert!(got.contains(&("إرهابيان", Some(2.0), Some("إرهابي"))), "{got:?}");
}

#[test]
fn plurals_and_words_in_ين_are_not_duals() {
    // sound plurals, relative-adjective plurals, an agreeing adjective, a verbal noun, a name
    let text = "قال المسؤولين إن المصريين في الحرمين الشريفين، ولاحظ التباين، وحضر ياسين مؤكدين أن";
    let q = quantities(text);
    assert!(q.iter().all(|q| q.2 != Some(2.0) || q.0 == "الحرمين"), "{q:?}");
}
