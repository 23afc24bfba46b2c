//! Loading a content pack into a validated `Framework`.
//!
//! Loading is all or nothing: every file is checked, every problem is collected, and a graph
//! is returned only when there are none. A half-loaded framework would show a user a graph
//! with silent holes in it, which is worse than a clear list of what to fix.

mod files;
mod frontmatter;
mod manifest;
mod node;
mod problem;

pub use files::MAX_FILE_BYTES;
pub use problem::{LoadReport, Problem, ProblemKind};

use crate::graph::Framework;
use crate::model::{Edge, Manifest, Node, SourceRef};
use crate::tours::{Tour, TourProblem};
use files::PackFile;
use node::{LinkEntry, Parsed, RawNode};
use std::collections::HashMap;
use std::path::Path;

/// Loads the CAF-AI pack built into the binary.
pub fn load_builtin() -> Result<Framework, LoadReport> {
    load_files(files::builtin_files(), Vec::new())
}

/// Loads the companion packs built into the binary (the NIST AI RMF), each named by its
/// folder. Validated like any other pack; a build whose content is broken fails the tests.
pub fn load_companions() -> Vec<(&'static str, Result<Framework, LoadReport>)> {
    files::companion_files()
        .into_iter()
        .map(|(folder, files)| (folder, load_files(files, Vec::new())))
        .collect()
}

/// The mappings between packs built into the binary: (file name, bytes).
pub fn builtin_mappings() -> &'static [(&'static str, &'static [u8])] {
    files::builtin_mappings()
}

/// Loads the pack in `root` (a folder holding `framework.toml` and `nodes/`).
pub fn load_dir(root: &Path) -> Result<Framework, LoadReport> {
    let mut problems = Vec::new();
    let files = files::read_dir(root, &mut problems);
    load_files(files, problems)
}

/// Loads a pack whose files are already in memory: (path relative to the pack root, bytes).
/// The same checks apply as on disk; the fuzz target and tests use it.
pub fn load_memory(files: Vec<(String, Vec<u8>)>) -> Result<Framework, LoadReport> {
    let mut files: Vec<PackFile> = files
        .into_iter()
        .map(|(path, bytes)| PackFile { path, bytes })
        .collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    load_files(files, Vec::new())
}

fn load_files(files: Vec<PackFile>, mut problems: Vec<Problem>) -> Result<Framework, LoadReport> {
    let mut texts: Vec<(&str, &str)> = Vec::new();
    for file in &files {
        if file.bytes.len() > MAX_FILE_BYTES {
            problems.push(Problem::new(
                ProblemKind::TooLarge,
                &file.path,
                None,
                format!(
                    "the file is {} bytes; the limit is {MAX_FILE_BYTES} bytes",
                    file.bytes.len()
                ),
            ));
            continue;
        }
        match std::str::from_utf8(&file.bytes) {
            Ok(text) => texts.push((&file.path, text)),
            Err(e) => {
                let line = file.bytes[..e.valid_up_to()]
                    .iter()
                    .filter(|b| **b == b'\n')
                    .count()
                    + 1;
                problems.push(Problem::new(
                    ProblemKind::InvalidUtf8,
                    &file.path,
                    Some(line),
                    format!(
                        "the file is not valid UTF-8 (bad byte at offset {})",
                        e.valid_up_to()
                    ),
                ));
            }
        }
    }

    let manifest_text = texts.iter().find(|(p, _)| *p == "framework.toml");
    let manifest = match manifest_text {
        Some((_, text)) => manifest::parse(text, &mut problems),
        None => {
            if !problems.iter().any(|p| p.file == "framework.toml") {
                problems.push(Problem::new(
                    ProblemKind::BadManifest,
                    "framework.toml",
                    None,
                    "the pack has no framework.toml manifest".into(),
                ));
            }
            None
        }
    };
    let Some(manifest) = manifest else {
        return Err(LoadReport { problems });
    };

    let mut raw: Vec<RawNode> = Vec::new();
    let mut broken: HashMap<String, Option<String>> = HashMap::new();
    for (path, text) in texts.iter().filter(|(p, _)| p.ends_with(".md")) {
        match node::parse(path, text, &manifest, &mut problems) {
            Parsed::Valid(r) => raw.push(*r),
            Parsed::Broken { id: Some(id), kind } => {
                broken.insert(id, kind);
            }
            Parsed::Broken { id: None, .. } => {}
        }
    }

    let mut framework = assemble(manifest, raw, &broken, &mut problems);
    let tours = texts
        .iter()
        .filter(|(p, _)| p.starts_with("tours/") && p.ends_with(".toml"))
        .filter_map(|(path, text)| tour(path, text, &framework, &mut problems))
        .collect();
    framework.set_tours(tours);
    if problems.is_empty() {
        Ok(framework)
    } else {
        Err(LoadReport { problems })
    }
}

