"""Members' privacy: unlisted profiles and email addresses, and who a comment says it is from."""

import pytest
from django_comments_xtd.forms import XtdCommentForm
from django_comments_xtd.models import XtdComment

from django.core import mail
from django.urls import reverse

from knowledge.factories import (
    EditorFactory,
    KnowledgeArticlePageFactory,
    KnowledgeIndexPageFactory,
    MemberFactory,
)
from members.factories import MemberProfileFactory, approved_comment
from members.models import MemberProfile

POST_URL = "/comments/post/"


@pytest.fixture
def unlisted(db):
    return MemberProfileFactory(
        user=MemberFactory(first_name="Quiet", last_name="Person", email="quiet@example.org"),
        listed_in_directory=False,
        contact_preference=MemberProfile.Contact.EMAIL,
    ).user


def profile_url(user):
    return reverse("members:profile", args=[user.pk])


def test_an_unlisted_profile_is_not_found_by_other_members(client, home, member, unlisted):
    client.force_login(member)
    response = client.get(profile_url(unlisted))
    assert response.status_code == 404
    assert "quiet@example.org" not in response.content.decode()


def test_an_unlisted_profile_is_seen_by_its_owner_and_the_network_team(client, home, unlisted):
    client.force_login(unlisted)
    response = client.get(profile_url(unlisted))
    assert response.status_code == 200
    assert "only you and the network team can see this profile" in response.content.decode()
    for staff in (EditorFactory(), MemberFactory(is_superuser=True)):
        client.force_login(staff)
        assert client.get(profile_url(unlisted)).status_code == 200


def test_an_email_is_shown_only_to_members_when_its_owner_chose_email(client, home, member):
    chose_email = MemberProfileFactory(
        user=MemberFactory(email="open@example.org"),
        contact_preference=MemberProfile.Contact.EMAIL,
    ).user
    chose_introduction = MemberProfileFactory(
        user=MemberFactory(email="shy@example.org"),
        contact_preference=MemberProfile.Contact.INTRODUCTION,
    ).user
    client.force_login(member)
    assert "open@example.org" in client.get(profile_url(chose_email)).content.decode()
    assert "shy@example.org" not in client.get(profile_url(chose_introduction)).content.decode()


def test_new_profiles_keep_the_email_address_hidden():
    assert MemberProfile._meta.get_field("contact_preference").default != "email"
    assert MemberProfile._meta.get_field("listed_in_directory").default is False


# Comments


@pytest.fixture
def article(home):
    return KnowledgeArticlePageFactory(parent=KnowledgeIndexPageFactory(parent=home))


def spoofed_comment(page, text, **fields):
    return {
        **XtdCommentForm(page).initial,
        "comment": text,
        "reply_to": 0,
        "next": f"{page.url}#comments",
        "honeypot": "",
        "name": "Network Editor (staff)",
        "email": "victim@example.org",
        "url": "https://evil.example/",
        "followup": "on",
        **fields,
    }


def test_a_members_comment_is_always_from_their_account(client, article, member):
    for number in range(2):
        approved_comment(article, member, text=f"Earlier {number}")
    client.force_login(member)
    response = client.post(POST_URL, spoofed_comment(article, "Signed as someone else."))
    assert response.status_code == 302
    comment = XtdComment.objects.get(comment="Signed as someone else.")
    assert (comment.user_name, comment.user_email) == ("Ada Lovelace", member.email)
    assert comment.user_url == ""
    page = client.get(article.url).content.decode()
    assert "Signed as someone else." in page
    assert "Network Editor (staff)" not in page


def test_a_member_without_a_full_name_comments_under_their_username(client, article):
    nameless = MemberProfileFactory(user=MemberFactory(first_name="", last_name="")).user
    client.force_login(nameless)
    client.post(POST_URL, spoofed_comment(article, "Who am I?"))
    comment = XtdComment.objects.get(comment="Who am I?")
    assert (comment.user_name, comment.user_email) == (nameless.username, nameless.email)


def test_replies_never_email_an_address_typed_into_the_comment_form(
    client, article, member, django_capture_on_commit_callbacks
):
    client.force_login(member)
    client.post(POST_URL, spoofed_comment(article, "Follow this for me."))
    held = XtdComment.objects.get(comment="Follow this for me.")
    held.is_public = True
    held.save()
    replier = MemberProfileFactory().user
    for number in range(2):
        approved_comment(article, replier, text=f"Replier's earlier {number}")
    mail.outbox.clear()
    client.force_login(replier)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(POST_URL, spoofed_comment(article, "A reply.", reply_to=held.pk))
    recipients = [address for message in mail.outbox for address in message.to]
    assert "victim@example.org" not in recipients
    assert recipients == [member.email]
