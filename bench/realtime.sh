#!/usr/bin/env bash
# Real-time streams benchmark: N Server-Sent Events streams on one API process while posts are written at
# R per second; delivery latency, and the server's CPU and memory while the streams are idle. Results go
# to docs/benchmarks.md. Not part of `mvn verify`. See bench/README.md.
#   bench/realtime.sh [--streams N] [--rate R] [--seconds S] [--idle-seconds I] [--out ../docs/benchmarks.md]
# PostgreSQL: COACHKIT_TEST_DATABASE_URL (a superuser URL); Redis: COACHKIT_TEST_REDIS_URL.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -DskipTests install
cd bootstrap # the server is target/coachkit.jar, started as a process of its own
mvn -B -q exec:java \
  -Dexec.classpathScope=test \
  -Dexec.mainClass=dev.coachkit.bootstrap.bench.RealtimeBenchmark \
  -Dexec.args="$*" \
  "-Dcoachkit.bench.command=bench/realtime.sh${*:+ $*}"
