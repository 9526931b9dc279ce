//! Cases met in news the rules had not seen, one test each, in sentences of their own.

use super::*;
use crate::{Metadata, Pipeline};

const PUBLISHED: &str = "2022-10-10";

fn analyze(text: &str) -> Document {
    let meta = Metadata { published: Some(PUBLISHED.to_owned()), ..Default::default() };
    Pipeline::new().analyze_through(text, meta, "times")
}

/// (surface, kind, value, anchor, calendar) of each time expression.
fn times(text: &str) -> Vec<(String, TimeKind, Option<String>, Anchor, Calendar)> {
    let doc = analyze(text);
    doc.times.iter().map(|t| (doc.slice(t.span).to_owned(), t.kind, t.value.clone(), t.anchor, t.calendar)).collect()
}

fn one(text: &str) -> (String, TimeKind, Option<String>, Anchor, Calendar) {
    let t = times(text);
    assert_eq!(t.len(), 1, "{text}: {t:?}");
    t.into_iter().next().unwrap()
}

fn v(s: &str) -> Option<String> {
    Some(s.to_owned())
}

#[test]
fn quarter_of_the_year_is_the_interval_of_its_months() {
    let t = one("ارتفعت الأرباح في الربع الثاني من العام الجاري.");
    assert_eq!((t.0.as_str(), t.1, t.2), ("الربع الثاني من العام الجاري", TimeKind::Interval, v("2022-04/2022-06")));
    let t = one("ارتفعت الأرباح خلال الثلاثية الأولى من 2022.");
    assert_eq!((t.1, t.2), (TimeKind::Interval, v("2022-01/2022-03")));
}

#[test]
fn first_months_of_a_year_are_an_interval() {
    let t = one("بلغت الصادرات في الأشهر العشرة الأولى من 2014 رقما قياسيا.");
    assert_eq!((t.0.as_str(), t.1, t.2), ("الأشهر العشرة الأولى من 2014", TimeKind::Interval, v("2014-01/2014-10")));
}

#[test]
fn two_days_after_the_dual_day_word_are_one_interval_not_a_rhythm() {
    let t = one("تنظم الدورة يومي 26-27 أكتوبر في الرباط.");
    assert_eq!((t.0.as_str(), t.1, t.2), ("يومي 26-27 أكتوبر", TimeKind::Interval, v("2022-10-26/2022-10-27")));
}

#[test]
fn two_months_after_the_dual_month_word_are_one_interval_not_a_rhythm() {
    let t = one("تنظم المعارض خلال شهري نونبر ودجنبر المقبلين.");
    assert_eq!((t.0.as_str(), t.1, t.2), ("شهري نونبر ودجنبر", TimeKind::Interval, v("2022-11/2022-12")));
}

#[test]
fn numeric_hijri_date_is_converted_and_marked_hijri() {
    let t = one("ولد في 6-3-1444 هجري في مكة.");
    assert_eq!((t.0.as_str(), t.2, t.4), ("6-3-1444 هجري", v("2022-10-02"), Calendar::Hijri));
}

#[test]
fn numeric_date_with_a_space_before_the_year_is_whole() {
    let t = one("صدر القرار بتاريخ 2-10- 2022 ميلادي.");
    assert_eq!((t.0.as_str(), t.2, t.4), ("2-10- 2022 ميلادي", v("2022-10-02"), Calendar::Gregorian));
}

#[test]
fn numeric_date_whose_second_number_cannot_be_a_month_is_month_first() {
    let t = one("صدر القرار بتاريخ 09/22/2022 في الرياض.");
    assert_eq!((t.0.as_str(), t.2, t.3), ("09/22/2022", v("2022-09-22"), Anchor::Absolute));
}

