//! The built-in frameworks seen through their mapping: the companion pack built into the binary
//! is the one in `content/`, the reader lists exactly the counterparts the mapping file gives,
//! and the report's coverage figures are those the mapping and the assessment imply.

use crate::support::repo_root;
use atlas_core::mapping::{load_mapping, Mapping};
use atlas_core::reports::document::{Block, Document};
use atlas_core::reports::{document_text, Profile, ReportRequest};
use atlas_core::store::{Assessment, AssessmentPatch};
use atlas_core::{Atlas, Framework};
use std::collections::BTreeSet;

fn caf() -> Framework {
    atlas_core::load_builtin().expect("CAF-AI loads")
}

fn nist() -> Framework {
    atlas_core::load_dir(&repo_root().join("content/nist-ai-rmf")).expect("the AI RMF loads")
}

fn mapping(caf: &Framework, nist: &Framework) -> Mapping {
    let path = repo_root().join("content/mappings/caf-ai--nist-ai-rmf.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    load_mapping("caf-ai--nist-ai-rmf.toml", &text, caf, nist).expect("the mapping loads")
}

#[test]
fn the_built_in_companion_is_the_ai_rmf_in_content_whole() {
    let companions = atlas_core::load_companions();
    let names: Vec<&str> = companions.iter().map(|(folder, _)| *folder).collect();
    assert_eq!(names, ["nist-ai-rmf"], "one companion pack is built in");
    let built_in = companions.into_iter().next().unwrap().1.expect("it loads");
    let on_disk = nist();
    assert_eq!(built_in.manifest().id, "nist-ai-rmf");
    assert_eq!(built_in.node_count(), on_disk.node_count());
    assert_eq!(built_in.nodes_of_kind("subcategory").len(), 72);
    let mappings: Vec<&str> = atlas_core::builtin_mappings()
        .iter()
        .map(|(name, _)| *name)
        .collect();
    assert_eq!(mappings, ["caf-ai--nist-ai-rmf.toml"]);
}

#[test]
fn a_capability_shows_exactly_its_mapped_subcategories_with_their_rationale() {
    let (caf, nist) = (caf(), nist());
    let mapping = mapping(&caf, &nist);
    let dir = tempfile::tempdir().unwrap();
    let atlas = Atlas::open(Ok(caf.clone()), dir.path(), "Ada");
    let mut checked = 0;
    for capability in caf.nodes_of_kind("capability") {
        let shown = atlas.node(&capability.id).unwrap().counterparts;
        let expected: Vec<_> = mapping
            .links
            .iter()
            .filter(|l| l.from == capability.id)
            .collect();
        assert_eq!(shown.len(), expected.len(), "{}", capability.id);
        for (c, link) in shown.iter().zip(&expected) {
            assert_eq!(c.framework, "AI RMF");
            assert_eq!(c.id, link.to);
            assert_eq!(c.title, nist.node(&link.to).unwrap().title);
            assert_eq!(c.relation, link.relation.as_str());
            assert_eq!(c.rationale, link.rationale);
        }
        checked += expected.len();
    }
    assert_eq!(checked, mapping.links.len(), "every link is shown once");
    assert!(
        atlas.node("business").unwrap().counterparts.is_empty(),
        "a perspective is not a unit of the mapping"
    );
}

#[test]
fn opened_as_the_pack_in_effect_the_ai_rmf_shows_caf_ai_counterparts_read_backwards() {
    let (caf, nist) = (caf(), nist());
    let mapping = mapping(&caf, &nist);
    let dir = tempfile::tempdir().unwrap();
    let atlas = Atlas::open(Ok(nist.clone()), dir.path(), "Ada");
    let link = mapping.links.first().expect("a link");
    let shown = atlas.node(&link.to).unwrap().counterparts;
    let back = shown
        .iter()
        .find(|c| c.id == link.from)
        .expect("the subcategory lists the capability linked to it");
    assert_eq!(back.framework, "CAF-AI");
    assert_eq!(back.relation, link.relation.reversed().as_str());
}

fn table_rows(doc: &Document, caption: &str) -> Vec<Vec<String>> {
    doc.blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) if t.caption.as_deref() == Some(caption) => Some(
                t.rows
                    .iter()
                    .map(|r| {
                        r.iter()
                            .map(|c| atlas_core::reports::document::plain(c))
                            .collect()
                    })
                    .collect(),
            ),
            _ => None,
        })
        .unwrap_or_else(|| panic!("a table captioned {caption:?}"))
}

