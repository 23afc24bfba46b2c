//! Feeds arbitrary bytes to the tour reader as a tour `.toml`: parsed, checked against the
//! built-in pack, rendered as the presenter's tour view and imported. No script survives in
//! the talking points, and an imported tour exports as a file that reads back the same.
//!
//! Run: `cd src-tauri/core/fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -s none tour_file corpus/tour_file seeds/tour_file -- -dict=dicts/tour_file.dict -timeout=1 -max_total_time=600`

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    atlas_core::fuzzing::tour_file(data);
});
