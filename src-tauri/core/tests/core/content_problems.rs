//! Each class of bad content is reported with its file and line, nothing is half-loaded, and
//! all problems come back at once.

use crate::support::{assert_problem, example_pack, repo_root, ScratchPack};
use atlas_core::ProblemKind::*;

#[test]
fn the_example_pack_loads_so_the_loader_is_not_caf_ai_specific() {
    let fw = atlas_core::load_dir(&example_pack()).expect("the kitchen example is valid");
    assert_eq!(fw.node_count(), 7);
    let owners: Vec<&str> = fw
        .links_to("wipe-down")
        .into_iter()
        .filter(|l| l.edge.kind == "owns")
        .map(|l| l.node.id.as_str())
        .collect();
    assert_eq!(
        owners,
        ["kitchen-steward"],
        "a reverse link field makes the edge run from the role"
    );
    let needs = fw
        .links_from("fridge-check")
        .into_iter()
        .find(|l| l.edge.kind == "depends_on")
        .unwrap();
    assert_eq!(
        needs.edge.source.section, "Stock",
        "a link entry can carry its own source"
    );
}

#[test]
fn the_pack_the_ui_tests_run_on_loads_with_what_the_dashboard_reads() {
    let fw = atlas_core::load_dir(&repo_root().join("content/examples/mini"))
        .expect("content/examples/mini is valid: the UI's test double is recorded on it");
    let ids = |kind| -> Vec<&str> {
        fw.nodes_of_kind(kind)
            .iter()
            .map(|n| n.id.as_str())
            .collect()
    };
    assert_eq!(
        ids("perspective"),
        ["alpha", "beta"],
        "the radar needs perspectives in order"
    );
    assert_eq!(ids("capability").len(), 5);
    assert_eq!(
        ids("stage"),
        ["envision", "align", "launch", "scale"],
        "the roadmap groups gaps by stage, in journey order"
    );
    assert_eq!(fw.tours().len(), 1, "the presenting tests walk its tour");
}

#[test]
fn malformed_frontmatter() {
    let pack = ScratchPack::new();
    pack.edit("nodes/stock.md", "order = 2", "order = ");
    assert_problem(
        &pack.problems(),
        MalformedFrontmatter,
        "nodes/stock.md",
        Some(7),
    );
}

#[test]
fn missing_frontmatter_fence() {
    let pack = ScratchPack::new();
    pack.write("nodes/loose.md", "# Just a heading\n");
    assert_problem(
        &pack.problems(),
        MalformedFrontmatter,
        "nodes/loose.md",
        Some(1),
    );
}

#[test]
fn unknown_kind() {
    let pack = ScratchPack::new();
    pack.edit("nodes/stock.md", "kind = \"area\"", "kind = \"aera\"");
    assert_problem(&pack.problems(), UnknownKind, "nodes/stock.md", Some(3));
}

#[test]
fn unknown_field() {
    let pack = ScratchPack::new();
    pack.edit("nodes/stock.md", "order = 2", "order = 2\ncolour = \"red\"");
    assert_problem(&pack.problems(), UnknownField, "nodes/stock.md", Some(8));
}

#[test]
fn missing_required_field() {
    let pack = ScratchPack::new();
    pack.edit(
        "nodes/stock.md",
        "tagline = \"Knowing what is in the cupboards.\"\n",
        "",
    );
    let problems = pack.problems();
    assert_problem(&problems, MissingField, "nodes/stock.md", Some(2));
    assert!(
        problems.iter().any(|p| p.message.contains("`tagline`")),
        "the message names the field"
    );
}

#[test]
fn missing_required_link() {
    let pack = ScratchPack::new();
    pack.edit("nodes/stock-list.md", "area = \"stock\"\n", "");
    let problems = pack.problems();
    assert!(
        problems.iter().any(|p| p.kind == MissingField
            && p.file == "nodes/stock-list.md"
            && p.message.contains("`area`")),
        "{problems:?}"
    );
}

