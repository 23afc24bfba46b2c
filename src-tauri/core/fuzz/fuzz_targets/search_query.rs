//! Feeds arbitrary bytes to search as a query against an index of the built-in pack. Search
//! never rejects input, and snippets carry no markup but `<mark>`.
//!
//! Run: `cd src-tauri/core/fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -s none search_query corpus/search_query seeds/search_query -- -dict=dicts/search_query.dict -timeout=1 -max_total_time=600`

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    atlas_core::fuzzing::search_query(data);
});
