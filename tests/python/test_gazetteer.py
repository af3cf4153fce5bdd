"""khabar.Gazetteer: loading, errors, matching, saving."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import khabar


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_default_gazetteer() -> None:
    gz = khabar.Gazetteer.default()
    assert gz.is_default and len(gz) > 1000 and gz.alias_count > len(gz)
    assert "ISKP" in gz and "NOPE" not in gz
    assert gz.get("ISKP")["name"] == "Islamic State Khorasan Province"
    text = "ISK-P, ISIS-K, IS-K and Wilayat-e-Khorasan; the Pakistani Taliban; is us"
    found = [(e.text, e.id) for e in gz.find(text)]
    assert [i for _, i in found[:4]] == ["ISKP"] * 4
    assert ("Pakistani Taliban", "TTP") in found
    assert all(t not in ("is", "us") for t, _ in found)
    assert pickle.loads(pickle.dumps(gz)).is_default


def test_csv_tsv_jsonl_and_entries(tmp_path: Path) -> None:
    csv = write(tmp_path / "g.csv", "id,name,label,aliases,country,type\n"
                "AF-JOW,Jowzjan,GPE,Jawzjan|Jozjan,AF,province\n")
    tsv = write(tmp_path / "g.tsv", "id\tname\tlabel\taliases\nAF-JOW\tJowzjan\tGPE\tJawzjan\n")
    jsonl = write(tmp_path / "g.jsonl", json.dumps(
        {"id": "AF-JOW", "name": "Jowzjan", "label": "GPE", "aliases": ["Jawzjan"]}) + "\n")
    for gz in (khabar.Gazetteer.from_csv(csv), khabar.Gazetteer.from_tsv(tsv),
               khabar.Gazetteer.from_jsonl(str(jsonl)),
               khabar.Gazetteer.from_entries([{"id": "AF-JOW", "name": "Jowzjan", "label": "GPE",
                                                "aliases": ["Jawzjan"]}])):
        [e] = gz.find("in northern Jawzjan province")
        assert (e.text, e.id, e.canonical, e.label) == ("Jawzjan", "AF-JOW", "Jowzjan", "GPE")
    gz = khabar.Gazetteer.from_csv(csv)
    assert gz.find("Jozjan")[0].attrs == {"country": "AF", "type": "province"}
    entries = list(gz)
    assert entries[0]["id"] == "AF-JOW" and "Jozjan" in entries[0]["aliases"]


def test_malformed_rows_name_file_line_and_column(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.csv", "id,name,label,aliases,priority\n"
                "A,Alpha,ORG,Al,1\nB,Beta,ORG,Be,high\n")
    with pytest.raises(khabar.GazetteerError, match=r"bad\.csv:3:5 \(priority\)") as info:
        khabar.Gazetteer.from_csv(bad)
    assert isinstance(info.value, ValueError)
    dup = write(tmp_path / "dup.csv", "id,name,label\nA,Alpha,ORG\nA,Again,ORG\n")
    with pytest.raises(khabar.GazetteerError, match="duplicate id"):
        khabar.Gazetteer.from_csv(dup)
    empty = write(tmp_path / "empty.csv", "id,name,label,aliases\nA,Alpha,ORG,Al||Alf\n")
    with pytest.raises(khabar.GazetteerError, match="empty alias"):
        khabar.Gazetteer.from_csv(empty)
    with pytest.raises(FileNotFoundError, match="missing.csv"):
        khabar.Gazetteer.from_csv(tmp_path / "missing.csv")
    with pytest.raises(khabar.GazetteerError):
        khabar.Gazetteer.from_entries([{"id": "A"}])


def test_save_load_bytes_pickle(tmp_path: Path) -> None:
    gz = khabar.Gazetteer.from_entries([{"id": "K", "name": "Kabul", "label": "GPE"}])
    gz.save(tmp_path / "g.bin")
    for again in (khabar.Gazetteer.load(tmp_path / "g.bin"),
                  khabar.Gazetteer.from_bytes(gz.to_bytes()), pickle.loads(pickle.dumps(gz))):
        assert [e.id for e in again.find("Kabul’s airport")] == ["K"]
    with pytest.raises(khabar.GazetteerError):
        khabar.Gazetteer.from_bytes(b"not a gazetteer")


def test_find_batch_matches_find() -> None:
    gz = khabar.Gazetteer.default()
    texts = ["IS-K in Kunar", "Taliban in Kabul", "", "nothing here"] * 10
    assert gz.find_batch(texts, n_threads=2) == [gz.find(t) for t in texts]
    with pytest.raises(TypeError, match="must be str"):
        gz.find_batch(["ok", 3])  # type: ignore[list-item]


def test_user_gazetteer_merged_with_default_wins_ties(tmp_path: Path) -> None:
    mine = khabar.Gazetteer.from_entries([{"id": "X:K", "name": "Kabul", "label": "GPE"}])
    nlp = khabar.Pipeline([mine, khabar.Gazetteer.default()])
    e = nlp("Kabul").entities[0]
    assert e.id == "X:K" or any(c["id"] == "X:K" for c in e.candidates)
    only_mine = khabar.Pipeline([mine])
    assert [x.id for x in only_mine("Kabul and IS-K").entities] == ["X:K"]
    with pytest.raises(TypeError, match="khabar.Gazetteer"):
        khabar.Pipeline(["not a gazetteer"])  # type: ignore[list-item]


_pieces = st.sampled_from(
    ["IS-K", "Kunar", "Kabul", "Taliban", "ISIS-K", "Jawzjan", " ", ", ", "’s", "ṟ", "🇦🇫",
     "دولت", "e\u0301", "中文", "\n"]
)


@given(st.lists(_pieces, max_size=40).map("".join))
@settings(max_examples=300, deadline=None)
def test_find_offsets_are_str_indices(text: str) -> None:
    # The str offsets (counted from one mention to the next) agree with the byte offsets
    # and slice exactly the mention, whatever characters come before it.
    for m in khabar.Gazetteer.default().find(text):
        d = m.to_dict()
        assert text[m.start:m.end] == m.text
        assert len(text[: m.start].encode()) == d["byte_start"]
        assert len(text[: m.end].encode()) == d["byte_end"]
