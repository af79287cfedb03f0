"""Runs the Python client's integration test against the real service over HTTP.

Starts the packaged service (api/target/mimamori-api.jar, local profile) on a free loopback port with its own
data directory, waits until its demo model is active, runs the unittest modules test_*.py beside this file with
MIMAMORI_URL set, and stops the service (its embedded MariaDB ends with it). Exits non-zero when a test fails
or the service does not come up.

    python3 run_it.py --api-jar api/target/mimamori-api.jar \
        --client-dir api/client-python/target/generated-sources/python --work api/client-python/target/it

Run with Debian's Python (`command -p python3`), which has pydantic 1, urllib3 and dateutil from apt.
"""
import argparse
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import traceback
import unittest
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_active_model(url, proc, log, timeout):
    """Waits until a supervisor's model list has an active model (the demo model is trained on first start).

    Says every 30 s what the last attempt saw, so that a service that never becomes ready leaves a trail."""
    started = time.monotonic()
    deadline = started + timeout
    said = started
    seen = "nothing yet"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the service exited with {proc.returncode}; its log is {log}")
        try:
            req = urllib.request.Request(url + "/api/v1/models?purpose=model_management", headers={"Authorization": "Bearer demo-supervisor"})
            with urllib.request.urlopen(req, timeout=5) as r:
                body = r.read()
                if b'"active":true' in body:
                    return
                seen = f"HTTP {r.status} without an active model: {body[:300]!r}"
        except urllib.error.HTTPError as e:
            seen = f"HTTP {e.code}: {e.read()[:300]!r}"
        except (urllib.error.URLError, ConnectionError, TimeoutError, http.client.HTTPException) as e:
            seen = f"{type(e).__name__}: {e}"
        if time.monotonic() - said >= 30:
            said = time.monotonic()
            print(f"after {said - started:.0f} s the service is not ready; the last attempt saw {seen}", flush=True)
        time.sleep(1)
    raise RuntimeError(f"the service had no active model after {timeout} s (the last attempt saw {seen}); "
                       f"its log is {log}")


def tail(path, lines):
    try:
        with open(path, "rb") as f:
            return b"".join(f.readlines()[-lines:]).decode("utf-8", "replace")
    except OSError as e:
        return f"({path}: {e})"


def report_service(proc, work, log_path):
    """After a failure: a thread dump of the running service (SIGQUIT), the ends of its and its database's logs,
    and the Java and MariaDB processes running on this machine (a leftover of an earlier test, say)."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGQUIT)
        time.sleep(2)
    print("---- the end of the service's log " + log_path, flush=True)
    print(tail(log_path, 2000), flush=True)
    print("---- the end of the embedded MariaDB's log", flush=True)
    print(tail(os.path.join(work, "data", "mariadb.log"), 30), flush=True)
    free = shutil.disk_usage(work).free
    print(f"---- java and mariadbd processes ({free / 2**30:.1f} GiB free on the disk of {work}: a full disk "
          f"stalls MariaDB)", flush=True)
    ps = subprocess.run(["ps", "-eo", "pid,ppid,etime,pcpu,rss,args"], capture_output=True, text=True).stdout
    print("\n".join(l[:220] for l in ps.splitlines() if "java" in l or "mariadbd" in l or "PID" in l), flush=True)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--api-jar", required=True)
    p.add_argument("--client-dir", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--timeout", type=int, default=300, help="seconds to wait for the service (default 300)")
    a = p.parse_args()

    shutil.rmtree(a.work, ignore_errors=True)
    os.makedirs(a.work)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = os.path.join(a.work, "service.log")
    started = time.monotonic()
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            ["java", "-Xmx1g", "-jar", a.api_jar, f"--server.port={port}",
             f"--mimamori.data-dir={os.path.join(a.work, 'data')}"],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    ok = False
    try:
        wait_for_active_model(url, proc, log_path, a.timeout)
        print(f"Service up on {url} after {time.monotonic() - started:.0f} s (log: {log_path})", flush=True)
        os.environ["MIMAMORI_URL"] = url
        os.environ["MIMAMORI_IT_WORK"] = a.work
        sys.path.insert(0, os.path.abspath(a.client_dir))
        sys.path.insert(0, HERE)
        suite = unittest.defaultTestLoader.discover(HERE, pattern="test_*.py", top_level_dir=HERE)
        result = unittest.TextTestRunner(verbosity=2).run(suite)
        if result.testsRun == 0:
            print("no test ran", file=sys.stderr)
            return 1
        ok = result.wasSuccessful()
        return 0 if ok else 1
    except Exception:  # reported before the dump, so that it ends the tests' own report
        traceback.print_exc(file=sys.stdout)
        sys.stdout.flush()
        return 1
    finally:
        if not ok:
            report_service(proc, a.work, log_path)
        proc.terminate()
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


if __name__ == "__main__":
    sys.exit(main())
