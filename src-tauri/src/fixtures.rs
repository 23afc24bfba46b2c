//! Records what the real commands answer, for the UI's test double.
//!
//! The UI's unit tests run against `ui/src/lib/platform/fake.ts`, which holds no domain rule:
//! it looks every answer up in `ui/src/lib/platform/fixtures/recorded.json`. That file is
//! written here, by driving the very command bodies the webview calls (`ipc::dispatch`) on the
//! small pack `content/examples/mini` and a fresh store, following the committed script
//! `ui/src/lib/platform/fixtures/scenarios.json`. A test fails when the committed recording
//! differs from a fresh one, so a change in the core cannot leave the UI's tests asserting what
//! the app no longer does.
//!
//! The model: static answers (the framework, every node, every lens and the scripted searches)
//! do not depend on the store. A scenario starts from its `setup` writes; each further write
//! moves it to a new state, and each state records a standard set of reads (organisations,
//! tours, and per organisation its assessments, dashboard, history, snapshots and workshops)
//! plus the scenario's own `reads`, so the fake answers whatever order the UI reads in. Paths
//! that share their first writes share those states. A write the core refuses changes nothing
//! (every store write is one transaction), so it leaves the state as it was.

use crate::ipc::dispatch;
use crate::state::AppState;
use atlas_core::api::ApiError;
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

const SCRIPT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../ui/src/lib/platform/fixtures/scenarios.json"
);
const RECORDED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../ui/src/lib/platform/fixtures/recorded.json"
);
const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../content/examples/mini");

/// Every timestamp the core returns is recorded as this one: the recording must change only
/// when behaviour does, never because it was made on another day.
const FIXED_TIME: &str = "2026-01-01T00:00:00Z";
/// The system's full name, wherever the preferences give it, for the same reason.
const SYSTEM_AUTHOR: &str = "Ada Lovelace";
/// The temporary data folder, wherever an answer names it, for the same reason.
const DATA_DIR: &str = "<data dir>";

/// A command and its arguments, as the webview sends them.
type Call = (String, Value);

#[derive(Deserialize)]
struct Script {
    /// State-independent reads recorded besides the framework, nodes and lenses.
    #[serde(default)]
    r#static: Vec<Call>,
    scenarios: Vec<Scenario>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    name: String,
    /// Writes made before the fake starts.
    #[serde(default)]
    setup: Vec<Call>,
    /// Sequences of writes the UI (or a test) makes from the start, each from a fresh store.
    #[serde(default)]
    paths: Vec<Vec<Call>>,
    /// Reads recorded in every state besides the standard ones.
    #[serde(default)]
    reads: Vec<Call>,
}

/// One state of a scenario: answers to reads, and for each write its answer and next state.
#[derive(Default)]
struct State {
    reads: BTreeMap<String, usize>,
    writes: BTreeMap<String, [usize; 2]>,
}

/// Answers kept once each and referred to by index, so equal answers cost one line.
#[derive(Default)]
struct Answers {
    list: Vec<String>,
    ids: HashMap<String, usize>,
}

impl Answers {
    fn keep(&mut self, answer: Result<Value, ApiError>, data: &Path) -> usize {
        let value = match answer {
            Ok(v) => json!({ "ok": v }),
            Err(e) => json!({ "error": e }),
        };
        let text = canonical(&steady(value, &data.display().to_string()));
        if let Some(&id) = self.ids.get(&text) {
            return id;
        }
        self.list.push(text.clone());
        self.ids.insert(text, self.list.len() - 1);
        self.list.len() - 1
    }
}

/// JSON with object keys sorted and no spaces: the form the fake builds its lookup keys in.
fn canonical(value: &Value) -> String {
    fn write(out: &mut String, value: &Value) {
        match value {
            Value::Object(map) => {
                let mut keys: Vec<&String> = map.keys().collect();
                keys.sort();
                out.push('{');
                for (i, k) in keys.into_iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&Value::String(k.clone()).to_string());
                    out.push(':');
                    write(out, &map[k]);
                }
                out.push('}');
            }
            Value::Array(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write(out, v);
                }
                out.push(']');
            }
            other => out.push_str(&other.to_string()),
        }
    }
    let mut out = String::new();
    write(&mut out, value);
    out
}

/// The lookup key of a call: its command and canonical arguments.
fn key(command: &str, args: &Value) -> String {
    format!("{command} {}", canonical(args))
}

fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 20
        && b.len() <= 40
        && b[..19].iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 | 16 => *c == b':',
            _ => c.is_ascii_digit(),
        })
        && s[19..]
            .bytes()
            .all(|c| c.is_ascii_digit() || b".:+-Z".contains(&c))
}

/// How a report's cover dates itself: "2026-11-30 14:05 UTC".
const FIXED_STAMP: &str = "2026-01-01 00:00 UTC";

