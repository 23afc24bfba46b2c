//! The annotation store's benchmark: save latency under `synchronous=FULL`, history and
//! compare on 100 organisations × 49 capabilities × 100 revisions, and 1,000 SIGKILLs of a
//! writer with the integrity and durability checks of the crash test. Prints a table; it
//! never fails on timing (goals: save p99 ≤ 15 ms, compare ≤ 50 ms).
//!
//! Run with `cargo bench -p atlas-core --bench store` (or `make bench`).

use atlas_core::store::{Assessment, Side, Store};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ORGS: usize = 100;
const REVISIONS: usize = 100;
const KILLS: u64 = 1000;

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    samples[((samples.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn timed<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration) {
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .collect();
    (
        percentile(&mut samples, 0.5),
        percentile(&mut samples, 0.99),
    )
}

/// One organisation's export document with `REVISIONS` recorded changes per capability,
/// so seeding goes through the same validated import people use (one transaction per
/// organisation instead of 4,900 fsyncs).
fn seed_document(org: usize, caps: &[String]) -> String {
    let mut history = Vec::new();
    let mut assessments = serde_json::Map::new();
    for rev in 0..REVISIONS {
        for cap in caps {
            let (old, new) = ((rev % 6) as u8, ((rev + 1) % 6) as u8);
            history.push(serde_json::json!({
                "author": "bench", "at": "2026-01-01T00:00:00Z", "action": "edit", "reverts": null,
                "state": "active",
                "changes": [{"capability": cap, "field": "current", "old": if rev == 0 { serde_json::Value::Null } else { old.into() }, "new": new}]
            }));
        }
    }
    for (i, cap) in caps.iter().enumerate() {
        let current = ((REVISIONS) % 6) as u8;
        assessments.insert(
            cap.clone(),
            serde_json::to_value(Assessment {
                current: Some(current),
                target: Some(((i + org) % 6) as u8),
                ..Assessment::default()
            })
            .unwrap(),
        );
    }
    serde_json::json!({
        "format": "capability-atlas/organisations", "version": 1,
        "organisations": [{
            "id": org + 1, "name": format!("Org {org:03}"), "description": "", "created_at": "2026-01-01T00:00:00Z",
            "assessments": assessments, "snapshots": [], "history": history
        }]
    })
    .to_string()
}

fn crash_run(caps: usize) -> (u64, u64, Duration) {
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let (mut start, mut acknowledged) = (0u64, 0u64);
    for round in 0..KILLS {
        let mut child = Command::new(env!("CARGO_BIN_EXE_store-crash-writer"))
            .arg(dir.path())
            .arg(start.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let out = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(out)
                .lines()
                .map_while(Result::ok)
                .filter_map(|l| l.strip_prefix("ok ").and_then(|n| n.parse::<u64>().ok()))
                .last()
        });
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_millis(5 + seed % 60));
        child.kill().unwrap();
        child.wait().unwrap();
        let last = reader.join().unwrap();
        let store = Store::open(dir.path(), "bench").expect("opens after a kill");
        assert_eq!(
            store.integrity_check().unwrap(),
            "ok",
            "round {round}: integrity"
        );
        if let Some(last) = last {
            let org = store.find_organisation("Crash").unwrap().id;
            let fw = atlas_core::load_builtin().unwrap();
            let ids: Vec<String> = fw
                .nodes_of_kind("capability")
                .iter()
                .map(|n| n.id.clone())
                .collect();
            for n in start.max(last.saturating_sub(caps as u64 - 1))..=last {
                let note = store
                    .assessment(org, &ids[(n % caps as u64) as usize])
                    .unwrap()
                    .notes;
                let stored: u64 = note.trim_start_matches("write ").parse().unwrap_or(0);
                assert!(stored >= n, "round {round}: acknowledged write {n} lost");
            }
            acknowledged += last + 1 - start;
        }
        start = last.map_or(start + 1, |l| l + 2);
    }
    (KILLS, acknowledged, started.elapsed())
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` does not and must stay quick.
    let quick = !std::env::args().any(|a| a == "--bench");
    let fw = atlas_core::load_builtin().expect("the built-in pack loads");
    let caps: Vec<String> = fw
        .nodes_of_kind("capability")
        .iter()
        .map(|n| n.id.clone())
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path(), "bench").unwrap();
    let orgs = if quick { 2 } else { ORGS };

    let seeding = Instant::now();
    for org in 0..orgs {
        let doc = seed_document(org, &caps);
        store
            .import_json(&fw, Path::new("seed.json"), &doc, false)
            .unwrap();
    }
    let seeded = seeding.elapsed();
    let first = store.find_organisation("Org 000").unwrap().id;
    let other = store.find_organisation("Org 001").unwrap().id;
    let snap = store.take_snapshot(first, "baseline").unwrap().id;

    let mut i = 0usize;
    let (save50, save99) = timed(if quick { 20 } else { 500 }, || {
        i += 1;
        let a = Assessment {
            current: Some((i % 6) as u8),
            notes: format!("note {i}"),
            ..Assessment::default()
        };
        store
            .save_assessment(&fw, first, &caps[i % caps.len()], a)
            .unwrap()
    });
    let (hist_org, _) = timed(20, || store.history(first, None).unwrap().len());
    let (hist_cap, _) = timed(50, || store.history(first, Some(&caps[0])).unwrap().len());
    let (cmp_snap, cmp_snap99) = timed(50, || {
        store
            .compare(
                &fw,
                &Side::Snapshot { snapshot: snap },
                &Side::Current { org: first },
            )
            .unwrap()
    });
    let (cmp_org, cmp_org99) = timed(50, || {
        store
            .compare(
                &fw,
                &Side::Current { org: first },
                &Side::Current { org: other },
            )
            .unwrap()
    });

    println!("\nAnnotation store benchmark ({orgs} organisations × {} capabilities × {REVISIONS} revisions)", caps.len());
    println!("| measure | p50 | p99 | goal |");
    println!("| --- | --- | --- | --- |");
    println!(
        "| seed ({} history rows, via import) | {} total | | |",
        orgs * caps.len() * REVISIONS,
        ms(seeded)
    );
    println!(
        "| save one assessment (WAL, synchronous=FULL) | {} | {} | p99 ≤ 15 ms |",
        ms(save50),
        ms(save99)
    );
    println!(
        "| history of one organisation ({} changes) | {} | | |",
        store.history(first, None).unwrap().len(),
        ms(hist_org)
    );
    println!("| timeline of one capability | {} | | |", ms(hist_cap));
    println!(
        "| compare snapshot ↔ now | {} | {} | ≤ 50 ms |",
        ms(cmp_snap),
        ms(cmp_snap99)
    );
    println!(
        "| compare organisation ↔ organisation | {} | {} | ≤ 50 ms |",
        ms(cmp_org),
        ms(cmp_org99)
    );
    if quick {
        println!("(quick run: pass --bench for the full sizes and the 1,000-kill crash run)");
        return;
    }
    let (kills, acked, took) = crash_run(caps.len());
    println!(
        "| crash run: {kills} SIGKILLs, {acked} acknowledged writes, all intact | {} total | | every write kept |",
        ms(took)
    );
}
