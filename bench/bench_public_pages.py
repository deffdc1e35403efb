"""Benchmark: public pages and the API under 20 concurrent clients, as a ratio to a bare view.

Two gunicorn servers (4 workers each, as production would run them) serve one demo database in
a throwaway folder: one with the anonymous page cache on, one with it off
(``PAGE_CACHE_SECONDS=0``). ``wrk`` (Debian's package; 2 threads, 20 connections, 10 s timeout)
loads each URL for a few seconds after a one-second warm-up that is not counted, on loopback
only, one server at a time, in rounds that alternate the order of the servers.
The baseline is a bare Django view returning 1 KB through the same middleware on the same server
(``bench/urls.py``), measured in the same round. Printed: requests/s per URL, the ratio to the
bare view (median over the rounds), and any non-2xx answers or socket errors.

Run: ``make bench`` or ``.venv/bin/python bench/bench_public_pages.py [rounds] [seconds]``.
"""

import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
TARGET_RATIO = 0.5
PATHS = ["/", "/partner/", "PARTNER", "/wissen/", "/en/knowledge/", "/api/v2/pages/?fields=*"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(var_dir: Path, cache_seconds: int) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.server_settings",
        "VAR_DIR": str(var_dir),
        "PAGE_CACHE_SECONDS": str(cache_seconds),
        "PYTHONPATH": str(ROOT),
    }


def prepare(var_dir: Path) -> None:
    env = environment(var_dir, 0)
    for args in (["migrate", "--noinput", "-v0"], ["load_demo", "--force"]):
        subprocess.run(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
        )


@contextmanager
def server(var_dir: Path, cache_seconds: int):
    port = free_port()
    process = subprocess.Popen(
        [GUNICORN, "website.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "4"],
        cwd=ROOT,
        env={
            **environment(var_dir, cache_seconds),
            "DJANGO_SETTINGS_MODULE": "bench.server_settings",
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/bench/bare/", timeout=2)  # noqa: S310 (loopback)
                break
            except OSError:
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def partner_path(base: str) -> str:
    html = urllib.request.urlopen(base + "/partner/", timeout=10).read().decode()  # noqa: S310
    match = re.search(r'href="(/partner/[a-z0-9-]+/)"', html)
    if match is None:
        raise SystemExit("no partner link on /partner/: is the demo loaded?")
    return match.group(1)


def load(url: str, seconds: int) -> tuple[float, int]:
    """requests/s and the count of non-2xx answers plus socket errors."""
    output = subprocess.run(
        [shutil.which("wrk") or "wrk", "-t2", "-c20", f"-d{seconds}s", "--timeout", "10s", url],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    bad = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    bad += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    return rate, bad


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    seconds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk (make bench does)")
    var_dir = Path(tempfile.mkdtemp(prefix="pp-bench-pages-"))
    try:
        print("Preparing a demo database ...", flush=True)
        prepare(var_dir)
        rates: dict[tuple[str, str], list[float]] = {}
        errors: dict[tuple[str, str], int] = {}
        with server(var_dir, 300) as cached, server(var_dir, 0) as uncached:
            paths = [partner_path(cached) if p == "PARTNER" else p for p in PATHS]
            servers = [("cached", cached), ("uncached", uncached)]
            for _mode, base in servers:  # warm-up, not counted: imports, first cache fill
                for path in ["/bench/bare/", *paths]:
                    load(base + path, 1)
            for number in range(rounds):
                for mode, base in servers if number % 2 == 0 else servers[::-1]:
                    for path in ["/bench/bare/", *paths]:
                        rate, bad = load(base + path, seconds)
                        rates.setdefault((mode, path), []).append(rate)
                        errors[(mode, path)] = errors.get((mode, path), 0) + bad
        print(
            f"\nPublic pages under 20 concurrent clients (gunicorn, 4 workers, SQLite, "
            f"{os.cpu_count()} cores), {rounds} rounds of {seconds} s; ratio = requests/s "
            f"divided by the bare view's on the same server in the same round (median)."
        )
        print(f"{'path':34} {'mode':9} {'req/s':>8} {'ratio':>6} {'errors':>6}")
        failed = False
        for mode, _base in servers:
            bare = rates[(mode, "/bench/bare/")]
            for path in ["/bench/bare/", *paths]:
                ratios = [r / b for r, b in zip(rates[(mode, path)], bare, strict=True)]
                ratio = statistics.median(ratios)
                marker = ""
                if mode == "cached" and path != "/bench/bare/" and ratio < TARGET_RATIO:
                    marker, failed = "  below target", True
                print(
                    f"{path:34} {mode:9} {statistics.median(rates[(mode, path)]):8.0f} "
                    f"{ratio:6.2f} {errors[(mode, path)]:6d}{marker}"
                )
        print(f"Target: cached pages and API at >= {TARGET_RATIO}x the bare view.")
        return 1 if failed else 0
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