/// Parses and checks one built-in tour; its id must match its file name so that a tour is
/// found where its id says.
fn tour(path: &str, text: &str, fw: &Framework, problems: &mut Vec<Problem>) -> Option<Tour> {
    let mut report = |p: TourProblem| {
        let message = if p.field.is_empty() {
            p.message
        } else {
            format!("{}: {}", p.field, p.message)
        };
        problems.push(Problem::new(ProblemKind::BadTour, path, p.line, message));
    };
    let tour = match Tour::parse(text) {
        Ok(t) => t,
        Err(p) => {
            report(p);
            return None;
        }
    };
    let stem = path
        .rsplit('/')
        .next()
        .and_then(|f| f.strip_suffix(".toml"))
        .unwrap_or_default();
    let lines = crate::tours::NodeLines::new(text);
    let mut found = tour.problems(fw, &|id| lines.line_of(id));
    if tour.id != stem {
        found.push(TourProblem {
            field: "id".into(),
            line: None,
            message: format!(
                "the id `{}` should match the file name `{}`",
                crate::limits::echo(&tour.id),
                crate::limits::echo(stem)
            ),
        });
    }
    let ok = found.is_empty();
    found.into_iter().for_each(&mut report);
    ok.then_some(tour)
}

/// Builds the graph from parsed nodes, checking ids, link targets and reachability.
fn assemble(
    manifest: Manifest,
    raw: Vec<RawNode>,
    broken: &HashMap<String, Option<String>>,
    problems: &mut Vec<Problem>,
) -> Framework {
    let mut first_seen: HashMap<String, String> = HashMap::new();
    let mut nodes: Vec<RawNode> = Vec::with_capacity(raw.len());
    for r in raw {
        if let Some(other) = first_seen.get(&r.node.id) {
            problems.push(Problem::new(
                ProblemKind::DuplicateId,
                &r.node.file,
                r.id_line,
                format!(
                    "the id `{}` is already used by {other}",
                    crate::limits::echo(&r.node.id)
                ),
            ));
            continue;
        }
        first_seen.insert(r.node.id.clone(), r.node.file.clone());
        nodes.push(r);
    }

    let kinds: HashMap<String, String> = nodes
        .iter()
        .map(|r| (r.node.id.clone(), r.node.kind.clone()))
        .collect();

    let mut edges: Vec<(String, String, Edge)> = Vec::new();
    for r in &nodes {
        for link in &r.links {
            // A link to a node whose own file is broken was already explained by that file's
            // problem; checking it further would only repeat the same fault.
            if let Some(kind) = broken.get(&link.to) {
                if let Some(kind) = kind {
                    let mut known = HashMap::new();
                    known.insert(link.to.clone(), kind.clone());
                    check_link(&manifest, r, link, &known, problems, &mut Vec::new());
                }
                continue;
            }
            check_link(&manifest, r, link, &kinds, problems, &mut edges);
        }
    }

    let node_list: Vec<(Node, Option<usize>)> =
        nodes.into_iter().map(|r| (r.node, r.id_line)).collect();
    let framework = Framework::build(manifest, node_list.iter().map(|(n, _)| n.clone()), edges);

    if !framework.contains(&framework.manifest().root) {
        problems.push(Problem::new(
            ProblemKind::BadManifest,
            "framework.toml",
            None,
            format!(
                "`root` names `{}`, but no node has that id",
                framework.manifest().root
            ),
        ));
    } else if problems.is_empty() {
        for id in framework.unreachable_from_root() {
            let (node, line) = node_list
                .iter()
                .find(|(n, _)| n.id == id)
                .expect("unreachable ids come from the node list");
            problems.push(Problem::new(
                ProblemKind::Unreachable,
                &node.file,
                *line,
                format!(
                    "`{id}` is not connected to the framework: no link leads to it from `{}` or the nodes linked to it",
                    framework.manifest().root
                ),
            ));
        }
    }
    framework
}

