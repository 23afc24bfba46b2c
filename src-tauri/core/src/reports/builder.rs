//! What the assessment report says, section by section, in the order: cover, headline,
//! charts, largest gaps, what moved, roadmap, workshops, appendix, sign-off, attribution.
//!
//! This is the one place that decides what a profile leaves out, so every format inherits it:
//! a handout without scores carries no score, gap, total or chart derived from them, and no
//! private note. Every number comes from `figures::dashboard`, the dashboard's own figures, so
//! the report and the window never disagree. A pure function of its input: the clock is
//! passed in.

use super::appendix;
use super::charts::{charts, perspective_chart};
use super::document::{Block, Document, Inline, Table};
use super::figures::{dashboard, Dashboard};
use super::plan::PlanContext;
use super::roadmap::{roadmap, roadmap_in_brief};
use super::words::*;
use crate::graph::Framework;
use crate::store::{Assessment, Organisation, Snapshot, Workshop};
use std::collections::BTreeMap;

/// Who the report is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Profile {
    /// At most four pages: cover, headline, charts, top gaps with actions, roadmap, sign-off.
    #[default]
    Board,
    /// Everything.
    Full,
    /// For a workshop's participants: no private notes, and no scores unless asked for.
    Handout,
}

impl Profile {
    pub const NAMES: &'static [&'static str] = &["board", "full", "handout"];

    pub fn from_name(name: &str) -> Option<Profile> {
        match name.trim().to_ascii_lowercase().as_str() {
            "board" => Some(Profile::Board),
            "full" => Some(Profile::Full),
            "handout" => Some(Profile::Handout),
            _ => None,
        }
    }

    /// A profile by name, or why not in words the command line and the window both show.
    pub fn parse(name: &str) -> Result<Profile, String> {
        Profile::from_name(name).ok_or_else(|| {
            format!(
                "`{}` is not a report profile; choose one of {}",
                crate::limits::echo(name),
                Profile::NAMES.join(", ")
            )
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Profile::Board => "board",
            Profile::Full => "full",
            Profile::Handout => "handout",
        }
    }
}

/// What the person asked for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReportRequest {
    pub profile: Profile,
    /// The name of a snapshot of the organisation to say what moved since.
    pub since: Option<String>,
    /// Handout only: include scores, gaps and the totals and charts derived from them.
    pub include_scores: bool,
}

/// A snapshot and the assessments it froze.
pub struct Since<'a> {
    pub snapshot: &'a Snapshot,
    pub assessments: &'a BTreeMap<String, Assessment>,
}

/// Everything the report is made from; `Atlas::report` fills it from the pack and the store.
pub struct ReportInput<'a> {
    pub framework: &'a Framework,
    pub organisation: &'a Organisation,
    pub assessments: &'a BTreeMap<String, Assessment>,
    pub since: Option<Since<'a>>,
    /// Distinct authors in the organisation's history, in the order they first appear.
    pub assessors: Vec<String>,
    /// The organisation's workshops, newest first.
    pub workshops: &'a [Workshop],
    /// As the cover shows it: "2026-11-30 14:05 UTC".
    pub generated_at: String,
    /// An ISO date, to tell which actions are overdue.
    pub today: String,
    /// The other built-in frameworks a mapping links this pack to.
    pub mappings: Vec<super::crosswalk::MappedFramework<'a>>,
}

/// Which sections and fields a request keeps.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scope {
    pub scores: bool,
    pub private_notes: bool,
    pub full: bool,
    pub board: bool,
}

impl Scope {
    fn of(req: &ReportRequest) -> Scope {
        match req.profile {
            Profile::Board => Scope {
                scores: true,
                private_notes: false,
                full: false,
                board: true,
            },
            Profile::Full => Scope {
                scores: true,
                private_notes: true,
                full: true,
                board: false,
            },
            Profile::Handout => Scope {
                scores: req.include_scores,
                private_notes: false,
                full: false,
                board: false,
            },
        }
    }
}

