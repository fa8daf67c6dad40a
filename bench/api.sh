#!/usr/bin/env bash
# API benchmark: every endpoint of issue 10 under wrk against the packaged server on the local
# PostgreSQL and Redis, with a realistic data set, each compared with pgbench replaying its SQL;
# results go to docs/benchmarks.md ("## API"). Not part of `mvn verify` (ApiBenchmarkSmokeIT runs a
# tiny version there). See bench/README.md.
#   bench/api.sh [--smoke]
# PostgreSQL: COACHKIT_TEST_DATABASE_URL (a superuser URL on this machine, whose log file
# pg_lsclusters names or COACHKIT_BENCH_POSTGRES_LOG gives); Redis: COACHKIT_TEST_REDIS_URL.
set -euo pipefail
cd "$(dirname "$0")/.."

export COACHKIT_TEST_DATABASE_URL="${COACHKIT_TEST_DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}"
export COACHKIT_TEST_REDIS_URL="${COACHKIT_TEST_REDIS_URL:-redis://127.0.0.1:6379}"
command -v wrk >/dev/null || apt-get install -y wrk || { apt-get update && apt-get install -y wrk; }

mvn -B -q -DskipTests install
cd bootstrap
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
# a plain java command line, so that JMH can fork a JVM with the same class path
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  "-Dcoachkit.bench.command=bench/api.sh${*:+ $*}" \
  dev.coachkit.bootstrap.bench.ApiBenchmark "$@" ../docs/benchmarks.md
