"""The twelve inquiry types, each declared once (DESIGN.md §5).

A type's declaration drives the validation of its `details`, the filing form, the API schema
and its clocks: `DetailField`s name the type's own fields, `needs_entry`/`needs_hts` the
top-level ones, `check` the rules across fields, `clocks` its statutory deadlines.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.trust import ServiceLevel
from centers.models import FunctionalArea
from centers.reference import agency_codes, port_codes
from entries import dates
from entries import deadlines as entry_deadlines
from entries.models import LiquidationStatus

from .deadlines import add_years


class InquiryType(models.TextChoices):
    CF28 = "cf28", _("Help answering a CF-28 Request for Information")
    CF29 = "cf29", _("Help with a CF-29 Notice of Action")
    PROTEST = "protest", _("Protest")
    CARGO_HOLD = "cargo_hold", _("Lengthy cargo hold")
    POST_ENTRY_AMENDMENT = (
        "post_entry_amendment",
        _("Post-entry amendment / post-summary correction"),
    )
    TECHNICAL_GUIDANCE = "technical_guidance", _("Technical guidance on covered imports")
    POLICY_CLARIFICATION = "policy_clarification", _("Clarification of CBP policy or procedure")
    COUNTERFEIT_REPORT = "counterfeit_report", _("Report of counterfeit or substandard imports")
    BINDING_RULING = "binding_ruling", _("Status of a binding ruling request")
    FTZ_QUESTION = "ftz_question", _("Foreign-trade zone question")
    PENALTY_PETITION = "penalty_petition", _("Center input on a seizure or penalty petition")
    EXAM_LOCATION = "exam_location", _("Preferred exam location designation")


class Outcome(models.TextChoices):
    ANSWERED = "answered", _("Answered")
    UNANSWERED = "unanswered", _("Unanswered (no reply from the importer)")
    ALLOWED = "allowed", _("Protest allowed")
    ALLOWED_IN_PART = "allowed_in_part", _("Protest allowed in part")
    DENIED = "denied", _("Protest denied")
    DEEMED_DENIED = "deemed_denied", _("Protest deemed denied")
    ACTION_TAKEN = "action_taken", _("Action taken")
    ACTION_RESCINDED = "action_rescinded", _("Action rescinded")
    REFERRED_TO_ENFORCEMENT = "referred_to_enforcement", _("Referred to enforcement")
    SUPPORTED = "supported", _("Petition supported")
    NOT_SUPPORTED = "not_supported", _("Petition not supported")


class StatutoryClock(models.TextChoices):
    CF28_RESPONSE = "cf28_response", _("CF-28 response due")
    CF29_REPLY = "cf29_reply", _("CF-29 reply due")
    PROTEST_DECISION = "protest_decision", _("Protest decision due")
    ACCELERATED_DISPOSITION = "accelerated_disposition", _("Accelerated disposition: deemed denied")
    EXCLUSION_DEEMED_DENIAL = "exclusion_deemed_denial", _("Exclusion protest: deemed denied")
    PSC_DEADLINE = "psc_deadline", _("Post-summary correction deadline")
    SEIZURE_PETITION = "seizure_petition", _("Seizure petition due")
    PENALTY_PETITION = "penalty_petition", _("Penalty petition due")


class Requirement(models.TextChoices):
    NO = "no"
    OPTIONAL = "optional"
    REQUIRED = "required"


@dataclass(frozen=True)
class DetailField:
    """One of a type's own fields, stored in `details` (dates as ISO strings)."""

    name: str
    label: str
    kind: str  # "date", "choice", "text" (free text) or "code" (a short pattern-checked code)
    help_text: str = ""
    required: bool = True
    choices: tuple[tuple[str, str], ...] = ()
    pattern: str = ""
    min_length: int = 0
    max_length: int = 200
    initial: str | None = None
    noun: str = ""  # how messages name a date ("decision date"); the label if not given

    @property
    def what(self) -> str:
        return str(self.noun or self.label)

    def form_field(self) -> forms.Field:
        common = {"label": self.label, "help_text": self.help_text, "required": self.required}
        if self.kind == "date":
            return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **common)
        if self.kind == "choice":
            choices = self.choices if self.required else (("", "—"), *self.choices)
            return forms.ChoiceField(choices=choices, initial=self.initial, **common)
        if self.kind == "text":
            return forms.CharField(
                widget=forms.Textarea(attrs={"rows": 4}),
                min_length=self.min_length or None,
                max_length=5000,
                **common,
            )
        return forms.RegexField(
            regex=self.pattern, max_length=self.max_length, strip=True, **common
        )