#[test]
fn duplicate_id() {
    let pack = ScratchPack::new();
    pack.write(
        "nodes/z-copy.md",
        std::fs::read_to_string(example_pack().join("nodes/stock.md")).unwrap(),
    );
    let problems = pack.problems();
    assert_problem(&problems, DuplicateId, "nodes/z-copy.md", Some(2));
    assert!(
        problems[0].message.contains("nodes/stock.md"),
        "the message names the first holder of the id"
    );
}

#[test]
fn link_to_a_missing_id_suggests_the_near_miss() {
    let pack = ScratchPack::new();
    pack.edit(
        "nodes/wipe-down.md",
        "owners = [\"kitchen-steward\"]",
        "owners = [\"kitchen-stewart\"]",
    );
    let problems = pack.problems();
    assert_problem(&problems, MissingTarget, "nodes/wipe-down.md", Some(7));
    assert!(
        problems[0]
            .message
            .contains("did you mean `kitchen-steward`"),
        "{}",
        problems[0]
    );
}

#[test]
fn link_of_the_wrong_kind() {
    let pack = ScratchPack::new();
    // A practice whose area is a role, like a capability whose perspective is a stakeholder.
    pack.edit(
        "nodes/stock-list.md",
        "area = \"stock\"",
        "area = \"kitchen-steward\"",
    );
    assert_problem(&pack.problems(), WrongKind, "nodes/stock-list.md", Some(6));
}

#[test]
fn link_field_on_the_wrong_kind_of_node() {
    let pack = ScratchPack::new();
    pack.edit(
        "nodes/stock.md",
        "order = 2",
        "order = 2\nneeds = [\"wipe-down\"]",
    );
    assert_problem(&pack.problems(), WrongKind, "nodes/stock.md", Some(8));
}

#[test]
fn unreachable_node() {
    let pack = ScratchPack::new();
    pack.write(
        "nodes/island.md",
        "+++\nid = \"island\"\nkind = \"role\"\ntitle = \"Island\"\ntagline = \"Nobody links here.\"\nsource = { section = \"Roles\", page = 4 }\n+++\n",
    );
    assert_problem(&pack.problems(), Unreachable, "nodes/island.md", Some(2));
}

#[test]
fn invalid_utf8() {
    let pack = ScratchPack::new();
    pack.write(
        "nodes/bad.md",
        b"+++\nid = \"bad\"\ntitle = \"caf\xe9\"\n+++\n",
    );
    assert_problem(&pack.problems(), InvalidUtf8, "nodes/bad.md", Some(3));
}

#[test]
fn file_over_the_size_limit() {
    let pack = ScratchPack::new();
    let mut big = String::from("+++\nid = \"big\"\n+++\n");
    big.push_str(&"x".repeat(atlas_core::content::MAX_FILE_BYTES + 1));
    pack.write("nodes/big.md", big);
    assert_problem(&pack.problems(), TooLarge, "nodes/big.md", None);
}

#[cfg(unix)]
#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let pack = ScratchPack::new();
    let path = pack.path().join("nodes/stock.md");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        // Running as root reads anything; a folder in place of a file is unreadable to all.
        std::fs::remove_file(&path).unwrap();
        std::fs::create_dir(pack.path().join("nodes/stock.md")).unwrap();
        std::fs::write(pack.path().join("nodes/stock.md/inner.txt"), "x").unwrap();
        pack.write("nodes/unreadable.md", "");
        let _ = std::fs::remove_file(pack.path().join("nodes/unreadable.md"));
        // A dangling symlink cannot be read by anyone.
        std::os::unix::fs::symlink(
            pack.path().join("nowhere"),
            pack.path().join("nodes/ghost.md"),
        )
        .unwrap();
        assert_problem(&pack.problems(), Unreadable, "nodes/ghost.md", None);
    } else {
        assert_problem(&pack.problems(), Unreadable, "nodes/stock.md", None);
    }
}

#[test]
fn bad_manifest() {
    let pack = ScratchPack::new();
    pack.edit(
        "framework.toml",
        "root = \"kitchen\"",
        "root = \"kitchen\"\nflavour = \"sweet\"",
    );
    let problems = pack.problems();
    assert_problem(&problems, BadManifest, "framework.toml", Some(11));
}

