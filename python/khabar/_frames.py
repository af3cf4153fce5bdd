"""Tidy pandas frames from documents (pandas is an optional dependency: ``khabar[pandas]``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ._khabar import Document


class Frames(NamedTuple):
    """The facts of many documents as tidy frames, one row per fact, keyed by ``doc``.

    ``doc`` is the document's ``id`` when it has one, else its position in the input.

    >>> import khabar
    >>> frames = khabar.to_pandas(khabar.extract("IS-K fighters in Kunar"))
    >>> frames.entities["canonical"].tolist()
    ['Islamic State Khorasan Province', 'Kunar']
    """

    documents: "pd.DataFrame"
    entities: "pd.DataFrame"
    quantities: "pd.DataFrame"
    dates: "pd.DataFrame"


_ENTITY_COLUMNS = ["doc", "start", "end", "text", "label", "id", "canonical", "alias",
                   "ambiguous", "country", "parent", "parent_name", "lat", "lon"]
_QUANTITY_COLUMNS = ["doc", "start", "end", "text", "kind", "low", "high", "approx", "vague",
                     "unit", "unit_start", "unit_end", "currency", "dimension", "si_value",
                     "si_unit"]
_DATE_COLUMNS = ["doc", "start", "end", "text", "type", "value", "mod", "start_date",
                 "end_date", "granularity", "range_from", "range_to", "range_from_mod",
                 "range_to_mod"]
_DOC_COLUMNS = ["doc", "id", "reference_date", "reference_source", "chars", "sentences",
                "entities", "quantities", "dates"]


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - exercised only without pandas
        raise ImportError("khabar.to_pandas needs pandas: pip install 'khabar[pandas]'") from e
    return pd


def to_pandas(docs: "Document | Iterable[Document]") -> Frames:
    """Turn documents into tidy frames: ``documents``, ``entities``, ``quantities``, ``dates``.

    >>> import khabar
    >>> docs = khabar.Pipeline(reference_date="2021-11-09").pipe(
    ...     ["IS-K has several thousand fighters.", "ISIS-K claimed 47 attacks in early 2021."],
    ...     ids=["a", "b"])
    >>> frames = khabar.to_pandas(docs)
    >>> frames.entities[["doc", "text", "canonical"]].values.tolist()
    [['a', 'IS-K', 'Islamic State Khorasan Province'], ['b', 'ISIS-K', 'Islamic State Khorasan Province']]
    >>> frames.quantities[["doc", "low", "high", "unit"]].values.tolist()
    [['a', 2000.0, 9000.0, 'fighters'], ['b', 47.0, 47.0, 'attacks']]
    """
    pd = _pandas()
    from ._khabar import Document

    if isinstance(docs, Document):
        docs = [docs]
    doc_rows: list[dict[str, Any]] = []
    ent_rows: list[dict[str, Any]] = []
    qty_rows: list[dict[str, Any]] = []
    date_rows: list[dict[str, Any]] = []
    for i, doc in enumerate(docs):
        key = doc.id if doc.id is not None else i
        d = doc.to_dict(text=False)
        doc_rows.append({
            "doc": key, "id": doc.id, "reference_date": doc.reference_date,
            "reference_source": doc.reference_source, "chars": len(doc.text),
            "sentences": len(d["sentences"]), "entities": len(d["entities"]),
            "quantities": len(d["quantities"]), "dates": len(d["dates"]),
        })
        for e in d["entities"]:
            attrs = e["attrs"]
            ent_rows.append({
                "doc": key, "start": e["start"], "end": e["end"], "text": e["text"],
                "label": e["label"], "id": e["id"], "canonical": e["canonical"],
                "alias": e["alias"], "ambiguous": len(e["candidates"]) > 1,
                "country": attrs.get("country"), "parent": attrs.get("parent"),
                "parent_name": attrs.get("parent_name"), "lat": attrs.get("lat"),
                "lon": attrs.get("lon"),
            })
        for q in d["quantities"]:
            unit = q["unit"] or {}
            qty_rows.append({
                "doc": key, "start": q["start"], "end": q["end"], "text": q["text"],
                "kind": q["kind"], "low": q["low"], "high": q["high"],
                "approx": None if q["approx"] == "none" else q["approx"], "vague": q["vague"],
                "unit": unit.get("text"), "unit_start": unit.get("start"),
                "unit_end": unit.get("end"), "currency": q["currency"],
                "dimension": q.get("dimension"), "si_value": q.get("si_value"),
                "si_unit": q.get("si_unit"),
            })
        for t in d["dates"]:
            rng = t["range"] or {}
            date_rows.append({
                "doc": key, "start": t["start"], "end": t["end"], "text": t["text"],
                "type": t["type"], "value": t["value"], "mod": t["mod"],
                "start_date": t["start_date"], "end_date": t["end_date"],
                "granularity": t["granularity"], "range_from": rng.get("from"),
                "range_to": rng.get("to"), "range_from_mod": rng.get("from_mod"),
                "range_to_mod": rng.get("to_mod"),
            })
    dates = pd.DataFrame(date_rows, columns=_DATE_COLUMNS)
    for col in ("start_date", "end_date"):
        dates[col] = pd.to_datetime(dates[col], errors="coerce")
    documents = pd.DataFrame(doc_rows, columns=_DOC_COLUMNS)
    documents["reference_date"] = pd.to_datetime(documents["reference_date"], errors="coerce")
    return Frames(
        documents=documents,
        entities=pd.DataFrame(ent_rows, columns=_ENTITY_COLUMNS),
        quantities=pd.DataFrame(qty_rows, columns=_QUANTITY_COLUMNS),
        dates=dates,
    )


_FACT_COLUMNS = ["doc", "reference_date", "quantity", "kind", "low", "high", "approx", "vague",
                 "unit", "subject", "subject_id", "place", "when", "when_start", "when_end",
                 "when_source", "entities", "dates", "sentence", "role", "victim_class",
                 "group", "destination", "perpetrator", "target", "subcount"]


def _objects(col: "pd.Series") -> "pd.Series":
    """A column of Python objects, missing values as None (whatever pandas inferred)."""
    return col.astype(object).where(col.notna(), None)


_ROLE_COLUMNS = ("role", "victim_class", "group", "destination", "perpetrator", "target")


def facts(docs: "Document | Iterable[Document]") -> "pd.DataFrame":
    """The facts table: one row per quantity with who, where and when from its context.

    ``subject`` is the armed group the number is about (from its sentence, else the group the
    document mentions most), ``place`` the most specific place of the sentence, ``when`` a
    resolved date of the sentence, else the reference date, else the latest date of the
    document (``when_source`` says which).

    >>> import khabar
    >>> doc = khabar.extract("IS-K grew in Kunar. There are an estimated 4,000-6,000 fighters.",
    ...                      reference_date="2019-08-01")
    >>> row = khabar.facts(doc).iloc[0]
    >>> (row["low"], row["high"], row["unit"], row["subject"], row["when"])
    (4000.0, 6000.0, 'fighters', 'Islamic State Khorasan Province', '2019-08-01')
    """
    pd = _pandas()
    from ._khabar import Document

    if isinstance(docs, Document):
        docs = [docs]
    rows: list[dict[str, Any]] = []
    for i, doc in enumerate(docs):
        for f in doc.facts():
            if f["doc"] is None:
                f["doc"] = i
            rows.append(f)
    frame = pd.DataFrame(rows, columns=_FACT_COLUMNS)
    for col in ("reference_date", "when_start", "when_end"):
        frame[col] = pd.to_datetime(frame[col], errors="coerce")
    # Often empty: one dtype whatever the rows hold, so that frames of parts concatenate
    # to the frame of the whole.
    for col in _ROLE_COLUMNS:
        frame[col] = _objects(frame[col])
    return frame


_EVENT_COLUMNS = ["doc", "type", "date", "date_start", "date_source", "place", "place_id",
                  "province", "country", "perpetrator", "perpetrator_id", "target", "killed",
                  "wounded", "arrested", "abducted", "counts", "claimed", "source", "start",
                  "end", "text"]


def events(docs: "Document | Iterable[Document]") -> "pd.DataFrame":
    """The events table: one row per reported incident.

    ``killed``, ``wounded``, ``arrested`` and ``abducted`` are the event's totals (sums over
    coordinated counts, sub-counts left out; 0 when denied, ``NaN`` when not reported);
    ``counts`` holds every role's total. ``date_source`` says whether the date is the
    incident's own (``sentence``), an earlier date of the text (``document``) or the
    reference date (``reference``, a fallback).

    >>> import khabar
    >>> doc = khabar.extract("A Taliban-planted IED killed two children in Uruzgan.", id="r1")
    >>> khabar.events(doc)[["doc", "type", "place", "perpetrator", "killed"]].values.tolist()
    [['r1', 'bombing', 'Uruzgan', 'Taliban', 2.0]]
    """
    pd = _pandas()
    from ._khabar import Document

    if isinstance(docs, Document):
        docs = [docs]
    rows: list[dict[str, Any]] = []
    for i, doc in enumerate(docs):
        key = doc.id if doc.id is not None else i
        for e in doc.events:
            rows.append({
                "doc": key, "type": e.type, "date": e.date, "date_start": e.date_start,
                "date_source": e.date_source, "place": e.place, "place_id": e.place_id,
                "province": e.province, "country": e.country, "perpetrator": e.perpetrator,
                "perpetrator_id": e.perpetrator_id, "target": e.target, "killed": e.killed,
                "wounded": e.wounded, "arrested": e.arrested, "abducted": e.abducted,
                "counts": e.counts, "claimed": e.claimed, "source": e.source,
                "start": e.start, "end": e.end, "text": e.text,
            })
    frame = pd.DataFrame(rows, columns=_EVENT_COLUMNS)
    frame["date_start"] = pd.to_datetime(frame["date_start"], errors="coerce")
    for col in ("type", "date", "date_source", "place", "place_id", "province", "country",
                "perpetrator", "perpetrator_id", "target", "source", "text"):
        frame[col] = _objects(frame[col])
    for col in ("killed", "wounded", "arrested", "abducted"):
        frame[col] = pd.to_numeric(frame[col], errors="coerce")
    return frame
