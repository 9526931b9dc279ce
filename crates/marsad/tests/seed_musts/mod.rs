//! The (must)s of `../shared/seed/EXPECTED.md`, one check each, in the page's order.
//!
//! A check reads the document the pipeline makes of `article.txt` and returns `Ok`,
//! or `Err` with what the analysis found instead. Each is written from the words of
//! its line in EXPECTED.md; where the line leaves something open (the PLOVER type of
//! a budget raise, the date of an event) the check leaves it open too. Words are
//! found in the article by their text, never by offsets, and nothing here feeds back
//! into the library.

use marsad::document::{Anchor, Entity, EntityKind, Event, MentionKind, Modality, Participant, Qualifier};
use marsad::document::{QuantityKind, QuoteKind, SourceKind, TimeKind};
use marsad::{CharIndex, Document, Span};

/// One (must) of EXPECTED.md and its check.
pub struct Must {
    /// Stable id: the section of EXPECTED.md and a short slug.
    pub id: &'static str,
    /// Words of the EXPECTED.md line that carries the (must), tying the check to it.
    pub marked: &'static str,
    /// What the check asks, in a few words (the comment of its line in `seed_musts_met.txt`).
    pub asks: &'static str,
    /// The check.
    pub check: fn(&Document) -> Result<(), String>,
}

