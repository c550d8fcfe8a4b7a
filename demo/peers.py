"""Demo peers: sectors and languages on profiles, case-study contacts who are members, "looking
for" lines that other members' published work answers, and a pending and an accepted
introduction. Runs after the content and questions builders, whose work it counts."""

from django.conf import settings
from django.contrib.auth import get_user_model

from wagtail.models import Locale

from casestudies.models import CaseStudyPage
from knowledge.models import KnowledgeArticlePage
from members.models import MemberProfile
from peers import expertise
from peers.models import Introduction

CONTACT_DETAILS = [
    "Phone +44 29 2000 0101, weekdays 9 to 5.",
    "Video calls on Thursdays: book through my calendar link in my email signature.",
    "Find me at the network's monthly meet-up, or call +1 416 555 0134.",
]


def build(demo):
    profiles = list(
        MemberProfile.objects.filter(listed_in_directory=True)
        .select_related("user")
        .order_by("user__username")
    )
    if len(profiles) < 6 or Introduction.objects.exists():
        return
    default = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    others = list(Locale.objects.exclude(pk=default.pk))
    for number, profile in enumerate(profiles):
        profile.sector = demo.rng.choice(demo.made["sectors"])
        profile.contact_details = CONTACT_DETAILS[number % len(CONTACT_DETAILS)]
        profile.save()
        profile.languages.set([default, *demo.rng.sample(others, min(len(others), number % 2))])

    # Case studies whose contact is a member, so the contact shows as expertise.
    studies = CaseStudyPage.objects.live().filter(contact_user__isnull=True).order_by("path")[:3]
    for study, profile in zip(studies, profiles[-3:], strict=False):
        study.contact_user = profile.user
        study.save_revision().publish()

    # "Looking for" lines that another member's published article answers.
    articles = KnowledgeArticlePage.objects.live().order_by("path")[:4]
    seekers = [
        profile for profile in profiles if profile.user_id not in {a.owner_id for a in articles}
    ]
    for article, seeker in zip(articles, seekers, strict=False):
        seeker.looking_for = f"Someone who has done this before: {article.title.lower()}."
        seeker.save()

    expertise.refresh(get_user_model().objects.values_list("pk", flat=True))

    asker, peer, friend = seekers[0].user, articles[0].owner, seekers[1].user
    Introduction.objects.create(
        requester=asker,
        recipient=peer,
        note=f"I read “{articles[0].title}”. Could we talk for half an hour about how you started?",
    )
    Introduction.objects.create(
        requester=friend,
        recipient=asker,
        note="We are both working on this: shall we compare notes?",
        status=Introduction.Status.ACCEPTED,
    )
    demo.log(
        f"Peers: sectors, languages and contact details on {len(profiles)} profiles; "
        f"{asker.username} has asked {peer.username} for an introduction (pending) and "
        f"accepted {friend.username}'s."
    )
