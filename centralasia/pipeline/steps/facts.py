"""The claim ledger and the chronology: the drafted fact base plus the book's review.

The raw draft stays untouched. Our review lives beside the code as three
small files in `centralasia/reference/`: field-level corrections (each with
the value it replaces, a reason and a source), added claims and added events.
A correction whose `old_value` no longer matches the raw draft stops the
pipeline, so a changed draft is re-reviewed, not silently overwritten.

The `quote` column of the draft is not published: the book paraphrases the
article and cites paragraph numbers instead of reproducing it.
"""
from __future__ import annotations

import pandas as pd

from ...countries import known
from ...errors import DataError
from ...paths import REFERENCE_DIR
from ...schema import CC_BY_4, Field, Resource

THEMES = ("cooperation", "summits", "security", "afghanistan", "borders", "trade", "investment",
          "transport", "culture", "economy")
VERDICTS = ("supported", "partly supported", "contradicted", "unverified")
EVENT_TYPES = ("summit", "ministerial", "border_agreement", "border_clash", "treaty", "organisation",
               "culture", "transport", "un")
CORRECTIONS = REFERENCE_DIR / "facts_corrections.csv"
# What an event is, where that differs from what its type suggests (reference/events_classification.csv).
EVENT_CLASSES = ("held", "held_partial", "cancelled", "ceremony")

_common = dict(licence=CC_BY_4, citation="facts_ledger")
RESOURCES = [
    Resource(
        name="claims",
        title="Claim ledger: checkable statements of the article, with evidence and verdicts",
        description="Every checkable factual statement of the article, paraphrased, with the "
                    "paragraph it stands in, independent evidence, its sources and a verdict after "
                    "the book's review.",
        fields=(
            Field("claim_id", "string", "Claim identifier", required=True),
            Field("paragraph", "integer", "Paragraph (non-empty text block, title = 1) of the article",
                  required=True, minimum=1, maximum=44),
            Field("theme", "string", "Theme of the article", required=True, enum=THEMES),
            Field("claim", "string", "The claim, paraphrased", required=True),
            Field("value", "string", "The date or number the article asserts (ISO dates; ranges start/end)"),
            Field("unit", "string", "Unit of `value`"),
            Field("checkable_with", "string", "The independent data that would settle the claim"),
            Field("evidence", "string", "What independent sources say, in our words", required=True),
            Field("evidence_source", "string", "Sources, each 'Title. Publisher, date. URL', ' ; '-separated"),
            Field("verdict", "string", "Verdict after review (chapters may override it by computation)",
                  required=True, enum=VERDICTS),
            Field("verdict_draft", "string", "Verdict in the drafted ledger, before review", enum=VERDICTS),
            Field("note", "string", "Caveats of the evidence"),
            Field("origin", "string", "draft (from the drafted ledger) or added (by the book's review)",
                  required=True, enum=("draft", "added")),
        ),
        primary_key=("claim_id",),
        sources=("facts/claims.csv",),
        coverage="Every checkable claim of the article, body paragraphs and the author note",
        caveats=("Much of the evidence comes from state or state-aligned media of the region.",
                 "Verdicts for claims a chapter computes from data are replaced by that computation "
                 "in the book (see centralasia.ledger)."),
        **_common),
    Resource(
        name="events",
        title="Chronology of Central Asian regional cooperation, 1991-2026",
        description="Dated events: summits, ministerials, border agreements and clashes, treaties, "
                    "organisations, culture, transport and UN milestones, each with sources and a "
                    "confidence rating.",
        fields=(
            Field("event_id", "string", "Event identifier", required=True),
            Field("date", "string", "ISO 8601 date at the precision given", required=True),
            Field("date_precision", "string", "day, month or year", required=True, enum=("day", "month", "year")),
            Field("year", "integer", "Year of the event", required=True, minimum=1991, maximum=2030),
            Field("type", "string", "Kind of event", required=True, enum=EVENT_TYPES),
            Field("title", "string", "Short title", required=True),
            Field("place", "string", "Where it happened"),
            Field("countries", "string", "Participating states, ISO3 codes ';'-separated"),
            Field("description", "string", "What happened, in our words"),
            Field("source", "string", "Sources, ' ; '-separated", required=True),
            Field("confidence", "string", "high (2+ consistent sources or a legal text), medium, low",
                  required=True, enum=("high", "medium", "low")),
            Field("origin", "string", "draft or added", required=True, enum=("draft", "added")),
            Field("classification", "string", "held (took place as titled); held_partial (a leaders' "
                  "meeting at which some listed states were represented below head of state); cancelled "
                  "(called off: the event records the announcement); ceremony (a reception or celebration, "
                  "not a working meeting)", required=True, enum=EVENT_CLASSES),
        ),
        primary_key=("event_id",),
        sources=("facts/events.csv",),
        coverage="1991-2026; see the book for what the chronology does not cover",
        caveats=("Stored web copies, not live pages; some items read through mirrors.",
                 "Absence of an event in the sources searched is not proof that it did not happen."),
        **_common),
]


