//! The assessment report: what it says, in which order, per profile, and what it refuses. The
//! checks read the format-neutral document (every renderer inherits what it holds or lacks)
//! and the Markdown and HTML made from it.

use atlas_core::atlas::ReportFormat;
use atlas_core::reports::document::{Block, Document};
use atlas_core::reports::{document_text, Profile, ReportRequest};
use atlas_core::store::{Action, ActionStatus, Assessment, AssessmentPatch, Evidence, Priority};
use atlas_core::{Atlas, AtlasError};

/// 2026-11-30 14:05:00 UTC.
const NOW: i64 = 1_796_047_500;

const PRIVATE: &str = "Zeppelin budget was cut by the CFO";

fn acme(dir: &tempfile::TempDir) -> (Atlas, i64) {
    let atlas = Atlas::open(atlas_core::load_builtin(), dir.path(), "Ada");
    let org = atlas.create_organisation("Acme").unwrap().id;
    let save = |cap: &str, a: Assessment| {
        atlas
            .save_assessment(org, cap, AssessmentPatch::from(a))
            .unwrap();
    };
    save(
        "data-curation",
        Assessment {
            current: Some(1),
            target: Some(4),
            priority: Some(Priority::High),
            owner: Some("ai-governance-board".into()),
            stage: Some("launch".into()),
            notes: format!("{PRIVATE}.\n\n- see the **plan**"),
            evidence: vec![Evidence {
                label: "Curation policy".into(),
                url: "https://example.org/policy".into(),
            }],
            actions: vec![Action {
                id: "a1".into(),
                title: "Write the curation policy".into(),
                owner: Some("Grace Hopper".into()),
                due: Some("2026-12-31".into()),
                status: ActionStatus::Open,
                note: "Draft in the *wiki*".into(),
            }],
            ..Assessment::default()
        },
    );
    save(
        "risk-management",
        Assessment {
            current: Some(3),
            target: Some(4),
            ..Assessment::default()
        },
    );
    (atlas, org)
}

fn report(atlas: &Atlas, org: i64, req: &ReportRequest) -> Document {
    atlas.report_document_at(org, req, NOW).expect("a report")
}

fn headings(doc: &Document, level: u8) -> Vec<String> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level: l, text } if *l == level => Some(text.clone()),
            _ => None,
        })
        .collect()
}

fn full() -> ReportRequest {
    ReportRequest {
        profile: Profile::Full,
        ..ReportRequest::default()
    }
}

#[test]
fn the_full_report_has_every_section_in_the_issues_order() {
    let dir = tempfile::tempdir().unwrap();
    let (atlas, org) = acme(&dir);
    let doc = report(&atlas, org, &full());
    assert_eq!(
        headings(&doc, 2),
        [
            "Headline",
            "Current against target",
            "The largest gaps",
            "What moved",
            "Roadmap by journey stage",
            "Against the NIST AI Risk Management Framework",
            "Workshops",
            "Appendix: every capability",
            "Sign-off",
            "About the framework"
        ],
        "the sections a board reads, in the order the issue lists them"
    );
    let text = document_text(&doc);
    for fact in [
        "Acme — CAF-AI assessment",
        "2026-11-30 14:05 UTC",
        "Ada",
        "version 2024-02-13",
        "Optimizing",
        "not affiliated",
        "No snapshot chosen",
        "Write the curation policy — Grace Hopper, due 2026-12-31 (open)",
        "AI governance board",
    ] {
        assert!(
            text.contains(fact),
            "the full report says {fact:?}:\n{text}"
        );
    }
    let charts = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Chart(_)))
        .count();
    assert_eq!(charts, 6, "one chart per perspective");
}

