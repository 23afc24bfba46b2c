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

/// Largest file a pack may hold: no honest node file comes near it, and reading an
/// accidental multi-gigabyte file into memory would hang the app.
pub const PACK_FILE_BYTES: usize = 256 * 1024;

/// Most files a pack may hold; the synthetic benchmark pack of 10,000 nodes fits five times.
pub const PACK_FILES: usize = 50_000;

/// Most bytes all of a pack's files may hold together, so a pack cannot fill memory with
/// many files each under `PACK_FILE_BYTES`.
pub const PACK_TOTAL_BYTES: usize = 256 * 1024 * 1024;

/// Deepest folder nesting below `nodes/` or `tours/`; packs group nodes a level or two deep.
pub const PACK_FOLDER_DEPTH: usize = 16;

/// "Did you mean" is only looked for when a mistyped id is at most this many characters
/// longer than the longest known id: anything longer is not a typo, and comparing it would
/// cost time in proportion to its length.
pub const SUGGEST_EXTRA_CHARS: usize = 8;

/// Candidates for an orphan in the review are ranked on at most this many characters of each
/// id and title, and at most this many candidates are offered.
pub const SUGGEST_RANK_CHARS: usize = 200;
pub const ORPHAN_CANDIDATES: usize = 3;

// ---------------------------------------------------------------------------------------------
// Markdown rendering and tours

/// Deepest nesting of markdown elements (lists, items, block quotes, emphasis, links…) that is
/// rendered as nested HTML. Deeper content is rendered as plain text at this depth: the HTML
/// sanitiser's cost grows with the square of nesting, and no honest text nests this deep.
pub const MARKDOWN_DEPTH: usize = 32;

/// Largest markdown text rendered; the rest is cut at a line end and replaced by a visible
/// "(truncated: N KB more)" line. Twice the largest node file, so a node body is never cut.
pub const MARKDOWN_BYTES: usize = 512 * 1024;

/// Largest tour file read (an imported file or one of a pack's `tours/*.toml`).
pub const TOUR_FILE_BYTES: usize = 1024 * 1024;

/// Most steps in one tour: enough for a day-long workshop.
pub const TOUR_STEPS: usize = 500;

/// Longest talking points of one step: a few bullets, not a document.
pub const TOUR_NOTES_BYTES: usize = 16 * 1024;

/// Most talking points in one tour, all steps together: 100 steps of 2.5 KB each. Small
/// enough that the tour, written as a file, stays under `TOUR_FILE_BYTES` and can be
/// imported again.
pub const TOUR_NOTES_TOTAL_BYTES: usize = 256 * 1024;

/// Longest tour title and summary, in characters.
pub const TOUR_TITLE_CHARS: usize = 200;
pub const TOUR_SUMMARY_CHARS: usize = 2_000;

/// Rendered talking points kept for the tour screens, in bytes of markdown and HTML together;
/// when full the cache is emptied and refilled as tours are shown. Far above what every tour
/// of a long workshop holds, so in use nothing is rendered twice.
pub const TOUR_RENDER_CACHE_BYTES: usize = 32 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Mappings between two packs (`content/mappings/*.toml`)

/// Largest mapping file: two packs of a few hundred units each, linked several times over with
/// a paragraph of rationale apiece, stay far below it.
pub const MAPPING_FILE_BYTES: usize = 1024 * 1024;

/// Most entries (links and unmapped together) one mapping file may hold; past it the file is
/// refused whole rather than checked entry by entry into a runaway list of problems.
pub const MAPPING_ENTRIES: usize = 10_000;

/// Longest rationale of a link, and reason of an unmapped entry, in characters: one or two
/// sentences, not an essay that would drown the comparison it explains.
pub const MAPPING_RATIONALE_CHARS: usize = 600;

/// Longest mapping title and summary, in characters (as for tours).
pub const MAPPING_TITLE_CHARS: usize = 200;
pub const MAPPING_SUMMARY_CHARS: usize = 2_000;

// ---------------------------------------------------------------------------------------------
// Search

/// Longest query, in characters: a long question is a few dozen words, and each word costs a
/// typo scan of the vocabulary.
pub const SEARCH_QUERY_CHARS: usize = 500;

/// Most results one search returns; a larger `limit` is clamped to it, not refused.
pub const SEARCH_LIMIT: usize = 200;

/// Results when no `limit` is given.
pub const SEARCH_DEFAULT_LIMIT: usize = 20;

// ---------------------------------------------------------------------------------------------
// The store: names, notes and the other fields people type

