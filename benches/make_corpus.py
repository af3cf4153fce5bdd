"""Build the benchmark corpus from real English text that Debian packages ship, plus the seeds.

    python3 benches/make_corpus.py                    # benches/data/corpus-10mb.txt
    python3 benches/make_corpus.py --mb 20            # benches/data/corpus-20mb.txt

Both the criterion benches (``khabar_benches::corpus``) and ``benches/compare_peers.py`` read
the file this writes, so Rust and Python figures are measured on the same bytes.

Why not the seeds repeated? A benchmark over one article copied a thousand times flatters
caches and branch predictors: every alias, number and date is seen again and again. This
corpus mixes prose of different kinds and registers instead:

* the Python 3.11 documentation sources (``python3.11-doc``: reStructuredText, prose with
  version numbers, dates in changelogs and some code),
* the Debian Reference (``debian-reference-en``: technical prose),
* the fortune cookie files (``fortunes``, ``fortunes-min``: quotations, jokes, short verse),
* the manual pages of ``manpages`` and ``manpages-dev`` (roff requests stripped to text),
* the licence texts in ``/usr/share/common-licenses`` (``base-files``),
* the five seed articles of this repository (conflict reporting, what khabar is for).

Each source's files, joined in order, are cut at paragraph boundaries into documents of realistic article size
(2 to 20 KB, log-uniformly drawn), all documents are shuffled with a fixed seed, and the
first ones up to the requested size are kept (no source above a third of the total while
others have text left); the seeds are always kept. The output is
deterministic for given package versions (printed, and written to a ``.manifest.json``
beside the corpus; benches/data/SOURCES.md lists the versions and licences).

File format: UTF-8 documents separated by a line holding only the ASCII record separator
(``\\x1e``), which never occurs in the sources (it is removed from them).

Standard library only. Missing packages are reported and skipped; install them with
``make bench-data`` (root + apt-get) or ``apt-get install`` the packages above.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import random
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benches" / "data"
SEPARATOR = "\n\x1e\n"
SEED = 20251122
MIN_DOC, MAX_DOC = 2_000, 20_000

DEBIAN_PACKAGES = [
    "python3.11-doc", "debian-reference-en", "fortunes", "fortunes-min",
    "manpages", "manpages-dev", "base-files",
]


def package_files(package: str) -> list[Path]:
    """Files a Debian package installed, sorted (empty when it is not installed)."""
    try:
        out = subprocess.run(["dpkg", "-L", package], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return []
    return sorted(Path(p) for p in out.stdout.splitlines() if Path(p).is_file())


def package_version(package: str) -> str | None:
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package],
                             capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip() or None


def read_text(path: Path) -> str:
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    return raw.decode("utf-8", errors="replace").replace("\x1e", "").replace("\r\n", "\n")


_ROFF_ESCAPES = [
    (re.compile(r"\\f(\[[^\]]*\]|\(..|.)"), ""),  # font changes
    (re.compile(r"\\\(em"), "\u2014"), (re.compile(r"\\\(en"), "\u2013"),
    (re.compile(r"\\\((aq|cq)"), "'"), (re.compile(r"\\\((lq|rq)"), '"'),
    (re.compile(r"\\\(.."), ""), (re.compile(r"\\\*\(.."), ""), (re.compile(r"\\\*."), ""),
    (re.compile(r"\\[-]"), "-"), (re.compile(r"\\[&|^:%]"), ""), (re.compile(r"\\e"), lambda _m: "\\"),
    (re.compile(r"\\ "), " "), (re.compile(r'\\".*'), ""),
]


def roff_to_text(src: str) -> str:
    """A man page's roff source as plain text: requests dropped, text of headings and font
    macros kept, escapes resolved. Crude but deterministic, and it needs no groff."""
    lines = []
    for line in src.split("\n"):
        if line.startswith((".", "'")):
            m = re.match(r"[.'](SH|SS|B|I|BR|IR|RB|RI|BI|IB|TP|IP)\b\s*(.*)", line)
            if m is None:
                if line.startswith((".PP", ".LP", ".P", ".sp", ".br")):
                    lines.append("")
                continue
            text = m.group(2).replace('"', "")
            if m.group(1) in ("SH", "SS"):
                lines.extend(["", text.title() if text.isupper() else text, ""])
                continue
            line = text
        for pattern, repl in _ROFF_ESCAPES:
            line = pattern.sub(repl, line)
        lines.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def sources() -> list[tuple[str, str, str]]:
    """(source name, file name, text) for every source file found, in a fixed order."""
    out: list[tuple[str, str, str]] = []
    for p in package_files("python3.11-doc"):
        if p.name.endswith(".rst.txt"):
            out.append(("python3.11-doc", p.name, read_text(p)))
    for p in package_files("debian-reference-en"):
        if p.name.endswith(".en.txt.gz"):
            out.append(("debian-reference-en", p.name, read_text(p)))
    for pkg in ("fortunes", "fortunes-min"):
        for p in package_files(pkg):
            # The plain files; .dat are indexes, .u8 are UTF-8 copies of the same text.
            if p.parent.name == "fortunes" and not p.suffix and p.name not in ("art", "ascii-art"):
                text = read_text(p).replace("\n%\n", "\n\n")
                out.append((pkg, p.name, text))
    for pkg in ("manpages", "manpages-dev"):
        for p in package_files(pkg):
            if re.search(r"/man[2-7]/[^/]+\.gz$", str(p)):
                out.append((pkg, p.name, roff_to_text(read_text(p))))
    for p in package_files("base-files"):
        if p.parent.name == "common-licenses":
            out.append(("base-files", p.name, read_text(p)))
    return out


def chunk(text: str, rng: random.Random) -> list[str]:
    """Cut text at paragraph boundaries into documents of 2-20 KB (the last may be shorter;
    pieces under 500 bytes are dropped: they are not articles)."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    docs: list[str] = []
    current: list[str] = []
    size = 0
    target = log_uniform(rng)
    for para in paragraphs:
        while len(para) > MAX_DOC:  # one huge "paragraph" (a table, a list): cut at a line
            cut = para.rfind("\n", 0, MAX_DOC // 2)
            cut = cut if cut > 0 else MAX_DOC // 2
            docs.append(para[:cut])
            para = para[cut:].lstrip("\n")
        if current and size + len(para.encode()) > MAX_DOC:
            docs.append("\n\n".join(current))
            current, size, target = [], 0, log_uniform(rng)
        current.append(para)
        size += len(para.encode()) + 2
        if size >= target:
            docs.append("\n\n".join(current))
            current, size, target = [], 0, log_uniform(rng)
    if current:
        docs.append("\n\n".join(current))
    return [d.strip() + "\n" for d in docs if len(d.encode()) >= 500]


def log_uniform(rng: random.Random) -> int:
    return int(math.exp(rng.uniform(math.log(MIN_DOC), math.log(MAX_DOC))))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=int, default=10, help="size in MB (10^6 bytes); default 10")
    ap.add_argument("--out", type=Path, help="default benches/data/corpus-<MB>mb.txt")
    args = ap.parse_args()
    want = args.mb * 1_000_000
    out = args.out or DATA / f"corpus-{args.mb}mb.txt"

    rng = random.Random(SEED)
    # One stream per source (its files in order), cut into documents: short files such as
    # most man pages and licences are joined, so documents stay in the 2-20 KB range.
    streams: dict[str, list[str]] = {}
    for source, _name, text in sources():
        streams.setdefault(source, []).append(text)
    docs: list[tuple[str, str]] = []
    for source, texts in streams.items():
        docs.extend((source, d) for d in chunk("\n\n".join(texts), rng))
    rng.shuffle(docs)
    seeds = [("seeds", p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    chosen = list(seeds)
    total = sum(len(d.encode()) for _, d in chosen)
    # No source may fill more than a third of the corpus while others have text left, so
    # that the largest package (the C library's man pages) does not drown the prose.
    per_source: dict[str, int] = {}
    for cap in (want // 3, want):
        for item in docs:
            if total >= want:
                break
            source, d = item
            if item in chosen or per_source.get(source, 0) + len(d.encode()) > cap:
                continue
            chosen.append(item)
            per_source[source] = per_source.get(source, 0) + len(d.encode())
            total += len(d.encode())
    if total < want:
        missing = [p for p in DEBIAN_PACKAGES if package_version(p) is None]
        sys.exit(f"make_corpus: only {total / 1e6:.1f} MB of text found, {args.mb} MB wanted. "
                 f"Missing Debian packages: {', '.join(missing) or 'none'} "
                 f"(install them: `make bench-data` or apt-get install ...)")
    # Mix the seeds in with the rest (they were taken first so that they are always in).
    random.Random(SEED + 1).shuffle(chosen)
    body = SEPARATOR.join(d for _, d in chosen)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(body, encoding="utf-8")

    by_source: dict[str, list[int]] = {}
    for source, d in chosen:
        by_source.setdefault(source, []).append(len(d.encode()))
    manifest = {
        "file": out.name,
        "bytes": len(body.encode()),
        "documents": len(chosen),
        "sha256": hashlib.sha256(body.encode()).hexdigest(),
        "seed": SEED,
        "packages": {p: package_version(p) for p in DEBIAN_PACKAGES},
        "by_source": {s: {"documents": len(v), "bytes": sum(v)} for s, v in sorted(by_source.items())},
    }
    out.with_suffix(".manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    print(f"{out}: {manifest['documents']} documents, {manifest['bytes'] / 1e6:.1f} MB, "
          f"sha256 {manifest['sha256'][:16]}")
    for s, v in manifest["by_source"].items():
        print(f"  {s:<20} {v['documents']:5d} documents {v['bytes'] / 1e6:6.2f} MB")


if __name__ == "__main__":
    main()
