//! How much of each framework a mapping covers: the figures `atlas check --mapping` prints and
//! a report can show. Counted from the packs, not from the file, so a group with no unit
//! linked still appears with its total.

use super::{Mapping, Relation, Review, Side, Units};
use crate::graph::Framework;
use serde::Serialize;
use std::collections::HashSet;
use std::fmt;
use ts_rs::TS;

/// Mapped units of one group (a CAF-AI perspective, an AI RMF function).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct GroupCoverage {
    pub id: String,
    pub title: String,
    pub mapped: usize,
    pub total: usize,
}

/// One side of a mapping: its units, how many have at least one link, and the same per group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SideCoverage {
    pub pack: String,
    /// The unit kind counted (`capability`, `subcategory`).
    pub kind: String,
    pub mapped: usize,
    pub total: usize,
    /// Units deliberately left without a counterpart.
    pub unmapped: usize,
    /// In the pack's order of groups.
    pub groups: Vec<GroupCoverage>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Coverage {
    pub title: String,
    pub links: usize,
    pub from: SideCoverage,
    pub to: SideCoverage,
    /// Links per relation, every relation listed (zero included), in `Relation::ALL` order.
    pub by_relation: Vec<(Relation, usize)>,
    /// Links per review status, every status listed, in `Review::ALL` order.
    pub by_status: Vec<(Review, usize)>,
}

impl Mapping {
    /// The coverage figures of this mapping over the two packs it was loaded against.
    pub fn coverage(&self, from: &Framework, to: &Framework) -> Coverage {
        let from_linked: HashSet<&str> = self.links.iter().map(|l| l.from.as_str()).collect();
        let to_linked: HashSet<&str> = self.links.iter().map(|l| l.to.as_str()).collect();
        Coverage {
            title: self.title.clone(),
            links: self.links.len(),
            from: self.side(from, &from_linked, Side::From),
            to: self.side(to, &to_linked, Side::To),
            by_relation: Relation::ALL
                .map(|r| (r, self.links.iter().filter(|l| l.relation == r).count()))
                .to_vec(),
            by_status: Review::ALL
                .map(|s| (s, self.links.iter().filter(|l| l.status == s).count()))
                .to_vec(),
        }
    }

    fn side(&self, fw: &Framework, linked: &HashSet<&str>, side: Side) -> SideCoverage {
        let pack = fw.manifest().id.clone();
        // A pack without units has none to cover; a loaded mapping never joins one.
        let Some(units) = Units::of(fw) else {
            return SideCoverage {
                pack,
                kind: String::new(),
                mapped: 0,
                total: 0,
                unmapped: 0,
                groups: Vec::new(),
            };
        };
        let all = fw.nodes_of_kind(&units.kind);
        let mut groups: Vec<GroupCoverage> = fw
            .nodes_of_kind(&units.group)
            .into_iter()
            .map(|g| GroupCoverage {
                id: g.id.clone(),
                title: g.title.clone(),
                mapped: 0,
                total: 0,
            })
            .collect();
        for unit in &all {
            let Some(group) = units.group_of(fw, &unit.id) else {
                continue;
            };
            if let Some(g) = groups.iter_mut().find(|g| g.id == group.id) {
                g.total += 1;
                g.mapped += usize::from(linked.contains(unit.id.as_str()));
            }
        }
        SideCoverage {
            pack,
            mapped: all
                .iter()
                .filter(|u| linked.contains(u.id.as_str()))
                .count(),
            total: all.len(),
            unmapped: self.unmapped.iter().filter(|u| u.side == side).count(),
            kind: units.kind,
            groups,
        }
    }
}

impl fmt::Display for SideCoverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}: {} of {} {} nodes linked, {} left unmapped on purpose",
            self.pack, self.mapped, self.total, self.kind, self.unmapped
        )?;
        for g in &self.groups {
            writeln!(f, "  {:<40} {:>3} / {}", g.title, g.mapped, g.total)?;
        }
        Ok(())
    }
}

impl fmt::Display for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}: OK, {} links", self.title, self.links)?;
        write!(f, "{}", self.from)?;
        write!(f, "{}", self.to)?;
        let counts = |items: Vec<String>| items.join(", ");
        writeln!(
            f,
            "by relation: {}",
            counts(
                self.by_relation
                    .iter()
                    .map(|(r, n)| format!("{r} {n}"))
                    .collect()
            )
        )?;
        write!(
            f,
            "by status: {}",
            counts(
                self.by_status
                    .iter()
                    .map(|(s, n)| format!("{s} {n}"))
                    .collect()
            )
        )
    }
}