/// Every (must) of EXPECTED.md.
pub const MUSTS: &[Must] = &[
    Must {
        id: "text.entities-in-run-on-words",
        marked: "`فوستوك2022` (فوستوك 2022). **(must)**",
        asks: "the West (org:the_west) is found inside معالغرب and Vostok (a named event) inside فوستوك2022",
        check: entities_in_run_on_words,
    },
    Must {
        id: "text.misspelled-ukrainian-is-ukraine",
        marked: "`الأكرانية` for الأوكرانية (Ukrainian) **(must: still resolves to Ukraine)**",
        asks: "the misspelt الأكرانية resolves to country:UKR",
        check: |doc| country_forms(doc, &["الأكرانية"], "UKR"),
    },
    Must {
        id: "entities.algeria",
        marked: "| الجزائر، الجزائرية، للجزائر، بالجزائر |",
        asks: "every الجزائر، الجزائرية، للجزائر، بالجزائر resolves to country:DZA",
        check: |doc| country_forms(doc, &["الجزائر", "الجزائرية", "للجزائر", "بالجزائر"], "DZA"),
    },
    Must {
        id: "entities.russia",
        marked: "| روسيا، لروسيا، بروسيا، الروسية، الروسي، الروس، موسكو (as government) |",
        asks: "every روسيا، لروسيا، بروسيا، الروسية، الروسي، الروس and موسكو (the government) resolves to country:RUS",
        check: |doc| country_forms(doc, &["روسيا", "لروسيا", "بروسيا", "الروسية", "الروسي", "الروس", "موسكو"], "RUS"),
    },
    Must {
        id: "entities.morocco",
        marked: "| المغرب، المغربية |",
        asks: "every المغرب، المغربية resolves to country:MAR",
        check: |doc| country_forms(doc, &["المغرب", "المغربية"], "MAR"),
    },
    Must {
        id: "entities.bechar-coordinates",
        marked: "| بشار |",
        asks: "every بشار is the place Béchar, DZA, within 0.1° of 31.6 N 2.2 W",
        check: bechar,
    },
    Must {
        id: "entities.ukraine",
        marked: "| أوكرانيا، الأكرانية |",
        asks: "every أوكرانيا، الأكرانية resolves to country:UKR",
        check: |doc| country_forms(doc, &["أوكرانيا", "الأكرانية"], "UKR"),
    },
    Must {
        id: "entities.united-states",
        marked: "| أمريكيا، الأمريكي |",
        asks: "every أمريكيا، الأمريكي resolves to country:USA",
        check: |doc| country_forms(doc, &["أمريكيا", "الأمريكي"], "USA"),
    },
    Must {
        id: "entities.shugaev-person",
        marked: "| إفجينيفيتش شوغاييف |",
        asks: "إفجينيفيتش شوغاييف is a person entity",
        check: |doc| person(doc, SHUGAEV).map(|_| ()),
    },
    Must {
        id: "entities.shugaev-role",
        marked: "| مدير القسم الفيديرالي للتعاون العسكري التقني الروسي |",
        asks: "Shugaev has the role «مدير القسم … الروسي»: director, of the military-technical cooperation service, RUS",
        check: shugaev_role,
    },
    Must {
        id: "entities.blinken-person",
        marked: "| أنطوني بلينكين |",
        asks: "أنطوني بلينكين is a person entity",
        check: |doc| person(doc, BLINKEN).map(|_| ()),
    },
    Must {
        id: "entities.blinken-role",
        marked: "| سكرتير الدولة الأمريكي |",
        asks: "Blinken has the role «سكرتير الدولة الأمريكي»: secretary of state, USA",
        check: blinken_role,
    },
    Must {
        id: "entities.russian-mfa",
        marked: "| وزارة الخارجية الروسية |",
        asks: "وزارة الخارجية الروسية is one organisation entity of country RUS",
        check: russian_mfa,
    },
    Must {
        id: "entities.us-lawmakers-group",
        marked: "| 27 برلمانيا أمريكيا |",
        asks: "27 برلمانيا أمريكيا: a count of 27, and أمريكيا resolves to country:USA",
        check: us_lawmakers,
    },
    Must {
        id: "quantities.budget-23bn-usd",
        marked: "`23 مليار دولار`",
        asks: "ما يقارب 23 مليار دولار is money, 23,000,000,000 USD, approximate",
        check: budget,
    },
    Must {
        id: "quantities.lawmakers-count-27",
        marked: "- `27 برلمانيا`: a count of 27 persons.",
        asks: "27 برلمانيا is a count of 27 of the noun برلماني",
        check: lawmakers_count,
    },
    Must {
        id: "times.november-interval",
        marked: "Both month names (نوفمبر and تشرين الثاني) are the same month.",
        asks: "16 نوفمبر / تشرين الثاني … 28 منه is one interval 2022-11-16/2022-11-28, year inferred",
        check: november_interval,
    },
    Must {
        id: "times.september-2022",
        marked: "`شهر سبتمبر / أيلول الماضي`: September 2022.",
        asks: "سبتمبر / أيلول الماضي is one date 2022-09",
        check: september,
    },
    Must {
        id: "events.E1-joint-exercises",
        marked: "| E1 | joint military exercises **(must)** |",
        asks: "an exercises (مناورات) event of type COOPERATE between Algeria and Russia (actor and recipient)",
        check: e1_joint_exercises,
    },
    Must {
        id: "events.E3-visit",
        marked: "| E3 | official visit **(must)** |",
        asks: "a CONSULT/visit event in Shugaev's sentence: Shugaev or Russia visits Algeria",
        check: e3_visit,
    },
    Must {
        id: "events.E4-budget-raised",
        marked: "| E4 | military budget raised to ~23 bn USD **(must)** |",
        asks: "an event on «قرار الرفع من الميزانية العسكرية الجزائرية» with Algeria as actor",
        check: e4_budget,
    },
    Must {
        id: "events.E5-speculative",
        marked: "| E5 |",
        asks: "Russia's arms-contract profits for the war (للتعبئة … أوكرانيا): events there, one with Russia as actor, all speculative",
        check: e5_speculative,
    },
    Must {
        id: "events.E6-quotation",
        marked: "| E6 |",
        asks: "«لا تستهدف أي دولة ثالثة» is a direct quotation",
        check: e6_quotation,
    },
    Must {
        id: "events.E7-sanctions-demanded",
        marked: "| E7 |",
        asks: "a SANCTION event demanded by the 27 US lawmakers (actor USA) against Algeria (recipient DZA)",
        check: e7_sanctions,
    },
    Must {
        id: "claims.experts-vague",
        marked: "| \"several international expert observers specialised in the military field\" |",
        asks: "the claim «ليست سوى رسالة من موسكو للغرب» has a vague source among the experts, flagged vague",
        check: experts_vague,
    },
    Must {
        id: "claims.spokeswoman-quote",
        marked: "| The exercises \"do not target any third country\" | the Russian MFA spokeswoman |",
        asks: "the claim of the direct quote «لا تستهدف أي دولة ثالثة» has the office «المتحدثة باسم وزارة الخارجية الروسية» as source",
        check: spokeswoman_quote,
    },
    Must {
        id: "claims.beyond-doubt-unattributed",
        marked: "| Algeria supports Russia in this war, \"beyond any doubt\" |",
        asks: "the claim «… بشكل لا يدع مجالا للشك …» is the outlet's own",
        check: beyond_doubt,
    },
];