#[test]
fn the_headline_counts_assessed_unassessed_and_gaps_from_the_dashboards_figures() {
    let dir = tempfile::tempdir().unwrap();
    let (atlas, org) = acme(&dir);
    let dash = atlas.dashboard(org).unwrap();
    let text = document_text(&report(&atlas, org, &full()));
    for line in [
        "Overall current: 2 of 5".to_string(),
        "Overall target: 4 of 5".to_string(),
        format!("Assessed: {} of {}", dash.assessed, dash.capabilities),
        "Not applicable: 0".to_string(),
        "Not yet assessed: 47".to_string(),
        "Gaps: 2".to_string(),
    ] {
        assert!(text.contains(&line), "the headline says {line:?}:\n{text}");
    }
    assert!(
        text.contains("Not yet assessed: Strategy management"),
        "unassessed capabilities are listed by name, not only counted"
    );
}

#[test]
fn an_unassessed_capability_is_charted_as_not_assessed_never_at_level_zero() {
    let dir = tempfile::tempdir().unwrap();
    let (atlas, org) = acme(&dir);
    let doc = report(&atlas, org, &full());
    let bars: Vec<_> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Chart(c) => Some(c.bars.clone()),
            _ => None,
        })
        .flatten()
        .collect();
    assert_eq!(bars.len(), 49);
    let strategy = bars
        .iter()
        .find(|b| b.label == "Strategy management")
        .unwrap();
    assert_eq!(
        strategy.current, None,
        "no value, which renderers write as not assessed"
    );
    assert!(
        bars.iter().all(|b| b.current != Some(0.0)),
        "nothing was assessed at 0, so no bar may sit there"
    );
    let md =
        String::from_utf8(atlas.report(org, &full(), ReportFormat::Markdown).unwrap()).unwrap();
    assert!(
        md.contains("| Strategy management | not assessed | no target |"),
        "{md}"
    );
}

#[test]
fn the_board_report_keeps_only_its_sections_and_no_private_note() {
    let dir = tempfile::tempdir().unwrap();
    let (atlas, org) = acme(&dir);
    let doc = report(&atlas, org, &ReportRequest::default());
    assert_eq!(
        headings(&doc, 2),
        [
            "Headline",
            "Current against target",
            "The largest gaps",
            "Roadmap by journey stage",
            "Against the NIST AI Risk Management Framework",
            "Sign-off",
            "About the framework"
        ]
    );
    let text = document_text(&doc);
    assert!(
        !text.contains(PRIVATE),
        "a board report carries no assessment notes"
    );
    assert!(
        text.contains("Write the curation policy"),
        "top gaps carry their actions"
    );
}

#[test]
fn a_handout_holds_no_private_note_no_score_and_no_total_derived_from_one() {
    let dir = tempfile::tempdir().unwrap();
    let (atlas, org) = acme(&dir);
    let handout = ReportRequest {
        profile: Profile::Handout,
        ..ReportRequest::default()
    };
    let doc = report(&atlas, org, &handout);
    let text = document_text(&doc);
    for absent in [
        PRIVATE,
        "Draft in the",
        "Overall current",
        "Gaps:",
        "Current:",
        "Target:",
        "Gap:",
        "Confidence",
        "The largest gaps",
    ] {
        assert!(
            !text.contains(absent),
            "a handout must not say {absent:?}:\n{text}"
        );
    }
    assert!(
        !doc.blocks.iter().any(|b| matches!(b, Block::Chart(_))),
        "charts are drawn from scores, so a handout without scores has none"
    );
    assert!(
        text.contains("Write the curation policy"),
        "the plan is for the room"
    );
    let html = String::from_utf8(atlas.report(org, &handout, ReportFormat::Html).unwrap()).unwrap();
    assert!(
        !html.contains("Zeppelin") && !html.contains("<svg"),
        "the HTML inherits it"
    );

    let with_scores = ReportRequest {
        include_scores: true,
        ..handout
    };
    let text = document_text(&report(&atlas, org, &with_scores));
    assert!(text.contains("Overall current") && text.contains("Current: 1"));
    assert!(
        !text.contains(PRIVATE),
        "scores may be ticked, private notes never"
    );
}

