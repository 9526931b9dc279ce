//! The persuasion techniques and their coarse classes (`resources/framing/techniques.tsv`):
//! the vocabulary shared by the techniques stage, its evaluation and the renderers.

use std::sync::OnceLock;

use crate::phrases::tsv_rows;

/// One technique of the taxonomy.
#[derive(Clone, Debug)]
pub struct Technique {
    /// Its name in the shared tasks' spelling (`Loaded_Language`).
    pub name: String,
    /// Its coarse class (`Manipulative_Wording`).
    pub class: String,
    /// Its Arabic name.
    pub arabic: String,
    /// What it is, in one line.
    pub description: String,
    /// Other names of the same technique in older task lists (`Loaded Language`).
    pub aliases: Vec<String>,
}

/// The taxonomy.
#[derive(Clone, Debug)]
pub struct Taxonomy {
    /// The techniques, in file order.
    pub techniques: Vec<Technique>,
}

impl Taxonomy {
    /// The embedded taxonomy, parsed on first call and shared after.
    pub fn shared() -> &'static Taxonomy {
        static SHARED: OnceLock<Taxonomy> = OnceLock::new();
        SHARED.get_or_init(Taxonomy::embedded)
    }

    /// The taxonomy embedded in the binary.
    pub fn embedded() -> Taxonomy {
        Taxonomy::parse(include_str!("../../../resources/framing/techniques.tsv"))
    }

    /// Reads the TSV (technique, class, Arabic name, description, aliases).
    pub fn parse(text: &str) -> Taxonomy {
        let techniques = tsv_rows(text)
            .filter(|row| row.len() >= 4)
            .map(|row| Technique {
                name: row[0].to_string(),
                class: row[1].to_string(),
                arabic: row[2].to_string(),
                description: row[3].to_string(),
                aliases: row.get(4).map_or(Vec::new(), |a| {
                    a.split('|').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
                }),
            })
            .collect();
        Taxonomy { techniques }
    }

    /// The technique named `name` or one of its aliases (case and `-`/`_`/space-insensitive).
    pub fn find(&self, name: &str) -> Option<&Technique> {
        let fold = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
        let want = fold(name);
        self.techniques.iter().find(|t| fold(&t.name) == want || t.aliases.iter().any(|a| fold(a) == want))
    }

    /// The index of the technique named `name` or one of its aliases.
    pub fn position(&self, name: &str) -> Option<usize> {
        let found = self.find(name)?;
        self.techniques.iter().position(|t| std::ptr::eq(t, found))
    }

    /// The coarse class of technique `name`, or `""`.
    pub fn class_of(&self, name: &str) -> &str {
        self.find(name).map_or("", |t| t.class.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_three_techniques_in_six_classes_and_older_names_map() {
        let t = Taxonomy::embedded();
        assert_eq!(t.techniques.len(), 23);
        // The tasks' seventh class is `no_technique`.
        let classes: std::collections::BTreeSet<&str> = t.techniques.iter().map(|t| t.class.as_str()).collect();
        assert_eq!(classes.len(), 6, "{classes:?}");
        assert_eq!(t.find("Black-and-white Fallacy/Dictatorship").unwrap().name, "False_Dilemma-No_Choice");
        assert_eq!(t.find("Name calling/Labeling").unwrap().name, "Name_Calling-Labeling");
        assert_eq!(t.find("loaded_language").unwrap().class, "Manipulative_Wording");
        assert!(t.find("no_technique").is_none());
    }
}
