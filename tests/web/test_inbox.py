"""The inbox serves everyone signed in: supervisors read their SLA-breach alerts there."""

import pytest
from django.urls import reverse

from inquiries.models import Notification
from tests.inquiries.builders import file_policy_question, make_world

pytestmark = pytest.mark.django_db


def test_a_supervisor_reads_an_sla_breach_alert_in_the_inbox_from_the_navigation(client):
    world = make_world()
    inquiry = file_policy_question(world)
    Notification.objects.create(
        recipient=world.supervisor,
        inquiry=inquiry,
        kind="sla_breach",
        subject=f"{inquiry.reference}: first response overdue",
        body="The first response was due yesterday.",
    )
    client.force_login(world.supervisor)
    page = client.get(reverse("staff:queue")).content.decode()
    assert f'href="{reverse("portal:inbox")}"' in page
    inbox = client.get(reverse("portal:inbox")).content.decode()
    assert f"{inquiry.reference}: first response overdue" in inbox


def test_nobody_reads_or_marks_another_persons_notification(client):
    world = make_world()
    note = Notification.objects.create(
        recipient=world.filer, subject="For the filer only", body="Private."
    )
    client.force_login(world.supervisor)
    assert "For the filer only" not in client.get(reverse("portal:inbox")).content.decode()
    response = client.post(reverse("portal:inbox_read"), {"notification": note.pk})
    assert response.status_code == 404
    note.refresh_from_db()
    assert note.read_at is None
