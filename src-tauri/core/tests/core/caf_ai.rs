//! The built-in pack states the whitepaper's facts: every capability under its perspective,
//! with its status, and the rest of the model the product brief names.

use crate::support::caf_ai;
use atlas_core::api;

/// Perspective → capabilities, in the framework's order, as the whitepaper's contents and its
/// per-perspective tables give them. `*` marks those listed as not enriched for AI.
const TABLE: &[(&str, &[&str])] = &[
    (
        "Business",
        &[
            "Strategy management",
            "Product management",
            "Business insights",
            "Portfolio management",
            "Innovation management",
            "Generative AI",
            "*Data monetization",
            "*Strategic partnership",
            "*Data science",
        ],
    ),
    (
        "People",
        &[
            "ML fluency",
            "Workforce transformation",
            "Organizational alignment",
            "Culture evolution",
            "*Transformational leadership",
            "*Cloud fluency",
            "*Organization design",
        ],
    ),
    (
        "Governance",
        &[
            "Cloud Financial Management (CFM)",
            "Data curation",
            "Risk management",
            "Responsible use of AI",
            "*Program and project management",
            "*Data governance",
            "*Benefits management",
            "*Application portfolio management",
        ],
    ),
    (
        "Platform",
        &[
            "Platform architecture",
            "Modern application development",
            "AI lifecycle management",
            "Data architecture",
            "Platform engineering",
            "Data engineering",
            "Provisioning and orchestration",
            "Continuous integration and continuous delivery (CI/CD)",
        ],
    ),
    (
        "Security",
        &[
            "Vulnerability management",
            "Security governance",
            "Security assurance",
            "Threat detection",
            "Infrastructure protection",
            "Data protection",
            "Application security",
            "*Identity and access management (IAM)",
            "*Incident response",
        ],
    ),
    (
        "Operations",
        &[
            "Incident and problem management",
            "Performance and capacity",
            "*Observability",
            "*Event management (AIOps)",
            "*Change and release management",
            "*Configuration management",
            "*Patch management",
            "*Availability and continuity management",
        ],
    ),
];

#[test]
fn every_capability_sits_under_its_perspective_in_order() {
    let fw = caf_ai();
    let perspectives = fw.nodes_of_kind("perspective");
    let names: Vec<&str> = perspectives.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(
        names,
        TABLE.iter().map(|(p, _)| *p).collect::<Vec<_>>(),
        "six perspectives, in the framework's order"
    );
    for (perspective, expected) in TABLE {
        let p = perspectives
            .iter()
            .find(|p| p.title == *perspective)
            .unwrap();
        let mut caps: Vec<_> = fw
            .links_to(&p.id)
            .into_iter()
            .filter(|l| l.edge.kind == "part_of" && l.node.kind == "capability")
            .map(|l| l.node)
            .collect();
        caps.sort_by_key(|c| c.order);
        let got: Vec<String> = caps
            .iter()
            .map(|c| {
                format!(
                    "{}{}",
                    if c.status.as_deref() == Some("inherited") {
                        "*"
                    } else {
                        ""
                    },
                    c.title
                )
            })
            .collect();
        assert_eq!(
            got, *expected,
            "{perspective}: names, order and inherited marks must match the whitepaper"
        );
    }
}

#[test]
fn counts_match_the_framework() {
    let fw = caf_ai();
    let caps = fw.nodes_of_kind("capability");
    assert_eq!(caps.len(), 49, "CAF-AI has 49 capabilities");
    let count = |s: &str| {
        caps.iter()
            .filter(|c| c.status.as_deref() == Some(s))
            .count()
    };
    assert_eq!(count("inherited"), 18, "18 are kept from the base CAF");
    assert_eq!(count("new"), 3, "three are new");
    assert_eq!(count("enriched"), 28, "the other 28 are enriched");
    let new: Vec<&str> = caps
        .iter()
        .filter(|c| c.status.as_deref() == Some("new"))
        .map(|c| c.title.as_str())
        .collect();
    for name in ["ML fluency", "Generative AI", "Responsible use of AI"] {
        assert!(new.contains(&name), "{name} is one of the new capabilities");
    }
    assert_eq!(fw.nodes_of_kind("framework").len(), 1);
    assert_eq!(
        fw.nodes_of_kind("stage")
            .iter()
            .map(|n| n.title.as_str())
            .collect::<Vec<_>>(),
        ["Envision", "Align", "Launch", "Scale"]
    );
    assert_eq!(
        fw.nodes_of_kind("domain").len(),
        4,
        "technology, process, organization, product"
    );
    assert_eq!(
        fw.nodes_of_kind("outcome").len(),
        4,
        "four business outcomes"
    );
    assert_eq!(
        fw.nodes_of_kind("component")
            .iter()
            .map(|n| n.title.as_str())
            .collect::<Vec<_>>(),
        ["Input", "Model", "Output"]
    );
    assert!(
        fw.nodes_of_kind("concept").len() >= 30,
        "a glossary of at least 30 concepts"
    );
    assert!(
        fw.node("ai-flywheel").is_some(),
        "the AI flywheel is in the glossary"
    );
}

