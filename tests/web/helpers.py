"""Builders of public content for the page tests."""

import datetime

from centers.models import Center, Event, Publication, Ruling


def make_ruling(
    number,
    *,
    hts=(),
    subject="Classification of goods",
    text="Ruling text.",
    center="EL",
    ruling_date=datetime.date(2025, 3, 1),
):
    ruling = Ruling(
        number=number,
        ruling_date=ruling_date,
        hts_numbers=list(hts),
        subject=subject,
        text=text,
        center=Center.objects.get(code=center) if center else None,
    )
    ruling.clean()  # fills hts_text, the column the HTS prefix search reads
    ruling.save()
    return ruling


def make_publication(title, *, center="EL", kind=Publication.Kind.GUIDANCE, url=""):
    return Publication.objects.create(
        title=title,
        kind=kind,
        url=url,
        center=Center.objects.get(code=center) if center else None,
    )


def make_event(title, *, center="EL", starts_at, for_small_business=False, location="Webinar"):
    return Event.objects.create(
        title=title,
        center=Center.objects.get(code=center),
        starts_at=starts_at,
        location=location,
        for_small_business=for_small_business,
    )
