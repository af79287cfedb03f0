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
import os
import shutil
import socket
import subprocess
import sys
import time
import unittest
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_active_model(url, proc, log, timeout):
    """Waits until a supervisor's model list has an active model (the demo model is trained on first start)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the service exited with {proc.returncode}; its log is {log}")
        try:
            req = urllib.request.Request(url + "/api/v1/models?purpose=model_management", headers={"Authorization": "Bearer demo-supervisor"})
            with urllib.request.urlopen(req, timeout=5) as r:
                if b'"active":true' in r.read():
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(1)
    raise RuntimeError(f"the service had no active model after {timeout} s; its log is {log}")


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
        return 0 if result.wasSuccessful() else 1
    finally:
        proc.terminate()
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


if __name__ == "__main__":
    sys.exit(main())
