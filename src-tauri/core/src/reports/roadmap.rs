//! The report's roadmap by journey stage: a row per gap in the full report, a row per stage
//! with its gaps named on the board.

use super::document::{Block, Inline, Table};
use super::figures::{Dashboard, GapItem};
use super::words::*;
use crate::graph::Framework;
use crate::store::Assessment;
use std::collections::BTreeMap;

pub(super) fn roadmap(
    fw: &Framework,
    assessments: &BTreeMap<String, Assessment>,
    d: &Dashboard,
    out: &mut Vec<Block>,
) {
    out.push(heading(2, "Roadmap by journey stage"));
    let mut rows = Vec::new();
    for stage in &d.roadmap {
        if stage.items.is_empty() {
            rows.push(vec![
                text(&stage.title),
                text("nothing planned"),
                text(""),
                text(""),
                text(""),
            ]);
        }
        for g in &stage.items {
            rows.push(roadmap_row(fw, assessments, &stage.title, g));
        }
    }
    out.push(Block::Table(Table {
        caption: Some("Every gap, by the stage it is planned for, most urgent first".into()),
        header: ["Stage", "Capability", "Gap", "Priority", "Owner"]
            .map(String::from)
            .to_vec(),
        rows,
    }));
}

/// The board's roadmap: one row per stage with how many gaps are planned for it and which,
/// most urgent first. The full report has a row per gap with its owner and priority.
pub(super) fn roadmap_in_brief(d: &Dashboard, out: &mut Vec<Block>) {
    out.push(heading(2, "Roadmap by journey stage"));
    let rows = d
        .roadmap
        .iter()
        .map(|stage| {
            let names: Vec<&str> = stage.items.iter().map(|g| g.title.as_str()).collect();
            vec![
                text(&stage.title),
                text(stage.items.len().to_string()),
                text(if names.is_empty() {
                    "nothing planned".to_owned()
                } else {
                    names.join(", ")
                }),
            ]
        })
        .collect();
    out.push(Block::Table(Table {
        caption: Some("Gaps by the stage they are planned for, most urgent first".into()),
        header: ["Stage", "Gaps", "Capabilities"].map(String::from).to_vec(),
        rows,
    }));
}

fn roadmap_row(
    fw: &Framework,
    assessments: &BTreeMap<String, Assessment>,
    stage: &str,
    g: &GapItem,
) -> Vec<Vec<Inline>> {
    vec![
        text(stage),
        text(&g.title),
        text(format!(
            "{} ({} → {})",
            g.gap,
            g.current.map_or("not assessed".into(), |v| v.to_string()),
            g.target.map_or("-".into(), |v| v.to_string())
        )),
        text(priority_word(g.priority)),
        text(owner_of(fw, assessments.get(&g.capability))),
    ]
}
