#!/usr/bin/env bash
# JMH benchmark of the in-process scoring path: case resolution, encoding, explanation, interval, warnings,
# red flags and band moves. Trains a model on a seeded synthetic municipality first (about 20 s).
# Usage: bash bench/jmh-scoring.sh [JMH options, e.g. -wi 3 -i 5 -f 1]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl training -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test
cp="training/target/test-classes:training/target/classes:model/target/classes:$(cat training/target/bench-classpath.txt)"
java -cp "$cp" org.openjdk.jmh.Main 'org.mimamori.training.bench.*' -f 1 -wi 3 -w 2s -i 5 -r 3s "$@"
