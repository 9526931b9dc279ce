//! The JSON output against its documented schema (`docs/schema/document.schema.json`),
//! and the character offsets of every item against the text.

use std::borrow::Cow;

use boon::{Compiler, SchemaIndex, Schemas};
use marsad::document::{Repair, RepairKind};
use marsad::{Document, Metadata, Origin, Pipeline, Span, SCHEMA_VERSION};
use marsad_render::json;
use serde_json::{json, Value};

const SCHEMA: &str = include_str!("../../../docs/schema/document.schema.json");

/// Texts that exercise every token kind and the awkward corners of the input.
const TEXTS: &[&str] = &[
    // a news article: headline, CRLF, diacritics, tatweel, quotes, numbers in two
    // digit sets, a percentage, URL, e-mail, hashtag, mention, emoji, a run-on word
    // and a word glued to a number
    "عاجل: الحكومة تعلن خطة اقتصادية جديدة\r\n\r\n\
     قالَ وزيرُ المالية إنّ النمـــو بلغ ٣٫٥٪ في عام ٢٠٢٢، مقابل 2.1% في 2021، وأضاف: «سنواصل الإصلاحات».\r\n\
     وأكد عدةخبراء أن مشروع فوستوك2022 تأخر. للمزيد: https://example.com/news?id=42&lang=ar أو press@example.org \
     #اقتصاد @marsad_news 😀🇸🇦\r\n",
    // LF only, a sub-heading, presentation forms, zero-width and bidi controls,
    // Persian digits, an abbreviation
    "الرياض (أ.ف.ب) - أعلنت الوزارة\u{200F} عن ﻻئحة جديدة تضم ۱۴۰۱ بنداً.\n\nتفاصيل\nوبلغت الكلفة 1,200 دولار أي نحو ٤٠ ٪ من الميزانية!",
    // only punctuation
    "... !!! ؟؟ ، «» — :",
    // white space only, and nothing at all
    "  \n\t ",
    "",
    // Latin text: a warning, no language
    "Reuters reported on Monday that talks would resume.",
    // a number too large for a float
    "بلغ الدين 99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999 ريال",
    // a lone CR and a CR at the very end
    "السطر الأول\rالسطر الثاني\r",
];

fn schema_value() -> Value {
    serde_json::from_str(SCHEMA).expect("the schema is JSON")
}

fn compile() -> (Schemas, SchemaIndex) {
    let schema = schema_value();
    let id = schema["$id"].as_str().expect("the schema has an $id").to_owned();
    let mut schemas = Schemas::new();
    let mut compiler = Compiler::new();
    compiler.add_resource(&id, schema).expect("the schema loads");
    let index = compiler.compile(&id, &mut schemas).unwrap_or_else(|e| panic!("the schema compiles: {e:#}"));
    (schemas, index)
}

fn check(schemas: &Schemas, index: SchemaIndex, value: &Value) -> Result<(), String> {
    schemas.validate(value, index).map_err(|e| format!("{e}"))
}

fn meta() -> Metadata {
    Metadata {
        title: Some("\"><img src=x onerror=alert(1)>".to_owned()),
        outlet: Some("وكالة الأنباء".to_owned()),
        url: Some("https://example.com/a?b=1&c=2".to_owned()),
        published: Some("2022-03-01".to_owned()),
        source: Some("-".to_owned()),
        encoding: Some("UTF-8".to_owned()),
        ..Metadata::default()
    }
}

fn documents() -> Vec<Document> {
    let pipeline = Pipeline::new();
    let mut docs: Vec<Document> = TEXTS.iter().map(|t| pipeline.analyze(*t, Metadata::default())).collect();
    docs.extend(TEXTS.iter().take(2).map(|t| pipeline.analyze(*t, meta())));
    docs.push(with_repairs(pipeline.analyze(TEXTS[0], meta())));
    docs
}

/// The byte span of the first occurrence of `needle`.
fn find(doc: &Document, needle: &str) -> Span {
    let start = doc.text.find(needle).unwrap_or_else(|| panic!("{needle} is in the text"));
    Span::new(start, start + needle.len())
}