fn check_link(
    manifest: &Manifest,
    r: &RawNode,
    link: &LinkEntry,
    kinds: &HashMap<String, String>,
    problems: &mut Vec<Problem>,
    edges: &mut Vec<(String, String, Edge)>,
) {
    let def = manifest
        .link(&link.field)
        .expect("link entries are only made for declared link fields");
    let Some(target_kind) = kinds.get(&link.to) else {
        let hint = crate::suggest::closest(&link.to, kinds.keys())
            .map(|c| format!("; did you mean `{c}`?"))
            .unwrap_or_default();
        problems.push(Problem::new(
            ProblemKind::MissingTarget,
            &r.node.file,
            link.line,
            format!(
                "`{}` links to `{}`, but no node has that id{hint}",
                link.field,
                crate::limits::echo(&link.to)
            ),
        ));
        return;
    };
    if !def.to.iter().any(|k| k == target_kind) {
        problems.push(Problem::new(
            ProblemKind::WrongKind,
            &r.node.file,
            link.line,
            format!(
                "`{}` must point at a {}, but `{}` is a {target_kind}",
                link.field,
                def.to.join(" or "),
                crate::limits::echo(&link.to)
            ),
        ));
        return;
    }
    let source: SourceRef = link.source.clone().unwrap_or_else(|| r.node.source.clone());
    let edge = Edge {
        kind: def.edge.clone(),
        source,
    };
    let (from, to) = if def.reverse {
        (link.to.clone(), r.node.id.clone())
    } else {
        (r.node.id.clone(), link.to.clone())
    };
    edges.push((from, to, edge));
}

/// One fuzzing round: `data` becomes a node file in a small valid pack, the pack is loaded,
/// and every loaded node is rendered. Panics only when an invariant breaks (a script survives
/// rendering). Shared by the cargo-fuzz target and the smoke test in the test suite.
#[doc(hidden)]
pub fn fuzz_one(data: &[u8]) {
    const MANIFEST: &str = include_str!("../../../../content/examples/kitchen/framework.toml");
    const ROOT: &str = include_str!("../../../../content/examples/kitchen/nodes/kitchen.md");
    let files = vec![
        ("framework.toml".to_string(), MANIFEST.as_bytes().to_vec()),
        ("nodes/kitchen.md".to_string(), ROOT.as_bytes().to_vec()),
        ("nodes/fuzz.md".to_string(), data.to_vec()),
    ];
    if let Ok(fw) = load_memory(files) {
        for node in fw.nodes() {
            let html = crate::markdown::render(&node.body).to_lowercase();
            assert!(!html.contains("<script"), "a script survived rendering");
            assert!(
                !html.contains("javascript:"),
                "a javascript: URL survived rendering"
            );
        }
    }
    // Markdown rendering on its own, for inputs that are not valid frontmatter.
    let html = crate::markdown::render(&String::from_utf8_lossy(data)).to_lowercase();
    assert!(!html.contains("<script"), "a script survived rendering");
}