@dataclass
class FilingContext:
    """What a type's cross-field check may look at: never saved, never queried."""

    importer: object
    entry: object | None
    hts: str
    details: dict
    today: date


@dataclass(frozen=True)
class TypeSpec:
    code: InquiryType
    summary: str
    area: FunctionalArea
    fields: tuple[DetailField, ...] = ()
    needs_entry: Requirement = Requirement.NO
    needs_hts: Requirement = Requirement.OPTIONAL
    outcomes: tuple[Outcome, ...] = ()
    gate: Callable[[object], str | None] | None = None
    check: Callable[[FilingContext], dict[str, str]] | None = None
    clocks: Callable[[dict, date, object | None], list[tuple[str, date]]] = field(
        default=lambda details, submitted_on, entry: []
    )

    @property
    def label(self) -> str:
        return self.code.label

    @property
    def allowed_outcomes(self) -> tuple[Outcome, ...]:
        return (Outcome.ANSWERED, Outcome.UNANSWERED, *self.outcomes)

    def details_form_class(self) -> type[forms.Form]:
        attrs = {f.name: f.form_field() for f in self.fields}
        return type(f"{self.code.title().replace('_', '')}DetailsForm", (forms.Form,), attrs)

    def filing_problems(self, ctx: FilingContext) -> dict[str, str]:
        """Why a filing is refused, by field: dates out of range first, then the type's rules.

        The type's rules compute deadlines from these dates, so they only see dates in range.
        """
        problems = {
            detail.name: refusal
            for detail in self.fields
            if detail.kind == "date"
            and isinstance(value := ctx.details.get(detail.name), date)
            and (refusal := dates.out_of_range(value, today=ctx.today, what=detail.what))
        }
        if problems or self.check is None:
            return problems
        return self.check(ctx)


def parse_details(spec: TypeSpec, stored: dict) -> dict:
    """Stored JSON details → Python values (dates parsed)."""
    values = {}
    for detail in spec.fields:
        value = stored.get(detail.name)
        if detail.kind == "date" and value:
            value = date.fromisoformat(value)
        values[detail.name] = value
    return values


def serialize_details(values: dict) -> dict:
    return {
        name: value.isoformat() if isinstance(value, date) else value
        for name, value in values.items()
        if value not in (None, "")
    }


# --- Cross-field rules ---------------------------------------------------------------------


def _protest_check(ctx: FilingContext) -> dict[str, str]:
    kind = ctx.details.get("protest_kind") or "liquidation"
    decision = ctx.details.get("decision_date")
    if kind == "liquidation":
        return _liquidation_protest_check(ctx, decision)
    if decision is None:
        return {"decision_date": str(_("Give the date of the decision you protest."))}
    if decision > ctx.today:
        return {
            "decision_date": str(
                _(
                    "The decision date %(decision)s is in the future: a decision can be protested "
                    "once it is made, so give the date it was made, on or before %(today)s."
                )
                % {"decision": decision.isoformat(), "today": ctx.today.isoformat()}
            )
        }
    last_day = entry_deadlines.protest_window_ends(decision)
    if ctx.today > last_day:
        return {
            "decision_date": str(
                _(
                    "The protest period ended on %(last)s, 180 days after the decision on "
                    "%(decision)s."
                )
                % {"last": last_day.isoformat(), "decision": decision.isoformat()}
            )
        }
    return {}


def _liquidation_protest_check(ctx: FilingContext, decision: date | None) -> dict[str, str]:
    entry = ctx.entry
    if entry is None:
        return {"entry_number": str(_("A protest of a liquidation names the liquidated entry."))}
    if entry.liquidation_status != LiquidationStatus.LIQUIDATED or not entry.liquidation_date:
        return {
            "entry_number": str(
                _("Entry %(entry)s is not liquidated, so there is no liquidation to protest yet.")
                % {"entry": entry.display_number}
            )
        }
    if entry.liquidation_date > ctx.today:
        return {
            "entry_number": str(
                _(
                    "Entry %(entry)s is liquidated on %(liquidated)s, a day still ahead: its "
                    "liquidation can be protested from that day, not before."
                )
                % {"entry": entry.display_number, "liquidated": entry.liquidation_date.isoformat()}
            )
        }
    if decision is not None and decision != entry.liquidation_date:
        return {
            "decision_date": str(
                _("For a liquidation protest the decision date is the liquidation date, %(date)s.")
                % {"date": entry.liquidation_date.isoformat()}
            )
        }
    last_day = entry_deadlines.protest_window_ends(entry.liquidation_date)
    if ctx.today > last_day:
        return {
            "entry_number": str(
                _(
                    "The protest period for entry %(entry)s ended on %(last)s, 180 days after "
                    "liquidation on %(liquidated)s."
                )
                % {
                    "entry": entry.display_number,
                    "last": last_day.isoformat(),
                    "liquidated": entry.liquidation_date.isoformat(),
                }
            )
        }
    return {}


