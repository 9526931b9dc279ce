use super::*;
use crate::{Metadata, Pipeline};

fn analyze(text: &str, published: Option<&str>) -> Document {
    let meta = Metadata { published: published.map(str::to_owned), ..Default::default() };
    Pipeline::new().analyze_through(text, meta, "times")
}

/// (surface, kind, value, anchor, inferred) of a time expression.
type T = (String, TimeKind, Option<String>, Anchor, bool);

fn times(text: &str, published: Option<&str>) -> Vec<T> {
    let doc = analyze(text, published);
    doc.times.iter().map(|t| (doc.slice(t.span).to_owned(), t.kind, t.value.clone(), t.anchor, t.inferred)).collect()
}

fn values(text: &str, published: Option<&str>) -> Vec<Option<String>> {
    times(text, published).into_iter().map(|t| t.2).collect()
}

fn v(s: &str) -> Option<String> {
    Some(s.to_owned())
}

const FORUM: &str = "تنطلق فعاليات المنتدى يوم 16 نوفمبر / تشرين الثاني الجاري وإلى غاية 28 منه بمشاركة وفود عديدة.";

#[test]
fn interval_with_month_of_the_same_name_anchored_to_publication() {
    let t = times(FORUM, Some("2022-11-20"));
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(t[0].0, "يوم 16 نوفمبر / تشرين الثاني الجاري وإلى غاية 28 منه");
    assert_eq!(t[0].1, TimeKind::Interval);
    assert_eq!(t[0].2, v("2022-11-16/2022-11-28"));
    assert_eq!(t[0].3, Anchor::Published);
    assert!(!t[0].4);
}

#[test]
fn interval_year_inferred_from_the_text() {
    let text = format!("{FORUM} وكانت الدورة السابقة قد نظمت في إطار مناورات فوستوك2022 الكبرى.");
    let doc = analyze(&text, None);
    let t = &doc.times[0];
    assert_eq!(t.value, v("2022-11-16/2022-11-28"));
    assert_eq!(t.anchor, Anchor::Inferred);
    assert!(t.inferred);
    assert_eq!(doc.slice(t.evidence.expect("evidence").span), "2022");
}

#[test]
fn interval_without_any_year_stays_partial() {
    let t = times(FORUM, None);
    assert_eq!(t[0].2, v("XXXX-11-16/XXXX-11-28"));
    assert_eq!(t[0].3, Anchor::None);
    assert!(!t[0].4);
}

#[test]
fn every_month_system() {
    let cases = [
        ("وصل في 5 يناير 2023.", "2023-01-05"),
        ("وصل في 5 كانون الثاني 2023.", "2023-01-05"),
        ("وصل في 5 جانفي 2023.", "2023-01-05"),
        ("وصل في 5 ينير 2023.", "2023-01-05"),
        ("وصل في 3 شباط 2021.", "2021-02-03"),
        ("وصل في 3 فيفري 2021.", "2021-02-03"),
        ("وصل في 9 أفريل 2020.", "2020-04-09"),
        ("وصل في 9 إبريل 2020.", "2020-04-09"),
        ("وصل في 9 نيسان 2020.", "2020-04-09"),
        ("وصل في 1 جوان 2019.", "2019-06-01"),
        ("وصل في 1 حزيران 2019.", "2019-06-01"),
        ("وصل في 1 يونيه 2019.", "2019-06-01"),
        ("وصل في 4 جويلية 2018.", "2018-07-04"),
        ("وصل في 4 يوليوز 2018.", "2018-07-04"),
        ("وصل في 4 تموز 2018.", "2018-07-04"),
        ("وصل في 15 أوت 2017.", "2017-08-15"),
        ("وصل في 15 غشت 2017.", "2017-08-15"),
        ("وصل في 15 آب 2017.", "2017-08-15"),
        ("وصل في 20 شتنبر 2016.", "2016-09-20"),
        ("وصل في 20 أيلول 2016.", "2016-09-20"),
        ("وصل في 2 تشرين الأول 2015.", "2015-10-02"),
        ("وصل في 2 نونبر 2015.", "2015-11-02"),
        ("وصل في 25 دجنبر 2014.", "2014-12-25"),
        ("وصل في 25 كانون الأول 2014.", "2014-12-25"),
        ("وصل في 12 ماي 2013.", "2013-05-12"),
        ("وصل في 12 أيار 2013.", "2013-05-12"),
        ("وصل في 7 آذار 2012.", "2012-03-07"),
    ];
    for (text, expected) in cases {
        assert_eq!(values(text, None), vec![v(expected)], "{text}");
    }
}

#[test]
fn combined_month_forms_are_one_expression() {
    let t = times("عقد الاجتماع في 3 نوفمبر (تشرين الثاني) 2022 بالعاصمة.", None);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(t[0].0, "3 نوفمبر (تشرين الثاني) 2022");
    assert_eq!(t[0].2, v("2022-11-03"));
}

