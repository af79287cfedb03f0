#!/usr/bin/python3
"""Scores through HTTP on C connections for D seconds and logs every request (bench/galera.sh).

  load.py --port P --seconds D --connections C --out requests.tsv [--body-from bench/score.lua]

Each line of the output: start (epoch s), end, status (0 = no answer within --timeout), the score id of a 201, the
Retry-After header, the problem's content type and title. Child references differ per request.
"""
import argparse, http.client, json, re, threading, time

ap = argparse.ArgumentParser()
ap.add_argument("--port", type=int, required=True)
ap.add_argument("--seconds", type=float, required=True)
ap.add_argument("--connections", type=int, default=4)
ap.add_argument("--timeout", type=float, default=30.0)
ap.add_argument("--out", required=True)
ap.add_argument("--body-from", default="bench/score.lua")
ap.add_argument("--prefix", default="G", help="first letter of the child references (one per load)")
a = ap.parse_args()

template = json.loads(re.search(r"wrk\.body = \[\[(.*)\]\]", open(a.body_from).read()).group(1))
lines, lock = [], threading.Lock()
stop_at = time.time() + a.seconds


def worker(k):
    conn, i = None, 0
    while time.time() < stop_at:
        i += 1
        body = dict(template, childRef="%s-%02d-%06d" % (a.prefix, k, i))
        t0 = time.time()
        status, sid, retry, ctype, title = 0, "", "", "", ""
        try:
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=a.timeout)
            conn.request("POST", "/api/v1/scores", json.dumps(body), {
                "Content-Type": "application/json", "Authorization": "Bearer demo-caseworker"})
            r = conn.getresponse()
            data = r.read()
            status, retry, ctype = r.status, r.getheader("Retry-After") or "", r.getheader("Content-Type") or ""
            doc = json.loads(data) if data else {}
            sid = doc.get("id", "") if status == 201 else ""
            title = "" if status == 201 else str(doc.get("title", ""))[:60]
            if r.getheader("Connection", "").lower() == "close":
                conn.close(); conn = None
        except Exception as e:  # no answer: a hung or reset request
            title = type(e).__name__
            if conn is not None:
                conn.close()
            conn = None
        t1 = time.time()
        with lock:
            lines.append("%.3f\t%.3f\t%d\t%s\t%s\t%s\t%s" % (t0, t1, status, sid, retry, ctype, title))


threads = [threading.Thread(target=worker, args=(k,)) for k in range(a.connections)]
for t in threads:
    t.start()
for t in threads:
    t.join()
with open(a.out, "w") as f:
    f.write("\n".join(sorted(lines)) + "\n")