/// Builds the report for `req` from `input`.
pub fn build(input: &ReportInput<'_>, req: &ReportRequest) -> Document {
    let scope = Scope::of(req);
    let fw = input.framework;
    let m = fw.manifest();
    let plan = PlanContext {
        today: &input.today,
        since: input
            .since
            .as_ref()
            .map(|s| (s.snapshot.name.as_str(), s.assessments)),
    };
    let d = dashboard(fw, input.assessments, plan);
    let mut blocks = Vec::new();

    cover(input, req, &mut blocks);
    if scope.scores {
        headline(input, &d, &mut blocks);
        if scope.board {
            perspective_chart(fw, &d, &mut blocks);
        } else {
            charts(fw, input.assessments, &mut blocks);
        }
        gaps(input, &d, &mut blocks);
    }
    if scope.full {
        moved(input, &mut blocks);
    }
    if scope.board {
        roadmap_in_brief(&d, &mut blocks);
    } else if scope.scores {
        roadmap(fw, input.assessments, &d, &mut blocks);
    }
    super::crosswalk::coverage(input, scope.board, &mut blocks);
    if !scope.board {
        workshops(input, &mut blocks);
        appendix::every_capability(input, scope, &mut blocks);
    }
    if req.profile != Profile::Handout {
        blocks.push(heading(2, "Sign-off"));
        blocks.push(Block::SignOff(vec![
            "Prepared by (assessor)".into(),
            "Reviewed by".into(),
            "Approved by (sponsor)".into(),
        ]));
    }
    blocks.push(heading(2, "About the framework"));
    blocks.push(Block::Note(text(m.attribution.trim())));
    blocks.push(Block::Note(text(m.notice.trim())));

    Document {
        title: format!("{} — {} assessment", input.organisation.name, m.short_name),
        subject: input.organisation.name.clone(),
        generated_at: input.generated_at.clone(),
        blocks,
    }
}

fn cover(input: &ReportInput<'_>, req: &ReportRequest, out: &mut Vec<Block>) {
    let m = input.framework.manifest();
    out.push(heading(
        1,
        format!("{} — {} assessment", input.organisation.name, m.short_name),
    ));
    let assessors = if input.assessors.is_empty() {
        "none recorded".to_string()
    } else {
        input.assessors.join(", ")
    };
    let profile = match req.profile {
        Profile::Board => "Board summary",
        Profile::Full => "Full report",
        Profile::Handout if req.include_scores => "Workshop handout, with scores",
        Profile::Handout => "Workshop handout",
    };
    let mut facts = vec![
        ("Organisation".to_string(), text(&input.organisation.name)),
        (
            "Framework".to_string(),
            text(format!("{}, version {}", m.name, m.version)),
        ),
        ("Generated".to_string(), text(&input.generated_at)),
        ("Assessors".to_string(), text(assessors)),
        ("Report".to_string(), text(profile)),
    ];
    if let Some(s) = &input.since {
        facts.push((
            "Compared with".to_string(),
            text(format!(
                "snapshot “{}” of {}",
                s.snapshot.name,
                date_of(&s.snapshot.taken_at)
            )),
        ));
    }
    out.push(Block::Facts(facts));
    let mut scale: Vec<_> = m.maturity.iter().collect();
    scale.sort_by_key(|l| l.level);
    out.push(Block::Table(Table {
        caption: Some("The maturity scale".into()),
        header: vec!["Level".into(), "Name".into(), "What it means".into()],
        rows: scale
            .iter()
            .map(|l| {
                vec![
                    text(l.level.to_string()),
                    text(&l.name),
                    text(l.definition.trim()),
                ]
            })
            .collect(),
    }));
    out.push(Block::PageBreak);
}

