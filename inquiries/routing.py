"""Routing: which Center and functional team take an inquiry, and why (DESIGN.md §5).

A pure function of facts already at hand (it runs on unsaved objects): the importer's
assigned Center; else the Center of the entry's largest line value; else the Center
covering the HTS number given; else the HQ triage queue.
"""

from dataclasses import dataclass
from functools import cache

from centers.coverage import center_for_hts
from centers.reference import read_rows


@dataclass(frozen=True)
class Route:
    center: str | None
    functional_area: str
    reason: str


@cache
def _center_names() -> dict[str, str]:
    return {row["code"]: row["name"] for row in read_rows("centers.csv")}


def center_label(code: str) -> str:
    """A Center as routing reasons name it: "the <name> Center (<code>)"."""
    return f"the {_center_names()[code]} Center ({code})"


def route(*, importer, entry, hts: str, functional_area: str) -> Route:
    """Return the Center, the functional area and the reason for an inquiry."""
    if importer.center_id:
        return Route(
            importer.center_id,
            functional_area,
            f"Routed to {center_label(importer.center_id)}, the Center assigned to "
            f"{importer.name} for account-based processing.",
        )
    if entry is not None and entry.principal_center_id:
        return Route(
            entry.principal_center_id,
            functional_area,
            f"Routed to {center_label(entry.principal_center_id)}, which covers HTS "
            f"{entry.principal_hts}, the largest-value line of entry "
            f"{entry.display_number}.",
        )
    covering = center_for_hts(hts) if hts else None
    if covering:
        return Route(
            covering,
            functional_area,
            f"Routed to {center_label(covering)}, which covers HTS {hts}.",
        )
    return Route(
        None,
        functional_area,
        "No Center covers this inquiry yet: it waits in the HQ triage queue, where "
        "Headquarters sends it to the right Center.",
    )


def reroute_reason(center_code: str, reason: str) -> str:
    return f"Rerouted to {center_label(center_code)}: {reason}"


def sent_to_reason(center_code: str) -> str:
    """An inquiry's routing reason once it was rerouted to the Center."""
    return f"Sent to {center_label(center_code)}."