#[test]
fn month_with_clitics() {
    // spans cover whole words: the clitic is written on the month, the separate في is not part of it
    let t = times("تعود الوفود بنوفمبر 2021 وفي يناير 2022.", None);
    assert_eq!(t.iter().map(|t| t.0.as_str()).collect::<Vec<_>>(), vec!["بنوفمبر 2021", "يناير 2022"]);
    assert_eq!(t[0].2, v("2021-11"));
}

#[test]
fn current_and_past_months_anchor_on_publication() {
    assert_eq!(values("انتهت المهلة في مارس الماضي.", Some("2023-02-10")), vec![v("2022-03")]);
    assert_eq!(values("انتهت المهلة في يناير الماضي.", Some("2023-02-10")), vec![v("2023-01")]);
    assert_eq!(values("تبدأ المهلة في مارس المقبل.", Some("2023-02-10")), vec![v("2023-03")]);
    assert_eq!(values("جرت في 5 فبراير الجاري.", Some("2023-02-10")), vec![v("2023-02-05")]);
}

#[test]
fn hijri_dates_convert_with_umm_al_qura() {
    let doc = analyze("صدر القرار في 16 رجب 1446 هـ بعد مشاورات.", None);
    assert_eq!(doc.times.len(), 1);
    let t = &doc.times[0];
    assert_eq!(t.calendar, Calendar::Hijri);
    assert_eq!(t.value, v("2025-01-16"));
    assert_eq!(doc.slice(t.span), "16 رجب 1446 هـ");
    // a whole month becomes the interval of its Gregorian days
    assert_eq!(values("يبدأ الصيام في رمضان 1444.", None), vec![v("2023-03-23/2023-04-20")]);
    // without a year: the Hijri year of the publication date (2022-11-20 is in Rabi' II 1444)
    assert_eq!(values("يبدأ الصيام في 1 رمضان المقبل.", Some("2022-11-20")), vec![v("2023-03-23")]);
    assert_eq!(values("صدر في 10 شوال الماضي.", Some("2022-11-20")), vec![v("2022-05-11")]);
    assert_eq!(values("صدر في 10 شوال الماضي.", None), vec![None]);
    // a Hijri month name alone is a word (رجب is also a given name)
    assert!(values("قال رجب إنه سيعود.", None).is_empty());
}

#[test]
fn numeric_dates() {
    assert_eq!(values("تاريخ الوثيقة 12/11/2022 كما ورد.", None), vec![v("2022-11-12")]);
    assert_eq!(values("تاريخ الوثيقة 2022-11-12 كما ورد.", None), vec![v("2022-11-12")]);
    assert_eq!(values("تاريخ الوثيقة ١٢/١١/٢٠٢٢ كما ورد.", None), vec![v("2022-11-12")]);
}

#[test]
fn years_and_decades() {
    assert_eq!(values("تأسست عام 2014 في العاصمة.", None), vec![v("2014")]);
    assert_eq!(values("تأسست سنة 2014 في العاصمة.", None), vec![v("2014")]);
    assert_eq!(values("تأسست 2014م في العاصمة.", None), vec![v("2014")]);
    assert_eq!(values("عرفت البلاد أزمة في التسعينيات.", None), vec![v("199X")]);
}

#[test]
fn intervals_from_to_and_between() {
    assert_eq!(values("تقام من 16 إلى 28 نوفمبر 2022.", None), vec![v("2022-11-16/2022-11-28")]);
    assert_eq!(values("تقام بين 3 و 9 مارس 2021.", None), vec![v("2021-03-03/2021-03-09")]);
    assert_eq!(values("تقام من 16 إلى 28 نوفمبر.", Some("2022-10-01")), vec![v("2022-11-16/2022-11-28")]);
    assert_eq!(values("تضاعف الإنتاج بين 2014 و2022.", None), vec![v("2014/2022")]);
    assert_eq!(values("تضاعف الإنتاج في 2014 و2022.", None), vec![v("2014"), v("2022")]);
    // منذ and a date: an open interval (the guideline's 2014/..)
    let t = times("يعيش هناك منذ عام 2014.", Some("2022-11-20"));
    assert_eq!(t[0].1, TimeKind::Interval);
    assert_eq!(t[0].2, v("2014/.."));
}

#[test]
fn durations_and_sets() {
    let t = times("أضرب العمال لمدة ثلاثة أيام.", None);
    assert_eq!((t[0].1, t[0].2.clone()), (TimeKind::Duration, v("P3D")));
    assert_eq!(t[0].0, "لمدة ثلاثة أيام");
    assert_eq!(values("استمرت المحادثات يومين.", None), vec![v("P2D")]);
    assert_eq!(values("استمرت المحادثات 5 ساعات.", None), vec![v("PT5H")]);
    assert_eq!(times("تصدر النشرة يوميا.", None)[0].1, TimeKind::Set);
}

