//! Typesets one Typst source into a PDF, inside the process and offline.
//!
//! The report has to be produced on a laptop with no network and no programs installed, and
//! produce the same bytes for the same report. So the Typst `World` here is closed: its only
//! file is the source it is given, it reads nothing from disk, it never downloads a package
//! (`#import "@preview/…"` is an error, never a fetch), and "today" is the date passed in, which
//! is also the PDF's creation date.
//!
//! The fonts are the ones `typst-assets` bundles, compiled into the binary:
//! Libertinus Serif (body text; SIL Open Font License 1.1), New Computer Modern and New Computer
//! Modern Math (GUST Font License, an LPPL-style free licence) and DejaVu Sans Mono (code; the
//! Bitstream Vera licence). None of them is under the GPL or AGPL; the `typst-assets` crate itself
//! is Apache-2.0. The OFL asks that its notice travel with the fonts, which the crate's NOTICE
//! file does.
//!
//! This crate knows nothing of the Atlas core: it takes markup and gives bytes.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, PackageError, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::layout::PagedDocument;
use typst::syntax::{FileId, Source, Span, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_pdf::{PdfOptions, Timestamp};

/// Longest message passed on from the compiler: its messages can quote the source, which holds
/// user text, and the source is unbounded.
const MESSAGE_CHARS: usize = 160;

/// Why a source could not be typeset.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TypesetError {
    /// The markup does not compile: the first error, with its 1-based line when it lies in the
    /// source (an error inside the compiler's own library has none), and how many more there were.
    #[error("{}{message}{}", line.map(|l| format!("line {l}: ")).unwrap_or_default(), more_errors(*more))]
    Markup {
        line: Option<usize>,
        message: String,
        more: usize,
    },
    /// The laid-out document could not be written as PDF (e.g. a glyph no bundled font has).
    #[error("writing the PDF: {message}")]
    Export { message: String },
}

fn more_errors(more: usize) -> String {
    match more {
        0 => String::new(),
        1 => " (and 1 more error)".to_owned(),
        n => format!(" (and {n} more errors)"),
    }
}

/// The moment a document is dated: its creation date in the PDF and Typst's `datetime.today()`.
/// Passed in, never read from the clock, so the same report gives the same bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

impl When {
    /// The UTC calendar time of a Unix timestamp (seconds since 1970-01-01 00:00 UTC).
    pub fn from_unix_seconds(seconds: i64) -> When {
        let days = seconds.div_euclid(86_400);
        let in_day = seconds.rem_euclid(86_400);
        // Howard Hinnant's days-to-civil: exact for the proleptic Gregorian calendar.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        When {
            year: i32::try_from(year).unwrap_or(i32::MAX),
            month: month as u8,
            day: day as u8,
            hour: (in_day / 3_600) as u8,
            minute: (in_day % 3_600 / 60) as u8,
            second: (in_day % 60) as u8,
        }
    }

    fn datetime(self) -> Datetime {
        Datetime::from_ymd_hms(
            self.year,
            self.month,
            self.day,
            self.hour,
            self.minute,
            self.second,
        )
        // Only a year beyond what Typst's calendar holds gets here; the epoch keeps the
        // document valid rather than failing a report over its date stamp.
        .unwrap_or_else(|| Datetime::from_ymd_hms(1970, 1, 1, 0, 0, 0).expect("the epoch"))
    }
}

/// Typesets `source` (Typst markup) into a PDF dated `when`.
pub fn pdf(source: &str, when: When) -> Result<Vec<u8>, TypesetError> {
    let world = Closed::new(source, when);
    let document: PagedDocument = typst::compile(&world)
        .output
        .map_err(|errors| markup_error(&world.source, &errors))?;
    let options = PdfOptions {
        // A stable identifier: without one Typst hashes title and author, which is stable too,
        // but naming it keeps two reports of one organisation from depending on that choice.
        ident: Smart::Custom("capability-atlas-report"),
        timestamp: Some(Timestamp::new_utc(world.today)),
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|errors| TypesetError::Export {
        message: errors
            .first()
            .map(|e| shorten(&e.message))
            .unwrap_or_default(),
    })
}

fn markup_error(source: &Source, errors: &[SourceDiagnostic]) -> TypesetError {
    let errors: Vec<&SourceDiagnostic> = errors
        .iter()
        .filter(|e| e.severity == Severity::Error)
        .collect();
    let Some(first) = errors.first() else {
        return TypesetError::Markup {
            line: None,
            message: "unknown error".into(),
            more: 0,
        };
    };
    let mut message = shorten(&first.message);
    if let Some(hint) = first.hints.first() {
        message = format!("{message} (hint: {})", shorten(hint));
    }
    TypesetError::Markup {
        line: line_of(source, first.span),
        message,
        more: errors.len() - 1,
    }
}

fn line_of(source: &Source, span: Span) -> Option<usize> {
    if span.id() != Some(source.id()) {
        return None;
    }
    let start = source.range(span)?.start;
    source.lines().byte_to_line(start).map(|l| l + 1)
}

fn shorten(text: &str) -> String {
    match text.char_indices().nth(MESSAGE_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// The standard library and the bundled fonts, built once per process: parsing the fonts costs
/// more than typesetting a short document.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));
static FONTS: LazyLock<(LazyHash<FontBook>, Vec<Font>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
});

/// A world with one file and no way out of it.
struct Closed {
    source: Source,
    today: Datetime,
}

impl Closed {
    fn new(text: &str, when: When) -> Closed {
        let id = FileId::new(None, VirtualPath::new("/report.typ"));
        Closed {
            source: Source::new(id, text.to_owned()),
            today: when.datetime(),
        }
    }

    fn refuse(&self, id: FileId) -> FileError {
        match id.package() {
            Some(spec) => FileError::Package(PackageError::NotFound(spec.clone())),
            None => FileError::NotFound(id.vpath().as_rootless_path().to_owned()),
        }
    }
}

impl World for Closed {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.0
    }

    fn main(&self) -> FileId {
        self.source.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.source.id() {
            Ok(self.source.clone())
        } else {
            Err(self.refuse(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        Err(self.refuse(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.1.get(index).cloned()
    }

    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        Some(self.today)
    }
}

#[cfg(test)]
mod tests;
