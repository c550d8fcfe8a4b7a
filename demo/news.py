"""Demo news: a year of editorial news in the voice of the network."""

import datetime

from django.utils.text import slugify

from demo.home import add_to_menu, listing_picture
from demo.knowledge import EDITOR, MEMBERS_ACCOUNTS, account
from news.factories import NewsIndexPageFactory, NewsPageFactory

# (title, intro, topic indexes, author: an account's full name, or a byline, paragraphs)
NEWS = [
    (
        "Network passes 300 member organisations",
        "Councils, charities and social enterprises from four countries now share their learning here.",
        [8, 9],
        "Editorial team",
        [
            "The network welcomed its three hundredth member organisation this month, a housing "
            "association in Wales that joined to learn how others moved their tenant records to "
            "the cloud.",
            "Half of our members are now outside the UK, most of them city "
            "sustainability offices in Canada and the United States.",
        ],
    ),
    (
        "Spring peer exchange: cutting food waste in school kitchens",
        "Twelve cities compared what actually reduced food waste, and what only looked good on paper.",
        [7, 4],
        "Elena Ruiz",
        [
            "Weighing waste every day for a month was the single most useful step, according to the "
            "five cities that tried it. Menus changed within weeks once kitchen staff saw the numbers.",
            "The full notes from the exchange are in the knowledge base for members.",
        ],
    ),
    (
        "New guide: choosing a cloud email service for a small charity",
        "Our most requested guide is out, written by three members who have done the move.",
        [2, 0],
        "Owen Price",
        [
            "The guide compares the costs charities actually paid, not list prices, and explains "
            "how to keep old mail searchable after the switch."
        ],
    ),
    (
        "Retrofit week: what 40 councils learned from insulating their own buildings",
        "Starting with the buildings you own builds the skills to help residents with theirs.",
        [5, 4],
        "Editorial team",
        [
            "Councils that retrofitted a depot or library first found local installers, learned "
            "what things really cost, and had a story to tell residents.",
            "Several members warned against starting with listed buildings.",
        ],
    ),
    (
        "Cyber security: the three attacks that hit our members most",
        "Invoice fraud, stolen passwords and ransomware — and the cheap defences that work.",
        [1, 3],
        "Amira Haddad",
        [
            "We asked members which incidents cost them the most in the last year. Fake invoices "
            "topped the list, ahead of stolen passwords and ransomware.",
            "Two-step sign-in on email accounts prevented most of the password incidents reported.",
        ],
    ),
    (
        "Bike share schemes: members publish five years of ridership data",
        "Four cities compared how stations, pricing and e-bikes changed who rides.",
        [6, 4],
        "Chloé Martin",
        [
            "Adding e-bikes doubled trips from hilly neighbourhoods in two of the four cities.",
            "Cheap annual passes linked to benefits cards brought in riders who had never cycled.",
        ],
    ),
    (
        "Skilled volunteers: matching experts with small charities online",
        "What we learned from three years of pairing IT professionals with charities that need them.",
        [8, 0],
        "Editorial team",
        [
            "Short, well-defined requests got answers within days; open-ended ones were rarely "
            "taken up. Members now use a simple template to describe what they need."
        ],
    ),
    (
        "Climate action plans that survive an election",
        "Members from six cities on building plans that outlast the politicians who launch them.",
        [4],
        "Dev Patel",
        [
            "Plans with cross-party working groups and published yearly progress reports were the "
            "ones still funded after a change of administration."
        ],
    ),
    (
        "Data protection clinic for community groups",
        "Volunteer lawyers and members answered 60 questions in one afternoon.",
        [3, 0],
        "Elena Ruiz",
        [
            "The most common question was how long to keep volunteers' records. The answers are "
            "now a knowledge article anyone can read."
        ],
    ),
    (
        "Shared services: five charities, one IT manager",
        "A rural partnership shows how small organisations can afford expert help by sharing it.",
        [9, 2],
        "Owen Price",
        [
            "Pooling budgets let five small charities employ a part-time IT manager together, and "
            "their support costs fell by a third in the first year."
        ],
    ),
    (
        "Heat pumps in community buildings: a members' survey",
        "Running costs, comfort and the surprises nobody warned them about.",
        [5],
        "Editorial team",
        [
            "Most members were satisfied after the first winter, but several had to upgrade "
            "radiators, and two wished they had insulated first."
        ],
    ),
    (
        "Editors' picks: the most read articles of the year",
        "From password managers to composting schemes, here is what members read most.",
        [0, 7, 1],
        "Editorial team",
        [
            "Practical, short, and written by someone who had done it: the most read articles "
            "shared these three qualities."
        ],
    ),
    (
        "Autumn peer exchange announced: digital inclusion after the pandemic",
        "Libraries, councils and charities compare what kept new internet users online.",
        [0, 8],
        "Elena Ruiz",
        [
            "Lending devices helped, but ongoing support from a familiar person mattered more. "
            "Members can book a place at the exchange from the events page."
        ],
    ),
]


def build(demo):
    home = demo.made["home"]
    topics = demo.made["topics"]
    index = NewsIndexPageFactory(parent=home, intro="What is happening across the network.")
    first_day = datetime.date(2025, 11, 3)
    # username, password, first and last name
    accounts = {f"{details[2]} {details[3]}": details for details in [EDITOR, *MEMBERS_ACCOUNTS]}
    for number, (title, intro, topic_ids, author, paragraphs) in enumerate(NEWS):
        body = [("paragraph", f"<p>{text}</p>") for text in paragraphs]
        NewsPageFactory(
            parent=index,
            title=title,
            slug=slugify(title)[:80],
            intro=intro,
            author=account(accounts[author]) if author in accounts else None,
            byline="" if author in accounts else author,
            date=first_day + datetime.timedelta(days=27 * number + demo.rng.randint(0, 5)),
            body=body,
            **listing_picture(title),
            topics=[topics[i] for i in topic_ids],
        )
    add_to_menu(demo.made["menu"], [index])
    demo.made["news_index"] = index
    demo.log(f"{len(NEWS)} news items ready.")
