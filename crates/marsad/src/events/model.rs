//! The learned event models (`marsad train events`, `docs/events.md`): a trigger
//! classifier (a PLOVER type or none for every candidate word) and an argument
//! classifier (actor, recipient or none for every candidate name or noun of a
//! trigger's sentence). Both are logistic regressions over the features of
//! [`super::features`], stored as TSV in `resources/models/`.

use marsad_core::learn::linear::LinearModel;

/// The trigger model's label for "a trigger of any type": it decides whether a word
/// is a trigger, the type labels which type.
pub const ANY: &str = "ANY";

/// The labels of the argument model.
pub const ROLES: [&str; 2] = ["actor", "recipient"];

/// The trigger and argument models with their decision thresholds.
#[derive(Clone, Debug, Default)]
pub struct EventModels {
    /// One label per PLOVER type and [`ANY`]; a word is a trigger when the probability
    /// of `ANY` reaches its threshold, of the most probable type. A type's own threshold
    /// is what `ANY` must reach when the trigger lexicon does not give the word that
    /// type (set for the conflict types: an unlisted word needs more evidence to be an
    /// attack or an arrest).
    pub triggers: LinearModel,
    /// Labels [`ROLES`]; the most probable candidate of each role is taken when it
    /// reaches the role's threshold.
    pub arguments: LinearModel,
    /// What the type decision adds to the log-odds of a type the trigger lexicon gives
    /// the word: one weight shared by all types, so that the lexicon's type counts as
    /// strongly for a rare type as for a common one. Chosen on the development split
    /// and written in the trigger model's header ([`BONUS_LINE`]); 0 when absent.
    pub lexicon_type_bonus: f32,
}

/// The header line of the trigger model that gives [`EventModels::lexicon_type_bonus`].
pub const BONUS_LINE: &str = "# lexicon type bonus: ";

/// The type of a trigger: of the type labels (all but `any`), the one of highest
/// log-odds once the types the lexicon lists for the word (`listed`) get the bonus.
pub fn choose_type(
    probs: &[f32],
    any: Option<usize>,
    labels: &[String],
    listed: &[&str],
    models: &EventModels,
) -> usize {
    let score = |l: usize| {
        let p = probs[l].clamp(1e-6, 1.0 - 1e-6);
        let bonus = if listed.contains(&labels[l].as_str()) { models.lexicon_type_bonus } else { 0.0 };
        (p / (1.0 - p)).ln() + bonus
    };
    (0..probs.len()).filter(|&l| Some(l) != any).max_by(|&a, &b| score(a).total_cmp(&score(b))).unwrap_or(0)
}

impl EventModels {
    /// The models embedded in the binary.
    pub fn embedded() -> EventModels {
        EventModels::parse(
            include_str!("../../../../resources/models/events_triggers.tsv"),
            include_str!("../../../../resources/models/events_arguments.tsv"),
        )
        .expect("the embedded event models read")
    }

    /// Reads the two model files' texts; the error names the file and line.
    pub fn parse(triggers: &str, arguments: &str) -> Result<EventModels, String> {
        let triggers_src = triggers;
        let triggers = LinearModel::parse(triggers).map_err(|e| format!("trigger model: {e}"))?;
        let arguments = LinearModel::parse(arguments).map_err(|e| format!("argument model: {e}"))?;
        if arguments.labels().len() != ROLES.len() || ROLES.iter().any(|r| arguments.label_index(r).is_none()) {
            return Err(format!("argument model: labels must be {}", ROLES.join(", ")));
        }
        let bonus = triggers_src
            .lines()
            .take_while(|l| l.starts_with('#'))
            .find_map(|l| l.strip_prefix(BONUS_LINE))
            .map(|v| v.trim().parse::<f32>().map_err(|_| format!("trigger model: bad lexicon type bonus {v:?}")))
            .transpose()?
            .unwrap_or(0.0);
        Ok(EventModels { triggers, arguments, lexicon_type_bonus: bonus })
    }
}
