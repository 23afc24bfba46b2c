//! Opening another framework pack while the app runs, and the orphan review: a pack is in
//! effect whole or not at all, a reader keeps the pack it started with, the folder is
//! remembered, and an assessment the new pack has no capability for is never dropped — it is
//! mapped (every field moves, as one undoable change) or kept archived.

use crate::support::repo_root;
use atlas_core::search::SearchOptions;
use atlas_core::store::{
    Action, ActionStatus, Assessment, Confidence, Evidence, OrphanDecision, Priority,
};
use atlas_core::Atlas;
use std::path::{Path, PathBuf};

fn mini() -> PathBuf {
    repo_root().join("content/examples/mini")
}

/// A copy of the mini pack in a temporary folder.
fn copy_of_mini() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&mini(), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn edit(pack: &Path, rel: &str, from: &str, to: &str) {
    let p = pack.join(rel);
    let text = std::fs::read_to_string(&p).unwrap();
    assert!(
        text.contains(from),
        "{rel} must contain {from:?} to edit it"
    );
    std::fs::write(p, text.replacen(from, to, 1)).unwrap();
}

/// The mini pack with capability `a-two` renamed `alpha-two` (same title), links included.
fn renamed_pack() -> tempfile::TempDir {
    let pack = copy_of_mini();
    edit(
        pack.path(),
        "nodes/a-two.md",
        "id = \"a-two\"",
        "id = \"alpha-two\"",
    );
    edit(pack.path(), "nodes/aide.md", "\"a-two\"", "\"alpha-two\"");
    edit(
        pack.path(),
        "framework.toml",
        "version = \"1\"",
        "version = \"2\"",
    );
    pack
}

fn open_on_mini(data: &Path) -> Atlas {
    let atlas = Atlas::open(atlas_core::load_dir(&mini()), data, "Tester");
    atlas.build_search();
    atlas
}

/// Every field set, two actions among them.
fn full_assessment() -> Assessment {
    let action = |id: &str, title: &str| Action {
        id: id.into(),
        title: title.into(),
        owner: Some("boss".into()),
        due: Some("2027-03-01".into()),
        status: ActionStatus::InProgress,
        note: "Ask the board.".into(),
    };
    Assessment {
        current: Some(2),
        target: Some(4),
        priority: Some(Priority::High),
        stage: Some("align".into()),
        owner: Some("aide".into()),
        not_applicable: None,
        notes: "Quarterly zeppelin review.".into(),
        evidence: vec![Evidence {
            label: "Policy".into(),
            url: "https://example.com/policy".into(),
        }],
        tags: vec!["risk".into()],
        confidence: Some(Confidence::Medium),
        actions: vec![
            action("1", "Write the policy"),
            action("2", "Train the team"),
        ],
    }
}

#[test]
fn a_broken_pack_changes_nothing_and_answers_every_problem_with_file_and_line() {
    let data = tempfile::tempdir().unwrap();
    let atlas = open_on_mini(data.path());
    let broken = copy_of_mini();
    edit(
        broken.path(),
        "nodes/a-two.md",
        "kind = \"capability\"",
        "kind = \"capabilty\"",
    );
    edit(
        broken.path(),
        "nodes/b-one.md",
        "+++\n",
        "+++\nnonsense = [\n",
    );

    let report = atlas.open_pack(broken.path()).unwrap_err();
    let files: Vec<(&str, Option<usize>)> = report
        .problems
        .iter()
        .map(|p| (p.file.as_str(), p.line))
        .collect();
    assert!(
        files
            .iter()
            .any(|(f, l)| *f == "nodes/a-two.md" && l.is_some())
            && files.iter().any(|(f, _)| *f == "nodes/b-one.md"),
        "every problem must be answered with its file and line, not just the first: {files:?}"
    );
    let fw = atlas.framework().unwrap();
    assert!(
        fw.node("a-two").is_some_and(|n| n.kind == "capability"),
        "the pack in effect must stay whole after a broken one was refused"
    );
    assert!(
        atlas.pack_status().dir.is_none(),
        "a refused folder must not become the pack's origin"
    );
    assert!(
        atlas_core::preferences::Preferences::load(data.path())
            .unwrap()
            .pack_dir
            .is_none(),
        "a refused folder must not be remembered for the next start"
    );
}