def _accelerated_check(ctx: FilingContext) -> dict[str, str]:
    """Accelerated disposition is requested on or after the filing and not after today: in
    the filing itself, that is the filing day (later requests are an action)."""
    requested = ctx.details.get("accelerated_disposition_requested_on")
    if not requested or requested == ctx.today:
        return {}
    if requested < ctx.today:
        message = _(
            "The accelerated disposition request date %(requested)s is before this protest is "
            "filed: it is requested on or after the filing, so give today's date, %(today)s, "
            "or ask for it later from the protest's page."
        )
    else:
        message = _(
            "The accelerated disposition request date %(requested)s is in the future: give "
            "today's date, %(today)s, or ask for it later from the protest's page."
        )
    return {
        "accelerated_disposition_requested_on": str(
            message % {"requested": requested.isoformat(), "today": ctx.today.isoformat()}
        )
    }


def _protest_checks(ctx: FilingContext) -> dict[str, str]:
    return _protest_check(ctx) | _accelerated_check(ctx)


def _amendment_check(ctx: FilingContext) -> dict[str, str]:
    entry = ctx.entry
    if entry.liquidation_status != LiquidationStatus.UNLIQUIDATED:
        return {
            "entry_number": str(
                _(
                    "Entry %(entry)s is already liquidated: a post-summary correction is only for "
                    "unliquidated entries."
                )
                % {"entry": entry.display_number}
            )
        }
    if not entry.psc_applies:
        return {
            "entry_number": str(
                _(
                    "Entry %(entry)s is an informal entry (type 11): post-summary corrections "
                    "do not apply."
                )
                % {"entry": entry.display_number}
            )
        }
    last_day = entry_deadlines.psc_deadline(entry.entry_date)
    if last_day is None:
        return {
            "entry_number": str(
                _(
                    "The post-summary correction window of entry %(entry)s cannot be worked "
                    "out from its entry date, %(date)s."
                )
                % {"entry": entry.display_number, "date": entry.entry_date.isoformat()}
            )
        }
    if ctx.today > last_day:
        return {
            "entry_number": str(
                _("The post-summary correction window for entry %(entry)s ended on %(last)s.")
                % {"entry": entry.display_number, "last": last_day.isoformat()}
            )
        }
    return {}


def _not_future(*names: str):
    def check(ctx: FilingContext) -> dict[str, str]:
        return {
            name: str(_("This date cannot be in the future."))
            for name in names
            if ctx.details.get(name) and ctx.details[name] > ctx.today
        }

    return check


def _holding_agency_check(ctx: FilingContext) -> dict[str, str]:
    errors = _not_future("hold_start_date")(ctx)
    agency = ctx.details.get("holding_agency")
    if agency and agency != "CBP" and agency not in agency_codes():
        errors["holding_agency"] = str(_("Name CBP or a partner agency code such as FDA or EPA."))
    return errors


def _port_check(ctx: FilingContext) -> dict[str, str]:
    if ctx.details.get("port") not in port_codes():
        return {
            "port": str(
                _("%(port)s is not a port of entry in the Schedule D list.")
                % {"port": ctx.details.get("port")}
            )
        }
    return {}


def _hts_or_entry(ctx: FilingContext) -> dict[str, str]:
    if not ctx.hts and ctx.entry is None:
        return {"hts": str(_("Give the HTS number of the goods, or the entry they came in."))}
    return {}


def _penalty_gate(importer) -> str | None:
    if importer.service_level in (ServiceLevel.ISA, ServiceLevel.CTPAT):
        return None
    return str(_("Center input on a petition is offered to C-TPAT and ISA members only."))


def _exam_location_gate(importer) -> str | None:
    failures = importer.trusted_partner_failures
    if not failures:
        return None
    return str(
        _("A preferred exam location is for trusted partners only: %(reasons)s.")
        % {"reasons": "; ".join(failures)}
    )


# --- Clocks ----------------------------------------------------------------------------
# A clock whose deadline cannot be worked out (a stored date near the end of the calendar)
# is left out: the inquiry shows no such deadline rather than failing to load.


