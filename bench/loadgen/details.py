"""The `details` of a generated inquiry, per type: values its filing form would accept."""

from datetime import date, timedelta

from inquiries.types import InquiryType

GROUNDS = "The merchandise was classified under the wrong subheading at liquidation."


def _before(rng, on: date, most: int, floor: date | None = None) -> str:
    day = on - timedelta(days=rng.randint(0, most))
    if floor is not None and day < floor:
        day = floor
    return day.isoformat()


def _protest(rng, entry, on, **_):
    if entry is not None:
        return {"protest_kind": "liquidation", "grounds": GROUNDS}
    kind = "exclusion" if rng.random() < 0.4 else "other_decision"
    details = {"protest_kind": kind, "grounds": GROUNDS, "decision_date": _before(rng, on, 170)}
    if rng.random() < 0.1:
        details["accelerated_disposition_requested_on"] = on.isoformat()
    return details


def _cf28(rng, entry, on, **_):
    return {"cf28_issue_date": _before(rng, on, 20, entry.entry_date)}


def _cf29(rng, entry, on, **_):
    return {
        "cf29_mailing_date": _before(rng, on, 15, entry.entry_date),
        "action_kind": "proposed" if rng.random() < 0.7 else "taken",
    }


def _cargo_hold(rng, entry, on, agencies, **_):
    agency = "CBP" if rng.random() < 0.6 else rng.choice(agencies)
    return {"hold_start_date": _before(rng, on, 30, entry.entry_date), "holding_agency": agency}


def _petition(rng, entry, on, **_):
    return {
        "case_number": f"{on.year}-{rng.randint(1000, 9999)}-{rng.randint(1, 999999):06d}",
        "petition_kind": rng.choice(("seizure", "penalty", "liquidated_damages")),
        "notice_date": _before(rng, on, 25),
    }


MAKERS = {
    InquiryType.CF28: _cf28,
    InquiryType.CF29: _cf29,
    InquiryType.PROTEST: _protest,
    InquiryType.CARGO_HOLD: _cargo_hold,
    InquiryType.PENALTY_PETITION: _petition,
    InquiryType.BINDING_RULING: lambda rng, **_: {
        "ruling_request_number": f"H{rng.randint(100000, 999999)}"
    },
    InquiryType.FTZ_QUESTION: lambda rng, **_: {
        "zone_number": f"{rng.randint(1, 299)}{rng.choice(('', '', 'A', 'B'))}"
    },
    InquiryType.EXAM_LOCATION: lambda rng, ports, **_: {"port": rng.choice(ports)},
}


def make(rng, kind: str, *, entry, on: date, agencies: list[str], ports: list[str]) -> dict:
    maker = MAKERS.get(kind)
    if maker is None:
        return {}
    return maker(rng, entry=entry, on=on, agencies=agencies, ports=ports)
