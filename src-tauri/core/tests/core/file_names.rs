//! The names a save dialog proposes: the organisation, what the file is and today's date, with
//! whatever a person typed in the organisation's name made safe for any desktop's file system.

use atlas_core::atlas::ReportFormat;
use atlas_core::exports::file_name_part;
use atlas_core::limits::FILE_NAME_PART_CHARS;
use atlas_core::Atlas;

#[test]
fn a_report_is_proposed_under_the_organisation_what_it_is_and_the_date() {
    let dir = tempfile::tempdir().unwrap();
    let atlas = Atlas::open(atlas_core::load_builtin(), dir.path(), "Ada");
    let org = atlas.create_organisation("Northwind Health").unwrap().id;
    let name = atlas
        .proposed_file_name(org, "board report", "html")
        .unwrap();
    let today = atlas_core::store::today();
    assert_eq!(
        name,
        format!("Northwind Health – board report – {today}.html"),
        "the person must recognise the file in their folder by organisation, kind and date"
    );
}

#[test]
fn an_organisation_named_like_a_path_cannot_put_the_file_elsewhere() {
    for (typed, fit) in [
        ("R&D / Labs", "R&D - Labs"),
        ("../../etc/passwd", "-..-etc-passwd"),
        ("..", "untitled"),
        ("C:\\Windows\\System32", "C--Windows-System32"),
        ("Ops: \"prod\" <eu>|*?", "Ops- -prod- -eu----"),
        ("  tabs\tand\nlines  ", "tabs and lines"),
        ("ends with dots...", "ends with dots"),
    ] {
        let part = file_name_part(typed);
        assert_eq!(part, fit, "{typed:?} must become a plain name");
        assert!(
            !part.contains(['/', '\\']) && !part.starts_with('.'),
            "{part:?} would name a folder or a hidden file"
        );
    }
}

#[test]
fn a_long_organisation_name_is_shortened_in_the_file_name() {
    let long = "Å".repeat(500);
    assert_eq!(
        file_name_part(&long).chars().count(),
        FILE_NAME_PART_CHARS,
        "a 200-character name with the rest of the file name would pass some file systems' 255-byte limit"
    );
}

#[test]
fn every_format_the_command_line_knows_is_offered_once_with_a_label_and_its_extension() {
    let all = ReportFormat::all();
    for name in ReportFormat::NAMES {
        let format = ReportFormat::from_name(name).expect("every listed name is a format");
        assert!(
            all.contains(&format),
            "{name} must be offered in the Report dialog"
        );
        assert_eq!(
            ReportFormat::from_name(format.extension()),
            Some(format),
            "a file saved with the format's extension must be read as that format again"
        );
        assert!(!format.label().is_empty());
    }
    assert_eq!(
        all.len(),
        ReportFormat::NAMES.len(),
        "each format is offered once"
    );
}
