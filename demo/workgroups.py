"""Demo working groups: four live groups (one joined by request), with conveners, members, a
pending request, discussions, documents in each group's private collection, and meetings.
Idempotent: groups are found again by name."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model

from workgroups.models import Joining, Meeting, Membership, Reply, Status, Thread, WorkingGroup

# (name, purpose, topic numbers, joining, threads: (title, body, replies), documents, meeting)
GROUPS = [
    (
        "Heat pumps in community buildings",
        "Halls, libraries and sports clubs swapping gas boilers for heat pumps: surveys, "
        "grants, installers and what happened in the first winter.",
        [5, 4],
        Joining.REQUEST,
        [
            (
                "Which heat loss survey did you use?",
                "We have three halls to survey before spring. Who did yours, and was it worth it?",
                [
                    "A local energy co-op did ours for half the price of a consultant.",
                    "Ask for room-by-room figures: the installer needed them anyway.",
                ],
            ),
            (
                "First winter: what surprised you?",
                "Our running costs went down but the hall felt cold on Monday mornings.",
                ["Leave the flow temperature low and the heating on; don't switch it off."],
            ),
        ],
        ["Survey checklist", "Grant application template"],
        ("Monthly call: survey results", "Europe/London", "Community Centre, Room 2"),
    ),
    (
        "Volunteer IT helpers",
        "Skilled volunteers who look after small charities' laptops, email and backups: "
        "sharing checklists and finding cover for each other.",
        [8, 1],
        Joining.OPEN,
        [
            (
                "Offboarding checklist for volunteers",
                "What do you check when a volunteer leaves? Ours keeps growing.",
                ["Shared vault access first, then the email forwarding nobody remembers."],
            )
        ],
        ["Offboarding checklist"],
        ("Quarterly swap meeting", "Europe/Paris", ""),
    ),
    (
        "Cycling counts on a budget",
        "Counting cyclists and pedestrians without expensive sensors: clickers, volunteers and "
        "open data.",
        [6],
        Joining.OPEN,
        [
            (
                "Clickers or cameras?",
                "Has anyone compared volunteer counts with a camera on the same junction?",
                [],
            )
        ],
        ["Count sheet"],
        ("Count week planning", "America/Montreal", ""),
    ),
    (
        "Small charity data protection",
        "Retention schedules, consent and subject access requests, for organisations with no "
        "data protection officer.",
        [3],
        Joining.OPEN,
        [
            (
                "A retention schedule in an afternoon",
                "We adapted the regulator's template. Happy to share what we cut.",
                ["Please do: we keep everything forever at the moment."],
            )
        ],
        ["Retention schedule (draft)"],
        ("Subject access requests clinic", "Europe/Madrid", ""),
    ),
]


def build(demo):
    members = demo.made["members"]
    topics = demo.made["topics"]
    now = timezone.now()
    for number, (name, purpose, topic_numbers, joining, threads, documents, meeting) in enumerate(
        GROUPS
    ):
        group, created = WorkingGroup.objects.get_or_create(
            name=name, defaults={"purpose": purpose, "joining": joining, "status": Status.LIVE}
        )
        if not created:
            continue
        group.topics.set([topics[n - 1] for n in topic_numbers])
        people = [members[(number * 3 + offset) % len(members)] for offset in range(5)]
        convener, *others = people
        Membership.objects.create(group=group, user=convener, role=Membership.Role.CONVENER)
        for person in others[:3]:
            Membership.objects.create(group=group, user=person)
        if joining == Joining.REQUEST:
            Membership.objects.create(
                group=group, user=others[3], status=Membership.Status.REQUESTED
            )
        for position, (title, body, replies) in enumerate(threads):
            thread = Thread.objects.create(
                group=group, author=people[position + 1], title=title, body=body
            )
            for offset, text in enumerate(replies):
                Reply.objects.create(
                    thread=thread, author=people[(position + offset) % 4], body=text
                )
        for title in documents:
            get_document_model().objects.create(
                title=title,
                file=ContentFile(f"{title}\n\n{purpose}\n".encode(), name=f"{title}.txt"),
                collection=group.collection,
                uploaded_by_user=convener,
            )
        meeting_title, zone, place = meeting
        Meeting.objects.create(
            group=group,
            title=meeting_title,
            starts_at=(now + datetime.timedelta(days=10 + 7 * number)).replace(
                hour=17, minute=0, second=0, microsecond=0
            ),
            time_zone=zone,
            place=place,
            video_link="" if place else f"https://meet.example.org/group-{number + 1}",
            agenda="1. News from each member\n2. What we learned this month\n3. Next steps",
            created_by=convener,
        )
    demo.log(f"{len(GROUPS)} working groups with members, discussions, documents and meetings.")
