"""The demo's inquiry stories: every type's typical case and every state, per importer."""

from inquiries.types import InquiryType as T
from inquiries.workflow import Action as A

from .inquiries import DaysAgo, Do, Say, Story

PH_STAFF = "staff-pharma"
EL_STAFF = "staff-electronics"


def _working(staff: str) -> tuple:
    return (Do(A.CLAIM, staff), Do(A.START_REVIEW, staff))


PHARMA_STORIES = [
    Story(
        T.CF28,
        "trade-pharma",
        "CF-28 asks for the manufacturer's certificate of analysis",
        "We received a CF-28 for this entry asking for certificates of analysis and the "
        "manufacturer's address for each lot. We would like to confirm which lots are in "
        "scope before we answer.",
        days_ago=2,
        entry=("unliquidated", 0),
        details={"cf28_issue_date": DaysAgo(6)},
    ),
    Story(
        T.POST_ENTRY_AMENDMENT,
        "trade-pharma",
        "Correct the declared value of line 2 (assist not included)",
        "An engineering assist supplied to the manufacturer was left out of the entered "
        "value of line 2. We intend to file a post-summary correction and ask the Center "
        "to confirm the approach.",
        days_ago=5,
        entry=("unliquidated", 1),
        steps=(Do(A.ASSIGN, "supervisor-pharma", {"assignee": PH_STAFF}),),
    ),
    Story(
        T.TECHNICAL_GUIDANCE,
        "trade-pharma",
        "Heading 3004 or 3003 for a combination product in bulk vials?",
        "A combination antihypertensive arrives in multi-dose vials for repackaging in the "
        "United States. Are the vials 'put up in measured doses' for heading 3004?",
        days_ago=9,
        hts="300490",
        steps=(
            *_working(PH_STAFF),
            Say(
                PH_STAFF,
                "Thank you. Could you send the label and the package insert? "
                "The dosage instructions decide whether the vials are measured doses.",
            ),
            Say("trade-pharma", "Attached are the label and the package insert of the 10 mL vial."),
            Say(
                PH_STAFF,
                "Label matches ruling N305293 reasoning; check with NCSD "
                "whether a multi-dose vial counts as measured doses.",
                internal=True,
            ),
        ),
    ),
    Story(
        T.CF29,
        "trade-pharma",
        "CF-29 proposes a rate advance on the antibiotic line",
        "The CF-29 proposes to reclassify line 1 from 3004.20 to 2941.10. We believe the "
        "goods are put up in measured doses and want to reply within 20 days.",
        days_ago=6,
        entry=("unliquidated", 2),
        details={"cf29_mailing_date": DaysAgo(8), "action_kind": "proposed"},
        steps=(
            *_working(PH_STAFF),
            Do(
                A.REQUEST_INFO,
                PH_STAFF,
                {
                    "message": "Please upload the commercial "
                    "invoice and a photograph of the retail packaging for line 1."
                },
            ),
        ),
    ),
    Story(
        T.CARGO_HOLD,
        "trade-pharma",
        "Insulin shipment on FDA hold for 12 days",
        "Our insulin pens have been held at JFK since FDA requested a sample. The product "
        "is temperature-sensitive; we ask for help to expedite the review.",
        days_ago=7,
        entry=("unliquidated", 3),
        details={"hold_start_date": DaysAgo(12), "holding_agency": "FDA"},
        steps=(
            *_working(PH_STAFF),
            Do(
                A.REFER,
                PH_STAFF,
                {
                    "target": "pga:FDA",
                    "note": "FDA sample request "
                    "pending since the hold began; importer reports cold-chain limits. "
                    "Please confirm the status of the sample analysis.",
                },
            ),
        ),
    ),
    Story(
        T.PROTEST,
        "trade-pharma",
        "Protest of the liquidation: Pharmaceutical Appendix",
        "The entry liquidated with duty on line 3, which is listed in the Pharmaceutical "
        "Appendix and entitled to duty-free treatment.",
        days_ago=20,
        entry=("recent", 2),
        details={
            "grounds": "Line 3 is an active ingredient listed in the Pharmaceutical "
            "Appendix to the HTSUS and is entitled to duty-free treatment; "
            "the liquidation assessed 6.5% in error."
        },
        steps=(
            *_working(PH_STAFF),
            Do(
                A.REFER,
                PH_STAFF,
                {
                    "target": "hq",
                    "note": "Request HQ view on whether "
                    "the salt form is covered by the Appendix listing of the base.",
                },
            ),
            Do(
                A.RETURN,
                "hq-reviewer",
                {
                    "decision": "The salt form is covered by the "
                    "listing of the base (General Note 13). Allow for line 3 only."
                },
            ),
            Do(
                A.RESOLVE,
                PH_STAFF,
                {
                    "resolution": "Protest allowed in part: line 3 "
                    "will be reliquidated free of duty; the other lines stand.",
                    "outcome": "allowed_in_part",
                },
            ),
        ),
    ),
    Story(
        T.BINDING_RULING,
        "trade-pharma",
        "Status of our ruling request on a diagnostic kit",
        "We filed a ruling request through eRulings for a rapid diagnostic test kit and "
        "have had no answer yet.",
        days_ago=28,
        details={"ruling_request_number": "NRX-2025-0142"},
        steps=(
            *_working(PH_STAFF),
            Do(
                A.RESOLVE,
                PH_STAFF,
                {
                    "resolution": "The National Commodity Specialist "
                    "Division has the request and expects to issue the ruling within 30 days.",
                    "outcome": "answered",
                },
            ),
            Do(A.CLOSE, "trade-pharma"),
        ),
    ),
    Story(
        T.FTZ_QUESTION,
        "trade-pharma",
        "Admitting bulk APIs to our FTZ subzone",
        "Can we admit bulk active ingredients to our subzone in privileged foreign status?",
        days_ago=15,
        details={"zone_number": "49"},
        steps=(Do(A.WITHDRAW, "trade-pharma", {"reason": "Answered by the zone grantee."}),),
    ),
    Story(
        T.PENALTY_PETITION,
        "trade-pharma",
        "Center input on a penalty petition (19 USC 1592)",
        "We received a pre-penalty notice for undervaluation of royalty payments and will "
        "petition. We ask for the Center's input on our disclosure history.",
        days_ago=10,
        details={
            "case_number": "2025-4601-000318",
            "petition_kind": "penalty",
            "notice_date": DaysAgo(15),
        },
        steps=(
            *_working(PH_STAFF),
            Say(
                "ae-pharma",
                "I have shared your prior disclosure of 2024 with the Center; "
                "please include it in the petition.",
            ),
        ),
    ),
    Story(
        T.EXAM_LOCATION,
        "trade-pharma",
        "Preferred exam location: JFK cold-chain facility",
        "As a trusted partner we ask that exams of temperature-controlled shipments take "
        "place at the JFK centralized examination station with cold storage.",
        days_ago=1,
        details={"port": "4701"},
    ),
]

