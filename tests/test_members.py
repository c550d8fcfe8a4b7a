"""Joining, accounts, login throttling, profiles and the member directory."""

import re

import pytest

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from wagtail.models import Page

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.factories import RegionFactory, TopicFactory
from knowledge.factories import (
    KnowledgeArticlePageFactory,
    KnowledgeIndexPageFactory,
    MemberFactory,
    UserFactory,
)
from members.factories import MemberProfileFactory, MembershipApplicationFactory
from members.models import MemberProfile, MembershipApplication

User = get_user_model()
PASSWORD = "test-pass-123"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def region(db):
    return RegionFactory(name="Wales", country="United Kingdom")


@pytest.fixture
def topic(db):
    return TopicFactory(name="Cyber security")


def application_data(region, topic, **overrides):
    return {
        "name": "Grace Hopper",
        "email": "grace@example.org",
        "organisation": "Compiler Collective",
        "role": "Digital lead",
        "region": region.pk,
        "expertise": [topic.pk],
        "hopes_to_share": "How we moved our email to the cloud.",
        "listed_in_directory": "on",
        **overrides,
    }


def admin_url(name, *args):
    return reverse(f"membership_applications:{name}", args=args)


def test_factories_build_valid_objects(db):
    for factory_class in (MemberProfileFactory, MembershipApplicationFactory):
        instance = factory_class()
        instance.full_clean()


def test_application_approval_and_first_login_journey(client, home, editor, region, topic):
    response = client.get(reverse("members:join"))
    assert response.status_code == 200
    response = client.post(reverse("members:join"), application_data(region, topic))
    assert response.status_code == 302
    assert response.url == reverse("members:join_thanks")
    application = MembershipApplication.objects.get(email="grace@example.org")
    assert application.is_pending
    assert application.expertise.get() == topic
    assert [message.subject for message in mail.outbox] == ["We have received your application"]
    mail.outbox.clear()

    client.force_login(editor)
    listing = client.get(admin_url("index"), {"status": "pending"})
    assert listing.status_code == 200
    assert "Grace Hopper" in listing.content.decode()
    review = client.get(admin_url("inspect", application.pk))
    assert review.status_code == 200
    assert admin_url("approve", application.pk) in review.content.decode()
    response = client.post(admin_url("approve", application.pk))
    assert response.status_code == 302

    application.refresh_from_db()
    user = application.user
    assert application.status == MembershipApplication.Status.APPROVED
    assert application.decided_by == editor
    assert user.is_active and user.groups.filter(name="Members").exists()
    assert (user.first_name, user.last_name) == ("Grace", "Hopper")
    profile = user.member_profile
    assert profile.organisation == "Compiler Collective"
    assert profile.region == region
    assert list(profile.expertise.all()) == [topic]
    assert profile.listed_in_directory

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["grace@example.org"]
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", email.body).group(1)

    client.logout()
    response = client.get(link, follow=True)
    assert response.status_code == 200
    assert "Choose a password" in response.content.decode()
    set_password_url = response.redirect_chain[-1][0]
    response = client.post(
        set_password_url,
        {"new_password1": "a-long-new-passphrase", "new_password2": "a-long-new-passphrase"},
    )
    assert response.status_code == 302
    client.logout()

    response = client.post(
        reverse("login"),
        {"username": user.username, "password": "a-long-new-passphrase"},
    )
    assert response.status_code == 302
    assert client.get(reverse("members:directory")).status_code == 200
    assert client.get(reverse("members:own_profile"), follow=True).status_code == 200


def test_declining_sends_a_polite_email_and_makes_no_account(client, home, editor):
    application = MembershipApplicationFactory(email="someone@example.org")
    client.force_login(editor)
    response = client.post(admin_url("decline", application.pk))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.DECLINED
    assert application.user is None
    assert not User.objects.filter(email="someone@example.org").exists()
    assert mail.outbox[0].to == ["someone@example.org"]
    assert "Thank you for your interest" in mail.outbox[0].body


def test_decided_application_cannot_be_decided_again(client, home, editor):
    application = MembershipApplicationFactory(status=MembershipApplication.Status.DECLINED)
    client.force_login(editor)
    client.post(admin_url("approve", application.pk))
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.DECLINED
    assert application.user is None
    assert mail.outbox == []


def test_member_cannot_approve_an_application(client, home, member):
    application = MembershipApplicationFactory()
    client.force_login(member)
    response = client.post(admin_url("approve", application.pk))
    assert response.status_code in (302, 403)
    application.refresh_from_db()
    assert application.is_pending
    assert mail.outbox == []


def test_visitor_cannot_approve_an_application(client, home):
    application = MembershipApplicationFactory()
    response = client.post(admin_url("approve", application.pk))
    assert response.status_code == 302
    assert "/admin/login/" in response.url
    application.refresh_from_db()
    assert application.is_pending