#[test]
fn described_capabilities_have_a_summary_practices_and_questions() {
    let fw = caf_ai();
    for cap in fw.nodes_of_kind("capability") {
        let body = &cap.body;
        if cap.status.as_deref() == Some("inherited") {
            let words = atlas_core::markdown::plain_text(body)
                .split_whitespace()
                .count();
            assert!(
                words >= 30,
                "{}: an inherited capability still gets a short description ({words} words)",
                cap.id
            );
            continue;
        }
        let (summary, rest) = body
            .split_once("## Key practices")
            .unwrap_or_else(|| panic!("{}: has a Key practices section", cap.id));
        let words = atlas_core::markdown::plain_text(summary)
            .split_whitespace()
            .count();
        assert!(
            words >= 150,
            "{}: the summary must be at least 150 words, it is {words}",
            cap.id
        );
        let (practices, questions) = rest
            .split_once("## Questions to ask")
            .unwrap_or_else(|| panic!("{}: has a Questions to ask section", cap.id));
        assert!(
            bullets(practices).len() >= 3,
            "{}: key practices are bullets",
            cap.id
        );
        let q = bullets(questions)
            .iter()
            .filter(|b| b.ends_with('?'))
            .count();
        assert!(
            (3..=6).contains(&q),
            "{}: 3 to 6 questions to ask, found {q}",
            cap.id
        );
    }
}

/// The items of a markdown bullet list, with wrapped lines joined.
fn bullets(text: &str) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for line in text.lines() {
        if let Some(item) = line.strip_prefix("- ") {
            items.push(item.trim().to_string());
        } else if line.starts_with("  ") && !line.trim().is_empty() {
            if let Some(last) = items.last_mut() {
                last.push(' ');
                last.push_str(line.trim());
            }
        }
    }
    items
}

#[test]
fn perspectives_name_their_typical_stakeholders() {
    let fw = caf_ai();
    let expect: &[(&str, &[&str])] = &[
        ("business", &["ceo", "cfo", "coo", "cio", "cto"]),
        ("people", &["chro", "cio", "coo", "cto", "cloud-director"]),
        (
            "governance",
            &[
                "chief-transformation-officer",
                "cio",
                "cto",
                "cfo",
                "cdo",
                "cro",
            ],
        ),
        (
            "platform",
            &["cto", "ml-operations-engineers", "data-scientists"],
        ),
        (
            "security",
            &[
                "ciso",
                "cco",
                "internal-audit-leaders",
                "security-architects-engineers",
            ],
        ),
        (
            "operations",
            &[
                "ml-operations-engineers",
                "site-reliability-engineers",
                "it-service-managers",
            ],
        ),
    ];
    for (perspective, roles) in expect {
        let concerned: Vec<String> = fw
            .links_to(perspective)
            .into_iter()
            .filter(|l| l.edge.kind == "concerns")
            .map(|l| l.node.id.clone())
            .collect();
        for role in *roles {
            assert!(
                concerned.iter().any(|c| c == role),
                "{role} is a typical stakeholder of the {perspective} perspective"
            );
        }
    }
}

#[test]
fn security_capabilities_address_input_model_and_output() {
    let fw = caf_ai();
    for id in [
        "vulnerability-management",
        "security-governance",
        "security-assurance",
        "threat-detection",
    ] {
        let parts: Vec<&str> = fw
            .links_from(id)
            .into_iter()
            .filter(|l| l.edge.kind == "addresses")
            .map(|l| l.node.id.as_str())
            .collect();
        for c in ["component-input", "component-model", "component-output"] {
            assert!(parts.contains(&c), "{id} treats {c}");
        }
    }
}

