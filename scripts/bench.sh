#!/usr/bin/env bash
# Speed benchmarks for tiendo (a benchmark, not a test: it measures and reports, see
# docs/benchmarks.md for what each line means and the figures last measured).
#
# Usage:
#   scripts/bench.sh
#
# Environment:
#   BENCH_DIR     work folder (default: ${TMPDIR:-/tmp}/tiendo-bench). Generated plans, the floor
#                 program, the Taskwarrior data and the hyperfine JSON files live here and are
#                 reused by the next run (plans are regenerated when scripts/gen-plan.py changes).
#   TIENDO        a tiendo binary to measure instead of building one with `cargo build --release`.
#   BENCH_STRICT  when 1, exit 1 if any target is missed (default: report only, exit 0).
#   BENCH_SKIP_TW when 1, skip the Taskwarrior comparison.
#   BENCH_SKIP_HISTORY when 1, skip the history benchmark (scripts/bench-history.sh).
#   BENCH_STEPS   which measurements to take, comma-separated (default: all of
#                 small,large,tw,memory,history). Results of earlier runs stay in
#                 $BENCH_DIR/results and the summary shows the latest of each, so a long benchmark
#                 can be taken in short parts on a shared machine.
#   BENCH_RUNS    runs per 10k measurement (default 10; 100k and Taskwarrior get half). Lower it
#                 on a busy machine to keep each step short.
#
# In one run it:
#   1. installs hyperfine and taskwarrior with apt-get when missing (and GNU time for peak memory);
#   2. builds tiendo (release) and a tiny "floor" program: walk tasks/**, read every file and parse
#      it into toml::Table on 2 threads, nothing else (same toml/serde versions as tiendo, taken from
#      tiendo's Cargo.lock);
#   3. generates 10,000- and 100,000-task plans with scripts/gen-plan.py and checks that each has
#      0 errors;
#   4. measures medians with hyperfine (files in the OS page cache throughout):
#      - the floor (walk + read + parse on 2 threads) and a stat-only walk
#        (`find DIR -name '*.toml' -printf '%s %T@ %i\n'`), 10k and 100k;
#      - tiendo cold (`--no-cache`: every file read and parsed) and warm (the parse cache,
#        filled by the warm-up runs): check, list and report on 10k, check on 100k;
#      - the first run after the cache is deleted (reads everything and writes the cache);
#      - check on the real plan, and Taskwarrior `task list` on the same 10,000 tasks;
#      - the history commands against raw git (scripts/bench-history.sh, cached and not);
#   5. measures peak memory (max RSS) of `tiendo check`, cold and warm, against the bytes on disk;
#   6. prints a summary table with ratios and targets.
#
# The parse caches of the generated plans live in $BENCH_DIR/cache (XDG_CACHE_HOME): the plans
# are not in a git repository.
#
# Any failing step (build, generation, a command exiting non-zero, an install) stops the script
# with a non-zero exit status.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/tiendo-bench}"
AS_OF=2024-12-31
SIZES=(10000 100000)
mkdir -p "$BENCH_DIR/results"
RES="$BENCH_DIR/results"

say() { printf '\n== %s\n' "$*" >&2; }
die() { printf 'bench.sh: %s\n' "$*" >&2; exit 1; }

# --- 1. tools ---------------------------------------------------------------------------------
apt_updated=0
need_pkg() { # need_pkg COMMAND PACKAGE
  if ! command -v "$1" >/dev/null 2>&1; then
    say "installing $2 (apt-get)"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    if [ "$apt_updated" -eq 0 ]; then
      $sudo apt-get update -qq || die "apt-get update failed"
      apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$2" >/dev/null \
      || die "apt-get install $2 failed"
    command -v "$1" >/dev/null 2>&1 || die "$2 installed but $1 not found"
  fi
}
need_pkg hyperfine hyperfine
[ -x /usr/bin/time ] || { need_pkg /usr/bin/time time; }
[ "${BENCH_SKIP_TW:-0}" = 1 ] || need_pkg task taskwarrior
command -v python3 >/dev/null || die "python3 is required"
command -v cargo >/dev/null || die "cargo is required"

# --- 2. builds --------------------------------------------------------------------------------
if [ -n "${TIENDO:-}" ]; then
  [ -x "$TIENDO" ] || die "TIENDO=$TIENDO is not an executable"
else
  say "tiendo: on PATH when its version matches, else cargo build --release"
  # shellcheck source=scripts/lib/tiendo.sh
  source "$REPO/scripts/lib/tiendo.sh"
  tiendo_resolve "$REPO" || die "cargo build --release failed (set TIENDO=… to measure an existing binary)"