const SHUGAEV: &str = "إفجينيفيتش شوغاييف";
const BLINKEN: &str = "أنطوني بلينكين";

// ---- finding words -------------------------------------------------------------

/// The one place `words` stand in the article.
fn phrase(doc: &Document, words: &str) -> Result<Span, String> {
    let mut found = doc.text.match_indices(words);
    match (found.next(), found.next()) {
        (Some((at, _)), None) => Ok(Span::new(at, at + words.len())),
        (None, _) => Err(format!("the article does not hold «{words}»")),
        _ => Err(format!("«{words}» stands more than once in the article")),
    }
}

/// Conjunctions and prepositions a listed surface form may carry in the text.
const PROCLITICS: [&str; 9] = ["", "و", "ف", "ب", "ل", "وب", "فب", "ول", "فل"];

/// The tokens that write one of `forms`, bare or after a conjunction or preposition
/// (ل before ال written لل).
fn occurrences(doc: &Document, forms: &[&str]) -> Vec<Span> {
    let matches = |word: &str, form: &str| {
        PROCLITICS.iter().any(|p| word.strip_prefix(p) == Some(form))
            || form
                .strip_prefix("ال")
                .is_some_and(|stem| ["لل", "ولل", "فلل"].iter().any(|p| word.strip_prefix(p) == Some(stem)))
    };
    doc.tokens.iter().map(|t| t.span).filter(|&s| forms.iter().any(|f| matches(doc.slice(s), f))).collect()
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// `«words» @start..end` in character offsets, as the JSON and the report give them.
fn at(doc: &Document, span: Span) -> String {
    let chars = CharIndex::new(&doc.text);
    format!("«{}» @{}..{}", doc.slice(span), chars.char_of(span.start), chars.char_of(span.end))
}

// ---- entities ------------------------------------------------------------------

fn entity<'d>(doc: &'d Document, id: &str) -> Option<&'d Entity> {
    doc.entities.iter().find(|e| e.id == id)
}

fn mention_spans<'d>(doc: &'d Document, e: &'d Entity) -> impl Iterator<Item = Span> + 'd {
    e.mentions.iter().map(|&m| doc.mentions[m].span)
}

/// True when a mention or reference of `e` lies on `span`.
fn touches(doc: &Document, e: &Entity, span: Span) -> bool {
    mention_spans(doc, e).any(|m| overlaps(m, span)) || e.references.iter().any(|r| overlaps(r.span, span))
}

/// The ISO code of the country an entity is (its link), else the one it belongs to.
fn entity_country(e: &Entity) -> Option<&str> {
    e.link.as_deref().and_then(|l| l.strip_prefix("country:")).or(e.country.as_deref())
}

