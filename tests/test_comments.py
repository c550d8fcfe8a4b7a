"""Discussion on articles and case studies: posting, threading, moderation, flags, and the
emails replies send (through notify(), never django-comments-xtd's follow-up emails)."""

import re
from importlib import import_module

import pytest
from django_comments.models import CommentFlag
from django_comments_xtd.forms import XtdCommentForm
from django_comments_xtd.models import XtdComment

from django.apps import apps
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from knowledge.factories import (
    KnowledgeArticlePageFactory,
    MemberFactory,
    UserFactory,
)
from members.factories import MemberProfileFactory, approved_comment
from notifications.models import Preference
from notifications.service import unsubscribe_token

POST_URL = "/comments/post/"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def article(knowledge_index):
    return KnowledgeArticlePageFactory(parent=knowledge_index, title="Moving email to the cloud")


def comment_data(page, text, reply_to=0, followup=False):
    data = {
        **XtdCommentForm(page).initial,
        "comment": text,
        "reply_to": reply_to,
        "next": f"{page.url}#comments",
        "honeypot": "",
    }
    if followup:
        data["followup"] = "on"
    return data


def trust(member, page):
    for number in range(2):
        approved_comment(page, member, text=f"Approved comment {number}")


def test_a_new_members_first_comment_waits_for_a_moderator(client, article, member, editor):
    client.force_login(member)
    response = client.post(POST_URL, comment_data(article, "We used a phased migration."))
    assert response.status_code == 302
    comment = XtdComment.objects.get(comment="We used a phased migration.")
    assert not comment.is_public
    page = client.get(response.url).content.decode()
    assert "will appear once a moderator has approved it" in page
    assert "We used a phased migration." not in page

    client.force_login(editor)
    listing = client.get(reverse("member_comments:index"), {"is_public": "false"})
    assert "We used a phased migration." in listing.content.decode()
    review = client.get(reverse("member_comments:inspect", args=[comment.pk]))
    assert review.status_code == 200
    response = client.post(reverse("member_comments:approve", args=[comment.pk]))
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.is_public
    assert "We used a phased migration." in client.get(article.url).content.decode()


def test_a_trusted_members_comment_shows_at_once(client, article, member):
    trust(member, article)
    client.force_login(member)
    response = client.post(POST_URL, comment_data(article, "Shown straight away."), follow=True)
    assert "Your comment has been posted." in response.content.decode()
    assert "Shown straight away." in response.content.decode()
    assert XtdComment.objects.get(comment="Shown straight away.").is_public


def test_comments_work_on_case_studies(client, home, member):
    case_study = CaseStudyPageFactory(parent=CaseStudyIndexPageFactory(parent=home))
    trust(member, case_study)
    client.force_login(member)
    client.post(POST_URL, comment_data(case_study, "How long did the pilot run?"))
    assert "How long did the pilot run?" in client.get(case_study.url).content.decode()


def test_replies_thread_two_levels_deep_and_no_deeper(client, article, member):
    trust(member, article)
    client.force_login(member)
    client.post(POST_URL, comment_data(article, "A question."))
    question = XtdComment.objects.get(comment="A question.")
    client.post(POST_URL, comment_data(article, "An answer.", reply_to=question.pk))
    answer = XtdComment.objects.get(comment="An answer.")
    assert (answer.level, answer.parent_id, answer.thread_id) == (1, question.pk, question.pk)

    response = client.post(POST_URL, comment_data(article, "Too deep.", reply_to=answer.pk))
    assert response.status_code == 400
    assert not XtdComment.objects.filter(comment="Too deep.").exists()

    content = client.get(article.url).content.decode()
    assert content.index("A question.") < content.index("An answer.")
    assert "comment-list--replies" in content


def test_a_reply_to_a_comment_on_another_page_is_refused(client, knowledge_index, article, member):
    other = KnowledgeArticlePageFactory(parent=knowledge_index)
    elsewhere = approved_comment(other, MemberFactory())
    trust(member, article)
    client.force_login(member)
    response = client.post(POST_URL, comment_data(article, "Misplaced.", reply_to=elsewhere.pk))
    assert response.status_code == 400
    assert not XtdComment.objects.filter(comment="Misplaced.").exists()


def test_visitors_are_sent_to_log_in_and_nothing_is_posted(client, article):
    response = client.post(POST_URL, comment_data(article, "Anonymous words."))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert not XtdComment.objects.exists()
    assert "Log in</a> to join the discussion" in client.get(article.url).content.decode()


def test_signed_in_non_members_may_not_post(client, article):
    client.force_login(UserFactory())
    response = client.post(POST_URL, comment_data(article, "Not a member."))
    assert response.status_code == 403
    assert not XtdComment.objects.exists()


def test_nobody_posts_to_a_members_only_article_they_cannot_see(client, knowledge_index):
    article = KnowledgeArticlePageFactory(parent=knowledge_index, members_only=True)
    response = client.post(POST_URL, comment_data(article, "Sneaky."))
    assert response.status_code == 302
    assert not XtdComment.objects.exists()