/// The capabilities not yet assessed (neither a current level nor not applicable), by title.
fn not_yet_assessed(input: &ReportInput<'_>) -> Vec<String> {
    capabilities(input.framework)
        .into_iter()
        .filter(|c| {
            input
                .assessments
                .get(&c.id)
                .is_none_or(|a| a.current.is_none() && a.not_applicable.is_none())
        })
        .map(|c| c.title.clone())
        .collect()
}

fn headline(input: &ReportInput<'_>, d: &Dashboard, out: &mut Vec<Block>) {
    let (_, max) = input.framework.manifest().scale_ends();
    // The dashboard's perspective means, weighed by how many capabilities each covers, are
    // the mean over every assessed capability.
    let (sum, n) = d.perspectives.iter().fold((0.0, 0u32), |(s, n), p| {
        p.current
            .map_or((s, n), |v| (s + v * f64::from(p.assessed), n + p.assessed))
    });
    let current = (n > 0).then(|| sum / f64::from(n));
    // Targets of the capabilities that apply, by the same rule as the dashboard's means.
    let targets: Vec<f64> = input
        .assessments
        .iter()
        .filter(|(id, a)| {
            a.not_applicable.is_none()
                && input
                    .framework
                    .node(id)
                    .is_some_and(|n| n.kind == "capability")
        })
        .map(|(_, a)| a)
        .filter_map(|a| a.target.map(f64::from))
        .collect();
    let target = (!targets.is_empty()).then(|| targets.iter().sum::<f64>() / targets.len() as f64);
    let gaps: usize = d.roadmap.iter().map(|s| s.items.len()).sum();
    let unassessed = not_yet_assessed(input);
    let of_scale = |v: Option<f64>| {
        v.map_or("not yet assessed".to_string(), |v| {
            format!("{} of {max}", level(v))
        })
    };
    out.push(heading(2, "Headline"));
    out.push(Block::Facts(vec![
        ("Overall current".into(), text(of_scale(current))),
        ("Overall target".into(), text(of_scale(target))),
        (
            "Assessed".into(),
            text(format!("{} of {}", d.assessed, d.capabilities)),
        ),
        ("Not applicable".into(), text(d.not_applicable.to_string())),
        (
            "Not yet assessed".into(),
            text(unassessed.len().to_string()),
        ),
        ("Gaps".into(), text(gaps.to_string())),
    ]));
    if !unassessed.is_empty() {
        let mut line = vec![Inline::Strong("Not yet assessed:".into())];
        line.extend(text(format!(" {}.", unassessed.join(", "))));
        out.push(Block::Paragraph(line));
    }
}

fn gaps(input: &ReportInput<'_>, d: &Dashboard, out: &mut Vec<Block>) {
    let fw = input.framework;
    out.push(heading(2, "The largest gaps"));
    if d.gaps.is_empty() {
        out.push(Block::Paragraph(text(
            "No capability falls short of its target.",
        )));
        return;
    }
    let rows = d
        .gaps
        .iter()
        .map(|g| {
            let a = input.assessments.get(&g.capability);
            vec![
                text(&g.title),
                text(g.current.map_or("not assessed".into(), |v| v.to_string())),
                text(g.target.map_or("-".into(), |v| v.to_string())),
                text(g.gap.to_string()),
                text(priority_word(g.priority)),
                text(owner_of(fw, a)),
                actions_cell(fw, a, &input.today),
            ]
        })
        .collect();
    out.push(Block::Table(Table {
        caption: Some(format!("The {} largest gaps, largest first", d.gaps.len())),
        header: [
            "Capability",
            "Current",
            "Target",
            "Gap",
            "Priority",
            "Owner",
            "Actions",
        ]
        .map(String::from)
        .to_vec(),
        rows,
    }));
}

fn actions_cell(fw: &Framework, a: Option<&Assessment>, today: &str) -> Vec<Inline> {
    let lines: Vec<String> = a
        .map(|a| {
            a.actions
                .iter()
                .map(|x| action_line(fw, x, today))
                .collect()
        })
        .unwrap_or_default();
    if lines.is_empty() {
        text("none yet")
    } else {
        text(lines.join("; "))
    }
}

