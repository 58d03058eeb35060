#!/usr/bin/env bash
# Benchmark: `tiendo report --at REV` (the plan read from git: one ls-tree, one cat-file --batch)
# against `tiendo report` on the working tree of the same plan (a benchmark, not a test; see
# docs/benchmarks.md). Builds, once, a repository with a generated plan of 10,000 task files and
# 1,000 dated commits over 2024 (git fast-import), then measures with hyperfine, warm cache,
# the June 2024 report both ways. Keep runs short: the machine is shared.
#
# Environment: BENCH_DIR (default ${TMPDIR:-/tmp}/tiendo-bench-report-at), TIENDO (a binary to
# measure instead of building one), RUNS (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/tiendo-bench-report-at}
RUNS=${RUNS:-5}
mkdir -p "$BENCH_DIR"
if [[ -z ${TIENDO:-} ]]; then
  cargo build --release --quiet
  cp target/release/tiendo "$BENCH_DIR/tiendo"
  TIENDO=$BENCH_DIR/tiendo
fi
repo=$BENCH_DIR/repo
if [[ ! -f $BENCH_DIR/repo.ok ]]; then
  rm -rf "$repo" "$BENCH_DIR/plan"
  python3 scripts/gen-plan.py "$BENCH_DIR/plan" 10000 >/dev/null
  git init -q -b main "$repo"
  python3 - "$BENCH_DIR/plan" <<'PY' | GIT_CONFIG_GLOBAL=/dev/null git -C "$repo" fast-import --quiet
import os, random, sys, datetime
plan = sys.argv[1]
files = []
for d, _, names in os.walk(plan):
    for n in sorted(names):
        p = os.path.join(d, n)
        files.append((os.path.relpath(p, plan), open(p, "rb").read()))
files.sort()
tasks = [f for f in files if f[0].startswith("tasks/")]
out = sys.stdout.buffer
def commit(when, msg, changes):
    m = msg.encode()
    out.write(b"commit refs/heads/main\n")
    out.write(b"committer Van thu <vt@example.vn> %d +0700\n" % when)
    out.write(b"data %d\n%s\n" % (len(m), m))
    for path, data in changes:
        out.write(b"M 100644 inline plan/%s\n" % path.encode())
        out.write(b"data %d\n%s\n" % (len(data), data))
start = 1704153600  # 2024-01-02 00:00 UTC
commit(start, "Ke hoach", files)
rng = random.Random(15)
content = dict(tasks)
lead = {}
for p, data in tasks:
    for line in data.decode().splitlines():
        if line.startswith("lead = ["):
            lead[p] = line.split('"')[1]
            break
for i in range(999):
    when = start + 86400 + i * (363 * 86400 // 1000)
    p = rng.choice(tasks)[0]
    day = datetime.datetime.fromtimestamp(when, datetime.timezone.utc).date().isoformat()
    entry = f'\n[[progress]]\ndate = {day}\nby = "{lead[p]}"\nnote = "Bao cao tien do so {i}"\n'
    content[p] = content[p] + entry.encode()
    commit(when, f"{p}: bao cao {day}", [(p, content[p])])
PY
  git -C "$repo" checkout -q main
  touch "$BENCH_DIR/repo.ok"
fi
echo "repository: $(git -C "$repo" rev-list --count HEAD) commits over $(git -C "$repo" ls-files plan/tasks | wc -l) task files"
results=$BENCH_DIR/results
mkdir -p "$results"
hf() { hyperfine --style none --warmup 1 --runs "$RUNS" --export-json "$results/$1.json" -N "$2" >/dev/null; }
hf worktree "$TIENDO --plan $repo/plan report --month 2024-06"
hf at-head "$TIENDO --plan $repo/plan report --month 2024-06 --at HEAD"
hf at-past "$TIENDO --plan $repo/plan report --month 2024-06 --at HEAD~500"
python3 - "$results" <<'PY'
import json, sys
r = sys.argv[1]
med = lambda n: json.load(open(f"{r}/{n}.json"))["results"][0]["median"]
w, h, p = med("worktree"), med("at-head"), med("at-past")
print(f"{'measurement (median)':<58} {'time':>9} {'ratio':>7}")
print(f"{'report --month 2024-06 (working tree)':<58} {w*1000:8.0f}ms")
print(f"{'report --month 2024-06 --at HEAD':<58} {h*1000:8.0f}ms {h/w:6.2f}x")
print(f"{'report --month 2024-06 --at HEAD~500':<58} {p*1000:8.0f}ms {p/w:6.2f}x")
PY
