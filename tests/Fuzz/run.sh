#!/usr/bin/env bash
# Fuzz the HTTP/1.1 request parser, the trigger codecs and the layer.json reader (docs/fuzzing.md).
#
#   tests/Fuzz/run.sh [--short] [target]   CI: each target's corpus, then random mutations of it, in-process
#                                          (no coverage feedback; FUZZ_COUNT inputs per target, default 500,000, FUZZ_SECONDS at most, default 30)
#   tests/Fuzz/run.sh --long [target]      AFL++ over the SharpFuzz-instrumented assemblies until FUZZ_EXECS executions
#                                          (default 1,000,000; target default http); installs afl++ if it is missing
#
# Targets: http, triggers, layer (all three by default for --short). Exit 1 on any crash, hang or over-allocation;
# failing inputs are saved under artifacts/fuzz/ (in-process: findings/<target>/; AFL: afl/<target>/default/crashes|hangs/).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

mode=short
if [ "${1:-}" = "--short" ] || [ "${1:-}" = "--long" ]; then mode="${1#--}"; shift; fi
target="${1:-}"
out="$repo/artifacts/fuzz"

if [ "$mode" = short ]; then
  targets="${target:-http triggers layer}"
  bin="$out/bin"
  dotnet build "$here/Runtime.Fuzz.csproj" -c Release -o "$bin" --nologo -v quiet -clp:ErrorsOnly
  status=0
  for t in $targets; do
    # A fixed seed keeps CI repeatable; FUZZ_SEED=<n> explores elsewhere (the seed is printed either way).
    dotnet "$bin/Runtime.Fuzz.dll" mutate "$t" --corpus "$here/corpus/$t" --findings "$out/findings/$t" \
      --count "${FUZZ_COUNT:-500000}" --seconds "${FUZZ_SECONDS:-30}" --seed "${FUZZ_SEED:-1}" || status=1
  done
  exit $status
fi

t="${target:-http}"
execs="${FUZZ_EXECS:-1000000}"
if ! command -v afl-fuzz >/dev/null; then
  echo "afl-fuzz not found: installing Debian's afl++"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
fi
# One plain build (for the dictionary and the replay below, which run outside afl-fuzz), and a copy of it instrumented:
# instrumented code may only run under afl-fuzz (it writes to AFL's shared coverage map).
plain="$out/bin"
dotnet build "$here/Runtime.Fuzz.csproj" -c Release -o "$plain" --nologo -v quiet -clp:ErrorsOnly
bin="$out/afl/bin"
rm -rf "$bin" && mkdir -p "$out/afl" && cp -r "$plain" "$bin"
(cd "$here" && dotnet tool restore >/dev/null)
for assembly in Runtime.Light.dll Runtime.Engine.dll; do
  # Instrument only the project's own assemblies: coverage of the BCL (System.Text.Json) would be noise.
  (cd "$here" && dotnet tool run sharpfuzz "$bin/$assembly" Runtime.)
done
dotnet "$plain/Runtime.Fuzz.dll" dict "$t" > "$out/afl/$t.dict"
findings="$out/afl/$t"
rm -rf "$findings"

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_FORKSRV_INIT_TMOUT=60000
started=$(date +%s)
# -t: per-input time limit (ms) = a hang; -m none: .NET reserves far more virtual memory than it uses, so the bound
# is the harness's per-input allocation check instead; -E: stop after that many executions.
afl-fuzz -i "$here/corpus/$t" -o "$findings" -x "$out/afl/$t.dict" -t "${FUZZ_TIMEOUT_MS:-2000}" -m none -E "$execs" \
  -- dotnet "$bin/Runtime.Fuzz.dll" afl "$t" > "$out/afl/$t.log" 2>&1 &
afl=$!
peak=0
while kill -0 "$afl" 2>/dev/null; do
  for pid in $(pgrep -P "$afl" 2>/dev/null); do
    hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ "${hwm:-0}" -gt "$peak" ] && peak=$hwm
  done
  sleep 0.5
done
wait "$afl" || { echo "afl-fuzz failed; see $out/afl/$t.log" >&2; tail -20 "$out/afl/$t.log" >&2; exit 1; }
elapsed=$(( $(date +%s) - started ))

# Replay what AFL kept (its queue, crashes and hangs) on the plain build: the same oracles outside AFL, plus the
# largest allocation by any one of those inputs and the process's peak working set.
replay=$(dotnet "$plain/Runtime.Fuzz.dll" replay "$t" "$findings/default/queue" "$findings/default/crashes" "$findings/default/hangs" \
  --findings "$out/afl/$t-replay" 2>&1 | tail -1) || true
echo "replay: $replay"

stats="$findings/default/fuzzer_stats"
get() { awk -F' *: *' -v k="$1" '$1==k {print $2}' "$stats"; }
crashes=$(get saved_crashes); hangs=$(get saved_hangs)
summary="target=$t execs_done=$(get execs_done) wall_seconds=$elapsed execs_per_sec=$(get execs_per_sec) corpus_count=$(get corpus_count)"
summary+=" edges_found=$(get edges_found) saved_crashes=$crashes saved_hangs=$hangs peak_target_rss_kib=$peak"
summary+=" date=$(date -u +%Y-%m-%dT%H:%MZ) afl=$(get afl_version) cpu=\"$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)\" cores=$(nproc)"
echo "$summary" | tee "$out/afl/$t.result"
[ "$crashes" = 0 ] && [ "$hangs" = 0 ]
