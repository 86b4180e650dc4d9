"""Demo inquiries, driven only through the inquiry services, like a user would.

Each story files an inquiry (with `now` in the past) and then takes its lifecycle steps as
the right people: the services check every permission and rule, so demo data obeys them.
An importer that already has inquiries is left alone: the seed never files twice.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone

from entries.models import Entry, EntryType, LiquidationStatus
from inquiries import services
from inquiries.models import Inquiry
from inquiries.workflow import Action


@dataclass(frozen=True)
class DaysAgo:
    """A date in `details`, this many days before the seed runs."""

    days: int


@dataclass(frozen=True)
class Do:
    """A lifecycle action; `assignee` in `data` names a user by username."""

    action: Action
    by: str
    data: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Say:
    """A message on the inquiry: external, or an internal note."""

    by: str
    body: str
    internal: bool = False


@dataclass(frozen=True)
class Story:
    type: str
    filer: str
    subject: str
    description: str
    days_ago: int
    # ("unliquidated" | "recent" | "old", position) among the importer's type 01 entries.
    entry: tuple[str, int] | None = None
    hts: str = ""
    details: dict = field(default_factory=dict)
    steps: tuple = ()


def _entries(importer, kind: str, today: date):
    entries = Entry.objects.filter(importer=importer, entry_type=EntryType.CONSUMPTION)
    if kind == "unliquidated":
        return entries.filter(liquidation_status=LiquidationStatus.UNLIQUIDATED).order_by(
            "-entry_date", "entry_number"
        )
    recent = (today - timedelta(days=150), today - timedelta(days=10))
    liquidated = entries.filter(liquidation_status=LiquidationStatus.LIQUIDATED)
    if kind == "recent":
        return liquidated.filter(liquidation_date__range=recent).order_by("-liquidation_date")
    return liquidated.filter(liquidation_date__lt=today - timedelta(days=200)).order_by(
        "-liquidation_date"
    )


def _details(details: dict, today: date) -> dict:
    return {
        name: (today - timedelta(days=value.days)).isoformat()
        if isinstance(value, DaysAgo)
        else value
        for name, value in details.items()
    }


def _file(story: Story, importer, users, today: date) -> Inquiry:
    entry_number = ""
    if story.entry:
        kind, position = story.entry
        entry_number = _entries(importer, kind, today)[position].display_number
    return services.file_inquiry(
        importer,
        by=users[story.filer],
        type=story.type,
        subject=story.subject,
        description=story.description,
        details=_details(story.details, today),
        entry_number=entry_number,
        hts=story.hts,
        now=timezone.now() - timedelta(days=story.days_ago),
    )


def _step(inquiry: Inquiry, step, users) -> None:
    if isinstance(step, Say):
        services.post_message(inquiry, by=users[step.by], body=step.body, internal=step.internal)
        inquiry.refresh_from_db()  # the message may have set the first response
        return
    data = dict(step.data)
    if "assignee" in data:
        data["assignee"] = users[data["assignee"]].pk
    services.perform_action(inquiry, step.action, by=users[step.by], data=data)


def tell(stories, importer, users, today: date) -> int:
    """File and play every story for one importer; return how many inquiries were filed."""
    if Inquiry.objects.filter(importer=importer).exists():
        return 0
    for story in stories:
        inquiry = _file(story, importer, users, today)
        for step in story.steps:
            _step(inquiry, step, users)
    return len(stories)


def seed_inquiries(cast, today: date) -> dict[str, int]:
    """Play the demo stories of the three importers; skip importers that have inquiries."""
    from .stories import NEWCOMER_STORIES, PHARMA_STORIES, SME_STORIES

    return {
        importer.name: tell(stories, importer, cast.users, today)
        for importer, stories in (
            (cast.pharma, PHARMA_STORIES),
            (cast.sme, SME_STORIES),
            (cast.newcomer, NEWCOMER_STORIES),
        )
    }