/// `text` with every report stamp ("2026-11-30 14:05 UTC") in it replaced by `FIXED_STAMP`.
fn steady_stamps(text: &str) -> String {
    let shape = |w: &[u8]| {
        w.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b' ',
            13 => *c == b':',
            16.. => *c == b" UTC"[i - 16],
            _ => c.is_ascii_digit(),
        })
    };
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        if i + FIXED_STAMP.len() <= bytes.len() && shape(&bytes[i..i + FIXED_STAMP.len()]) {
            out.push_str(FIXED_STAMP);
            i += FIXED_STAMP.len();
        } else {
            let c = text[i..]
                .chars()
                .next()
                .expect("i is on a character boundary");
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// The answer with what differs from one recording to the next (times, a report's stamp, the
/// temporary folder) replaced by fixed text.
fn steady(value: Value, data: &str) -> Value {
    match value {
        Value::String(s) if is_timestamp(&s) => Value::String(FIXED_TIME.into()),
        Value::String(s) if s.contains(data) => Value::String(s.replace(data, DATA_DIR)),
        Value::String(s) if s.contains(" UTC") => Value::String(steady_stamps(&s)),
        Value::Array(items) => Value::Array(items.into_iter().map(|v| steady(v, data)).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| match k.as_str() {
                    // The system's full name differs from machine to machine.
                    "system_author" => (k, Value::String(SYSTEM_AUTHOR.into())),
                    _ => (k, steady(v, data)),
                })
                .collect(),
        ),
        other => other,
    }
}

/// The static key of the search answer given before the index is built.
const NOT_READY_KEY: &str = "search (index not built yet)";

fn fresh_app() -> (tempfile::TempDir, AppState) {
    let data = tempfile::tempdir().expect("a temporary data folder");
    let framework = atlas_core::load_dir(Path::new(MINI));
    if let Err(report) = &framework {
        panic!("content/examples/mini must load for the UI's tests:\n{report}");
    }
    let app = AppState::new_with_author(framework, data.path().to_path_buf(), "Tester");
    app.atlas.build_search();
    (data, app)
}

fn ok(app: &AppState, command: &str, args: Value) -> Value {
    dispatch(app, command, args).unwrap_or_else(|e| panic!("`{command}` failed: {}", e.message))
}

/// The reads recorded in every state: whatever a view may ask about the store.
fn standard_reads(app: &AppState, capabilities: &[String]) -> Vec<Call> {
    let mut calls: Vec<Call> = [
        "organisations",
        "deleted_organisations",
        "store_status",
        "tours",
        "preferences",
        "export_folder",
        "pack_status",
    ]
    .iter()
    .map(|c| (c.to_string(), json!({})))
    .collect();
    let orgs = ok(app, "organisations", json!({}));
    for org in orgs.as_array().into_iter().flatten() {
        let org = &org["id"];
        for command in [
            "assessments",
            "dashboard",
            "actions_csv",
            "snapshots",
            "workshops",
            "orphan_review",
        ] {
            calls.push((command.into(), json!({ "org": org })));
        }
        calls.push(("history".into(), json!({ "org": org, "capability": null })));
        for cap in capabilities {
            calls.push(("history".into(), json!({ "org": org, "capability": cap })));
            for command in ["assessment", "notes_html"] {
                calls.push((command.into(), json!({ "org": org, "capability": cap })));
            }
        }
    }
    calls
}

struct Recorder {
    answers: Answers,
    capabilities: Vec<String>,
}

impl Recorder {
    fn reads(&mut self, app: &AppState, data: &Path, extra: &[Call]) -> State {
        let mut state = State::default();
        for (command, args) in standard_reads(app, &self.capabilities).iter().chain(extra) {
            let answer = dispatch(app, command, args.clone());
            state
                .reads
                .insert(key(command, args), self.answers.keep(answer, data));
        }
        state
    }

    fn scenario(&mut self, s: &Scenario) -> Vec<State> {
        let mut states: Vec<State> = Vec::new();
        // A state is known by the writes that led to it.
        let mut known: HashMap<Vec<String>, usize> = HashMap::new();
        let start: Vec<Call> = Vec::new();
        for path in std::iter::once(&start).chain(&s.paths) {
            let (data, app) = fresh_app();
            for (i, (command, args)) in s.setup.iter().enumerate() {
                if let Err(e) = dispatch(&app, command, args.clone()) {
                    panic!(
                        "scenario `{}`: setup write {} (`{command}`) was refused: {}",
                        s.name,
                        i + 1,
                        e.message
                    );
                }
            }
            let mut done: Vec<String> = Vec::new();
            let mut at = match known.get(&done) {
                Some(&id) => id,
                None => {
                    states.push(self.reads(&app, data.path(), &s.reads));
                    known.insert(done.clone(), 0);
                    0
                }
            };
            for (command, args) in path {
                let k = key(command, args);
                let answer = dispatch(&app, command, args.clone());
                let refused = answer.is_err();
                let id = self.answers.keep(answer, data.path());
                let next = if refused {
                    at
                } else {
                    done.push(k.clone());
                    match known.get(&done) {
                        Some(&next) => next,
                        None => {
                            states.push(self.reads(&app, data.path(), &s.reads));
                            known.insert(done.clone(), states.len() - 1);
                            states.len() - 1
                        }
                    }
                };
                let before = states[at].writes.insert(k, [id, next]);
                assert!(
                    before.is_none_or(|b| b == [id, next]),
                    "scenario `{}`: `{command}` answered differently when replayed; the \
                     recording would not be reproducible",
                    s.name
                );
                at = next;
            }
        }
        states
    }
}

