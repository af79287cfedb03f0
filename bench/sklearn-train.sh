#!/usr/bin/env bash
# scikit-learn doing the scorecard's training work on `train`'s own binned matrix, against which `train` is measured.
# Writes the training split's binned matrix, folds and bootstrap resamples (BinnedMatrixExport, the same split and
# encoder as `train`), then runs bench/sklearn_train.py on it with Debian's Python (apt-get install python3-sklearn).
# Usage: bash bench/sklearn-train.sh CASES.csv [WORK_DIR]     (e.g. synth --children 1000000 --seed 7 first)
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:?usage: bench/sklearn-train.sh CASES.csv [WORK_DIR]}
work=${2:-$(mktemp -d)}
./mvnw -B -q -o -pl training -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test
cp="training/target/test-classes:training/target/classes:model/target/classes:$(cat training/target/bench-classpath.txt)"
java -cp "$cp" org.mimamori.training.pipeline.BinnedMatrixExport "$cases" "$work/binned"
/usr/bin/time -f "scikit-learn: wall %e s, max RSS %M KB" "$(command -p -v python3)" bench/sklearn_train.py "$work/binned"
