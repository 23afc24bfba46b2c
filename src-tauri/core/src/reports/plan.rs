//! The improvement plan's figures for the dashboard and the report: what is still to do, what
//! is overdue, and what was done since the organisation's newest snapshot. A pure function of
//! its inputs (today's date is passed in), so tests fix the clock.

use crate::graph::Framework;
use crate::store::{Action, ActionStatus, Assessment};
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

/// What the plan is measured against.
#[derive(Debug, Clone, Copy)]
pub struct PlanContext<'a> {
    /// Today, `YYYY-MM-DD`: an unfinished action due before it is overdue.
    pub today: &'a str,
    /// The organisation's newest snapshot, by name, and its assessments; `None` when it has
    /// none, and then every done action counts as done since.
    pub since: Option<(&'a str, &'a BTreeMap<String, Assessment>)>,
}

/// One action with the capability it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PlanItem {
    pub capability: String,
    /// The capability's title.
    pub capability_title: String,
    pub action: Action,
}

/// The plan at a glance.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct PlanFigures {
    /// Open or in progress, soonest due first (undated last), then in the pack's order.
    pub open: Vec<PlanItem>,
    /// Open or in progress and due before today, most overdue first.
    pub overdue: Vec<PlanItem>,
    /// Done now and not done in the newest snapshot (or absent from it), in the pack's order.
    pub done_since: Vec<PlanItem>,
    /// The name of the snapshot `done_since` counts from; `None` when there is none.
    pub since: Option<String>,
}

/// The plan's figures over the framework's capabilities, in the pack's order. Actions kept for
/// capabilities the pack no longer has are not counted, like their assessments.
pub fn plan(
    fw: &Framework,
    assessments: &BTreeMap<String, Assessment>,
    ctx: PlanContext<'_>,
) -> PlanFigures {
    let mut figures = PlanFigures {
        since: ctx.since.map(|(name, _)| name.to_string()),
        ..PlanFigures::default()
    };
    for p in fw.nodes_of_kind("perspective") {
        let caps = fw
            .nodes_of_kind("capability")
            .into_iter()
            .filter(|c| fw.parent(&c.id).is_some_and(|parent| parent.id == p.id));
        for c in caps {
            let Some(a) = assessments.get(&c.id) else {
                continue;
            };
            for action in &a.actions {
                let item = || PlanItem {
                    capability: c.id.clone(),
                    capability_title: c.title.clone(),
                    action: action.clone(),
                };
                if action.status.is_pending() {
                    figures.open.push(item());
                    if action.is_overdue(ctx.today) {
                        figures.overdue.push(item());
                    }
                } else if action.status == ActionStatus::Done
                    && !done_in(ctx.since.map(|(_, s)| s), &c.id, &action.id)
                {
                    figures.done_since.push(item());
                }
            }
        }
    }
    // Stable sorts, so equal dates keep the pack's order.
    figures
        .open
        .sort_by_key(|i| (i.action.due.is_none(), i.action.due.clone()));
    figures.overdue.sort_by_key(|i| i.action.due.clone());
    figures
}

/// Whether the snapshot already had this action done.
fn done_in(snapshot: Option<&BTreeMap<String, Assessment>>, capability: &str, id: &str) -> bool {
    snapshot.and_then(|s| s.get(capability)).is_some_and(|a| {
        a.actions
            .iter()
            .any(|x| x.id == id && x.status == ActionStatus::Done)
    })
}
