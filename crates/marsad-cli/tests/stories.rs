//! `marsad stories` and the grouping at the end of `marsad ingest`, on every back
//! end (SQLite, and PostgreSQL when `MARSAD_TEST_POSTGRES` is set): two outlets'
//! reports of one happening become one story, listed by the command.

use assert_cmd::Command;
use marsad_store::testing::{backends, Scratch};
use predicates::prelude::*;

fn marsad() -> Command {
    Command::cargo_bin("marsad").unwrap()
}

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

#[test]
fn two_outlets_reports_become_one_story_listed_by_the_command() {
    for backend in backends() {
        eprintln!("{}", backend.label());
        let dir = tempfile::tempdir().unwrap();
        let store = Scratch::new(&backend, dir.path());
        let mut lines = Vec::new();
        // other news of those days, so that word rarity means something
        for i in 0..20 {
            let text = format!(
                "سجلت درجات الحرارة في المنطقة رقم {i} ارتفاعا ملحوظا مع توقعات باستمرار الأجواء الحارة والرطبة خلال الأسبوع."
            );
            lines.push(
                serde_json::json!({"title": "حالة الطقس", "text": text, "outlet": "weather", "date": "2015-07-20"}),
            );
        }
        for ((title, text), outlet, date) in
            [(FIRST, "aawsat", "2015-07-20"), (OTHER, "okaz", "2015-07-21"), (SECOND, "alriyadh", "2015-07-21")]
        {
            lines.push(serde_json::json!({"title": title, "text": text, "outlet": outlet, "date": date}));
        }
        let input = dir.path().join("news.jsonl");
        std::fs::write(&input, lines.iter().map(|l| format!("{l}\n")).collect::<String>()).unwrap();
        marsad().arg("ingest").arg(&input).args(store.args()).assert().success().stderr(predicate::str::contains(
            "2 of the new articles grouped into stories (1 new story; 1 in the store)",
        ));
        // made again from nothing: the same story, listed
        marsad()
            .args(["stories", "--store", store.spec()])
            .assert()
            .success()
            .stderr(predicate::str::contains("1 story of 2 articles among the 23 dated articles"))
            .stdout(predicate::str::contains(format!("2015-07-20 – 2015-07-21\t2 articles, 2 outlets\t{}", FIRST.0)));
        assert_eq!(store.scalar("SELECT count(*) FROM story_articles"), 2);
    }
}
