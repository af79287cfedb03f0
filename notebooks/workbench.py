"""Helpers the notebooks share: the training CLI, model bundles, and a local scoring service.

Everything runs on this machine and nothing leaves it. The notebooks drive the project's own tools:

* the training CLI, ``training/target/mimamori-training.jar`` (``synth``, ``train``, ``evaluate``, ``audit``,
  ``export``), through :func:`cli` and the small wrappers below;
* the scoring service, ``api/target/mimamori-api.jar``, started by :class:`LocalService` in the ``local``
  profile on a free loopback port with its own data directory (its embedded MariaDB included) and stopped
  afterwards;
* the generated Python client, ``api/client-python/target/generated-sources/python`` (package
  ``mimamori_client``), which this module puts on ``sys.path``.

Build them first with ``./mvnw -B -q package -DskipTests``. Working files go to ``notebooks/target/work/<name>``
(or ``$MIMAMORI_NOTEBOOK_WORK/<name>``).
"""
from __future__ import annotations

import atexit
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRAINING_JAR = ROOT / "training" / "target" / "mimamori-training.jar"
API_JAR = ROOT / "api" / "target" / "mimamori-api.jar"
CLIENT_DIR = ROOT / "api" / "client-python" / "target" / "generated-sources" / "python"
WORK = Path(os.environ.get("MIMAMORI_NOTEBOOK_WORK", ROOT / "notebooks" / "target" / "work"))

for _jar in (TRAINING_JAR, API_JAR):
    if not _jar.is_file():
        raise FileNotFoundError(f"{_jar} is missing: build it with ./mvnw -B -q package -DskipTests")
if not (CLIENT_DIR / "mimamori_client").is_dir():
    raise FileNotFoundError(f"the generated Python client is missing in {CLIENT_DIR}: "
                            "build it with ./mvnw -B -q package -DskipTests")
if str(CLIENT_DIR) not in sys.path:
    sys.path.insert(0, str(CLIENT_DIR))

import mimamori_client  # noqa: E402  (the generated client, found through CLIENT_DIR)

# The columns of a labelled case file that a cohort sent for screening may not have: the training label and
# analysis-only items (docs/api.md, "cohort columns").
NOT_FOR_SCREENING = re.compile(r"^(need_confirmed_12m|need_type_.*|academic_percentile)$")


def workdir(name: str) -> Path:
    """A fresh, empty working directory ``WORK/name``."""
    d = WORK / name
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    return d


# --- the training CLI ---------------------------------------------------------------------------------------

class CliError(RuntimeError):
    """A training command that exited non-zero; the message is the command's own (``<command>: ...``)."""


def cli(*args, cwd: Path | None = None) -> str:
    """Runs ``java -jar mimamori-training.jar ARGS`` and returns its standard output; raises CliError otherwise."""
    cmd = ["java", "-jar", str(TRAINING_JAR), *map(str, args)]
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if p.returncode != 0:
        raise CliError(f"exit code {p.returncode} from {' '.join(cmd[3:])}:\n{p.stderr.strip()}")
    return p.stdout


def synth(out: Path, children: int, seed: int, cohort: int | None = None) -> Path:
    """A synthetic municipality (``cases.csv``, ``truth.csv``, ``synth.json``, and ``cohort.csv`` if asked)."""
    args = ["synth", "--children", children, "--seed", seed, "--out", out]
    if cohort:
        args += ["--cohort", cohort]
    cli(*args)
    return out


def train(data: Path, out: Path, *options) -> Path:
    """Trains a bundle and returns its path (the last line the command prints)."""
    return Path(cli("train", "--data", data, "--out", out, *options).strip().splitlines()[-1])


def evaluate(bundle: Path, data: Path, scores_out: Path | None = None) -> dict:
    """The evaluation report (``evaluate --json``), optionally writing each case's score for the audit."""
    args = ["evaluate", "--bundle", bundle, "--data", data, "--json"]
    if scores_out:
        args += ["--scores-out", scores_out]
    out = cli(*args)
    return json.loads(out[out.index("{"):out.rindex("}") + 1])


def audit(scores: Path, groups, threshold: float = 0.3, score_column: str = "probability",
          label_column: str = "need_confirmed_12m") -> dict:
    """The fairness audit of any scores file (``audit --json``): flagged when the score is at or above threshold."""
    args = ["audit", "--input", scores, "--score-column", score_column, "--label-column", label_column,
            "--threshold", threshold, "--json"]
    for g in groups:
        args += ["--group-column", g]
    return json.loads(cli(*args))


# --- model bundles ------------------------------------------------------------------------------------------

