"""After a reroute, the old Center keeps read access and the new one takes the work (§1, §5)."""

from datetime import date

import pytest

import access
from centers.models import CenterStaff
from inquiries import services
from inquiries.models import RoutingRecord
from inquiries.workflow import Action
from tests.factories import CenterStaffFactory, center

from .builders import file_policy_question, make_world

pytestmark = pytest.mark.django_db


def visible(user, inquiry) -> bool:
    return access.inquiries.visible(user).filter(pk=inquiry.pk).exists()


def test_a_reroute_leaves_the_old_center_read_access_and_gives_the_new_one_the_work():
    world = make_world()
    inquiry = file_policy_question(world)
    machinery = CenterStaffFactory(center=center("BM")).user
    elsewhere = CenterStaffFactory(center=center("EL")).user
    assert visible(world.staff, inquiry) and not visible(machinery, inquiry)

    services.perform_action(
        inquiry,
        Action.REROUTE,
        by=world.staff,
        data={"center": "BM", "reason": "Machinery parts"},
        today=date.today(),
    )

    inquiry.refresh_from_db()
    assert visible(machinery, inquiry) and visible(world.staff, inquiry)
    assert not visible(elsewhere, inquiry)
    assert services.allowed_actions_for(inquiry, world.staff) == []
    assert services.allowed_actions_for(inquiry, machinery) != []
    records = RoutingRecord.objects.filter(inquiry=inquiry).order_by("id")
    assert [(r.center_id, r.superseded) for r in records] == [("PHC", True), ("BM", False)]
    assert CenterStaff.objects.filter(user=world.staff, center_id="PHC").exists()


def test_the_center_queue_holds_what_the_policy_shows_staff_of_their_center_now():
    world = make_world()
    rerouted, kept = file_policy_question(world), file_policy_question(world)
    services.perform_action(
        rerouted,
        Action.REROUTE,
        by=world.staff,
        data={"center": "BM", "reason": "Machinery parts"},
        today=date.today(),
    )
    machinery = CenterStaffFactory(center=center("BM"))
    for staff in (world.staff.center_staff, machinery):
        policy = access.inquiries.visible(staff.user).for_center(staff.center_id)
        assert set(access.inquiries.center_queue(staff)) == set(policy)
    assert set(access.inquiries.center_queue(world.staff.center_staff)) == {kept}
    assert set(access.inquiries.center_queue(machinery)) == {rerouted}