#[test]
fn an_opened_pack_is_in_effect_with_its_search_index_rebuilt() {
    let data = tempfile::tempdir().unwrap();
    let atlas = open_on_mini(data.path());
    let pack = renamed_pack();
    let status = atlas
        .open_pack(pack.path())
        .expect("the renamed pack loads");
    assert_eq!(status.version, "2");
    assert!(atlas.framework().unwrap().node("alpha-two").is_some());
    assert!(
        atlas.node("a-two").is_err(),
        "the old id must be gone from the reader"
    );
    let hits = atlas
        .search("Alpha two", &SearchOptions::default())
        .expect("search must be ready again once the pack is open");
    assert!(
        hits.iter().any(|h| h.id == "alpha-two") && !hits.iter().any(|h| h.id == "a-two"),
        "search must find the new pack's ids and never the old one's: {:?}",
        hits.iter().map(|h| &h.id).collect::<Vec<_>>()
    );
}

#[test]
fn a_reader_keeps_the_framework_it_started_with_while_another_pack_opens() {
    let data = tempfile::tempdir().unwrap();
    let atlas = open_on_mini(data.path());
    let before = atlas.framework().unwrap();
    let pack = renamed_pack();
    atlas.open_pack(pack.path()).unwrap();
    assert!(
        before.node("a-two").is_some() && before.node("alpha-two").is_none(),
        "a framework handed out before the swap must not change under its reader"
    );
    assert!(atlas.framework().unwrap().node("alpha-two").is_some());
}

#[test]
fn the_opened_folder_is_remembered_and_one_that_no_longer_loads_falls_back_with_a_notice() {
    let data = tempfile::tempdir().unwrap();
    let pack = renamed_pack();
    {
        let atlas = open_on_mini(data.path());
        atlas.open_pack(pack.path()).unwrap();
    }
    let next = Atlas::open_remembered(atlas_core::load_builtin, data.path(), "Tester");
    assert!(
        next.framework().unwrap().node("alpha-two").is_some(),
        "the next start must open the folder opened last"
    );
    assert!(next.pack_status().dir.is_some() && next.pack_status().notice.is_none());
    drop(next);

    edit(
        pack.path(),
        "nodes/b-one.md",
        "+++\n",
        "+++\nnonsense = [\n",
    );
    let fallback = Atlas::open_remembered(atlas_core::load_builtin, data.path(), "Tester");
    let status = fallback.pack_status();
    let notice = status
        .notice
        .expect("a remembered pack that fails must be said");
    assert!(
        notice.contains("could not be loaded") && notice.contains("nodes/b-one.md"),
        "the notice must say why, naming the file: {notice}"
    );
    assert_eq!(
        fallback.framework().unwrap().manifest().id,
        atlas_core::load_builtin().unwrap().manifest().id,
        "the app must still start, on the built-in pack"
    );
}

#[test]
fn a_mapped_orphan_moves_every_field_and_action_in_one_undoable_change() {
    let data = tempfile::tempdir().unwrap();
    let atlas = open_on_mini(data.path());
    let org = atlas.create_organisation("Acme").unwrap().id;
    let assessed = atlas
        .save_assessment(org, "a-two", full_assessment())
        .unwrap();
    let pack = renamed_pack();
    atlas.open_pack(pack.path()).unwrap();

    let review = atlas.orphan_review(org).unwrap();
    assert_eq!((review.reviewed, review.total), (0, 1));
    let orphan = &review.orphans[0];
    assert_eq!(orphan.capability, "a-two");
    assert_eq!(
        orphan.title.as_deref(),
        Some("Alpha two"),
        "the old title is known from the pack it replaced"
    );
    assert_eq!(
        orphan.assessment, assessed,
        "the orphan's assessment is kept whole until reviewed"
    );
    assert_eq!(
        (
            orphan.candidates[0].id.as_str(),
            orphan.candidates[0].reason.as_str()
        ),
        ("alpha-two", "same title"),
        "the renamed capability must be the first candidate: {:?}",
        orphan.candidates
    );
    assert!(orphan.candidates.len() <= 3);

    let changes_before = atlas.history(org, None).unwrap().len();
    let review = atlas.map_orphan(org, "a-two", "alpha-two").unwrap();
    assert_eq!((review.reviewed, review.total), (1, 1), "Reviewed 1 of 1");
    assert_eq!(
        review.orphans[0].decision,
        Some(OrphanDecision::Mapped {
            target: "alpha-two".into()
        })
    );
    assert_eq!(
        atlas.assessment(org, "alpha-two").unwrap(),
        assessed,
        "every field, actions included, must arrive on the target"
    );
    let all = atlas.assessments(org).unwrap();
    assert!(
        !all.contains_key("a-two"),
        "the orphan must not be left behind twice"
    );
    let history = atlas.history(org, None).unwrap();
    let sets: std::collections::BTreeSet<i64> = history[changes_before..]
        .iter()
        .map(|e| e.change_set)
        .collect();
    assert_eq!(sets.len(), 1, "a mapping is one change in the history");
    assert!(history[changes_before..]
        .iter()
        .any(|e| e.capability == "alpha-two" && e.field == "actions"));
    let found = atlas.search("zeppelin", &SearchOptions::default()).unwrap();
    assert!(
        found.iter().any(|h| h.id == "alpha-two" && h.org.is_some()),
        "notes are found on the target"
    );

    atlas
        .undo(org)
        .expect("a mapping is undone like any change");
    assert_eq!(
        atlas.assessment(org, "a-two").unwrap(),
        assessed,
        "undo brings the orphan back whole"
    );
    assert!(atlas.assessment(org, "alpha-two").unwrap().is_empty());
    let review = atlas.orphan_review(org).unwrap();
    assert_eq!(
        (review.reviewed, review.total),
        (0, 1),
        "an undone mapping is to be reviewed again"
    );
}

