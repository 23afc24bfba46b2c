//! Writes a synthetic content pack of about N nodes into DIR, for benchmarks of the app with a
//! framework far larger than CAF-AI: `synthetic-pack DIR N [SEED]`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(n)) = (args.first(), args.get(1).and_then(|n| n.parse().ok())) else {
        eprintln!("usage: synthetic-pack DIR NODES [SEED]");
        return ExitCode::from(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(7);
    let fw = match atlas_core::load_builtin() {
        Ok(fw) => fw,
        Err(report) => {
            eprintln!("{report}");
            return ExitCode::FAILURE;
        }
    };
    let words = atlas_core::synthetic::vocabulary(&fw);
    match atlas_core::synthetic::write_pack(&PathBuf::from(dir), n, seed, &words) {
        Ok(written) => {
            println!("{written} nodes written to {dir}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{dir}: {e}");
            ExitCode::FAILURE
        }
    }
}
