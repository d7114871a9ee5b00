"""Demo directory listings: mutual aid groups, forms, resources and a hotline.

Written in our own words from the facts in the seed document
(shared/seed/mutual-aid-king-county.txt), one listing per item in its King County sections.
The seed gives no URLs, emails, phone numbers or hours, so those fields are empty strings.
"seed_label" holds the item's heading exactly as the seed words it; it is the only verbatim
seed text here and exists so a test can check that every seed item is covered.
"""

LISTINGS = [
    {
        "seed_label": "Seattle COVID-19 Mutual Aid “Request Support” Form",
        "type": "form",
        "slug": "seattle-request-support-form",
        "title": "Ask for food or supplies: Seattle COVID-19 Mutual Aid",
        "summary": (
            "Live in Seattle and need groceries or household supplies? Ask volunteers to bring "
            "them to your door. Offered in five languages."
        ),
        "description": [
            (
                "If you live in Seattle and are short of food or other supplies, this form "
                "lets you ask for help. Volunteers with Seattle COVID-19 Mutual Aid will leave "
                "what you need at your doorstep."
            ),
            "The form is offered in English, Spanish, Amharic, Tigrinya and Vietnamese.",
            (
                "There is no shame in asking. In mutual aid, everyone gives and everyone "
                "receives at different times."
            ),
        ],
        "direction": "get",
        "needs": ["food", "supplies"],
        "areas": ["seattle"],
        "languages": ["en", "es", "am", "ti", "vi"],
        "organization": "seattle-covid-19-mutual-aid",
        "audience": "Anyone in Seattle who needs food or supplies delivered",
        "website": "",
        "email": "",
        "phone": "",
        "mailing_list_name": "",
        "mailing_list_url": "",
        "social": [],
        "purpose": "request_support",
    },
    {
        "seed_label": "Seattle COVID-19 Mutual Aid “Volunteer” Form",
        "type": "form",
        "slug": "seattle-volunteer-form",
        "title": "Volunteer to deliver: Seattle COVID-19 Mutual Aid",
        "summary": (
            "Sign up to carry food and supplies to Seattle neighbors who have asked for help."
        ),
        "description": [
            (
                "Seattle COVID-19 Mutual Aid pairs neighbors who have asked for groceries and "
                "essentials with volunteers who can bring them. This form is how you offer "
                "your time."
            ),
            (
                "The sign-up form comes in English, Spanish, Amharic, Tigrinya and Vietnamese, "
                "so more of the city can take part."
            ),
        ],
        "direction": "give",
        "needs": ["food", "supplies", "transportation"],
        "areas": ["seattle"],
        "languages": ["en", "es", "am", "ti", "vi"],
        "organization": "seattle-covid-19-mutual-aid",
        "audience": "Seattle residents with time to make food and supply deliveries",
        "website": "",
        "email": "",
        "phone": "",
        "mailing_list_name": "",
        "mailing_list_url": "",
        "social": [],
        "purpose": "volunteer",
    },
    {
        "seed_label": (
            "COVID-19/ Coronavirus South King County & Eastside Mutual Aid “Request Support” Form"
        ),
        "type": "form",
        "slug": "south-king-county-eastside-request-form",
        "title": "Ask for help: South King County & Eastside Mutual Aid",
        "summary": (
            "A form for people in South King County or on the Eastside to tell local mutual "
            "aid volunteers what they need."
        ),
        "description": [
            (
                "This request form belongs to the COVID-19 mutual aid effort that covers South "
                "King County and the Eastside. Use it to let volunteers near you know what "
                "kind of support would help."
            ),
            (
                "If you live in Seattle itself, the Seattle COVID-19 Mutual Aid request form "
                "is the closer match."
            ),
        ],
        "direction": "get",
        "needs": ["food", "supplies"],
        "areas": ["south-king-county", "eastside"],
        "languages": ["en"],
        "organization": "south-king-county-eastside-mutual-aid",
        "audience": "People in South King County and on the Eastside who need support",
        "website": "",
        "email": "",
        "phone": "",
        "mailing_list_name": "",
        "mailing_list_url": "",
        "social": [],
        "purpose": "request_support",
    },
    {
        "seed_label": (
            "COVID-19 Seattle Small Business Assistance and Financial Help for Immigrants"
        ),
        "type": "resource",
        "slug": "seattle-small-business-immigrant-help",
        "title": "Money help for small businesses and immigrants in Seattle",
        "summary": (
            "Where Seattle small business owners and immigrant households can look for "
            "financial relief during COVID-19."
        ),
        "description": [
            (
                "The pandemic has been especially hard on small businesses and on immigrant "
                "families. This resource brings together assistance and financial help meant "
                "for them in Seattle."
            ),
            "Use it to see which kinds of support might fit your situation before you apply.",
        ],
        "direction": "get",
        "needs": ["money", "small-business"],
        "areas": ["seattle"],
        "languages": ["en"],
        "organization": "",
        "audience": "Small business owners and immigrants in Seattle who need financial help",
        "website": "",
        "email": "",
        "phone": "",
        "mailing_list_name": "",
        "mailing_list_url": "",
        "social": [],
        "resource_kind": "fund",
        "how_to_take_part": (
            "Look through the resource for the kinds of assistance that match your situation, "
            "then follow each program's own steps to apply."
        ),
    },
    {
        "seed_label": "Snohomish County COVID/Coronavirus Mutual Aid Group",
        "type": "group",
        "slug": "snohomish-county-mutual-aid-group",
        "title": "Snohomish County COVID-19 Mutual Aid Group",
        "summary": (
            "A mutual aid group where neighbors just north of King County offer help and ask "
            "for it."
        ),
        "description": [
            (
                "Live in Snohomish County? This group connects neighbors there so they can "
                "share what they have and ask for what they need during the pandemic."
            ),
        ],
        "direction": "both",
        "needs": [],
        "areas": ["snohomish-county"],
        "languages": ["en"],
        "organization": "snohomish-county-mutual-aid",
        "audience": "People living in Snohomish County",
        "website": "",
        "email": "",
        "phone": "",
        "mailing_list_name": "",
        "mailing_list_url": "",
        "social": [],
    },
    {
        "seed_label": "Instagram: @covid19mutualaid",
        "type": "group",
        "slug": "seattle-covid-19-mutual-aid",
        "title": "Seattle COVID-19 Mutual Aid",
        "summary": (
            "Seattle's neighbor-to-neighbor network for food and supplies. Follow it on "
            "Instagram or join its announcements list."
        ),
        "description": [
            (
                "Seattle COVID-19 Mutual Aid is the network behind the Seattle request and "
                "volunteer forms. Neighbors organize together so that people who need food and "
                "supplies get them."
            ),
            (
                "To keep up with its news, follow @covid19mutualaid on Instagram or join the "
                "group's Google group, where it posts announcements."
            ),
        ],
        "direction": "both",
        "needs": ["food", "supplies"],
        "areas": ["seattle"],
        "languages": ["en"],
        "organization": "seattle-covid-19-mutual-aid",
        "audience": "Seattle neighbors who need help or want to give it",
        "website": "",
        "email": "",
        "phone": "",
        "mailing_list_name": "Announcements Google Group",
        "mailing_list_url": "",
        "social": [
            {
                "platform": "instagram",
                "handle": "@covid19mutualaid",
                "url": "",
            },
        ],
    },
    {
        "seed_label": "this cold, cold world",
        "type": "group",
        "slug": "this-cold-cold-world",
        "title": "this cold, cold world: supplies for unhoused neighbors",
        "summary": (
            "Have supplies to give? This Facebook group gets them straight to people living "
            "without a home."
        ),
        "description": [
            (
                "“this cold, cold world” takes donated supplies and puts them directly into "
                "the hands of people who are living outside or without a stable home."
            ),
            (
                "The group is reached through Facebook. Send a message there to find out what "
                "is needed right now and how to hand it over."
            ),
        ],
        "direction": "give",
        "needs": ["supplies"],
        "areas": ["king-county"],
        "languages": ["en"],
        "organization": "this-cold-cold-world",
        "audience": "Anyone with supplies to give to people experiencing homelessness",
        "website": "",
        "email": "",
        "phone": "",
        "mailing_list_name": "",
        "mailing_list_url": "",
        "social": [
            {
                "platform": "facebook",
                "handle": "this cold, cold world",
                "url": "",
            },
        ],
    },
    {
        "seed_label": "COVID-19 Survival Fund for the People",
        "type": "resource",
        "slug": "covid-19-survival-fund",
        "title": "COVID-19 Survival Fund for the People",
        "summary": (
            "A community fund you can give money to, to help people get through the hardship "
            "of the pandemic."
        ),
        "description": [
            (
                "Money is one of the most flexible ways to help, because it lets people cover "
                "whatever they need most."
            ),
            (
                "This fund pools contributions from the community. Any amount you can spare "
                "makes a difference."
            ),
        ],
        "direction": "give",
        "needs": ["money"],
        "areas": ["king-county"],
        "languages": ["en"],
        "organization": "",
        "audience": "Anyone who can spare money to support people through COVID-19",
        "website": "",
        "email": "",
        "phone": "",
        "mailing_list_name": "",
        "mailing_list_url": "",
        "social": [],
        "resource_kind": "fund",
        "how_to_take_part": "Give whatever amount you can to the fund. Small gifts add up.",
    },
    {
        "seed_label": "Other Ways to Support Creatives",
        "type": "resource",
        "slug": "support-creatives",
        "title": "More ways to support creatives",
        "summary": (
            "Ideas for backing local artists and other creative workers through the pandemic."
        ),
        "description": [
            (
                "Artists and other creative people help make a place feel like home, and many "
                "of them have been hit hard by COVID-19."
            ),
            "This resource gathers further ways you can stand behind them.",
        ],
        "direction": "give",
        "needs": ["money"],
        "areas": ["king-county"],
        "languages": ["en"],
        "organization": "",
        "audience": "People who want to support artists and creative workers",
        "website": "",
        "email": "",
        "phone": "",
        "mailing_list_name": "",
        "mailing_list_url": "",
        "social": [],
        "resource_kind": "way_to_help",
        "how_to_take_part": (
            "Read through the suggestions and choose one or two that suit your budget and your "
            "time."
        ),
    },
    {
        "seed_label": "King County COVID-19 Community Study",
        "type": "resource",
        "slug": "king-county-covid-19-community-study",
        "title": "King County COVID-19 Community Study",
        "summary": (
            "Share how the pandemic has affected you and your family, so the county learns how "
            "people are getting by."
        ),
        "description": [
            (
                "This study gathers facts and personal accounts of how COVID-19 has changed "
                "life for people, households and communities across King County."
            ),
            (
                "It also wants to understand how people are adjusting and coping. Adding your "
                "experience helps build a fuller picture of the county during the pandemic."
            ),
        ],
        "direction": "give",
        "needs": [],
        "areas": ["king-county"],
        "languages": ["en"],
        "organization": "king-county",
        "audience": "King County residents willing to share their experience of the pandemic",
        "website": "",
        "email": "",
        "phone": "",
        "mailing_list_name": "",
        "mailing_list_url": "",
        "social": [],
        "resource_kind": "study",
        "how_to_take_part": (
            "Take part by sharing some information about yourself and, if you wish, your own "
            "story of living through the pandemic."
        ),
    },
    {
        "seed_label": "Help track the virus",
        "type": "form",
        "slug": "help-track-the-virus",
        "title": "Help track the virus: survey and testing at home",
        "summary": (
            "Answer a short survey and sign up to test at home, so county officials get a "
            "clearer picture of the pandemic."
        ),
        "description": [
            (
                "Officials can only respond well to the pandemic if they know what is "
                "happening in people's homes and neighborhoods."
            ),
            "You can help by filling in the survey and signing up for a test you take at home.",
        ],
        "direction": "give",
        "needs": ["health"],
        "areas": ["king-county"],
        "languages": ["en"],
        "organization": "king-county",
        "audience": "King County residents who want to help officials follow the virus",
        "website": "",
        "email": "",
        "phone": "",
        "mailing_list_name": "",
        "mailing_list_url": "",
        "social": [],
        "purpose": "survey",
    },
    {
        "seed_label": "Find the Masks",
        "type": "resource",
        "slug": "find-the-masks",
        "title": "Find the Masks: donate spare N95s",
        "summary": (
            "Unused N95 masks may be sitting in your garage, toolbox or emergency kit. Donate "
            "them to people who need them."
        ),
        "description": [
            (
                "Many households have N95 masks tucked away and forgotten. Before they gather "
                "more dust, check the basement, the workshop and the emergency kit."
            ),
            (
                "Find the Masks asks people to hand over the masks they find, so they can "
                "protect someone else."
            ),
        ],
        "direction": "give",
        "needs": ["masks"],
        "areas": ["king-county"],
        "languages": ["en"],
        "organization": "",
        "audience": "Anyone with unused N95 masks at home",
        "website": "",
        "email": "",
        "phone": "",
        "mailing_list_name": "",
        "mailing_list_url": "",
        "social": [],
        "resource_kind": "way_to_help",
        "how_to_take_part": ("Search your home for unused N95 masks and donate the ones you find."),
    },
    {
        "seed_label": "100 Million Mask Project",
        "type": "resource",
        "slug": "100-million-mask-project",
        "title": "100 Million Mask Project",
        "summary": (
            "Can you sew, or do you have a 3D printer? Help make masks and protective equipment."
        ),
        "description": [
            (
                "The 100 Million Mask Project brings together volunteers who make face masks "
                "and other personal protective equipment."
            ),
            (
                "If you can sew, or you have access to a 3D printer, your skills are needed. "
                "The project organizes people through Facebook."
            ),
        ],
        "direction": "give",
        "needs": ["masks"],
        "areas": ["king-county", "online"],
        "languages": ["en"],
        "organization": "100-million-mask-project",
        "audience": "People who can sew or 3D-print masks and protective equipment",
        "website": "",
        "email": "",
        "phone": "",
        "mailing_list_name": "",
        "mailing_list_url": "",
        "social": [
            {
                "platform": "facebook",
                "handle": "100 Million Mask Project",
                "url": "",
            },
        ],
        "resource_kind": "way_to_help",
        "how_to_take_part": (
            "Join the project's Facebook group and follow its guidance on what to make."
        ),
    },
    {
        "seed_label": "Crafters Against COVID-19",
        "type": "resource",
        "slug": "crafters-against-covid-19",
        "title": "Crafters Against COVID-19",
        "summary": (
            "Facebook groups for makers who sew or 3D-print masks and other protective gear."
        ),
        "description": [
            (
                "Crafters Against COVID-19 gathers sewers, 3D printer owners and other makers "
                "on Facebook to produce masks and personal protective equipment."
            ),
            "It is a good fit if you already have the tools and a little spare time.",
        ],
        "direction": "give",
        "needs": ["masks"],
        "areas": ["king-county", "online"],
        "languages": ["en"],
        "organization": "crafters-against-covid-19",
        "audience": "Makers who can sew or 3D-print protective equipment",
        "website": "",
        "email": "",
        "phone": "",
        "mailing_list_name": "",
        "mailing_list_url": "",
        "social": [
            {
                "platform": "facebook",
                "handle": "Crafters Against COVID-19",
                "url": "",
            },
        ],
        "resource_kind": "way_to_help",
        "how_to_take_part": (
            "Join one of the Crafters Against COVID-19 Facebook groups and check what is "
            "needed before you start making."
        ),
    },
    {
        "seed_label": "Bloodworks Northwest",
        "type": "resource",
        "slug": "bloodworks-northwest",
        "title": "Give blood with Bloodworks Northwest",
        "summary": (
            "Giving blood is essential, pandemic or not. Book an appointment to donate with "
            "Bloodworks Northwest."
        ),
        "description": [
            (
                "Hospitals rely on a steady supply of donated blood, and that need does not "
                "stop during a pandemic."
            ),
            (
                "Bloodworks Northwest collects donations in our region. You book your visit "
                "ahead of time."
            ),
        ],
        "direction": "give",
        "needs": [],
        "areas": ["king-county"],
        "languages": ["en"],
        "organization": "bloodworks-northwest",
        "audience": "People who are healthy and eligible to give blood",
        "website": "",
        "email": "",
        "phone": "",
        "mailing_list_name": "",
        "mailing_list_url": "",
        "social": [],
        "resource_kind": "way_to_help",
        "how_to_take_part": "Schedule a blood donation appointment with Bloodworks Northwest.",
    },
    {
        "seed_label": "King County Public Health Hotline",
        "type": "hotline",
        "slug": "king-county-public-health-hotline",
        "title": "King County Public Health Hotline",
        "summary": (
            "Have an urgent question about your health or COVID-19? Call the county's public "
            "health hotline."
        ),
        "description": [
            (
                "If a health question can't wait, the county's public health hotline can help "
                "you understand what to do next."
            ),
            "In a medical emergency, call 911.",
        ],
        "direction": "get",
        "needs": ["health"],
        "areas": ["king-county"],
        "languages": ["en"],
        "organization": "public-health-seattle-king-county",
        "audience": "Anyone in King County with an immediate health question",
        "website": "",
        "email": "",
        "phone": "",
        "mailing_list_name": "",
        "mailing_list_url": "",
        "social": [],
        "call_about": ("Pressing questions about your health, including questions about COVID-19."),
        "hours_text": "",
    },
]
