"""Demo case studies: what member organisations tried, what happened and what they learned."""

from django.utils.text import slugify

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from demo.home import add_to_menu, demo_image, listing_picture
from home.models import HomePage, HomePageFeatured

# Sector, region and topic numbers index the lists that demo/home.py creates.
CASE_STUDIES = [
    {
        "title": "ICT Hub: shared technology support for small charities",
        "intro": "A national hub that gave small voluntary organisations free, impartial IT "
        "advice, training and volunteers instead of each charity buying help alone.",
        "organisation": ("ICT Hub", "partnership", "small", "https://icthub.example.org/"),
        "sector": 1,
        "region": 2,
        "topics": [0, 2, 8],
        "year": 2019,
        "challenge": "Most small charities had no one responsible for technology. They bought "
        "hardware they did not need, and lost data when a volunteer left.",
        "approach": "Five umbrella bodies pooled funding to run one hub: a phone and email "
        "helpline, regional circuit riders who visited charities, and a bank of free guides.",
        "outcomes": "Charities that used the hub were twice as likely to have working backups a "
        "year later, and many wrote their first technology plan.",
        "results": [("2,400", "charities advised"), ("52%", "now keep working backups")],
        "lessons": "Face-to-face visits built the trust that made charities act on advice; guides "
        "alone were read but rarely followed.",
        "pros": ["Impartial advice charities trusted", "One helpline instead of dozens"],
        "cons": ["Dependent on a single national grant", "Visits were hard to scale"],
        "partners": [("Lasa", "helpline"), ("NCVO", "funding partner")],
        "contact": ("Jo Wilkins", "Hub co-ordinator", "jo.wilkins@icthub.example.org"),
    },
    {
        "title": "5 Counties Project: five rural charities share one IT manager",
        "intro": "Five small charities in the South West pooled budgets to employ a part-time IT "
        "manager together, and cut their support costs by a third.",
        "organisation": ("5 Counties Project", "partnership", "micro", ""),
        "sector": 1,
        "region": 1,
        "topics": [2, 9, 1],
        "year": 2021,
        "challenge": "Each charity paid a different local firm by the hour, had no plan for "
        "replacing laptops and no one who could check what the firms were doing.",
        "approach": "The charities signed a shared-services agreement, hired one IT manager for "
        "three days a week, and moved all five to the same cloud email and file storage.",
        "outcomes": "Support costs fell in the first year, and the charities now buy equipment "
        "together at better prices.",
        "results": [("33%", "lower IT support costs"), ("5", "charities on one platform")],
        "lessons": "Agree in writing how time is shared before hiring, and budget for the "
        "manager's own training.",
        "pros": ["Expert help small charities could not afford alone", "Bulk buying"],
        "cons": ["Scheduling time fairly took effort", "One person is a single point of failure"],
        "partners": [("Somerset Community Foundation", "funder")],
        "contact": ("Helen Price", "Shared IT manager", "helen@5counties.example.org"),
    },
    {
        "title": "Experts Online: matching skilled volunteers with charity questions",
        "intro": "An online service that paired IT professionals who volunteer a few hours with "
        "charities that had a specific technical question.",
        "organisation": ("Experts Online", "charity", "micro", "https://experts.example.org/"),
        "sector": 1,
        "region": 0,
        "topics": [8, 0],
        "year": 2022,
        "challenge": "Professionals wanted to help but could not commit to long projects; "
        "charities had questions too small for a consultant.",
        "approach": "Charities posted short, structured questions; volunteers chose ones that "
        "matched their skills and answered within a week, in public where possible.",
        "outcomes": "Short, well-defined requests were answered quickly; open-ended ones rarely "
        "found a volunteer, so the form now asks for a clear question and a deadline.",
        "results": [("640", "questions answered"), ("4 days", "median time to an answer")],
        "lessons": "Write the request template first. A good question is half the answer.",
        "pros": ["Volunteers give time in small pieces", "Answers help other charities too"],
        "cons": ["Vague requests went unanswered", "Hard to follow up on advice given"],
        "partners": [("Digital Volunteers Network", "volunteer recruitment")],
        "contact": ("Sam Ahmed", "Volunteer manager", "sam@experts.example.org"),
    },
    {
        "title": "Ethical Property: low-cost offices with shared IT for social organisations",
        "intro": "A social enterprise that buys buildings and rents desks to charities, adding "
        "shared broadband, phones and printing so tenants need no IT of their own.",
        "organisation": ("Ethical Property", "social_enterprise", "medium", ""),
        "sector": 2,
        "region": 2,
        "topics": [2, 9, 5],
        "year": 2018,
        "challenge": "Small tenants each paid for their own broadband and phone contracts, and "
        "struggled to keep them working.",
        "approach": "Every centre got one managed network and a shared support contract, paid "
        "for through a small addition to the rent.",
        "outcomes": "Tenants saved money and time; the centres became places where groups met "
        "and shared equipment and skills.",
        "results": [
            ("20", "centres with shared IT"),
            ("£1,100", "average yearly saving per tenant"),
        ],
        "lessons": "Bundle only what every tenant needs; optional extras were rarely used.",
        "pros": ["Predictable costs for tenants", "Community between organisations"],
        "cons": ["Upgrades need every tenant's agreement"],
        "partners": [],
        "contact": ("", "", ""),
    },
    {
        "title": "City bike share: e-bikes bring riders from the hills",
        "intro": "A city added electric bikes and income-linked passes to its bike share, "
        "doubling trips from hilly, lower-income neighbourhoods.",
        "organisation": ("City of Portland Transportation", "council", "large", ""),
        "sector": 0,
        "region": 6,
        "topics": [6, 4],
        "year": 2023,
        "challenge": "Bike share trips were concentrated downtown; steep neighbourhoods and "
        "people on low incomes hardly used it.",
        "approach": "Half the fleet became e-bikes, new stations went in on the hills, and "
        "people on benefits could buy an annual pass for a few dollars.",
        "outcomes": "Ridership rose across the city, most of all where stations were new.",
        "results": [("2×", "trips from hilly neighbourhoods"), ("9,000", "low-income passes sold")],
        "lessons": "Price and topography mattered more than marketing.",
        "pros": ["Reached people who had never cycled", "Data showed where to expand"],
        "cons": ["E-bikes cost more to maintain", "Battery charging logistics"],
        "partners": [("BikeTown operator", "operations"), ("Community Cycling Center", "outreach")],
        "contact": ("Lena Fischer", "Active transport planner", "lena.fischer@city.example.gov"),
    },
    {
        "title": "Retrofitting council buildings before residents' homes",
        "intro": "A council insulated its own depots, libraries and offices first, and used what "
        "it learned to launch a retrofit scheme for residents.",
        "organisation": ("Bristol City Council", "council", "large", ""),
        "sector": 0,
        "region": 1,
        "topics": [5, 4],
        "year": 2022,
        "challenge": "Residents wanted help with retrofits, but the council knew little about "
        "real costs or local installers.",
        "approach": "Twelve council buildings were surveyed and retrofitted over two years, with "
        "every invoice and energy bill published.",
        "outcomes": "Energy use fell, the council built a list of trusted installers, and the "
        "resident scheme launched with realistic prices.",
        "results": [("38%", "less energy used in retrofitted buildings"), ("12", "buildings")],
        "lessons": "Start with simple buildings; leave listed buildings until you have skills.",
        "pros": ["Credible advice for residents", "Lower running costs"],
        "cons": ["Upfront capital cost", "Disruption to services during works"],
        "partners": [("Centre for Sustainable Energy", "technical advice")],
        "contact": ("Gareth Morgan", "Energy manager", "gareth.morgan@council.example.gov.uk"),
    },
    {
        "title": "Halving food waste in school kitchens",
        "intro": "Weighing waste every day let school kitchen teams see what was thrown away "
        "and change menus within weeks.",
        "organisation": ("Toronto District School Board", "public_body", "large", ""),
        "sector": 5,
        "region": 4,
        "topics": [7, 4],
        "year": 2024,
        "challenge": "Kitchens threw away a large share of what they cooked, but nobody knew "
        "which dishes or why.",
        "approach": "Staff weighed waste by dish every day for a month, shared the numbers with "
        "pupils and adjusted portions and menus.",
        "outcomes": "Waste fell by nearly half and the savings paid for better ingredients.",
        "results": [("45%", "less food thrown away"), ("60", "schools taking part")],
        "lessons": "Kitchen staff must own the numbers; dashboards for managers changed nothing.",
        "pros": ["Cheap to start", "Visible to pupils"],
        "cons": ["Daily weighing is tedious after the first month"],
        "partners": [("Second Harvest", "surplus food redistribution")],
        "contact": ("Marc Tremblay", "Sustainability lead", "marc.tremblay@board.example.ca"),
    },
    {
        "title": "A climate action plan that survived an election",
        "intro": "A city built its climate plan with a cross-party working group and yearly "
        "public progress reports, and it stayed funded after a change of administration.",
        "organisation": ("City of Vancouver Sustainability Group", "council", "large", ""),
        "sector": 0,
        "region": 5,
        "topics": [4],
        "year": 2020,
        "challenge": "Previous plans were dropped whenever the council changed hands.",
        "approach": "Councillors from every party sat on the working group; targets were tied to "
        "budgets and reported publicly each year.",
        "outcomes": "The plan was kept and extended by the next administration.",
        "results": [
            ("7", "years of continuous funding"),
            ("22%", "lower city emissions since 2015"),
        ],
        "lessons": "Publish progress every year, good or bad; it made the plan everyone's.",
        "pros": ["Political resilience", "Clear accountability"],
        "cons": ["Slower to agree targets"],
        "partners": [("Local universities", "emissions data")],
        "contact": ("Aisha Okafor", "Climate policy manager", "aisha.okafor@city.example.ca"),
    },
    {
        "title": "Community composting for a whole neighbourhood",
        "intro": "Residents, a housing association and the council ran shared compost sites "
        "that took food waste off the collection rounds.",
        "organisation": ("Northside Housing", "housing_association", "medium", ""),
        "sector": 3,
        "region": 0,
        "topics": [7],
        "year": 2023,
        "challenge": "Flats had no space for food waste bins and collections were expensive.",
        "approach": "Volunteers ran six compost sites on housing land, with training and tools "
        "from the council.",
        "outcomes": "Tonnes of food waste were composted locally and used in community gardens.",
        "results": [("38 t", "food waste composted a year"), ("140", "households taking part")],
        "lessons": "Sites need a named volunteer each, or they are neglected.",
        "pros": ["Low cost", "Brought neighbours together"],
        "cons": ["Pest complaints at first"],
        "partners": [("Manchester City Council", "tools and training")],
        "contact": ("Priya Shah", "Community officer", "priya.shah@northside.example.org"),
    },
    {
        "title": "Two-step sign-in for a federation of small charities",
        "intro": "A federation switched on two-step sign-in for 900 email accounts after a run "
        "of invoice frauds, with almost no complaints.",
        "organisation": ("Wales Voluntary Federation", "charity", "small", ""),
        "sector": 1,
        "region": 3,
        "topics": [1, 3],
        "year": 2024,
        "challenge": "Stolen passwords led to fake invoices being sent from trusted accounts.",
        "approach": "Accounts were switched over in batches with a drop-in help session for each.",
        "outcomes": "No account protected by two-step sign-in has been taken over since.",
        "results": [("900", "accounts protected"), ("0", "account takeovers since")],
        "lessons": "Help people in person on the day; written guides were not enough.",
        "pros": ["Cheap and effective", "Reassured funders"],
        "cons": ["Lost phones locked people out"],
        "partners": [("National Cyber Security Centre", "guidance")],
        "contact": ("Rhys Jones", "Digital officer", "rhys@walesvf.example.org"),
    },
    {
        "title": "Moving a housing association's records to the cloud",
        "intro": "A housing association moved tenant records from an ageing server to a cloud "
        "service, and improved data protection on the way.",
        "organisation": ("Cartref Homes", "housing_association", "medium", ""),
        "sector": 3,
        "region": 3,
        "topics": [2, 3],
        "year": 2025,
        "challenge": "An old server held years of tenant records with no reliable backup.",
        "approach": "Records were cleaned, deleted where no longer needed, and migrated in "
        "stages over six months.",
        "outcomes": "Staff can work from anywhere and records are kept only as long as needed.",
        "results": [("40%", "of old records safely deleted")],
        "lessons": "Decide what to delete before you migrate; it halves the work.",
        "pros": ["Reliable backups", "Better data protection"],
        "cons": ["Subscription costs replaced one-off purchases"],
        "partners": [],
        "contact": ("", "", ""),
    },
    {
        "title": "Digital inclusion through library device lending",
        "intro": "Libraries lent tablets with data and paired each borrower with a digital "
        "champion who checked in weekly.",
        "organisation": ("Lakeside Public Library", "public_body", "medium", ""),
        "sector": 5,
        "region": 8,
        "topics": [0, 8],
        "year": 2021,
        "challenge": "Older residents had no devices and no one to ask for help.",
        "approach": "Tablets came with a year of data and a named volunteer champion.",
        "outcomes": "Most borrowers were still online a year later.",
        "results": [("78%", "of borrowers still online after a year"), ("300", "tablets lent")],
        "lessons": "Ongoing support from a familiar person mattered more than the device.",
        "pros": ["Reached isolated residents"],
        "cons": ["Volunteers needed safeguarding checks", "Devices were sometimes not returned"],
        "partners": [("Age-friendly Lakeside", "referrals")],
        "contact": ("Dana Kowalski", "Outreach librarian", "dkowalski@library.example.org"),
    },
    {
        "title": "Heat pumps in community centres",
        "intro": "A social enterprise replaced gas boilers in four community centres with heat "
        "pumps, after insulating first.",
        "organisation": (
            "Green Halls",
            "social_enterprise",
            "micro",
            "https://greenhalls.example.org/",
        ),
        "sector": 2,
        "region": 7,
        "topics": [5, 4, 9],
        "year": 2024,
        "challenge": "Old halls were costly to heat and the boilers were failing.",
        "approach": "Insulation and new radiators came first, then heat pumps, funded by a "
        "community share offer.",
        "outcomes": "Running costs fell and the halls are warmer.",
        "results": [("4", "halls converted"), ("£180,000", "raised from community shares")],
        "lessons": "Insulate first, and check radiator sizes before choosing a heat pump.",
        "pros": ["Lower emissions", "Local ownership"],
        "cons": ["Complex grant paperwork"],
        "partners": [("Community Energy New England", "share offer")],
        "contact": ("Tom Evans", "Director", "tom@greenhalls.example.org"),
    },
    {
        "title": "Cycling to appointments: active travel for a health trust",
        "intro": "A health trust gave staff e-bikes for community visits, cutting car mileage "
        "and parking costs.",
        "organisation": ("Riverside Community Health", "public_body", "large", ""),
        "sector": 4,
        "region": 0,
        "topics": [6, 4],
        "year": 2022,
        "challenge": "Community nurses drove short distances between home visits in heavy traffic.",
        "approach": "A pool of e-bikes with panniers was offered for visits within three miles.",
        "outcomes": "Mileage claims fell and staff reported arriving less stressed.",
        "results": [("52,000", "car miles avoided a year")],
        "lessons": "Secure storage at each base was the deciding factor for staff.",
        "pros": ["Healthier staff", "Faster in traffic"],
        "cons": ["Weather", "Not suitable for heavy equipment"],
        "partners": [],
        "contact": ("", "", ""),
    },
    {
        "title": "Reuse hub for furniture and electricals",
        "intro": "A charity repairs donated furniture and electricals and sells them cheaply to "
        "families setting up home.",
        "organisation": ("Second Life Reuse", "charity", "small", ""),
        "sector": 1,
        "region": 7,
        "topics": [7, 9],
        "year": 2020,
        "challenge": "Usable furniture was going to landfill while families went without.",
        "approach": "Council collections were diverted to a repair workshop staffed by trainees.",
        "outcomes": "Tonnes of goods were reused and trainees gained qualifications.",
        "results": [("210 t", "diverted from landfill a year"), ("35", "trainees qualified")],
        "lessons": "Earned income only covered costs once the shop moved to a busy street.",
        "pros": ["Jobs and training", "Affordable goods"],
        "cons": ["Storage space is expensive"],
        "partners": [("Town Council", "collections")],
        "contact": ("Maria Lopez", "Workshop manager", "maria@secondlife.example.org"),
    },
    {
        "title": "Data protection clinic for community groups",
        "intro": "Volunteer lawyers and members ran a clinic that answered community groups' "
        "data protection questions in one afternoon.",
        "organisation": ("Community Law Partnership", "charity", "micro", ""),
        "sector": 1,
        "region": 2,
        "topics": [3, 8],
        "year": 2025,
        "challenge": "Small groups feared breaking data protection rules and kept everything.",
        "approach": "A half-day clinic with fifteen-minute slots and a shared notes document.",
        "outcomes": "Answers became a public guide for other groups.",
        "results": [("60", "questions answered")],
        "lessons": "Collect questions in advance so volunteers can prepare.",
        "pros": ["Expert advice at no cost"],
        "cons": ["One-off format; demand exceeded places"],
        "partners": [("Pro Bono Lawyers Network", "volunteers")],
        "contact": ("", "", ""),
    },
    {
        "title": "Energy advice for tenants in cold homes",
        "intro": "A housing charity trained tenants as energy champions who advised "
        "neighbours on bills and small fixes.",
        "organisation": ("Warm Homes Ontario", "charity", "small", ""),
        "sector": 3,
        "region": 4,
        "topics": [5, 8],
        "year": 2023,
        "challenge": "Tenants in older buildings faced high bills and did not trust official "
        "advice.",
        "approach": "Paid tenant champions visited neighbours with simple kits and referrals.",
        "outcomes": "Households saved on bills and landlords fixed reported problems faster.",
        "results": [("1,200", "homes visited"), ("$240", "average yearly saving")],
        "lessons": "Advice from a neighbour was trusted far more than from an agency.",
        "pros": ["Trusted messengers", "Paid local work"],
        "cons": ["Champions needed ongoing support"],
        "partners": [("Local utility", "kits and funding")],
        "contact": ("Grace Liu", "Programme lead", "grace@warmhomes.example.ca"),
    },
]
# ICT Hub, bike share and building retrofits lead on the home page.
FEATURED = [0, 4, 5]
GALLERY_SIZE = 3
GALLERY_ALT = "Illustration {number} for {title}"
CAPTION = "From the project, picture {number}"