#[test]
fn relative_expressions() {
    let p = Some("2022-11-20");
    assert_eq!(values("وصل الوفد أمس.", p), vec![v("2022-11-19")]);
    assert_eq!(values("يصل الوفد غدا.", p), vec![v("2022-11-21")]);
    assert_eq!(values("وصل الوفد الأسبوع الماضي.", p), vec![v("2022-W45")]);
    assert_eq!(values("يصل الوفد الشهر المقبل.", p), vec![v("2022-12")]);
    assert_eq!(values("وصل الوفد العام الماضي.", p), vec![v("2021")]);
    assert_eq!(values("وصل الوفد قبل ثلاثة أيام.", p), vec![v("2022-11-17")]);
    assert_eq!(values("وصل الوفد منذ ثلاثة أيام.", p), vec![v("2022-11-17")]);
    // a part of a month keeps the month's value (the guideline's منتصف عام 2013 → 2013)
    assert_eq!(values("يصل الوفد منتصف الشهر الجاري.", p), vec![v("2022-11")]);
    assert_eq!(times("يصل الوفد خلال الأسبوع.", p)[0].0, "الأسبوع");
    assert_eq!(values("يصل الوفد خلال الأسبوع.", p), vec![v("2022-W46")]);
    // a month without a year: the nearest one to the publication date
    assert_eq!(values("وصل في 28 ديسمبر.", Some("2023-01-05")), vec![v("2022-12-28")]);
    // without a publication date: no value, never a guess
    let t = times("وصل الوفد أمس.", None);
    assert_eq!((t[0].2.clone(), t[0].3), (None, Anchor::None));
    let t = times("وأعلن في وقت سابق أنه سيعود.", p);
    assert_eq!(t[0].2, None);
}

#[test]
fn times_of_day_and_weekdays() {
    assert_eq!(values("يبدأ الاجتماع الساعة الثالثة مساء.", None), vec![v("T15:00")]);
    assert_eq!(values("يبدأ الاجتماع على 10:30 صباحا.", None), vec![v("T10:30")]);
    let t = times("اجتمع المجلس يوم الأحد.", None);
    assert_eq!((t[0].0.as_str(), t[0].2.clone()), ("يوم الأحد", v("XXXX-WXX-7")));
    assert_eq!(values("اجتمع المجلس يوم الأحد 5 مارس 2023.", None), vec![v("2023-03-05")]);
    assert_eq!(values("اجتمع المجلس في الثالث من مارس 2023.", None), vec![v("2023-03-03")]);
    // 2022-11-20 is a Sunday
    assert_eq!(values("يجتمع المجلس الخميس المقبل.", Some("2022-11-20")), vec![v("2022-11-24")]);
    assert_eq!(values("اجتمع المجلس الخميس الماضي.", Some("2022-11-20")), vec![v("2022-11-17")]);
    assert_eq!(values("اجتمع المجلس الأحد الماضي.", Some("2022-11-20")), vec![v("2022-11-13")]);
}

#[test]
fn impossible_dates_have_no_value() {
    for text in
        ["في 31 فبراير 2022 حدث ذلك.", "بتاريخ 31/13/2022 حدث ذلك.", "في 5 نوفمبر 99999 حدث ذلك.", "في 40 مارس 2020."]
    {
        let doc = analyze(text, Some("2022-11-20"));
        for t in &doc.times {
            assert!(t.value.is_none() && t.origin.confidence <= 0.2, "{text}: {t:?}");
        }
    }
    assert_eq!(values("في 29 فبراير 2024 حدث ذلك.", None), vec![v("2024-02-29")]);
}

#[test]
fn bad_input_does_not_panic() {
    let long = format!("في {} نوفمبر عام {} لمدة {} يوما", "9".repeat(400), "1".repeat(300), "7".repeat(50));
    let mixed = "في ١2/1١/٢0٢2 و٣١ ديسمبر ۲۰۲۲";
    for text in [long.as_str(), mixed, "", "منذ", "من 16 إلى", "بين و", "الساعة", "12/", "1446 هـ"]
    {
        let _ = analyze(text, Some("not a date"));
        let _ = analyze(text, Some("2022-11-20"));
    }
}

