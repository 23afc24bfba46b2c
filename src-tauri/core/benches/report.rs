//! How long the PDF of a board-sized report takes: the full CAF-AI pack, all 49 capabilities,
//! charts for every perspective and the appendix (goal: under one second in a release build).
//! The first run also parses the bundled fonts, once per process; it is reported apart.
//!
//! Run with `cargo bench -p atlas-core --bench report` (or `make bench`).

use std::time::{Duration, Instant};

use atlas_core::reports::typst::{markup, pdf, sample::sample_document, When};

const RUNS: usize = 10;

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let fw = atlas_core::load_builtin().expect("the built-in pack loads");
    let doc = sample_document(&fw, "Acme Ltd");
    let when = When::from_unix_seconds(1_796_047_500);

    let t = Instant::now();
    let bytes = pdf(&doc, when).expect("the report typesets");
    let first = t.elapsed();

    let mut samples: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(pdf(&doc, when).expect("the report typesets"));
            t.elapsed()
        })
        .collect();
    samples.sort();
    let t = Instant::now();
    let source = markup(&doc);
    let markup_time = t.elapsed();

    println!(
        "PDF report, CAF-AI, 49 capabilities assessed ({} KiB, {} KiB of markup)",
        bytes.len() / 1024,
        source.len() / 1024
    );
    println!(
        "  markup only             {:>8}",
        format!("{:.2} ms", markup_time.as_secs_f64() * 1000.0)
    );
    println!("  first (fonts parsed)    {:>8}", ms(first));
    println!("  median of {RUNS}           {:>8}", ms(samples[RUNS / 2]));
    println!("  slowest of {RUNS}          {:>8}", ms(samples[RUNS - 1]));
    println!("  goal                    {:>8}", "< 1000 ms");
}
