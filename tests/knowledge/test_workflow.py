"""Editors draft and submit, Moderators approve; scheduled publishing; revisions are kept."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Workflow, WorkflowPage, WorkflowState

import pytest

from tests.knowledge.factories import GoodPracticeFactory
from website import roles

pytestmark = pytest.mark.django_db


def test_every_knowledge_index_gets_the_editorial_workflow(knowledge_index, english_index):
    workflow = Workflow.objects.get(name="Redaktion → Moderation")
    assert [task.specific.groups.get().name for task in workflow.tasks.all()] == [roles.MODERATORS]
    for index in (knowledge_index, english_index):
        assert WorkflowPage.objects.get(page=index).workflow == workflow
    entry = GoodPracticeFactory(parent=knowledge_index)
    assert entry.get_workflow() == workflow
    assert knowledge_index.get_parent().get_workflow() != workflow  # only the knowledge subtree


def test_editor_submits_and_a_moderator_approves(knowledge_index, make_user):
    editor, moderator = make_user(roles.EDITORS), make_user(roles.MODERATORS)
    page = GoodPracticeFactory(parent=knowledge_index, title="Neu", publish=False)
    assert page.permissions_for_user(editor).can_edit()
    assert not page.permissions_for_user(editor).can_publish()

    page.save_revision(user=editor)
    page.title = "Neu und geprüft"
    page.save_revision(user=editor)
    state = page.get_workflow().start(page, editor)
    page.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not page.live

    task_state = state.current_task_state
    task = task_state.task.specific
    assert task.get_actions(page, editor) == []  # an Editor cannot approve
    assert [name for name, *_ in task.get_actions(page, moderator)][:2] == ["reject", "approve"]

    task.on_action(task_state, moderator, "approve")
    page.refresh_from_db()
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert page.live and page.title == "Neu und geprüft"
    assert page.revisions.count() == 2
    assert page.live_revision == page.latest_revision


def test_a_rejected_page_stays_unpublished(client, knowledge_index, make_user):
    editor, moderator = make_user(roles.EDITORS), make_user(roles.MODERATORS)
    page = GoodPracticeFactory(parent=knowledge_index, title="Abgelehnt", publish=False)
    page.save_revision(user=editor)
    state = page.get_workflow().start(page, editor)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "reject")
    page.refresh_from_db()
    assert not page.live
    assert client.get(f"/wissen/{page.slug}/").status_code == 404


def test_scheduled_publishing_goes_live_at_the_set_time(client, knowledge_index):
    page = GoodPracticeFactory(parent=knowledge_index, title="Geplant", publish=False)
    page.go_live_at = timezone.now() + timedelta(hours=1)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    assert client.get(f"/wissen/{page.slug}/").status_code == 404
    assert (
        "Geplant"
        not in client.get("/api/v2/pages/?type=knowledge.GoodPracticePage").content.decode()
    )

    # Let the hour pass: move the scheduled time into the past, then run the scheduler.
    past = timezone.now() - timedelta(minutes=1)
    revision = page.scheduled_revision
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    assert client.get(f"/wissen/{page.slug}/").status_code == 200
