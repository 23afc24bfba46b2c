//! Tours: ordered walks through the framework that a facilitator steps through in a workshop.
//!
//! A tour is a list of steps; each step focuses one node, to a depth, optionally in a given
//! view, with talking points that only the presenter sees. Built-in tours ship in the content
//! pack as `tours/<id>.toml`; facilitators' own tours live in the store and travel as files in
//! exactly the same format, so a tour written in the app can later be added to a pack.

use crate::limits::{
    echo, TOUR_FILE_BYTES, TOUR_NOTES_BYTES, TOUR_NOTES_TOTAL_BYTES, TOUR_STEPS,
    TOUR_SUMMARY_CHARS, TOUR_TITLE_CHARS, VIEW_NAME_CHARS,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use ts_rs::TS;

/// The deepest neighbourhood a step may show; deeper would fade nothing on a small pack.
pub const MAX_DEPTH: u8 = 3;
/// Most steps in a tour (see `limits::TOUR_STEPS`).
pub const MAX_STEPS: usize = TOUR_STEPS;
/// Longest talking points of a step (see `limits::TOUR_NOTES_BYTES`).
pub const MAX_NOTES_BYTES: usize = TOUR_NOTES_BYTES;

/// What a tour is checked against: the ids a framework knows, and the nearest one to a
/// mistyped id. A trait rather than the framework itself, because the framework carries its
/// pack's tours and so already depends on this module.
pub trait KnownNodes {
    fn contains(&self, id: &str) -> bool;
    fn suggest(&self, wanted: &str) -> Option<&str>;
}

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
    /// A saved view of the graph (by name) whose filters and lens the step shows; the step's
    /// node and depth are its focus, framed as on every step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved_view: Option<String>,
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
    /// Reads a tour file. Syntax errors carry the line they were found on. A file over
    /// `limits::TOUR_FILE_BYTES` is refused unread.
    pub fn parse(text: &str) -> Result<Tour, TourProblem> {
        if text.len() > TOUR_FILE_BYTES {
            return Err(TourProblem {
                field: String::new(),
                line: None,
                message: format!(
                    "the tour file is {} KB; a tour file may hold at most {} KB",
                    text.len().div_ceil(1024),
                    TOUR_FILE_BYTES / 1024
                ),
            });
        }
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
        fw: &dyn KnownNodes,
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
                    echo(&self.id)
                ),
            );
        }
        if self.title.trim().is_empty() {
            bad("title".into(), None, "a tour needs a title".into());
        }
        if self.title.chars().count() > TOUR_TITLE_CHARS {
            bad(
                "title".into(),
                None,
                format!("a tour title is at most {TOUR_TITLE_CHARS} characters"),
            );
        }
        if self.summary.chars().count() > TOUR_SUMMARY_CHARS {
            bad(
                "summary".into(),
                None,
                format!("a tour summary is at most {TOUR_SUMMARY_CHARS} characters"),
            );
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
        let notes: usize = self.steps.iter().map(|s| s.notes.len()).sum();
        if notes > TOUR_NOTES_TOTAL_BYTES {
            bad(
                "steps".into(),
                None,
                format!(
                    "the talking points of all steps together are limited to {} KB; these are {} KB",
                    TOUR_NOTES_TOTAL_BYTES / 1024,
                    notes.div_ceil(1024)
                ),
            );
        }
        // Past the limit the steps are not checked one by one: the tour is refused anyway,
        // and a runaway list would only make a runaway list of problems.
        for (i, step) in self.steps.iter().take(MAX_STEPS).enumerate() {
            let at = |f: &str| format!("steps[{}].{f}", i + 1);
            if !fw.contains(&step.node) {
                let hint = fw
                    .suggest(&step.node)
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                bad(
                    at("node"),
                    line_of(&step.node),
                    format!("no node has the id `{}`{hint}", echo(&step.node)),
                );
            }
            if !(1..=MAX_DEPTH).contains(&step.depth) {
                bad(
                    at("depth"),
                    line_of(&step.node),
                    format!("depth {} is not between 1 and {MAX_DEPTH}", step.depth),
                );
            }
            if let Some(name) = &step.saved_view {
                if name.trim().is_empty() || name.chars().count() > VIEW_NAME_CHARS {
                    bad(
                        at("saved_view"),
                        line_of(&step.node),
                        format!("a saved view's name is 1 to {VIEW_NAME_CHARS} characters"),
                    );
                }
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

impl Tour {
    /// The steps that name a saved view `known` does not have. Saved views live in a person's
    /// store, not in the pack, so this is asked where both are at hand: saving or importing a
    /// tour, and listing the pack's tours.
    pub fn unknown_views(
        &self,
        known: &dyn Fn(&str) -> bool,
        line_of: &dyn Fn(&str) -> Option<usize>,
    ) -> Vec<TourProblem> {
        self.steps
            .iter()
            .take(MAX_STEPS)
            .enumerate()
            .filter_map(|(i, step)| {
                let name = step.saved_view.as_deref()?;
                (!known(name.trim())).then(|| TourProblem {
                    field: format!("steps[{}].saved_view", i + 1),
                    line: line_of(&step.node),
                    message: format!("there is no saved view named `{}`", echo(name)),
                })
            })
            .collect()
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

/// Where each step's `node = "<id>"` first appears in a tour file, read in one pass, so that
/// locating the problems of a tour of many steps costs one reading of the file, not one per
/// step.
pub struct NodeLines(HashMap<String, usize>);

impl NodeLines {
    pub fn new(text: &str) -> Self {
        let mut lines = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_start();
            let Some(rest) = line.strip_prefix("node") else {
                continue;
            };
            let Some(value) = rest.trim_start().strip_prefix('=') else {
                continue;
            };
            let mut quoted = value.trim().split('"');
            if let (Some(""), Some(id)) = (quoted.next(), quoted.next()) {
                lines.entry(id.to_string()).or_insert(i + 1);
            }
        }
        NodeLines(lines)
    }

    pub fn line_of(&self, id: &str) -> Option<usize> {
        self.0.get(id).copied()
    }
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
        let lines = NodeLines::new(&text);
        let problems = tour.problems(&fw, &|id| lines.line_of(id));
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].field, "steps[2].node");
        assert_eq!(problems[0].line, Some(14));
        assert!(problems[0].message.contains("did you mean `security`"));
        assert_eq!(problems[1].field, "steps[2].depth");
    }
}
