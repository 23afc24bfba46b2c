//! A realistic report `Document`, built by hand so the Word renderer is tested on every kind
//! of block without depending on the report builder: a cover with facts, a headline, one
//! chart per perspective over 49 capabilities (some not assessed, one without a target), the
//! largest gaps with their actions, lists, an appendix table, a sign-off and the attribution.

use atlas_core::reports::document::{Bar, Block, Chart, Document, Inline, Table};

/// An organisation name written to break naive XML: markup characters and quotes.
pub const HOSTILE: &str = r#"R&D <"Ops"> & 'Sons' ]]>"#;
pub const GENERATED_AT: &str = "2026-11-30 14:05 UTC";
pub const EVIDENCE_URL: &str = "https://example.org/evidence?id=7&view=full";

pub const PERSPECTIVES: [&str; 6] = [
    "Business",
    "People",
    "Governance",
    "Platform",
    "Security",
    "Operations",
];

pub fn text(t: &str) -> Inline {
    Inline::Text(t.to_owned())
}

/// The level of capability `i` (of 49): every seventh is not assessed, the rest spread over
/// the scale including half levels and the lowest level itself.
pub fn current(i: usize) -> Option<f64> {
    (i % 7 != 3).then_some(1.0 + (i % 9) as f64 * 0.5)
}

pub fn target(i: usize) -> Option<f64> {
    (i != 10).then_some(if i.is_multiple_of(2) { 4.0 } else { 5.0 })
}

pub fn capability(i: usize) -> String {
    format!("{} capability {:02}", PERSPECTIVES[i % 6], i + 1)
}

pub fn document() -> Document {
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: format!("{HOSTILE} — CAF-AI assessment"),
        },
        Block::Facts(vec![
            ("Organisation".into(), vec![text(HOSTILE)]),
            ("Framework".into(), vec![text("CAF-AI 1.0")]),
            ("Generated".into(), vec![text(GENERATED_AT)]),
            ("Assessors".into(), vec![text("Ana Lopes, Ben Okafor")]),
            (
                "Scale".into(),
                vec![text(
                    "1 Initial · 2 Repeatable · 3 Defined · 4 Managed · 5 Optimised",
                )],
            ),
        ]),
        Block::PageBreak,
        Block::Heading {
            level: 2,
            text: "Headline".into(),
        },
        Block::Facts(vec![
            (
                "Overall".into(),
                vec![
                    Inline::Strong("2.7".into()),
                    text(" against a target of 4.4"),
                ],
            ),
            ("Assessed".into(), vec![text("42 of 49")]),
            ("Not applicable".into(), vec![text("0")]),
            ("Not yet assessed".into(), vec![text("7")]),
            ("Gaps".into(), vec![text("38")]),
        ]),
        Block::Heading {
            level: 2,
            text: "Current against target".into(),
        },
    ];
    for (p, name) in PERSPECTIVES.iter().enumerate() {
        blocks.push(Block::Chart(Chart {
            title: format!("{name} perspective"),
            min: 1.0,
            max: 5.0,
            bars: (0..49)
                .filter(|i| i % 6 == p)
                .map(|i| Bar {
                    label: capability(i),
                    current: current(i),
                    target: target(i),
                })
                .collect(),
        }));
    }
    blocks.extend([
        Block::Note(vec![text(
            "Capabilities not yet assessed are written as such, never drawn as level 1.",
        )]),
        Block::PageBreak,
        Block::Heading {
            level: 2,
            text: "The largest gaps".into(),
        },
        Block::Table(Table {
            caption: Some("Gaps of two levels or more, largest first".into()),
            header: ["Capability", "Gap", "Priority", "Owner", "Actions"]
                .map(String::from)
                .to_vec(),
            rows: vec![
                vec![
                    vec![text(&capability(0))],
                    vec![text("3")],
                    vec![text("high")],
                    vec![text(HOSTILE)],
                    vec![text(
                        "Write the data policy (Ana Lopes, due 2027-01-15, open)",
                    )],
                ],
                vec![
                    vec![text(&capability(6))],
                    vec![text("2.5")],
                    vec![text("medium")],
                    vec![text("Ben Okafor")],
                    vec![text(
                        "Train the model owners (Ben Okafor, due 2027-02-01, in progress)",
                    )],
                ],
            ],
        }),
        Block::Heading {
            level: 3,
            text: "Since the snapshot “Q3 review”".into(),
        },
        Block::List {
            ordered: false,
            items: vec![
                vec![Inline::Strong("Up: ".into()), text(&capability(1))],
                vec![
                    Inline::Emphasis("Newly not applicable: ".into()),
                    text(&capability(2)),
                ],
            ],
        },
        Block::Heading {
            level: 2,
            text: "Roadmap".into(),
        },
        Block::List {
            ordered: true,
            items: vec![
                vec![text("Envision: ")],
                vec![text("Align: "), text(&capability(4))],
            ],
        },
        Block::List {
            ordered: true,
            items: vec![vec![text("Launch")], vec![text("Scale")]],
        },
        Block::PageBreak,
        Block::Heading {
            level: 2,
            text: "Appendix: every capability".into(),
        },
    ]);
    let level = |v: Option<f64>| v.map_or("not assessed".to_owned(), |v| v.to_string());
    blocks.push(Block::Table(Table {
        caption: None,
        header: ["Capability", "Current", "Target", "Notes", "Evidence"]
            .map(String::from)
            .to_vec(),
        rows: (0..49)
            .map(|i| {
                vec![
                    vec![text(&capability(i))],
                    vec![text(&level(current(i)))],
                    vec![text(&level(target(i)))],
                    vec![text("Reviewed with "), Inline::Code("ml-platform".into())],
                    vec![Inline::Link {
                        text: format!("evidence {}", i + 1),
                        url: EVIDENCE_URL.into(),
                    }],
                ]
            })
            .collect(),
    }));
    blocks.extend([
        Block::Heading {
            level: 2,
            text: "Sign-off".into(),
        },
        Block::SignOff(vec!["Assessor".into(), "Sponsor".into()]),
        Block::Note(vec![
            text("CAF-AI is © its authors, used under CC BY 4.0. "),
            Inline::Emphasis("Not affiliated with the framework's authors.".into()),
        ]),
    ]);
    Document {
        title: format!("{HOSTILE} — CAF-AI assessment"),
        subject: HOSTILE.to_owned(),
        generated_at: GENERATED_AT.to_owned(),
        blocks,
    }
}
