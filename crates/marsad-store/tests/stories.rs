//! Stories in the store, on every back end (SQLite always, PostgreSQL when
//! `MARSAD_TEST_POSTGRES` gives a database; `marsad_store::testing`): two outlets'
//! reports of one happening are grouped when the new articles are, an unrelated
//! article is in none, and regrouping everything gives the same stories.

use marsad::{Metadata, Pipeline};
use marsad_store::testing::{backends, Scratch};
use marsad_store::{ArticleInfo, Prepared, Store, StoryScope};

const FIRST: (&str, &str) = (
    "الداخلية السعودية تعلن القبض على خلية إرهابية في الرياض",
    "أعلنت وزارة الداخلية السعودية يوم الاثنين القبض على خلية إرهابية من تسعة أشخاص في مدينة الرياض. \
     وقال المتحدث الأمني للوزارة إن أفراد الخلية كانوا يخططون لتنفيذ هجمات على منشآت حكومية ومساجد.",
);
const SECOND: (&str, &str) = (
    "القبض على خلية إرهابية من تسعة أشخاص في الرياض",
    "كشفت وزارة الداخلية السعودية عن القبض على خلية إرهابية تضم تسعة أشخاص في الرياض كانت تخطط لهجمات \
     على منشآت حكومية، بحسب بيان للمتحدث الأمني نشر مساء الاثنين، وأكد البيان أن التحقيقات مستمرة.",
);
const OTHER: (&str, &str) = (
    "افتتاح معرض الكتاب في جدة",
    "افتتح أمير منطقة مكة المكرمة يوم الثلاثاء معرضا للكتاب في مدينة جدة بمشاركة أكثر من ثلاثمائة دار نشر \
     من عشرين دولة عربية وأجنبية، وقال مدير المعرض إن الدورة الحالية تضم برنامجا ثقافيا واسعا.",
);

fn put(store: &mut dyn Store, p: &Pipeline, (title, text): (&str, &str), outlet: &str, day: &str) -> i64 {
    let meta = Metadata {
        outlet: Some(outlet.to_owned()),
        published: Some(day.to_owned()),
        title: Some(title.to_owned()),
        ..Metadata::default()
    };
    store.put(&Prepared::new(&p.analyze(text.to_owned(), meta), ArticleInfo::default())).unwrap().article
}

/// The stories: id, first report, outlets, title and members.
fn stories(s: &Scratch) -> Vec<(i64, i64, i64, String, Vec<i64>)> {
    let n = |v: &Option<String>| v.as_deref().unwrap().parse::<i64>().unwrap();
    let rows = s.strings(
        "SELECT CAST(id AS TEXT), CAST(first_article_id AS TEXT), CAST(outlets AS TEXT), title FROM stories ORDER BY id",
        &[],
    );
    rows.iter()
        .map(|r| {
            let members = s
                .strings(
                    "SELECT CAST(article_id AS TEXT) FROM story_articles WHERE CAST(story_id AS TEXT) = $1
                     ORDER BY article_id",
                    &[r[0].as_deref().unwrap()],
                )
                .iter()
                .map(|m| n(&m[0]))
                .collect();
            (n(&r[0]), n(&r[1]), n(&r[2]), r[3].clone().unwrap(), members)
        })
        .collect()
}

#[test]
fn two_outlets_reports_of_one_happening_are_one_story() {
    for backend in backends() {
        let dir = tempfile::tempdir().unwrap();
        eprintln!("{}", backend.label());
        one_story(&Scratch::new(&backend, dir.path()));
    }
}

fn one_story(s: &Scratch) {
    let mut store = s.open().unwrap();
    let p = Pipeline::new();
    // other news of those days, so that word rarity means something
    for i in 0..20 {
        let text = format!(
            "سجلت درجات الحرارة في المنطقة رقم {i} ارتفاعا ملحوظا مع توقعات باستمرار الأجواء الحارة والرطبة خلال الأسبوع."
        );
        put(&mut *store, &p, ("حالة الطقس", &text), "weather", "2015-07-20");
    }
    let first = put(&mut *store, &p, FIRST, "aawsat", "2015-07-20");
    let other = put(&mut *store, &p, OTHER, "okaz", "2015-07-21");
    let second = put(&mut *store, &p, SECOND, "alriyadh", "2015-07-21");
    let counts = store.update_stories(StoryScope::New).unwrap();
    assert_eq!((counts.considered, counts.new_stories, counts.grouped, counts.stories), (23, 1, 2, 1));
    let found = stories(s);
    assert_eq!(found.len(), 1, "{found:?}");
    let (_, first_report, outlets, title, members) = &found[0];
    assert_eq!((*first_report, *outlets, title.as_str()), (first, 2, FIRST.0));
    assert_eq!(members, &vec![first, second]);
    assert!(!members.contains(&other));
    // nothing new: nothing changes; everything again: the same story
    assert_eq!(store.update_stories(StoryScope::New).unwrap().considered, 0);
    store.update_stories(StoryScope::All).unwrap();
    let again: Vec<_> = stories(s).into_iter().map(|s| (s.1, s.2, s.4)).collect();
    assert_eq!(again, vec![(first, 2, vec![first, second])]);
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}