def test_members_may_not_post_to_an_unpublished_article(client, article, member):
    article.unpublish()
    client.force_login(member)
    response = client.post(POST_URL, comment_data(article, "On a draft."))
    assert response.status_code == 403
    assert not XtdComment.objects.exists()


def test_members_post_to_members_only_articles(client, knowledge_index, member):
    article = KnowledgeArticlePageFactory(parent=knowledge_index, members_only=True)
    trust(member, article)
    client.force_login(member)
    client.post(POST_URL, comment_data(article, "Members talking."))
    assert XtdComment.objects.get(comment="Members talking.").is_public


def test_markup_in_comments_is_shown_as_text_and_links_are_nofollow(client, article, member):
    approved_comment(
        article,
        member,
        text='<script>alert("x")</script> <a href="http://evil.example">click</a> see https://example.org/guide',
    )
    content = client.get(article.url).content.decode()
    assert "<script>alert" not in content
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in content
    assert '<a href="http://evil.example">' not in content
    assert 'href="https://example.org/guide" rel="nofollow"' in content


def test_an_overlong_comment_gets_an_error_and_keeps_the_text(client, article, member):
    client.force_login(member)
    text = "word " * 601
    response = client.post(POST_URL, comment_data(article, text))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Ensure this value has at most 3000 characters" in content
    assert text.strip() in content
    assert not XtdComment.objects.exists()


def test_members_may_post_five_comments_a_minute(client, article, member):
    trust(member, article)
    client.force_login(member)
    for number in range(5):
        response = client.post(POST_URL, comment_data(article, f"Comment number {number}."))
        assert response.status_code == 302
    response = client.post(POST_URL, comment_data(article, "One too many."))
    assert response.status_code == 429
    assert not XtdComment.objects.filter(comment="One too many.").exists()
    assert XtdComment.objects.filter(user=member, comment__startswith="Comment number").count() == 5


def test_members_flag_a_comment_and_editors_see_the_flags(client, article, member, editor):
    comment = approved_comment(article, MemberFactory(), text="Rude words here.")
    client.force_login(member)
    flag_url = reverse("comments-flag", args=[comment.pk])
    assert "Report this comment?" in client.get(flag_url).content.decode()
    response = client.post(flag_url, {"next": article.url, "reason": "abuse"})
    assert response.status_code == 302
    assert CommentFlag.objects.filter(
        comment=comment, user=member, flag=CommentFlag.SUGGEST_REMOVAL
    ).exists()

    client.force_login(editor)
    listing = client.get(reverse("member_comments:index"), {"flagged": "true"}).content.decode()
    assert "Rude words here." in listing
    review = client.get(reverse("member_comments:inspect", args=[comment.pk])).content.decode()
    assert member.username in review or member.get_full_name() in review
    client.post(reverse("member_comments:remove", args=[comment.pk]))
    comment.refresh_from_db()
    assert comment.is_removed
    content = client.get(article.url).content.decode()
    assert "Rude words here." not in content
    assert "removed by a moderator" in content


def test_non_members_cannot_flag(client, article):
    comment = approved_comment(article, MemberFactory())
    client.force_login(UserFactory())
    assert client.post(reverse("comments-flag", args=[comment.pk])).status_code == 403
    assert not CommentFlag.objects.exists()


def test_members_cannot_moderate_from_the_admin(client, article, member):
    held = approved_comment(article, MemberFactory(), text="Held.", is_removed=False)
    held.is_public = False
    held.save()
    client.force_login(member)
    response = client.post(reverse("member_comments:approve", args=[held.pk]))
    assert response.status_code in (302, 403)
    response = client.post(reverse("member_comments:remove", args=[held.pk]))
    assert response.status_code in (302, 403)
    held.refresh_from_db()
    assert not held.is_public and not held.is_removed


def test_visitors_cannot_moderate(client, article):
    comment = approved_comment(article, MemberFactory())
    response = client.post(reverse("member_comments:remove", args=[comment.pk]))
    assert response.status_code == 302 and "/admin/login/" in response.url
    comment.refresh_from_db()
    assert not comment.is_removed


def reply_emails(client, replier, page, parent, text, capture):
    """`replier` replies to `parent`: the emails that reply sends."""
    mail.outbox.clear()
    client.force_login(replier)
    with capture(execute=True):
        response = client.post(POST_URL, comment_data(page, text, reply_to=parent.pk))
    assert response.status_code == 302
    return list(mail.outbox)


def test_a_reply_is_one_email_in_the_members_language_with_our_unsubscribe_link(
    client, article, member, django_capture_on_commit_callbacks
):
    Preference.objects.create(user=member, language="fr")
    trust(member, article)
    client.force_login(member)
    client.post(POST_URL, comment_data(article, "Tell me about replies.", followup=True))
    first = XtdComment.objects.get(comment="Tell me about replies.")
    replier = MemberProfileFactory(user=MemberFactory(first_name="Bruno", last_name="Costa")).user
    trust(replier, article)
    emails = reply_emails(
        client, replier, article, first, "Here is a reply.", django_capture_on_commit_callbacks
    )
    [email] = emails
    assert email.to == [member.email]
    assert email.subject == (
        "Bruno Costa a répondu à votre commentaire sur « Moving email to the cloud »"
    )
    assert "Here is a reply." in email.body
    unsubscribe = reverse("notifications:unsubscribe", args=[unsubscribe_token(member)])
    assert f"http://testserver/fr{unsubscribe}" in email.body
    assert "/comments/mute/" not in email.body


