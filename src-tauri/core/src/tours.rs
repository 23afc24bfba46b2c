//! Tours: ordered walks through the framework that a facilitator steps through in a workshop.
//!
//! A tour is a list of steps; each step focuses one node, to a depth, optionally in a given
//! view, with talking points that only the presenter sees. Built-in tours ship in the content
//! pack as `tours/<id>.toml`; facilitators' own tours live in the store and travel as files in
//! exactly the same format, so a tour written in the app can later be added to a pack.

use crate::graph::Framework;
use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

/// The deepest neighbourhood a step may show; deeper would fade nothing on a small pack.
pub const MAX_DEPTH: u8 = 3;
/// Enough for a day-long workshop; refuses runaway input from an imported file.
pub const MAX_STEPS: usize = 500;
/// Talking points are a few bullets, not a document.
pub const MAX_NOTES_BYTES: usize = 16 * 1024;

/// Which picture a step shows. `None` on a step keeps whatever view is on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum StepView {
    Graph,
    Map,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct TourStep {
    /// The node the camera goes to.
    pub node: String,
    /// How far around the node stays in focus, 1 to `MAX_DEPTH`.
    #[serde(default = "default_depth")]
    pub depth: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view: Option<StepView>,
    /// Markdown talking points for the presenter's screen only.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

fn default_depth() -> u8 {
    1
}

/// A tour as written in a file and as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Tour {
    /// Lowercase letters, digits and hyphens; the file name of a built-in tour.
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Listing order among a pack's tours; user tours are listed by title after them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u32>,
    pub steps: Vec<TourStep>,
}

/// One thing wrong with a tour, located so that its author can find it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TourProblem {
    /// `steps[3].node`, `title`, … or `""` for the whole file.
    pub field: String,
    /// 1-based line in the file, when the problem came from a file.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for TourProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.field.is_empty(), self.line) {
            (true, _) => write!(f, "{}", self.message),
            (false, Some(line)) => write!(f, "line {line}: {}: {}", self.field, self.message),
            (false, None) => write!(f, "{}: {}", self.field, self.message),
        }
    }
}

impl Tour {
    /// Reads a tour file. Syntax errors carry the line they were found on.
    pub fn parse(text: &str) -> Result<Tour, TourProblem> {
        toml::from_str(text).map_err(|e| TourProblem {
            field: String::new(),
            line: e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1),
            message: e.message().lines().next().unwrap_or("").trim().to_string(),
        })
    }

    /// The tour as a file a person can read and edit: the format `parse` reads.
    pub fn to_file(&self) -> String {
        let mut out = String::from("# A Capability Atlas tour. Steps are shown in order.\n");
        out.push_str(&toml::to_string(self).expect("a tour serialises as TOML"));
        out
    }

    /// Every way the tour does not fit the framework: empty title, unknown nodes, depths out
    /// of range. `line_of` locates a step's node in the source file, when there is one.
    pub fn problems(
        &self,
        fw: &Framework,
        line_of: &dyn Fn(&str) -> Option<usize>,
    ) -> Vec<TourProblem> {
        let mut out = Vec::new();
        let mut bad = |field: String, line: Option<usize>, message: String| {
            out.push(TourProblem {
                field,
                line,
                message,
            })
        };
        if !valid_id(&self.id) {
            bad(
                "id".into(),
                None,
                format!(
                    "`{}` is not an id: use lowercase letters, digits and hyphens",
                    self.id
                ),
            );
        }
        if self.title.trim().is_empty() {
            bad("title".into(), None, "a tour needs a title".into());
        }
        if self.steps.is_empty() {
            bad(
                "steps".into(),
                None,
                "a tour needs at least one step".into(),
            );
        }
        if self.steps.len() > MAX_STEPS {
            bad(
                "steps".into(),
                None,
                format!(
                    "{} steps is more than a tour can hold ({MAX_STEPS})",
                    self.steps.len()
                ),
            );
        }
        for (i, step) in self.steps.iter().enumerate() {
            let at = |f: &str| format!("steps[{}].{f}", i + 1);
            if !fw.contains(&step.node) {
                let hint = fw
                    .suggest(&step.node)
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                bad(
                    at("node"),
                    line_of(&step.node),
                    format!("no node has the id `{}`{hint}", step.node),
                );
            }
            if !(1..=MAX_DEPTH).contains(&step.depth) {
                bad(
                    at("depth"),
                    line_of(&step.node),
                    format!("depth {} is not between 1 and {MAX_DEPTH}", step.depth),
                );
            }
            if step.notes.len() > MAX_NOTES_BYTES {
                bad(
                    at("notes"),
                    line_of(&step.node),
                    format!(
                        "talking points are limited to {MAX_NOTES_BYTES} bytes; these are {}",
                        step.notes.len()
                    ),
                );
            }
        }
        out
    }
}

pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
}

/// Makes an id from a title: "Board offsite, May" → "board-offsite-may".
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "tour".into()
    } else {
        out
    }
}

/// The 1-based line on which `node = "<id>"` first appears in `text`.
pub fn line_of_node(text: &str, id: &str) -> Option<usize> {
    let quoted = format!("\"{id}\"");
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            l.starts_with("node") && l.contains(&quoted)
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOUR: &str = r#"
id = "intro"
title = "Intro"
order = 1

[[steps]]
node = "caf-ai"
view = "map"
notes = """
- one
"""

[[steps]]
node = "security"
depth = 2
"#;

    #[test]
    fn a_tour_file_round_trips() {
        let tour = Tour::parse(TOUR).unwrap();
        assert_eq!(tour.steps.len(), 2);
        assert_eq!(tour.steps[0].depth, 1, "depth defaults to 1");
        assert_eq!(tour.steps[0].view, Some(StepView::Map));
        assert_eq!(Tour::parse(&tour.to_file()).unwrap(), tour);
    }

    #[test]
    fn syntax_errors_and_unknown_keys_name_the_line() {
        let err = Tour::parse("id = \"x\"\ntitle = \"T\"\n[[steps]]\nnode = \"a\"\ncolour = 1\n")
            .unwrap_err();
        assert_eq!(err.line, Some(5), "{err}");
        assert!(err.message.contains("colour"), "{err}");
    }

    #[test]
    fn slugs_are_valid_ids() {
        assert_eq!(slug("Board offsite, May 2026"), "board-offsite-may-2026");
        assert_eq!(slug("  ¿¡ "), "tour");
        assert!(valid_id(&slug("Ünïcode — tour")));
        assert!(!valid_id("Bad Id"));
    }

    #[test]
    fn problems_locate_unknown_nodes_and_bad_depths() {
        let fw = crate::load_builtin().unwrap();
        let text = TOUR
            .replace("\"security\"", "\"securty\"")
            .replace("depth = 2", "depth = 4");
        let tour = Tour::parse(&text).unwrap();
        let problems = tour.problems(&fw, &|id| line_of_node(&text, id));
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].field, "steps[2].node");
        assert_eq!(problems[0].line, Some(14));
        assert!(problems[0].message.contains("did you mean `security`"));
        assert_eq!(problems[1].field, "steps[2].depth");
    }
}
