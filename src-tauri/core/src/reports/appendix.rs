//! The report's appendix: every capability of the framework, perspective by perspective, with
//! what the organisation recorded about it. Unassessed capabilities are listed too, said to be
//! not assessed, never shown at the scale's lowest level.
//!
//! What a profile leaves out is left out here field by field: without scores no current,
//! target, gap or confidence; without private notes no assessment note and no action note.

use super::builder::{ReportInput, Scope};
use super::document::{Block, Inline, Table};
use super::notes;
use super::words::{heading, owner_of, priority_word, status_word, text, title_of};
use crate::store::{Assessment, Confidence};

fn confidence_word(c: Option<Confidence>) -> &'static str {
    match c {
        Some(Confidence::High) => "high",
        Some(Confidence::Medium) => "medium",
        Some(Confidence::Low) => "low",
        None => "not set",
    }
}

pub(crate) fn every_capability(input: &ReportInput<'_>, scope: Scope, out: &mut Vec<Block>) {
    let fw = input.framework;
    let (lowest, _) = fw.manifest().scale_ends();
    out.push(Block::PageBreak);
    out.push(heading(2, "Appendix: every capability"));
    let empty = Assessment::default();
    for p in fw.nodes_of_kind("perspective") {
        out.push(heading(3, p.title.clone()));
        for c in fw.nodes_of_kind("capability") {
            if fw.parent(&c.id).is_none_or(|parent| parent.id != p.id) {
                continue;
            }
            let a = input.assessments.get(&c.id).unwrap_or(&empty);
            out.push(heading(4, c.title.clone()));
            if a.is_empty() {
                out.push(Block::Paragraph(text("Not yet assessed.")));
                continue;
            }
            let mut facts: Vec<(String, Vec<Inline>)> = Vec::new();
            if let Some(reason) = &a.not_applicable {
                facts.push(("Not applicable".into(), text(reason)));
            } else if scope.scores {
                let show =
                    |v: Option<u8>, none: &str| v.map_or(none.to_string(), |v| v.to_string());
                facts.push(("Current".into(), text(show(a.current, "not assessed"))));
                facts.push(("Target".into(), text(show(a.target, "not set"))));
                let gap = a
                    .target
                    .map(|t| t.saturating_sub(a.current.unwrap_or(lowest)))
                    .map_or("-".into(), |g| g.to_string());
                facts.push(("Gap".into(), text(gap)));
                facts.push(("Confidence".into(), text(confidence_word(a.confidence))));
            }
            facts.push(("Priority".into(), text(priority_word(a.priority))));
            if let Some(stage) = &a.stage {
                facts.push(("Stage".into(), text(title_of(fw, stage))));
            }
            facts.push(("Owner".into(), text(owner_of(fw, Some(a)))));
            if !a.tags.is_empty() {
                facts.push(("Tags".into(), text(a.tags.join(", "))));
            }
            out.push(Block::Facts(facts));
            if scope.private_notes && !a.notes.trim().is_empty() {
                out.extend(notes::blocks(&a.notes));
            }
            if !a.evidence.is_empty() {
                let items = a
                    .evidence
                    .iter()
                    .map(|e| {
                        let label = if e.label.is_empty() {
                            e.url.clone()
                        } else {
                            e.label.clone()
                        };
                        if notes::safe_url(&e.url) {
                            vec![Inline::Link {
                                text: label,
                                url: e.url.clone(),
                            }]
                        } else {
                            text(format!("{label} ({})", e.url))
                        }
                    })
                    .collect();
                out.push(Block::Paragraph(vec![Inline::Strong("Evidence".into())]));
                out.push(Block::List {
                    ordered: false,
                    items,
                });
            }
            if !a.actions.is_empty() {
                actions(input, a, scope, out);
            }
        }
    }
}

fn actions(input: &ReportInput<'_>, a: &Assessment, scope: Scope, out: &mut Vec<Block>) {
    let fw = input.framework;
    let mut header: Vec<String> = ["Action", "Owner", "Due", "Status"]
        .map(String::from)
        .to_vec();
    if scope.private_notes {
        header.push("Note".into());
    }
    let rows = a
        .actions
        .iter()
        .map(|x| {
            let overdue = x.is_overdue(&input.today);
            let mut row = vec![
                text(&x.title),
                text(
                    x.owner
                        .as_deref()
                        .map_or("not set".into(), |o| title_of(fw, o)),
                ),
                text(match (&x.due, overdue) {
                    (Some(d), true) => format!("{d} (overdue)"),
                    (Some(d), false) => d.clone(),
                    (None, _) => "-".into(),
                }),
                text(status_word(x.status)),
            ];
            if scope.private_notes {
                row.push(notes::inlines(&x.note));
            }
            row
        })
        .collect();
    out.push(Block::Table(Table {
        caption: Some("Actions".into()),
        header,
        rows,
    }));
}
