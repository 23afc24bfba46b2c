//! Figures about an organisation, computed from its assessments and the framework: the
//! dashboard's radar (current against target per perspective), its largest gaps and a roadmap
//! grouped by journey stage. Pure functions of their inputs, so they are tested without a store.

use super::{PlanContext, PlanFigures};
use crate::graph::Framework;
use crate::store::{Assessment, Priority};
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

/// How far one perspective has come, for one axis of the radar.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PerspectiveScore {
    pub id: String,
    pub title: String,
    /// Capabilities in the perspective.
    pub capabilities: u32,
    /// Those with a current maturity (not applicable ones excluded).
    pub assessed: u32,
    pub not_applicable: u32,
    /// Mean current maturity of the assessed capabilities.
    pub current: Option<f64>,
    /// Mean target of the capabilities that have one.
    pub target: Option<f64>,
}

/// A capability whose current maturity falls short of its target.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct GapItem {
    pub capability: String,
    pub title: String,
    /// The perspective's title.
    pub perspective: String,
    pub current: Option<u8>,
    pub target: Option<u8>,
    /// Target minus current; a missing current counts as the scale's lowest level.
    pub gap: u8,
    pub priority: Option<Priority>,
    /// The journey stage the organisation planned it for (a node id).
    pub stage: Option<String>,
}

/// One column of the roadmap.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RoadmapStage {
    /// The stage node id; `None` for capabilities with a gap but no stage yet.
    pub stage: Option<String>,
    pub title: String,
    pub items: Vec<GapItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Dashboard {
    pub capabilities: u32,
    pub assessed: u32,
    pub not_applicable: u32,
    /// In the framework's order.
    pub perspectives: Vec<PerspectiveScore>,
    /// The largest gaps first (ties: higher priority, then framework order), at most ten.
    pub gaps: Vec<GapItem>,
    /// Stages in journey order, then the unplanned column when it has anything.
    pub roadmap: Vec<RoadmapStage>,
    /// The improvement plan: open, overdue and recently done actions.
    pub plan: PlanFigures,
}

/// The number of gaps the dashboard lists.
pub const GAPS_LISTED: usize = 10;

fn mean(values: &[u8]) -> Option<f64> {
    (!values.is_empty())
        .then(|| values.iter().map(|&v| f64::from(v)).sum::<f64>() / values.len() as f64)
}

/// Sort key for priorities: critical first, unset last.
fn urgency(p: Option<Priority>) -> u8 {
    match p {
        Some(Priority::Critical) => 0,
        Some(Priority::High) => 1,
        Some(Priority::Medium) => 2,
        Some(Priority::Low) => 3,
        None => 4,
    }
}