fi
# Measure a private copy: other people may rebuild target/release/tiendo while this runs.
mkdir -p "$BENCH_DIR/bin"
cp -p "$TIENDO" "$BENCH_DIR/bin/tiendo"
TIENDO="$BENCH_DIR/bin/tiendo"

say "building the floor program"
FLOOR_SRC="$BENCH_DIR/floor"
mkdir -p "$FLOOR_SRC/src"
cat >"$FLOOR_SRC/Cargo.toml" <<'EOF'
[package]
name = "floor"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
# Same requirements as tiendo; tiendo's Cargo.lock is copied next to this file so the exact
# same toml / toml_parser / serde versions are used.
serde = "1.0"
toml = "1.2"

[profile.release]
debug = "line-tables-only"

[workspace]
EOF
cat >"$FLOOR_SRC/src/main.rs" <<'EOF'
//! The floor: walk DIR/tasks/**, read every *.toml and parse it into a toml::Table on two
//! threads. Nothing else — no checks, no model, no output beyond one line.
use std::path::{Path, PathBuf};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).expect("read_dir").map(|e| e.expect("entry")).collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let ft = e.file_type().expect("file_type");
        let p = e.path();
        if ft.is_dir() {
            walk(&p, out);
        } else if ft.is_file() && p.extension().is_some_and(|x| x == "toml") {
            out.push(p);
        }
    }
}

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).expect("usage: floor PLAN_DIR"));
    let mut paths = vec![];
    walk(&dir.join("tasks"), &mut paths);
    let threads = 2;
    let size = paths.len().div_ceil(threads).max(1);
    let keys: usize = std::thread::scope(|s| {
        let hs: Vec<_> = paths
            .chunks(size)
            .map(|chunk| {
                s.spawn(move || {
                    let mut keys = 0;
                    for p in chunk {
                        let text = std::fs::read_to_string(p).expect("read");
                        let t: toml::Table = toml::from_str(&text).expect("parse");
                        keys += t.len();
                    }
                    keys
                })
            })
            .collect();
        hs.into_iter().map(|h| h.join().unwrap()).sum()
    });
    println!("{} files, {} top-level keys", paths.len(), keys);
}
EOF
cp "$REPO/Cargo.lock" "$FLOOR_SRC/Cargo.lock"
export CARGO_TARGET_DIR="$BENCH_DIR/target"
(cd "$FLOOR_SRC" && cargo build --release --quiet) || die "building the floor program failed"
unset CARGO_TARGET_DIR
FLOOR="$BENCH_DIR/target/release/floor"
grep -A1 -E '^name = "(toml|toml_parser|serde)"$' "$FLOOR_SRC/Cargo.lock" | grep version | tr '\n' ' ' >&2; echo >&2

# --- 3. plans ---------------------------------------------------------------------------------
GEN="$REPO/scripts/gen-plan.py"
GEN_SUM="$(cat "$GEN" "$REPO/plan/units.toml" | sha256sum | cut -c1-16)"
plan_dir() { echo "$BENCH_DIR/plan-$1"; }
for n in "${SIZES[@]}"; do
  d="$(plan_dir "$n")"
  stamp="$BENCH_DIR/plan-$n.ok"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$GEN_SUM" ] && [ -d "$d" ]; then
    say "reusing $d"
  else
    say "generating $n tasks in $d"
    rm -rf "$d" "$d.tmp" "$stamp"
    extra=()
    [ "$n" = 10000 ] && extra=(--taskwarrior-json "$BENCH_DIR/tw-10000.json")
    python3 "$GEN" "$d.tmp" "$n" --seed 6 "${extra[@]}" || die "gen-plan.py failed for $n"
    mv "$d.tmp" "$d"
    echo "$GEN_SUM" >"$stamp"
    rm -rf "$BENCH_DIR/taskdata"   # the Taskwarrior data derives from the 10k plan
  fi
  out="$("$TIENDO" --lang en --color never --plan "$d" check --as-of "$AS_OF")" || die "tiendo check failed on $d"
  echo "$out" | tail -1 >&2
  echo "$out" | tail -1 | grep -q '^0 errors' || die "generated plan $d has errors"
done
P10="$(plan_dir 10000)"
P100="$(plan_dir 100000)"

