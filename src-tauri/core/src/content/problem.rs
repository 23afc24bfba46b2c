//! What can be wrong with a content pack, said so that an author can fix it.
//!
//! The loader never stops at the first problem: it collects them all, each with the file and
//! (where there is one) the line, so `atlas check` can print the whole list in one go.

use serde::Serialize;
use std::fmt;
use ts_rs::TS;

/// The class of a content problem. Each has a fixture pack in the core's tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// The pack folder or a file in it could not be read.
    Unreadable,
    /// A file is not valid UTF-8.
    InvalidUtf8,
    /// A file is larger than the loader accepts.
    TooLarge,
    /// `framework.toml` is missing, is not valid TOML, or contradicts itself.
    BadManifest,
    /// The `+++` frontmatter block is missing, unterminated, or not valid TOML.
    MalformedFrontmatter,
    /// A node's `kind` is not declared in the manifest.
    UnknownKind,
    /// A frontmatter key is neither a node field nor a declared link field.
    UnknownField,
    /// A required field is absent.
    MissingField,
    /// A field has the wrong type or an unacceptable value.
    InvalidValue,
    /// Two nodes share an id.
    DuplicateId,
    /// A link names an id that no node has.
    MissingTarget,
    /// A link points at, or is carried by, a node of a kind the manifest does not allow.
    WrongKind,
    /// A node cannot be reached from the framework's root node.
    Unreachable,
    /// A tour under `tours/` is not valid TOML, or names nodes or depths the pack lacks.
    BadTour,
    /// A mapping between two packs is not valid TOML, names the wrong packs, or leaves a unit
    /// neither linked nor listed as unmapped.
    BadMapping,
}

/// One problem found while loading a pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Problem {
    pub kind: ProblemKind,
    /// Path relative to the pack root, with `/` separators.
    pub file: String,
    /// 1-based line in that file, when the problem sits on one.
    pub line: Option<usize>,
    pub message: String,
}

impl Problem {
    pub fn new(kind: ProblemKind, file: &str, line: Option<usize>, message: String) -> Self {
        Problem {
            kind,
            file: file.to_string(),
            line,
            message,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Every problem found in a pack that could not be loaded. Nothing of the pack is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LoadReport {
    pub problems: Vec<Problem>,
}

impl fmt::Display for LoadReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in &self.problems {
            writeln!(f, "{p}")?;
        }
        write!(
            f,
            "{} problem{} found",
            self.problems.len(),
            if self.problems.len() == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for LoadReport {}