def _known(clocks: list[tuple[str, date | None]]) -> list[tuple[str, date]]:
    return [(clock, deadline) for clock, deadline in clocks if deadline is not None]


def _cf28_clocks(details, submitted_on, entry):
    return _known([(StatutoryClock.CF28_RESPONSE, dates.shift(details["cf28_issue_date"], 30))])


def _cf29_clocks(details, submitted_on, entry):
    if details.get("action_kind") != "proposed":
        return []
    return _known([(StatutoryClock.CF29_REPLY, dates.shift(details["cf29_mailing_date"], 20))])


def _protest_clocks(details, submitted_on, entry):
    clocks = [(StatutoryClock.PROTEST_DECISION, add_years(submitted_on, 2))]
    if details.get("protest_kind") == "exclusion":
        clocks.append((StatutoryClock.EXCLUSION_DEEMED_DENIAL, dates.shift(submitted_on, 30)))
    requested = details.get("accelerated_disposition_requested_on")
    if requested:
        clocks.append((StatutoryClock.ACCELERATED_DISPOSITION, dates.shift(requested, 30)))
    return _known(clocks)


def _psc_clocks(details, submitted_on, entry):
    return _known([(StatutoryClock.PSC_DEADLINE, entry_deadlines.psc_deadline(entry.entry_date))])


def _petition_clocks(details, submitted_on, entry):
    if details["petition_kind"] == "seizure":
        return _known([(StatutoryClock.SEIZURE_PETITION, dates.shift(details["notice_date"], 30))])
    return _known([(StatutoryClock.PENALTY_PETITION, dates.shift(details["notice_date"], 60))])


# Clocks that deem a protest denied when they run out (the hourly sweep acts on them).
DEEMED_DENIAL_CLOCKS = (
    StatutoryClock.EXCLUSION_DEEMED_DENIAL,
    StatutoryClock.ACCELERATED_DISPOSITION,
)


# --- The declarations --------------------------------------------------------------------

CS = FunctionalArea.CUSTOMER_SERVICE
UP = FunctionalArea.UNIFORMITY_POLICY

