//! The NIST AI RMF pack states the Core's facts: four functions, 19 categories and 72
//! subcategories, each subcategory under the category and function NIST puts it in, with its
//! official identifier, our own guidance for assessors, and credit to NIST.

use crate::support::repo_root;
use atlas_core::model::Node;
use atlas_core::Framework;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// Every subcategory of the AI RMF Core (NIST AI 100-1, Tables 1–4), in NIST's order.
const IDENTIFIERS: [&str; 72] = [
    // GOVERN
    "GOVERN 1.1",
    "GOVERN 1.2",
    "GOVERN 1.3",
    "GOVERN 1.4",
    "GOVERN 1.5",
    "GOVERN 1.6",
    "GOVERN 1.7",
    "GOVERN 2.1",
    "GOVERN 2.2",
    "GOVERN 2.3",
    "GOVERN 3.1",
    "GOVERN 3.2",
    "GOVERN 4.1",
    "GOVERN 4.2",
    "GOVERN 4.3",
    "GOVERN 5.1",
    "GOVERN 5.2",
    "GOVERN 6.1",
    "GOVERN 6.2",
    // MAP
    "MAP 1.1",
    "MAP 1.2",
    "MAP 1.3",
    "MAP 1.4",
    "MAP 1.5",
    "MAP 1.6",
    "MAP 2.1",
    "MAP 2.2",
    "MAP 2.3",
    "MAP 3.1",
    "MAP 3.2",
    "MAP 3.3",
    "MAP 3.4",
    "MAP 3.5",
    "MAP 4.1",
    "MAP 4.2",
    "MAP 5.1",
    "MAP 5.2",
    // MEASURE
    "MEASURE 1.1",
    "MEASURE 1.2",
    "MEASURE 1.3",
    "MEASURE 2.1",
    "MEASURE 2.2",
    "MEASURE 2.3",
    "MEASURE 2.4",
    "MEASURE 2.5",
    "MEASURE 2.6",
    "MEASURE 2.7",
    "MEASURE 2.8",
    "MEASURE 2.9",
    "MEASURE 2.10",
    "MEASURE 2.11",
    "MEASURE 2.12",
    "MEASURE 2.13",
    "MEASURE 3.1",
    "MEASURE 3.2",
    "MEASURE 3.3",
    "MEASURE 4.1",
    "MEASURE 4.2",
    "MEASURE 4.3",
    // MANAGE
    "MANAGE 1.1",
    "MANAGE 1.2",
    "MANAGE 1.3",
    "MANAGE 1.4",
    "MANAGE 2.1",
    "MANAGE 2.2",
    "MANAGE 2.3",
    "MANAGE 2.4",
    "MANAGE 3.1",
    "MANAGE 3.2",
    "MANAGE 4.1",
    "MANAGE 4.2",
    "MANAGE 4.3",
];

/// Function → (node id, categories, subcategories), as NIST AI 100-1 counts them.
const FUNCTIONS: [(&str, &str, usize, usize); 4] = [
    ("GOVERN", "govern", 6, 19),
    ("MAP", "map", 5, 18),
    ("MEASURE", "measure", 4, 22),
    ("MANAGE", "manage", 4, 13),
];

fn nist() -> &'static Framework {
    static FW: OnceLock<Framework> = OnceLock::new();
    FW.get_or_init(
        || match atlas_core::load_dir(&repo_root().join("content/nist-ai-rmf")) {
            Ok(fw) => fw,
            Err(report) => panic!("the NIST AI RMF pack must load cleanly:\n{report}"),
        },
    )
}

/// "MEASURE 2.10" → ("MEASURE", "measure-2", "measure-2-10").
fn ids_of(identifier: &str) -> (&str, String, String) {
    let (function, number) = identifier
        .split_once(' ')
        .expect("an identifier is a function name and a number");
    let (category, _) = number
        .split_once('.')
        .expect("a subcategory number has a dot");
    let lower = function.to_lowercase();
    (
        function,
        format!("{lower}-{category}"),
        format!("{lower}-{}", number.replace('.', "-")),
    )
}

