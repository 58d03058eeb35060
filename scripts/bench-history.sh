#!/usr/bin/env bash
# Benchmark of the git history commands (a benchmark, not a test; see docs/benchmarks.md).
#
# Builds, once, a repository with a generated plan of 2,000 task files (in per-group folders)
# and 5,000 dated commits over 2024, each appending a progress entry to one task (written with
# `git fast-import`, so building it takes seconds, deterministically). Then measures with
# hyperfine, warm cache:
#   - the report's history section (`tiendo log --since --until`, the same computation) against
#     raw `git log --since --until -- plan/` for the June 2024 window (target: <= 1.5x);
#   - `tiendo log ID` against raw `git log --follow -- FILE` for the task with most commits
#     (target: <= 1.3x);
#   - the whole `tiendo report --month 2024-06`, for information.
# tiendo is measured warm (the history cache in .git/tiendo/, filled by the warm-up runs) and
# with --no-cache (every version fetched from git and parsed).
#
# Environment: BENCH_DIR (default ${TMPDIR:-/tmp}/tiendo-bench-history), TIENDO (a binary to
# measure instead of building one).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/tiendo-bench-history}
mkdir -p "$BENCH_DIR"

if ! command -v hyperfine >/dev/null; then
  apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null
fi
if [[ -z ${TIENDO:-} ]]; then
  # shellcheck source=scripts/lib/tiendo.sh
  source scripts/lib/tiendo.sh
  tiendo_resolve "$PWD"
  cp "$TIENDO" "$BENCH_DIR/tiendo"
  TIENDO=$BENCH_DIR/tiendo
fi

repo=$BENCH_DIR/repo
if [[ ! -f $BENCH_DIR/repo.ok ]]; then
  rm -rf "$repo" "$BENCH_DIR/plan"
  python3 scripts/gen-plan.py "$BENCH_DIR/plan" 2000 >/dev/null
  git init -q -b main "$repo"
  python3 - "$BENCH_DIR/plan" <<'PY' | GIT_CONFIG_GLOBAL=/dev/null git -C "$repo" fast-import --quiet
import os, random, sys
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
    # Without "from", fast-import continues the branch from its current tip.
    for path, data in changes:
        out.write(b"M 100644 inline plan/%s\n" % path.encode())
        out.write(b"data %d\n%s\n" % (len(data), data))
start = 1704153600  # 2024-01-02 00:00 UTC
commit(start, "Ke hoach", files)
rng = random.Random(594)
content = dict(tasks)
# Unit ids that may report: read each task's first lead.
lead = {}
for p, data in tasks:
    for line in data.decode().splitlines():
        if line.startswith("lead = ["):
            lead[p] = line.split('"')[1]
            break
# A few tasks get many commits (so `log ID` has real work), the rest are spread.
hot = [tasks[i][0] for i in range(0, len(tasks), 97)]
for i in range(5000):
    when = start + 86400 + i * (363 * 86400 // 5000)
    p = rng.choice(hot) if rng.random() < 0.2 else rng.choice(tasks)[0]
    day = __import__("datetime").datetime.utcfromtimestamp(when).date().isoformat()
    entry = f'\n[[progress]]\ndate = {day}\nby = "{lead[p]}"\nnote = "Bao cao tien do so {i}"\n'
    content[p] = content[p] + entry.encode()
    commit(when, f"{p}: bao cao {day}", [(p, content[p])])
PY
  git -C "$repo" checkout -q main
  touch "$BENCH_DIR/repo.ok"
fi

hot_file=$(git -C "$repo" log --format= --name-only -- plan/tasks | sort | uniq -c | sort -rn | awk 'NR == 1 {print $2}')
hot_id=$(basename "$hot_file" .toml)
commits=$(git -C "$repo" rev-list --count HEAD)
files=$(git -C "$repo" ls-files plan/tasks | wc -l)
echo "repository: $commits commits over $files task files; most-changed task: $hot_id ($(git -C "$repo" log --format=%h --follow -- "$hot_file" | wc -l) commits)"

results=$BENCH_DIR/results
mkdir -p "$results"
hf() { hyperfine --style none --warmup 3 --runs "$2" --export-json "$results/$1.json" -N "${@:3}" >/dev/null; }
hf git-window 20 "git -C $repo log --since=2024-05-15 --until=2024-06-14 -- plan/"
hf tiendo-window 20 "$TIENDO --plan $repo/plan log --since 2024-05-15 --until 2024-06-14"
hf tiendo-window-nocache 10 "$TIENDO --plan $repo/plan --no-cache log --since 2024-05-15 --until 2024-06-14"
hf git-follow 20 "git -C $repo log --follow -- $hot_file"
hf tiendo-follow 20 "$TIENDO --plan $repo/plan log $hot_id"
hf tiendo-follow-nocache 10 "$TIENDO --plan $repo/plan --no-cache log $hot_id"
hf report 5 "$TIENDO --plan $repo/plan report --month 2024-06"

python3 - "$results" <<'PY'
import json, sys
r = sys.argv[1]
med = lambda n: json.load(open(f"{r}/{n}.json"))["results"][0]["median"]
gw, tw, gf, tf, rep, twn, tfn = (med(n) for n in ["git-window", "tiendo-window", "git-follow", "tiendo-follow", "report", "tiendo-window-nocache", "tiendo-follow-nocache"])
print(f"{'measurement':<52} {'median':>9} {'ratio':>7}  target")
print(f"{'git log --since --until -- plan/ (June window)':<52} {gw*1000:8.1f}ms")
print(f"{'tiendo log --since --until (report history section)':<52} {tw*1000:8.1f}ms {tw/gw:6.2f}x  <= 1.5x {'met' if tw/gw <= 1.5 else 'MISSED'}")
print(f"{'  same, --no-cache':<52} {twn*1000:8.1f}ms {twn/gw:6.2f}x")
print(f"{'git log --follow -- FILE':<52} {gf*1000:8.1f}ms")
print(f"{'tiendo log ID':<52} {tf*1000:8.1f}ms {tf/gf:6.2f}x  <= 1.3x {'met' if tf/gf <= 1.3 else 'MISSED'}")
print(f"{'  same, --no-cache':<52} {tfn*1000:8.1f}ms {tfn/gf:6.2f}x")
print(f"{'tiendo report --month 2024-06 (whole report)':<52} {rep*1000:8.1f}ms")
PY
