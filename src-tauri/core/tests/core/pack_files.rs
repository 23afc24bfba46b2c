//! Reading a pack folder is bounded whatever the folder holds: links that loop, links out of
//! the pack, pipes, devices and runaway nesting are each refused with a problem naming the
//! file, and the load finishes promptly instead of hanging.

#![cfg(unix)]

use crate::support::{assert_problem, finishes_within, ScratchPack};
use atlas_core::{Problem, ProblemKind::*};
use std::os::unix::fs::symlink;
use std::time::Duration;

/// Loads the pack on a thread that must finish within a few seconds; returns its problems.
fn problems_within_bound(pack: ScratchPack, what: &str) -> Vec<Problem> {
    finishes_within(Duration::from_secs(5), what, move || pack.problems())
}

fn message_for<'a>(problems: &'a [Problem], file: &str) -> &'a str {
    problems
        .iter()
        .find(|p| p.file == file)
        .map(|p| p.message.as_str())
        .unwrap_or_else(|| panic!("a problem must name {file}: {problems:?}"))
}

#[test]
fn symlink_loops_load_in_bounded_time_and_are_named() {
    let pack = ScratchPack::new();
    let nodes = pack.path().join("nodes");
    symlink(&nodes, nodes.join("again")).unwrap();
    symlink(nodes.join("b.md"), nodes.join("a.md")).unwrap();
    symlink(nodes.join("a.md"), nodes.join("b.md")).unwrap();
    let problems = problems_within_bound(pack, "loading a pack with two symlink loops");
    assert_problem(&problems, Unreadable, "nodes/again", None);
    assert_problem(&problems, Unreadable, "nodes/a.md", None);
    assert_problem(&problems, Unreadable, "nodes/b.md", None);
    assert!(
        message_for(&problems, "nodes/again").contains("already read"),
        "the author learns the folder link leads back into the pack"
    );
}

#[test]
fn a_symlink_to_a_file_outside_the_pack_is_not_read() {
    let pack = ScratchPack::new();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.md");
    std::fs::write(
        &secret,
        std::fs::read_to_string(pack.path().join("nodes/stock.md"))
            .unwrap()
            .replace("id = \"stock\"", "id = \"secret\""),
    )
    .unwrap();
    symlink(&secret, pack.path().join("nodes/secret.md")).unwrap();
    let problems = problems_within_bound(pack, "loading a pack linking outside itself");
    assert_problem(&problems, Unreadable, "nodes/secret.md", None);
    assert!(
        message_for(&problems, "nodes/secret.md").contains("outside the pack folder"),
        "the author learns why the file was not read"
    );
}

#[test]
fn a_fifo_is_refused_without_waiting_for_a_writer() {
    let pack = ScratchPack::new();
    let status = std::process::Command::new("mkfifo")
        .arg(pack.path().join("nodes/pipe.md"))
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "the test needs a FIFO");
    let problems = problems_within_bound(pack, "loading a pack holding a FIFO");
    assert_problem(&problems, Unreadable, "nodes/pipe.md", None);
    assert!(message_for(&problems, "nodes/pipe.md").contains("not a regular file"));
}

#[test]
fn a_symlink_to_dev_zero_is_not_read() {
    let pack = ScratchPack::new();
    symlink("/dev/zero", pack.path().join("nodes/zero.md")).unwrap();
    std::fs::remove_file(pack.path().join("framework.toml")).unwrap();
    symlink("/dev/zero", pack.path().join("framework.toml")).unwrap();
    let problems = problems_within_bound(pack, "loading a pack linking to /dev/zero");
    assert_problem(&problems, Unreadable, "nodes/zero.md", None);
    assert_problem(&problems, Unreadable, "framework.toml", None);
}

#[test]
fn a_link_inside_the_pack_to_a_fifo_inside_it_is_not_opened() {
    let pack = ScratchPack::new();
    let status = std::process::Command::new("mkfifo")
        .arg(pack.path().join("nodes/fifo-target"))
        .status()
        .unwrap();
    assert!(status.success());
    symlink("fifo-target", pack.path().join("nodes/inside.md")).unwrap();
    let problems = problems_within_bound(pack, "loading a pack linking to its own FIFO");
    assert_problem(&problems, Unreadable, "nodes/inside.md", None);
}

#[test]
fn a_too_deep_tree_is_refused_at_the_limit() {
    let pack = ScratchPack::new();
    let mut dir = pack.path().join("nodes");
    for _ in 0..200 {
        dir.push("d");
    }
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("deep.md"), "+++\n+++\n").unwrap();
    let problems = problems_within_bound(pack, "loading a 200-folder-deep pack");
    let deepest = format!(
        "nodes/{}",
        vec!["d"; atlas_core::limits::PACK_FOLDER_DEPTH + 1].join("/")
    );
    assert_problem(&problems, TooLarge, &deepest, None);
    assert!(
        !problems.iter().any(|p| p.file.ends_with("deep.md")),
        "nothing below the limit is read"
    );
}

#[test]
fn a_symlinked_folder_inside_the_pack_is_still_read() {
    let pack = ScratchPack::new();
    std::fs::create_dir(pack.path().join("shared")).unwrap();
    std::fs::rename(
        pack.path().join("nodes/stock.md"),
        pack.path().join("shared/stock.md"),
    )
    .unwrap();
    symlink("../shared", pack.path().join("nodes/shared")).unwrap();
    let fw = pack
        .load()
        .expect("a link to a folder inside the pack is honest and followed");
    assert!(fw.contains("stock"), "the linked node is loaded");
}