fn describe(e: &Entity) -> String {
    let mut out = format!("{} {:?} {}", e.id, e.kind, e.link.as_deref().unwrap_or("unlinked"));
    if let Some(country) = e.country.as_deref() {
        out += &format!(" of {country}");
    }
    match e.coordinates {
        Some(c) => out += &format!(" at {:.2}, {:.2}", c.lat, c.lon),
        None if matches!(e.kind, EntityKind::Place | EntityKind::Region) => out += " without coordinates",
        None => {}
    }
    out
}

/// What the entity layer makes of the words at `span`.
fn reading(doc: &Document, span: Span) -> String {
    let hits: Vec<String> = doc.entities.iter().filter(|e| touches(doc, e, span)).map(describe).collect();
    if hits.is_empty() {
        "no entity".to_owned()
    } else {
        hits.join(", ")
    }
}

/// True when the word at `span` names country `iso`: a mention or reference of the
/// country's entity lies on it, or it is a word of a longer name (an institution)
/// whose country is `iso` (الروسية in وزارة الخارجية الروسية).
fn names_country(doc: &Document, span: Span, iso: &str) -> bool {
    let link = format!("country:{iso}");
    doc.entities.iter().any(|e| {
        let the_country = e.link.as_deref() == Some(link.as_str()) && touches(doc, e, span);
        let in_longer_name = e.country.as_deref() == Some(iso)
            && mention_spans(doc, e).any(|m| m.contains(span) && m.len() > span.len());
        the_country || in_longer_name
    })
}

/// Every occurrence of `forms` names country `iso`.
fn country_forms(doc: &Document, forms: &[&str], iso: &str) -> Result<(), String> {
    let spans = occurrences(doc, forms);
    if spans.is_empty() {
        return Err(format!("the article holds none of {forms:?}"));
    }
    let wrong: Vec<String> = spans
        .iter()
        .filter(|&&s| !names_country(doc, s, iso))
        .map(|&s| format!("{}: {}", at(doc, s), reading(doc, s)))
        .collect();
    if wrong.is_empty() {
        Ok(())
    } else {
        Err(format!("{} of {} not {iso}: {}", wrong.len(), spans.len(), wrong.join("; ")))
    }
}

fn entities_in_run_on_words(doc: &Document) -> Result<(), String> {
    let mut missing = Vec::new();
    let west = phrase(doc, "معالغرب")?;
    let west_found = doc.entities.iter().any(|e| {
        e.link.as_deref() == Some("org:the_west")
            && (mention_spans(doc, e).any(|m| west.contains(m)) || e.references.iter().any(|r| west.contains(r.span)))
    });
    if !west_found {
        missing.push(format!("the West in {}: {}", at(doc, west), reading(doc, west)));
    }
    let vostok = phrase(doc, "فوستوك2022")?;
    let vostok_found = doc.entities.iter().any(|e| {
        e.kind == EntityKind::Other
            && e.mentions
                .iter()
                .map(|&m| &doc.mentions[m])
                .any(|m| m.kind == MentionKind::Misc && vostok.contains(m.span) && doc.slice(m.span).contains("فوستوك"))
    });
    if !vostok_found {
        missing.push(format!("Vostok 2022 in {}: {}", at(doc, vostok), reading(doc, vostok)));
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(missing.join("; "))
    }
}

fn bechar(doc: &Document) -> Result<(), String> {
    let spans = occurrences(doc, &["بشار"]);
    if spans.is_empty() {
        return Err("the article does not hold بشار".to_owned());
    }
    let is_bechar = |e: &Entity| {
        e.kind == EntityKind::Place
            && e.country.as_deref() == Some("DZA")
            && e.coordinates.is_some_and(|c| (c.lat - 31.6).abs() <= 0.1 && (c.lon + 2.2).abs() <= 0.1)
    };
    let wrong: Vec<String> = spans
        .iter()
        .filter(|&&s| !doc.entities.iter().any(|e| is_bechar(e) && mention_spans(doc, e).any(|m| overlaps(m, s))))
        .map(|&s| format!("{}: {}", at(doc, s), reading(doc, s)))
        .collect();
    if wrong.is_empty() {
        Ok(())
    } else {
        Err(format!("{} of {} not Béchar at 31.6 N 2.2 W: {}", wrong.len(), spans.len(), wrong.join("; ")))
    }
}