# --- 4. timings -----------------------------------------------------------------------------
# Other processes (builds, tests) on a 2-core machine distort wall-clock medians. Wait up to
# BENCH_QUIET_WAIT seconds (default 120) for the 1-minute load average to fall below 0.5, then
# go on regardless; the load is recorded and the summary also shows CPU time (user+sys), which
# other processes disturb much less.
wait_quiet() {
  local waited=0 limit="${BENCH_QUIET_WAIT:-120}"
  while awk '{exit !($1 >= 0.5)}' /proc/loadavg && [ "$waited" -lt "$limit" ]; do
    [ "$waited" -eq 0 ] && say "waiting up to ${limit}s for a quiet machine (load $(cut -d' ' -f1 /proc/loadavg))"
    sleep 5; waited=$((waited + 5))
  done
}
wait_quiet
cut -d' ' -f1-3 /proc/loadavg >"$RES/load-start"

# hf NAME RUNS WARMUP COMMAND… : timing, output discarded, JSON to $RES/NAME.json
hf() {
  local name="$1" runs="$2" warmup="$3"; shift 3
  say "$name: $*"
  hyperfine --shell=none --style basic --warmup "$warmup" --min-runs "$runs" --output null \
    --export-json "$RES/$name.json" -- "$(printf '%q ' "$@")" >&2 \
    || die "hyperfine failed for $name"
}
# hyperfine --shell=none splits the command on whitespace; none of our arguments contain spaces.
export XDG_CACHE_HOME="$BENCH_DIR/cache"
CACHE_DIR="$XDG_CACHE_HOME/tiendo"
R="${BENCH_RUNS:-10}"; R2=$(( (R + 1) / 2 ))
# The stat-only walk: what any tool that trusts a stat cache must at least do.
STATWALK="$BENCH_DIR/bin/statwalk"
printf '#!/bin/sh\nexec find "$1" -name "*.toml" -printf "%%s %%T@ %%i\\\\n"\n' >"$STATWALK"
chmod +x "$STATWALK"
STEPS=",${BENCH_STEPS:-small,large,tw,memory,history},"
step() { [[ $STEPS == *",$1,"* ]]; }
if step small; then
rm -rf "$CACHE_DIR"
hf floor-10k       "$R" 2 "$FLOOR" "$P10"
hf statwalk-10k    "$R" 2 "$STATWALK" "$P10"
for cmd in check list report; do
  case $cmd in
    check)  args=(check --as-of "$AS_OF") ;;
    list)   args=(list --as-of "$AS_OF" --format table) ;;
    # `report` judges as of the end of the report window by default, and refuses a plan whose
    # data lies after that day; --as-of makes it judge as of the same day as the others.
    report) args=(report --month 2024-06 --as-of "$AS_OF") ;;
  esac
  hf "$cmd-10k-cold" "$R" 2 "$TIENDO" --plan "$P10" --no-cache "${args[@]}"
  hf "$cmd-10k-warm" "$R" 2 "$TIENDO" --plan "$P10" "${args[@]}"
done
say "check-10k-first: the first run after the cache is deleted (reads everything, writes the cache)"
hyperfine --shell=none --style basic --warmup 1 --min-runs "$R2" --output null \
  --prepare "rm -rf $CACHE_DIR" --export-json "$RES/check-10k-first.json" \
  -- "$TIENDO --plan $P10 check --as-of $AS_OF" >&2 || die "hyperfine failed for check-10k-first"
hf check-real      30 5 "$TIENDO" --plan "$REPO/plan" check
fi
if step large; then
hf floor-100k      "$R2" 1 "$FLOOR" "$P100"
hf statwalk-100k   "$R2" 1 "$STATWALK" "$P100"
hf check-100k-cold "$R2" 1 "$TIENDO" --plan "$P100" --no-cache check --as-of "$AS_OF"
hf check-100k-warm "$R2" 1 "$TIENDO" --plan "$P100" check --as-of "$AS_OF"
ls -l "$CACHE_DIR" >&2
fi

if [ "${BENCH_SKIP_TW:-0}" != 1 ] && step tw; then
  TW="$BENCH_DIR/taskdata"
  export TASKRC="$BENCH_DIR/taskrc"
  export TASKDATA="$TW"
  cat >"$TASKRC" <<EOF