class Bundle:
    """A model bundle's entries, read straight from the zip (the format is in the README, "Model bundles")."""

    def __init__(self, path: Path):
        self.path = Path(path)
        with zipfile.ZipFile(self.path) as z:
            self._entries = {n: z.read(n) for n in z.namelist()}
        self.manifest = self.json("manifest.json")
        self.metrics = self.json("metrics.json")
        self.scorecard = self.json("scorecard.json")
        self.version = self.path.stem.rsplit("-", 1)[-1]

    def names(self):
        return sorted(self._entries)

    def json(self, name: str):
        return json.loads(self._entries[name])

    def text(self, name: str) -> str:
        return self._entries[name].decode("utf-8")

    def bytes(self, name: str) -> bytes:
        return self._entries[name]

    def weights(self):
        """Every item state's weight as a pandas DataFrame (item, state, description, weight)."""
        import pandas as pd
        return pd.DataFrame(self.scorecard["weights"])

    def fairness(self):
        """The training audit's table per group (from metrics.json) as a pandas DataFrame."""
        return audit_table(self.metrics["fairness"])


def audit_table(report: dict):
    """An audit report (``audit --json`` or a bundle's ``metrics.fairness``) as one row per group."""
    import pandas as pd
    rows = []
    for g in report["groups"]:
        row = {k: g[k] for k in ("column", "value", "n", "base_rate", "selection_rate", "tpr", "fpr", "ppv",
                                 "auc", "reference", "too_small") if k in g}
        flagged = [m for m, d in g.get("disparities", {}).items() if d.get("flag")]
        row["flagged_disparities"] = ", ".join(flagged)
        rows.append(row)
    return pd.DataFrame(rows)


def roc_points(labels, scores):
    """The ROC curve (false and true positive rates at every threshold) of labels 0/1 and scores."""
    import numpy as np
    labels = np.asarray(labels, dtype=int)
    order = np.argsort(-np.asarray(scores, dtype=float), kind="mergesort")
    tp = np.cumsum(labels[order])
    fp = np.cumsum(1 - labels[order])
    return np.concatenate([[0.0], fp / max(fp[-1], 1)]), np.concatenate([[0.0], tp / max(tp[-1], 1)])


def cohort_from_cases(cases: Path, out: Path) -> Path:
    """A cohort file for screening from a labelled case file: the same rows without the label and the
    analysis-only columns (the service refuses those by name)."""
    import pandas as pd
    df = pd.read_csv(cases, dtype=str, keep_default_na=False)
    df[[c for c in df.columns if not NOT_FOR_SCREENING.match(c)]].to_csv(out, index=False)
    return out


# --- the scoring service ------------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LocalService:
    """The scoring service in the ``local`` profile (demo tokens, embedded MariaDB) on a free loopback port.

    ``LocalService(data_dir)`` starts it and waits until a model is active: the demo model, trained on a fresh
    start (seconds to a minute), or ``import_bundle`` (then no demo model is trained). ``stop()`` (also at exit)
    ends it and its database. Never for real children: the demo tokens are on.
    """

    def __init__(self, data_dir: Path, import_bundle: Path | None = None, timeout: int = 300,
                 extra_args=()):
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = self.data_dir / "service.log"
        args = ["java", "-Xmx1g", "-jar", str(API_JAR), f"--server.port={self.port}",
                f"--mimamori.data-dir={self.data_dir}", *extra_args]
        if import_bundle:
            args += [f"--mimamori.models.import-bundle={import_bundle}", "--mimamori.models.demo-when-empty=false"]
        started = time.monotonic()
        self._log = open(self.log_path, "wb")
        self._proc = subprocess.Popen(args, stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        self._clients = {}
        atexit.register(self.stop)
        try:
            self._wait_for_active_model(timeout)
        except BaseException:
            self.stop()
            raise
        self.startup_seconds = time.monotonic() - started

    def _wait_for_active_model(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise RuntimeError(f"the service exited with {self._proc.returncode}:\n{self.log_tail()}")
            try:
                req = urllib.request.Request(self.url + "/api/v1/models?purpose=model_management",
                                             headers={"Authorization": "Bearer demo-supervisor"})
                with urllib.request.urlopen(req, timeout=5) as r:
                    if any(m["active"] for m in json.load(r)):
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(1)
        raise RuntimeError(f"no active model after {timeout} s:\n{self.log_tail()}")

    def client(self, token: str) -> mimamori_client.ApiClient:
        """The generated client for this service with a bearer token (e.g. ``demo-supervisor``)."""
        if token not in self._clients:
            self._clients[token] = mimamori_client.ApiClient(
                mimamori_client.Configuration(host=self.url, access_token=token))
        return self._clients[token]

    def log_tail(self, lines: int = 30) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    @property
    def db_port(self) -> int:
        """The embedded MariaDB's port, from the log line ``Embedded MariaDB (pid …) ready on 127.0.0.1:<port>``."""
        m = re.search(r"Embedded MariaDB \(pid \d+\) ready on 127\.0\.0\.1:(\d+)", self.log_path.read_text())
        if not m:
            raise RuntimeError("the embedded database's port is not in the log")
        return int(m.group(1))

    @property
    def jdbc_url(self) -> str:
        return f"jdbc:mariadb://127.0.0.1:{self.db_port}/mimamori"

    @property
    def password_file(self) -> Path:
        """The embedded database's generated password (owner-only), as ``export --password-file`` reads it."""
        return self.data_dir / "secrets" / "db-password"

    def stop(self):
        """Stops the service (its embedded MariaDB ends with it)."""
        for c in self._clients.values():
            c.close()
        self._clients = {}
        if self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(60)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        self._log.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