SME_STORIES = [
    Story(
        T.TECHNICAL_GUIDANCE,
        "broker",
        "Classification of an industrial Wi-Fi access point",
        "Our client imports a ruggedized access point with PoE. Is it 8517.62 and does "
        "Section 301 apply to the Malaysian-origin units?",
        days_ago=3,
        hts="8517620090",
    ),
    Story(
        T.CF28,
        "trade-sme",
        "CF-28 asking for the bill of materials of a laptop dock",
        "CBP asked for the bill of materials and country of origin of each component.",
        days_ago=4,
        entry=("unliquidated", 0),
        details={"cf28_issue_date": DaysAgo(7)},
        steps=(Do(A.CLAIM, EL_STAFF),),
    ),
    Story(
        T.COUNTERFEIT_REPORT,
        "trade-sme",
        "Counterfeit microcontrollers sold under our brand",
        "A distributor offers microcontrollers marked with our part numbers that we never "
        "shipped. We believe they are remarked parts imported through Miami.",
        days_ago=8,
        hts="854231",
        steps=(
            *_working(EL_STAFF),
            Say(
                EL_STAFF,
                "Thank you for the report. Could you share the distributor's "
                "listing and photographs of the markings?",
            ),
            Say("trade-sme", "Photographs and the listing are uploaded."),
        ),
    ),
    Story(
        T.POST_ENTRY_AMENDMENT,
        "trade-sme",
        "Add the chapter 99 number we left out",
        "Line 1 came from China and the 9903.88.01 number was not reported.",
        days_ago=6,
        entry=("unliquidated", 1),
        steps=(
            *_working(EL_STAFF),
            Do(
                A.REQUEST_INFO,
                EL_STAFF,
                {
                    "message": "Please confirm the country of "
                    "origin of line 1 and send the supplier's origin statement."
                },
            ),
        ),
    ),
    Story(
        T.POLICY_CLARIFICATION,
        "trade-sme",
        "Do refurbished phones returned for repair need a new entry?",
        "We export phones for repair in Mexico and bring them back. Which provision applies "
        "and is a formal entry needed each time?",
        days_ago=12,
        steps=(
            *_working(EL_STAFF),
            Do(
                A.REFER,
                EL_STAFF,
                {
                    "target": "hq",
                    "note": "Question on 9802.00.40 "
                    "versus 9802.00.50 for repaired phones; asking HQ for the current "
                    "practice.",
                },
            ),
        ),
    ),
    Story(
        T.PROTEST,
        "trade-sme",
        "Protest: monitors liquidated at the television rate",
        "Line 2 is a computer monitor of 8528.52 (free) but liquidated under 8528.72.",
        days_ago=25,
        entry=("recent", 3),
        details={
            "grounds": "The monitors have no tuner and are designed for use with an "
            "automatic data processing machine; see ruling N302761."
        },
        steps=(
            *_working(EL_STAFF),
            Do(
                A.RESOLVE,
                EL_STAFF,
                {
                    "resolution": "Protest allowed: the monitors are "
                    "classified in 8528.52.0000 and the entry will be reliquidated.",
                    "outcome": "allowed",
                },
            ),
        ),
    ),
    Story(
        T.CF29,
        "trade-sme",
        "CF-29: value advanced for undeclared tooling",
        "CBP advanced the value of line 1 for tooling we supplied to the factory.",
        days_ago=40,
        entry=("unliquidated", 2),
        details={"cf29_mailing_date": DaysAgo(42), "action_kind": "taken"},
        steps=(
            *_working(EL_STAFF),
            Do(
                A.RESOLVE,
                EL_STAFF,
                {
                    "resolution": "The advance stands: tooling supplied "
                    "free of charge is an assist and part of the transaction value.",
                    "outcome": "action_taken",
                },
            ),
            Do(A.CLOSE, "trade-sme"),
        ),
    ),
    Story(
        T.CARGO_HOLD,
        "broker",
        "Televisions held for an FCC equipment authorization check",
        "A container of televisions has been held at Long Beach for five days.",
        days_ago=4,
        entry=("unliquidated", 3),
        details={"hold_start_date": DaysAgo(5), "holding_agency": "FCC"},
        steps=(Do(A.WITHDRAW, "broker", {"reason": "Released this morning."}),),
    ),
]

NEWCOMER_STORIES = [
    Story(
        T.POLICY_CLARIFICATION,
        "trade-new",
        "First import: which Center handles my account?",
        "I am starting to import handmade leather bags and ceramic tableware. I have no "
        "entries yet. Which Center will handle my account, and can I choose?",
        days_ago=1,
    ),
]
