#!/usr/bin/env bash
# Runs every gate and test suite, counts what passed and failed in each, and closes with
# one line "N passed, M failed". A gate (fmt, clippy, type check, originality, build) counts
# as one test; suites contribute their own counts. Each line says how long its step took, so a
# slower CI run points at the step that grew. Exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never
export NO_COLOR=1

LOGS=$(mktemp -d)
passed=0
failed=0
skipped_note=""
declare -a report
step_started=$SECONDS
run_started=$SECONDS

add() { # name passed failed
  passed=$((passed + $2))
  failed=$((failed + $3))
  local took=$((SECONDS - step_started))
  report+=("$(printf '%-34s %5s passed %4s failed %6ss' "$1" "$2" "$3" "$took")")
  printf '(%s took %ss)\n' "$1" "$took"
}

gate() { # name command...
  local name=$1; shift
  step_started=$SECONDS
  printf '\n\033[1m--- %s\033[0m\n' "$name"
  if "$@" > "$LOGS/$name.log" 2>&1; then
    add "$name" 1 0
  else
    cat "$LOGS/$name.log"
    add "$name" 0 1
  fi
}

section() { step_started=$SECONDS; printf '\n\033[1m--- %s\033[0m\n' "$1"; }

# The shell embeds the built UI at compile time, so the UI is built before anything compiles it.
gate "ui build" bash -c "cd ui && npm run --silent build"
gate "cargo fmt" cargo fmt --all --check
gate "clippy -D warnings" cargo clippy --workspace --all-targets --locked -- -D warnings
# The originality check compares content/ with the reference texts kept beside the repository.
# A clone without them still runs everything else; CI always has them and must run it.
if [ -x ../shared/tools/originality ] || [ -n "${CI:-}" ]; then
  gate "content originality" ../shared/tools/originality content
else
  printf '\n\033[1m--- content originality\033[0m\nskipped: ../shared/tools/originality is not beside this repository\n'
  skipped_note="content originality check skipped (../shared/tools/originality is absent)"
fi
gate "ui type check" bash -c "cd ui && npm run --silent check"
gate "ui lint and format" bash -c "cd ui && npm run --silent lint"

section "cargo test"
cargo test --workspace --locked 2>&1 | tee "$LOGS/cargo-test.log"
status=${PIPESTATUS[0]}
p=$(awk '/^test result:/ { for (i = 1; i < NF; i++) if ($(i+1) ~ /^passed/) s += $i } END { print s + 0 }' "$LOGS/cargo-test.log")
f=$(awk '/^test result:/ { for (i = 1; i < NF; i++) if ($(i+1) ~ /^failed/) s += $i } END { print s + 0 }' "$LOGS/cargo-test.log")
p=${p:-0}; f=${f:-0}
if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi # a build failure runs no test at all
add "cargo test (core and shell)" "$p" "$f"

section "vitest"
(cd ui && NO_COLOR=1 npx vitest run --reporter=default) 2>&1 | sed 's/\x1b\[[0-9;]*m//g' | tee "$LOGS/vitest.log"
status=${PIPESTATUS[0]}
line=$(grep -E '^\s+Tests\s' "$LOGS/vitest.log" | tail -1)
p=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' || echo 0)
f=$(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+' || echo 0)
if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
add "vitest (ui units)" "$p" "$f"

# Built with the same targets (and so the same features) as `cargo test` above, the app reuses
# every artifact that run made; `-p atlas` alone resolves features anew and rebuilt ~3 minutes.
gate "app build" cargo build --workspace --all-targets --locked

section "end-to-end (tauri-driver + WebKitWebDriver under Xvfb)"
if [ -x target/debug/atlas ]; then
  # A stuck webview must fail the run, not hang it: each test has 3 minutes, the suite 30.
  # The screen is 1920×1080 so that the projector can be shown (and photographed) at that size.
  (cd tests/e2e && timeout 1800 dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24" \
    node --test --test-concurrency=1 --test-timeout=180000 --test-reporter=tap specs/) 2>&1 | tee "$LOGS/e2e.log"
  status=${PIPESTATUS[0]}
  p=$(grep -E '^# pass ' "$LOGS/e2e.log" | tail -1 | grep -oE '[0-9]+' || echo 0)
  f=$(grep -E '^# fail ' "$LOGS/e2e.log" | tail -1 | grep -oE '[0-9]+' || echo 0)
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  add "end-to-end (real app)" "$p" "$f"
else
  add "end-to-end (real app)" 0 1
fi

printf '\n\033[1m--- summary\033[0m\n'
printf '%s\n' "${report[@]}"
echo
if [ -n "${skipped_note:-}" ]; then echo "note: $skipped_note"; fi
echo "all steps took $((SECONDS - run_started))s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
