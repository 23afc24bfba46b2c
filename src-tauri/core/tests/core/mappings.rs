//! The CAF-AI to AI RMF mapping: the real file loads against both real packs and leaves no unit
//! undecided; every way a mapping file can be wrong is reported with file, line and, for ids,
//! the nearest real id; a node's counterparts read correctly from either side; and the coverage
//! figures add up.

use crate::support::{caf_ai, repo_root};
use atlas_core::mapping::{load_mapping, Mapping, Relation, Review, Side};
use atlas_core::{Framework, Problem, ProblemKind};
use std::sync::OnceLock;

const FILE: &str = "mappings/caf-ai--nist-ai-rmf.toml";

fn nist() -> &'static Framework {
    static FW: OnceLock<Framework> = OnceLock::new();
    FW.get_or_init(
        || match atlas_core::load_dir(&repo_root().join("content/nist-ai-rmf")) {
            Ok(fw) => fw,
            Err(report) => panic!("the AI RMF pack must load cleanly:\n{report}"),
        },
    )
}

fn real_text() -> String {
    std::fs::read_to_string(repo_root().join("content").join(FILE)).expect("the mapping exists")
}

fn real() -> Mapping {
    match load_mapping(FILE, &real_text(), caf_ai(), nist()) {
        Ok(m) => m,
        Err(report) => panic!("the real mapping must load against both packs:\n{report}"),
    }
}

/// The problems of a mapping text that must not load.
fn problems(text: &str) -> Vec<Problem> {
    match load_mapping("broken.toml", text, caf_ai(), nist()) {
        Ok(_) => panic!("a broken mapping must not load:\n{text}"),
        Err(report) => report.problems,
    }
}

/// The real file with one link's lines replaced: a small, otherwise complete mapping to break.
fn with(from: &str, to: &str) -> String {
    let text = real_text();
    assert!(text.contains(from), "the real file holds `{from}`");
    text.replacen(from, to, 1)
}

fn line_of(text: &str, needle: &str) -> usize {
    let at = text.find(needle).expect("needle in text");
    text[..at].matches('\n').count() + 1
}