fn moved(input: &ReportInput<'_>, out: &mut Vec<Block>) {
    let Some(since) = &input.since else {
        out.push(heading(2, "What moved"));
        out.push(Block::Paragraph(text(
            "No snapshot chosen, so this report does not say what moved. Choose one (--since) \
             to compare with.",
        )));
        return;
    };
    out.push(heading(
        2,
        format!(
            "What moved since “{}” ({})",
            since.snapshot.name,
            date_of(&since.snapshot.taken_at)
        ),
    ));
    let (mut up, mut down, mut newly_na) = (Vec::new(), Vec::new(), Vec::new());
    for c in capabilities(input.framework) {
        let then = since.assessments.get(&c.id);
        let now = input.assessments.get(&c.id);
        let na = |a: Option<&Assessment>| a.and_then(|a| a.not_applicable.clone());
        if let (None, Some(reason)) = (na(then), na(now)) {
            newly_na.push(vec![
                Inline::Strong(c.title.clone()),
                Inline::Text(format!(": {reason}")),
            ]);
            continue;
        }
        let cur = |a: Option<&Assessment>| a.and_then(|a| a.current);
        let row = |a: Option<u8>, b: Option<u8>| {
            vec![
                text(&c.title),
                text(a.map_or("not assessed".into(), |v| v.to_string())),
                text(b.map_or("not assessed".into(), |v| v.to_string())),
            ]
        };
        match (cur(then), cur(now)) {
            (Some(a), Some(b)) if b > a => up.push(row(Some(a), Some(b))),
            (None, Some(b)) if na(now).is_none() => up.push(row(None, Some(b))),
            (Some(a), Some(b)) if b < a => down.push(row(Some(a), Some(b))),
            _ => {}
        }
    }
    let header: Vec<String> = ["Capability", "Then", "Now"].map(String::from).to_vec();
    for (caption, rows, none) in [
        ("Moved up or newly assessed", up, "Nothing moved up."),
        ("Moved down", down, "Nothing moved down."),
    ] {
        if rows.is_empty() {
            out.push(Block::Paragraph(text(none)));
        } else {
            out.push(Block::Table(Table {
                caption: Some(caption.into()),
                header: header.clone(),
                rows,
            }));
        }
    }
    if newly_na.is_empty() {
        out.push(Block::Paragraph(text("Nothing became not applicable.")));
    } else {
        out.push(Block::Paragraph(vec![Inline::Strong(
            "Newly not applicable".into(),
        )]));
        out.push(Block::List {
            ordered: false,
            items: newly_na,
        });
    }
}

fn workshops(input: &ReportInput<'_>, out: &mut Vec<Block>) {
    out.push(heading(2, "Workshops"));
    if input.workshops.is_empty() {
        out.push(Block::Paragraph(text(format!(
            "No workshops were held with {}.",
            input.organisation.name
        ))));
        return;
    }
    for w in input.workshops {
        let when = match &w.ended_at {
            Some(end) => format!("{} to {}", date_of(&w.started_at), date_of(end)),
            None => format!("from {}, still running", date_of(&w.started_at)),
        };
        out.push(heading(3, format!("{} ({when})", w.title)));
        if w.votes.is_empty() {
            out.push(Block::Paragraph(text("No dots were placed.")));
            continue;
        }
        let mut votes: Vec<(&String, &u32)> = w.votes.iter().collect();
        votes.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
        out.push(Block::Table(Table {
            caption: Some("Dots placed by the room".into()),
            header: vec!["Capability".into(), "Dots".into()],
            rows: votes
                .into_iter()
                .map(|(c, n)| vec![text(title_of(input.framework, c)), text(n.to_string())])
                .collect(),
        }));
    }
}