#[test]
fn day_word_and_weekday_are_one_expression() {
    // the guideline (Decision 2): a day word and its weekday name one day, valued by the day word
    let t = one("وصل الوفد أمس الأحد إلى العاصمة.");
    assert_eq!((t.0.as_str(), t.2), ("أمس الأحد", v("2022-10-09")));
    let t = one("يبدأ الاجتماع اليوم الاثنين في العاصمة.");
    assert_eq!((t.0.as_str(), t.2), ("اليوم الاثنين", v("2022-10-10")));
    let t = one("تنطلق الدورة غدا (الثلاثاء) في العاصمة.");
    assert_eq!((t.0.as_str(), t.2), ("غدا (الثلاثاء)", v("2022-10-11")));
    // a weekday that is not the day word's neighbour stays its own expression
    assert_eq!(times("وصل الوفد أمس، وسيغادر يوم الأحد.").len(), 2);
}

#[test]
fn date_of_every_year_is_a_yearly_set() {
    let t = one("يحتفل العالم في 5 أكتوبر من كل عام بيوم المعلم.");
    assert_eq!((t.0.as_str(), t.1, t.2), ("5 أكتوبر من كل عام", TimeKind::Set, v("XXXX-10-05")));
}

#[test]
fn length_after_an_event_is_a_duration() {
    let t = one("أعلن الجيش وقف إطلاق النار، وبعد ثلاثة أيام استؤنف القتال.");
    assert_eq!((t.0.as_str(), t.1, t.2), ("ثلاثة أيام", TimeKind::Duration, v("P3D")));
    let t = one("يخضع المريض للعلاج ثم يعود بعد 8 أسابيع إلى العمل.");
    assert_eq!((t.0.as_str(), t.1, t.2), ("8 أسابيع", TimeKind::Duration, v("P8W")));
    // in a clause about the future, from the publication date: the date that long after it
    let t = one("سيعود الوفد إلى البلاد بعد ثلاثة أيام.");
    assert_eq!((t.0.as_str(), t.1, t.2, t.3), ("بعد ثلاثة أيام", TimeKind::Date, v("2022-10-13"), Anchor::Published));
}

#[test]
fn compound_ordinal_day_of_a_month_is_the_day() {
    let t = one("تأجلت المباراة للسادس والعشرين من سبتمبر الجاري.");
    assert_eq!(t.2, v("2022-09-26"));
}

#[test]
fn whole_year_is_one_year() {
    let t = one("استمرت الأشغال عاما كاملا دون توقف.");
    assert_eq!((t.0.as_str(), t.1, t.2), ("عاما كاملا", TimeKind::Duration, v("P1Y")));
}

#[test]
fn lone_hour_after_a_verb_of_lasting_is_one_hour() {
    let t = one("استمر الاجتماع ساعة قبل أن ينفض.");
    assert_eq!((t.0.as_str(), t.1, t.2), ("ساعة", TimeKind::Duration, v("PT1H")));
    let t = one("دامت الحرب عاما كاملا.");
    assert_eq!((t.0.as_str(), t.2), ("عاما كاملا", v("P1Y")));
    // after a preposition it is a point of time, not a length
    assert!(times("امتدت المفاوضات إلى ساعة متأخرة من الليل.").iter().all(|t| t.1 != TimeKind::Duration));
}

#[test]
fn one_day_with_its_number_word_is_one_day() {
    let t = one("بقي في المستشفى يوما واحدا فقط.");
    assert_eq!((t.0.as_str(), t.1, t.2), ("يوما واحدا", TimeKind::Duration, v("P1D")));
}

#[test]
fn a_few_hours_is_vague() {
    let t = one("بعد بضع ساعات من الانفجار وصلت فرق الإنقاذ.");
    assert_eq!((t.0.as_str(), t.1, t.2), ("بضع ساعات", TimeKind::Date, None));
}

#[test]
fn bound_on_a_definite_unit_is_inside_the_span() {
    let t = one("غاب عن البلاد ما يقارب الشهر.");
    assert_eq!((t.0.as_str(), t.1, t.2), ("ما يقارب الشهر", TimeKind::Duration, v("P1M")));
}

