//! Mappings between two packs: which assessable unit of one framework serves which unit of
//! another (a CAF-AI capability and an AI RMF subcategory), how the two relate, and why.
//!
//! A mapping is its own file under `content/mappings/`, not a field of either pack, because it
//! belongs to neither: each pack loads and changes on its own, and the mapping is checked
//! against both whenever it is loaded. Loading is all or nothing, like a pack's (`load`), and
//! a loaded `Mapping` answers the two questions a reader asks of it: what does this node
//! correspond to over there (`links_of`), and how much of each framework is covered
//! (`coverage`).

mod coverage;
mod load;

pub use coverage::{Coverage, GroupCoverage, SideCoverage};
pub use load::{load_mapping, load_mapping_file};

use crate::graph::Framework;
use crate::model::Node;
use serde::Serialize;
use std::fmt;
use ts_rs::TS;

/// How the from-node relates to the to-node, read as "from-node RELATION to-node".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// The two cover the same ground.
    Equal,
    /// All of the from-node lies within the to-node, which asks for more.
    Subset,
    /// The from-node holds all of the to-node and more besides.
    Superset,
    /// They share some ground and each has ground of its own.
    Intersect,
}

impl Relation {
    pub const ALL: [Relation; 4] = [
        Relation::Equal,
        Relation::Subset,
        Relation::Superset,
        Relation::Intersect,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Equal => "equal",
            Relation::Subset => "subset",
            Relation::Superset => "superset",
            Relation::Intersect => "intersect",
        }
    }

    /// The relation read from the other end: "A is a subset of B" is "B is a superset of A";
    /// equal and intersect read the same both ways.
    pub fn reversed(self) -> Relation {
        match self {
            Relation::Subset => Relation::Superset,
            Relation::Superset => Relation::Subset,
            other => other,
        }
    }

    fn parse(text: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

/// How far a link has been checked by a person who knows both frameworks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Review {
    /// Written down with a rationale, not yet confirmed by a second reader.
    Proposed,
    /// Confirmed by a reviewer.
    Reviewed,
}

impl Review {
    pub const ALL: [Review; 2] = [Review::Proposed, Review::Reviewed];

    pub fn as_str(self) -> &'static str {
        match self {
            Review::Proposed => "proposed",
            Review::Reviewed => "reviewed",
        }
    }

    fn parse(text: &str) -> Option<Review> {
        Review::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

/// Which of the two packs an unmapped entry belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    From,
    To,
}

/// One link between a unit of the from-pack and a unit of the to-pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Link {
    /// A node id of the from-pack.
    pub from: String,
    /// A node id of the to-pack.
    pub to: String,
    /// Read as "from RELATION to".
    pub relation: Relation,
    pub status: Review,
    /// Why the two correspond, in one or two sentences.
    pub rationale: String,
    /// 1-based line of the link in its file, so a reviewer can go straight to it.
    pub line: usize,
}

/// A unit deliberately left without a counterpart, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Unmapped {
    pub side: Side,
    pub id: String,
    pub reason: String,
    pub line: usize,
}

/// A loaded, validated mapping: every id names a unit of the right pack, and every unit of both
/// packs is either linked or listed as unmapped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Mapping {
    /// The file it was read from, as problems name it.
    pub file: String,
    /// The from-pack's id.
    pub from: String,
    /// The to-pack's id.
    pub to: String,
    pub title: String,
    pub summary: String,
    /// In file order.
    pub links: Vec<Link>,
    pub unmapped: Vec<Unmapped>,
}

/// A node's counterpart in the other pack, as seen from the node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Counterpart {
    /// The other pack's id.
    pub pack: String,
    /// The node id in the other pack.
    pub node: String,
    /// Read as "this node RELATION the counterpart": a link read backwards swaps subset and
    /// superset.
    pub relation: Relation,
    pub status: Review,
    pub rationale: String,
}

