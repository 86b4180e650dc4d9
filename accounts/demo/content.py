"""Public demo content: Center descriptions, rulings, publications and events.

Descriptions are built from the verified facts of domain/REFERENCE.md §1; directors stay
blank (the admin fills them). Rulings carry CROSS-style numbers; their texts are written for
the demo. Everything is keyed on a natural key, so a second run updates in place.
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from centers.models import Center, Event, Publication, Ruling

OPENED = {
    "EL": "October 2011",
    "PHC": "October 2011",
    "AA": "May 2012",
    "PNGM": "May 2012",
    "BM": "spring 2013",
    "IMM": "spring 2013",
    "MA": "spring 2013",
    "AG": "June 3, 2013",
    "AFT": "June 3, 2013",
    "CPMM": "June 3, 2013",
}

INDUSTRY = {
    "AG": "agriculture, animal products, aquaculture, vegetable products, beverages, alcohol "
    "and tobacco",
    "EL": "information technology, integrated circuits, consumer electronics and automated "
    "data processing equipment",
    "AA": "the automotive industry (headings 8701–8711, 8713, 8714 and 8716), aerospace "
    "(headings 8801–8805) and other transportation equipment and related parts, "
    "including ignition and starting equipment of heading 8511 since March 2014",
    "PHC": "pharmaceuticals, health and chemicals; in 2012 it was set to expand to the health "
    "equipment industry",
}

COMMON = (
    "Centers are national CBP offices that make trade decisions for importers of their "
    "industry, whatever the port where the goods arrive. Since January 19, 2017 the Center "
    "director decides protests, liquidation extensions and notices of action for the "
    "importers assigned to the Center, while port directors keep control over the movement "
    "and release of cargo. Bring the Center technical questions on covered imports, CBP "
    "policy questions, help with CF-28 and CF-29 requests, lengthy cargo holds and reports "
    "of counterfeit or substandard imports."
)


def _chapters(prefixes: list[str]) -> str:
    chapters = [p for p in prefixes if len(p) == 2]
    headings = [p for p in prefixes if len(p) == 4]
    text = "HTS chapters " + ", ".join(chapters) if chapters else ""
    if headings:
        text += ("; " if text else "") + "headings " + ", ".join(headings)
    return text


def _descriptions() -> None:
    for center in Center.objects.all():
        industry = INDUSTRY.get(center.code)
        lines = [
            f"The {center.name} Center has its management office in {center.office_city} and "
            f"has been operating since {OPENED.get(center.code, '2013')}.",
            f"It covers {industry}." if industry else "",
            f"Coverage in the portal: {_chapters(center.hts_prefixes)} (the longest matching "
            "HTS prefix decides).",
        ]
        description = " ".join(line for line in lines if line) + "\n\n" + COMMON
        if center.description != description:
            center.description = description
            center.save(update_fields=["description"])


# number, days ago, Center, HTS numbers, subject, text
RULINGS = [
    (
        "N305293",
        95,
        "PHC",
        ["3004909290"],
        "The tariff classification of film-coated tablets of a blood-pressure medicament from "
        "Ireland",
        "The product is a prescription medicament put up in measured doses, blister packs of 30 "
        "film-coated tablets, for the treatment of hypertension. Medicaments consisting of mixed "
        "or unmixed products for therapeutic use, put up in measured doses, are provided for in "
        "heading 3004. The applicable subheading is 3004.90.9290, HTSUS, duty free under the "
        "Pharmaceutical Appendix.",
    ),
    (
        "N311847",
        62,
        "PHC",
        ["3002150100"],
        "The tariff classification of a monoclonal antibody injection in prefilled syringes",
        "The merchandise is an immunological product put up in measured doses for retail sale, "
        "presented in single-use prefilled syringes. Immunological products put up in measured "
        "doses fall in subheading 3002.15, HTSUS. The applicable statistical reporting number is "
        "3002.15.0100.",
    ),
    (
        "N298410",
        240,
        "PHC",
        ["2941101000", "3004100000"],
        "The tariff classification of ampicillin sodium in bulk and in vials",
        "Ampicillin sodium imported in bulk drums is an antibiotic of heading 2941 and is "
        "classified in subheading 2941.10.1000, HTSUS. The same substance in sterile vials put "
        "up in measured doses is a medicament of heading 3004.",
    ),
    (
        "H338116",
        30,
        "PHC",
        ["9018390050", "9018310040"],
        "Revocation of a ruling on the classification of an intravenous catheter kit",
        "Headquarters revokes an earlier ruling that classified a catheter kit as a set put up "
        "for retail sale. The catheter imparts the essential character; the kit is classified in "
        "subheading 9018.39.0050, HTSUS. The syringe presented separately remains in "
        "9018.31.0040.",
    ),
    (
        "N309952",
        120,
        "EL",
        ["8471300100"],
        "The tariff classification of a rugged portable computer from Taiwan",
        "The article is a portable automatic data processing machine weighing 2.1 kg, with a "
        "central processing unit, keyboard and display. It is classified in subheading "
        "8471.30.0100, HTSUS, free of duty.",
    ),
    (
        "N314206",
        44,
        "EL",
        ["8517620090"],
        "The tariff classification of an industrial Wi-Fi 6 access point",
        "The access point receives, converts and transmits data in a wired or wireless network. "
        "It is a machine for the reception, conversion and transmission of data of subheading "
        "8517.62.0090, HTSUS. Products of China are subject to additional duties under heading "
        "9903.88.03.",
    ),
    (
        "H327784",
        210,
        "EL",
        ["8542310000"],
        "Application of the semiconductor note to a system-in-package processor module",
        "Headquarters finds that the module, consisting of a processor die and memory die "
        "mounted on a single substrate, meets the definition of a multi-component integrated "
        "circuit of note 12(b)(iv) to chapter 85 and is classified in subheading 8542.31.0000, "
        "HTSUS.",
    ),
    (
        "N302761",
        180,
        "EL",
        ["8528520000", "8528726400"],
        "The tariff classification of a 27-inch computer monitor and a smart television",
        "The 27-inch monitor is capable of directly connecting to and designed for use with an "
        "automatic data processing machine: subheading 8528.52.0000, HTSUS. The 55-inch "
        "television with a built-in tuner is classified in subheading 8528.72.6400, HTSUS.",
    ),
    (
        "N307415",
        75,
        "AG",
        ["2106909998"],
        "The tariff classification of a protein powder food preparation",
        "The powdered preparation of whey protein concentrate, cocoa and sweeteners is a food "
        "preparation not elsewhere specified of subheading 2106.90.9998, HTSUS.",
    ),
    (
        "H321960",
        300,
        "MA",
        ["8413703004"],
        "The tariff classification of a centrifugal circulating pump for heating systems",
        "The single-stage centrifugal pump with a 40 mm discharge outlet is classified in "
        "subheading 8413.70.3004, HTSUS.",
    ),
]


def _rulings(today: date) -> None:
    for number, days_ago, code, hts, subject, text in RULINGS:
        ruling = Ruling.objects.filter(number=number).first() or Ruling(number=number)
        ruling.ruling_date = today - timedelta(days=days_ago)
        ruling.center_id = code
        ruling.hts_numbers = hts
        ruling.subject = subject
        ruling.text = text
        ruling.clean()
        ruling.save()


ICP_LIST = "https://www.cbp.gov/trade/rulings/informed-compliance-publications"
CEE_PAGE = "https://www.cbp.gov/trade/centers-excellence-and-expertise-information"

# Center (None: every Center), kind, title, url, summary, days ago
PUBLICATIONS = [
    (
        None,
        Publication.Kind.INFORMED_COMPLIANCE,
        "What Every Member of the Trade Community Should Know About: Reasonable Care",
        ICP_LIST,
        "What CBP expects of an importer who must use reasonable care in entering goods.",
        400,
    ),
    (
        None,
        Publication.Kind.INFORMED_COMPLIANCE,
        "What Every Member of the Trade Community Should Know About: Tariff Classification",
        ICP_LIST,
        "How the General Rules of Interpretation decide the HTS number.",
        520,
    ),
    (
        None,
        Publication.Kind.GUIDANCE,
        "Centers of Excellence and Expertise: how Centers work",
        CEE_PAGE,
        "Which Center handles your entries and how to change your Center assignment.",
        60,
    ),
    (
        "PHC",
        Publication.Kind.INFORMED_COMPLIANCE,
        "Classification of medicaments in measured doses (chapter 30)",
        ICP_LIST,
        "Headings 3003 and 3004, the Pharmaceutical Appendix and common classification errors.",
        210,
    ),
    (
        "PHC",
        Publication.Kind.GUIDANCE,
        "Post-summary corrections for pharmaceutical entries",
        CEE_PAGE,
        "When to file a post-summary correction and when to ask the Center first.",
        35,
    ),
    (
        "PHC",
        Publication.Kind.PGA_LINK,
        "FDA: importing drugs and medical devices",
        "https://www.fda.gov/industry/import-program-food-and-drug-administration-fda",
        "FDA's import program, prior notice and entry review.",
        90,
    ),
    (
        "PHC",
        Publication.Kind.PGA_LINK,
        "EPA: importing chemical substances (TSCA)",
        "https://www.epa.gov/importing-exporting",
        "TSCA import certification for chemical substances.",
        150,
    ),
    (
        "EL",
        Publication.Kind.INFORMED_COMPLIANCE,
        "Classification of integrated circuits and multi-component modules",
        ICP_LIST,
        "Note 12 to chapter 85 and how modules are classified.",
        180,
    ),
    (
        "EL",
        Publication.Kind.GUIDANCE,
        "Section 301 additional duties on electronics: reporting chapter 99 numbers",
        CEE_PAGE,
        "How to report heading 9903.88 numbers beside the chapter 85 classification.",
        45,
    ),
    (
        "EL",
        Publication.Kind.PGA_LINK,
        "FCC: equipment authorization for imported devices",
        "https://www.fcc.gov/engineering-technology/laboratory-division/general/"
        "equipment-authorization",
        "FCC rules for radio-frequency devices imported into the United States.",
        120,
    ),
]


def _publications(today: date) -> None:
    for code, kind, title, url, summary, days_ago in PUBLICATIONS:
        Publication.objects.update_or_create(
            center_id=code,
            kind=kind,
            title=title,
            defaults={
                "url": url,
                "summary": summary,
                "published_on": today - timedelta(days=days_ago),
            },
        )


# Center, title, days from today, local hour, location, small business, description
EVENTS = [
    (
        "PHC",
        "Pharmaceutical importers: post-summary corrections webinar",
        9,
        14,
        "Webinar",
        True,
        "A one-hour walk through post-summary corrections and protests for small and mid-size "
        "pharmaceutical importers.",
    ),
    (
        "PHC",
        "Center trade outreach: medical devices and FDA admissibility",
        23,
        10,
        "New York, NY",
        False,
        "Center staff and FDA explain how entries of medical devices are reviewed.",
    ),
    (
        "PHC",
        "Account-based processing for trusted partners",
        -21,
        13,
        "Webinar",
        False,
        "How Account Executives and engagement plans reduce touch points.",
    ),
    (
        "EL",
        "Electronics Center webinar for small importers: classification basics",
        12,
        15,
        "Webinar",
        True,
        "Classification of computers, phones and parts, and how to ask the Center for guidance.",
    ),
    (
        "EL",
        "Section 301 and chapter 99 reporting",
        37,
        11,
        "Long Beach, CA",
        True,
        "Reporting additional duties correctly on electronics entries.",
    ),
    (
        "AG",
        "Prior notice and APHIS requirements for food importers",
        18,
        14,
        "Webinar",
        True,
        "FDA prior notice and USDA permits explained for first-time food importers.",
    ),
]


def _events(today: date) -> None:
    zone = timezone.get_current_timezone()
    for code, title, days, hour, location, small, description in EVENTS:
        starts = datetime.combine(today + timedelta(days=days), time(hour), tzinfo=zone)
        Event.objects.update_or_create(
            center_id=code,
            title=title,
            defaults={
                "starts_at": starts,
                "location": location,
                "description": description,
                "for_small_business": small,
                "url": CEE_PAGE,
            },
        )


def seed_content(today: date) -> None:
    """Create or update Center descriptions, rulings, publications and events."""
    _descriptions()
    _rulings(today)
    _publications(today)
    _events(today)
