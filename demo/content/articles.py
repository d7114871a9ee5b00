"""Demo articles: what mutual aid is, its history, how networks run and how to get involved.

Written in our own words from the facts in the seed document
(shared/seed/mutual-aid-king-county.txt), plus a few well-known public facts. The seed's own
quotations are paraphrased and attributed, not reproduced. Body blocks are (block_type, value)
tuples: "heading", "paragraph" (rich text: <p>, <a>, <strong>, <em>), "quote", "callout" and
"timeline".
"""

ARTICLES = [
    {
        "slug": "what-is-mutual-aid",
        "title": "What is mutual aid?",
        "kind": "explainer",
        "summary": (
            "Mutual aid is neighbors pooling what they have so nobody faces hard times alone. "
            "Here is what it means, and how it differs from charity."
        ),
        "topics": ["mutual aid", "solidarity", "charity", "community", "covid-19"],
        "related_listings": [
            "seattle-request-support-form",
            "south-king-county-eastside-request-form",
            "seattle-volunteer-form",
            "king-county-public-health-hotline",
        ],
        "body": [
            ("heading", "Neighbors looking after neighbors"),
            (
                "paragraph",
                (
                    "<p>If you have been looking for help during COVID-19, or for a way to "
                    "help other people, you have probably come across the words “mutual aid.” "
                    "They describe a simple idea: people in a community pool what they have, "
                    "so that nobody is left to get through hard times alone.</p>"
                    "<p>Mutual aid is built on solidarity. People who are up against the same "
                    "problem decide to face it together, instead of each person coping on "
                    "their own as best they can.</p>"
                ),
            ),
            ("heading", "Everyone gives, everyone receives"),
            (
                "paragraph",
                (
                    "<p>At the heart of mutual aid is a belief that every person has something "
                    "to offer, and every person needs something too. Those roles aren’t fixed. "
                    "The neighbor who drops off your groceries this week may need a lift to a "
                    "doctor’s appointment next month.</p>"
                    "<p>What people offer comes in many shapes. Some share "
                    "<strong>things</strong>: food, household supplies or money. Others share "
                    "<strong>skills and time</strong>: driving someone to a clinic, or "
                    "collecting a prescription for a person who can’t leave the house. The "
                    "network gathers these offers and passes them on to whoever in the "
                    "community is going without.</p>"
                ),
            ),
            (
                "callout",
                {
                    "title": "Small offers count",
                    "text": (
                        "<p>You don’t need money to take part. An hour behind the wheel, a "
                        "spare bag of rice or a phone call to check on someone living alone "
                        "are all mutual aid.</p>"
                    ),
                    "tone": "tip",
                },
            ),
            ("heading", "Solidarity, not charity"),
            (
                "paragraph",
                (
                    "<p>Mutual aid is often compared with charity, and the difference matters. "
                    "In charity the relationship usually runs one way: an organization hands "
                    "out help, and recipients take it. That can soften the effects of "
                    "inequality, but it rarely reaches the reasons people are struggling in "
                    "the first place.</p>"
                    "<p>Mutual aid runs side to side rather than top-down. People support one "
                    "another as equals, and along the way they build trust and a community "
                    "that can keep itself going. As the organizer and prison abolitionist "
                    "Mariame Kaba told <em>The New Yorker</em>, this is not about doing good "
                    "deeds for their own sake; it is about meeting people’s real, material "
                    "needs.</p>"
                ),
            ),
            ("heading", "An old practice, newly noticed"),
            (
                "paragraph",
                (
                    "<p>None of this is new. Communities that have had fewer resources and "
                    "less support from institutions, including Black, Indigenous and other "
                    "communities of color, immigrant communities and LGBTQ communities, have "
                    "organized like this for generations, often because nobody else would show "
                    "up for them.</p>"
                    "<p>What changed with COVID-19 was how many people noticed. The pandemic, "
                    "and the hardship it brought, pushed mutual aid into the mainstream. "
                    "People who had never heard the term began delivering groceries, sewing "
                    "masks and raising money for the family down the street.</p>"
                ),
            ),
            ("heading", "More than a crisis response"),
            (
                "paragraph",
                (
                    "<p>Plenty of mutual aid groups were born in an emergency, but getting "
                    "through one emergency is not the whole point. When people turn up for "
                    "each other week after week, they form relationships that last beyond the "
                    "crisis.</p>"
                    "<p>Those bonds leave a neighborhood better prepared the next time "
                    "something goes wrong. They also make ordinary life a little less "
                    "lonely.</p>"
                ),
            ),
            (
                "callout",
                {
                    "title": "Need help now?",
                    "text": (
                        "<p>If you live in Seattle and need food or supplies, you can use the "
                        "<strong>Seattle COVID-19 Mutual Aid request form</strong>, which "
                        "comes in English, Spanish, Amharic, Tigrinya and Vietnamese. People "
                        "in South King County and on the Eastside have a request form of their "
                        "own. For a pressing health question, contact the <strong>King County "
                        "Public Health Hotline</strong>. All three are in our directory.</p>"
                    ),
                    "tone": "urgent",
                },
            ),
            ("heading", "Where to go from here"),
            (
                "paragraph",
                (
                    "<p>Read our short history of mutual aid to see how far back the idea "
                    "goes, or find out how a network actually runs from day to day. When you "
                    "are ready, browse the directory for groups near you, whether you need a "
                    "hand or have one to lend.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "history-of-mutual-aid",
        "title": "A short history of mutual aid",
        "kind": "history",
        "summary": (
            "From medieval guilds to the Black Panthers’ breakfasts and the COVID-19 networks "
            "of 2020, people have always pulled together to survive."
        ),
        "topics": ["history", "kropotkin", "black panthers", "young lords", "disaster relief"],
        "related_listings": [
            "seattle-covid-19-mutual-aid",
            "covid-19-survival-fund",
            "100-million-mask-project",
        ],
        "body": [
            ("heading", "Where the name comes from"),
            (
                "paragraph",
                (
                    "<p>We owe the phrase “mutual aid” to Peter Kropotkin, a Russian thinker "
                    "and one of the best-known anarchists of the 19th century. He shaped the "
                    "idea while travelling through the wild, remote country of Siberia.</p>"
                    "<p>Kropotkin set out expecting to find what many readers of Charles "
                    "Darwin took for granted: a natural world run mainly on competition, with "
                    "each creature fighting the rest to stay alive. What he saw instead was "
                    "cooperation. Over and over, animals met the brutal climate together, and "
                    "working as a group was what let them survive it.</p>"
                    "<p>He made his case in a book of essays published in 1902, <em>Mutual "
                    "Aid: A Factor of Evolution</em>. His conclusion, in short, was that over "
                    "time a species gains far more from solidarity among its members than from "
                    "individuals who prey on one another.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Don't compete! — competition is always injurious to the species, and "
                        "you have plenty of resources to avoid it!"
                    ),
                    "attribution": "Peter Kropotkin, Mutual Aid: A Factor of Evolution (1902)",
                },
            ),
            ("heading", "People have always organized this way"),
            (
                "paragraph",
                (
                    "<p>Kropotkin gave the practice a name, but people were doing it long "
                    "before him and have gone on doing it since. The timeline below traces "
                    "some well-known examples. Dates for the earliest ones are approximate.</p>"
                ),
            ),
            (
                "timeline",
                [
                    {
                        "date_label": "Middle Ages",
                        "year": 1200,
                        "title": "Craft guilds",
                        "text": (
                            "People who worked in the same trade formed guilds to stand up for "
                            "the interests they shared."
                        ),
                    },
                    {
                        "date_label": "1700s–1800s",
                        "year": 1750,
                        "title": "Friendly societies in Europe",
                        "text": (
                            "All over Europe, working people joined friendly societies, paying "
                            "small sums into a shared pot so members could count on help when "
                            "times were hard."
                        ),
                    },
                    {
                        "date_label": "1902",
                        "year": 1902,
                        "title": "Kropotkin names the idea",
                        "text": (
                            "Peter Kropotkin publishes Mutual Aid: A Factor of Evolution, "
                            "arguing that cooperation is a driving force in nature, drawing on "
                            "what he saw in Siberia."
                        ),
                    },
                    {
                        "date_label": "1930s",
                        "year": 1930,
                        "title": "Fraternal societies in the Great Depression",
                        "text": (
                            "In the United States, fraternal societies made sure their members "
                            "had cover for health care, life insurance and the cost of a "
                            "funeral."
                        ),
                    },
                    {
                        "date_label": "1969",
                        "year": 1969,
                        "title": "Free breakfast for children",
                        "text": (
                            "In Oakland, the Black Panthers started a free breakfast program. "
                            "In its first year it fed 20,000 children in 19 cities."
                        ),
                    },
                    {
                        "date_label": "1970s",
                        "year": 1970,
                        "title": "The Young Lords",
                        "text": (
                            "Organizing for Puerto Ricans, Latinos and other colonized people "
                            "in the US, the Young Lords served free breakfasts, ran clinics "
                            "for health and dental care, opened child care centers and "
                            "collected clothing for those in need."
                        ),
                    },
                    {
                        "date_label": "1980s",
                        "year": 1980,
                        "title": "Food Not Bombs",
                        "text": (
                            "Beginning in Cambridge, Massachusetts, in the early 1980s, Food "
                            "Not Bombs shared free meals as a protest against war, poverty and "
                            "harm to the environment."
                        ),
                    },
                    {
                        "date_label": "2005",
                        "year": 2005,
                        "title": "Common Ground after Hurricane Katrina",
                        "text": (
                            "In New Orleans, the Common Ground Collective set up centers to "
                            "hand out aid, medical clinics and programs to rebuild. It also "
                            "offered computer access and legal advice."
                        ),
                    },
                    {
                        "date_label": "2012",
                        "year": 2012,
                        "title": "Hurricane Sandy and later storms",
                        "text": (
                            "Neighbors organized relief in the same spirit after Hurricane "
                            "Sandy, and again after more recent storms across the Southeast."
                        ),
                    },
                    {
                        "date_label": "2020",
                        "year": 2020,
                        "title": "COVID-19",
                        "text": (
                            "The pandemic brings mutual aid to wide public attention, as new "
                            "networks spring up in cities and towns, King County among them."
                        ),
                    },
                ],
            ),
            ("heading", "What these efforts share"),
            (
                "paragraph",
                (
                    "<p>On the surface these efforts look very different. Some offered a kind "
                    "of insurance, some cooked breakfast, some helped rebuild homes after a "
                    "flood. What ties them together is who did the work: people facing the "
                    "same hardship, organizing to meet their own needs rather than waiting for "
                    "someone to rescue them.</p>"
                    "<p>Many grew out of communities that mainstream institutions had "
                    "overlooked or shut out. The Black Panthers and the Young Lords fed "
                    "children and ran clinics in neighborhoods where public services fell "
                    "short. Common Ground stepped in while a whole city struggled to "
                    "recover.</p>"
                ),
            ),
            ("heading", "The same idea, today"),
            (
                "paragraph",
                (
                    "<p>When COVID-19 arrived, the same instinct took over once again. Groups "
                    "in Seattle and across King County began delivering groceries, collecting "
                    "money and sewing masks. Whether they knew it or not, they were joining a "
                    "very long line.</p>"
                    "<p>Kropotkin’s point still holds. A community that looks after its "
                    "members is stronger, and better able to weather the next storm, than one "
                    "where everyone is left to fend for themselves.</p>"
                ),
            ),
            (
                "callout",
                {
                    "title": "Find a group near you",
                    "text": (
                        "<p>Our directory lists mutual aid groups, forms and resources in "
                        "Seattle, King County and nearby, with the languages each one "
                        "offers.</p>"
                    ),
                    "tone": "info",
                },
            ),
        ],
    },
    {
        "slug": "how-mutual-aid-networks-work",
        "title": "How mutual aid networks work",
        "kind": "explainer",
        "summary": (
            "Mutual aid networks are run by the communities they serve. Here is how they "
            "usually start, what they do, and what keeps them going."
        ),
        "topics": ["mutual aid", "organizing", "volunteering", "networks"],
        "related_listings": [
            "seattle-covid-19-mutual-aid",
            "seattle-request-support-form",
            "seattle-volunteer-form",
            "south-king-county-eastside-request-form",
            "this-cold-cold-world",
        ],
        "body": [
            ("heading", "Run by the community, for the community"),
            (
                "paragraph",
                (
                    "<p>A mutual aid network has no head office. The people who organize it "
                    "and the people who volunteer for it come from the very community it "
                    "serves. Often the same person asks for help one week and offers it the "
                    "next.</p>"
                    "<p>That is also why no two networks look alike. Each one takes its shape "
                    "from what its members need and from the kind of group they are. A network "
                    "in a busy city neighborhood might focus on grocery runs, while a rural "
                    "one might organize long-distance rides.</p>"
                ),
            ),
            ("heading", "It often starts with a shared document"),
            (
                "paragraph",
                (
                    "<p>Many of the networks that appeared during the pandemic began with free "
                    "online tools and little else. Someone opened a Google Doc, a Facebook "
                    "group or a Slack workspace, and neighbors started talking about how they "
                    "could look out for one another close to home.</p>"
                    "<p>From there, the pattern tends to be similar:</p>"
                    "<p><strong>Collect offers and requests.</strong> A simple form asks "
                    "people what they can give and what they need.</p>"
                    "<p><strong>Match them up.</strong> Volunteers connect each request with "
                    "someone nearby who can meet it.</p>"
                    "<p><strong>Share what you know.</strong> The group passes on news, "
                    "resources and tips, so everyone knows where to turn.</p>"
                ),
            ),
            ("heading", "What it looks like in practice"),
            (
                "paragraph",
                (
                    "<p>Mutual aid is as varied as the people doing it. A few examples from "
                    "recent years show how much ground it can cover.</p>"
                    "<p><strong>Bed-Stuy Strong, Brooklyn.</strong> This network in the "
                    "Bedford-Stuyvesant neighborhood formed in response to the pandemic. Later "
                    "it took on more: members have cleaned up local streets and put up flyers "
                    "urging neighbors to complete their census forms.</p>"
                    "<p><strong>Support for protesters.</strong> During the Black Lives Matter "
                    "demonstrations of 2020, mutual aid networks kept protesters supplied with "
                    "snacks and other essentials.</p>"
                    "<p><strong>The Okra Project.</strong> In the summer of 2020 this "
                    "grassroots collective set up emergency mutual aid funds, so that Black "
                    "trans people could pay for therapy with licensed Black therapists.</p>"
                ),
            ),
            (
                "callout",
                {
                    "title": "A network can change with its community",
                    "text": (
                        "<p>A group doesn’t have to stick to one task forever. Once people "
                        "trust each other, they can turn that trust toward whatever their "
                        "neighborhood needs next.</p>"
                    ),
                    "tone": "info",
                },
            ),
            ("heading", "Here in King County"),
            (
                "paragraph",
                (
                    "<p>Seattle COVID-19 Mutual Aid shows how the pieces fit together locally. "
                    "Neighbors who need food or supplies fill in a request form, which is "
                    "available in English, Spanish, Amharic, Tigrinya and Vietnamese. "
                    "Volunteers sign up through a separate form and carry out the deliveries. "
                    "The group shares news on Instagram and through an announcements mailing "
                    "list.</p>"
                    "<p>Other efforts nearby each take on one part of the work: a request form "
                    "for South King County and the Eastside, a Facebook group that gets "
                    "supplies to people without a home, a fund you can give to, and groups "
                    "that make masks and protective gear.</p>"
                ),
            ),
            ("heading", "What keeps a network going"),
            (
                "paragraph",
                (
                    "<p>Networks last when people feel respected. That means listening to what "
                    "neighbors say they need instead of guessing, keeping personal details "
                    "private, and making it just as easy to ask for help as it is to offer "
                    "it.</p>"
                    "<p>It also means remembering that the people who receive help are not "
                    "clients. They are members, with their own knowledge and gifts to "
                    "bring.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "get-involved-or-start-a-network",
        "title": "How to get involved, or start your own network",
        "kind": "how_to",
        "summary": (
            "Find a mutual aid group near you, choose how you want to help, or start a network "
            "with your neighbors using a few simple steps."
        ),
        "topics": ["getting involved", "volunteering", "organizing", "donating"],
        "related_listings": [
            "seattle-volunteer-form",
            "seattle-covid-19-mutual-aid",
            "covid-19-survival-fund",
            "find-the-masks",
            "king-county-covid-19-community-study",
        ],
        "body": [
            ("heading", "Finding a group"),
            (
                "paragraph",
                (
                    "<p>Nobody keeps a full, official list of every mutual aid effort in the "
                    "country. Groups start, merge and wind down all the time, and many exist "
                    "only as a sign-up form or a social media page. This portal is our attempt "
                    "to gather the efforts in and around King County in one place.</p>"
                    "<p>If you can’t find what you are looking for here, search online and on "
                    "social media for “mutual aid” together with the name of your town or "
                    "neighborhood. Local community organizers are good people to ask, too: "
                    "they usually know which groups are active.</p>"
                ),
            ),
            (
                "callout",
                {
                    "title": "Search tips",
                    "text": (
                        "<p>Try your neighborhood, your city and your county by name. Look for "
                        "Facebook groups, Instagram accounts and sign-up forms as well as "
                        "websites, because many groups don’t have a site of their own.</p>"
                    ),
                    "tone": "tip",
                },
            ),
            ("heading", "Ways to take part"),
            (
                "paragraph",
                (
                    "<p>How you join in is your choice, and there is no wrong place to "
                    "start.</p>"
                    "<p><strong>Give money.</strong> A community fund, like the one called "
                    "COVID-19 Survival Fund for the People, turns small gifts into real "
                    "help.</p>"
                    "<p><strong>Give time.</strong> Sign up to deliver food and supplies, for "
                    "example through the Seattle COVID-19 Mutual Aid volunteer form.</p>"
                    "<p><strong>Give things.</strong> Spare N95 masks, household supplies or "
                    "the use of a sewing machine can go a long way.</p>"
                    "<p><strong>Share your experience.</strong> The King County COVID-19 "
                    "Community Study wants to hear how the pandemic has affected people "
                    "here.</p>"
                    "<p>Once you sign up, a group may ask you to come to an orientation or a "
                    "meeting first. That’s a good sign: it means they want new people to "
                    "understand how they work.</p>"
                ),
            ),
            ("heading", "Starting a network with your neighbors"),
            (
                "paragraph",
                (
                    "<p>If nothing exists where you live, you can start something yourself. "
                    "You don’t need permission, funding or a formal organization. These steps "
                    "are a sensible place to begin.</p>"
                    "<p><strong>1. Start small.</strong> Begin with your block, your building "
                    "or a handful of streets. Trust grows more easily among people who can "
                    "actually reach each other.</p>"
                    "<p><strong>2. Ask before you act.</strong> Talk to neighbors about what "
                    "they need and what they could offer, and let their answers shape what you "
                    "do.</p>"
                    "<p><strong>3. Set up two simple tools.</strong> A shared sign-up form for "
                    "offers and requests, and a group chat or email list so people can stay in "
                    "touch.</p>"
                    "<p><strong>4. Match offers with requests.</strong> Ask one or two people "
                    "to look at new requests every day and pair each one with a volunteer "
                    "close by.</p>"
                    "<p><strong>5. Protect people’s privacy.</strong> Collect only the details "
                    "you need, keep them where only organizers can see them, and never post "
                    "anyone’s name, address or situation in public.</p>"
                    "<p><strong>6. Check in regularly.</strong> Meet, even briefly, to talk "
                    "about what is working, who is getting tired and which needs have "
                    "changed.</p>"
                ),
            ),
            (
                "callout",
                {
                    "title": "Keep everyone safe",
                    "text": (
                        "<p>Agree on a few ground rules early on: how handoffs happen, what "
                        "volunteers should never be asked to do, and who to contact if "
                        "something goes wrong. If someone tells you they are in danger or "
                        "having a medical emergency, call 911.</p>"
                    ),
                    "tone": "urgent",
                },
            ),
            ("heading", "Remember why you started"),
            (
                "paragraph",
                (
                    "<p>Mutual aid is not about being a hero or running a perfect operation. "
                    "It is about building relationships in which everyone gives and everyone "
                    "receives. Your network doesn’t have to be big to matter: a few neighbors "
                    "who reliably show up for each other are already doing the work.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "other-ways-to-support-your-community",
        "title": "Other ways to support your community",
        "kind": "how_to",
        "summary": (
            "Share your experience, make or donate masks, give blood and back local creatives: "
            "ways to help beyond joining a mutual aid group."
        ),
        "topics": ["volunteering", "masks", "blood donation", "health", "creatives"],
        "related_listings": [
            "king-county-covid-19-community-study",
            "help-track-the-virus",
            "100-million-mask-project",
            "bloodworks-northwest",
            "crafters-against-covid-19",
            "find-the-masks",
            "support-creatives",
            "king-county-public-health-hotline",
        ],
        "body": [
            ("heading", "Helping beyond mutual aid groups"),
            (
                "paragraph",
                (
                    "<p>Not every way of looking after your community runs through a mutual "
                    "aid group. During the pandemic, several other efforts in and around King "
                    "County asked people for their time, their skills, their stories and even "
                    "their blood. Here is a round-up of them.</p>"
                ),
            ),
            ("heading", "Share your experience"),
            (
                "paragraph",
                (
                    "<p>The <strong>King County COVID-19 Community Study</strong> is gathering "
                    "facts and personal accounts of how the pandemic has changed life for "
                    "people, households and communities in the county. It also wants to learn "
                    "how people are adjusting and getting by.</p>"
                    "<p>Studies like this depend on ordinary residents taking part. The more "
                    "people who respond, from more neighborhoods and backgrounds, the more "
                    "closely the findings reflect what life here has really been like.</p>"
                    "<p>You can also <strong>help track the virus</strong>. Filling in a "
                    "survey and signing up for a test you take at home gives county officials "
                    "a clearer view of what is going on.</p>"
                ),
            ),
            ("heading", "Masks and protective gear"),
            (
                "paragraph",
                (
                    "<p>Take a look in your basement, your garage, your toolbox and your "
                    "emergency kit. You may have N95 masks left over from an old project. The "
                    "<strong>Find the Masks</strong> effort asks people to donate them so they "
                    "can protect someone else.</p>"
                    "<p>If you sew or own a 3D printer, you can make equipment too. The "
                    "<strong>100 Million Mask Project</strong> and the <strong>Crafters "
                    "Against COVID-19</strong> Facebook groups both organize volunteers to "
                    "produce masks and other personal protective equipment.</p>"
                    "<p>Sewing a batch of masks at the kitchen table is mutual aid just as "
                    "much as delivering groceries is. It puts a skill you already have to work "
                    "for other people.</p>"
                ),
            ),
            (
                "callout",
                {
                    "title": "Before you start making",
                    "text": (
                        "<p>Follow the group’s patterns and guidance, so that what you make "
                        "can actually be used. If you are planning a big batch, check what is "
                        "needed first.</p>"
                    ),
                    "tone": "tip",
                },
            ),
            ("heading", "Give blood"),
            (
                "paragraph",
                (
                    "<p>Giving blood is essential, and the need doesn’t pause for a pandemic. "
                    "Hospitals depend on people who donate. You can book an appointment with "
                    "<strong>Bloodworks Northwest</strong>.</p>"
                    "<p>If you are healthy and eligible to donate, it is one of the most "
                    "direct ways to help a stranger you may never meet.</p>"
                ),
            ),
            ("heading", "Stand behind local creatives"),
            (
                "paragraph",
                (
                    "<p>Artists and other creative workers help give a place its character, "
                    "and many have lost work during COVID-19. Creative work feeds a "
                    "neighborhood in ways that are easy to overlook, from a mural on the "
                    "corner to a class at the community center. Our directory lists a resource "
                    "with more ideas for supporting them through a hard time.</p>"
                ),
            ),
            ("heading", "Look after your own health, too"),
            (
                "paragraph",
                (
                    "<p>Helping others is easier when you are well yourself. If you have a "
                    "pressing question about your health, contact the <strong>King County "
                    "Public Health Hotline</strong>.</p>"
                ),
            ),
            ("heading", "Pick one thing"),
            (
                "paragraph",
                (
                    "<p>You don’t have to do all of this. Choose the one that fits your time, "
                    "your skills and your health, and start there. If it goes well, tell a "
                    "friend; that is how most of these efforts grow.</p>"
                ),
            ),
            (
                "callout",
                {
                    "title": "In an emergency",
                    "text": (
                        "<p>If you or someone near you is having a medical emergency, call 911 "
                        "straight away. Don’t wait to reach a hotline first.</p>"
                    ),
                    "tone": "urgent",
                },
            ),
        ],
    },
]
