//! The store on every back end (SQLite always, PostgreSQL when
//! `MARSAD_TEST_POSTGRES` gives a database; `marsad_store::testing`): identity
//! (stored once, revisions, copies), atomic writes, schema versions, and the rows it
//! makes queryable.

use marsad::{Metadata, Pipeline};
use marsad_store::testing::{backends, Backend, Scratch};
use marsad_store::{schema, ArticleInfo, Prepared, SqliteStore, StoreError, Verdict};

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

/// Runs each test function once per back end, naming the back end when it fails.
macro_rules! on_every_back_end {
    ($($name:ident),* $(,)?) => {$(
        #[test]
        fn $name() {
            for backend in backends() {
                let dir = tempfile::tempdir().unwrap();
                let scratch = Scratch::new(&backend, dir.path());
                eprintln!("{}: {}", stringify!($name), backend.label());
                tests::$name(&scratch);
            }
        }
    )*};
}

on_every_back_end!(
    an_article_is_stored_once_and_a_changed_version_is_a_revision,
    the_same_text_from_the_same_outlet_without_address_is_stored_once,
    the_same_text_from_another_outlet_is_another_article_linked_as_a_copy,
    entities_events_and_tone_are_rows_with_spans_into_the_text,
    a_store_of_a_newer_schema_is_refused_by_name,
    a_store_opened_read_only_sees_what_was_committed,
    a_rebuilt_document_and_its_listing_are_those_stored,
    writers_at_once_decide_one_after_the_other,
);

mod tests {
    use super::*;

    pub fn an_article_is_stored_once_and_a_changed_version_is_a_revision(s: &Scratch) {
        let mut store = s.open().expect("a new store opens");
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
        let number = s.scalar("SELECT r.number FROM articles a JOIN revisions r ON r.id = a.current_revision");
        assert_eq!(number, 2);
        assert_eq!(store.check().unwrap(), Vec::<String>::new());
    }

    pub fn the_same_text_from_the_same_outlet_without_address_is_stored_once(s: &Scratch) {
        let mut store = s.open().unwrap();
        let p = Pipeline::new();
        store.put(&prepared(&p, TEXT, "spa", None)).unwrap();
        // re-wrapped and vocalised: the same normalised text
        let rewrapped = TEXT.replace(' ', "\n ").replace("قال", "قالَ");
        let again = store.put(&prepared(&p, &rewrapped, "spa", Some("http://spa.gov.sa/x"))).unwrap();
        assert!(matches!(again.verdict, Verdict::Present { why: "same outlet and text", .. }), "{:?}", again.verdict);
        assert_eq!(store.stats().unwrap().articles, 1);
    }

    pub fn the_same_text_from_another_outlet_is_another_article_linked_as_a_copy(s: &Scratch) {
        let mut store = s.open().unwrap();
        let p = Pipeline::new();
        let original = store.put(&prepared(&p, TEXT, "spa", Some("http://spa.gov.sa/1"))).unwrap();
        let copy = store.put(&prepared(&p, TEXT, "okaz", Some("http://okaz.com.sa/9"))).unwrap();
        assert_eq!(copy.verdict, Verdict::Copy { of: original.article });
        assert_ne!(copy.article, original.article);
        assert_eq!(s.scalar("SELECT count(*) FROM duplicates"), 1);
        let link = (
            s.scalar("SELECT article_id FROM duplicates"),
            s.scalar("SELECT of_article_id FROM duplicates"),
            s.strings("SELECT kind FROM duplicates", &[]),
        );
        assert_eq!(link, (copy.article, original.article, vec![vec![Some("copy".to_owned())]]));
    }

    pub fn entities_events_and_tone_are_rows_with_spans_into_the_text(s: &Scratch) {
        let mut store = s.open().unwrap();
        let p = Pipeline::new();
        let a = prepared(&p, TEXT, "spa", None);
        assert!(!a.rows.entities.is_empty(), "the test text names entities");
        store.put(&a).unwrap();
        let pairs = s.strings(
            "SELECT e.name, substr(r.text, e.first_start + 1, e.first_end - e.first_start) FROM entities e
             JOIN revisions r ON r.id = e.revision_id WHERE e.first_start IS NOT NULL",
            &[],
        );
        assert_eq!(pairs.len(), a.rows.entities.iter().filter(|e| e.first.is_some()).count());
        assert!(!pairs.is_empty());
        for pair in &pairs {
            let (name, first) = (pair[0].as_deref().unwrap(), pair[1].as_deref().unwrap());
            assert!(!first.is_empty() && TEXT.contains(first), "{name}: {first}");
        }
        assert_eq!(s.scalar("SELECT count(*) FROM events") as usize, a.rows.events.len());
        assert_eq!(s.scalar("SELECT count(*) FROM tone"), 1);
        let claims = s
            .scalar("SELECT count(*) FROM claims c JOIN revisions r ON r.id = c.revision_id WHERE c.start < c.\"end\"");
        assert_eq!(claims as usize, a.rows.claims.len());
    }