data.location=$TW
confirmation=off
hooks=off
verbose=nothing
gc=off
color=off
recurrence=off
news.version=2.6.2
EOF
  if [ ! -f "$TW/pending.data" ] || [ "$(wc -l <"$TW/pending.data")" -ne 10000 ]; then
    say "importing 10,000 tasks into Taskwarrior ($TW)"
    rm -rf "$TW"; mkdir -p "$TW"
    [ -f "$BENCH_DIR/tw-10000.json" ] || die "missing $BENCH_DIR/tw-10000.json (delete $BENCH_DIR/plan-10000.ok to regenerate)"
    task rc.confirmation=off rc.hooks=off rc.verbose=nothing import "$BENCH_DIR/tw-10000.json" >/dev/null \
      || die "task import failed"
    got="$(wc -l <"$TW/pending.data")"
    [ "$got" -eq 10000 ] || die "Taskwarrior holds $got pending tasks, expected 10000"
  fi
  echo "task list prints $(task rc.verbose=nothing rc.gc=off rc.hooks=off rc.color=off list | wc -l) lines" >&2
  hf tw-list-10k  "$R2" 1 task rc.verbose=nothing rc.gc=off rc.hooks=off rc.color=off list
fi

if [ "${BENCH_SKIP_HISTORY:-0}" != 1 ] && step history; then
  say "history (scripts/bench-history.sh)"
  BENCH_DIR="$BENCH_DIR/history" TIENDO="$TIENDO" "$REPO/scripts/bench-history.sh" >"$RES/history.txt" \
    || die "scripts/bench-history.sh failed"
  cat "$RES/history.txt" >&2
fi

cut -d' ' -f1-3 /proc/loadavg >"$RES/load-end"

# --- 5. peak memory ---------------------------------------------------------------------------
maxrss_kb() { # median of 3 runs of max RSS (KiB) for COMMAND…
  local v=()
  for _ in 1 2 3; do
    v+=("$( (/usr/bin/time -v "$@" >/dev/null) 2>&1 | awk -F': ' '/Maximum resident set size/ {print $2}')")
    [ -n "${v[-1]}" ] || die "/usr/bin/time failed on $*"
  done
  printf '%s\n' "${v[@]}" | sort -n | sed -n 2p
}
if step memory; then
say "peak memory"
{
  echo "rss_check_10k_kb=$(maxrss_kb "$TIENDO" --plan "$P10" --no-cache check --as-of "$AS_OF")"
  echo "rss_check_100k_kb=$(maxrss_kb "$TIENDO" --plan "$P100" --no-cache check --as-of "$AS_OF")"
  echo "rss_warm_10k_kb=$(maxrss_kb "$TIENDO" --plan "$P10" check --as-of "$AS_OF")"
  echo "rss_warm_100k_kb=$(maxrss_kb "$TIENDO" --plan "$P100" check --as-of "$AS_OF")"
  echo "rss_floor_10k_kb=$(maxrss_kb "$FLOOR" "$P10")"
  echo "rss_floor_100k_kb=$(maxrss_kb "$FLOOR" "$P100")"
  echo "disk_10k_bytes=$(du -sb "$P10/tasks" | cut -f1)"
  echo "disk_100k_bytes=$(du -sb "$P100/tasks" | cut -f1)"
} >"$RES/memory.env"
cat "$RES/memory.env" >&2
fi

# --- 6. summary -------------------------------------------------------------------------------
say "summary ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, tiendo $("$TIENDO" --version | awk '{print $2}'), load average at start $(cat "$RES/load-start"), at end $(cat "$RES/load-end"))"
python3 - "$RES" <<'EOF'
import json, os, sys
res = sys.argv[1]
def load(name):
    p = os.path.join(res, name + ".json")
    return json.load(open(p))["results"][0] if os.path.exists(p) else None
mp = os.path.join(res, "memory.env")
mem = dict(l.strip().split("=") for l in open(mp) if "=" in l) if os.path.exists(mp) else {}
names = ["floor-10k", "statwalk-10k", "check-10k-first", "floor-100k", "statwalk-100k",
         "check-100k-cold", "check-100k-warm", "check-real", "tw-list-10k"]
names += [f"{c}-10k-{k}" for c in ["check", "list", "report"] for k in ["cold", "warm"]]
t = {n: load(n) for n in names}
med = lambda n: t[n]["median"]
cpu = lambda n: t[n]["user"] + t[n]["system"]   # mean CPU time per run
def fmt(s): return f"{s*1000:.1f} ms" if s < 1 else f"{s:.2f} s"
rows, missed = [], []
class Missing(Exception): pass
def row(name, n, *rest, **kw):
    try:
        row_(name, n, *rest, **kw)
    except (Missing, KeyError, TypeError):
        rows.append((name, "(not measured)", "", "", "", "", "", ""))
