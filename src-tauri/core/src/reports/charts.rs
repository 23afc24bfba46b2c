//! The report's charts of current against target, drawn from the same figures as the
//! dashboard: one per perspective in the full report, one of the perspectives' means on the
//! board. An unassessed capability is a bar with no value, never one at the scale's bottom.

use super::document::{Bar, Block, Chart};
use super::figures::Dashboard;
use super::words::*;
use crate::graph::Framework;
use crate::store::Assessment;
use std::collections::BTreeMap;

/// The ends of the maturity scale, as a chart's axis.
fn scale_axis(fw: &Framework) -> (f64, f64) {
    let (lo, hi) = fw.manifest().scale_ends();
    (f64::from(lo), f64::from(hi))
}

/// The board's chart: one bar pair per perspective, the mean of its capabilities, as the
/// dashboard shows them. A board reads the shape of the whole on one page; each capability's
/// bar is in the full report, and the largest gaps follow by name.
pub(super) fn perspective_chart(fw: &Framework, d: &Dashboard, out: &mut Vec<Block>) {
    let (min, max) = scale_axis(fw);
    out.push(heading(2, "Current against target"));
    out.push(Block::Chart(Chart {
        title: "Mean maturity by perspective".into(),
        min,
        max,
        bars: d
            .perspectives
            .iter()
            .map(|p| Bar {
                label: format!(
                    "{} ({} of {} assessed)",
                    p.title, p.assessed, p.capabilities
                ),
                current: p.current,
                target: p.target,
            })
            .collect(),
    }));
    out.push(Block::Note(text(
        "Each capability's own bars are in the full report.",
    )));
}

/// One chart per perspective, a bar pair per capability; not applicable ones are named, not drawn.
pub(super) fn charts(
    fw: &Framework,
    assessments: &BTreeMap<String, Assessment>,
    out: &mut Vec<Block>,
) {
    let (min, max) = scale_axis(fw);
    out.push(heading(2, "Current against target"));
    for p in fw.nodes_of_kind("perspective") {
        let mut bars = Vec::new();
        let mut not_applicable = Vec::new();
        for c in fw.nodes_of_kind("capability") {
            if fw.parent(&c.id).is_none_or(|parent| parent.id != p.id) {
                continue;
            }
            let a = assessments.get(&c.id);
            if a.is_some_and(|a| a.not_applicable.is_some()) {
                not_applicable.push(c.title.clone());
                continue;
            }
            bars.push(Bar {
                label: c.title.clone(),
                current: a.and_then(|a| a.current).map(f64::from),
                target: a.and_then(|a| a.target).map(f64::from),
            });
        }
        out.push(Block::Chart(Chart {
            title: p.title.clone(),
            min,
            max,
            bars,
        }));
        if !not_applicable.is_empty() {
            out.push(Block::Note(text(format!(
                "Not applicable, so not drawn: {}.",
                not_applicable.join(", ")
            ))));
        }
    }
}
