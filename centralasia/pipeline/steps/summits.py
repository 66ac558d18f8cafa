"""The Consultative Meetings of the Heads of State of Central Asia, 2018-2025.

Attendance is not structured in the chronology (`events`), so the book keeps a
curated table beside the code, one row per meeting and state, each row with
its own sources: `centralasia/reference/consultative_meetings.csv`. Two small
companions list the documents each meeting adopted and the signature status
of the 2022 friendship treaty. Where a source is silent the value is
`unknown`, never a guess.

No raw file is read: like the country table, these are the book's own
compilation, published under CC BY 4.0 with their per-row sources.
"""
from __future__ import annotations

import pandas as pd

from ...countries import known
from ...errors import DataError
from ...paths import REFERENCE_DIR
from ...schema import CC_BY_4, Field, Resource, iso3

ATTENDANCE = ("head_of_state", "other", "absent", "unknown")
ROLES = ("member", "guest")
DOCUMENT_KINDS = ("joint statement", "treaty", "agreement", "concept", "programme", "rules", "decision",
                  "appeal", "protocol")
TREATY_STATUS = ("signed", "no signature found")
AUDIT_RESULTS = ("confirmed", "corrected", "added", "not re-checked")

_common = dict(licence=CC_BY_4, citation="consultative_meetings", sources=())
_meeting = Field("meeting_id", "string", "Meeting identifier (CM1 = first meeting, Astana 2018)", required=True)
RESOURCES = [
    Resource(
        name="summit_attendance",
        title="Consultative Meetings of Central Asian heads of state, 2018-2025: who attended, at what level",
        description="One row per meeting and participating state: date, host, the state's role (member or "
                    "guest), the level at which it was represented and by whom, with sources.",
        fields=(
            _meeting,
            Field("number", "integer", "Ordinal number of the meeting", required=True, minimum=1, maximum=20),
            Field("date", "date", "Date of the meeting (first day)", required=True),
            Field("host", "string", "Host city", required=True),
            iso3("host_iso3", "Host state (ISO 3166-1 alpha-3)"),
            iso3("iso3", "Participating state (ISO 3166-1 alpha-3)"),
            Field("role", "string", "member of the format or invited guest", required=True, enum=ROLES),
            Field("attendance", "string", "Level of representation: head_of_state, other (a lower-ranking "
                  "or former official), absent, or unknown where sources are silent",
                  required=True, enum=ATTENDANCE),
            Field("represented_by", "string", "Who represented the state, as the sources name them"),
            Field("source", "string", "Sources, each 'Title. Publisher. Date. URL', ' ; '-separated", required=True),
        ),
        primary_key=("meeting_id", "iso3"),
        coverage="The seven Consultative Meetings held 2018-2025 (none in 2020); the five Central Asian "
                 "states and Azerbaijan (guest 2023-2024, full participant from 2025)",
        caveats=("Attendance rests on state and state-aligned media and presidential websites; "
                 "independent confirmation is available for some meetings only.",
                 "Preparatory leaders' meetings (e.g. Awaza, 5 Aug 2025) are not Consultative Meetings "
                 "and are not listed."),
        **_common),
    Resource(
        name="summit_documents",
        title="Documents adopted at the Consultative Meetings, 2018-2025",
        description="One row per document that the sources say a meeting adopted, signed or approved.",
        fields=(
            _meeting,
            Field("seq", "integer", "Order of the document in the sources' list", required=True, minimum=1),
            Field("document", "string", "Document, in our words", required=True),
            Field("kind", "string", "Kind of document", required=True, enum=DOCUMENT_KINDS),
            Field("source", "string", "Sources, ' ; '-separated", required=True),
        ),
        primary_key=("meeting_id", "seq"),
        coverage="Documents named in post-meeting reports; sub-documents approved 'by' a joint statement "
                 "are listed only where the sources name them",
        caveats=("Lists in the sources differ in completeness; counts of documents are indicative.",),
        **_common),
    Resource(
        name="treaty_2022_status",
        title="Treaty on friendship, good-neighbourliness and cooperation for the development of Central "
              "Asia in the 21st century (2022): signature status",
        description="For each Central Asian state: whether and when the sources report it signed the treaty.",
        fields=(
            iso3(),
            Field("status", "string", "signed, or no signature found in the sources searched",
                  required=True, enum=TREATY_STATUS),
            Field("date", "date", "Date of signature"),
            Field("event_id", "string", "Related event in the chronology"),
            Field("note", "string", "What the sources say"),
            Field("source", "string", "Sources, ' ; '-separated", required=True),
        ),
        primary_key=("iso3",),
        coverage="The five Central Asian states, signatures to the end of the sources (Nov 2025); "
                 "ratification is not covered",
        caveats=("'no signature found' means absent from the sources searched, not proven unsigned.",),
        **_common),
    Resource(
        name="events_audit",
        title="Audit of the chronology's summits, ministerial meetings, organisations and UN events (0.2.0)",
        description="One row per event of type summit, ministerial, organisation or un: whether the 0.2.0 review "
                    "confirmed it against a further source, corrected it (facts_corrections.csv), added it "
                    "(events_added.csv) or did not re-check it, and whether it was classified "
                    "(events_classification.csv).",
        fields=(
            Field("event_id", "string", "Event of the chronology", required=True),
            Field("type", "string", "Type of the event", required=True, enum=("summit", "ministerial", "organisation", "un")),
            Field("result", "string", "Audit result, with '; classified' where the event was classified",
                  required=True),
            Field("note", "string", "What the audit found"),
            Field("source", "string", "Further sources consulted, ' ; '-separated"),
        ),
        primary_key=("event_id",),
        coverage="All summit, ministerial and organisation events of the chronology",
        caveats=("'confirmed' means a further source found in stored web copies agrees on date and substance.",),
        **_common),
]


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(REFERENCE_DIR / name, dtype=str, keep_default_na=False)