mod robustness {
    use super::*;
    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "16",
        "٢٨",
        "2022",
        "99999",
        "13",
        "0",
        "1446",
        "/",
        "-",
        "(",
        ")",
        ":",
        "30",
        "%",
        " ",
        " ",
        " ",
        "نوفمبر",
        "تشرين",
        "الثاني",
        "الجاري",
        "الماضي",
        "وإلى",
        "غاية",
        "منه",
        "من",
        "إلى",
        "بين",
        "و",
        "منذ",
        "عام",
        "قبل",
        "ثلاثة",
        "أيام",
        "يومين",
        "لمدة",
        "رجب",
        "هـ",
        "م",
        "الساعة",
        "الثالثة",
        "مساء",
        "يوم",
        "الأحد",
        "أمس",
        "مليار",
        "دولار",
        "دينار",
        "ما",
        "يقارب",
        "بضعة",
        "بالمئة",
        "في",
        "المائة",
        "برلمانيا",
        "ألف",
        "وعشرون",
        "فوستوك",
        "ً",
        "ـ",
        "\u{200F}",
        "\n",
        "،",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]
        #[test]
        fn any_mix_of_date_and_number_words_is_safe(idx in proptest::collection::vec(0..PIECES.len(), 0..40), published in prop::bool::ANY) {
            let text: String = idx.iter().map(|&i| PIECES[i]).collect();
            let doc = analyze(&text, published.then_some("2022-11-20"));
            let mut last = 0;
            for t in &doc.times {
                prop_assert!(t.span.start >= last && t.span.start <= t.span.end && t.span.end <= text.len());
                prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
                prop_assert!((0.0..=1.0).contains(&t.origin.confidence));
                last = t.span.end;
            }
            let mut last = 0;
            for q in &doc.quantities {
                prop_assert!(q.span.start >= last && q.span.start <= q.span.end && q.span.end <= text.len());
                prop_assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
                prop_assert!(q.value.is_none_or(f64::is_finite));
                last = q.span.end;
            }
        }
    }
}

#[test]
fn weekdays_alone_resolve_against_the_publication_date() {
    // 2015-08-07 is a Friday
    let p = Some("2015-08-07");
    assert_eq!(values("وأغلقت الأمانة المحلات الثلاثاء.", p), vec![v("2015-08-04")]);
    assert_eq!(values("وصل الوفد الجمعة.", p), vec![v("2015-08-07")]);
    // future tense: that day or the next one
    assert_eq!(values("سيعقد المجلس اجتماعه الأحد.", p), vec![v("2015-08-09")]);
    assert_eq!(values("يعقد المجلس اجتماعه الأحد المقبل.", p), vec![v("2015-08-09")]);
    assert_eq!(values("عقد المجلس اجتماعه الجمعة الماضي.", p), vec![v("2015-07-31")]);
    // a part of the day joins the day
    let t = times("وقعت الحادثة مساء الخميس.", p);
    assert_eq!((t[0].0.as_str(), t[0].2.clone()), ("مساء الخميس", v("2015-08-06")));
    let t = times("وصل صباح اليوم.", p);
    assert_eq!((t[0].0.as_str(), t[0].2.clone()), ("صباح اليوم", v("2015-08-07")));
}

#[test]
fn vague_times_and_recurrences() {
    let p = Some("2015-08-07");
    for text in ["تراجعت الأسعار خلال الفترة الماضية.", "سيتحسن الوضع في الأيام المقبلة.", "تغير ذلك في السنوات الأخيرة."]
    {
        let t = times(text, p);
        assert_eq!(t.len(), 1, "{text}: {t:?}");
        assert_eq!(t[0].2, None, "{text}");
    }
    assert_eq!(values("يصدر التقرير الشهري للهيئة.", p), vec![v("P1M")]);
    assert_eq!(values("سجل المؤشر أكبر تراجع يومي.", p), vec![v("P1D")]);
    // "at present" has no calendar value (guideline, Decision 3)
    assert_eq!(values("يقيم حاليا في جدة.", p), vec![None]);
    assert_eq!(values("قضى عشر سنوات في السجن.", p), vec![v("P10Y")]);
}

#[test]
fn current_year_without_publication_date_is_the_datelines_year() {
    let text = "أعلنت الوزارة يوم 16 يناير 2025 نتائج موازنة عام 2024، وتتوقع نموا خلال العام الجاري.";
    let t = times(text, None);
    let current = t.iter().find(|t| t.0 == "العام الجاري").expect("found");
    assert_eq!((current.2.clone(), current.3, current.4), (v("2025"), Anchor::Inferred, true));
}

#[test]
fn numeric_dates_in_hijri_month_day_order_and_with_spaces() {
    let t = times("صدر القرار في 6-3-1444 هجري بعد مشاورات.", None);
    assert_eq!((t[0].0.as_str(), t[0].2.clone()), ("6-3-1444 هجري", v("2022-10-02")));
    assert_eq!(analyze("صدر القرار في 6-3-1444 هجري.", None).times[0].calendar, Calendar::Hijri);
    // a Hijri year without its era word is still Hijri
    assert_eq!(values("صدر القرار في 6/3/1444 بعد مشاورات.", None), vec![v("2022-10-02")]);
    let t = times("وقع الاتفاق في 2-10- 2022 ميلادي بالعاصمة.", None);
    assert_eq!((t[0].0.as_str(), t[0].2.clone()), ("2-10- 2022 ميلادي", v("2022-10-02")));
    // 22 cannot be a month: month-day-year
    assert_eq!(values("صدر البيان في 09/22/2022 مساء.", None), vec![v("2022-09-22")]);
    // day and month without a year, after a word that announces a date
    assert_eq!(values("تنطلق الدورة في 19/4 بالعاصمة.", Some("2022-03-01")), vec![v("2022-04-19")]);
    assert!(values("النتيجة 19/4 لصالح الفريق.", Some("2022-03-01")).is_empty());
}

