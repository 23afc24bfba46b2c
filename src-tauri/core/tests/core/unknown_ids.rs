//! An unknown id is answered promptly and briefly however long it is: a 10 MB id took 128 s
//! in the "did you mean" scan and came back whole in the error message.

use crate::support::{caf_ai, finishes_within, ScratchPack};
use atlas_core::api;
use std::time::Duration;

#[test]
fn a_ten_megabyte_unknown_id_is_answered_within_a_bound_in_a_short_message() {
    let id = "data-curation".repeat(10 * 1024 * 1024 / 13);
    let err = finishes_within(Duration::from_secs(3), "looking up a 10 MB id", move || {
        api::node_detail(caf_ai(), &id).unwrap_err().to_string()
    });
    assert!(
        err.chars().count() < 200,
        "the message quotes only the start of the id ({} chars)",
        err.chars().count()
    );
    assert!(
        !err.contains("did you mean"),
        "nothing that long is a typo of a real id: {}",
        err
    );
}

#[test]
fn a_near_miss_still_gets_its_suggestion() {
    let err = api::node_detail(caf_ai(), "data-curaton")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("did you mean `data-curation`"),
        "bounding the scan must not lose the suggestion: {}",
        err
    );
}

#[test]
fn a_link_to_a_huge_id_in_a_pack_is_reported_briefly() {
    let pack = ScratchPack::new();
    let huge = "x".repeat(200 * 1024);
    pack.edit(
        "nodes/wipe-down.md",
        "owners = [\"kitchen-steward\"]",
        &format!("owners = [\"{huge}\"]"),
    );
    let problems = finishes_within(Duration::from_secs(3), "loading a pack", move || {
        pack.problems()
    });
    let p = problems
        .iter()
        .find(|p| p.file == "nodes/wipe-down.md")
        .expect("the link is reported on its file");
    assert!(
        p.message.chars().count() < 200,
        "the id is shortened in the problem: {} chars",
        p.message.chars().count()
    );
}
