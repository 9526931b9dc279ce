//! The SQLite store: identity (stored once, revisions, copies), atomic writes,
//! schema versions, and the rows it makes queryable.

use std::path::Path;

use marsad::{Metadata, Pipeline};
use marsad_store::{schema, ArticleInfo, Prepared, SqliteStore, Store, StoreError, Verdict};

const TEXT: &str = "قال وزير الخارجية الأمريكي في القاهرة يوم الاثنين إن الولايات المتحدة ستقدم مساعدات لمصر.";
const CHANGED: &str = "قال وزير الخارجية الأمريكي في القاهرة يوم الثلاثاء إن الولايات المتحدة لن تقدم مساعدات لمصر.";

fn prepared(pipeline: &Pipeline, text: &str, outlet: &str, url: Option<&str>) -> Prepared {
    let meta = Metadata {
        outlet: Some(outlet.to_owned()),
        url: url.map(str::to_owned),
        published: Some("2015-07-20".to_owned()),
        ..Metadata::default()
    };
    let doc = pipeline.analyze(text.to_owned(), meta);
    Prepared::new(&doc, ArticleInfo { author: Some("مراسل".to_owned()), ..ArticleInfo::default() })
}

fn open(dir: &Path) -> SqliteStore {
    SqliteStore::open(&dir.join("store.sqlite")).expect("a new store opens")
}

#[test]
fn an_article_is_stored_once_and_a_changed_version_is_a_revision() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let p = Pipeline::new();
    let first = store.put(&prepared(&p, TEXT, "aawsat", Some("http://aawsat.com/a/1"))).unwrap();
    assert_eq!(first.verdict, Verdict::New);
    // the same address written another way, the same text: already in
    let again = prepared(&p, TEXT, "aawsat", Some("https://www.aawsat.com/a/1/#x"));
    assert_eq!(
        store.classify(&again.keys).unwrap(),
        Verdict::Present { article: first.article, why: "same outlet, address and text" }
    );
    let stored = store.put(&again).unwrap();
    assert_eq!(stored.revision, None);
    // the same address with a changed text: a revision of the same article
    let changed = store.put(&prepared(&p, CHANGED, "aawsat", Some("http://aawsat.com/a/1"))).unwrap();
    assert_eq!(changed.verdict, Verdict::Revision { article: first.article });
    let stats = store.stats().unwrap();
    assert_eq!((stats.articles, stats.revisions, stats.copies), (1, 2, 0));
    // the article shows its newest text
    let json = store.document_json(first.article).unwrap().expect("its layers");
    assert!(json.contains("الثلاثاء"), "{json}");
    let number: i64 = store
        .connection()
        .query_row("SELECT r.number FROM articles a JOIN revisions r ON r.id = a.current_revision", [], |r| r.get(0))
        .unwrap();
    assert_eq!(number, 2);
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

#[test]
fn the_same_text_from_the_same_outlet_without_address_is_stored_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let p = Pipeline::new();
    store.put(&prepared(&p, TEXT, "spa", None)).unwrap();
    // re-wrapped and vocalised: the same normalised text
    let rewrapped = TEXT.replace(' ', "\n ").replace("قال", "قالَ");
    let again = store.put(&prepared(&p, &rewrapped, "spa", Some("http://spa.gov.sa/x"))).unwrap();
    assert!(matches!(again.verdict, Verdict::Present { why: "same outlet and text", .. }), "{:?}", again.verdict);
    assert_eq!(store.stats().unwrap().articles, 1);
}

#[test]
fn the_same_text_from_another_outlet_is_another_article_linked_as_a_copy() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let p = Pipeline::new();
    let original = store.put(&prepared(&p, TEXT, "spa", Some("http://spa.gov.sa/1"))).unwrap();
    let copy = store.put(&prepared(&p, TEXT, "okaz", Some("http://okaz.com.sa/9"))).unwrap();
    assert_eq!(copy.verdict, Verdict::Copy { of: original.article });
    assert_ne!(copy.article, original.article);
    let link: (i64, i64, String) = store
        .connection()
        .query_row("SELECT article_id, of_article_id, kind FROM duplicates", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!(link, (copy.article, original.article, "copy".to_owned()));
}

#[test]
fn entities_events_and_tone_are_rows_with_spans_into_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let p = Pipeline::new();
    let a = prepared(&p, TEXT, "spa", None);
    assert!(!a.rows.entities.is_empty(), "the test text names entities");
    store.put(&a).unwrap();
    let conn = store.connection();
    let mut stmt = conn
        .prepare("SELECT e.name, substr(r.text, e.first_start + 1, e.first_end - e.first_start) FROM entities e JOIN revisions r ON r.id = e.revision_id WHERE e.first_start IS NOT NULL")
        .unwrap();
    let pairs: Vec<(String, String)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect();
    assert_eq!(pairs.len(), a.rows.entities.iter().filter(|e| e.first.is_some()).count());
    assert!(!pairs.is_empty());
    for (name, first) in &pairs {
        assert!(!first.is_empty() && TEXT.contains(first.as_str()), "{name}: {first}");
    }
    let events: i64 = conn.query_row("SELECT count(*) FROM events", [], |r| r.get(0)).unwrap();
    assert_eq!(events as usize, a.rows.events.len());
    let tone: i64 = conn.query_row("SELECT count(*) FROM tone", [], |r| r.get(0)).unwrap();
    assert_eq!(tone, 1);
}

#[test]
fn a_store_of_a_newer_schema_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.sqlite");
    drop(SqliteStore::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("INSERT INTO schema_version (version, marsad) VALUES (?1, 'future')", [schema::LATEST + 1]).unwrap();
    drop(conn);
    for result in [SqliteStore::open(&path), SqliteStore::open_read_only(&path)] {
        match result {
            Err(e @ StoreError::Newer { .. }) => {
                let msg = e.to_string();
                assert!(msg.contains("store.sqlite") && msg.contains("newer"), "{msg}");
            }
            Err(e) => panic!("wrong error: {e}"),
            Ok(_) => panic!("a newer store was opened"),
        }
    }
}

#[test]
fn files_that_are_not_stores_are_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "this is not a database, it is a text file long enough to have a header........").unwrap();
    let err = SqliteStore::open(&text).err().expect("refused");
    assert!(matches!(err, StoreError::NotAStore { .. }), "{err}");
    assert!(std::fs::read_to_string(&text).unwrap().starts_with("this is not"));
    let other = dir.path().join("other.sqlite");
    rusqlite::Connection::open(&other).unwrap().execute_batch("CREATE TABLE t (x)").unwrap();
    let err = SqliteStore::open(&other).err().expect("refused");
    assert!(err.to_string().contains("something else"), "{err}");
}

#[test]
fn a_store_opened_read_only_sees_what_was_committed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.sqlite");
    let mut writer = SqliteStore::open(&path).unwrap();
    let reader = SqliteStore::open_read_only(&path).unwrap();
    assert_eq!(reader.stats().unwrap().articles, 0);
    writer.put(&prepared(&Pipeline::new(), TEXT, "spa", None)).unwrap();
    assert_eq!(reader.stats().unwrap().articles, 1);
    assert_eq!(reader.schema_version(), schema::LATEST);
}