/// The dashboard's figures; `plan` says what the plan's figures are measured against.
pub fn dashboard(
    fw: &Framework,
    assessments: &BTreeMap<String, Assessment>,
    plan: PlanContext<'_>,
) -> Dashboard {
    let (lowest, _) = fw.manifest().scale_ends();
    let empty = Assessment::default();
    let mut perspectives = Vec::new();
    // (framework position, item) so ties fall back to the framework's order.
    let mut gaps: Vec<(usize, GapItem)> = Vec::new();
    let mut position = 0usize;
    for p in fw.nodes_of_kind("perspective") {
        let caps: Vec<_> = fw
            .nodes_of_kind("capability")
            .into_iter()
            .filter(|c| fw.parent(&c.id).is_some_and(|parent| parent.id == p.id))
            .collect();
        let (mut current, mut target, mut na) = (Vec::new(), Vec::new(), 0u32);
        for c in &caps {
            position += 1;
            let a = assessments.get(&c.id).unwrap_or(&empty);
            if a.not_applicable.is_some() {
                na += 1;
                continue;
            }
            current.extend(a.current);
            target.extend(a.target);
            if let Some(t) = a.target {
                let now = a.current.unwrap_or(lowest);
                if t > now {
                    gaps.push((
                        position,
                        GapItem {
                            capability: c.id.clone(),
                            title: c.title.clone(),
                            perspective: p.title.clone(),
                            current: a.current,
                            target: a.target,
                            gap: t - now,
                            priority: a.priority,
                            stage: a.stage.clone(),
                        },
                    ));
                }
            }
        }
        perspectives.push(PerspectiveScore {
            id: p.id.clone(),
            title: p.title.clone(),
            capabilities: caps.len() as u32,
            assessed: current.len() as u32,
            not_applicable: na,
            current: mean(&current),
            target: mean(&target),
        });
    }
    gaps.sort_by_key(|(pos, g)| (std::cmp::Reverse(g.gap), urgency(g.priority), *pos));

    // The roadmap lists every gap, most urgent first within a stage.
    let mut by_urgency = gaps.clone();
    by_urgency.sort_by_key(|(pos, g)| (urgency(g.priority), std::cmp::Reverse(g.gap), *pos));
    let mut roadmap: Vec<RoadmapStage> = fw
        .nodes_of_kind("stage")
        .into_iter()
        .map(|s| RoadmapStage {
            stage: Some(s.id.clone()),
            title: s.title.clone(),
            items: by_urgency
                .iter()
                .filter(|(_, g)| g.stage.as_deref() == Some(s.id.as_str()))
                .map(|(_, g)| g.clone())
                .collect(),
        })
        .collect();
    let unplanned: Vec<GapItem> = by_urgency
        .iter()
        .filter(|(_, g)| g.stage.is_none())
        .map(|(_, g)| g.clone())
        .collect();
    if !unplanned.is_empty() {
        roadmap.push(RoadmapStage {
            stage: None,
            title: "Not yet planned".into(),
            items: unplanned,
        });
    }

    Dashboard {
        capabilities: perspectives.iter().map(|p| p.capabilities).sum(),
        assessed: perspectives.iter().map(|p| p.assessed).sum(),
        not_applicable: perspectives.iter().map(|p| p.not_applicable).sum(),
        perspectives,
        gaps: gaps.into_iter().take(GAPS_LISTED).map(|(_, g)| g).collect(),
        roadmap,
        plan: super::plan(fw, assessments, plan),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(current: Option<u8>, target: Option<u8>) -> Assessment {
        Assessment {
            current,
            target,
            ..Assessment::default()
        }
    }

    const NO_PLAN: PlanContext<'static> = PlanContext {
        today: "2026-01-01",
        since: None,
    };

    fn fw() -> Framework {
        crate::load_builtin().expect("the built-in pack loads")
    }

    #[test]
    fn an_organisation_with_nothing_assessed_has_empty_axes_and_no_gaps() {
        let d = dashboard(&fw(), &BTreeMap::new(), NO_PLAN);
        assert_eq!(d.capabilities, 49);
        assert_eq!(d.assessed, 0);
        assert_eq!(d.perspectives.len(), 6);
        assert!(d.perspectives.iter().all(|p| p.current.is_none()));
        assert!(d.gaps.is_empty());
        assert!(d.roadmap.iter().all(|s| s.items.is_empty()));
        assert_eq!(
            d.roadmap.len(),
            4,
            "the four journey stages, no unplanned column"
        );
    }

    #[test]
    fn perspective_means_ignore_unassessed_and_not_applicable_capabilities() {
        let fw = fw();
        let mut a = BTreeMap::new();
        a.insert("data-curation".to_string(), at(Some(1), Some(4)));
        a.insert("risk-management".to_string(), at(Some(3), Some(4)));
        a.insert(
            "data-governance".to_string(),
            Assessment {
                not_applicable: Some("outsourced".into()),
                current: Some(0),
                ..Assessment::default()
            },
        );
        let d = dashboard(&fw, &a, NO_PLAN);
        let platform = fw.parent("data-curation").unwrap().id.clone();
        let p = d.perspectives.iter().find(|p| p.id == platform).unwrap();
        assert_eq!(p.assessed, 2);
        assert_eq!(p.not_applicable, 1);
        assert_eq!(p.current, Some(2.0));
        assert_eq!(p.target, Some(4.0));
        assert_eq!(d.assessed, 2);
    }

    #[test]
    fn gaps_are_largest_first_and_the_roadmap_groups_them_by_stage() {
        let fw = fw();
        let mut a = BTreeMap::new();
        a.insert("data-curation".to_string(), at(Some(1), Some(4)));
        a.insert(
            "ai-lifecycle-management".to_string(),
            Assessment {
                stage: Some("launch".into()),
                priority: Some(Priority::Critical),
                ..at(Some(2), Some(3))
            },
        );
        a.insert("data-protection".to_string(), at(Some(4), Some(4)));
        // No current level yet: the whole way from the bottom of the scale is the gap.
        a.insert("responsible-use-of-ai".to_string(), at(None, Some(2)));
        let d = dashboard(&fw, &a, NO_PLAN);
        let gaps: Vec<(&str, u8)> = d
            .gaps
            .iter()
            .map(|g| (g.capability.as_str(), g.gap))
            .collect();
        assert_eq!(
            gaps,
            [
                ("data-curation", 3),
                ("responsible-use-of-ai", 2),
                ("ai-lifecycle-management", 1)
            ]
        );
        let launch = d
            .roadmap
            .iter()
            .find(|s| s.stage.as_deref() == Some("launch"))
            .unwrap();
        assert_eq!(launch.items.len(), 1);
        assert_eq!(launch.items[0].capability, "ai-lifecycle-management");
        let last = d.roadmap.last().unwrap();
        assert_eq!(last.stage, None);
        assert_eq!(
            last.items.len(),
            2,
            "unstaged gaps are listed as not yet planned"
        );
    }
}
