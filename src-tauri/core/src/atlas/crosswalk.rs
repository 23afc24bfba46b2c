//! The frameworks built in beside the one in effect, and the mappings between them: what the
//! reader shows as a node's counterparts in another framework.
//!
//! The companion packs and the mappings are loaded once, on first use, not at start-up: a person
//! who never opens the reader should not wait for a second framework to load. They are built
//! into the binary and checked by the tests, so a failure here is a broken build; it is reported
//! on stderr and leaves the counterparts empty rather than stopping the app.

use super::{Atlas, AtlasError};
use crate::api::{
    CounterpartView, CrosswalkGroup, CrosswalkLink, CrosswalkSide, CrosswalkUnit, CrosswalkView,
    NodeDetail,
};
use crate::graph::Framework;
use crate::mapping::{self, Mapping, Side, SideCoverage, Units};
use crate::reports::MappedFramework;
use std::sync::{Arc, OnceLock};

/// Every built-in framework and every built-in mapping between two of them.
pub(super) struct Crosswalk {
    packs: Vec<Arc<Framework>>,
    mappings: Vec<Mapping>,
}

impl Crosswalk {
    fn load() -> Crosswalk {
        let mut packs = Vec::new();
        let loaded =
            std::iter::once(("content", crate::load_builtin())).chain(crate::load_companions());
        for (folder, pack) in loaded {
            match pack {
                Ok(fw) => packs.push(Arc::new(fw)),
                Err(report) => eprintln!("the built-in pack in {folder} does not load:\n{report}"),
            }
        }
        let mut mappings = Vec::new();
        for (name, bytes) in crate::builtin_mappings() {
            match Self::mapping(&packs, name, bytes) {
                Ok(m) => mappings.push(m),
                Err(why) => eprintln!("the built-in mapping {name} does not load: {why}"),
            }
        }
        Crosswalk { packs, mappings }
    }

    /// A mapping file is named `<from pack>--<to pack>.toml`, which says which two packs to
    /// check it against before reading a line of it.
    fn mapping(packs: &[Arc<Framework>], name: &str, bytes: &[u8]) -> Result<Mapping, String> {
        let stem = name.strip_suffix(".toml").unwrap_or(name);
        let (from, to) = stem
            .split_once("--")
            .ok_or("its name is not `<from>--<to>.toml`")?;
        let find = |id: &str| {
            packs
                .iter()
                .find(|p| p.manifest().id == id)
                .ok_or(format!("no built-in pack is `{id}`"))
        };
        let text = std::str::from_utf8(bytes).map_err(|_| "it is not UTF-8".to_string())?;
        mapping::load_mapping(name, text, find(from)?, find(to)?).map_err(|r| r.to_string())
    }

    fn pack(&self, id: &str) -> Option<&Framework> {
        self.packs
            .iter()
            .find(|p| p.manifest().id == id)
            .map(|p| &**p)
    }

    /// Node `id` of a framework mapped to the pack `pack_id`, as the reader shows it: marked with
    /// its framework's name, with its counterparts (back in the pack in effect among them).
    pub(super) fn foreign_node(&self, pack_id: &str, id: &str) -> Option<NodeDetail> {
        self.mapped(pack_id).into_iter().find_map(|mapped| {
            let other = mapped.other;
            let mut detail = crate::api::node_detail(other, id).ok()?;
            detail.framework = Some(other.manifest().short_name.clone());
            detail.counterparts = self.counterparts(&other.manifest().id, id);
            Some(detail)
        })
    }

    /// Every mapping with the pack `pack_id` on one side, with the framework on the other.
    pub(super) fn mapped(&self, pack_id: &str) -> Vec<MappedFramework<'_>> {
        self.mappings
            .iter()
            .filter_map(|m| {
                let other = match pack_id {
                    id if id == m.from => &m.to,
                    id if id == m.to => &m.from,
                    _ => return None,
                };
                Some(MappedFramework {
                    mapping: m,
                    other: self.pack(other)?,
                })
            })
            .collect()
    }

    /// The nodes of other frameworks linked to `node` of the pack `pack_id`, in the mapping's
    /// order; links to nodes the other pack lacks are left out.
    pub(super) fn counterparts(&self, pack_id: &str, node: &str) -> Vec<CounterpartView> {
        let mut out = Vec::new();
        for m in &self.mappings {
            for c in m.links_of(pack_id, node) {
                let Some(other) = self.pack(&c.pack) else {
                    continue;
                };
                let Some(target) = other.node(&c.node) else {
                    continue;
                };
                out.push(CounterpartView {
                    framework: other.manifest().short_name.clone(),
                    id: target.id.clone(),
                    title: target.title.clone(),
                    relation: c.relation.as_str().to_string(),
                    status: c.status.as_str().to_string(),
                    rationale: c.rationale.clone(),
                });
            }
        }
        out
    }
}