def _check_codes(frame: pd.DataFrame, file: str, columns: tuple[str, ...]) -> None:
    for column in columns:
        unknown = sorted({c for c in frame[column] if not known(c)})
        if unknown:
            raise DataError(file, f"unknown country codes {unknown}", column=column)


def run(raw) -> dict[str, pd.DataFrame]:
    attendance = _read("consultative_meetings.csv")
    _check_codes(attendance, "consultative_meetings.csv", ("iso3", "host_iso3"))
    # One date and host per meeting: a typo in one row must not split a meeting in two.
    per_meeting = attendance.groupby("meeting_id")[["number", "date", "host", "host_iso3"]].nunique()
    if (per_meeting > 1).any().any():
        bad = per_meeting[(per_meeting > 1).any(axis=1)].index.tolist()
        raise DataError("consultative_meetings.csv", f"meetings {bad} have more than one date, number or host",
                        column="date")
    attendance["number"] = attendance["number"].astype(int)

    documents = _read("consultative_documents.csv")
    unknown_meetings = sorted(set(documents["meeting_id"]) - set(attendance["meeting_id"]))
    if unknown_meetings:
        raise DataError("consultative_documents.csv", f"documents for unknown meetings {unknown_meetings}",
                        column="meeting_id")
    documents["seq"] = documents["seq"].astype(int)

    treaty = _read("treaty_2022_status.csv")
    _check_codes(treaty, "treaty_2022_status.csv", ("iso3",))
    audit = _read("events_audit.csv")
    bad = sorted({r for r in audit["result"] if r.split(";")[0] not in AUDIT_RESULTS})
    if bad:
        raise DataError("events_audit.csv", f"unknown audit results {bad}", column="result")
    return {"summit_attendance": attendance, "summit_documents": documents, "treaty_2022_status": treaty,
            "events_audit": audit}
