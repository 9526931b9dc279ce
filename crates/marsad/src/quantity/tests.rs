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

/// The (surface, value) pairs of a text's quantities.
fn found(text: &str) -> Vec<(String, Option<f64>)> {
    quantities(text).into_iter().map(|q| (q.0, q.2)).collect()
}

#[test]
fn list_markers_and_numbers_of_articles_and_laws_are_not_quantities() {
    let text =
        "أعلنت الوزارة ما يلي:\n6. تنص المادة (2) من القانون على الحظر.\n7- يطبق الفصل 201 والفصول 202 و204 و280، \
                والأمر عدد 4522 لسنة 2013 والمادة الرابعة عشرة من النظام.";
    assert!(quantities(text).is_empty(), "{:?}", quantities(text));
    // a number in a line's middle followed by a full stop stays a quantity
    assert_eq!(found("وصل عدد الزوار إلى 6."), vec![("6".to_owned(), Some(6.0))]);
}

#[test]
fn telephone_flight_and_model_numbers_are_not_quantities() {
    let text = "اتصلوا بالرقم 0112038222 أو 71.960.448 أو 98728107، وأقلعت الرحلة ام اتش-370 ومعها طائرات اف-16.";
    assert!(quantities(text).is_empty(), "{:?}", quantities(text));
    // a long number with its currency is an amount
    let q = one("رصدت الحكومة 12000000 دولار للمشروع.");
    assert_eq!((q.1, q.2), (QuantityKind::Money, Some(12e6)));
}

#[test]
fn names_that_look_like_numbers_are_not_quantities() {
    let text = "وصل وفد من البحرين إلى الدوحة، واستقبله الشيخ تميم آل ثاني ونوري أبو سهمين، \
                وحقق نتائج غير مسبوقين بدعم خادم الحرمين الشريفين، ودارت اشتباكات في شارع الستين \
                والشارع العاشر، وزاد معتنقو الأديان، وأغلق ملعب 15 أكتوبر.";
    assert!(quantities(text).is_empty(), "{:?}", quantities(text));
}

#[test]
fn ordinals_in_fixed_names_are_not_ranks() {
    let text = "يلعب في دوري الدرجة الأولى منذ الحرب العالمية الثانية، والتقى الوزير الأول، \
                وارتفع ثاني أكسيد الكربون، وبدا للوهلة الأولى سهلا.";
    assert!(quantities(text).is_empty(), "{:?}", quantities(text));
    // a rank in a table stays an ordinal
    assert_eq!(one("احتل الفريق المرتبة الثانية.").1, QuantityKind::Ordinal);
}

#[test]
fn a_fraction_with_the_article_or_in_a_rounds_name_is_not_a_number() {
    assert!(quantities("تأهل إلى نصف النهائي ثم ربع نهائي البطولة بعد الربع الأخير.").is_empty());
    let q = one("خسر ثلث السكان وظائفهم.");
    assert_eq!((q.1, q.2), (QuantityKind::Number, Some(1.0 / 3.0)));
}

#[test]
fn compound_ordinals_are_one_ordinal() {
    let q = one("حل الفريق في المركز السابع عشر برصيد.");
    assert_eq!((q.0.as_str(), q.1, q.2), ("السابع عشر", QuantityKind::Ordinal, Some(17.0)));
    let q = one("فاز في الجولة الحادية والعشرين.");
    assert_eq!((q.0.as_str(), q.2), ("الحادية والعشرين", Some(21.0)));
}

#[test]
fn a_number_goes_on_after_its_scale_word_and_wa() {
    let q = one("بلغ عدد الزوار 16 ألفا و513 زائرا.");
    assert_eq!((q.0.as_str(), q.1, q.2, q.3), ("16 ألفا و513 زائرا", QuantityKind::Count, Some(16513.0), s("زائر")));
    assert_eq!(one("ساعدت حوالي مليون و800 ألف طفل.").2, Some(1.8e6));
    assert_eq!(one("بلغت 3 مليارات و500 مليون دولار.").2, Some(3.5e9));
    assert_eq!(one("سجلت حوالي مليونين و500 ألف ليلة سياحية.").2, Some(2.5e6));
    // two amounts joined by و stay two (the second is not smaller than the scale)
    assert_eq!(found("أنفق 3 ملايين و4 ملايين دولار").len(), 2);
}

#[test]
fn digits_in_parentheses_take_the_scale_and_currency_after_them() {
    let q = one("رصدت الحكومة (360) مليون دينار أردني للمشروع.");
    assert_eq!((q.0.as_str(), q.1, q.2, q.3), ("(360) مليون دينار أردني", QuantityKind::Money, Some(360e6), s("JOD")));
    // as written, even where the digits already hold the millions
    assert_eq!(one("رصدت (360,000,000) مليون دينار للمشروع.").2, Some(360e12));
    let q = one("بلغت التكلفة (1 ترليون) ريال سعودي.");
    assert_eq!((q.0.as_str(), q.2), ("(1 ترليون) ريال سعودي", Some(1e12)));
}