fn children<'a>(fw: &'a Framework, id: &str, kind: &str) -> Vec<&'a Node> {
    fw.links_to(id)
        .into_iter()
        .filter(|l| l.edge.kind == "part_of" && l.node.kind == kind)
        .map(|l| l.node)
        .collect()
}

/// The bullets of a `## heading` section of a body.
fn bullets(body: &str, heading: &str) -> usize {
    let Some((_, rest)) = body.split_once(&format!("## {heading}\n")) else {
        return 0;
    };
    let section = rest.split("\n## ").next().unwrap_or("");
    section.lines().filter(|l| l.starts_with("- ")).count()
}

#[test]
fn the_core_has_4_functions_19_categories_and_72_subcategories() {
    let fw = nist();
    assert_eq!(fw.manifest().id, "nist-ai-rmf");
    assert_eq!(
        fw.nodes_of_kind("function").len(),
        4,
        "GOVERN, MAP, MEASURE, MANAGE"
    );
    assert_eq!(
        fw.nodes_of_kind("category").len(),
        19,
        "NIST AI 100-1 has 19 categories"
    );
    assert_eq!(
        fw.nodes_of_kind("subcategory").len(),
        72,
        "NIST AI 100-1 has 72 subcategories"
    );
}

#[test]
fn each_function_holds_the_categories_and_subcategories_nist_gives_it() {
    let fw = nist();
    for (name, id, categories, subcategories) in FUNCTIONS {
        let function = fw.node(id).unwrap_or_else(|| panic!("{name} is missing"));
        assert_eq!(function.kind, "function");
        assert_eq!(
            function.title, name,
            "a function is titled with NIST's name for it"
        );
        assert_eq!(
            fw.parent(id).map(|n| n.id.as_str()),
            Some("nist-ai-rmf"),
            "{name} hangs off the framework"
        );
        let cats = children(fw, id, "category");
        assert_eq!(cats.len(), categories, "{name} has {categories} categories");
        let subs: usize = cats
            .iter()
            .map(|c| children(fw, &c.id, "subcategory").len())
            .sum();
        assert_eq!(
            subs, subcategories,
            "{name} has {subcategories} subcategories"
        );
    }
}

#[test]
fn every_nist_identifier_names_one_subcategory_under_its_category_and_function() {
    let fw = nist();
    for identifier in IDENTIFIERS {
        let (function, category, id) = ids_of(identifier);
        let node = fw
            .node(&id)
            .unwrap_or_else(|| panic!("{identifier} has no node `{id}`"));
        assert_eq!(node.kind, "subcategory", "{identifier} is a subcategory");
        assert!(
            node.title.starts_with(&format!("{identifier} — ")),
            "the title shows the official identifier first: {}",
            node.title
        );
        assert_eq!(
            node.aliases.first().map(String::as_str),
            Some(identifier),
            "the identifier is kept as the first alias, so search finds it"
        );
        assert!(
            node.source.section.ends_with(identifier),
            "the source points at the identifier's row of the Core: {}",
            node.source.section
        );
        let parent = fw.parent(&id).expect("a subcategory has a category");
        assert_eq!(parent.id, category, "{identifier} is part of {category}");
        let category_title = identifier.rsplit_once('.').unwrap().0;
        assert!(
            parent.title.starts_with(&format!("{category_title} — ")),
            "{identifier}'s category is titled {category_title}: {}",
            parent.title
        );
        let grandparent = fw.parent(&parent.id).expect("a category has a function");
        assert_eq!(
            grandparent.title, function,
            "{identifier} is part of {function}"
        );
    }
    let listed: BTreeSet<&str> = IDENTIFIERS.into_iter().collect();
    let in_pack: BTreeSet<&str> = fw
        .nodes_of_kind("subcategory")
        .into_iter()
        .map(|n| n.aliases[0].as_str())
        .collect();
    assert_eq!(
        in_pack, listed,
        "the pack has exactly NIST's subcategories, no more"
    );
}

