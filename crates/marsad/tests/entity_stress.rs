//! The entity and resolution stages on inputs built to be hard: thousands of
//! capitalised Latin words, thousands of person names in a row, every country at
//! once. They must finish (grouping is indexed, not quadratic) and stay consistent.

use std::collections::HashSet;

use marsad::{Document, Metadata, Pipeline};

const COUNTRIES: &str = include_str!("../../../resources/gazetteer/countries.tsv");
const NAMES: &str = include_str!("../../../resources/gazetteer/person_names.tsv");

fn analyze(text: String) -> Document {
    Pipeline::new().analyze(text, Metadata::default())
}

/// Every mention belongs to exactly one entity, and every reference is in the text.
fn consistent(doc: &Document) {
    let mut seen = vec![0usize; doc.mentions.len()];
    for e in &doc.entities {
        for &m in &e.mentions {
            seen[m] += 1;
        }
        assert!(e.metonymy.iter().all(|m| e.mentions.contains(m)));
        for a in &e.references {
            assert!(a.span.end <= doc.text.len());
        }
    }
    assert!(seen.iter().all(|&n| n == 1), "a mention is in no entity or in two");
}

#[test]
fn ten_thousand_capitalised_latin_words() {
    let words: Vec<String> = (0..10_000usize)
        .map(|i| {
            let mut w = String::new();
            let mut n = i;
            loop {
                w.push((b'a' + (n % 26) as u8) as char);
                n /= 26;
                if n == 0 {
                    break;
                }
            }
            let mut c = w.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect();
    let doc = analyze(words.join(" "));
    consistent(&doc);
}

#[test]
fn five_thousand_names_in_a_row() {
    let given: Vec<&str> = NAMES
        .lines()
        .filter(|l| !l.starts_with('#') && l.contains("\tgiven"))
        .filter_map(|l| l.split('\t').next())
        .take(100)
        .collect();
    assert!(given.len() >= 50, "the name list has given names");
    let names: Vec<String> = (0..5_000)
        .map(|i| format!("{} {}", given[i % given.len()], given[(i / given.len() + 1) % given.len()]))
        .collect();
    let doc = analyze(format!("حضر الاجتماع {}.", names.join(" و")));
    consistent(&doc);
}

#[test]
fn every_country_at_once() {
    let names: Vec<&str> = COUNTRIES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split('\t').nth(3))
        .filter(|n| !n.is_empty())
        .collect();
    assert!(names.len() > 200);
    let doc = analyze(format!("شاركت في المؤتمر وفود من {}.", names.join(" و")));
    consistent(&doc);
    // a country is one entity however often it is named
    let links: Vec<&str> = doc.entities.iter().filter_map(|e| e.link.as_deref()).collect();
    let distinct: HashSet<&str> = links.iter().copied().collect();
    assert_eq!(links.len(), distinct.len(), "an entry is split over two entities");
    let countries = links.iter().filter(|l| l.starts_with("country:")).count();
    assert!(countries > 150, "only {countries} countries resolved");
}