#[test]
fn the_accusative_noun_after_a_number_ending_in_eleven_to_ninety_nine_is_singular() {
    assert_eq!(one("زار المعرض 513 زائرا.").3, s("زائر"));
    assert_eq!(one("زار المعرض 500 زائر.").3, s("زائر"));
}

#[test]
fn a_shared_currency_takes_the_country_the_article_speaks_of() {
    assert_eq!(one("ارتفع سعر الخبز في القاهرة إلى 20 جنيها.").3, s("EGP"));
    assert_eq!(one("ارتفع سعر الخبز في الخرطوم إلى 20 جنيها.").3, s("SDG"));
    assert_eq!(one("أعلنت الحكومة الكويتية منحة قيمتها 500 دينار.").3, s("KWD"));
    assert_eq!(one("رصدت بلدية تونس العاصمة 50 ألف دينار لتهيئة الطرقات.").3, s("TND"));
    assert_eq!(one("تصل أسعار المحلات في المملكة إلى مليون ريال.").3, s("SAR"));
    // nothing tells the country: no code for a dinar; a riyal or a pound is the one
    // the Arab press most often means, less sure
    assert_eq!(one("بلغت الغرامة 500 دينار.").3, None);
    let doc = Pipeline::new().analyze_through("بلغ سعر السهم 14,46 ريال.", Metadata::default(), "quantities");
    let q = &doc.quantities[0];
    assert_eq!((q.unit.as_deref(), q.origin.rule.as_ref()), (Some("SAR"), "quantity.money.default"));
    assert!(q.origin.confidence <= 0.6);
    // words that name towns somewhere are not evidence (أن، دور، الأمانة); a common word
    // that is a small town (عتق: Ataq in Yemen) counts once, a large city twice
    assert_eq!(one("قالت الأمانة إن دور المحلات أن تعلن 30 ألف دينار.").3, None);
    let text =
        "اكتمل مبلغ عتق رقبة السجين، والبالغ 20 مليون ريال، بعد أن تبرع أهل المدينة المنورة لعتق السجين، وأعلن عتقه.";
    assert_eq!(one(text).3, s("SAR"));
}

#[test]
fn subunits_are_money_in_the_main_unit() {
    let q = one("حجزت الجمارك الجزائرية مبلغ 230 مليون سنتيم.");
    assert_eq!((q.1, q.2, q.3), (QuantityKind::Money, Some(2.3e6), s("DZD")));
    let q = one("ارتفع سعر الخبز في تونس بـ50 مليما.");
    assert_eq!((q.2, q.3), (Some(0.05), s("TND")));
    // a subunit of one country only
    let q = one("ارتفع سعر الكيلوغرام إلى 1150 مليم.");
    assert_eq!((q.2, q.3), (Some(1.15), s("TND")));
    // the country unknown, the factor is the same everywhere
    let q = one("بلغ السعر 50 سنتيم.");
    assert_eq!((q.1, q.2, q.3), (QuantityKind::Money, Some(0.5), None));
}

#[test]
fn counts_whose_noun_is_after_min_or_a_pronoun() {
    let q = one("قتل خمسة من القوات الحكومية.");
    assert_eq!((q.0.as_str(), q.1, q.2, q.3), ("خمسة من القوات", QuantityKind::Count, Some(5.0), s("قوات")));
    let q = one("أصيب العشرات منهم.");
    assert_eq!((q.0.as_str(), q.1, q.2, q.4), ("العشرات منهم", QuantityKind::Count, None, Some(Qualifier::Vague)));
    let q = one("خرج الآلاف من المتظاهرين.");
    assert_eq!((q.1, q.2, q.3, q.4), (QuantityKind::Count, None, s("متظاهرين"), Some(Qualifier::Vague)));
    let q = one("حرم الملايين من الأطفال من الدراسة.");
    assert_eq!((q.1, q.2, q.4), (QuantityKind::Count, None, Some(Qualifier::Vague)));
}