#[test]
fn an_expression_without_a_value_is_not_anchored() {
    let doc = analyze("بتاريخ 31/13/2022 حدث ذلك.", Some("2022-11-20"));
    assert_eq!((doc.times[0].value.clone(), doc.times[0].anchor), (None, Anchor::None));
}

#[test]
fn two_years_joined_are_a_stretch() {
    assert_eq!(values("أقيل المدرب قبيل نهاية موسم 2013-2014.", None), vec![v("2013/2014")]);
    let t = times("قبل الطلاب للعام الجامعي 1436/1437هـ.", None);
    assert_eq!(t.last().map(|t| (t.0.as_str(), t.1)), Some(("1436/1437هـ", TimeKind::Interval)));
}

#[test]
fn yearly_dates_are_sets() {
    let t = times("يحتفل العالم في 5 أكتوبر من كل عام باليوم العالمي للمعلم.", Some("2022-10-10"));
    assert_eq!((t[0].0.as_str(), t[0].1, t[0].2.clone()), ("5 أكتوبر من كل عام", TimeKind::Set, v("XXXX-10-05")));
    let t = times("يمنع الصيد ما بين 15 يونيو إلى 15 سبتمبر من كل عام ميلادي.", Some("2022-10-10"));
    assert_eq!((t[0].1, t[0].2.clone()), (TimeKind::Set, v("XXXX-06-15/XXXX-09-15")));
    // with its year it is one date
    assert_eq!(values("وقع في 5 أكتوبر 2021 وفي كل عام يحتفل.", None)[0], v("2021-10-05"));
}

#[test]
fn two_days_and_two_months() {
    let p = Some("2022-09-01");
    let t = times("يعقد المؤتمر يومي 26-27 سبتمبر في الرباط.", p);
    assert_eq!((t[0].0.as_str(), t[0].2.clone()), ("يومي 26-27 سبتمبر", v("2022-09-26/2022-09-27")));
    assert_eq!(values("يعقد المؤتمر يومي 26 و27 سبتمبر.", p), vec![v("2022-09-26/2022-09-27")]);
    // two days apart: each its date
    assert_eq!(values("إضراب عام يومي 22 و24 سبتمبر الجاري.", p), vec![v("2022-09-22"), v("2022-09-24")]);
    let t = times("ارتفعت المبيعات خلال شهري نونبر ودجنبر 2016.", p);
    assert_eq!((t[0].0.as_str(), t[0].2.clone()), ("شهري نونبر ودجنبر 2016", v("2016-11/2016-12")));
    // not "daily", not "monthly"
    assert!(times("يعقد المؤتمر يومي 26-27.", p).iter().all(|t| t.1 != TimeKind::Set));
    // the rhythm adjectives stay sets
    assert_eq!(values("تصدر النشرة اليومية.", p), vec![v("P1D")]);
}

#[test]
fn a_length_before_or_after_an_event_is_a_duration() {
    let p = Some("2022-10-10");
    let t = times("توفي المصاب بعد ثلاثة أيام من الحادث.", p);
    assert_eq!((t[0].0.as_str(), t[0].1, t[0].2.clone()), ("ثلاثة أيام", TimeKind::Duration, v("P3D")));
    assert_eq!(values("أعلن النتائج قبل يومين على الانتخابات.", p), vec![v("P2D")]);
    assert_eq!(values("وبعد 8 أسابيع تعافى المريض.", p), vec![v("P8W")]);
    // anchored to the publication date: a clause about the future, or قبل alone
    assert_eq!(values("سيعود الوفد بعد ثلاثة أيام.", p), vec![v("2022-10-13")]);
    assert_eq!(values("وصل الوفد قبل ثلاثة أيام.", p), vec![v("2022-10-07")]);
    assert_eq!(values("بنيت قبل أكثر من 400 عام.", p), vec![v("1622")]);
}

#[test]
fn ordinal_days_compound_and_with_a_relative_month() {
    let p = Some("2022-09-10");
    let t = times("تنتهي المهلة للسادس والعشرين من سبتمبر.", p);
    assert_eq!((t[0].0.as_str(), t[0].2.clone()), ("للسادس والعشرين من سبتمبر", v("2022-09-26")));
    assert_eq!(values("تقام في العاشر من شهر أغسطس 2015.", None), vec![v("2015-08-10")]);
    assert_eq!(values("تقام المباراتان في الثاني والخامس من الشهر المقبل.", p), vec![v("2022-10-02"), v("2022-10-05")]);
    assert_eq!(values("يصوم المسلمون اليوم الأول من رمضان 1444.", None), vec![v("2023-03-23")]);
}

