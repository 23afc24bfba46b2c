//! Every bound the app puts on what it is given, in one place.
//!
//! Input reaches the core from pack folders, import files, tour files, the search box and the
//! annotation editor, and any of it may be hostile or simply huge. Each limit here is generous
//! for honest use and small enough that the work it bounds stays well under a second and a
//! few hundred megabytes. ARCHITECTURE.md lists them; a message that refuses input names the
//! limit, and never echoes the input whole (see `echo`).

/// How much of a user-supplied value an error message repeats.
pub const ECHO_CHARS: usize = 80;

/// A user-supplied value as an error message quotes it: at most `ECHO_CHARS` characters, with
/// "…" when shortened, so that a 10 MB id cannot make a 10 MB message.
pub fn echo(value: &str) -> String {
    match value.char_indices().nth(ECHO_CHARS) {
        None => value.to_string(),
        Some((cut, _)) => format!("{}…", &value[..cut]),
    }
}

// ---------------------------------------------------------------------------------------------
// Content packs (loading from a folder)

// ---------------------------------------------------------------------------------------------
// Markdown rendering and tours

// ---------------------------------------------------------------------------------------------
// Search

// ---------------------------------------------------------------------------------------------
// The store: names, notes and the other fields people type

/// How long opening the store waits for an `atlas restore` in progress to finish before
/// refusing with `StoreError::Restoring`.
pub const STORE_OPEN_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

// ---------------------------------------------------------------------------------------------
// Import and export files

/// How many numbered names (`acme (2).json`, `acme (3).json`, …) an export tries before asking
/// for another name (`atomic_file::WriteError::NoFreeName`).
pub const EXPORT_NAME_TRIES: u32 = 1000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echo_keeps_short_values_and_shortens_long_ones_on_a_character_boundary() {
        assert_eq!(echo("data-curation"), "data-curation");
        let long = "é".repeat(ECHO_CHARS + 5);
        let shown = echo(&long);
        assert_eq!(
            shown.chars().count(),
            ECHO_CHARS + 1,
            "80 characters and the ellipsis"
        );
        assert!(shown.ends_with('…'));
    }
}