#[test]
fn two_ages_sharing_one_unit_are_two_durations() {
    let t = times("الشابان يبلغان من العمر 37 و 43 سنة.");
    let got: Vec<_> = t.iter().map(|t| (t.0.as_str(), t.1, t.2.clone())).collect();
    assert_eq!(got, [("37", TimeKind::Duration, v("P37Y")), ("43 سنة", TimeKind::Duration, v("P43Y"))]);
}

#[test]
fn interval_starts_after_its_opening_preposition() {
    // the guideline (Decision 1): من is outside the span, إلى joins the two ends and stays
    let t = one("ينظم المهرجان من 5 إلى 15 أكتوبر في المدينة.");
    assert_eq!((t.0.as_str(), t.1, t.2), ("5 إلى 15 أكتوبر", TimeKind::Interval, v("2022-10-05/2022-10-15")));
}

#[test]
fn first_day_of_an_event_is_not_today() {
    let t = times("احتفل الطلاب في اليوم الأول من المهرجان.");
    assert!(t.iter().all(|t| t.2.as_deref() != Some(PUBLISHED)), "{t:?}");
    let t = times("وصل الوفد في اليوم الثاني للقمة.");
    assert!(t.iter().all(|t| t.2.as_deref() != Some(PUBLISHED)), "{t:?}");
    // an ordinal without the article heads its own phrase: اليوم is today
    let t = times("يخوض الفريق اليوم رابع تجاربه الودية.");
    assert_eq!(t.first().map(|t| t.2.clone()), Some(v(PUBLISHED)), "{t:?}");
    let t = one("تنطلق العروض عند الساعة العاشرة من مساء اليوم أول عروضها.");
    assert_eq!((t.0.as_str(), t.2), ("الساعة العاشرة من مساء اليوم", v("2022-10-10T22:00")));
}

#[test]
fn now_words_meaning_at_present_have_no_value() {
    // the guideline (Decision 3): "at present" is not a calendar day
    for text in
        ["تعمل الشركة حاليا على تطوير منتجاتها.", "أصبح الآن من الضروري إصلاح النظام.", "لم يعلن عن سعره حتى اليوم."]
    {
        let t = one(text);
        assert_eq!((t.1, t.2), (TimeKind::Date, None), "{text}");
    }
    // "اليوم" of an event of the day keeps the publication date
    let t = one("قال الوزير اليوم إن الاتفاق قريب.");
    assert_eq!((t.2, t.3), (v(PUBLISHED), Anchor::Published));
}

#[test]
fn maghrebi_last_places_months_weekdays_and_units_in_the_past() {
    // الفارط and المنقضي are the Tunisian press's الماضي
    let t = one("وصل الوفد إلى تونس في فيفري الفارط.");
    assert_eq!((t.0.as_str(), t.2), ("فيفري الفارط", v("2022-02")));
    let t = one("عاد الوفد في مارس المنقضي إلى تونس.");
    assert_eq!((t.0.as_str(), t.2), ("مارس المنقضي", v("2022-03")));
    let t = one("اجتمع المجلس يوم الاثنين الفارط في القصبة.");
    assert_eq!((t.0.as_str(), t.2), ("يوم الاثنين الفارط", v("2022-10-03")));
    let t = one("التقى الوزير الأسبوع المنقضي بالسفير.");
    assert_eq!((t.0.as_str(), t.2), ("الأسبوع المنقضي", v("2022-W40")));
    let t = one("تراجعت الصادرات خلال السنة الفارطة بنسبة كبيرة.");
    assert_eq!((t.0.as_str(), t.2), ("السنة الفارطة", v("2021")));
}

#[test]
fn since_a_length_without_its_number_is_a_vague_past() {
    for (text, span) in [
        ("يلعب الفريق منذ سنوات بحارس مؤقت.", "منذ سنوات"),
        ("كان يتطلع لزيارة المدينة منذ فترة طويلة.", "منذ فترة طويلة"),
        ("بدأت العروض منذ أيام في العاصمة.", "منذ أيام"),
    ] {
        let t = one(text);
        assert_eq!((t.0.as_str(), t.1, t.2), (span, TimeKind::Date, None), "{text}");
    }
    // an event after منذ is not a time
    assert!(times("يعاني الفريق منذ رحيل مدربه.").is_empty());
}