/// Adds one repair of each kind by hand (the repairs stage may still find none).
fn with_repairs(mut doc: Document) -> Document {
    let repair = |span, kind, suggestion: &str, rule: &'static str| Repair {
        span,
        kind,
        suggestion: suggestion.to_owned(),
        origin: Origin::rule(rule, 0.85),
    };
    let mut repairs = vec![
        repair(find(&doc, "عدةخبراء"), RepairKind::RunOn, "عدة خبراء", "repairs.run_on"),
        repair(find(&doc, "فوستوك2022"), RepairKind::GluedNumber, "فوستوك 2022", "repairs.glued_number"),
        repair(find(&doc, "النمـــو"), RepairKind::Misspelling, "النمو", "repairs.misspelling"),
        Repair {
            span: find(&doc, "😀"),
            kind: RepairKind::StrayLetter,
            suggestion: String::new(),
            origin: Origin { rule: Cow::Owned("repairs.stray_letter".to_owned()), confidence: 0.5 },
        },
    ];
    repairs.sort_by_key(|r| r.span);
    doc.repairs = repairs;
    doc
}

#[test]
fn schema_compiles_and_matches_the_library() {
    compile();
    let schema = schema_value();
    assert_eq!(schema["properties"]["schema_version"]["const"], SCHEMA_VERSION);
    assert_eq!(schema["properties"]["offsets"]["const"], json::OFFSETS);
}

#[test]
fn analysed_documents_validate() {
    let (schemas, index) = compile();
    for doc in documents() {
        let value = json::to_value(&doc);
        if let Err(e) = check(&schemas, index, &value) {
            panic!("{e}\nfor the document of {:?}:\n{}", doc.text, json::to_string_pretty(&doc));
        }
    }
}

#[test]
fn pretty_output_parses_back_to_the_same_value() {
    for doc in documents() {
        let parsed: Value = serde_json::from_str(&json::to_string_pretty(&doc)).unwrap();
        assert_eq!(parsed, json::to_value(&doc));
    }
}

/// Calls `f` on every object with a `span`, with the path to it.
fn visit_spans(value: &Value, path: &str, f: &mut dyn FnMut(&str, &serde_json::Map<String, Value>)) {
    match value {
        Value::Array(items) => {
            items.iter().enumerate().for_each(|(i, v)| visit_spans(v, &format!("{path}/{i}"), f));
        }
        Value::Object(map) => {
            if map.contains_key("span") {
                f(path, map);
            }
            for (k, v) in map {
                visit_spans(v, &format!("{path}/{k}"), f);
            }
        }
        _ => {}
    }
}

#[test]
fn every_item_text_is_the_character_slice_of_the_text() {
    let mut checked = 0;
    for doc in documents() {
        let value = json::to_value(&doc);
        let chars: Vec<char> = value["text"].as_str().unwrap().chars().collect();
        assert_eq!(value["text"], doc.text.as_str());
        let layers = value.as_object().unwrap().iter().filter(|(k, _)| !matches!(k.as_str(), "text" | "meta"));
        for (key, layer) in layers {
            visit_spans(layer, key, &mut |path, item| {
                let start = item["span"]["start"].as_u64().unwrap() as usize;
                let end = item["span"]["end"].as_u64().unwrap() as usize;
                assert!(start <= end && end <= chars.len(), "{path}: span {start}..{end} outside the text");
                let slice: String = chars[start..end].iter().collect();
                assert_eq!(item["text"].as_str(), Some(slice.as_str()), "{path} in {:?}", doc.text);
                checked += 1;
            });
        }
    }
    assert!(checked > 200, "only {checked} items checked");
}

#[test]
fn offsets_count_characters_not_bytes() {
    let doc = Pipeline::new().analyze("😀 قالَ 2022", Metadata::default());
    let value = json::to_value(&doc);
    let year = value["tokens"].as_array().unwrap().iter().find(|t| t["kind"] == "number").unwrap();
    assert_eq!(year["span"], json!({"start": 7, "end": 11}));
    assert_eq!(year["text"], "2022");
    assert_eq!(year["value"], json!(2022.0));
}

#[test]
fn layer_indexes_point_inside_their_layers() {
    for doc in documents() {
        let v = json::to_value(&doc);
        let tokens = v["tokens"].as_array().unwrap();
        let sentences = v["sentences"].as_array().unwrap();
        let mut next = 0;
        for s in sentences {
            assert_eq!(s["first_token"].as_u64().unwrap() as usize, next, "sentences cover the tokens in order");
            next = s["end_token"].as_u64().unwrap() as usize;
            assert!(next <= tokens.len());
        }
        assert_eq!(next, tokens.len());
        let mut next = 0;
        for p in v["paragraphs"].as_array().unwrap() {
            assert_eq!(p["first_sentence"].as_u64().unwrap() as usize, next, "paragraphs cover the sentences");
            next = p["end_sentence"].as_u64().unwrap() as usize;
        }
        assert_eq!(next, sentences.len());
        for seg in v["clitics"].as_array().unwrap() {
            let token = &tokens[seg["token"].as_u64().unwrap() as usize];
            assert_eq!(token["span"], seg["span"]);
            assert_eq!(token["kind"], "arabic");
        }
    }
}

