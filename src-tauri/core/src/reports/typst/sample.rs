//! A realistic report for tests and the benchmark: the shape a board report of the real CAF-AI
//! pack takes with every capability assessed (cover, headline, one chart per perspective,
//! the largest gaps with their actions, an appendix of every capability, sign-off). Built here,
//! from the framework and a seeded generator, so the PDF can be measured without a store.

use crate::graph::Framework;
use crate::reports::document::{Bar, Block, Chart, Document, Inline, Table};
use crate::synthetic::Rng;

/// A report on `organisation` covering every capability of `fw`, each assessed except every
/// seventh (so "not assessed" is drawn too), with seeded scores and actions.
pub fn sample_document(fw: &Framework, organisation: &str) -> Document {
    let mut rng = Rng::new(15);
    let scale = &fw.manifest().maturity;
    let (lo, hi) = (
        scale.iter().map(|l| l.level).min().unwrap_or(0),
        scale.iter().map(|l| l.level).max().unwrap_or(5),
    );
    let title = format!("{organisation} — {} assessment", fw.manifest().short_name);
    let text = |s: &str| vec![Inline::Text(s.to_owned())];
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: title.clone(),
        },
        Block::Facts(vec![
            ("Organisation".into(), text(organisation)),
            (
                "Framework".into(),
                text(&format!(
                    "{} ({})",
                    fw.manifest().name,
                    fw.manifest().version
                )),
            ),
            ("Generated".into(), text("2026-11-30 14:05 UTC")),
            ("Assessors".into(), text("Ada Lovelace, Grace Hopper")),
        ]),
        Block::Table(Table {
            caption: Some("Maturity scale".into()),
            header: vec!["Level".into(), "Name".into(), "Meaning".into()],
            rows: scale
                .iter()
                .map(|l| {
                    vec![
                        text(&l.level.to_string()),
                        text(&l.name),
                        text(&l.definition),
                    ]
                })
                .collect(),
        }),
        Block::PageBreak,
        Block::Heading {
            level: 2,
            text: "Headline".into(),
        },
    ];
    let mut charts = Vec::new();
    let mut gaps = Vec::new();
    let mut appendix = Vec::new();
    let (mut assessed, mut unassessed) = (0, 0);
    for (index, cap) in fw.nodes_of_kind("capability").into_iter().enumerate() {
        let perspective = fw
            .parent(&cap.id)
            .map_or("—".to_owned(), |p| p.title.clone());
        let current =
            (index % 7 != 3).then(|| f64::from(lo) + rng.below(usize::from(hi - lo)) as f64);
        let target = current.map(|c| (c + 1.0 + rng.below(2) as f64).min(f64::from(hi)));
        if current.is_some() {
            assessed += 1
        } else {
            unassessed += 1
        }
        if charts.last().is_none_or(|c: &Chart| c.title != perspective) {
            charts.push(Chart {
                title: perspective.clone(),
                min: f64::from(lo),
                max: f64::from(hi),
                bars: vec![],
            });
        }
        charts.last_mut().expect("pushed above").bars.push(Bar {
            label: cap.title.clone(),
            current,
            target,
        });
        let figure = |v: Option<f64>| v.map_or("not assessed".to_owned(), |v| format!("{v:.0}"));
        let gap = match (current, target) {
            (Some(c), Some(t)) => t - c,
            _ => 0.0,
        };
        if gap >= 2.0 {
            gaps.push(vec![
                text(&cap.title),
                text(&format!("{} → {}", figure(current), figure(target))),
                text("High"),
                vec![
                    Inline::Strong("Name an owner".into()),
                    Inline::Text(" — Grace Hopper, due 2027-03-31, open".into()),
                ],
            ]);
        }
        appendix.push(vec![
            text(&cap.title),
            text(&figure(current)),
            text(&figure(target)),
            text(&if current.is_some() {
                format!("{gap:.0}")
            } else {
                "—".into()
            }),
            vec![
                Inline::Text("Evidence in ".into()),
                Inline::Link {
                    text: "the wiki".into(),
                    url: "https://wiki.example.org/ai".into(),
                },
                Inline::Text("; reviewed ".into()),
                Inline::Emphasis("quarterly".into()),
                Inline::Text(". ".into()),
                Inline::Code("mlops/*".into()),
            ],
        ]);
    }
    blocks.push(Block::Facts(vec![
        ("Assessed".into(), text(&assessed.to_string())),
        ("Not yet assessed".into(), text(&unassessed.to_string())),
        (
            "Gaps of two levels or more".into(),
            text(&gaps.len().to_string()),
        ),
    ]));
    blocks.push(Block::Paragraph(vec![
        Inline::Text("Overall the organisation stands at ".into()),
        Inline::Strong("2.1".into()),
        Inline::Text(" against a target of ".into()),
        Inline::Strong("3.4".into()),
        Inline::Text(". Unassessed capabilities are counted, never scored as level 0.".into()),
    ]));
    blocks.extend(charts.into_iter().map(Block::Chart));
    blocks.push(Block::PageBreak);
    blocks.push(Block::Table(Table {
        caption: Some("The largest gaps".into()),
        header: vec![
            "Capability".into(),
            "Current → target".into(),
            "Priority".into(),
            "Actions".into(),
        ],
        rows: gaps,
    }));
    blocks.push(Block::Heading {
        level: 2,
        text: "Roadmap".into(),
    });
    blocks.push(Block::List {
        ordered: true,
        items: vec![
            text("Envision: name owners for every gap"),
            text("Align: agree targets with the board"),
            text("Launch: pilot two capabilities"),
            text("Scale: repeat the assessment in six months"),
        ],
    });
    blocks.push(Block::PageBreak);
    blocks.push(Block::Heading {
        level: 2,
        text: "Appendix: every capability".into(),
    });
    blocks.push(Block::Table(Table {
        caption: None,
        header: vec![
            "Capability".into(),
            "Current".into(),
            "Target".into(),
            "Gap".into(),
            "Notes".into(),
        ],
        rows: appendix,
    }));
    blocks.push(Block::Heading {
        level: 2,
        text: "Sign-off".into(),
    });
    blocks.push(Block::SignOff(vec![
        "Assessor".into(),
        "Sponsor".into(),
        "Chief executive".into(),
    ]));
    blocks.push(Block::Note(vec![Inline::Text(
        fw.manifest().attribution.trim().to_owned(),
    )]));
    blocks.push(Block::Note(text(
        "Capability Atlas is not affiliated with or endorsed by Amazon Web Services.",
    )));
    Document {
        title,
        subject: organisation.to_owned(),
        generated_at: "2026-11-30 14:05 UTC".into(),
        blocks,
    }
}