#[test]
fn the_report_says_how_much_of_the_ai_rmf_the_assessment_reaches() {
    let (caf, nist) = (caf(), nist());
    let mapping = mapping(&caf, &nist);
    let dir = tempfile::tempdir().unwrap();
    let atlas = Atlas::open(Ok(caf.clone()), dir.path(), "Ada");
    let org = atlas.create_organisation("Acme").unwrap().id;
    let assessed = ["risk-management", "data-curation", "business-insights"];
    for cap in assessed {
        let a = Assessment {
            current: Some(2),
            target: Some(3),
            ..Assessment::default()
        };
        atlas
            .save_assessment(org, cap, AssessmentPatch::from(a))
            .unwrap();
    }
    // Worked out here from the mapping alone.
    let reached: BTreeSet<&str> = mapping
        .links
        .iter()
        .filter(|l| assessed.contains(&l.from.as_str()))
        .map(|l| l.to.as_str())
        .collect();
    let linked: BTreeSet<&str> = mapping.links.iter().map(|l| l.to.as_str()).collect();
    let capabilities: BTreeSet<&str> = mapping.links.iter().map(|l| l.from.as_str()).collect();
    assert!(
        !reached.is_empty(),
        "the three capabilities reach some subcategory"
    );

    let req = ReportRequest {
        profile: Profile::Full,
        ..ReportRequest::default()
    };
    let doc = atlas.report_document(org, &req).unwrap();
    let text = document_text(&doc);
    let sentence = format!(
        "links {} of {} capabilities to {} of 72 AI RMF subcategories. The capabilities Acme has \
         assessed bear on {} of them.",
        capabilities.len(),
        caf.nodes_of_kind("capability").len(),
        linked.len(),
        reached.len()
    );
    assert!(text.contains(&sentence), "{sentence:?} in:\n{text}");

    let rows = table_rows(&doc, "AI RMF subcategories by function");
    let functions: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(functions.len(), 4, "one row per function: {functions:?}");
    let column = |i: usize| -> usize { rows.iter().map(|r| r[i].parse::<usize>().unwrap()).sum() };
    assert_eq!(column(1), 72, "every subcategory is in one function's row");
    assert_eq!(column(2), linked.len());
    assert_eq!(column(3), reached.len());
    for id in &reached {
        let title = &nist.node(id).unwrap().title;
        let missing_list = text.split("this assessment does not reach").nth(1).unwrap();
        assert!(
            !missing_list.contains(&format!("{title}\n")),
            "{title} is reached, so it is not listed as missed"
        );
    }
    assert!(text.contains("proposed: drawn from the two texts"));
    assert!(
        text.contains("not affiliated with, endorsed by or sponsored by NIST"),
        "the report credits the framework it now quotes"
    );

    // The list of what is missed reads in the framework's own order: function by function,
    // category by category, as NIST numbers them.
    let heading = doc
        .blocks
        .iter()
        .position(|b| {
            matches!(b, Block::Heading { text, .. } if text.ends_with("this assessment does not reach"))
        })
        .expect("a heading for what is not reached");
    let missed: Vec<&str> = doc.blocks[heading..]
        .iter()
        .find_map(|b| match b {
            Block::List { items, .. } => Some(items),
            _ => None,
        })
        .expect("the list of subcategories not reached")
        .iter()
        .map(|item| item[0].text())
        .collect();
    let rank = |title: &str| {
        let (id, _) = title.split_once(" — ").unwrap();
        let (function, number) = id.split_once(' ').unwrap();
        let (category, sub) = number.split_once('.').unwrap();
        let f = ["GOVERN", "MAP", "MEASURE", "MANAGE"]
            .iter()
            .position(|n| *n == function)
            .unwrap();
        (
            f,
            category.parse::<u32>().unwrap(),
            sub.parse::<u32>().unwrap(),
        )
    };
    let ranks: Vec<_> = missed.iter().map(|t| rank(t)).collect();
    let mut sorted = ranks.clone();
    sorted.sort();
    assert_eq!(ranks, sorted, "in NIST's order: {missed:?}");
    assert_eq!(missed.len(), 72 - reached.len());

    let board = atlas
        .report_document(org, &ReportRequest::default())
        .unwrap();
    assert!(
        !document_text(&board).contains("does not reach"),
        "the board's brief report keeps the figures, not the long list"
    );
}

#[test]
fn a_counterpart_can_be_read_where_it_is_listed_and_leads_back() {
    let (caf, nist) = (caf(), nist());
    let mapping = mapping(&caf, &nist);
    let dir = tempfile::tempdir().unwrap();
    let atlas = Atlas::open(Ok(caf.clone()), dir.path(), "Ada");
    let own = atlas.node("risk-management").unwrap();
    assert_eq!(own.framework, None, "the pack's own node is not marked");
    let far = &own.counterparts[0];
    let read = atlas
        .node(&far.id)
        .expect("a counterpart opens in the reader");
    assert_eq!(read.framework.as_deref(), Some("AI RMF"));
    assert_eq!(read.title, far.title);
    assert!(!read.html.is_empty(), "with its text");
    let back: Vec<&str> = read.counterparts.iter().map(|c| c.id.as_str()).collect();
    let expected: Vec<&str> = mapping
        .links
        .iter()
        .filter(|l| l.to == far.id)
        .map(|l| l.from.as_str())
        .collect();
    assert_eq!(
        back, expected,
        "its CAF-AI counterparts, in the mapping's order"
    );
    assert!(back.contains(&"risk-management"));
    assert!(read.counterparts.iter().all(|c| c.framework == "CAF-AI"));
    assert!(
        atlas.node("no-such-node").is_err(),
        "an id neither framework has is still refused"
    );
}
