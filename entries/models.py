"""Entries and their lines, as they arrive from the ACE feed."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import dates, deadlines
from .formats import display_entry_number


class EntryType(models.TextChoices):
    """CBP Form 7501 block 2."""

    CONSUMPTION = "01", _("01 Consumption")
    QUOTA_VISA = "02", _("02 Quota/visa")
    ADCVD = "03", _("03 Antidumping/countervailing duty")
    FTZ_CONSUMPTION = "06", _("06 Foreign-trade zone consumption")
    INFORMAL = "11", _("11 Informal")
    WAREHOUSE = "21", _("21 Warehouse")
    TEMPORARY_IMPORTATION_BOND = "23", _("23 Temporary importation under bond")
    FTZ_ADMISSION = "26", _("26 Foreign-trade zone admission")
    WAREHOUSE_WITHDRAWAL = "31", _("31 Warehouse withdrawal for consumption")
    WAREHOUSE_WITHDRAWAL_ADCVD = "34", _("34 Warehouse withdrawal AD/CVD")
    GOVERNMENT = "52", _("52 Government")


class LiquidationStatus(models.TextChoices):
    UNLIQUIDATED = "unliquidated", _("Unliquidated")
    LIQUIDATED = "liquidated", _("Liquidated")
    EXTENDED = "extended", _("Extended")
    SUSPENDED = "suspended", _("Suspended")


def entry_date_errors(
    *,
    entry_date: date | None,
    release_date: date | None,
    liquidation_date: date | None,
    liquidation_status: str | None,
    today: date,
) -> dict[str, str]:
    """Why an entry's dates are refused, one message a field (DESIGN.md §4), or {}.

    Each date lies in the accepted range; a liquidated entry has a liquidation date, not
    before the entry date and not after today; an unliquidated one has none.
    """
    errors = {}
    for name, what, value in (
        ("entry_date", gettext("entry date"), entry_date),
        ("release_date", gettext("release date"), release_date),
        ("liquidation_date", gettext("liquidation date"), liquidation_date),
    ):
        refusal = dates.out_of_range(value, today=today, what=what) if value else None
        if refusal:
            errors[name] = refusal
    if "liquidation_date" in errors:
        return errors
    liquidated = liquidation_status == LiquidationStatus.LIQUIDATED
    if liquidated and liquidation_date is None:
        errors["liquidation_date"] = gettext("A liquidated entry needs its liquidation date.")
    elif liquidation_status == LiquidationStatus.UNLIQUIDATED and liquidation_date:
        errors["liquidation_date"] = gettext("An unliquidated entry has no liquidation date.")
    elif entry_date and liquidation_date and liquidation_date < entry_date:
        errors["liquidation_date"] = gettext(
            "The liquidation date %(liquidated)s is before the entry date %(entered)s."
        ) % {"liquidated": liquidation_date.isoformat(), "entered": entry_date.isoformat()}
    elif liquidated and liquidation_date > today:
        errors["liquidation_date"] = gettext(
            "The liquidation date %(date)s is after today, %(today)s. A liquidation posted for "
            "a later day is unliquidated until then: record the entry as unliquidated, "
            "without a liquidation date, until that day."
        ) % {"date": liquidation_date.isoformat(), "today": today.isoformat()}
    return errors


def _protest_closing_q(start: date, end: date) -> models.Q:
    window = timedelta(days=deadlines.PROTEST_WINDOW_DAYS)
    return models.Q(
        liquidation_status=LiquidationStatus.LIQUIDATED,
        liquidation_date__range=(start - window, end - window),
    )


def _psc_closing_q(start: date, end: date) -> models.Q:
    # The deadline is no fixed offset of the entry date (it moves to a Friday): the entry
    # dates whose deadline falls in the span are listed, a few dozen at most.
    first = start - timedelta(days=deadlines.PSC_DAYS_AFTER_ENTRY)
    entry_dates = [first + timedelta(days=n) for n in range((end - start).days + 2)]
    entry_dates = [
        day
        for day in entry_dates
        if (deadline := deadlines.psc_deadline(day)) and start <= deadline <= end
    ]
    return models.Q(
        liquidation_status=LiquidationStatus.UNLIQUIDATED, entry_date__in=entry_dates
    ) & ~models.Q(entry_type=EntryType.INFORMAL)


class EntryQuerySet(models.QuerySet):
    def protest_closing(self, start: date, end: date):
        """Liquidated entries whose protest window ends between `start` and `end`."""
        return self.filter(_protest_closing_q(start, end))

    def psc_closing(self, start: date, end: date):
        """Unliquidated entries whose post-summary correction deadline is in [start, end]."""
        return self.filter(_psc_closing_q(start, end))

    def closing_soon(self, today: date):
        """Entries whose protest window or PSC deadline closes within the horizon from today."""
        end = today + timedelta(days=deadlines.DEADLINE_HORIZON_DAYS)
        return self.filter(_protest_closing_q(today, end) | _psc_closing_q(today, end))


class Entry(models.Model):
    """An entry summary: stored with its canonical number, never changing importer."""

    entry_number = models.CharField(max_length=11, unique=True)
    importer = models.ForeignKey(
        "accounts.Importer", on_delete=models.PROTECT, related_name="entries"
    )
    entry_type = models.CharField(max_length=2, choices=EntryType.choices)
    port = models.ForeignKey("centers.Port", on_delete=models.PROTECT, related_name="entries")
    entry_date = models.DateField()
    release_date = models.DateField(null=True, blank=True)
    liquidation_date = models.DateField(null=True, blank=True)
    liquidation_status = models.CharField(
        max_length=12, choices=LiquidationStatus.choices, default=LiquidationStatus.UNLIQUIDATED
    )
    total_value = models.DecimalField(max_digits=16, decimal_places=2, default=0)
    total_duty = models.DecimalField(max_digits=16, decimal_places=2, default=0)
    # The line of largest value decides the heading of the uniformity report and, for an
    # importer without a Center, the entry's Center; both are fixed when the entry is imported.
    principal_hts = models.CharField(max_length=10, blank=True)
    principal_center = models.ForeignKey(
        "centers.Center", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    imported_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["-entry_date", "entry_number"]
        verbose_name_plural = _("entries")
        indexes = [
            models.Index(fields=["importer", "-entry_date"], name="entry_importer_date"),
            models.Index(fields=["importer", "liquidation_date"], name="entry_importer_liq"),
        ]

    def __str__(self):
        return self.display_number

    def clean(self):
        errors = entry_date_errors(
            entry_date=self.entry_date,
            release_date=self.release_date,
            liquidation_date=self.liquidation_date,
            liquidation_status=self.liquidation_status,
            today=timezone.localdate(),
        )
        if errors:
            raise ValidationError(errors)

    @property
    def display_number(self) -> str:
        return display_entry_number(self.entry_number)

    @property
    def center_code(self) -> str | None:
        return self.importer.center_id or self.principal_center_id

    @property
    def protest_window_ends(self):
        return deadlines.protest_window_ends(self.liquidation_date)

    @property
    def psc_applies(self) -> bool:
        """Post-summary corrections exist for formal entries only (not type 11)."""
        return self.entry_type != EntryType.INFORMAL

    @property
    def psc_deadline(self):
        """The post-summary correction deadline; None once liquidated, for informal entries, or
        when the entry date is too late in the calendar to work it out."""
        if self.liquidation_status != LiquidationStatus.UNLIQUIDATED or not self.psc_applies:
            return None
        return deadlines.psc_deadline(self.entry_date)


class EntryLine(models.Model):
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="lines")
    line_number = models.PositiveIntegerField()
    hts = models.CharField(_("HTS number"), max_length=10)
    additional_hts = models.JSONField(
        default=list, blank=True, help_text=_("Chapter 98/99 numbers.")
    )
    country_of_origin = models.CharField(max_length=2)
    value = models.DecimalField(max_digits=14, decimal_places=2)
    duty = models.DecimalField(max_digits=14, decimal_places=2)
    center = models.ForeignKey(
        "centers.Center",
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        help_text=_("The Center covering this line's HTS number."),
    )

    class Meta:
        ordering = ["entry", "line_number"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "line_number"], name="one_line_number")
        ]

    def __str__(self):
        return f"{self.entry} line {self.line_number}"