#[test]
fn mapping_onto_an_assessed_capability_is_refused_naming_both_and_changes_nothing() {
    let data = tempfile::tempdir().unwrap();
    let atlas = open_on_mini(data.path());
    let org = atlas.create_organisation("Acme").unwrap().id;
    let orphan = atlas
        .save_assessment(org, "a-two", full_assessment())
        .unwrap();
    let taken = atlas
        .save_assessment(
            org,
            "a-one",
            Assessment {
                current: Some(1),
                ..Assessment::default()
            },
        )
        .unwrap();
    let pack = renamed_pack();
    atlas.open_pack(pack.path()).unwrap();

    let e = atlas
        .map_orphan(org, "a-two", "a-one")
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("`a-two`") && e.contains("`a-one`") && e.contains("already has an assessment"),
        "{e}"
    );
    assert_eq!(atlas.assessment(org, "a-two").unwrap(), orphan);
    assert_eq!(atlas.assessment(org, "a-one").unwrap(), taken);
    assert_eq!(atlas.orphan_review(org).unwrap().reviewed, 0);
    let e = atlas
        .map_orphan(org, "a-two", "alpha")
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("alpha"),
        "a target that is not a capability is refused by name: {e}"
    );
}

#[test]
fn an_archived_orphan_is_kept_counted_and_still_exported() {
    let data = tempfile::tempdir().unwrap();
    let atlas = open_on_mini(data.path());
    let org = atlas.create_organisation("Acme").unwrap().id;
    atlas
        .save_assessment(org, "a-two", full_assessment())
        .unwrap();
    let pack = renamed_pack();
    atlas.open_pack(pack.path()).unwrap();

    let review = atlas.archive_orphan(org, "a-two").unwrap();
    assert_eq!((review.reviewed, review.total), (1, 1));
    assert_eq!(review.orphans[0].decision, Some(OrphanDecision::Archived));
    assert_eq!(atlas.assessment(org, "a-two").unwrap(), full_assessment());
    let json = atlas.export_json(Some(org)).unwrap();
    assert!(
        json.contains("\"a-two\"") && json.contains("Quarterly zeppelin review."),
        "an archived orphan is still exported"
    );

    drop(atlas);
    let again = Atlas::open_remembered(atlas_core::load_builtin, data.path(), "Tester");
    let review = again.orphan_review(org).unwrap();
    assert_eq!(
        (
            review.reviewed,
            review.total,
            review.orphans[0].title.as_deref()
        ),
        (1, 1, Some("Alpha two")),
        "the decision and the title it was taken under are kept across starts"
    );
}

#[test]
fn a_capability_listing_the_orphan_as_an_alias_is_the_first_candidate() {
    let pack = renamed_pack();
    edit(
        pack.path(),
        "nodes/b-two.md",
        "+++\n",
        "+++\naliases = [\"a-two\"]\n",
    );
    let fw = atlas_core::load_dir(pack.path()).expect("the pack loads");
    let found = atlas_core::atlas::candidates(&fw, "a-two", None);
    assert_eq!(found[0].id, "b-two", "{found:?}");
    assert_eq!(found[0].reason, "lists it as an alias");
    assert!(
        found.iter().any(|c| c.id == "alpha-two"),
        "a similar id is still offered: {found:?}"
    );
}