/// One side of a mapping as the crosswalk view shows it; the per-group counts are the
/// mapping's own coverage of that side (`Mapping::coverage`), not counted again here.
fn side(
    fw: &Framework,
    mapping: &Mapping,
    side: Side,
    coverage: &SideCoverage,
) -> Option<CrosswalkSide> {
    let units = Units::of(fw)?;
    let manifest = fw.manifest();
    let all: Vec<CrosswalkUnit> = units
        .in_order(fw)
        .into_iter()
        .map(|n| CrosswalkUnit {
            id: n.id.clone(),
            title: n.title.clone(),
            group: units
                .group_of(fw, &n.id)
                .map(|g| g.id.clone())
                .unwrap_or_default(),
            unmapped: mapping.unmapped_reason(side, &n.id).map(str::to_string),
        })
        .collect();
    let groups = coverage
        .groups
        .iter()
        .map(|g| CrosswalkGroup {
            id: g.id.clone(),
            title: g.title.clone(),
            linked: g.mapped as u32,
            total: g.total as u32,
        })
        .collect();
    let label = |kind: &str, plural: bool| {
        manifest.kind(kind).map_or_else(
            || kind.to_string(),
            |k| {
                if plural {
                    k.plural.clone()
                } else {
                    k.label.clone()
                }
            },
        )
    };
    Some(CrosswalkSide {
        framework: manifest.short_name.clone(),
        unit_plural: label(&units.kind, true),
        group_label: label(&units.group, false),
        groups,
        units: all,
    })
}

impl Crosswalk {
    /// The pack `fw` against every framework a built-in mapping links it to.
    pub(super) fn views(&self, fw: &Framework) -> Vec<CrosswalkView> {
        let id = &fw.manifest().id;
        let mut out = Vec::new();
        for m in &self.mappings {
            let (ours_side, theirs_side, theirs_id) = match id {
                id if *id == m.from => (Side::From, Side::To, &m.to),
                id if *id == m.to => (Side::To, Side::From, &m.from),
                _ => continue,
            };
            let Some(other) = self.pack(theirs_id) else {
                continue;
            };
            let forward = ours_side == Side::From;
            let coverage = if forward {
                m.coverage(fw, other)
            } else {
                m.coverage(other, fw)
            };
            let (ours_cov, theirs_cov) = if forward {
                (&coverage.from, &coverage.to)
            } else {
                (&coverage.to, &coverage.from)
            };
            let (Some(ours), Some(theirs)) = (
                side(fw, m, ours_side, ours_cov),
                side(other, m, theirs_side, theirs_cov),
            ) else {
                continue;
            };
            let links = m
                .links
                .iter()
                .map(|l| CrosswalkLink {
                    ours: if forward { &l.from } else { &l.to }.clone(),
                    theirs: if forward { &l.to } else { &l.from }.clone(),
                    relation: if forward {
                        l.relation
                    } else {
                        l.relation.reversed()
                    }
                    .as_str()
                    .to_string(),
                    status: l.status.as_str().to_string(),
                    rationale: l.rationale.clone(),
                })
                .collect();
            out.push(CrosswalkView {
                title: m.title.clone(),
                summary: m.summary.trim().to_string(),
                ours,
                theirs,
                links,
            });
        }
        out
    }
}

impl Atlas {
    /// The pack in effect against each framework a built-in mapping links it to.
    pub fn crosswalks(&self) -> Result<Vec<CrosswalkView>, AtlasError> {
        Ok(self.crosswalk().views(&*self.framework()?))
    }

    pub(super) fn crosswalk(&self) -> &Crosswalk {
        static CROSSWALK: OnceLock<Crosswalk> = OnceLock::new();
        CROSSWALK.get_or_init(Crosswalk::load)
    }
}