#[test]
fn what_moved_since_a_snapshot_lists_up_down_and_newly_not_applicable() {
    let dir = tempfile::tempdir().unwrap();
    let (atlas, org) = acme(&dir);
    atlas.take_snapshot(org, "Q3").unwrap();
    let set = |cap: &str, patch: AssessmentPatch| atlas.save_assessment(org, cap, patch).unwrap();
    set(
        "data-curation",
        AssessmentPatch {
            current: Some(Some(3)),
            ..AssessmentPatch::default()
        },
    );
    set(
        "risk-management",
        AssessmentPatch {
            current: Some(Some(2)),
            ..AssessmentPatch::default()
        },
    );
    set(
        "data-monetization",
        AssessmentPatch {
            not_applicable: Some(Some("we sell no data".into())),
            ..AssessmentPatch::default()
        },
    );
    let req = ReportRequest {
        since: Some("Q3".into()),
        ..full()
    };
    let text = document_text(&report(&atlas, org, &req));
    assert!(text.contains("What moved since “Q3”"), "{text}");
    assert!(
        text.contains(
            "Moved up or newly assessed\nCapability | Then | Now\nData curation | 1 | 3 |"
        ),
        "{text}"
    );
    assert!(
        text.contains("Moved down\nCapability | Then | Now\nRisk management | 3 | 2 |"),
        "{text}"
    );
    assert!(
        text.contains("Data monetization: we sell no data"),
        "{text}"
    );
}

#[test]
fn an_unknown_snapshot_is_refused_with_the_nearest_name() {
    let dir = tempfile::tempdir().unwrap();
    let (atlas, org) = acme(&dir);
    atlas.take_snapshot(org, "Q3 review").unwrap();
    let req = ReportRequest {
        since: Some("Q3 reveiw".into()),
        ..full()
    };
    let e = atlas.report(org, &req, ReportFormat::Html).unwrap_err();
    assert!(matches!(e, AtlasError::UnknownSnapshot { .. }), "{e}");
    assert_eq!(
        e.to_string(),
        "`Q3 reveiw` is not a snapshot of Acme; did you mean `Q3 review`?"
    );
}

#[test]
fn an_organisation_with_no_assessments_gets_no_report() {
    let dir = tempfile::tempdir().unwrap();
    let atlas = Atlas::open(atlas_core::load_builtin(), dir.path(), "Ada");
    let org = atlas.create_organisation("Empty Co").unwrap().id;
    let e = atlas
        .report(org, &ReportRequest::default(), ReportFormat::Markdown)
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "Empty Co has no assessments yet; assess a capability first (no report was written)"
    );
}

#[test]
fn notes_become_blocks_and_evidence_links_survive_in_the_html() {
    let dir = tempfile::tempdir().unwrap();
    let (atlas, org) = acme(&dir);
    let doc = report(&atlas, org, &full());
    assert!(
        doc.blocks.iter().any(|b| matches!(b, Block::List { items, .. } if items.iter().any(|i| atlas_core::reports::document::plain(i) == "see the plan"))),
        "a note's markdown list is a list in the report, not raw markdown"
    );
    let html = String::from_utf8(atlas.report(org, &full(), ReportFormat::Html).unwrap()).unwrap();
    assert!(!html.contains("<script"), "no script in a report");
    for attr in ["src=\"", "href=\""] {
        for (i, _) in html.match_indices(attr) {
            let target = &html[i + attr.len()..];
            assert!(
                ["#", "http://", "https://", "mailto:"]
                    .iter()
                    .any(|ok| target.starts_with(ok)),
                "only in-page and evidence links: {}",
                &target[..target.len().min(60)]
            );
        }
    }
    assert!(html.contains("<a href=\"https://example.org/policy\">Curation policy</a>"));
    assert!(html.contains("@page") && html.contains("<svg"));
}