/// The person entity with a mention covering `name`.
fn person<'d>(doc: &'d Document, name: &str) -> Result<&'d Entity, String> {
    let span = phrase(doc, name)?;
    doc.entities
        .iter()
        .find(|e| e.kind == EntityKind::Person && mention_spans(doc, e).any(|m| m.contains(span)))
        .ok_or_else(|| format!("{}: {}", at(doc, span), reading(doc, span)))
}

/// The role of person `name` whose title covers `title`, checked by `fits`.
fn role(doc: &Document, name: &str, title: &str, fits: impl Fn(&marsad::document::Role) -> bool) -> Result<(), String> {
    let who = person(doc, name)?;
    let title = phrase(doc, title)?;
    if who.roles.iter().any(|r| r.span.contains(title) && fits(r)) {
        return Ok(());
    }
    let roles: Vec<String> = who.roles.iter().map(|r| format!("{} = {}", at(doc, r.span), r.describe())).collect();
    Err(format!("{} {} has roles [{}]", who.id, at(doc, mention_spans(doc, who).next().unwrap()), roles.join("; ")))
}

fn shugaev_role(doc: &Document) -> Result<(), String> {
    role(
        doc,
        SHUGAEV,
        "مدير القسم الفيديرالي للتعاون العسكري التقني الروسي",
        |r| {
            let organization = r.organization.as_deref().unwrap_or("").to_lowercase();
            r.office.to_lowercase().contains("director")
                && r.country.as_deref() == Some("RUS")
                && ["military-technical cooperation", "military technical cooperation", "التعاون العسكري التقني"]
                    .iter()
                    .any(|body| organization.contains(body))
        },
    )
}

fn blinken_role(doc: &Document) -> Result<(), String> {
    role(doc, BLINKEN, "سكرتير الدولة الأمريكي", |r| {
        r.office.to_lowercase().contains("secretary of state") && r.country.as_deref() == Some("USA")
    })
}

fn russian_mfa(doc: &Document) -> Result<(), String> {
    let span = phrase(doc, "وزارة الخارجية الروسية")?;
    let found = doc.entities.iter().any(|e| {
        e.kind == EntityKind::Organization
            && e.country.as_deref() == Some("RUS")
            && mention_spans(doc, e).any(|m| m == span)
    });
    if found {
        Ok(())
    } else {
        Err(format!("{}: {}", at(doc, span), reading(doc, span)))
    }
}

fn us_lawmakers(doc: &Document) -> Result<(), String> {
    let group = phrase(doc, "27 برلمانيا أمريكيا")?;
    let mut wrong = Vec::new();
    if let Err(count) = lawmakers_count(doc) {
        wrong.push(count);
    }
    let adjective: Vec<Span> = occurrences(doc, &["أمريكيا"]).into_iter().filter(|&s| group.contains(s)).collect();
    match adjective.first() {
        Some(&s) if names_country(doc, s, "USA") => {}
        Some(&s) => wrong.push(format!("{}: {}", at(doc, s), reading(doc, s))),
        None => wrong.push(format!("no token أمريكيا in {}", at(doc, group))),
    }
    if wrong.is_empty() {
        Ok(())
    } else {
        Err(wrong.join("; "))
    }
}

// ---- quantities and times ------------------------------------------------------

fn quantities_on(doc: &Document, span: Span) -> String {
    let found: Vec<String> = doc
        .quantities
        .iter()
        .filter(|q| overlaps(q.span, span))
        .map(|q| format!("{} {:?} {:?} {:?} {:?}", at(doc, q.span), q.kind, q.value, q.unit.as_deref(), q.qualifier))
        .collect();
    if found.is_empty() {
        format!("no quantity on {}", at(doc, span))
    } else {
        found.join("; ")
    }
}