#[test]
fn quarters_halves_and_first_months_of_a_year_are_intervals() {
    let p = Some("2015-08-10");
    let t = times("ارتفعت الأرباح في الربع الثاني من العام بنسبة 5%.", p);
    assert_eq!((t[0].0.as_str(), t[0].1, t[0].2.clone()), ("الربع الثاني", TimeKind::Interval, v("2015-04/2015-06")));
    assert_eq!(values("تراجع العجز خلال الثلاثية الأولى من 2017.", p), vec![v("2017-01/2017-03")]);
    assert_eq!(values("نما الاقتصاد في الأشهر العشرة الأولى من 2014.", p), vec![v("2014-01/2014-10")]);
    assert_eq!(values("سجل فائضا في الربع الأول من العام الماضي.", p), vec![v("2014-01/2014-03")]);
    assert_eq!(values("تحسن الأداء في السداسي الأول.", p), vec![v("2015-01/2015-06")]);
    // a quarter not yet begun at publication is last year's
    assert_eq!(values("تراجعت المبيعات في الربع الرابع.", p), vec![v("2014-10/2014-12")]);
    // the end of a quarter is its last month
    assert_eq!(values("بلغ الدين بنهاية الربع الأول من عام 2015 مستوى قياسيا.", p), vec![v("2015-03")]);
    // a match's half needs a year to be a year's half; الربعي is a recurrence
    assert!(values("سجل هدفا في النصف الأول من المباراة.", p).is_empty());
    assert_eq!(values("نشرت الشركة تقريرها الربعي.", p), vec![v("P3M")]);
}

#[test]
fn durations_said_without_a_number() {
    let p = Some("2022-10-10");
    let t = times("استمر الحصار عاما كاملا ثم يوما واحدا.", p);
    assert_eq!(
        t.iter().map(|t| (t.0.as_str(), t.2.clone())).collect::<Vec<_>>(),
        vec![("عاما كاملا", v("P1Y")), ("يوما واحدا", v("P1D"))]
    );
    assert_eq!(values("قضى في السجن سنة واحدة.", p), vec![v("P1Y")]);
    let t = times("ينتظر ما يقارب الشهر.", p);
    assert_eq!((t[0].0.as_str(), t[0].2.clone()), ("ما يقارب الشهر", v("P1M")));
    assert_eq!(values("يعيش هناك منذ قرابة الـ 5 عقود.", p).len(), 1);
    assert_eq!(times("يعيش هناك منذ قرابة الـ 5 عقود.", p)[0].0, "قرابة الـ 5 عقود");
    // a length whose number is not given: vague
    let t = times("تأخر الوفد بضع ساعات.", p);
    assert_eq!((t[0].0.as_str(), t[0].1, t[0].2.clone()), ("بضع ساعات", TimeKind::Date, None));
    assert_eq!(values("بقيت آثاره رغم مرور مئات الأعوام.", p), vec![None]);
    // عقود after a number is also "contracts"
    assert!(times("وقعت الشركة 3 عقود جديدة.", p).is_empty());
}

#[test]
fn ages_and_ranges_of_lengths() {
    let p = Some("2022-10-10");
    let t = times("يبلغان من العمر 37 و 43 سنة.", p);
    assert_eq!(
        t.iter().map(|t| (t.0.as_str(), t.2.clone())).collect::<Vec<_>>(),
        vec![("37", v("P37Y")), ("43 سنة", v("P43Y"))]
    );
    assert_eq!(values("تجاوز 35 من العمر.", p), vec![v("P35Y")]);
    assert_eq!(values("أصيب في الرابعة من عمره.", p), vec![v("P4Y")]);
    assert_eq!(values("يستهدف الشباب دون سن الثلاثين.", p), vec![v("P30Y")]);
}

#[test]
fn lengths_with_the_article() {
    let p = Some("2016-05-10");
    let t = times("تراجع التضخم خلال الشهرين المنقضين وطيلة الأشهر السبعة المنقضية.", p);
    assert_eq!(
        t.iter().map(|t| (t.0.as_str(), t.2.clone())).collect::<Vec<_>>(),
        vec![("الشهرين المنقضين", v("P2M")), ("الأشهر السبعة المنقضية", v("P7M"))]
    );
    assert_eq!(values("امتلأت الساحات على مدى الأيام الأربعة الماضية.", p), vec![v("P4D")]);
    // a plural unit and a number with the article need the adjective: الأيام الأربعة
    // alone may be any four days
    assert!(values("وزع الأيام الأربعة على الفرق.", p).is_empty());
}

#[test]
fn a_weekday_before_a_numeric_date_with_spaces() {
    let t = times("تغلق المنافذ اعتبارا من يوم الأربعاء 6 / 10 / 1436هـ.", None);
    assert_eq!((t[0].0.as_str(), t[0].2.clone()), ("يوم الأربعاء 6 / 10 / 1436هـ", v("2015-07-22")));
}

