"""After a reroute, the old Center keeps read access and the new one takes the work (§1, §5)."""

from datetime import date

import pytest

from centers.models import CenterStaff
from inquiries import services
from inquiries.models import Inquiry, RoutingRecord
from inquiries.workflow import Action
from tests.factories import CenterStaffFactory, center

from .builders import file_policy_question, make_world

pytestmark = pytest.mark.django_db


def visible(user, inquiry) -> bool:
    return Inquiry.objects.visible_to(user).filter(pk=inquiry.pk).exists()


def test_a_reroute_leaves_the_old_center_read_access_and_gives_the_new_one_the_work():
    world = make_world()
    inquiry = file_policy_question(world)
    machinery = CenterStaffFactory(center=center("BM")).user
    elsewhere = CenterStaffFactory(center=center("EL")).user
    assert visible(world.staff, inquiry) and not visible(machinery, inquiry)

    services.perform_action(inquiry, Action.REROUTE, by=world.staff,
                            data={"center": "BM", "reason": "Machinery parts"},
                            today=date.today())

    inquiry.refresh_from_db()
    assert visible(machinery, inquiry) and visible(world.staff, inquiry)
    assert not visible(elsewhere, inquiry)
    assert services.allowed_actions_for(inquiry, world.staff) == []
    assert services.allowed_actions_for(inquiry, machinery) != []
    records = RoutingRecord.objects.filter(inquiry=inquiry).order_by("id")
    assert [(r.center_id, r.superseded) for r in records] == [("PHC", True), ("BM", False)]
    assert CenterStaff.objects.filter(user=world.staff, center_id="PHC").exists()