fn budget(doc: &Document) -> Result<(), String> {
    let amount = phrase(doc, "23 مليار دولار")?;
    let approximate = phrase(doc, "ما يقارب 23 مليار دولار")?;
    let found = doc.quantities.iter().any(|q| {
        q.span.contains(amount)
            && approximate.contains(q.span)
            && q.kind == QuantityKind::Money
            && q.value.is_some_and(|v| (v - 23e9).abs() < 1.0)
            && q.unit.as_deref() == Some("USD")
            && q.qualifier == Some(Qualifier::Approximate)
    });
    if found {
        Ok(())
    } else {
        Err(quantities_on(doc, approximate))
    }
}

fn lawmakers_count(doc: &Document) -> Result<(), String> {
    let words = phrase(doc, "27 برلمانيا")?;
    let found = doc.quantities.iter().any(|q| {
        q.span.contains(words)
            && q.kind == QuantityKind::Count
            && q.value == Some(27.0)
            && q.unit.as_deref().is_some_and(|u| u.contains("برلماني"))
    });
    if found {
        Ok(())
    } else {
        Err(quantities_on(doc, words))
    }
}

fn times_on(doc: &Document, span: Span) -> String {
    let found: Vec<String> = doc
        .times
        .iter()
        .filter(|t| overlaps(t.span, span))
        .map(|t| format!("{} {:?} {:?} {:?} inferred={}", at(doc, t.span), t.kind, t.value, t.anchor, t.inferred))
        .collect();
    if found.is_empty() {
        format!("no time expression on {}", at(doc, span))
    } else {
        found.join("; ")
    }
}

/// One time expression covers `words`, and every one on them has a value in `month`.
fn one_month(doc: &Document, words: Span, month: &str) -> bool {
    doc.times
        .iter()
        .filter(|t| overlaps(t.span, words))
        .all(|t| t.value.as_deref().is_some_and(|v| v.split('/').all(|end| end.starts_with(month))))
}

fn november_interval(doc: &Document) -> Result<(), String> {
    let words = phrase(doc, "16 نوفمبر / تشرين الثاني الجاري وإلى غاية 28 منه")?;
    let found = doc.times.iter().any(|t| {
        t.span.contains(words)
            && t.kind == TimeKind::Interval
            && t.value.as_deref() == Some("2022-11-16/2022-11-28")
            && t.inferred
            && t.anchor == Anchor::Inferred
    });
    if found && one_month(doc, words, "2022-11") {
        Ok(())
    } else {
        Err(times_on(doc, words))
    }
}

fn september(doc: &Document) -> Result<(), String> {
    let words = phrase(doc, "سبتمبر / أيلول الماضي")?;
    let found = doc
        .times
        .iter()
        .any(|t| t.span.contains(words) && t.kind == TimeKind::Date && t.value.as_deref() == Some("2022-09"));
    if found && one_month(doc, words, "2022-09") {
        Ok(())
    } else {
        Err(times_on(doc, words))
    }
}

// ---- events --------------------------------------------------------------------

/// The ISO code of the country a participant is or belongs to: its entity's, else the
/// first three letters of its CAMEO-style code.
fn country_of(doc: &Document, p: &Participant) -> Option<String> {
    let from_entity = p.entity.as_deref().and_then(|id| entity(doc, id)).and_then(entity_country);
    let from_code = p
        .code
        .as_deref()
        .filter(|c| c.len() >= 3 && c.as_bytes()[..3].iter().all(u8::is_ascii_uppercase))
        .map(|c| &c[..3]);
    from_entity.or(from_code).map(str::to_owned)
}

fn participant(doc: &Document, p: Option<&Participant>) -> String {
    match p {
        None => "?".to_owned(),
        Some(p) => format!("{} [{}]", at(doc, p.span), p.code.as_deref().or(p.entity.as_deref()).unwrap_or("no code")),
    }
}

