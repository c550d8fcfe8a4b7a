"""What members did that shows what they know: published knowledge articles they wrote, case
studies they are the contact for, accepted answers.

Each provider takes many members' ids and yields `(user_id, Contribution)` in a fixed number of
queries. `PEERS_CONTRIBUTION_PROVIDERS` lists them, so another app (working groups: "groups they
convene") adds its own provider without touching this module.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import PageViewRestriction


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


def default_language():
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def readable_by_members(pages):
    """Live pages in the default language, without those at or under a password or login-only
    restriction (members may read the members-only, group-restricted ones), in the same query."""
    restricted_above = PageViewRestriction.objects.exclude(
        restriction_type=PageViewRestriction.GROUPS
    ).filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
    return (
        pages.live()
        .filter(locale__language_code=default_language())
        .exclude(Exists(restricted_above))
    )


def articles(user_ids):
    from knowledge.models import KnowledgeArticlePage

    # A row per page and co-author (`coauthor`), so no second query asks for the authors.
    rows = (
        readable_by_members(KnowledgeArticlePage.objects.all())
        .filter(Q(owner_id__in=user_ids) | Q(authors__in=user_ids))
        .annotate(coauthor=F("authors"))
        .prefetch_related("topics")
        .order_by("-first_published_at", "pk")
    )
    wanted = set(user_ids)
    pages = {}
    for page in rows:
        pages.setdefault(page.pk, (page, set()))[1].update({page.owner_id, page.coauthor} & wanted)
    for page, people in pages.values():
        item = Contribution(_("Knowledge article"), page.title, page.url, tuple(page.topics.all()))
        for user_id in people:
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
    from home.models import Topic
    from questions.models import Answer, State

    # A row per answer and question topic, the topic's fields alongside: one query in all.
    rows = (
        Answer.objects.filter(
            author_id__in=user_ids,
            is_accepted=True,
            state=State.PUBLISHED,
            question__state=State.PUBLISHED,
            question__merged_into__isnull=True,
        )
        .select_related("question")
        .annotate(
            topic_id=F("question__topics__id"),
            topic_name=F("question__topics__name"),
            topic_key=F("question__topics__translation_key"),
        )
        .order_by("-created_at", "pk")
    )
    answers = {}
    for answer in rows:
        topics = answers.setdefault(answer.pk, (answer, []))[1]
        if answer.topic_id is not None:
            topics.append(
                Topic(pk=answer.topic_id, name=answer.topic_name, translation_key=answer.topic_key)
            )
    for answer, topics in answers.values():
        yield (
            answer.author_id,
            Contribution(
                _("Accepted answer"),
                answer.question.title,
                answer.get_absolute_url(),
                tuple(topics),
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