#[test]
fn few_past_days_and_last_night_are_found() {
    let t = one("أعيد تشكيل اللجان في الفترة القليلة الماضية.");
    assert_eq!((t.0.as_str(), t.2), ("الفترة القليلة الماضية", None));
    let t = one("قال مسؤول الليلة الماضية إن بلاده وافقت.");
    assert_eq!((t.0.as_str(), t.2), ("الليلة الماضية", v("2022-10-09")));
}

#[test]
fn hour_after_an_article_written_apart_is_a_clock_time() {
    let t = times("يمنع العمل من الساعة ال12 ظهراً إلى الساعة ال 3 مساءً.");
    let got: Vec<_> = t.iter().map(|t| (t.0.as_str(), t.2.clone())).collect();
    assert_eq!(got, vec![("الساعة ال12 ظهراً", v("T12:00")), ("الساعة ال 3 مساءً", v("T15:00"))]);
}

#[test]
fn season_of_a_year_keeps_the_years_value_and_a_placed_season_is_vague() {
    let t = one("وجد نفسه مهمشا منذ وصول المدرب في صيف 2014 إلى النادي.");
    assert_eq!((t.0.as_str(), t.2), ("صيف 2014", v("2014")));
    let t = one("زار الوزير الموقع الصيف الماضي مع الوفد.");
    assert_eq!((t.0.as_str(), t.1, t.2), ("الصيف الماضي", TimeKind::Date, None));
    // a named era is not a season of a year
    assert!(times("تغيرت المنطقة بعد الربيع العربي.").is_empty());
}

#[test]
fn ramadan_alone_is_the_month_after_a_word_of_time_not_a_name() {
    let t = one("كان اللقاء مجدولا في رمضان لكنه تأجل.");
    assert_eq!((t.0.as_str(), t.1, t.4), ("رمضان", TimeKind::Interval, Calendar::Hijri));
    assert!(times("توفيت المسنة عيشة بنت رمضان في كوخها.").is_empty());
}

#[test]
fn first_of_a_hijri_month_is_its_first_day() {
    let t = one("تدشن الوزارة في غرة شهر ربيع الآخر المسار الإلكتروني.");
    assert_eq!((t.1, t.4), (TimeKind::Date, Calendar::Hijri), "{t:?}");
    assert!(t.0.starts_with("غرة"), "{t:?}");
}

#[test]
fn half_hour_without_the_article_and_at_night() {
    let t = one("خرج المركب في حدود الساعة الثامنة ونصف ليلا من الميناء.");
    assert_eq!((t.0.as_str(), t.2), ("الساعة الثامنة ونصف ليلا", v("T20:30")));
}

#[test]
fn two_amounts_after_bain_are_not_years() {
    assert!(times("تقاضى المهربون بين 1200 و1800 دولار مقابل الرحلة.").is_empty());
    let t = one("تضاعف الإنتاج بين 2014 و2018 في المنطقة.");
    assert_eq!((t.1, t.2), (TimeKind::Interval, v("2014/2018")));
}

#[test]
fn vague_many_before_a_placed_week_leaves_the_week_its_own() {
    let t = one("أسفر الهجوم عن مقتل العشرات الأسبوع الماضي في المدينة.");
    assert_eq!((t.0.as_str(), t.2), ("الأسبوع الماضي", v("2022-W40")));
}

#[test]
fn light_year_is_a_distance_not_a_length_of_time() {
    assert!(times("تقع المجرة على بعد مليار سنة ضوئية من الأرض.").is_empty());
}

#[test]
fn decade_of_the_last_century_takes_the_century_in() {
    let t = one("حدث ذلك في مطلع تسعينات القرن الماضي في المنطقة.");
    assert_eq!((t.0.as_str(), t.2), ("مطلع تسعينات القرن الماضي", v("199X")));
}
