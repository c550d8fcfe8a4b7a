"""What members did that shows what they know: published knowledge articles they wrote, case
studies they are the contact for, accepted answers.

Each provider takes many members' ids and yields `(user_id, Contribution)` in a fixed number of
queries. `PEERS_CONTRIBUTION_PROVIDERS` lists them, so another app (working groups: "groups they
convene") adds its own provider without touching this module.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from wagtail.models import PageViewRestriction

from localization.locales import locale_for


@dataclass(frozen=True)
class Contribution:
    kind: str
    title: str
    url: str
    topics: tuple


def words(text):
    return set(re.findall(r"\w{3,}", str(text).lower()))


def shares_words(text, wanted, every=False):
    """Whether `text` has the `wanted` words (any, or `every` one), a word matching its longer
    forms ("pump" matches "pumps"): to say why a match was made, after the backend found it."""
    have = words(text)
    found = [
        any(word.startswith(want) or want.startswith(word) for word in have) for want in wanted
    ]
    return all(found) if every else any(found)


def about(item):
    """A contribution's words: its title and topics."""
    return " ".join([item.title, *(topic.name for topic in item.topics)])


def readable_by_members(pages):
    """Live pages in the default language, without those behind a password or a login-only
    restriction (members may read the members-only, group-restricted ones)."""
    pages = pages.live().filter(locale=locale_for(settings.LANGUAGE_CODE))
    for restriction in PageViewRestriction.objects.exclude(
        restriction_type=PageViewRestriction.GROUPS
    ).select_related("page"):
        pages = pages.not_descendant_of(restriction.page, inclusive=True)
    return pages


def articles(user_ids):
    from knowledge.models import KnowledgeArticlePage

    pages = (
        readable_by_members(KnowledgeArticlePage.objects.all())
        .filter(Q(owner_id__in=user_ids) | Q(authors__in=user_ids))
        .distinct()
        .prefetch_related("topics", "authors")
        .order_by("-first_published_at")
    )
    wanted = set(user_ids)
    for page in pages:
        item = Contribution(_("Knowledge article"), page.title, page.url, tuple(page.topics.all()))
        for user_id in ({page.owner_id} | {a.pk for a in page.authors.all()}) & wanted:
            yield user_id, item


def case_studies(user_ids):
    from casestudies.models import CaseStudyPage

    pages = (
        readable_by_members(CaseStudyPage.objects.filter(contact_user_id__in=user_ids))
        .prefetch_related("topics")
        .order_by("-first_published_at")
    )
    for page in pages:
        yield (
            page.contact_user_id,
            Contribution(_("Case study contact"), page.title, page.url, tuple(page.topics.all())),
        )


def accepted_answers(user_ids):
    from questions.models import Answer, State

    answers = (
        Answer.objects.filter(
            author_id__in=user_ids,
            is_accepted=True,
            state=State.PUBLISHED,
            question__state=State.PUBLISHED,
            question__merged_into__isnull=True,
        )
        .select_related("question")
        .prefetch_related("question__topics")
        .order_by("-created_at")
    )
    for answer in answers:
        yield (
            answer.author_id,
            Contribution(
                _("Accepted answer"),
                answer.question.title,
                answer.get_absolute_url(),
                tuple(answer.question.topics.all()),
            ),
        )


def contributions_of(user_ids):
    """Each member's contributions, by user id, from every provider."""
    found = {}
    user_ids = list(user_ids)
    if not user_ids:
        return found
    for path in settings.PEERS_CONTRIBUTION_PROVIDERS:
        for user_id, item in import_string(path)(user_ids):
            found.setdefault(user_id, []).append(item)
    return found
