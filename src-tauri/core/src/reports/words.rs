//! The words and small pieces every section of the report shares: how a level, a priority, an
//! action's status, an owner and a date are written, and the plain text of a whole document
//! for checks. One place, so the gaps table, the roadmap and the appendix say them alike.

use super::document::{plain, Block, Document, Inline};
use crate::graph::Framework;
use crate::store::{Action, ActionStatus, Assessment, Priority};
pub(crate) fn text(t: impl Into<String>) -> Vec<Inline> {
    vec![Inline::Text(t.into())]
}

pub(crate) fn heading(level: u8, t: impl Into<String>) -> Block {
    Block::Heading {
        level,
        text: t.into(),
    }
}

/// A level as "3" or a mean as "2.4".
pub(crate) fn level(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

pub(crate) fn priority_word(p: Option<Priority>) -> &'static str {
    match p {
        Some(Priority::Critical) => "critical",
        Some(Priority::High) => "high",
        Some(Priority::Medium) => "medium",
        Some(Priority::Low) => "low",
        None => "not set",
    }
}

pub(crate) fn status_word(s: ActionStatus) -> &'static str {
    match s {
        ActionStatus::Open => "open",
        ActionStatus::InProgress => "in progress",
        ActionStatus::Done => "done",
        ActionStatus::Dropped => "dropped",
    }
}

/// A node's title for an id (a stakeholder, a stage), or the text itself for a free name.
pub(crate) fn title_of(fw: &Framework, id: &str) -> String {
    fw.node(id)
        .map_or_else(|| id.to_string(), |n| n.title.clone())
}

/// One action in a line: "Write the policy — Chief Data Officer, due 2026-12-31 (open)".
pub(crate) fn action_line(fw: &Framework, a: &Action, today: &str) -> String {
    let mut s = a.title.clone();
    let mut who = Vec::new();
    if let Some(o) = &a.owner {
        who.push(title_of(fw, o));
    }
    if let Some(d) = &a.due {
        who.push(if a.is_overdue(today) {
            format!("due {d}, overdue")
        } else {
            format!("due {d}")
        });
    }
    if !who.is_empty() {
        s.push_str(" — ");
        s.push_str(&who.join(", "));
    }
    s.push_str(&format!(" ({})", status_word(a.status)));
    s
}

/// "2026-11-30" of "2026-11-30T14:05:00Z".
pub(crate) fn date_of(timestamp: &str) -> &str {
    timestamp.get(..10).unwrap_or(timestamp)
}

/// Every capability, perspective by perspective, in the framework's order.
pub(crate) fn capabilities(fw: &Framework) -> Vec<&crate::model::Node> {
    let all = fw.nodes_of_kind("capability");
    fw.nodes_of_kind("perspective")
        .into_iter()
        .flat_map(|p| {
            all.iter()
                .filter(|c| fw.parent(&c.id).is_some_and(|parent| parent.id == p.id))
                .copied()
                .collect::<Vec<_>>()
        })
        .collect()
}

pub(crate) fn owner_of(fw: &Framework, a: Option<&Assessment>) -> String {
    a.and_then(|a| a.owner.as_deref())
        .map_or("not set".into(), |o| title_of(fw, o))
}

/// The plain text of every block, for checks that a fact is (or is not) in a document.
pub fn document_text(doc: &Document) -> String {
    let mut s = format!("{}\n{}\n{}\n", doc.title, doc.subject, doc.generated_at);
    for b in &doc.blocks {
        match b {
            Block::Heading { text, .. } => s.push_str(text),
            Block::Paragraph(i) | Block::Note(i) => s.push_str(&plain(i)),
            Block::List { items, .. } => {
                for i in items {
                    s.push_str(&plain(i));
                    s.push('\n');
                }
            }
            Block::Table(t) => {
                s.push_str(t.caption.as_deref().unwrap_or(""));
                s.push('\n');
                s.push_str(&t.header.join(" | "));
                for r in &t.rows {
                    s.push('\n');
                    for c in r {
                        s.push_str(&plain(c));
                        s.push_str(" | ");
                    }
                }
            }
            Block::Facts(f) => {
                for (k, v) in f {
                    s.push_str(&format!("{k}: {}\n", plain(v)));
                }
            }
            Block::Chart(c) => {
                s.push_str(&c.title);
                for b in &c.bars {
                    s.push_str(&format!("\n{} {:?} {:?}", b.label, b.current, b.target));
                }
            }
            Block::SignOff(roles) => s.push_str(&roles.join("\n")),
            Block::PageBreak => {}
        }
        s.push('\n');
    }
    s
}
