//! Near-duplicates in the store: an altered copy is linked to its first appearance
//! as it is stored, an unrelated article is not, and a store of schema version 1 is
//! migrated and its articles signed afterwards.

use std::path::Path;

use marsad::{Metadata, Pipeline};
use marsad_store::near::THRESHOLD;
use marsad_store::{schema, ArticleInfo, Prepared, SqliteStore, Store, Verdict};

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

fn links(store: &SqliteStore) -> Vec<(i64, i64, String, f64)> {
    let mut stmt = store
        .connection()
        .prepare("SELECT article_id, of_article_id, kind, similarity FROM duplicates ORDER BY article_id")
        .unwrap();
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))).unwrap();
    rows.collect::<Result<_, _>>().unwrap()
}

#[test]
fn an_altered_copy_is_linked_as_near_and_an_unrelated_article_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("s.sqlite")).unwrap();
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
    let rows = links(&store);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows.iter().all(|(_, of, kind, _)| *of == first.article && kind == "near"));
    let stats = store.stats().unwrap();
    assert_eq!((stats.articles, stats.copies, stats.near), (4, 0, 2));
    // an exact copy stays a copy, with similarity 1
    let exact = store.put(&prepared(&p, &original(), "okaz", "2015-07-21")).unwrap();
    assert_eq!(exact.verdict, Verdict::Copy { of: first.article });
    assert_eq!(exact.near, None);
    assert!(links(&store).iter().any(|(a, _, kind, s)| *a == exact.article && kind == "copy" && *s == 1.0));
    // the export listing names the original of both kinds
    let listed = store.list(&Default::default()).unwrap();
    let copy_of: Vec<Option<i64>> = listed.iter().map(|l| l.copy_of).collect();
    assert_eq!(copy_of, vec![None, Some(first.article), Some(first.article), None, Some(first.article)]);
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

#[test]
fn a_copy_stored_before_its_first_appearance_becomes_its_near_duplicate() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("s.sqlite")).unwrap();
    let p = Pipeline::new();
    let later = store.put(&prepared(&p, &altered(), "alriyadh", "2015-07-22")).unwrap();
    let earlier = store.put(&prepared(&p, &original(), "aawsat", "2015-07-20")).unwrap();
    assert_eq!(earlier.near, None);
    let rows = links(&store);
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].0, rows[0].1, rows[0].2.as_str()), (later.article, earlier.article, "near"));
}

/// Writes a store of schema version 1 as an older marsad left it: two articles
/// whose texts are near-duplicates, and an exact copy.
fn version_1_store(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(schema::VERSION_TABLE).unwrap();
    conn.execute_batch(schema::MIGRATIONS[0].1).unwrap();
    conn.execute("INSERT INTO schema_version (version, marsad) VALUES (1, '0.1.0')", []).unwrap();
    conn.pragma_update(None, "application_id", schema::APPLICATION_ID).unwrap();
    for (id, outlet, text, published) in [
        (1, "aawsat", original(), "2015-07-20"),
        (2, "alriyadh", altered(), "2015-07-21"),
        (3, "okaz", original(), "2015-07-21"),
        (4, "okaz", UNRELATED.to_owned(), "2015-07-21"),
    ] {
        conn.execute(
            "INSERT INTO articles (id, outlet, published, current_revision) VALUES (?1, ?2, ?3, ?1)",
            rusqlite::params![id, outlet, published],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO revisions (id, article_id, number, text, text_hash, norm_hash) VALUES (?1, ?1, 1, ?2, '', '')",
            rusqlite::params![id, text],
        )
        .unwrap();
    }
    conn.execute("INSERT INTO duplicates (article_id, of_article_id, kind) VALUES (3, 1, 'copy')", []).unwrap();
}

#[test]
fn a_version_1_store_is_migrated_and_its_articles_signed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    version_1_store(&path);
    let mut store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.migrated_from(), Some(1));
    assert_eq!(store.schema_version(), schema::LATEST);
    // the copy link is kept, with its similarity
    assert_eq!(links(&store), vec![(3, 1, "copy".to_owned(), 1.0)]);
    let mut seen = 0;
    assert_eq!(store.sign_missing(&mut |n| seen = n).unwrap(), 4);
    assert_eq!(seen, 4);
    let rows = links(&store);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!((rows[0].0, rows[0].1, rows[0].2.as_str()), (2, 1, "near"));
    // signed once: a second run has nothing to do and links nothing again
    assert_eq!(store.sign_missing(&mut |_| ()).unwrap(), 0);
    assert_eq!(links(&store).len(), 2);
    let signed: i64 = store.connection().query_row("SELECT count(*) FROM signatures", [], |r| r.get(0)).unwrap();
    assert_eq!(signed, 4);
}
