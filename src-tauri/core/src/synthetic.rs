//! A generator of large, valid framework packs, for benchmarks and stress tests.
//!
//! The pack is written to disk in the real content format and loaded with the real loader,
//! so what is measured is what a user with a big framework would get. Text is drawn from the
//! words of the built-in pack, which gives the search index a realistic vocabulary, and the
//! generator is seeded, so the same size always yields the same pack.

use crate::graph::Framework;
use std::fmt::Write as _;
use std::io;
use std::path::Path;

/// A small deterministic random number generator (SplitMix64): good enough to vary text,
/// and keeps the generator free of dependencies and reproducible everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// The words of a framework's text, lower-cased, for composing synthetic sentences.
pub fn vocabulary(fw: &Framework) -> Vec<String> {
    let mut words: Vec<String> = fw
        .nodes()
        .flat_map(|n| {
            crate::markdown::plain_text(&n.body)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() > 2)
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .collect();
    words.sort();
    words.dedup();
    words
}

fn sentence(rng: &mut Rng, words: &[String], len: usize) -> String {
    let mut s = String::new();
    for i in 0..len {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(&words[rng.below(words.len())]);
    }
    if let Some(first) = s.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    s.push('.');
    s
}

/// Writes a pack of about `nodes` nodes into `dir`: one framework, groups of capabilities,
/// roles and concepts, linked the way CAF-AI is. Returns the number of node files written.
pub fn write_pack(dir: &Path, nodes: usize, seed: u64, words: &[String]) -> io::Result<usize> {
    let mut rng = Rng::new(seed);
    let nodes_dir = dir.join("nodes");
    std::fs::create_dir_all(&nodes_dir)?;
    let manifest = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content/framework.toml"
    ))?;
    let manifest = manifest
        .replace("id = \"caf-ai\"\nname", "id = \"synthetic\"\nname")
        .replace("root = \"caf-ai\"", "root = \"synthetic\"");
    std::fs::write(dir.join("framework.toml"), manifest)?;

    let nodes = nodes.max(20);
    let perspectives = (nodes / 400).clamp(3, 24);
    let stakeholders = (nodes / 40).max(4);
    let concepts = (nodes / 10).max(4);
    let capabilities = nodes - 1 - perspectives - stakeholders - concepts;
    let mut written = 0;
    let mut write = |name: &str, text: String| -> io::Result<()> {
        written += 1;
        std::fs::write(nodes_dir.join(format!("{name}.md")), text)
    };
    let src = "source = { section = \"Synthetic\", page = 1 }";
    write(
        "synthetic",
        format!("+++\nid = \"synthetic\"\nkind = \"framework\"\ntitle = \"Synthetic framework\"\ntagline = \"Generated for measurement.\"\n{src}\n+++\n\n{}\n", sentence(&mut rng, words, 40)),
    )?;
    for p in 0..perspectives {
        let body = (0..3)
            .map(|_| sentence(&mut rng, words, 25))
            .collect::<Vec<_>>()
            .join(" ");
        write(
            &format!("p{p}"),
            format!("+++\nid = \"p{p}\"\nkind = \"perspective\"\ntitle = \"Perspective {p}\"\ntagline = \"{}\"\nframework = \"synthetic\"\norder = {p}\nstakeholders = [\"s{}\"]\n{src}\n+++\n\n{body}\n", sentence(&mut rng, words, 6), p % stakeholders),
        )?;
    }
    for s in 0..stakeholders {
        write(
            &format!("s{s}"),
            format!("+++\nid = \"s{s}\"\nkind = \"stakeholder\"\ntitle = \"{} role {s}\"\ntagline = \"{}\"\n{src}\n+++\n\n{}\n", words[rng.below(words.len())], sentence(&mut rng, words, 6), sentence(&mut rng, words, 30)),
        )?;
    }
    for c in 0..concepts {
        write(
            &format!("k{c}"),
            format!("+++\nid = \"k{c}\"\nkind = \"concept\"\ntitle = \"{} {}\"\ntagline = \"{}\"\n{src}\n+++\n\n{}\n", words[rng.below(words.len())], words[rng.below(words.len())], sentence(&mut rng, words, 6), sentence(&mut rng, words, 40)),
        )?;
    }
    for i in 0..capabilities {
        let mut fm = String::new();
        let title = format!(
            "{} {} {i}",
            words[rng.below(words.len())],
            words[rng.below(words.len())]
        );
        writeln!(
            fm,
            "id = \"c{i}\"\nkind = \"capability\"\ntitle = \"{title}\""
        )
        .unwrap();
        writeln!(fm, "tagline = \"{}\"", sentence(&mut rng, words, 8)).unwrap();
        writeln!(
            fm,
            "perspective = \"p{}\"\nstatus = \"enriched\"\norder = {i}",
            i % perspectives
        )
        .unwrap();
        writeln!(fm, "stakeholders = [\"s{}\"]", rng.below(stakeholders)).unwrap();
        writeln!(
            fm,
            "concepts = [\"k{}\", \"k{}\"]",
            rng.below(concepts),
            rng.below(concepts)
        )
        .unwrap();
        if i > 0 {
            writeln!(fm, "references = [\"c{}\"]", rng.below(i)).unwrap();
        }
        let body: Vec<String> = (0..6).map(|_| sentence(&mut rng, words, 20)).collect();
        write(
            &format!("c{i}"),
            format!(
                "+++\n{fm}{src}\n+++\n\n{}\n\n## Key practices\n\n- {}\n- {}\n",
                body.join(" "),
                sentence(&mut rng, words, 10),
                sentence(&mut rng, words, 10)
            ),
        )?;
    }
    Ok(written)
}

