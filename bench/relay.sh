#!/usr/bin/env bash
# Outbox relay benchmark: relay throughput into SQS and commit-to-handler latency; results go to
# docs/benchmarks.md. Not part of `mvn verify`. See bench/README.md.
#   bench/relay.sh [--events N] [--tenants T] [--rate R] [--seconds S] [--out docs/benchmarks.md]
# PostgreSQL: COACHKIT_TEST_DATABASE_URL (a superuser URL) if set, else embedded; SQS: embedded ElasticMQ
# (or COACHKIT_TEST_SQS_ENDPOINT).
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -DskipTests install
mvn -B -q -pl bootstrap exec:java \
  -Dexec.classpathScope=test \
  -Dexec.mainClass=dev.coachkit.bootstrap.bench.RelayBenchmark \
  -Dexec.args="$*" \
  "-Dcoachkit.bench.command=bench/relay.sh${*:+ $*}"
