//! The framework model: the pack manifest and the nodes and edges of the graph.
//!
//! These are validated domain types. Raw frontmatter and manifest text are turned into them
//! by `content`, which checks every reference on the way in, so code that holds a `Node` or
//! an `Edge` can trust that its kind exists and its links resolve.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where in the source publication a node or an edge is stated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    /// Section title, with `›` between nesting levels.
    pub section: String,
    /// Page number in the publication.
    pub page: u32,
}

/// One node kind a pack declares (`framework`, `capability`, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct KindDef {
    pub id: String,
    pub label: String,
    pub plural: String,
}

/// One edge kind a pack declares (`part_of`, `references`, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct EdgeKindDef {
    pub id: String,
    /// Reads as "source *label* target".
    pub label: String,
}

/// A frontmatter field whose values are ids of other nodes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkDef {
    pub field: String,
    pub edge: String,
    pub from: Vec<String>,
    pub to: Vec<String>,
    #[serde(default)]
    pub single: bool,
    #[serde(default)]
    pub required_for: Vec<String>,
    /// The edge runs from the named node back to the node whose file names it.
    #[serde(default)]
    pub reverse: bool,
}

/// A value of the optional `status` field (`new`, `enriched`, `inherited` in CAF-AI).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct StatusDef {
    pub id: String,
    pub label: String,
    pub description: String,
}

/// One level of the maturity scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct MaturityLevel {
    pub level: u8,
    pub name: String,
    pub definition: String,
}

/// `framework.toml`: the identity and the schema of a pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: u32,
    pub id: String,
    pub name: String,
    pub short_name: String,
    pub version: String,
    pub published: String,
    pub root: String,
    pub attribution: String,
    pub notice: String,
    pub kinds: Vec<KindDef>,
    pub edges: Vec<EdgeKindDef>,
    pub links: Vec<LinkDef>,
    #[serde(default)]
    pub statuses: Vec<StatusDef>,
    pub maturity: Vec<MaturityLevel>,
}

impl Manifest {
    /// The maturity scale's lowest and highest levels (0, 0 for a pack without a scale). An
    /// unassessed capability counts from the lowest when a gap is measured.
    pub fn scale_ends(&self) -> (u8, u8) {
        let levels = self.maturity.iter().map(|l| l.level);
        (levels.clone().min().unwrap_or(0), levels.max().unwrap_or(0))
    }

    pub fn kind(&self, id: &str) -> Option<&KindDef> {
        self.kinds.iter().find(|k| k.id == id)
    }

    pub fn link(&self, field: &str) -> Option<&LinkDef> {
        self.links.iter().find(|l| l.field == field)
    }

    pub fn status(&self, id: &str) -> Option<&StatusDef> {
        self.statuses.iter().find(|s| s.id == id)
    }
}

/// A node of the framework graph, as loaded and validated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Node {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub tagline: String,
    pub status: Option<String>,
    pub order: Option<i64>,
    pub aliases: Vec<String>,
    pub source: SourceRef,
    /// The CommonMark body exactly as written; render it with `markdown::render`.
    pub body: String,
    /// The file the node came from, relative to the pack root, for error messages.
    pub file: String,
}

/// A typed, sourced edge between two nodes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Edge {
    pub kind: String,
    pub source: SourceRef,
}