fn assert_reported(problems: &[Problem], kind: ProblemKind, line: Option<usize>, words: &str) {
    assert!(
        problems.iter().any(|p| p.kind == kind
            && p.file == "broken.toml"
            && p.line == line
            && p.message.contains(words)),
        "expected {kind:?} at broken.toml:{line:?} saying `{words}`, got:\n{}",
        problems
            .iter()
            .map(|p| format!("{:?} {p}", p.kind))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

const FIRST_LINK: &str = "from = \"business-insights\"\nto = \"map-2-2\"";

#[test]
fn the_real_mapping_loads_and_decides_every_unit_of_both_packs() {
    let m = real();
    assert_eq!((m.from.as_str(), m.to.as_str()), ("caf-ai", "nist-ai-rmf"));
    let caps = caf_ai().nodes_of_kind("capability");
    let subs = nist().nodes_of_kind("subcategory");
    assert_eq!((caps.len(), subs.len()), (49, 72), "both packs whole");
    for c in &caps {
        let linked = !m.links_of("caf-ai", &c.id).is_empty();
        let unmapped = m.unmapped_reason(Side::From, &c.id).is_some();
        assert!(
            linked ^ unmapped,
            "capability {} is linked or unmapped, never both nor neither",
            c.id
        );
    }
    for s in &subs {
        let linked = !m.links_of("nist-ai-rmf", &s.id).is_empty();
        let unmapped = m.unmapped_reason(Side::To, &s.id).is_some();
        assert!(linked ^ unmapped, "subcategory {} is decided once", s.id);
    }
    assert!(
        m.links.iter().all(|l| l.status == Review::Proposed),
        "nobody has reviewed the links yet, so none may claim it"
    );
    assert!(
        m.links.iter().all(|l| l.rationale.len() >= 40),
        "every link says why in a sentence"
    );
}

#[test]
fn links_carry_the_line_they_are_written_on() {
    let m = real();
    let text = real_text();
    assert_eq!(m.links[0].line, line_of(&text, FIRST_LINK));
    assert_eq!(m.links[0].from, "business-insights");
}

#[test]
fn a_toml_syntax_error_is_reported_with_its_line() {
    let text = with(FIRST_LINK, "from = \"business-insights\nto = \"map-2-2\"");
    let p = problems(&text);
    assert_eq!(
        p.len(),
        1,
        "a file that does not parse has one problem: {p:?}"
    );
    assert_reported(
        &p,
        ProblemKind::BadMapping,
        Some(line_of(&text, "from = \"business-insights\nto")),
        "invalid basic string",
    );
}

#[test]
fn a_header_naming_other_packs_is_reported_alone() {
    let text = with("to = \"nist-ai-rmf\"", "to = \"nist-rmf\"");
    let p = problems(&text);
    assert_eq!(
        p.len(),
        1,
        "ids are not checked against the wrong pack: {p:?}"
    );
    assert_reported(
        &p,
        ProblemKind::BadMapping,
        Some(line_of(&text, "to = \"nist-rmf\"")),
        "the to-pack is `nist-ai-rmf`",
    );
}

#[test]
fn an_unknown_id_on_either_side_is_named_with_the_nearest_id() {
    let text = with(FIRST_LINK, "from = \"busines-insights\"\nto = \"map-2-22\"");
    let p = problems(&text);
    let line = Some(line_of(&text, "busines-insights"));
    assert_reported(
        &p,
        ProblemKind::MissingTarget,
        line,
        "did you mean `business-insights`?",
    );
    assert_reported(
        &p,
        ProblemKind::MissingTarget,
        line.map(|l| l + 1),
        "`map-2-22`; did you mean `map-2-2`?",
    );
}

#[test]
fn an_official_identifier_suggests_the_node_it_names() {
    let text = with(FIRST_LINK, "from = \"business-insights\"\nto = \"MAP 2.2\"");
    let p = problems(&text);
    assert_reported(
        &p,
        ProblemKind::MissingTarget,
        Some(line_of(&text, "MAP 2.2")),
        "did you mean `map-2-2`?",
    );
}

#[test]
fn a_node_of_the_wrong_kind_is_refused() {
    let text = with(FIRST_LINK, "from = \"governance\"\nto = \"map-2\"");
    let p = problems(&text);
    let line = line_of(&text, "from = \"governance\"");
    assert_reported(
        &p,
        ProblemKind::WrongKind,
        Some(line),
        "is a perspective of `caf-ai`; a mapping links capability nodes",
    );
    assert_reported(
        &p,
        ProblemKind::WrongKind,
        Some(line + 1),
        "is a category of `nist-ai-rmf`; a mapping links subcategory nodes",
    );
}

#[test]
fn an_unknown_relation_or_status_names_the_allowed_values() {
    let text = with(
        &format!("{FIRST_LINK}\nrelation = \"intersect\"\nstatus = \"proposed\""),
        &format!("{FIRST_LINK}\nrelation = \"overlaps\"\nstatus = \"approved\""),
    );
    let p = problems(&text);
    assert_reported(
        &p,
        ProblemKind::InvalidValue,
        Some(line_of(&text, "overlaps")),
        "`equal`, `subset`, `superset`, `intersect`",
    );
    assert_reported(
        &p,
        ProblemKind::InvalidValue,
        Some(line_of(&text, "approved")),
        "`proposed`, `reviewed`",
    );
}

#[test]
fn an_empty_or_overlong_rationale_is_refused() {
    let m = real();
    let first = &m.links[0].rationale;
    let empty = with(first, " ");
    assert_reported(
        &problems(&empty),
        ProblemKind::InvalidValue,
        Some(m.links[0].line + 4),
        "`rationale` is empty",
    );
    let long = "why ".repeat(atlas_core::limits::MAPPING_RATIONALE_CHARS);
    let long = with(first, &long);
    assert_reported(
        &problems(&long),
        ProblemKind::InvalidValue,
        Some(m.links[0].line + 4),
        "at most 600",
    );
}

#[test]
fn a_duplicate_link_names_the_first() {
    let text = format!(
        "{}\n[[links]]\n{FIRST_LINK}\nrelation = \"intersect\"\nstatus = \"proposed\"\nrationale = \"Once more.\"\n",
        real_text()
    );
    let p = problems(&text);
    let again = text
        .rfind(FIRST_LINK)
        .map(|at| text[..at].matches('\n').count() + 1);
    assert_reported(
        &p,
        ProblemKind::DuplicateId,
        again,
        &format!("already linked at line {}", line_of(&text, FIRST_LINK)),
    );
}

#[test]
fn a_node_both_linked_and_unmapped_is_reported_at_the_unmapped_entry() {
    let text = format!(
        "{}\n[[unmapped]]\npack = \"to\"\nid = \"map-2-2\"\nreason = \"Seen as out of scope.\"\n",
        real_text()
    );
    let p = problems(&text);
    assert_reported(
        &p,
        ProblemKind::BadMapping,
        Some(line_of(&text, "pack = \"to\"\nid = \"map-2-2\"")),
        &format!("linked at line {}", line_of(&text, FIRST_LINK)),
    );
}

#[test]
fn a_unit_neither_linked_nor_unmapped_is_named() {
    let text = with(
        "[[unmapped]]\npack = \"from\"\nid = \"patch-management\"",
        "[[unmapped]]\npack = \"from\"\nid = \"program-and-project-management\"",
    );
    let p = problems(&text);
    assert_reported(
        &p,
        ProblemKind::BadMapping,
        None,
        "capability `patch-management` of `caf-ai` is neither linked nor listed",
    );
    assert_reported(
        &p,
        ProblemKind::DuplicateId,
        text.rfind("id = \"program-and-project-management\"")
            .map(|at| text[..at].matches('\n').count()),
        "already listed as unmapped",
    );
}

#[test]
fn a_file_over_the_limit_is_refused_unread() {
    let text = format!(
        "{}#{}\n",
        real_text(),
        "x".repeat(atlas_core::limits::MAPPING_FILE_BYTES)
    );
    assert_reported(&problems(&text), ProblemKind::TooLarge, None, "at most");
}

#[test]
fn counterparts_read_from_either_side_swap_subset_and_superset() {
    let m = real();
    let apm = m.links_of("caf-ai", "application-portfolio-management");
    let inventory = apm
        .iter()
        .find(|c| c.node == "govern-1-6")
        .expect("the inventory link");
    assert_eq!(
        (inventory.pack.as_str(), inventory.relation),
        ("nist-ai-rmf", Relation::Superset)
    );
    let back = m.links_of("nist-ai-rmf", "govern-1-6");
    let from_apm = back
        .iter()
        .find(|c| c.node == "application-portfolio-management")
        .expect("read backwards");
    assert_eq!(
        (from_apm.pack.as_str(), from_apm.relation),
        ("caf-ai", Relation::Subset),
        "the inventory lies within the application portfolio, so read from its side it is a subset"
    );
    assert_eq!(from_apm.rationale, inventory.rationale);
    let intersect = m.links_of("nist-ai-rmf", "map-2-2");
    assert!(intersect
        .iter()
        .any(|c| c.node == "business-insights" && c.relation == Relation::Intersect));
    assert!(
        m.links_of("iso-42001", "map-2-2").is_empty(),
        "a pack the mapping does not join has no counterparts"
    );
}

#[test]
fn coverage_figures_add_up() {
    let m = real();
    let c = m.coverage(caf_ai(), nist());
    assert_eq!(c.links, m.links.len());
    for side in [&c.from, &c.to] {
        assert_eq!(
            side.mapped + side.unmapped,
            side.total,
            "{}: every unit is linked or unmapped",
            side.pack
        );
        assert_eq!(
            side.groups.iter().map(|g| g.total).sum::<usize>(),
            side.total,
            "{}: every unit sits in a group",
            side.pack
        );
        assert_eq!(
            side.groups.iter().map(|g| g.mapped).sum::<usize>(),
            side.mapped
        );
    }
    assert_eq!((c.from.total, c.to.total), (49, 72));
    assert_eq!(c.from.groups.len(), 6, "six perspectives");
    assert_eq!(
        c.to.groups
            .iter()
            .map(|g| g.id.as_str())
            .collect::<Vec<_>>(),
        ["govern", "map", "measure", "manage"],
        "the four functions in NIST's order"
    );
    assert_eq!(c.by_relation.iter().map(|(_, n)| n).sum::<usize>(), c.links);
    assert_eq!(c.by_status.iter().map(|(_, n)| n).sum::<usize>(), c.links);
    let text = c.to_string();
    assert!(
        text.contains(&format!(
            "caf-ai: {} of 49 capability nodes linked",
            c.from.mapped
        )),
        "{text}"
    );
}
