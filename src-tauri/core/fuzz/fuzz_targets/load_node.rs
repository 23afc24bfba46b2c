//! Feeds arbitrary bytes to the loader as a node file beside a valid manifest and node, and
//! renders whatever loads. The loader must never panic, and rendered HTML must never carry a
//! script, whatever the input.
//!
//! Run: `cd src-tauri/core/fuzz && cargo fuzz run load_node -- -max_total_time=600`

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    atlas_core::content::fuzz_one(data);
});
