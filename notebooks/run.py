"""Executes notebooks headless, as CI does, and fails if a cell fails.

    command -p python3 notebooks/run.py                      # every notebooks/*.ipynb, in name order
    command -p python3 notebooks/run.py 04-screen-cohort-api  # one (name with or without .ipynb)

Each notebook runs with Debian's Python kernel (python3-ipykernel) in the notebooks folder, and its executed
copy, with outputs, is written to notebooks/target/executed/ — the committed notebooks stay without outputs
(.ci/check-notebooks checks that). Prints each notebook's duration; exits 1 if any failed.
Needs the jars and the generated Python client: ./mvnw -B -q package -DskipTests.
"""
import argparse
import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

HERE = Path(__file__).resolve().parent
EXECUTED = HERE / "target" / "executed"


def run(path: Path, cell_timeout: int) -> bool:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name="python3", timeout=cell_timeout, allow_errors=False,
                            resources={"metadata": {"path": str(HERE)}})
    started = time.monotonic()
    ok = True
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
        ok = False
        print(f"FAILED {path.name}:\n{e}", file=sys.stderr, flush=True)
    finally:
        EXECUTED.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, EXECUTED / path.name)
    print(f"{'ok' if ok else 'FAILED'} {path.name} in {time.monotonic() - started:.0f} s "
          f"(executed copy: {EXECUTED / path.name})", flush=True)
    return ok


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("names", nargs="*", help="notebooks to run (default: all)")
    p.add_argument("--cell-timeout", type=int, default=600, help="seconds one cell may take (default 600)")
    a = p.parse_args()
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # quiets the kernel's debugger warning
    if a.names:
        paths = [HERE / (n if n.endswith(".ipynb") else n + ".ipynb") for n in a.names]
    else:
        paths = sorted(HERE.glob("*.ipynb"))
    missing = [str(q) for q in paths if not q.is_file()]
    if missing or not paths:
        print(f"no such notebook: {', '.join(missing) or 'none in ' + str(HERE)}", file=sys.stderr)
        return 2
    results = [run(q, a.cell_timeout) for q in paths]
    print(f"notebooks: {sum(results)} passed, {len(results) - sum(results)} failed", flush=True)
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
