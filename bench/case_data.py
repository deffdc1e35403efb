"""The generated cases the case list and dashboard benchmarks share.

In SQLite they live in a file database, ``var/bench-cases.sqlite3`` (or the file
``BENCH_DATABASE`` names), built once by ``load_demo --cases N`` and topped up when N grows
(delete it to start again). When
``DATABASE_URL`` names a PostgreSQL database (``scripts/with-postgres.sh``) the cases are
generated there instead. Import this module before anything of Django.
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE = Path(os.environ.get("BENCH_DATABASE", ROOT / "var" / "bench-cases.sqlite3")).resolve()
if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402


def cases_wanted() -> int:
    """The first argument, else ``BENCH_CASES``, else a million."""
    return int(sys.argv[1]) if len(sys.argv) > 1 else int(os.environ.get("BENCH_CASES", 10**6))


def where() -> str:
    if connection.vendor == "sqlite":
        return str(DATABASE.relative_to(ROOT) if DATABASE.is_relative_to(ROOT) else DATABASE)
    return f"{connection.vendor} {connection.pg_version // 10000}"


def build(cases: int) -> float:
    """Migrate and load the demo with ``cases`` generated cases; the seconds it took."""
    started = time.monotonic()
    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_demo", force=True, cases=cases, stdout=quiet)
    return time.monotonic() - started