#[test]
fn times_of_day_as_ordinals_and_on_a_day() {
    let p = Some("2015-08-04");
    assert_eq!(values("تعمل المخابز من السادسة صباحا إلى العاشرة ليلا.", p), vec![v("T06:00"), v("T22:00")]);
    assert_eq!(values("يبدأ الحفل الساعة الخامسة والنصف مساء.", p), vec![v("T17:30")]);
    let t = times("وقع الحادث الساعة 17:30 من مساء أمس.", p);
    assert_eq!(
        (t[0].0.as_str(), t[0].1, t[0].2.clone()),
        ("الساعة 17:30 من مساء أمس", TimeKind::Time, v("2015-08-03T17:30"))
    );
    assert_eq!(values("تفتح الأبواب منتصف النهار.", p), vec![v("T12:00")]);
    // an ordinal before a part of the day and a day: the day's
    assert_eq!(values("تقام المباراة الثانية مساء اليوم.", p), vec![v("2015-08-04")]);
}

#[test]
fn weekday_after_tomorrow_and_not_the_friday_prayer() {
    // 2015-08-10 is a Monday
    let p = Some("2015-08-10");
    assert_eq!(values("يعاد تشغيل المفاعل المقرر غدا الثلاثاء.", p), vec![v("2015-08-11")]);
    assert!(values("وقع التفجير خلال صلاة الجمعة وخطبة الجمعة.", p).is_empty());
    // a day word and its weekday are one expression valued by the day word, even where a
    // corpus date a day after print makes them disagree (2017-02-03 is a Friday)
    assert_eq!(values("يلعب الفريق مساء غد الخميس.", Some("2017-02-03")), vec![v("2017-02-04")]);
    assert_eq!(values("ينتهي الدواء بعد غد السبت.", Some("2016-10-09")), vec![v("2016-10-11")]);
}

#[test]
fn an_ordinal_after_a_week_is_not_a_day() {
    let t = times("تراجعت الكميات خلال الأسبوع الثالث من شهر جانفي 2017.", Some("2017-02-03"));
    assert_eq!(t.iter().map(|t| (t.0.as_str(), t.2.clone())).collect::<Vec<_>>(), vec![("جانفي 2017", v("2017-01"))]);
    // a time of day after a bound is not an hour's length
    assert_eq!(values("وقع الحادث قرابة الساعة 8:00 صباحا.", None), vec![v("T08:00")]);
}

#[test]
fn days_before_yesterday_and_day_words() {
    let p = Some("2015-08-07");
    let t = times("مثل المتهمون أمام المحكمة أمس الأول.", p);
    assert_eq!((t[0].0.as_str(), t[0].2.clone()), ("أمس الأول", v("2015-08-05")));
    assert_eq!(values("أطلقت التغريدات البارحة الأولى.", p), vec![v("2015-08-05")]);
    assert_eq!(times("عقدت الجلسة يوم أمس.", p)[0].0, "يوم أمس");
}

#[test]
fn feasts_are_hijri_dates() {
    // Eid al-Fitr 1436 began on 2015-07-17
    let p = Some("2015-07-21");
    assert_eq!(values("هنأ الجميع بعيد الفطر المبارك.", p), vec![v("2015-07-17")]);
    assert_eq!(values("ضبطت المخالفات خلال أيام العيد.", p), vec![v("2015-07-17/2015-07-19")]);
    assert_eq!(values("عادت الحركة بعد إجازة عيد الفطر.", p), vec![v("2015-07-17/2015-07-19")]);
    assert_eq!(values("ازدحمت الحدائق يومي العيد.", p), vec![v("2015-07-17/2015-07-18")]);
    assert_eq!(values("ازدحمت الحدائق أول أيام العيد.", p), vec![v("2015-07-17")]);
    assert_eq!(values("ازدحمت الحدائق في اليوم الثاني لعيد الفطر.", p), vec![v("2015-07-18")]);
    // another feast
    assert!(values("احتفلت البلاد بالعيد الوطني.", p).is_empty());
}

#[test]
fn vague_seasons_and_times_that_refer_back() {
    let p = Some("2015-08-04");
    assert_eq!(values("أقام الفريق معسكره للموسم المقبل.", p), vec![None]);
    assert_eq!(values("تغير الوضع عما كان سابقا.", p), vec![None]);
    // العام نفسه takes the year of the last date given, and says so
    let doc = analyze("تأسست الشركة في 2009 وفي العام نفسه توسعت.", p);
    let t = &doc.times[1];
    assert_eq!((t.value.clone(), t.anchor, t.inferred), (v("2009"), Anchor::Inferred, true));
    assert_eq!(doc.slice(t.evidence.expect("evidence").span), "2009");
    assert_eq!(
        values("وقع الحادث في 3 مايو 2014 وفي اليوم التالي اعتقل المشتبه.", p),
        vec![v("2014-05-03"), v("2014-05-04")]
    );
    // a family name is not a rhythm adjective
    assert!(values("وقال عبدالرحمن الشهري إن الموعد تأجل.", p).is_empty());
}

