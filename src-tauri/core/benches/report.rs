//! How long a report takes in each format: the full CAF-AI pack with every capability assessed
//! (`synthetic::assess_every_capability`), the full and board profiles, through the real
//! store, builder and renderers (goal: the PDF under one second in a release build). The
//! first PDF also parses the bundled fonts, once per process; it is reported apart. Medians of
//! several runs, and each format's ratio to building the document alone, measured in the same
//! run, since the machines are shared and noisy.
//!
//! Run with `cargo bench -p atlas-core --bench report` (or `make bench`).

use std::time::{Duration, Instant};

use atlas_core::atlas::ReportFormat;
use atlas_core::reports::{Profile, ReportRequest};
use atlas_core::synthetic::assess_every_capability;
use atlas_core::Atlas;

const RUNS: usize = 9;
const NOW: i64 = 1_796_047_500;

fn median(mut f: impl FnMut()) -> Duration {
    let mut samples: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    samples.sort();
    samples[RUNS / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let dir = tempfile::tempdir().expect("a scratch folder");
    let atlas = Atlas::open(atlas_core::load_builtin(), dir.path(), "Bench");
    let org = atlas.create_organisation("Acme Ltd").expect("created").id;
    assess_every_capability(&atlas, org, 15).expect("every capability assessed");

    let t = Instant::now();
    let first = atlas
        .report_at(org, &ReportRequest::default(), ReportFormat::Pdf, NOW)
        .expect("a PDF");
    println!(
        "Report, CAF-AI, 49 capabilities assessed: first PDF (fonts parsed) {} ({} KiB)",
        ms(t.elapsed()),
        first.len() / 1024
    );
    println!(
        "{:<8} {:<6} {:>10} {:>10} {:>12}",
        "profile", "format", "median", "size", "÷ document"
    );
    for profile in [Profile::Board, Profile::Full] {
        let req = ReportRequest {
            profile,
            ..ReportRequest::default()
        };
        let baseline = median(|| {
            std::hint::black_box(
                atlas
                    .report_document_at(org, &req, NOW)
                    .expect("a document"),
            );
        });
        println!(
            "{:<8} {:<6} {:>10} {:>10} {:>12}",
            profile.name(),
            "(doc)",
            ms(baseline),
            "",
            "1.0"
        );
        for (name, format) in [
            ("md", ReportFormat::Markdown),
            ("html", ReportFormat::Html),
            ("docx", ReportFormat::Docx),
            ("pdf", ReportFormat::Pdf),
        ] {
            let mut size = 0;
            let took = median(|| {
                size = atlas
                    .report_at(org, &req, format, NOW)
                    .expect("a report")
                    .len();
            });
            println!(
                "{:<8} {:<6} {:>10} {:>7} KiB {:>12.1}",
                profile.name(),
                name,
                ms(took),
                size / 1024,
                took.as_secs_f64() / baseline.as_secs_f64()
            );
        }
    }
    println!("goal: the PDF under 1000 ms");
}