/// A fresh recording of the script, as the text of `recorded.json`.
fn record() -> String {
    let script: Script = serde_json::from_str(
        &std::fs::read_to_string(SCRIPT).expect("ui/src/lib/platform/fixtures/scenarios.json"),
    )
    .unwrap_or_else(|e| panic!("scenarios.json: {e}"));
    let (data, app) = fresh_app();
    let framework = ok(&app, "framework", json!({}));
    let nodes = framework["nodes"].as_array().expect("nodes").clone();
    let of_kind = |kind: &str| -> Vec<String> {
        nodes
            .iter()
            .filter(|n| n["kind"] == kind)
            .map(|n| n["id"].as_str().expect("an id").to_string())
            .collect()
    };
    let mut rec = Recorder {
        answers: Answers::default(),
        capabilities: of_kind("capability"),
    };

    // Static answers: besides the pack's own nodes and stakeholders, one id it lacks and one
    // node that is no stakeholder, so the fake can replay the refusals too.
    let mut statics: Vec<Call> = vec![("framework".into(), json!({}))];
    for n in &nodes {
        statics.push(("node".into(), json!({ "id": n["id"] })));
    }
    statics.push(("node".into(), json!({ "id": "no-such-node" })));
    for s in of_kind("stakeholder") {
        statics.push(("lens".into(), json!({ "stakeholder": s })));
    }
    statics.push(("lens".into(), json!({ "stakeholder": "alpha" })));
    statics.extend(script.r#static.iter().cloned());
    let mut static_ids = BTreeMap::new();
    for (command, args) in &statics {
        let answer = dispatch(&app, command, args.clone());
        static_ids.insert(key(command, args), rec.answers.keep(answer, data.path()));
    }

    // What search answers while the index is still being built after start-up.
    let starting = AppState::new_with_author(
        atlas_core::load_dir(Path::new(MINI)),
        data.path().join("starting"),
        "Tester",
    );
    let early = dispatch(
        &starting,
        "search",
        json!({ "query": "alpha", "limit": 20 }),
    );
    static_ids.insert(NOT_READY_KEY.into(), rec.answers.keep(early, data.path()));

    let mut scenarios = Vec::new();
    for s in &script.scenarios {
        scenarios.push((s.name.clone(), rec.scenario(s)));
    }

    let mut out = String::from("{\"answers\": [\n");
    out.push_str(&rec.answers.list.join(",\n"));
    out.push_str("\n],\n\"static\": {\n");
    let lines: Vec<String> = static_ids
        .iter()
        .map(|(k, id)| format!("{}: {id}", Value::String(k.clone())))
        .collect();
    out.push_str(&lines.join(",\n"));
    out.push_str("\n},\n\"scenarios\": {\n");
    let blocks: Vec<String> = scenarios
        .iter()
        .map(|(name, states)| {
            let lines: Vec<String> = states
                .iter()
                .map(|s| json!({ "reads": s.reads, "writes": s.writes }).to_string())
                .collect();
            format!(
                "{}: [\n{}\n]",
                Value::String(name.clone()),
                lines.join(",\n")
            )
        })
        .collect();
    out.push_str(&blocks.join(",\n"));
    out.push_str("\n}}\n");
    out
}

#[test]
fn ui_fixtures_are_current() {
    let fresh = record();
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(RECORDED, &fresh).expect("write recorded.json");
    }
    let committed = std::fs::read_to_string(RECORDED).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/lib/platform/fixtures/recorded.json is stale: the UI's tests would assert \
         answers the core no longer gives. Regenerate with \
         `UPDATE_FIXTURES=1 cargo test -p atlas --lib fixtures`."
    );
}

#[test]
fn a_reports_stamp_is_fixed_wherever_it_stands_and_other_text_is_kept() {
    assert_eq!(
        steady_stamps("<p>Généré 2026-11-30 14:05 UTC, à 2026-11-30.</p>"),
        "<p>Généré 2026-01-01 00:00 UTC, à 2026-11-30.</p>",
        "the stamp changes every minute and would make the recording stale; a date alone is data"
    );
    assert_eq!(steady_stamps("12:05 UTC"), "12:05 UTC");
}

#[test]
fn timestamps_are_recognised_and_other_text_is_not() {
    for t in ["2026-03-01T10:00:00Z", "2026-03-01T10:00:00.123+02:00"] {
        assert!(is_timestamp(t), "{t} must be fixed in the recording");
    }
    for s in ["Mini in three steps · 2026-01-01", "2026-03-01", "Baseline"] {
        assert!(
            !is_timestamp(s),
            "{s} is what a person typed and must be kept"
        );
    }
}
