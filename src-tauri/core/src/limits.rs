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



// ---------------------------------------------------------------------------------------------
// Import and export files



#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echo_keeps_short_values_and_shortens_long_ones_on_a_character_boundary() {
        assert_eq!(echo("data-curation"), "data-curation");
        let long = "é".repeat(ECHO_CHARS + 5);
        let shown = echo(&long);
        assert_eq!(shown.chars().count(), ECHO_CHARS + 1, "80 characters and the ellipsis");
        assert!(shown.ends_with('…'));
    }
}