fn describe_event(doc: &Document, e: &Event) -> String {
    let mode = e.mode.as_deref().map(|m| format!("/{m}")).unwrap_or_default();
    format!(
        "{} {}{mode} {} → {}, {:?}",
        at(doc, e.trigger.span),
        e.event_type,
        participant(doc, e.actor.as_ref()),
        participant(doc, e.recipient.as_ref()),
        e.modality
    )
}

fn describe_events<'d>(doc: &'d Document, events: impl Iterator<Item = &'d Event>, place: &str) -> String {
    let found: Vec<String> = events.map(|e| describe_event(doc, e)).collect();
    if found.is_empty() {
        format!("no event {place}")
    } else {
        found.join("; ")
    }
}

fn actor_country(doc: &Document, e: &Event) -> Option<String> {
    e.actor.as_ref().and_then(|p| country_of(doc, p))
}

fn recipient_country(doc: &Document, e: &Event) -> Option<String> {
    e.recipient.as_ref().and_then(|p| country_of(doc, p))
}

/// The index of the sentence holding `span`.
fn sentence_of(doc: &Document, span: Span) -> Result<usize, String> {
    doc.sentences
        .iter()
        .position(|s| s.span.contains(span))
        .ok_or_else(|| format!("no sentence holds {}", at(doc, span)))
}

fn e1_joint_exercises(doc: &Document) -> Result<(), String> {
    let exercises = || doc.events.iter().filter(|e| doc.slice(e.trigger.span).contains("مناورات"));
    let joint = exercises().any(|e| {
        let sides = (actor_country(doc, e), recipient_country(doc, e));
        e.event_type == "COOPERATE"
            && matches!(sides, (Some(a), Some(r)) if (a == "DZA" && r == "RUS") || (a == "RUS" && r == "DZA"))
    });
    if joint {
        Ok(())
    } else {
        Err(describe_events(doc, exercises(), "on مناورات"))
    }
}

fn e3_visit(doc: &Document) -> Result<(), String> {
    let sentence = sentence_of(doc, phrase(doc, SHUGAEV)?)?;
    let shugaev = person(doc, SHUGAEV).ok().map(|e| e.id.as_str());
    let here = || doc.events.iter().filter(|e| e.sentence == sentence);
    let visit = here().any(|e| {
        let visitor = e.actor.as_ref().is_some_and(|a| {
            (shugaev.is_some() && a.entity.as_deref() == shugaev) || country_of(doc, a).as_deref() == Some("RUS")
        });
        e.event_type == "CONSULT"
            && e.mode.as_deref() == Some("visit")
            && visitor
            && recipient_country(doc, e).as_deref() == Some("DZA")
    });
    if visit {
        Ok(())
    } else {
        Err(describe_events(doc, here().filter(|e| e.event_type == "CONSULT"), "of type CONSULT in the sentence"))
    }
}

fn e4_budget(doc: &Document) -> Result<(), String> {
    let words = phrase(doc, "قرار الرفع من الميزانية العسكرية الجزائرية")?;
    let on_words = || doc.events.iter().filter(|e| overlaps(e.trigger.span, words));
    if on_words().any(|e| actor_country(doc, e).as_deref() == Some("DZA")) {
        Ok(())
    } else {
        Err(describe_events(doc, on_words(), &format!("on {}", at(doc, words))))
    }
}