/// Assesses every capability of the open pack for organisation `org` the way a finished
/// assessment reads: seeded scores and targets, priorities, owners, stages, notes with a private
/// remark, evidence, and one or two actions on each gap; every seventh capability is left
/// unassessed and every eleventh marked not applicable, so a report shows both. For benchmarks
/// and report tests, which then measure the real store and report, not a hand-built document.
pub fn assess_every_capability(
    atlas: &crate::Atlas,
    org: i64,
    seed: u64,
) -> Result<(), crate::AtlasError> {
    use crate::store::{
        Action, ActionStatus, Assessment, AssessmentPatch, Confidence, Evidence, Priority,
    };
    let fw = atlas.framework()?;
    let stakeholders: Vec<String> = fw
        .nodes_of_kind("stakeholder")
        .iter()
        .map(|n| n.id.clone())
        .collect();
    let stages: Vec<String> = fw
        .nodes_of_kind("stage")
        .iter()
        .map(|n| n.id.clone())
        .collect();
    let words = vocabulary(&fw);
    let mut rng = Rng::new(seed);
    let pick = |rng: &mut Rng, from: &[String]| -> Option<String> {
        (!from.is_empty()).then(|| from[rng.below(from.len())].clone())
    };
    for (i, cap) in fw.nodes_of_kind("capability").iter().enumerate() {
        if i % 7 == 6 {
            continue;
        }
        let assessment = if i % 11 == 10 {
            Assessment {
                not_applicable: Some(format!("Out of scope: {}", sentence(&mut rng, &words, 6))),
                ..Assessment::default()
            }
        } else {
            let current = rng.below(4) as u8;
            let target = (current + rng.below(3) as u8).min(5);
            let actions = (0..usize::from(target > current) * (1 + rng.below(2)))
                .map(|n| Action {
                    id: String::new(),
                    title: sentence(&mut rng, &words, 5),
                    owner: if n == 0 {
                        Some("Grace Hopper".into())
                    } else {
                        pick(&mut rng, &stakeholders)
                    },
                    due: Some(format!(
                        "2027-{:02}-{:02}",
                        1 + rng.below(12),
                        1 + rng.below(28)
                    )),
                    status: [ActionStatus::Open, ActionStatus::InProgress][rng.below(2)],
                    note: sentence(&mut rng, &words, 12),
                })
                .collect();
            Assessment {
                current: Some(current),
                target: Some(target),
                priority: Some(
                    [
                        Priority::Low,
                        Priority::Medium,
                        Priority::High,
                        Priority::Critical,
                    ][rng.below(4)],
                ),
                stage: pick(&mut rng, &stages),
                owner: pick(&mut rng, &stakeholders),
                notes: format!(
                    "{}\n\n- **{}**\n- {}",
                    sentence(&mut rng, &words, 14),
                    sentence(&mut rng, &words, 3),
                    sentence(&mut rng, &words, 8)
                ),
                evidence: vec![Evidence {
                    label: sentence(&mut rng, &words, 3),
                    url: format!("https://intranet.example/{}", cap.id),
                }],
                confidence: Some(
                    [Confidence::Low, Confidence::Medium, Confidence::High][rng.below(3)],
                ),
                actions,
                ..Assessment::default()
            }
        };
        atlas.save_assessment(org, &cap.id, AssessmentPatch::from(assessment))?;
    }
    Ok(())
}