#[test]
fn years_before_words_that_are_not_counted() {
    assert_eq!(values("ففي 2011 أرغم بضغط من المحافظين على الاستقالة.", None), vec![v("2011")]);
    assert_eq!(values("فازت بتنظيم الألعاب الشتوية 2022 لتصبح أول مدينة.", None), vec![v("2022")]);
    // a number that counts is not a year
    assert!(values("شارك 2011 شخصا في السباق.", None).is_empty());
    assert!(values("شارك 2000 شخص في السباق.", None).is_empty());
}

#[test]
fn a_bound_before_a_lone_unit_and_times_of_day_without_an_hour() {
    let p = Some("2015-08-02");
    let t = times("بقي البلد بلا رئيس لأكثر من عام ونحو شهر.", p);
    assert_eq!(
        t.iter().map(|t| (t.0.as_str(), t.2.clone())).collect::<Vec<_>>(),
        vec![("لأكثر من عام", v("P1Y")), ("نحو شهر", v("P1M"))]
    );
    let t = times("تنتهي الدورة بعد الظهر ويصل الموكب عند الظهر.", p);
    assert_eq!(
        t.iter().map(|t| (t.1, t.2.clone())).collect::<Vec<_>>(),
        vec![(TimeKind::Time, None), (TimeKind::Time, v("T12:00"))]
    );
    assert_eq!(values("لا معلومات في الوقت الحاضر.", p), vec![None]);
}

#[test]
fn a_byline_is_not_a_date() {
    let t = times("عين اليوم – الرياض\nوصل الوفد اليوم إلى العاصمة.", Some("2015-08-02"));
    assert_eq!(t.iter().map(|t| t.0.as_str()).collect::<Vec<_>>(), vec!["اليوم"]);
    let text = "عين اليوم – الرياض\nوصل الوفد اليوم إلى العاصمة.";
    assert_eq!(analyze(text, Some("2015-08-02")).times[0].span.start, text.rfind("اليوم").unwrap());
}

#[test]
fn part_of_a_month_or_year_and_months_without_a_year() {
    let p = Some("2015-08-02");
    let t = times("وقعت اعتداءات باريس في مطلع يناير، وبدأ المشروع منتصف عام 2013.", p);
    assert_eq!(
        t.iter().map(|t| (t.0.as_str(), t.2.clone())).collect::<Vec<_>>(),
        vec![("مطلع يناير", v("2015-01")), ("منتصف عام 2013", v("2013"))]
    );
    // a month more than half a year before publication is next year's only in a clause
    // about the future
    assert_eq!(values("ستقام الانتخابات في يناير.", p), vec![v("2016-01")]);
    assert_eq!(values("تراجعت الصادرات مقارنة بشهر دسيمبر.", Some("2017-01-25")), vec![v("2016-12")]);
}

#[test]
fn the_same_stretch_refers_back() {
    let t = times("ارتفعت الإيرادات في الربع الثاني من 2015 مقارنة بالفترة نفسها.", Some("2015-08-02"));
    assert_eq!(t[1].2, v("2015-04/2015-06"));
    assert_eq!(t[1].3, Anchor::Inferred);
}

#[test]
fn dates_in_names_and_the_coming_day_of_this_month() {
    let p = Some("2017-02-13");
    let t = times("يستقبل النادي يوم 19 فيفري المقبل ضيفه بملعب 15 أكتوبر ببنزرت.", p);
    assert_eq!(
        t.iter().map(|t| (t.0.as_str(), t.2.clone())).collect::<Vec<_>>(),
        vec![("يوم 19 فيفري المقبل", v("2017-02-19"))]
    );
    assert_eq!(values("أعلن في 5 فيفري الماضي.", p), vec![v("2017-02-05")]);
    assert_eq!(values("تبدأ المحادثات في 25 جاني.", Some("2016-01-10")), vec![v("2016-01-25")]);
}

#[test]
fn halves_ages_in_the_first_person_and_days_in_a_row() {
    let p = Some("2017-05-10");
    let t = times("يعمل به منذ حوالي سنة ونصف واستمر الاجتماع ساعتين ونصف ثم نصف ساعة.", p);
    assert_eq!(
        t.iter().map(|t| (t.0.as_str(), t.2.clone())).collect::<Vec<_>>(),
        vec![("حوالي سنة ونصف", v("P1Y6M")), ("ساعتين ونصف", v("PT2H30M")), ("نصف ساعة", v("PT30M"))]
    );
    let t = times("تزوجته حين كنت في الـ 15 من عمري، وهو دون سن الـ 18.", p);
    assert_eq!(t.iter().map(|t| t.2.clone()).collect::<Vec<_>>(), vec![v("P15Y"), v("P18Y")]);
    let t = times("يعقد المؤتمر أيام 19 و20 و21 ماي 2017.", p);
    assert_eq!((t[0].0.as_str(), t[0].2.clone()), ("أيام 19 و20 و21 ماي 2017", v("2017-05-19/2017-05-21")));
}