def test_the_article_author_whose_comment_gets_a_reply_gets_one_email(
    client, knowledge_index, member, django_capture_on_commit_callbacks
):
    article = KnowledgeArticlePageFactory(parent=knowledge_index, owner=member)
    first = approved_comment(article, member, text="Ask me anything.", followup=True)
    replier = MemberProfileFactory().user
    trust(replier, article)
    emails = reply_emails(
        client, replier, article, first, "What did it cost?", django_capture_on_commit_callbacks
    )
    assert [email.to for email in emails] == [[member.email]]
    assert "replied to your comment" in emails[0].subject


def test_those_who_replied_in_a_discussion_hear_of_later_replies(
    client, article, member, other_member, django_capture_on_commit_callbacks
):
    first = approved_comment(article, member, text="We used clickers.")
    approved_comment(article, other_member, text="So did we.", parent_id=first.pk)
    replier = MemberProfileFactory().user
    trust(replier, article)
    emails = reply_emails(
        client, replier, article, first, "Which clickers?", django_capture_on_commit_callbacks
    )
    assert sorted(email.to[0] for email in emails) == sorted([member.email, other_member.email])
    [to_other] = [email for email in emails if email.to == [other_member.email]]
    assert "replied in a discussion you took part in" in to_other.subject


def test_the_comment_form_offers_no_follow_up_box_and_ignores_one(client, article, member):
    trust(member, article)
    client.force_login(member)
    page = client.get(article.url).content.decode()
    assert 'name="followup"' not in page
    assert f'<a href="{reverse("notifications:settings")}">chose</a>' in page
    client.post(POST_URL, comment_data(article, "Follow this, please.", followup=True))
    assert not XtdComment.objects.get(comment="Follow this, please.").followup


def test_comments_stored_with_xtds_follow_up_send_no_email_after_the_migration(
    client, article, member, django_capture_on_commit_callbacks
):
    earlier = approved_comment(article, member, text="Following.")
    XtdComment.objects.filter(pk=earlier.pk).update(followup=True)  # ticked before the change
    import_module("notifications.migrations.0003_no_xtd_followup").clear_followup(apps, None)
    commenter = MemberProfileFactory().user
    trust(commenter, article)
    client.force_login(commenter)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(POST_URL, comment_data(article, "A comment of my own."))
    assert mail.outbox == []


def test_an_old_mute_link_leads_to_the_email_settings(client):
    response = client.get("/comments/mute/an-old-signed-key/")
    assert response.status_code == 302
    assert response.url == reverse("notifications:settings")


def test_approving_a_held_reply_tells_the_parents_author_once(
    client, article, member, editor, django_capture_on_commit_callbacks
):
    first = approved_comment(article, member, text="Following.", followup=True)
    newcomer = MemberProfileFactory().user
    client.force_login(newcomer)
    client.post(POST_URL, comment_data(article, "My first comment.", reply_to=first.pk))
    held = XtdComment.objects.get(comment="My first comment.")
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("member_comments:approve", args=[held.pk]))
    assert [message.to for message in mail.outbox] == [[member.email]]


def test_the_discussion_renders_in_few_queries(client, article, member, count_queries):
    for number in range(3):
        approved_comment(article, member, text=f"Comment {number}")
    count_queries(article.url)  # warm the per-process caches (site, locales)
    count_queries(article.url)  # and those kept until a change (menu, settings)
    few = count_queries(article.url)
    for number in range(12):
        approved_comment(article, member, text=f"More {number}")
    count_queries(article.url)  # the first request after a change refills them
    assert count_queries(article.url) == few


def test_a_reply_posts_with_the_hidden_fields_its_rendered_form_holds(client, article, member):
    """The forms' hidden fields are written out by hand (members/comment_form.html): what the
    page holds must be what the comments app checks, and no id repeats across the forms."""
    first = approved_comment(article, member, text="Which provider did you choose?")
    approved_comment(article, member, text="And how long did it take?")
    trust(member, article)
    client.force_login(member)
    html = client.get(article.url).content.decode()
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "an id repeats on the page"
    forms = [form.split("</form>")[0] for form in html.split('<form class="comment-form"')[1:]]
    (form,) = [form for form in forms if f'name="reply_to" value="{first.pk}"' in form]
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form))
    assert {"content_type", "object_pk", "timestamp", "security_hash", "next"} <= data.keys()
    response = client.post(POST_URL, {**data, "comment": "Our own server, in a week."})
    assert response.status_code == 302
    reply = XtdComment.objects.get(comment="Our own server, in a week.")
    assert reply.parent_id == first.pk