def test_approving_needs_a_post(client, home, editor):
    application = MembershipApplicationFactory()
    client.force_login(editor)
    assert client.get(admin_url("approve", application.pk)).status_code == 405
    application.refresh_from_db()
    assert application.is_pending


def test_repeated_application_looks_like_a_new_one_and_is_stored_once(client, home, region, topic):
    first = MembershipApplicationFactory(email="grace@example.org", organisation="First Co")
    repeated = client.post(
        reverse("members:join"), application_data(region, topic, email="Grace@Example.org")
    )
    fresh = client.post(
        reverse("members:join"), application_data(region, topic, email="new@example.org")
    )
    assert repeated.status_code == fresh.status_code == 302
    assert repeated["Location"] == fresh["Location"] == reverse("members:join_thanks")
    assert MembershipApplication.objects.filter(email__iexact="grace@example.org").get() == first
    first.refresh_from_db()
    assert first.organisation == "First Co"


def test_application_from_an_existing_account_does_not_reveal_it(client, home, region, topic):
    UserFactory(email="grace@example.org")
    response = client.post(reverse("members:join"), application_data(region, topic), follow=True)
    assert response.status_code == 200
    assert "if you already have an account" in response.content.decode().lower()


def test_approving_an_existing_accounts_application_reuses_the_account(client, home, editor):
    existing = UserFactory(email="grace@example.org")
    application = MembershipApplicationFactory(email="grace@example.org")
    client.force_login(editor)
    client.post(admin_url("approve", application.pk))
    application.refresh_from_db()
    assert application.user == existing
    assert existing.groups.filter(name="Members").exists()
    assert User.objects.filter(email__iexact="grace@example.org").count() == 1


def test_overlong_application_fields_get_errors_and_keep_values(client, home, region, topic):
    data = application_data(region, topic, organisation="O" * 201, hopes_to_share="x" * 2001)
    response = client.post(reverse("members:join"), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert "organisation" in form.errors and "hopes_to_share" in form.errors
    assert "O" * 201 in response.content.decode()
    assert not MembershipApplication.objects.exists()


def test_script_in_an_application_is_shown_as_text_in_the_admin(client, home, editor):
    application = MembershipApplicationFactory(name="<script>alert(1)</script>")
    client.force_login(editor)
    content = client.get(admin_url("inspect", application.pk)).content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_public_login_logout_and_password_change(client, home, member):
    assert client.get(reverse("login")).status_code == 200
    response = client.post(reverse("login"), {"username": member.username, "password": PASSWORD})
    assert response.status_code == 302
    page = client.get("/").content.decode()
    assert reverse("logout") in page and reverse("members:own_profile") in page
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "another-long-phrase",
            "new_password2": "another-long-phrase",
        },
    )
    assert response.status_code == 302
    assert client.get(reverse("logout")).status_code == 405
    client.post(reverse("logout"))
    assert "_auth_user_id" not in client.session
    assert reverse("login") in client.get("/").content.decode()


def test_password_reset_email_links_to_the_public_site(client, home, member):
    response = client.post(reverse("password_reset"), {"email": member.email})
    assert response.status_code == 302
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", mail.outbox[0].body)
    assert link
    assert client.get(link.group(1), follow=True).status_code == 200


def test_password_reset_for_an_unknown_address_looks_the_same(client, home):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert response.url == reverse("password_reset_done")
    assert mail.outbox == []


