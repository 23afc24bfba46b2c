//! Feeds arbitrary bytes to the organisation import as an export file, into an empty store
//! against the built-in pack, plain and then merged. An import is all or nothing, and what it
//! accepted exports and reads back unchanged, whatever the input.
//!
//! Run: `cd src-tauri/core/fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -s none import corpus/import seeds/import -- -dict=dicts/import.dict -timeout=1 -max_total_time=600`

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    atlas_core::fuzzing::import(data);
});
