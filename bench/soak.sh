#!/usr/bin/env bash
# Soak test (issue 11), the long run: the packaged server held at half of its measured maximum throughput over
# the mixed workload for 10 minutes, then checked for 5xx, heap growth and leaked connections or descriptors.
# It is SoakIT, which `mvn verify` (.ci/run) runs for 60 s. Prints a section for docs/reliability.md.
#   bench/soak.sh [--seconds S] [--measure-seconds M]        (defaults: 600 and 30)
# PostgreSQL and Redis as for the test suite: COACHKIT_TEST_DATABASE_URL (a superuser URL) and
# COACHKIT_TEST_REDIS_URL when set, else Testcontainers or embedded servers.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=600
measure=30
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --measure-seconds) measure="$2"; shift 2 ;;
    *) echo "usage: bench/soak.sh [--seconds S] [--measure-seconds M]" >&2; exit 2 ;;
  esac
done

commit="$(git rev-parse --short HEAD)"
if [ -n "$(git status --porcelain)" ]; then commit="$commit (working tree with uncommitted changes)"; fi
started="$(date -u '+%Y-%m-%d %H:%M UTC')"
load="$(cut -d' ' -f1-3 /proc/loadavg)"

rm -f bootstrap/target/soak-report.md
mvn -B -q -pl bootstrap -am -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SoakIT \
  -Dcoachkit.soak.seconds="$seconds" -Dcoachkit.soak.measure.seconds="$measure" verify

cat <<REPORT

### Soak run of $started

Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')),
$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) memory, load average $load at the start;
$(java -version 2>&1 | head -1). Commit $commit. Command: \`bench/soak.sh --seconds $seconds --measure-seconds $measure\`.

$(cat bootstrap/target/soak-report.md)
REPORT