SPECS: dict[str, TypeSpec] = {
    spec.code: spec
    for spec in [
        TypeSpec(
            InquiryType.CF28,
            _("You received a CF-28 and want the Center's help to answer it."),
            CS,
            needs_entry=Requirement.REQUIRED,
            fields=(
                DetailField(
                    "cf28_issue_date",
                    _("CF-28 issue date"),
                    "date",
                    _("The date printed on the Request for Information."),
                ),
            ),
            check=_not_future("cf28_issue_date"),
            clocks=_cf28_clocks,
        ),
        TypeSpec(
            InquiryType.CF29,
            _("You received a CF-29 Notice of Action."),
            CS,
            needs_entry=Requirement.REQUIRED,
            outcomes=(Outcome.ACTION_TAKEN, Outcome.ACTION_RESCINDED),
            fields=(
                DetailField(
                    "cf29_mailing_date",
                    _("CF-29 mailing date"),
                    "date",
                    _("The date the notice was mailed."),
                ),
                DetailField(
                    "action_kind",
                    _("Kind of action"),
                    "choice",
                    _("Proposed: you may reply within 20 days. Taken: the action is done."),
                    choices=(("proposed", _("Proposed")), ("taken", _("Taken"))),
                ),
            ),
            check=_not_future("cf29_mailing_date"),
            clocks=_cf29_clocks,
        ),
        TypeSpec(
            InquiryType.PROTEST,
            _("Protest a CBP decision, such as a liquidation, within 180 days."),
            UP,
            needs_entry=Requirement.OPTIONAL,
            outcomes=(Outcome.ALLOWED, Outcome.ALLOWED_IN_PART, Outcome.DENIED),
            fields=(
                DetailField(
                    "protest_kind",
                    _("What you protest"),
                    "choice",
                    _("Most protests are of a liquidation."),
                    initial="liquidation",
                    required=False,
                    choices=(
                        ("liquidation", _("A liquidation")),
                        ("exclusion", _("An exclusion of merchandise")),
                        ("other_decision", _("Another decision")),
                    ),
                ),
                DetailField(
                    "grounds",
                    _("Grounds of the protest"),
                    "text",
                    _("Explain what you object to and why (at least 20 characters)."),
                    min_length=20,
                ),
                DetailField(
                    "decision_date",
                    _("Date of the decision"),
                    "date",
                    _("For a liquidation, leave empty or give the liquidation date."),
                    required=False,
                    noun=_("decision date"),
                ),
                DetailField(
                    "accelerated_disposition_requested_on",
                    _("Accelerated disposition requested on"),
                    "date",
                    _("Only if you have asked for accelerated disposition."),
                    required=False,
                    noun=_("accelerated disposition request date"),
                ),
            ),
            check=_protest_checks,
            clocks=_protest_clocks,
        ),
        TypeSpec(
            InquiryType.CARGO_HOLD,
            _("Your cargo has been held for a long time."),
            CS,
            needs_entry=Requirement.REQUIRED,
            fields=(
                DetailField(
                    "hold_start_date", _("Hold started on"), "date", noun=_("hold start date")
                ),
                DetailField(
                    "holding_agency",
                    _("Holding agency"),
                    "code",
                    _("CBP, or the partner agency code such as FDA."),
                    pattern=r"^[A-Z]{3}$",
                    max_length=3,
                ),
            ),
            check=_holding_agency_check,
        ),
        TypeSpec(
            InquiryType.POST_ENTRY_AMENDMENT,
            _("Correct an unliquidated entry summary (post-summary correction)."),
            CS,
            needs_entry=Requirement.REQUIRED,
            check=_amendment_check,
            clocks=_psc_clocks,
        ),
        TypeSpec(
            InquiryType.TECHNICAL_GUIDANCE,
            _("Ask for technical guidance on goods the Center covers."),
            UP,
            needs_entry=Requirement.OPTIONAL,
            check=_hts_or_entry,
        ),
        TypeSpec(
            InquiryType.POLICY_CLARIFICATION,
            _("Ask what a CBP policy or procedure means for you."),
            UP,
        ),
        TypeSpec(
            InquiryType.COUNTERFEIT_REPORT,
            _("Tell CBP about counterfeit or substandard imports."),
            FunctionalArea.ENFORCEMENT,
            outcomes=(Outcome.REFERRED_TO_ENFORCEMENT,),
        ),
        TypeSpec(
            InquiryType.BINDING_RULING,
            _("Ask about the status of your binding ruling request."),
            UP,
            fields=(
                DetailField(
                    "ruling_request_number",
                    _("Ruling request number"),
                    "code",
                    _("Letters, digits or dashes, up to 20."),
                    pattern=r"^[A-Za-z0-9-]{1,20}$",
                    max_length=20,
                ),
            ),
        ),
        TypeSpec(
            InquiryType.FTZ_QUESTION,
            _("Ask about a foreign-trade zone or subzone."),
            CS,
            fields=(
                DetailField(
                    "zone_number",
                    _("Zone number"),
                    "code",
                    _("For example 50, or 50A for a subzone."),
                    pattern=r"^\d{1,3}[A-Z]?$",
                    max_length=4,
                ),
            ),
        ),
        TypeSpec(
            InquiryType.PENALTY_PETITION,
            _("Ask for the Center's input on a seizure, penalty or liquidated-damages petition."),
            FunctionalArea.ENFORCEMENT,
            outcomes=(Outcome.SUPPORTED, Outcome.NOT_SUPPORTED),
            gate=_penalty_gate,
            fields=(
                DetailField(
                    "case_number",
                    _("Case number"),
                    "code",
                    _("As printed on the notice."),
                    pattern=r"^[A-Za-z0-9-]{1,30}$",
                    max_length=30,
                ),
                DetailField(
                    "petition_kind",
                    _("Kind of petition"),
                    "choice",
                    choices=(
                        ("seizure", _("Seizure")),
                        ("penalty", _("Penalty")),
                        ("liquidated_damages", _("Liquidated damages")),
                    ),
                ),
                DetailField(
                    "notice_date", _("Notice mailing date"), "date", noun=_("notice mailing date")
                ),
            ),
            check=_not_future("notice_date"),
            clocks=_petition_clocks,
        ),
        TypeSpec(
            InquiryType.EXAM_LOCATION,
            _("Ask for a preferred exam location (trusted partners)."),
            FunctionalArea.ACCOUNT_VALIDATION,
            gate=_exam_location_gate,
            fields=(
                DetailField(
                    "port",
                    _("Preferred port"),
                    "code",
                    _("The 4-digit Schedule D port code, such as 1001."),
                    pattern=r"^\d{4}$",
                    max_length=4,
                ),
            ),
            check=_port_check,
        ),
    ]
}

HTS_PREFIX = re.compile(r"^\d{4,10}$")
