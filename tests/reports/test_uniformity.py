"""Uniformity: a port whose rate is significantly off is flagged; noise and small samples not."""

from datetime import date

import pytest

from reports.models import ReportKind, UniformityResult
from reports.runs import run_report
from tests.factories import ImporterFactory, UserFactory

from .builders import bulk, entry, inquiry

pytestmark = pytest.mark.django_db

DAY = date(2026, 6, 30)


def cf29_cases(importer, filer, *, port, hts="3004909290", total, taken, center_code="PHC"):
    """`total` resolved CF-29 inquiries at `port`, `taken` of them with action taken."""
    rows = []
    for n in range(total):
        rows.append(
            inquiry(
                importer,
                type="cf29",
                entry=entry(importer, port=port, hts=hts),
                filed_by=filer,
                center_code=center_code,
                resolved=date(2026, 5, 1),
                outcome="action_taken" if n < taken else "action_rescinded",
                build=True,
            )
        )
    return bulk(rows)


def cell(run, port, heading="3004", outcome="action_taken"):
    return UniformityResult.objects.get(
        run=run, center_id="PHC", heading=heading, port_id=port, outcome=outcome
    )


def test_a_port_significantly_off_is_flagged_and_one_within_noise_is_not():
    importer, filer = ImporterFactory(), UserFactory()
    cf29_cases(importer, filer, port="1001", total=30, taken=24)  # 80 %
    for port in ("1101", "1303", "1401"):
        cf29_cases(importer, filer, port=port, total=30, taken=9)  # 30 %
    # Left out: an inquiry with no entry, and one still open.
    inquiry(importer, type="cf29", resolved=date(2026, 5, 1), outcome="action_taken")
    inquiry(importer, type="cf29", entry=entry(importer, port="1001"))

    run = run_report(ReportKind.UNIFORMITY, DAY)

    off = cell(run, "1001")
    assert (off.n, off.hits, off.rest_n) == (30, 24, 90)
    assert off.rate == pytest.approx(0.8) and off.rest_rate == pytest.approx(0.3)
    # p = 51/120; z = 0.5 / sqrt(p (1 − p) (1/30 + 1/90)) ≈ 4.80
    assert off.z == pytest.approx(4.797, abs=0.01)
    assert off.flagged
    noise = cell(run, "1101")
    assert noise.rest_n == 90 and noise.rest_rate == pytest.approx(42 / 90)
    assert noise.z == pytest.approx(-1.599, abs=0.01)
    assert not noise.flagged


@pytest.mark.parametrize(("in_port", "flagged"), [(19, False), (20, True)])
def test_the_20_resolved_floor_holds_for_the_port(in_port, flagged):
    importer, filer = ImporterFactory(), UserFactory()
    cf29_cases(importer, filer, port="1001", total=in_port, taken=in_port)
    cf29_cases(importer, filer, port="1101", total=40, taken=0)

    run = run_report(ReportKind.UNIFORMITY, DAY)

    assert abs(cell(run, "1001").z) > 2.576
    assert cell(run, "1001").flagged is flagged
    # The other port's rest is the first port: below 20 there, it is not flagged either.
    assert cell(run, "1101").flagged is flagged


def test_the_20_resolved_floor_holds_for_the_rest():
    importer, filer = ImporterFactory(), UserFactory()
    cf29_cases(importer, filer, port="1001", total=40, taken=40)
    cf29_cases(importer, filer, port="1101", total=19, taken=0)

    run = run_report(ReportKind.UNIFORMITY, DAY)

    assert cell(run, "1001").rest_n == 19
    assert not cell(run, "1001").flagged


def test_headings_and_centers_are_compared_separately_and_deemed_denials_left_out():
    importer, filer = ImporterFactory(), UserFactory()
    cf29_cases(importer, filer, port="1001", total=2, taken=2, hts="3002100000")
    cf29_cases(importer, filer, port="1101", total=3, taken=0, hts="3004909290")
    cf29_cases(importer, filer, port="1303", total=2, taken=1, hts="3004909290", center_code="EL")
    inquiry(
        importer,
        type="protest",
        entry=entry(importer, port="1001"),
        resolved=date(2026, 5, 1),
        outcome="allowed",
    )
    inquiry(
        importer,
        type="protest",
        entry=entry(importer, port="1001"),
        resolved=date(2026, 5, 1),
        outcome="deemed_denied",
    )

    run = run_report(ReportKind.UNIFORMITY, DAY)

    assert cell(run, "1001", heading="3002").rest_n == 0
    assert cell(run, "1001", heading="3002").z is None
    assert cell(run, "1101").rest_n == 0  # the EL port is another Center
    protests = cell(run, "1001", outcome="allowed")
    assert (protests.n, protests.rate) == (1, 1.0)
