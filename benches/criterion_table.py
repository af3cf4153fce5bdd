"""The criterion results of the last `cargo bench -p khabar-benches` as one Markdown table.

    cargo bench -p khabar-benches -- --warm-up-time 1 --measurement-time 3
    python3 benches/criterion_table.py            # writes benches/results/criterion.md

Criterion keeps each benchmark's last run under `target/criterion/GROUP/FUNCTION/VALUE/new/`:
`benchmark.json` (names and the `Throughput::Bytes` of one iteration) and `estimates.json`
(nanoseconds per iteration). Throughput here is MB/s, 10^6 bytes per second, from the median;
criterion's own reports print MiB/s. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def target_dir() -> Path:
    env = os.environ.get("CARGO_TARGET_DIR")
    return Path(env) if env else ROOT / "target"


def rows(criterion: Path) -> list[tuple[str, str, str, float, float | None, float | None]]:
    """(group, function, input, median seconds per iteration, MB/s, documents/s) for every
    benchmark (documents/s for those whose throughput is counted in elements, the notes)."""
    out = []
    for bench in sorted(criterion.glob("**/new/benchmark.json")):
        meta = json.loads(bench.read_text())
        est = json.loads((bench.parent / "estimates.json").read_text())
        seconds = est["median"]["point_estimate"] / 1e9
        nbytes = (meta.get("throughput") or {}).get("Bytes")
        mbps = nbytes / seconds / 1e6 if nbytes and seconds > 0 else None
        ndocs = (meta.get("throughput") or {}).get("Elements")
        docs = ndocs / seconds if ndocs and seconds > 0 else None
        out.append((meta["group_id"], meta.get("function_id") or "", meta.get("value_str") or "",
                    seconds, mbps, docs))
    return out


def cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def rustc() -> str:
    try:
        return subprocess.run(["rustc", "-V"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "rustc ?"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--criterion", type=Path, default=target_dir() / "criterion")
    ap.add_argument("--out", type=Path, default=ROOT / "benches" / "results" / "criterion.md")
    ap.add_argument("--command", default="cargo bench -p khabar-benches -- --warm-up-time 1 --measurement-time 3",
                    help="the command that produced the results, for the report")
    args = ap.parse_args()
    found = rows(args.criterion)
    if not found:
        raise SystemExit(f"no criterion results under {args.criterion}: run cargo bench first")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        "# Criterion benchmarks",
        "",
        f"`{args.command}`, then `python3 benches/criterion_table.py`; written "
        f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC.",
        "",
        f"**Machine:** {cpu()}, {os.cpu_count()} logical cores, {platform.system()} "
        f"{platform.release()}, {rustc()}; load average when the table was written {load:.1f}.",
        "",
        "Median time per iteration; MB/s = 10^6 bytes per second (criterion prints MiB/s). "
        "`seeds` is the five seed articles, `large` the 10 MB real-text corpus of "
        "`make bench-data` (see `benches/data/SOURCES.md`), `notes` its 20,000 short notes "
        "(`benches/make_notes.py`, measured in documents/s).",
        "",
        "| group | benchmark | input | median per iteration | MB/s | documents/s |",
        "|---|---|---|---:|---:|---:|",
    ]
    for group, function, value, seconds, mbps, docs in found:
        t = f"{seconds * 1e3:.2f} ms" if seconds >= 1e-3 else f"{seconds * 1e6:.1f} µs"
        rate = "" if mbps is None else f"{mbps:.1f}"
        per_doc = "" if docs is None else f"{docs:,.0f}"
        lines.append(f"| {group} | {function} | {value} | {t} | {rate} | {per_doc} |")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(found)} benchmarks)")


if __name__ == "__main__":
    main()
