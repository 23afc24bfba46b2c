//! The annotation store: what people record, the files they move it in, and the promise that
//! it is never lost (crashes, damaged files, newer databases, read-only disks).

mod crash;
mod durability;
mod export_targets;
mod files;
mod names;
#[cfg(unix)]
mod read_only;
mod records;
mod restore;
mod sittings;
mod views;
mod workshops;

use atlas_core::store::{Assessment, Store};

/// A store in a fresh temporary data folder; keep the `TempDir` alive while using it.
pub fn fresh() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path(), "Ada").expect("a new data folder opens");
    (dir, store)
}

pub fn two_four(note: &str) -> Assessment {
    Assessment {
        current: Some(2),
        target: Some(4),
        notes: note.to_string(),
        ..Assessment::default()
    }
}