#[test]
fn every_subcategory_has_a_tagline_summary_key_practices_and_questions() {
    for node in nist().nodes_of_kind("subcategory") {
        let title = &node.title;
        assert!(!node.tagline.is_empty(), "{title} has a tagline");
        let summary = node.body.split("\n## ").next().unwrap_or("").trim();
        assert!(
            summary.split_whitespace().count() >= 40,
            "{title} opens with a summary an assessor can read"
        );
        let practices = bullets(&node.body, "Key practices");
        assert!(
            (3..=5).contains(&practices),
            "{title} lists 3 to 5 key practices, not {practices}"
        );
        let questions = bullets(&node.body, "Questions to ask");
        assert!(
            (3..=5).contains(&questions),
            "{title} lists 3 to 5 questions to ask, not {questions}"
        );
    }
}

#[test]
fn categories_and_functions_carry_a_tagline_and_a_summary() {
    let fw = nist();
    for node in fw
        .nodes_of_kind("function")
        .into_iter()
        .chain(fw.nodes_of_kind("category"))
    {
        assert!(!node.tagline.is_empty(), "{} has a tagline", node.title);
        assert!(
            node.body.split_whitespace().count() >= 30,
            "{} has a summary",
            node.title
        );
    }
}

#[test]
fn cross_references_the_core_states_are_links() {
    let fw = nist();
    let refers = |from: &str, to: &str| {
        fw.links_from(from)
            .iter()
            .any(|l| l.edge.kind == "references" && l.node.id == to)
    };
    for measure in [
        "measure-1-1",
        "measure-2-4",
        "measure-2-6",
        "measure-2-7",
        "measure-2-8",
        "measure-2-9",
        "measure-2-10",
        "measure-2-11",
        "measure-2-12",
    ] {
        assert!(
            refers(measure, "map"),
            "{measure} works on what MAP identified"
        );
    }
    assert!(
        refers("measure-2-13", "measure"),
        "MEASURE 2.13 reviews the MEASURE function"
    );
    assert!(
        refers("map-3-5", "govern"),
        "MAP 3.5 follows policies from GOVERN"
    );
    assert!(
        refers("manage-1-3", "map"),
        "MANAGE 1.3 answers risks MAP identified"
    );
    assert!(
        refers("manage-1", "map") && refers("manage-1", "measure"),
        "MANAGE 1 acts on the output of MAP and MEASURE"
    );
}

#[test]
fn subcategories_link_the_playbooks_actors_and_topics() {
    let fw = nist();
    for node in fw.nodes_of_kind("subcategory") {
        assert!(
            fw.links_from(&node.id)
                .iter()
                .any(|l| l.edge.kind == "mentions" && l.node.kind == "topic"),
            "{} mentions at least one Playbook topic",
            node.title
        );
    }
    let actors_of_manage_4_1: BTreeSet<&str> = fw
        .links_to("manage-4-1")
        .into_iter()
        .filter(|l| l.edge.kind == "concerns" && l.node.kind == "actor")
        .map(|l| l.node.id.as_str())
        .collect();
    assert!(
        actors_of_manage_4_1.contains("actor-operation-and-monitoring")
            && actors_of_manage_4_1.contains("actor-end-users"),
        "the Playbook's AI actors for MANAGE 4.1 are linked: {actors_of_manage_4_1:?}"
    );
}

#[test]
fn the_pack_credits_nist_and_says_it_is_not_affiliated() {
    let manifest = nist().manifest();
    assert!(
        manifest.attribution.contains("NIST")
            && manifest.attribution.contains("NIST AI 100-1")
            && manifest.attribution.contains("Playbook"),
        "the attribution credits NIST AI 100-1 and the Playbook: {}",
        manifest.attribution
    );
    assert!(
        manifest.notice.contains("not affiliated") && manifest.notice.contains("NIST"),
        "the notice says the app is not affiliated with NIST: {}",
        manifest.notice
    );
    assert_eq!(manifest.version, "1.0");
    assert_eq!(manifest.published, "2023-01-26");
}

#[test]
fn the_builtin_caf_ai_pack_does_not_absorb_the_nist_pack() {
    let caf = crate::support::caf_ai();
    assert_eq!(caf.manifest().id, "caf-ai");
    assert!(
        !caf.contains("nist-ai-rmf") && !caf.contains("govern-1-1"),
        "the built-in pack reads only content/nodes and content/tours"
    );
}
