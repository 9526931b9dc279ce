//! Near-duplicates in the store, on every back end (SQLite always, PostgreSQL when
//! `MARSAD_TEST_POSTGRES` gives a database; `marsad_store::testing`): an altered
//! copy is linked to its first appearance as it is stored, an unrelated article is
//! not, and a store of schema version 1 is migrated and its articles signed
//! afterwards.

use marsad::{Metadata, Pipeline};
use marsad_store::near::THRESHOLD;
use marsad_store::testing::{backends, Scratch};
use marsad_store::{schema, ArticleInfo, Prepared, Verdict};

const SENTENCES: [&str; 6] = [
    "أعلنت وزارة الداخلية السعودية يوم الاثنين القبض على خلية إرهابية من تسعة أشخاص في مدينة الرياض.",
    "وقال المتحدث الأمني للوزارة إن أفراد الخلية كانوا يخططون لتنفيذ هجمات على منشآت حكومية ومساجد.",
    "وأضاف أن التحقيقات ما زالت جارية لكشف بقية أفراد الخلية ومصادر تمويلها وصلاتها في الخارج.",
    "وأشار إلى أن قوات الأمن ضبطت أسلحة رشاشة ومتفجرات وأحزمة ناسفة في مخبأ بأحد الأحياء الشرقية للمدينة.",
    "ودعت الوزارة المواطنين والمقيمين إلى الإبلاغ عن أي نشاط مريب عبر الرقم المخصص لذلك.",
    "وكانت السلطات قد أعلنت الشهر الماضي إحباط مخطط مماثل في المنطقة الشرقية من المملكة.",
];

const UNRELATED: &str = "افتتح أمير منطقة مكة المكرمة يوم الثلاثاء معرضا للكتاب في مدينة جدة بمشاركة أكثر من \
    ثلاثمائة دار نشر من عشرين دولة عربية وأجنبية. وقال مدير المعرض إن الدورة الحالية تضم برنامجا ثقافيا \
    واسعا يشمل ندوات وأمسيات شعرية وورش عمل للأطفال. وأضاف أن عدد الزوار في الدورة الماضية تجاوز نصف مليون \
    زائر، متوقعا أن يرتفع هذا العام بعد توسعة أرض المعرض وإضافة قاعات جديدة.";

fn original() -> String {
    SENTENCES.join(" ")
}

/// A wire copy: a dateline, the last sentence dropped, two sentences swapped, a word changed.
fn altered() -> String {
    let mut s: Vec<&str> = SENTENCES[..5].to_vec();
    s.swap(2, 3);
    format!("الرياض - واس: {}", s.join(" ").replace("تسعة", "عشرة"))
}

fn prepared(pipeline: &Pipeline, text: &str, outlet: &str, published: &str) -> Prepared {
    let meta =
        Metadata { outlet: Some(outlet.to_owned()), published: Some(published.to_owned()), ..Metadata::default() };
    Prepared::new(&pipeline.analyze(text.to_owned(), meta), ArticleInfo::default())
}

/// The links of the store: article, the article it is linked to, kind, and the
/// similarity in thousandths.
fn links(s: &Scratch) -> Vec<(i64, i64, String, i64)> {
    let rows = s.strings(
        "SELECT CAST(article_id AS TEXT), CAST(of_article_id AS TEXT), kind,
                CAST(CAST(round(similarity * 1000) AS BIGINT) AS TEXT)
         FROM duplicates ORDER BY article_id",
        &[],
    );
    let n = |v: &Option<String>| v.as_deref().unwrap().parse::<i64>().unwrap();
    rows.iter().map(|r| (n(&r[0]), n(&r[1]), r[2].clone().unwrap(), n(&r[3]))).collect()
}

/// Runs a test once per back end, on a new store, naming the back end.
fn on_every_back_end(test: fn(&Scratch)) {
    for backend in backends() {
        let dir = tempfile::tempdir().unwrap();
        eprintln!("{}", backend.label());
        test(&Scratch::new(&backend, dir.path()));
    }
}

#[test]
fn an_altered_copy_is_linked_as_near_and_an_unrelated_article_is_not() {
    on_every_back_end(an_altered_copy_is_linked);
}