/// An organisation's name, a snapshot's name, a workshop's title, in characters: a line of a
/// list, not a paragraph.
pub const MAX_NAME_CHARS: usize = 200;
/// An organisation's description, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 10_000;
/// One assessment's notes (markdown), in characters: some forty printed pages.
pub const MAX_NOTES_CHARS: usize = 100_000;
/// The reason a capability does not apply, in characters.
pub const MAX_REASON_CHARS: usize = 2_000;
/// Evidence links on one assessment.
pub const MAX_EVIDENCE: usize = 100;
/// One evidence link's label, in characters.
pub const MAX_EVIDENCE_LABEL_CHARS: usize = 200;
/// One evidence link's URL, in characters (browsers handle about this much).
pub const MAX_URL_CHARS: usize = 2_000;
/// Tags on one assessment.
pub const MAX_TAGS: usize = 50;
/// One tag, in characters.
pub const MAX_TAG_CHARS: usize = 64;
/// Actions in one capability's improvement plan: a plan, not a backlog.
pub const MAX_ACTIONS: usize = 100;
/// One action's title, in characters: a line of a list.
pub const MAX_ACTION_TITLE_CHARS: usize = 200;
/// One action's owner when it is a name rather than a stakeholder, in characters.
pub const MAX_ACTION_OWNER_CHARS: usize = 200;
/// One action's note (markdown), in characters: a few pages.
pub const MAX_ACTION_NOTE_CHARS: usize = 10_000;
/// One action's id, in characters. The store writes small integers; an imported file may
/// carry its own, which stay short enough to quote whole.
pub const MAX_ACTION_ID_CHARS: usize = 32;
/// The largest organisation id: the window addresses organisations as 32-bit numbers, and
/// JavaScript holds every id up to here exactly. Ids run from 1 to this.
pub const MAX_ORGANISATION_ID: i64 = i32::MAX as i64;

/// Typing in one sitting: a save of the same text field (notes, the not-applicable reason) of
/// the same capability by the same author within this long of the previous one, with nothing
/// else changed in between, extends that change instead of adding one, so a note typed with
/// pauses is one entry in the history and one undo step. Measured from the previous save, so
/// a person who keeps typing keeps one sitting; two minutes away from the keyboard starts a
/// new one.
pub const NOTE_SITTING_PAUSE_SECS: i64 = 120;

/// How long opening the store waits for an `atlas restore` in progress to finish before
/// refusing with `StoreError::Restoring`.
pub const STORE_OPEN_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// How long a write waits for another process's write to finish before failing with
/// "database is locked" (nothing is changed). Writes take milliseconds; this covers a large
/// import or bulk edit in another window or command.
pub const WRITE_LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// How long `atlas restore` waits for every open store to let go of the data folder before
/// refusing with `StoreError::InUse`.
pub const RESTORE_LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

// ---------------------------------------------------------------------------------------------
// Import and export files

/// An import file, in bytes (32 MiB). Importing took about 17 times a file's size in memory
/// (200 MB took 3.45 GB), so this keeps an import near half a gigabyte at worst, while a real
/// organisation's export with years of history is a few megabytes. Checked from the file's
/// metadata before reading and again while reading, so a pipe or a growing file is held to it.
pub const MAX_IMPORT_BYTES: u64 = 32 * 1024 * 1024;
/// Organisations in one import file.
pub const MAX_IMPORT_ORGANISATIONS: usize = 1_000;
/// Snapshots of one organisation in an import file.
pub const MAX_IMPORT_SNAPSHOTS: usize = 1_000;
/// Change sets in one organisation's history in an import file.
pub const MAX_IMPORT_CHANGE_SETS: usize = 100_000;
/// Field changes in one change set of an import file (a bulk edit of every capability of the
/// largest pack the app loads is well below this).
pub const MAX_IMPORT_CHANGES_PER_SET: usize = 20_000;

/// How many numbered names (`acme (2).json`, `acme (3).json`, …) an export tries before asking
/// for another name (`atomic_file::WriteError::NoFreeName`).
pub const EXPORT_NAME_TRIES: u32 = 1000;
/// Most characters of a user-given name (an organisation's) that a proposed file name keeps:
/// enough to tell organisations apart, short enough for every file system's name limit with
/// the rest of the name around it.
pub const FILE_NAME_PART_CHARS: usize = 60;
/// Largest file a view may export (an image of the biggest graph at twice its size is well
/// below this); refuses runaway input from the webview.
pub const VIEW_EXPORT_BYTES: usize = 64 << 20;

// ---------------------------------------------------------------------------------------------
// Saved views of the graph

/// A saved view's name, in characters: an entry in a menu.
pub const VIEW_NAME_CHARS: usize = 80;
/// Most saved views one pack keeps: a menu longer than this is not read.
pub const SAVED_VIEWS: usize = 100;
/// Largest saved view as stored (its filters list kinds, perspectives and line kinds by id; the
/// biggest honest one is a few KB).
pub const SAVED_VIEW_BYTES: usize = 64 * 1024;

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