def build(demo):
    home = demo.made["home"]
    topics, sectors, regions = demo.made["topics"], demo.made["sectors"], demo.made["regions"]
    index = CaseStudyIndexPageFactory(parent=home)
    pages = []
    for story in CASE_STUDIES:
        name, kind, size, website = story["organisation"]
        contact_name, contact_role, contact_email = story["contact"]
        pages.append(
            CaseStudyPageFactory(
                parent=index,
                title=story["title"],
                slug=slugify(story["title"])[:80],
                intro=story["intro"],
                organisation_name=name,
                organisation_kind=kind,
                organisation_size=size,
                organisation_website=website,
                sector=sectors[story["sector"]],
                region=regions[story["region"]],
                year=story["year"],
                challenge=f"<p>{story['challenge']}</p>",
                approach=f"<p>{story['approach']}</p>",
                outcomes=f"<p>{story['outcomes']}</p>",
                results=[("result", {"value": v, "label": label}) for v, label in story["results"]],
                lessons=f"<p>{story['lessons']}</p>",
                pros=[("point", point) for point in story["pros"]],
                cons=[("point", point) for point in story["cons"]],
                partners=[
                    ("partner", {"name": partner, "role": role, "website": ""})
                    for partner, role in story["partners"]
                ],
                contact_name=contact_name,
                contact_role=contact_role,
                contact_email=contact_email,
                **listing_picture(story["title"]),
                gallery=_gallery(story["title"]),
                topics=[topics[i] for i in story["topics"]],
            )
        )
    add_to_menu(demo.made["menu"], [index])
    _feature(HomePage.objects.get(pk=home.pk), [pages[i] for i in FEATURED])
    demo.made["case_study_index"] = index
    demo.log(f"{len(pages)} case studies ready.")


def _gallery(title):
    """A few generated pictures with alt text and captions."""
    return [
        {
            "type": "image",
            "value": {
                "image": {
                    "image": demo_image(f"{title}: picture {number}").pk,
                    "alt_text": GALLERY_ALT.format(number=number, title=title),
                    "decorative": False,
                },
                "caption": CAPTION.format(number=number),
            },
        }
        for number in range(1, GALLERY_SIZE + 1)
    ]


def _feature(home, pages):
    """Feature case studies on the home page, unless an editor has already chosen some."""
    if home.featured.exists():
        return
    home.featured = [HomePageFeatured(page=page) for page in pages]
    home.save_revision().publish()