fn e5_speculative(doc: &Document) -> Result<(), String> {
    let words = phrase(
        doc,
        "للتعبئة من أجل منح نفسها حصة كبيرة من عقود التسليح مع الجزائر هو ما سيسمح لموسكو على الأرجح \
         بأن تستثمر الأرباح التي ستجنيها من تلك الصفقات في دعم قوتها العسكرية في الحرب على أوكرانيا",
    )?;
    let inside = || doc.events.iter().filter(|e| words.contains(e.trigger.span));
    let russia_acts = inside().any(|e| actor_country(doc, e).as_deref() == Some("RUS"));
    let all_speculative = inside().all(|e| e.modality == Modality::Speculative);
    if russia_acts && all_speculative {
        Ok(())
    } else {
        Err(describe_events(doc, inside(), "from للتعبئة to أوكرانيا"))
    }
}

fn e6_quotation(doc: &Document) -> Result<(), String> {
    let words = phrase(doc, "لا تستهدف أي دولة ثالثة")?;
    if doc.quotations.iter().any(|q| q.kind == QuoteKind::Direct && q.span.contains(words)) {
        return Ok(());
    }
    let found: Vec<String> =
        doc.quotations.iter().filter(|q| overlaps(q.span, words)).map(|q| format!("{:?}", q.kind)).collect();
    Err(format!("quotations on {}: [{}]", at(doc, words), found.join(", ")))
}

fn e7_sanctions(doc: &Document) -> Result<(), String> {
    let lawmakers = phrase(doc, "27 برلمانيا أمريكيا")?;
    let sentence = sentence_of(doc, phrase(doc, "طالبوا")?)?;
    let here = || doc.events.iter().filter(|e| e.sentence == sentence);
    let demanded = here().any(|e| {
        e.event_type == "SANCTION"
            && e.modality == Modality::Demanded
            && e.actor.as_ref().is_some_and(|a| overlaps(a.span, lawmakers))
            && actor_country(doc, e).as_deref() == Some("USA")
            && recipient_country(doc, e).as_deref() == Some("DZA")
    });
    if demanded {
        Ok(())
    } else {
        Err(describe_events(doc, here(), "in the sentence of طالبوا"))
    }
}

// ---- claims --------------------------------------------------------------------

fn describe_claims(doc: &Document, span: Span) -> String {
    let found: Vec<String> = doc
        .claims
        .iter()
        .filter(|c| c.span.contains(span))
        .map(|c| format!("claim of {}: {}, vague={}", at(doc, span), c.source.describe(doc), c.vague))
        .collect();
    if found.is_empty() {
        format!("no claim holds {}", at(doc, span))
    } else {
        found.join("; ")
    }
}

fn experts_vague(doc: &Document) -> Result<(), String> {
    let claim = phrase(doc, "ليست سوى رسالة من موسكو للغرب")?;
    let experts = phrase(doc, "عدةخبراء مراقبين دوليين مختصين في المجال العسكري")?;
    let found = doc.claims.iter().any(|c| {
        c.span.contains(claim)
            && c.source.kind == SourceKind::Vague
            && c.vague
            && c.source.span.is_some_and(|s| experts.contains(s))
    });
    if found {
        Ok(())
    } else {
        Err(describe_claims(doc, claim))
    }
}

fn spokeswoman_quote(doc: &Document) -> Result<(), String> {
    let said = phrase(doc, "لا تستهدف أي دولة ثالثة")?;
    let office = phrase(doc, "المتحدثة باسم وزارة الخارجية الروسية")?;
    let found = doc.claims.iter().any(|c| {
        c.quotation
            .is_some_and(|q| doc.quotations[q].kind == QuoteKind::Direct && doc.quotations[q].span.contains(said))
            && c.source.kind == SourceKind::Office
            && c.source.span.is_some_and(|s| s.contains(office))
            && !c.vague
    });
    if found {
        Ok(())
    } else {
        Err(describe_claims(doc, said))
    }
}

fn beyond_doubt(doc: &Document) -> Result<(), String> {
    let words = phrase(doc, "بشكل لا يدع مجالا للشك")?;
    if doc.claims.iter().any(|c| c.span.contains(words) && c.source.kind == SourceKind::Outlet) {
        Ok(())
    } else {
        Err(describe_claims(doc, words))
    }
}
