"""Demo taxonomy: needs, areas, languages and organizations for the mutual aid directory.

Written in our own words from the facts in the seed document
(shared/seed/mutual-aid-king-county.txt). Slugs and codes are stable: listings and the demo
loader refer to them. No URLs are known, so every "website" is an empty string.
"""

# What a person may be looking for. Ways of helping (volunteering, giving blood) are not needs.
NEEDS = [
    {
        "slug": "food",
        "name": "Food",
        "description": ("Groceries and meals brought to people who can't easily get out to shop."),
    },
    {
        "slug": "supplies",
        "name": "Household supplies",
        "description": (
            "Everyday essentials a home runs on, such as cleaning products and toiletries."
        ),
    },
    {
        "slug": "money",
        "name": "Financial help",
        "description": (
            "Cash support, emergency funds and pointers to relief money you may be able to get."
        ),
    },
    {
        "slug": "transportation",
        "name": "Rides and deliveries",
        "description": (
            "Someone with a car to give you a ride, or to drive groceries and other items to "
            "your door."
        ),
    },
    {
        "slug": "prescriptions",
        "name": "Picking up medicine",
        "description": (
            "A neighbor who can collect a prescription from the pharmacy and bring it to you."
        ),
    },
    {
        "slug": "masks",
        "name": "Masks and PPE",
        "description": (
            "Face masks and other personal protective equipment, and the people who make or "
            "collect them."
        ),
    },
    {
        "slug": "health",
        "name": "Health questions and information",
        "description": (
            "Trustworthy answers about your health and COVID-19, and where to turn next."
        ),
    },
    {
        "slug": "small-business",
        "name": "Small business help",
        "description": (
            "Relief and assistance for small business owners whose work has been hit by the "
            "pandemic."
        ),
    },
]

# Where a listing operates. "online" covers efforts anyone can join from home. `parent`: the
# area enclosing it (a listing of King County shows when a reader picks Seattle).
AREAS = [
    {
        "slug": "seattle",
        "parent": "king-county",
        "name": "Seattle",
        "description": "The city of Seattle and its neighborhoods.",
    },
    {
        "slug": "south-king-county",
        "parent": "king-county",
        "name": "South King County",
        "description": (
            "Cities and communities in the southern part of King County, south of Seattle."
        ),
    },
    {
        "slug": "eastside",
        "parent": "king-county",
        "name": "Eastside",
        "description": ("Cities east of Lake Washington, such as Bellevue, Redmond and Kirkland."),
    },
    {
        "slug": "king-county",
        "name": "All of King County",
        "description": (
            "Efforts open to people anywhere in King County, Washington, Seattle included."
        ),
    },
    {
        "slug": "snohomish-county",
        "name": "Snohomish County",
        "description": "Our neighbor to the north, home to Everett.",
    },
    {
        "slug": "online",
        "name": "Online, from anywhere",
        "description": "Efforts you can join from home, wherever you live.",
    },
]

# Languages a listing is offered in (ISO 639-1 codes).
LANGUAGES = [
    {
        "code": "en",
        "name": "English",
        "native_name": "English",
    },
    {
        "code": "es",
        "name": "Spanish",
        "native_name": "Español",
    },
    {
        "code": "am",
        "name": "Amharic",
        "native_name": "አማርኛ",
    },
    {
        "code": "ti",
        "name": "Tigrinya",
        "native_name": "ትግርኛ",
    },
    {
        "code": "vi",
        "name": "Vietnamese",
        "native_name": "Tiếng Việt",
    },
]

# The groups and public bodies behind listings, as far as the seed names them.
ORGANIZATIONS = [
    {
        "slug": "seattle-covid-19-mutual-aid",
        "name": "Seattle COVID-19 Mutual Aid",
        "description": (
            "A volunteer network of Seattle neighbors, formed in response to the pandemic, "
            "that gets food and household supplies to people who need them and gives people "
            "who want to help a way to pitch in."
        ),
        "website": "",
    },
    {
        "slug": "south-king-county-eastside-mutual-aid",
        "name": "South King County & Eastside Mutual Aid",
        "description": (
            "A COVID-19 mutual aid effort for people living in South King County and on the "
            "Eastside, with its own form for asking volunteers for support."
        ),
        "website": "",
    },
    {
        "slug": "snohomish-county-mutual-aid",
        "name": "Snohomish County COVID-19 Mutual Aid",
        "description": (
            "A mutual aid group that brings together neighbors in Snohomish County, just north "
            "of King County, during the pandemic."
        ),
        "website": "",
    },
    {
        "slug": "this-cold-cold-world",
        "name": "this cold, cold world",
        "description": (
            "A group that takes donated supplies straight to people who are living without a "
            "home. You reach them on Facebook."
        ),
        "website": "",
    },
    {
        "slug": "public-health-seattle-king-county",
        "name": "Public Health – Seattle & King County",
        "description": (
            "The county's public health department. It runs a hotline for people with pressing "
            "questions about their health."
        ),
        "website": "",
    },
    {
        "slug": "king-county",
        "name": "King County",
        "description": (
            "The county government. During the pandemic it invited residents to share their "
            "experiences and to help officials follow the virus through a survey and testing "
            "at home."
        ),
        "website": "",
    },
    {
        "slug": "bloodworks-northwest",
        "name": "Bloodworks Northwest",
        "description": (
            "A nonprofit blood center in the Pacific Northwest where you can book an "
            "appointment to give blood."
        ),
        "website": "",
    },
    {
        "slug": "100-million-mask-project",
        "name": "100 Million Mask Project",
        "description": (
            "A volunteer effort that organizes people to make face masks and other protective "
            "equipment, with sewing machines or 3D printers."
        ),
        "website": "",
    },
    {
        "slug": "crafters-against-covid-19",
        "name": "Crafters Against COVID-19",
        "description": (
            "Facebook groups where people who sew or use 3D printers come together to produce "
            "masks and protective gear."
        ),
        "website": "",
    },
]