def row_(name, n, ratio="", cpu_ratio="", target="", ok=None, value=None):
    v = value if value is not None else fmt(med(n))
    mn = fmt(t[n]["min"]) if n else ""
    c = fmt(cpu(n)) if n else ""
    rows.append((name, v, mn, c, ratio, cpu_ratio, target, "" if ok is None else "met" if ok else "MISSED"))
    if ok is False: missed.append(name)
def vs(n, ref, label, target="", limit=None, atleast=False):
    if t.get(n) is None or t.get(ref) is None:
        return ("", "", target, None)
    r, rc = med(n) / med(ref), cpu(n) / cpu(ref)
    if atleast:   # ref / n: how many times faster n is
        r, rc = 1 / r, 1 / rc
    ok = None if limit is None else (r >= limit if atleast else r <= limit)
    return (f"{r:.2f}× {label}", f"{rc:.2f}× {label}", target, ok)
row("floor 10k (walk+read+parse, 2 threads)", "floor-10k")
row("stat-only walk 10k (find -printf)", "statwalk-10k")
for c in ["check", "list", "report"]:
    row(f"tiendo {c} 10k cold (--no-cache)", f"{c}-10k-cold", *vs(f"{c}-10k-cold", "floor-10k", "floor", "≤ 1.25× floor", 1.25))
for c in ["check", "list", "report"]:
    row(f"tiendo {c} 10k warm (cache)", f"{c}-10k-warm", *vs(f"{c}-10k-warm", "statwalk-10k", "stat walk", "≤ 2× stat walk", 2))
row("tiendo check 10k, first run (writes the cache)", "check-10k-first", *vs("check-10k-first", "check-10k-cold", "cold"))
if t["tw-list-10k"]:
    row("Taskwarrior task list 10k", "tw-list-10k")
    for c in ["check", "list", "report"]:
        row(f"  task list vs tiendo {c} 10k warm", "tw-list-10k", *vs(f"{c}-10k-warm", "tw-list-10k", "faster", "≥ 10× faster", 10, atleast=True))
row("floor 100k", "floor-100k", *vs("floor-100k", "floor-10k", "floor 10k"))
row("stat-only walk 100k", "statwalk-100k", *vs("statwalk-100k", "statwalk-10k", "walk 10k"))
row("tiendo check 100k cold", "check-100k-cold", *vs("check-100k-cold", "check-10k-cold", "10k cold", "~linear (≤ 12.5×)", 12.5))
row("  check 100k cold vs floor 100k", "check-100k-cold", *vs("check-100k-cold", "floor-100k", "floor", "≤ 1.25× floor", 1.25))
row("tiendo check 100k warm", "check-100k-warm", *vs("check-100k-warm", "check-10k-warm", "10k warm", "~linear (≤ 12.5×)", 12.5))
row("  check 100k warm vs stat walk 100k", "check-100k-warm", *vs("check-100k-warm", "statwalk-100k", "stat walk", "≤ 2× stat walk", 2))
row("tiendo check, real plan (65 tasks)", "check-real", "", "", "< 20 ms", t["check-real"] and med("check-real") < 0.020)
for n in ["10k", "100k"] if mem else []:
    disk = int(mem[f"disk_{n}_bytes"])
    frss = int(mem[f"rss_floor_{n}_kb"]) * 1024
    for kind, key in [("cold", f"rss_check_{n}_kb"), ("warm", f"rss_warm_{n}_kb")]:
        rss = int(mem[key]) * 1024
        row(f"peak RSS check {n} {kind}", None, f"{rss/disk:.2f}× {disk/2**20:.0f} MiB on disk",
            f"(floor {frss/2**20:.0f} MiB)", "≤ 3× disk", rss/disk <= 3, value=f"{rss/2**20:.0f} MiB")
hdr = ("measurement", "median", "min", "user+sys", "ratio (medians)", "ratio (CPU time)", "target", "")
w = [max(len(r[i]) for r in rows + [hdr]) for i in range(len(hdr))]
print(" | ".join(h.ljust(w[i]) for i, h in enumerate(hdr)).rstrip())
print("-+-".join("-" * x for x in w))
for r in rows:
    print(" | ".join(c.ljust(w[i]) for i, c in enumerate(r)).rstrip())
hist = os.path.join(res, "history.txt")
if os.path.exists(hist):
    print()
    print(open(hist).read().rstrip())
    missed += [l.split("  ")[0].strip() for l in open(hist) if "MISSED" in l]
print()
print("targets missed: " + (", ".join(missed) if missed else "none"))
open(os.path.join(res, "missed"), "w").write("\n".join(missed))
EOF
if [ "${BENCH_STRICT:-0}" = 1 ] && [ -s "$RES/missed" ]; then
  exit 1
fi