#[test]
fn the_whitepapers_explicit_cross_references_are_edges() {
    let fw = caf_ai();
    let refs = [
        ("risk-management", "responsible-use-of-ai"),
        ("cloud-financial-management", "responsible-use-of-ai"),
        ("risk-management", "security"),
        ("security-governance", "data-protection"),
        ("performance-and-capacity", "ai-lifecycle-management"),
        ("governance", "responsible-use-of-ai"),
        ("operations", "ai-lifecycle-management"),
    ];
    for (from, to) in refs {
        let hit = fw
            .links_from(from)
            .into_iter()
            .find(|l| l.edge.kind == "references" && l.node.id == to);
        let hit = hit.unwrap_or_else(|| panic!("{from} refers to {to} in the whitepaper"));
        assert!(
            hit.edge.source.page > 0,
            "the reference {from} → {to} records where it is stated"
        );
    }
}

#[test]
fn the_framework_credits_its_authors_and_disclaims_affiliation() {
    let fw = caf_ai();
    let view = api::framework_view(fw);
    assert!(
        view.attribution.contains("Alexander Wöhlke"),
        "the attribution names the CAF-AI leads"
    );
    assert!(
        view.notice.contains("not affiliated"),
        "the notice says the app is independent"
    );
    let root = fw.root();
    assert!(
        root.body.contains("not affiliated"),
        "the framework node's own text carries the notice too"
    );
}

#[test]
fn every_node_reads_back_through_the_api_with_sanitised_html() {
    let fw = caf_ai();
    for node in fw.nodes() {
        let detail = api::node_detail(fw, &node.id).expect("every node has a detail view");
        assert!(!detail.html.is_empty(), "{} renders some text", node.id);
        assert!(
            !detail.html.contains("<script"),
            "{} has no script",
            node.id
        );
    }
    let view = api::framework_view(fw);
    assert_eq!(view.nodes.len(), fw.node_count());
    let cap = view.nodes.iter().find(|n| n.id == "data-curation").unwrap();
    assert_eq!(
        cap.parent.as_deref(),
        Some("governance"),
        "capabilities are grouped under their perspective"
    );
    let persp = view.nodes.iter().find(|n| n.id == "governance").unwrap();
    assert_eq!(
        persp.parent, None,
        "perspectives are top-level groups, not children of the root"
    );
}

#[test]
fn unknown_ids_get_a_suggestion() {
    let err = api::node_detail(caf_ai(), "data-curaton")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("data-curation"),
        "a near-miss id suggests the real one: {}",
        err
    );
}

#[test]
fn the_pack_ships_a_ten_minute_tour_and_one_tour_per_perspective_in_framework_order() {
    let fw = caf_ai();
    let tours = fw.tours();
    assert_eq!(
        tours.len(),
        7,
        "{:?}",
        tours.iter().map(|t| &t.id).collect::<Vec<_>>()
    );
    let intro = &tours[0];
    assert_eq!(intro.title, "CAF-AI in ten minutes");
    let visits = |id: &str| intro.steps.iter().any(|s| s.node == id);
    for id in ["envision", "align", "launch", "scale", "ai-flywheel"] {
        assert!(visits(id), "the ten-minute tour visits {id}");
    }
    let mut perspectives = fw.nodes_of_kind("perspective");
    perspectives.sort_by_key(|p| p.order);
    for (tour, p) in tours[1..].iter().zip(&perspectives) {
        assert!(visits(&p.id), "the ten-minute tour visits {}", p.id);
        assert_eq!(
            tour.steps[0].node, p.id,
            "{} opens on its perspective",
            tour.id
        );
        let mut expected: Vec<_> = fw
            .nodes_of_kind("capability")
            .into_iter()
            .filter(|c| fw.parent(&c.id).map(|n| n.id.as_str()) == Some(p.id.as_str()))
            .collect();
        expected.sort_by_key(|c| c.order);
        let walked: Vec<&str> = tour
            .steps
            .iter()
            .map(|s| s.node.as_str())
            .filter(|n| fw.node(n).is_some_and(|n| n.kind == "capability"))
            .collect();
        let expected: Vec<&str> = expected.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            walked, expected,
            "{} walks every capability in order",
            tour.id
        );
        assert!(
            tour.steps.iter().all(|s| !s.notes.trim().is_empty()),
            "every step of {} has talking points",
            tour.id
        );
    }
}