    pub fn a_store_of_a_newer_schema_is_refused_by_name(s: &Scratch) {
        drop(s.open().unwrap());
        s.execute(&format!("INSERT INTO schema_version (version, marsad) VALUES ({}, 'future')", schema::LATEST + 1));
        for result in [s.open(), s.open_read_only()] {
            match result {
                Err(e @ StoreError::Newer { .. }) => {
                    let msg = e.to_string();
                    assert!(msg.contains("newer"), "{msg}");
                    let named = if s.backend() == &Backend::Sqlite { "store.sqlite" } else { "marsad_test_" };
                    assert!(msg.contains(named), "{msg}");
                }
                Err(e) => panic!("wrong error: {e}"),
                Ok(_) => panic!("a newer store was opened"),
            }
        }
    }

    pub fn a_store_opened_read_only_sees_what_was_committed(s: &Scratch) {
        let mut writer = s.open().unwrap();
        let reader = s.open_read_only().unwrap();
        assert_eq!(reader.stats().unwrap().articles, 0);
        writer.put(&prepared(&Pipeline::new(), TEXT, "spa", None)).unwrap();
        assert_eq!(reader.stats().unwrap().articles, 1);
        assert_eq!(reader.schema_version(), schema::LATEST);
    }

    pub fn a_rebuilt_document_and_its_listing_are_those_stored(s: &Scratch) {
        let mut store = s.open().unwrap();
        let p = Pipeline::new();
        let a = prepared(&p, TEXT, "spa", Some("http://spa.gov.sa/1"));
        let stored = store.put(&a).unwrap();
        store.put(&prepared(&p, TEXT, "okaz", None)).unwrap();
        let doc = store.document(stored.article).unwrap().expect("the document");
        assert_eq!(doc.text, TEXT);
        let listed = store.list(&marsad_store::DateRange::default()).unwrap();
        assert_eq!(listed.len(), 2);
        assert_eq!((listed[0].outlet.as_str(), listed[0].published.as_deref()), ("spa", Some("2015-07-20")));
        assert_eq!(listed[1].copy_of, Some(stored.article));
        let none = marsad_store::DateRange { from: Some("2015-07-21".to_owned()), to: None };
        assert!(store.list(&none).unwrap().is_empty());
        let record = store.index_record(stored.article).unwrap().expect("its index record");
        assert!(record.entities.len() >= a.rows.entities.len());
        assert_eq!(store.current_revisions().unwrap().len(), 2);
    }

    /// Four processes storing one text from four outlets at the same moment: one is
    /// the article, the other three its copies, never two "new".
    pub fn writers_at_once_decide_one_after_the_other(s: &Scratch) {
        drop(s.open().unwrap());
        let p = Pipeline::new();
        let articles: Vec<Prepared> = (0..4).map(|i| prepared(&p, TEXT, &format!("outlet {i}"), None)).collect();
        let start = std::sync::Barrier::new(articles.len());
        let verdicts: Vec<Verdict> = std::thread::scope(|threads| {
            let running: Vec<_> = articles
                .iter()
                .map(|a| {
                    let start = &start;
                    threads.spawn(move || {
                        let mut store = s.open().unwrap();
                        start.wait();
                        store.put(a).unwrap().verdict
                    })
                })
                .collect();
            running.into_iter().map(|t| t.join().unwrap()).collect()
        });
        assert_eq!(verdicts.iter().filter(|v| **v == Verdict::New).count(), 1, "{verdicts:?}");
        assert_eq!(verdicts.iter().filter(|v| matches!(v, Verdict::Copy { .. })).count(), 3, "{verdicts:?}");
        assert_eq!(s.scalar("SELECT count(*) FROM duplicates"), 3);
        assert_eq!(s.scalar("SELECT count(DISTINCT of_article_id) FROM duplicates"), 1);
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
fn a_postgres_schema_of_something_else_is_refused_and_left_alone() {
    for backend in backends().into_iter().filter(|b| b != &Backend::Sqlite) {
        let dir = tempfile::tempdir().unwrap();
        let s = Scratch::new(&backend, dir.path());
        s.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (7)");
        let err = s.open().err().expect("refused");
        assert!(matches!(err, StoreError::NotAStore { .. }) && err.to_string().contains("something else"), "{err}");
        assert_eq!(s.scalar("SELECT count(*) FROM t"), 1);
        assert!(s.try_scalar("SELECT count(*) FROM articles").is_none(), "no table was made");
        // an empty schema is no store to read
        let empty = Scratch::new(&backend, dir.path());
        let err = empty.open_read_only().err().expect("refused");
        assert!(err.to_string().contains("no marsad store"), "{err}");
    }
}

#[test]
fn an_unreachable_postgres_server_is_named_in_the_error() {
    let err = marsad_store::open("postgres://marsad:secret@127.0.0.1:1/none").err().expect("refused");
    let msg = err.to_string();
    assert!(msg.contains("cannot connect to postgres://marsad@127.0.0.1:1/none"), "{msg}");
    assert!(!msg.contains("secret"), "the password is not shown: {msg}");
}
