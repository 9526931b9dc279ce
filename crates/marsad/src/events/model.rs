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
    /// of `ANY` reaches its threshold, of the most probable type.
    pub triggers: LinearModel,
    /// Labels [`ROLES`]; the most probable candidate of each role is taken when it
    /// reaches the role's threshold.
    pub arguments: LinearModel,
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
        let triggers = LinearModel::parse(triggers).map_err(|e| format!("trigger model: {e}"))?;
        let arguments = LinearModel::parse(arguments).map_err(|e| format!("argument model: {e}"))?;
        if arguments.labels().len() != ROLES.len() || ROLES.iter().any(|r| arguments.label_index(r).is_none()) {
            return Err(format!("argument model: labels must be {}", ROLES.join(", ")));
        }
        Ok(EventModels { triggers, arguments })
    }
}
