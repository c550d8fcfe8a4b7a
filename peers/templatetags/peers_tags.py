"""Matches and introduction controls, for members only (nothing renders for anyone else)."""

from dataclasses import dataclass
from functools import partial

from django import template
from django.template.loader import render_to_string

from wagtail.models import Page

from home.models import Topic
from members.access import is_member

from .. import matches
from ..models import Block, Introduction

register = template.Library()


@dataclass(frozen=True)
class Card:
    """A match as shown, the same for every member: kept with the page's fragments."""

    user_id: int
    shows_work: bool
    html: str


def cards_for(topics):
    """Each match for `topics` rendered once, for every member who may be offered it."""
    return [
        Card(
            match.user_id, match.shows_work, render_to_string("peers/match.html", {"match": match})
        )
        for match in matches.for_topics(topics)
    ]


@register.inclusion_tag("peers/people_who_can_help.html", takes_context=True)
def people_who_can_help(context, subject, exclude=None):
    """Members who know `subject`'s topics (a topic, a list of topics, or a page, whose topics
    are then read only when its cards are not cached), with why; `exclude` is a user id (the
    asker, the contact). The cards are the same for every member (cached, purged with the pages
    and when a profile or a contribution changes: members/cache.py, peers/expertise.py); whom
    this reader may not be offered (themselves, `exclude`, blocks either way) is left out here,
    per request."""
    user = context["request"].user
    if not is_member(user):
        return {"cards": []}
    if isinstance(subject, Page):  # its topics change only when it is published: a purge
        compute, vary_on = (lambda: cards_for(subject.topic_list)), ("page", subject.pk)
    else:
        topics = [subject] if isinstance(subject, Topic) else list(subject)
        compute, vary_on = partial(cards_for, topics), sorted(topic.pk for topic in topics)
    cards = context["fragments"].get_or_set("people-who-can-help", compute, *vary_on)
    hidden = matches.hidden_from(user, [exclude]) if cards else ()
    return {"cards": matches.pick(cards, hidden)}


@register.inclusion_tag("peers/you_might_talk_to.html", takes_context=True)
def you_might_talk_to(context, profile):
    return {"matches": matches.for_member(profile), "profile": profile}


@register.inclusion_tag("peers/getting_in_touch.html", takes_context=True)
def getting_in_touch(context, member):
    """How `member` may be reached by the viewer: their chosen email, introduction status,
    contact details once introduced either way round, and the block control."""
    viewer = context["request"].user
    own = viewer.pk == member.user_id
    between = (
        []
        if own
        else list(
            Introduction.objects.filter(requester=viewer, recipient_id=member.user_id)
            | Introduction.objects.filter(requester_id=member.user_id, recipient=viewer)
        )
    )
    blocks = (
        []
        if own
        else list(
            Block.objects.filter(blocker=viewer, blocked_id=member.user_id)
            | Block.objects.filter(blocker_id=member.user_id, blocked=viewer)
        )
    )
    sent = next((item for item in between if item.requester_id == viewer.pk), None)
    return {
        "member": member,
        "own": own,
        "sent": sent,
        "received": next((item for item in between if item.recipient_id == viewer.pk), None),
        "introduced": any(item.status == Introduction.Status.ACCEPTED for item in between),
        "blocked_by_viewer": any(block.blocker_id == viewer.pk for block in blocks),
        "blocked": bool(blocks),
        "csrf_token": context.get("csrf_token"),
    }