fn an_altered_copy_is_linked(s: &Scratch) {
    let mut store = s.open().unwrap();
    let p = Pipeline::new();
    let first = store.put(&prepared(&p, &original(), "aawsat", "2015-07-20")).unwrap();
    assert_eq!(first.near, None);
    let copy = store.put(&prepared(&p, &altered(), "alriyadh", "2015-07-20")).unwrap();
    assert_eq!(copy.verdict, Verdict::New);
    let link = copy.near.expect("the altered copy is linked");
    assert_eq!(link.of, first.article);
    assert!((THRESHOLD..1.0).contains(&link.similarity), "{}", link.similarity);
    // a republication by the same outlet counts too
    let again = format!("{} (تحديث)", SENTENCES[..5].join(" "));
    let same_outlet = store.put(&prepared(&p, &again, "aawsat", "2015-07-21")).unwrap();
    assert_eq!(same_outlet.near.map(|l| l.of), Some(first.article));
    let other = store.put(&prepared(&p, UNRELATED, "okaz", "2015-07-20")).unwrap();
    assert_eq!(other.near, None);
    let rows = links(s);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows.iter().all(|(_, of, kind, _)| *of == first.article && kind == "near"));
    let stats = store.stats().unwrap();
    assert_eq!((stats.articles, stats.copies, stats.near), (4, 0, 2));
    // an exact copy stays a copy, with similarity 1
    let exact = store.put(&prepared(&p, &original(), "okaz", "2015-07-21")).unwrap();
    assert_eq!(exact.verdict, Verdict::Copy { of: first.article });
    assert_eq!(exact.near, None);
    assert!(links(s)
        .iter()
        .any(|(a, _, kind, similarity)| *a == exact.article && kind == "copy" && *similarity == 1000));
    // the export listing names the original of both kinds
    let listed = store.list(&Default::default()).unwrap();
    let copy_of: Vec<Option<i64>> = listed.iter().map(|l| l.copy_of).collect();
    assert_eq!(copy_of, vec![None, Some(first.article), Some(first.article), None, Some(first.article)]);
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

#[test]
fn a_copy_stored_before_its_first_appearance_becomes_its_near_duplicate() {
    on_every_back_end(a_copy_stored_first_becomes_a_near_duplicate);
}

fn a_copy_stored_first_becomes_a_near_duplicate(s: &Scratch) {
    let mut store = s.open().unwrap();
    let p = Pipeline::new();
    let later = store.put(&prepared(&p, &altered(), "alriyadh", "2015-07-22")).unwrap();
    let earlier = store.put(&prepared(&p, &original(), "aawsat", "2015-07-20")).unwrap();
    assert_eq!(earlier.near, None);
    let rows = links(s);
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].0, rows[0].1, rows[0].2.as_str()), (later.article, earlier.article, "near"));
}

/// Writes a store of schema version 1 as an older marsad left it: two articles
/// whose texts are near-duplicates, and an exact copy.
fn version_1_store(s: &Scratch) {
    s.create_at_version(1);
    let mut sql = String::new();
    for (id, outlet, text, published) in [
        (1, "aawsat", original(), "2015-07-20"),
        (2, "alriyadh", altered(), "2015-07-21"),
        (3, "okaz", original(), "2015-07-21"),
        (4, "okaz", UNRELATED.to_owned(), "2015-07-21"),
    ] {
        assert!(!text.contains('\''));
        sql.push_str(&format!(
            "INSERT INTO articles (id, outlet, published, current_revision) VALUES ({id}, '{outlet}', '{published}', {id});
             INSERT INTO revisions (id, article_id, number, text, text_hash, norm_hash)
             VALUES ({id}, {id}, 1, '{text}', '', '');"
        ));
    }
    sql.push_str("INSERT INTO duplicates (article_id, of_article_id, kind) VALUES (3, 1, 'copy');");
    s.execute(&sql);
}

#[test]
fn a_version_1_store_is_migrated_and_its_articles_signed() {
    on_every_back_end(a_version_1_store_is_migrated);
}

fn a_version_1_store_is_migrated(s: &Scratch) {
    version_1_store(s);
    let mut store = s.open().unwrap();
    assert_eq!(store.migrated_from(), Some(1));
    assert_eq!(store.schema_version(), schema::LATEST);
    // the copy link is kept, with its similarity
    assert_eq!(links(s), vec![(3, 1, "copy".to_owned(), 1000)]);
    let mut seen = 0;
    assert_eq!(store.sign_missing(&mut |n| seen = n).unwrap(), 4);
    assert_eq!(seen, 4);
    let rows = links(s);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!((rows[0].0, rows[0].1, rows[0].2.as_str()), (2, 1, "near"));
    // signed once: a second run has nothing to do and links nothing again
    assert_eq!(store.sign_missing(&mut |_| ()).unwrap(), 0);
    assert_eq!(links(s).len(), 2);
    assert_eq!(s.scalar("SELECT count(*) FROM signatures"), 4);
}