#[test]
fn a_definite_number_counts_the_noun_before_it() {
    let q = one("شارك المسؤولون الثلاثة في الاجتماع.");
    assert_eq!((q.0.as_str(), q.1, q.2, q.3), ("الثلاثة", QuantityKind::Count, Some(3.0), s("مسؤولون")));
    let q = one("مثل المتهمين الـ29 أمام المحكمة.");
    assert_eq!((q.0.as_str(), q.1, q.2), ("الـ29", QuantityKind::Count, Some(29.0)));
    // the word after it is not what it counts
    let q = one("وصل الثلاثة حمد وعلي وسالم.");
    assert_eq!((q.0.as_str(), q.1), ("الثلاثة", QuantityKind::Number));
    // after a noun of a sequence, a rank
    assert_eq!(one("افتتحت الدورة العشرون للمعرض.").1, QuantityKind::Ordinal);
    assert_eq!(one("سجل الهدف في الدقيقة 22 من المباراة.").1, QuantityKind::Ordinal);
}

#[test]
fn what_a_number_counts_is_never_a_word_with_a_preposition_a_verb_after_two_or_a_team() {
    // 827 seats (elided) for the chamber, not 827 chambers
    let q = found("خصص 622 مقعدا لغرفة الفلاحة و827 لغرفة الصناعة.");
    assert_eq!(q[1], ("827".to_owned(), Some(827.0)));
    assert_eq!(quantities("خصص 622 مقعدا لغرفة الفلاحة و827 لغرفة الصناعة.")[1].1, QuantityKind::Number);
    // one and two follow their noun: the word after them is not counted
    let q = one("قتل اثنين استشهدا في الحادث.");
    assert_eq!((q.0.as_str(), q.1), ("اثنين", QuantityKind::Number));
    // a score's second number does not count the next team
    let q = quantities("انتهت المباراة 2 - 1 سبورتينغ بن عروس.");
    assert!(q.iter().all(|q| q.1 == QuantityKind::Number), "{q:?}");
}

#[test]
fn one_alone_is_not_counted() {
    assert!(quantities("كلنا قوة واحدة ويد واحدة، ووقف على مسافة واحدة منهم.").is_empty());
}

#[test]
fn the_ends_of_a_range_share_a_unit() {
    let q = quantities("تتراوح الحرارة بين 18 و 22 درجة، والسعر من 500 إلى 600 دولار، والنسبة ما بين 5 و6 في المائة.");
    let got: Vec<_> = q.iter().map(|q| (q.0.as_str(), q.1, q.3.as_deref())).collect();
    assert_eq!(
        got,
        vec![
            ("18", QuantityKind::Measure, Some("degree")),
            ("22 درجة", QuantityKind::Measure, Some("degree")),
            ("500", QuantityKind::Money, Some("USD")),
            ("600 دولار", QuantityKind::Money, Some("USD")),
            ("5", QuantityKind::Percent, None),
            ("6 في المائة", QuantityKind::Percent, None),
        ]
    );
}

#[test]
fn duals_in_a_construct_after_bayna_with_a_conjunction_and_before_ithnayn() {
    let q = one("نفذ المشروع بمحافظتي جدة والطائف.");
    assert_eq!((q.0.as_str(), q.2, q.3), ("بمحافظتي", Some(2.0), s("محافظة")));
    // -تي read as "my" when no pair of names follows
    assert!(quantities("زرت مدينتي الجميلة.").is_empty());
    assert_eq!(one("تعاون بين البلدين.").0, "البلدين");
    assert_eq!(one("قتل سعودي وأجنبيان.").0, "أجنبيان");
    assert_eq!(quantities("أقيمت ثلاث دورات وندوتين.")[1].0, "ندوتين");
    assert_eq!(one("تتدرب على فترتين صباحية ومسائية.").3, s("فترة"));
    let q = one("أصيب عسكريين اثنين بجروح.");
    assert_eq!((q.0.as_str(), q.2, q.3), ("عسكريين اثنين", Some(2.0), s("عسكري")));
    assert_eq!(one("قتل جنديان اثنان.").0, "جنديان اثنان");
}

#[test]
fn the_tunisian_and_algerian_abbreviations_of_the_dinar() {
    let q = one("بلغت الصادرات 5ر11779 م د في الثلاثية.");
    assert_eq!((q.0.as_str(), q.1, q.2, q.3), ("5ر11779 م د", QuantityKind::Money, Some(11_779.5e6), s("TND")));
    assert_eq!(one("خصصت 500 أ د للمشروع.").2, Some(500e3));
    assert_eq!(one("ثمن التذكرة 30 د.ت فقط.").3, s("TND"));
    assert_eq!(one("بقيمة 300 مليون دج.").3, s("DZD"));
}

#[test]
fn a_number_word_before_digits_and_codes_are_not_quantities() {
    // عشرة before digits is a noun (companionship)
    assert_eq!(found("طلقها بعد عشرة 32 سنة من الزواج."), vec![]);
    assert!(quantities("أرسل رسالة تبدأ بالرمز (15) ثم نص الرسالة.").is_empty());
}