impl Mapping {
    /// Every counterpart of `node_id` of pack `pack_id`, in file order, whichever end of the
    /// links the node sits on. A pack the mapping does not join has none.
    pub fn links_of(&self, pack_id: &str, node_id: &str) -> Vec<Counterpart> {
        let mut out = Vec::new();
        for link in &self.links {
            if pack_id == self.from && link.from == node_id {
                out.push(Counterpart {
                    pack: self.to.clone(),
                    node: link.to.clone(),
                    relation: link.relation,
                    status: link.status,
                    rationale: link.rationale.clone(),
                });
            }
            if pack_id == self.to && link.to == node_id {
                out.push(Counterpart {
                    pack: self.from.clone(),
                    node: link.from.clone(),
                    relation: link.relation.reversed(),
                    status: link.status,
                    rationale: link.rationale.clone(),
                });
            }
        }
        out
    }

    /// The unmapped entry for a node, if it was left out on purpose.
    pub fn unmapped_reason(&self, side: Side, node_id: &str) -> Option<&str> {
        self.unmapped
            .iter()
            .find(|u| u.side == side && u.id == node_id)
            .map(|u| u.reason.as_str())
    }
}

/// What a mapping joins in one pack: its assessable unit (`capability`, `subcategory`) and the
/// kind of node that groups those units in a coverage report (`perspective`, `function`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Units {
    pub kind: String,
    pub group: String,
}

/// The assessable unit and its grouping for every pack shape we know, tried in order: the
/// first unit kind a pack's manifest declares wins. A rule of kinds rather than of pack ids,
/// so that a pack shaped like CAF-AI or the AI RMF (the example packs, a new release) maps the
/// same way without a change here.
const UNIT_RULES: [(&str, &str); 2] = [("capability", "perspective"), ("subcategory", "function")];

/// How many `part_of` steps a unit's group may be away: a subcategory's function is two up.
/// Bounded so that a pack whose hierarchy loops cannot hang coverage.
const GROUP_DEPTH: usize = 8;

impl Units {
    /// The units of a pack, or `None` when it declares none of the kinds a mapping joins.
    pub fn of(fw: &Framework) -> Option<Units> {
        let manifest = fw.manifest();
        UNIT_RULES
            .iter()
            .find(|(unit, _)| manifest.kind(unit).is_some())
            .map(|(unit, group)| Units {
                kind: unit.to_string(),
                group: group.to_string(),
            })
    }

    /// Every unit of the pack in the order a reader of the framework meets them: by the order
    /// of each node up its `part_of` chain, so GOVERN 1.1 … GOVERN 6.2 come before MAP 1.1. A
    /// plain sort by each unit's own `order` would interleave the groups (every first item,
    /// then every second), since `order` counts within a parent.
    pub fn in_order<'a>(&self, fw: &'a Framework) -> Vec<&'a Node> {
        let key = |node: &Node| {
            let mut path = vec![(node.order.unwrap_or(i64::MAX), node.title.clone())];
            let mut current = node.id.clone();
            for _ in 0..GROUP_DEPTH {
                let Some(parent) = fw.parent(&current) else {
                    break;
                };
                path.push((parent.order.unwrap_or(i64::MAX), parent.title.clone()));
                current = parent.id.clone();
            }
            path.reverse();
            path
        };
        let mut units: Vec<&Node> = fw.nodes().filter(|n| n.kind == self.kind).collect();
        units.sort_by_cached_key(|n| key(n));
        units
    }

    /// The group a unit sits in: the nearest node of the group kind up its `part_of` chain.
    pub fn group_of<'a>(&self, fw: &'a Framework, id: &str) -> Option<&'a Node> {
        let mut current = fw.node(id)?;
        for _ in 0..GROUP_DEPTH {
            let parent = fw.parent(&current.id)?;
            if parent.kind == self.group {
                return Some(parent);
            }
            current = parent;
        }
        None
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Review {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
