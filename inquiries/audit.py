"""Verification of the per-inquiry audit chain (DESIGN.md §5: tampering is detectable).

Each event's hash is recomputed from its stored fields; each event must link to the hash
of the one before it, and sequences must run 1, 2, 3… without a gap.
"""

from dataclasses import dataclass

from .models import GENESIS_HASH, Inquiry, InquiryEvent


@dataclass(frozen=True)
class BrokenLink:
    """The first event of an inquiry's chain that does not verify, and why."""

    inquiry_id: int
    reference: str
    sequence: int
    problem: str


def first_bad_event(events) -> tuple[int, str] | None:
    """Return (sequence, problem) of the first event that breaks the chain, or None."""
    previous = GENESIS_HASH
    for expected, event in enumerate(events, start=1):
        if event.sequence != expected:
            return event.sequence, f"sequence {event.sequence} where {expected} was expected"
        if event.previous_hash != previous:
            return event.sequence, "previous_hash does not match the event before it"
        if event.compute_hash() != event.hash:
            return event.sequence, "stored hash does not match the event's fields"
        previous = event.hash
    return None


def _events_by_inquiry():
    """Yield (inquiry id, its events in sequence order), streaming every event once."""
    current, events = None, []
    queryset = InquiryEvent.objects.order_by("inquiry_id", "sequence")
    for event in queryset.iterator(chunk_size=2000):
        if event.inquiry_id != current:
            if current is not None:
                yield current, events
            current, events = event.inquiry_id, []
        events.append(event)
    if current is not None:
        yield current, events


def broken_inquiries() -> list[BrokenLink]:
    """Every inquiry whose chain does not verify, with its first bad event."""
    broken = []
    for inquiry_id, events in _events_by_inquiry():
        bad = first_bad_event(events)
        if bad is not None:
            broken.append((inquiry_id, *bad))
    references = dict(
        Inquiry.objects.filter(pk__in=[row[0] for row in broken]).values_list("pk", "reference")
    )
    return [
        BrokenLink(inquiry_id, references.get(inquiry_id, str(inquiry_id)), sequence, problem)
        for inquiry_id, sequence, problem in broken
    ]


def chain_count() -> int:
    """How many inquiries have an audit chain."""
    return InquiryEvent.objects.values("inquiry_id").distinct().count()
