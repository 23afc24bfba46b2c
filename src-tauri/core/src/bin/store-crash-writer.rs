//! A child process for the store's crash test: writes assessments as fast as it can and prints
//! `ok N` after each commit, so the parent, which SIGKILLs it at random moments, knows which
//! writes were acknowledged and must survive.
//!
//! Usage: store-crash-writer DATA_DIR START. Write N (from START on) sets the note of
//! capability number N mod 49 to "write N" and its current maturity to N mod 6.

use atlas_core::store::{Assessment, Store};
use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("DATA_DIR"));
    let start: u64 = args
        .next()
        .expect("START")
        .parse()
        .expect("START is a number");
    let fw = atlas_core::load_builtin().expect("the built-in pack loads");
    let caps: Vec<String> = fw
        .nodes_of_kind("capability")
        .iter()
        .map(|n| n.id.clone())
        .collect();
    let mut store = Store::open(&dir, "crash-writer").expect("open the store");
    let org = match store.find_organisation("Crash") {
        Ok(o) => o.id,
        Err(_) => store.create_organisation("Crash").expect("create").id,
    };
    let mut out = std::io::stdout().lock();
    for n in start.. {
        let cap = &caps[(n % caps.len() as u64) as usize];
        let a = Assessment {
            current: Some((n % 6) as u8),
            notes: format!("write {n}"),
            ..Assessment::default()
        };
        store.save_assessment(&fw, org, cap, a).expect("save");
        writeln!(out, "ok {n}").expect("report");
        out.flush().expect("flush");
    }
}