def apply_corrections(frame: pd.DataFrame, table: str, key: str, corrections: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    for row in corrections[corrections["table"] == table].itertuples(index=False):
        match = frame[key] == row.id
        if not match.any():
            raise DataError(CORRECTIONS.name, f"correction for unknown {table} id {row.id!r}", column="id")
        if row.field not in frame.columns:
            raise DataError(CORRECTIONS.name, f"correction names unknown field {row.field!r}", column="field")
        current = frame.loc[match, row.field].iloc[0]
        if str(current) != str(row.old_value):
            raise DataError(CORRECTIONS.name, f"{table} {row.id}.{row.field} is now {current!r}, not the "
                                              f"{row.old_value!r} the correction replaces: review it again",
                            column="old_value")
        frame.loc[match, row.field] = row.new_value
    return frame


def classify(events: pd.DataFrame, classes: pd.DataFrame) -> pd.Series:
    """Each event's classification: 'held' unless reference/events_classification.csv says otherwise."""
    unknown = sorted(set(classes["event_id"]) - set(events["event_id"]))
    if unknown:
        raise DataError("events_classification.csv", f"classification for unknown events {unknown}",
                        column="event_id")
    bad = sorted(set(classes["classification"]) - set(EVENT_CLASSES))
    if bad:
        raise DataError("events_classification.csv", f"unknown classifications {bad}", column="classification")
    if classes["event_id"].duplicated().any():
        raise DataError("events_classification.csv", "an event is classified twice", column="event_id")
    return events["event_id"].map(classes.set_index("event_id")["classification"]).fillna("held")


def _added(name: str) -> pd.DataFrame:
    return pd.read_csv(REFERENCE_DIR / name, dtype=str, keep_default_na=False)


def run(raw) -> dict[str, pd.DataFrame]:
    corrections = pd.read_csv(CORRECTIONS, dtype=str, keep_default_na=False)

    claims = raw.csv("facts/claims.csv", dtype=str, keep_default_na=False).drop(columns=["quote"])
    claims["verdict"] = claims["verdict_draft"]
    claims = apply_corrections(claims, "claims", "claim_id", corrections)
    claims["origin"] = "draft"
    added = _added("claims_added.csv").drop(columns=["quote", "reason"], errors="ignore")
    if len(added):
        added["verdict"] = added["verdict_draft"]
        added["verdict_draft"] = ""
        added["origin"] = "added"
    claims = pd.concat([claims, added], ignore_index=True)
    claims["paragraph"] = claims["paragraph"].astype(int)

    events = raw.csv("facts/events.csv", dtype=str, keep_default_na=False)
    events["origin"] = "draft"
    added_events = _added("events_added.csv").drop(columns=["reason"])
    added_events["origin"] = "added"
    events = pd.concat([events, added_events], ignore_index=True)
    # Corrections apply to drafted and added events alike (an added event can be audited too).
    events = apply_corrections(events, "events", "event_id", corrections)
    events["classification"] = classify(events, _added("events_classification.csv"))
    events["year"] = events["date"].str[:4].astype(int)
    for codes in events["countries"]:
        unknown = [c for c in codes.split(";") if c and not known(c)]
        if unknown:
            raise DataError("facts/events.csv", f"unknown country codes {unknown}", column="countries")
    return {"claims": claims, "events": events}
