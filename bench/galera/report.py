#!/usr/bin/python3
"""Figures and checks of one phase of bench/galera.sh from load.py's request log; exits 1 when a check fails.

Checks: every answer is 201 or a 503 problem (application/problem+json); no 500, no request without an answer, none
slower than --hung seconds. Figures: counts by status, Retry-After, the slowest request, and relative to --kill
(epoch s): the first and last failure and when scores were stored again (the first 201 of a request sent after it).
"""
import argparse, collections, sys

ap = argparse.ArgumentParser()
ap.add_argument("--requests", required=True)
ap.add_argument("--kill", type=float, required=True)
ap.add_argument("--phase", required=True)
ap.add_argument("--ids-out", required=True)
ap.add_argument("--hung", type=float, default=15.0, help="slower than this counts as hung: the pool's 3 s, "
                "a statement's 5 s socket timeout and a commit held while the cluster drops the dead node")
a = ap.parse_args()

rows = []
for line in open(a.requests):
    if line.strip():
        f = line.rstrip("\n").split("\t")
        rows.append((float(f[0]), float(f[1]), int(f[2]), f[3], f[4], f[5], f[6]))
by_status = collections.Counter(r[2] for r in rows)
bad = [r for r in rows if r[2] != 201]
problems = []
for r in bad:
    if r[2] != 503:
        problems.append("status %d (%s) at +%.2f s" % (r[2], r[6] or "no answer", r[0] - a.kill))
    elif not r[5].startswith("application/problem+json"):
        problems.append("a 503 that is not a problem (%s)" % r[5])
slow = [r for r in rows if r[1] - r[0] > a.hung]
problems += ["a request took %.1f s" % (r[1] - r[0]) for r in slow]
retry_after = collections.Counter(r[4] for r in bad if r[2] == 503)
duration = max(r[1] for r in rows) - min(r[0] for r in rows)
print("%s: %d requests in %.0f s: %s; 503 Retry-After: %s; slowest %.2f s" % (
    a.phase, len(rows), duration, ", ".join("%s x%d" % (k or "no answer", v) for k, v in sorted(by_status.items())),
    ", ".join("%s x%d" % (k or "none", v) for k, v in sorted(retry_after.items())) or "-",
    max(r[1] - r[0] for r in rows)))
after = [r for r in rows if r[0] >= a.kill]
if bad:
    print("%s: failures from +%.2f s to +%.2f s after the kill" % (a.phase, min(r[1] for r in bad) - a.kill,
                                                                  max(r[1] for r in bad) - a.kill))
ok_after = [r for r in after if r[2] == 201]
if ok_after:
    print("%s: scores stored again %.2f s after the kill (first 201 of a request sent after it, answered at +%.2f s)"
          % (a.phase, ok_after[0][0] - a.kill, ok_after[0][1] - a.kill))
ends = sorted(r[1] for r in rows if r[2] == 201)
gap = max((b - x for x, b in zip(ends, ends[1:])), default=0.0)
print("%s: longest time without a stored score: %.2f s" % (a.phase, gap))
with open(a.ids_out, "w") as f:
    f.write("".join(sorted(r[3] + "\n" for r in rows if r[2] == 201)))
if problems:
    print("%s: FAIL: %s" % (a.phase, "; ".join(problems[:10])))
    sys.exit(1)