#[test]
fn broken_documents_fail_validation() {
    let (schemas, index) = compile();
    let good = json::to_value(&documents().pop().unwrap());
    check(&schemas, index, &good).expect("the base document is valid");
    assert!(good["repairs"].as_array().unwrap().len() == 4 && !good["clitics"].as_array().unwrap().is_empty());

    type Breakage = (&'static str, fn(&mut Value));
    let breakages: Vec<Breakage> = vec![
        ("an unknown token kind", |v| v["tokens"][0]["kind"] = json!("word")),
        ("a token without its text", |v| {
            v["tokens"][0].as_object_mut().unwrap().remove("text");
        }),
        ("a value on a word", |v| v["tokens"][0]["value"] = json!(1)),
        ("a string value", |v| {
            let t = v["tokens"].as_array_mut().unwrap().iter_mut().find(|t| t["kind"] == "percent").unwrap();
            t["value"] = json!("3.5");
        }),
        ("a negative offset", |v| v["tokens"][0]["span"]["start"] = json!(-1)),
        ("a fractional offset", |v| v["sentences"][0]["span"]["end"] = json!(1.5)),
        ("a confidence above 1", |v| v["tokens"][0]["origin"]["confidence"] = json!(1.5)),
        ("a rule that is not a dotted name", |v| v["sentences"][0]["origin"]["rule"] = json!("Sentence Splitter")),
        ("an unknown morpheme role", |v| v["clitics"][0]["morphemes"][0]["role"] = json!("prefix")),
        ("two stems", |v| {
            let m = v["clitics"][0]["morphemes"].as_array_mut().unwrap();
            m.iter_mut().for_each(|m| m["role"] = json!("stem"));
        }),
        ("an unknown sentence kind", |v| v["sentences"][0]["kind"] = json!("title")),
        ("an unknown repair kind", |v| v["repairs"][0]["kind"] = json!("typo")),
        ("a repair without a suggestion", |v| {
            v["repairs"][0].as_object_mut().unwrap().remove("suggestion");
        }),
        ("an undocumented layer", |v| v["frames"] = json!([])),
        ("an entity without mentions", |v| {
            v["entities"] =
                json!([{"id": "E1", "kind": "person", "name": "x", "origin": {"rule": "r", "confidence": 0.5}}])
        }),
        ("an undocumented token field", |v| v["tokens"][0]["lemma"] = json!("x")),
        ("an undocumented metadata field", |v| v["meta"]["author"] = json!("x")),
        ("a missing layer", |v| {
            v.as_object_mut().unwrap().remove("paragraphs");
        }),
        ("another schema version", |v| v["schema_version"] = json!("0.9")),
        ("byte offsets", |v| v["offsets"] = json!("utf8_bytes")),
        ("a numeric warning code", |v| v["warnings"] = json!([{"code": 3, "message": "x"}])),
    ];
    for (what, breakage) in breakages {
        let mut broken = good.clone();
        breakage(&mut broken);
        assert!(check(&schemas, index, &broken).is_err(), "a document with {what} passes validation");
    }
}

#[test]
fn json_output_of_times_and_quantities_follows_the_schema() {
    let (schemas, index) = compile();
    let text = format!(
        "تنطلق فعاليات المنتدى يوم 16 نوفمبر / تشرين الثاني الجاري وإلى غاية 28 منه بمشاركة وفود عديدة. \
         وشارك ما يقارب 23 مليار دولار و27 برلمانيا وبضعة خبراء منذ عام 2014 أمس لمدة ثلاثة أيام يوميا \
         الساعة الثالثة في 16 رجب 1446 هـ و31 فبراير 2022 بنسبة 7% والمركز الثالث و500 دينار {}.",
        "9".repeat(400)
    );
    for published in [None, Some("2022-11-20")] {
        let meta = Metadata { published: published.map(str::to_owned), ..Default::default() };
        let doc = Pipeline::new().analyze(text.as_str(), meta);
        assert!(doc.times.iter().any(|t| t.evidence.is_some()) || published.is_some());
        assert!(doc.times.len() >= 8 && doc.quantities.len() >= 5, "{:?} {:?}", doc.times, doc.quantities);
        if let Err(e) = check(&schemas, index, &json::to_value(&doc)) {
            panic!("{e}");
        }
    }
}