@pytest.mark.parametrize("login_url", ["/accounts/login/", "/admin/login/"])
def test_failed_logins_are_throttled(client, home, editor, settings, login_url):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(login_url, {"username": editor.username, "password": "wrong"})
        assert response.status_code == 200
    response = client.post(login_url, {"username": editor.username, "password": "wrong"})
    assert response.status_code == 429
    response = client.post(login_url, {"username": editor.username, "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_successful_login_is_not_throttled_after_a_few_mistakes(client, home, member):
    for _attempt in range(2):
        client.post(reverse("login"), {"username": member.username, "password": "wrong"})
    response = client.post(reverse("login"), {"username": member.username, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)


@pytest.mark.parametrize("url_name", ["members:directory", "members:own_profile"])
def test_visitors_are_sent_to_log_in(client, home, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login") + "?next=")


def test_a_profile_is_not_shown_to_visitors_or_non_members(client, home, member):
    url = reverse("members:profile", args=[member.pk])
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    assert client.get(reverse("members:directory")).status_code == 403


def test_members_only_page_sends_visitors_to_the_public_login(client, home, member):
    index = KnowledgeIndexPageFactory(parent=home)
    article = KnowledgeArticlePageFactory(parent=index, members_only=True, owner=member)
    response = client.get(article.url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_directory_lists_only_members_who_consented(client, home, member):
    MemberProfileFactory(
        user=MemberFactory(first_name="Hidden", last_name="Person"), listed_in_directory=False
    )
    client.force_login(member)
    content = client.get(reverse("members:directory")).content.decode()
    assert "Ada Lovelace" in content
    assert "Hidden Person" not in content


def test_directory_filters_by_name_organisation_topic_and_region(
    client, home, member, region, topic
):
    other_region = RegionFactory(name="London")
    MemberProfileFactory(
        user=MemberFactory(first_name="Alan", last_name="Turing"),
        organisation="Bletchley Trust",
        region=region,
        expertise=[topic],
    )
    MemberProfileFactory(
        user=MemberFactory(first_name="Mary", last_name="Somerville"),
        organisation="Analytical Co",
        region=other_region,
    )
    client.force_login(member)

    def names(**params):
        response = client.get(reverse("members:directory"), params)
        return {profile.display_name for profile in response.context["listing"].profiles}

    assert names(q="turing") == {"Alan Turing"}
    assert names(q="analytical") == {"Ada Lovelace", "Mary Somerville"}
    assert names(q="Mary Analytical") == {"Mary Somerville"}
    assert names(topic=topic.slug) == {"Alan Turing"}
    assert names(region=region.slug) == {"Alan Turing"}
    assert names(region=other_region.slug, q="ada") == set()
    response = client.get(reverse("members:directory"), {"region": "nowhere", "page": "abc"})
    assert response.status_code == 200


def test_directory_queries_do_not_grow_with_members(client, home, member, topic, count_queries):
    client.force_login(member)
    MemberProfileFactory(user=MemberFactory(username="peer-first"), expertise=[topic])
    count_queries(reverse("members:directory"))  # warm the per-process caches (site, locales)
    count_queries(reverse("members:directory"))  # and those kept until a change (settings)
    few = count_queries(reverse("members:directory"))
    for number in range(12):
        MemberProfileFactory(user=MemberFactory(username=f"peer{number}"), expertise=[topic])
    count_queries(reverse("members:directory"))  # the first request after a change refills them
    many = count_queries(reverse("members:directory"))
    assert many == few


def test_profile_lists_published_articles_and_case_studies(client, home, member):
    index = KnowledgeIndexPageFactory(parent=home)
    KnowledgeArticlePageFactory(parent=index, title="Our password manager rollout", owner=member)
    KnowledgeArticlePageFactory(
        parent=index, title="Members only notes", owner=member, members_only=True
    )
    draft = KnowledgeArticlePageFactory(parent=index, title="Unfinished draft", owner=member)
    draft.unpublish()
    cases = CaseStudyIndexPageFactory(parent=home)
    CaseStudyPageFactory(parent=cases, title="Bike library", contact_user=member)
    viewer = MemberProfileFactory().user
    client.force_login(viewer)
    content = client.get(reverse("members:profile", args=[member.pk])).content.decode()
    assert "Our password manager rollout" in content
    assert "Members only notes" in content
    assert "Bike library" in content
    assert "Unfinished draft" not in content
    assert Page.objects.filter(title="Unfinished draft", live=False).exists()


def test_member_edits_own_profile_and_markup_is_shown_as_text(client, home, member, topic):
    client.force_login(member)
    assert client.get(reverse("members:edit_profile")).status_code == 200
    response = client.post(
        reverse("members:edit_profile"),
        {
            "first_name": "Ada",
            "last_name": "King",
            "organisation": "<b>Analytical</b> Co",
            "role": "Engineer",
            "bio": "<script>alert('x')</script> I like engines.",
            "expertise": [topic.pk],
            "can_help_with": "Difference engines",
            "looking_for": "Punch cards",
            "contact_preference": MemberProfile.Contact.EMAIL,
            "listed_in_directory": "on",
        },
    )
    assert response.status_code == 302
    content = client.get(response.url).content.decode()
    assert (
        "<script>alert" not in content
        and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in content
    )
    assert "&lt;b&gt;Analytical&lt;/b&gt; Co" in content
    assert member.email in content
    member.refresh_from_db()
    assert member.last_name == "King"
    assert list(member.member_profile.expertise.all()) == [topic]


def test_overlong_profile_fields_get_errors_and_keep_values(client, home, member):
    client.force_login(member)
    response = client.post(
        reverse("members:edit_profile"),
        {"first_name": "Ada", "bio": "b" * 2001, "contact_preference": "none"},
    )
    assert response.status_code == 200
    assert "bio" in response.context["form"].errors
    assert "b" * 2001 in response.content.decode()
    member.member_profile.refresh_from_db()
    assert member.member_profile.bio != "b" * 2001


def test_non_member_cannot_edit_a_profile(client, home):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("members:edit_profile"), {"first_name": "X", "contact_preference": "none"}
    )
    assert response.status_code == 403
    assert not MemberProfile.objects.filter(user=user).exists()