#[test]
fn every_problem_is_reported_at_once_and_nothing_is_loaded() {
    let pack = ScratchPack::new();
    pack.edit("nodes/stock.md", "kind = \"area\"", "kind = \"aera\"");
    pack.edit(
        "nodes/wipe-down.md",
        "owners = [\"kitchen-steward\"]",
        "owners = [\"nobody\"]",
    );
    pack.edit("nodes/hygiene.md", "order = 1", "order = \"first\"");
    let problems = pack.problems();
    let files: std::collections::BTreeSet<&str> =
        problems.iter().map(|p| p.file.as_str()).collect();
    assert_eq!(
        files.len(),
        3,
        "three broken files, three reports: {problems:?}"
    );
    assert_eq!(
        problems.len(),
        3,
        "a broken node does not cascade into its neighbours: {problems:?}"
    );
}

/// A short smoke run of the fuzz target's body: mutated node files never make the loader
/// panic or let a script through. The long run is `cargo fuzz run load_node`.
#[test]
fn fuzz_smoke_mutated_node_files_never_panic() {
    let seeds: Vec<Vec<u8>> = std::fs::read_dir(example_pack().join("nodes"))
        .unwrap()
        .flatten()
        .map(|e| std::fs::read(e.path()).unwrap())
        .chain([
            b"+++\nid = \"x\"\n+++\n<script>alert(1)</script>[a](javascript:x)".to_vec(),
            b"+++\n+++\n+++".to_vec(),
            vec![0xff, 0xfe, b'+', b'+', b'+'],
        ])
        .collect();
    let mut rng = atlas_core::synthetic::Rng::new(42);
    for round in 0..3000 {
        let mut data = seeds[round % seeds.len()].clone();
        for _ in 0..=rng.below(6) {
            let len = data.len();
            let at = rng.below(len.max(1));
            match rng.below(4) {
                0 if len > 0 => data[at] = rng.below(256) as u8,
                1 => data.insert(at.min(len), b"+=\"[]{}\n<>#*`"[rng.below(13)]),
                2 if len > 0 => {
                    data.remove(at);
                }
                _ => data.truncate(at),
            }
        }
        atlas_core::content::fuzz_one(&data);
    }
}

#[test]
fn a_tour_naming_a_missing_node_or_a_bad_depth_is_located() {
    let pack = ScratchPack::new();
    pack.write(
        "tours/walk.toml",
        "id = \"walk\"\ntitle = \"Walk\"\n\n[[steps]]\nnode = \"kitchen\"\n\n[[steps]]\nnode = \"stok\"\ndepth = 9\n",
    );
    let problems = pack.problems();
    assert_problem(&problems, BadTour, "tours/walk.toml", Some(8));
    let messages: Vec<String> = problems.iter().map(|p| p.message.clone()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("steps[2].node") && m.contains("`stock`")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("depth 9")),
        "{messages:?}"
    );
}

#[test]
fn a_tour_must_be_valid_toml_and_named_after_its_file() {
    let pack = ScratchPack::new();
    pack.write("tours/broken.toml", "id = \"broken\"\ntitle = \n");
    pack.write(
        "tours/other.toml",
        "id = \"elsewhere\"\ntitle = \"Other\"\n[[steps]]\nnode = \"kitchen\"\n",
    );
    let problems = pack.problems();
    assert_problem(&problems, BadTour, "tours/broken.toml", Some(2));
    assert_problem(&problems, BadTour, "tours/other.toml", None);
}

#[test]
fn a_valid_tour_loads_with_the_pack() {
    let pack = ScratchPack::new();
    pack.write(
        "tours/walk.toml",
        "id = \"walk\"\ntitle = \"Walk\"\n[[steps]]\nnode = \"kitchen\"\nview = \"map\"\n",
    );
    let fw = pack.load().expect("the pack with a tour loads");
    assert_eq!(fw.tours().len(), 1);
    assert_eq!(fw.tours()[0].steps[0].node, "kitchen");
}
