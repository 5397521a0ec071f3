"""FRESH8: hand-labelled entities of 47 shared pages (wcxb, scrapinghub and readability gold bodies), issue 17.

LABELLED FIRST: every label below was written by reading the gold bodies (../shared/data/extraction/
{wcxb,scrapinghub,readability}/gold.jsonl) on 2026-12-06 between 23:24 and 23:30 UTC (machine clock), BEFORE the
mention finder or any other project code ran on these pages, and this file was committed in its own commit before
the first scoring run (bench/results/mentions_wcxb_fresh8_first_run.txt). No finder output for these pages was read.
The only code run on them was a page-choosing script (no project code): every shared extraction page not used in a
mention label set (mentions_gold.py, mentions_gold_wcxb.py), of 150 to 3,000 words and at least 97 % ASCII, in the
order of sha256("fresh8-" + source + "-" + id), labelled one after the other. The stop rule (at least 300 required
entities) was reached at the 41st page (c13b9c0e, 300); the batch being read then was finished, so the set holds
47 pages and 368 required entities (87 persons, 178 organisations, 103 places) and 238 optional names. Unlike
WCXB_FRESH3 to 7 the pages are NOT chosen for naming many things: this is a random sample of the shared pages, news
and non-news, including two that are not in English (an Italian shop list, a Spanish NYT front page) and three
that name nothing (whatever is found there is wrong). All earlier label sets (GOLD to WCXB_FRESH7) are tuning sets
now; this one is the held-out estimate of the rules as they stand at its first run.

Conventions as in mentions_gold_wcxb.py (WCXB_FRESH3 to 7): every person, organisation and place the page names,
once per page, under its best-known name (the form used on its own where the page uses one); a company named for
its service (Uber, Pinterest, Fiverr) is an organisation, its products (QuickBooks, Google Kubernetes Engine,
ChatGPT, Disney+), programming languages, laws, standards, books, films, games, podcasts and dishes are none; a
maker named only inside a product's name (Akko Creamy Blue, Zojirushi Home Bakery) is optional, one named on its own
as a company is required; events, journals and magazines are optional; venues are optional as places or
organisations; a person named by one name or surname only is optional; the short form of a labelled name is
optional (AWS, US, UK, EU). Keys: "wcxb-" and the WCXB id, the first 8 characters of a scrapinghub id, a
readability id as it is.
"""

from __future__ import annotations

FRESH8: dict[str, dict[str, str]] = {
    # thegrangehallohio.com: a 12-month wedding planning timeline (the venue is optional)
    "wcxb-4587": {
        "person": "",
        "organisation": "Pinterest",
        "place": "",
        "optional": "place: The Grange Hall Ohio; organisation: The Grange Hall Ohio; place: Ohio",
    },
    # beachbodyondemand.com (scrapinghub): a meal prep plan (programs, supplements and dishes are products)
    "5f03fc17": {
        "person": "Autumn Calabrese",
        "organisation": "",
        "place": "",
        "optional": "organisation: Beachbody; place: Fresno",
    },
    # learningloom.substack.com: re-implementing the Unix spelling corrector (programs and books are none)
    "wcxb-0425": {
        "person": "Jaideep Bhoosreddy; Jane Austen; Peter Norvig",
        "organisation": "GitHub",
        "place": "",
        "optional": "person: Kenneth; person: Norvig; person: Laplace; person: Damerau; person: Levenshtein; "
        "person: Emma; organisation: Substack",
    },
    # GitLab blog (readability): the 2024 DevSecOps survey
    "gitlab-blog": {
        "person": "Rachel Stephens",
        "organisation": "RedMonk",
        "place": "",
        "optional": "person: Stephens; organisation: GitLab",
    },
    # bigbrandsystem.com (scrapinghub): a success mindset for online business owners
    "ec7fc408": {
        "person": "Darren Rowse",
        "organisation": "",
        "place": "Australia",
        "optional": "person: Pamela; person: Pamela Wilson; organisation: Problogger; organisation: BIG League; "
        "organisation: Big Brand System",
    },
    # uwsp.edu: coffee in a tropical conservatory (species and families are no entities)
    "wcxb-4042": {
        "person": "",
        "organisation": "",
        "place": "Ethiopia; Africa; Yemen; Asia; Sudan; Kenya; Brazil; Arabian Peninsula; United States; Abyssinia",
        "optional": "person: Rhazes; place: US",
    },
    # siliconangle.com: Google Cloud and AI inference (products such as GKE, Cloud Run, TensorFlow are none)
    "wcxb-0462": {
        "person": "Savannah Peterson; Brandon Royal; Poonam Lamba; Eddie Villalba; Nick Eberts; Ameenah Burhan; "
        "Paul Nashawaty; Bobby Allen; Farhan Thawar; Drew Bradstock; Belinda Runkle; Lisa Shen",
        "organisation": "Google; Google Cloud; theCUBE; SiliconANGLE Media; Shopify",
        "place": "",
        "optional": "organisation: SiliconANGLE; organisation: Shopify Inc.; person: Peterson; person: Royal; "
        "person: Lamba; person: Villalba; person: Eberts; person: Burhan; person: Allen; person: Thawar; "
        "person: Bradstock; person: Runkle; person: Shen",
    },
    # afpafitness.com: eight practices for moving to a plant-based diet
    "wcxb-4582": {
        "person": "Barbara O'Neil",
        "organisation": "Rutger's Cooperative Extension",
        "place": "",
        "optional": "organisation: Rutgers Cooperative Extension; organisation: Rutgers",
    },
    # Medical News Today (readability): the 'a-ha!' moment in the brain
    "medicalnewstoday": {
        "person": "Michael Shadlen",
        "organisation": "Columbia University; Mortimer B. Zuckerman Mind Brain Behavior Institute",
        "place": "New York City",
        "optional": "person: Freud; person: Shadlen; person: Mortimer B. Zuckerman; organisation: Current Biology; "
        "place: NY",
    },
    # monsgeek.com: what a hot-swappable keyboard is (makers named only in product names are optional)
    "wcxb-4801": {
        "person": "",
        "organisation": "MonsGeek",
        "place": "",
        "optional": "organisation: Kailh; organisation: Gateron; organisation: Akko",
    },
    # solutionshub.epam.com: big data analytics in retail (tools such as InfoNgen and Google Analytics are products)
    "wcxb-1789": {
        "person": "",
        "organisation": "Amazon; Instagram; Twitter",
        "place": "",
        "optional": "organisation: Google; organisation: InfoNgen; organisation: EPAM",
    },
    # podium.com: ten marketing agencies for small businesses
    "wcxb-4243": {
        "person": "",
        "organisation": "WebFX; Lyfe Marketing; Blu Mint; Thrive; Straight North; Ironpaper; Ignite Visibility; "
        "SEO Discovery; NinjaPromo; Fiverr; Google; Shopify; Walmart; Facebook; Amazon; HubSpot",
        "place": "",
        "optional": "organisation: WebFx; organisation: SEO Discover; organisation: Blu Mint Digital; "
        "organisation: Fiverr Pro; organisation: Podium",
    },
    # WebMD (readability), 2015: peanut allergies in babies
    "webmd-1": {
        "person": "Katie Allen",
        "organisation": "American Academy of Allergy, Asthma and Immunology; Center for Food and Allergy Research; "
        "Murdoch Children's Research Institute",
        "place": "Houston; Melbourne; Australia; United States",
        "optional": "person: Allen; organisation: New England Journal of Medicine; place: U.S.",
    },
    # gameinformer.com: the best board games of 2025 (games are products; publishers are organisations)
    "wcxb-4684": {
        "person": "Takashi Ishida; Richard Garfield",
        "organisation": "Helvetiq; Happy Camper Games; Chip Theory Games; Z-MAN Games; Paverson Games; "
        "Eerie Idol Games; CMYK; Slugfest Games; Hachette; Stonemaier Games",
        "place": "United States; Europe; Amalfi Coast; Italy; Positano",
        "optional": "person: Tolkien; person: Frodo; organisation: Chip Theory; place: USA; place: Mediterranean; "
        "place: Tamriel; place: Middle-earth; place: Mount Doom",
    },
    # in4adventure.com: a review of the Osprey Atmos AG 65 backpack
    "wcxb-4202": {
        "person": "",
        "organisation": "Osprey",
        "place": "",
        "optional": "organisation: Velcro; organisation: bluesign",
    },
    # elliptic.co: how crypto regulation changed in 2025 (laws and regimes such as MiCA are none)
    "wcxb-4151": {
        "person": "",
        "organisation": "Elliptic; European Union; Hong Kong Monetary Authority; Wolfsberg Group; "
        "Financial Stability Board; FATF",
        "place": "United States; Hong Kong; United Arab Emirates; Middle East; Dubai; Abu Dhabi; South Korea; "
        "United Kingdom; Japan",
        "optional": "organisation: EU; place: EU; place: European Union; organisation: HKMA; organisation: FSB; "
        "place: US; place: UK; place: UAE",
    },
    # dealbreaker.com (scrapinghub), 2019: Taylor Swift, Big Machine and The Carlyle Group
    "55bb6340": {
        "person": "Taylor Swift; Scooter Braun",
        "organisation": "Big Machine; The Carlyle Group; Ithaca Holdings; Netflix; Twitter; Investopedia; "
        "Universal Music Group; Bloomberg",
        "place": "",
        "optional": "person: Swift; person: T-Swift; person: Braun; person: Taylor; organisation: Carlyle; "
        "organisation: Ithaca; organisation: American Music Awards",
    },
    # leader.net: CRM software for small businesses in 2026 (Bigin and Zoho CRM are products)
    "wcxb-4260": {
        "person": "",
        "organisation": "Statista; HubSpot; Zoho; Pipedrive; OnePageCRM; WhatsApp",
        "place": "",
        "optional": "organisation: LEADer; organisation: LEADer CRM; organisation: Freshsales; "
        "organisation: HubSpot CRM",
    },
    # quietlight.com: finding a software business for sale (names nothing)
    "wcxb-0324": {
        "person": "",
        "organisation": "",
        "place": "",
    },
    # blog.logrocket.com: five AI coding CLIs tested (the CLIs, models and frameworks are products)
    "wcxb-0390": {
        "person": "",
        "organisation": "OpenAI",
        "place": "",
        "optional": "organisation: Google; organisation: Charm; organisation: Kilocode; organisation: LogRocket",
    },
    # gardenary.com: intensive planting (books and courses are no entities)
    "wcxb-0145": {
        "person": "Nicole Johnsey Burke; Thomas Jefferson",
        "organisation": "Gardenary; Rooted Garden",
        "place": "Charlottesville; United States",
        "optional": "organisation: Kitchen Garden Academy; place: Monticello; organisation: Monticello; place: US; "
        "place: Napa",
    },
    # splashtop.com: IT security practices (Splashtop Enterprise and operating systems are products)
    "wcxb-0037": {
        "person": "",
        "organisation": "Statista; Verizon; Gartner; Target; Splashtop",
        "place": "",
        "optional": "place: U.S.; place: United States; organisation: U.S. government",
    },
    # digjitale.com: a newsletter on the AI race (models, app stores and apps such as ChatGPT are products;
    # events are optional)
    "wcxb-0391": {
        "person": "",
        "organisation": "Coursera; Udemy; OpenAI; Google; Vox; Konecta; SPEEEX; Netflix; Warner Bros; Apple; "
        "Lovable; Canva; Oracle; TikTok",
        "place": "Kosovo; Europe; Berlin; Germany; Poland; Paris; France; Amsterdam; Netherlands; Munich; "
        "Bucharest; Romania; Lisbon; Portugal; Helsinki; Finland; United States",
        "optional": "organisation: Digjitale; organisation: Digjitale Signal; place: DACH; place: Wasrsaw; "
        "place: U.S.; organisation: E-Commerce Berlin Expo; organisation: Wolves Summit CEE; "
        "organisation: Wolves Summit; organisation: Viva Technology; organisation: The Next Web; "
        "organisation: Bits & Pretzels; organisation: How to Web; organisation: Web Summit; organisation: Slush; "
        "place: CEE",
    },
    # nbcdfw.com (scrapinghub), 2019: a kidnapped Fort Worth girl rescued (sidebar headlines are in the body)
    "51d066b0": {
        "person": "Michael Webb",
        "organisation": "NBC 5",
        "place": "Fort Worth; Texas; Forest Hill; Dallas; North Richland Hills; Plano",
        "optional": "person: Webb; person: Fitzgerald; organisation: Fort Worth P.D.; "
        "organisation: Fort Worth Police Department; organisation: SWA",
    },
    # princetonreview.com: college application essay topics
    "wcxb-4620": {
        "person": "Abraham Lincoln",
        "organisation": "The Common Application",
        "place": "",
        "optional": "organisation: Common App; person: Gandhi",
    },
    # fermyon.com: startup lessons of 25 years (books and projects are no entities; events are optional)
    "wcxb-4459": {
        "person": "Steve Jobs; Elon Musk; Steve Wozniak; Patrick Lencioni",
        "organisation": "Gartner; Google; Fermyon; Apple; eBay; Andreesen Horowitz; LinkedIn",
        "place": "",
        "optional": "person: Matt; person: Pierre; person: Steve; organisation: VW; "
        "organisation: Andreessen Horowitz; organisation: Cloud Native Startup Fest; organisation: KubeCon EU; "
        "organisation: KubeCon",
    },
    # playfultones.com: a UI pipeline in JUCE applications (JUCE, Photoshop, UXP are products)
    "wcxb-0429": {
        "person": "",
        "organisation": "Bogren Digital; Adobe; Figma",
        "place": "Bristol",
        "optional": "organisation: Unity; organisation: ADC; organisation: ADC 2025; organisation: JUCE",
    },
    # theguardian.com (scrapinghub), 2019: the Guardian view on Hong Kong (laws and bills are no entities)
    "5fa3154e": {
        "person": "Xi Jinping; Tsai Ing-wen",
        "organisation": "People's Daily; Communist party; Hong Kong Polytechnic University; People's Liberation Army; "
        "New York Times; Democratic Progressive party; US Senate",
        "place": "Hong Kong; Beijing; Xinjiang; Taiwan; China; Tiananmen Square; Soviet Union; Britain",
        "optional": "person: Xi; organisation: Beijing; organisation: Hong Kong government; "
        "organisation: Soviet Union; place: US; organisation: The Guardian",
    },
    # facet.com: home renovation costs room by room (magazines are optional)
    "wcxb-4067": {
        "person": "",
        "organisation": "HomeAdvisor; Houzz; Rocket Mortgage; Realtor.com; Angi; "
        "National Association of Home Builders; Facet; SEC",
        "place": "West Palm Beach; Florida",
        "optional": "organisation: Architectural Digest; organisation: Forbes HOME; organisation: Forbes; "
        "organisation: Facet Wealth; organisation: Facet Wealth, Inc.; place: US; place: United States",
    },
    # energysage.com: a solar panel installation guide
    "wcxb-4193": {
        "person": "",
        "organisation": "EnergySage",
        "place": "",
    },
    # REALTOR News (wcxb, no address): economists on the housing market in 2026 (podcasts are no entities)
    "wcxb-4129": {
        "person": "Lawrence Yun; Robert Dietz; Danielle Hale; Jessica Lautz; Nadia Evangelou",
        "organisation": "NAR; National Association of Home Builders; Federal Reserve; realtor.com",
        "place": "Texas; Florida; Midwest; Columbus; Ohio; Indianapolis; Kansas City; Northeast",
        "optional": "organisation: National Association of Realtors; organisation: Fed; organisation: REALTOR News; "
        "organisation: REALTOR® News; place: South; place: West",
    },
    # NBC News (readability "schema-org-context-object"), 2024: the failed impeachment of Yoon Suk Yeol
    "schema-org-context-object": {
        "person": "Yoon Suk Yeol; Han Dong-hoon; Lee Jae-myung; Margie Kim; Vedant Patel; Kim Yong-hyun; "
        "Lee Sang-min; Stella Kim; Jennifer Jett; Abigail Williams; Beomsu Jo; Anthony Wallace; Ezra Acayan",
        "organisation": "People Power Party; Democratic Party; Gallup Korea; The Korea Times; State Department; "
        "National Assembly; Ministry of National Defense; Supreme Court; NBC News; AFP; Getty Images",
        "place": "Seoul; South Korea; United States; Washington; North Korea; China; Russia; Hong Kong; Pacific Ocean",
        "optional": "person: Yoon; person: Lee; person: Han; person: Kim; person: Biden; organisation: PPP; "
        "organisation: Getty; organisation: U.S.-South Korea Nuclear Consultative Group; "
        "organisation: Nuclear Consultative Group; place: U.S.; place: National Assembly; place: Pacific; "
        "place: East Asia",
    },
    # theautollama.com: replacing brake pads (car makers are organisations)
    "wcxb-4326": {
        "person": "",
        "organisation": "Mercedes; BMW",
        "place": "",
        "optional": "organisation: google; organisation: Google; organisation: 2'u'Brakes; organisation: ASE",
    },
    # ecovacs.com: how robot vacuums map a home (DEEBOT models and technologies are products)
    "wcxb-4809": {
        "person": "",
        "organisation": "ECOVACS",
        "place": "",
        "optional": "organisation: ECOVACS HOME; organisation: Ecovacs",
    },
    # citadelbanking.com: money management for millennials
    "wcxb-4091": {
        "person": "",
        "organisation": "Citadel",
        "place": "",
    },
    # glossier.com: custom skincare set promotion terms
    "wcxb-4759": {
        "person": "",
        "organisation": "Glossier",
        "place": "United States; Canada; United Kingdom; Ireland; Sweden; Denmark; France",
        "optional": "place: US; place: UK; organisation: glossier.com",
    },
    # breaddad.com: the best bread machines (makers named in product names are optional; those named on
    # their own as companies are required)
    "wcxb-4161": {
        "person": "",
        "organisation": "Amazon; Hamilton Beach; Panasonic",
        "place": "",
        "optional": "organisation: Bread Dad; organisation: Sunbeam; organisation: KBS; organisation: Briskind; "
        "organisation: Zojirushi; organisation: KITCHENARM; organisation: Breadman; organisation: Breville; "
        "organisation: Cuisinart; organisation: Elite Gourmet; organisation: KEEPEEZ; organisation: Neretva; "
        "organisation: OSIPOTO; organisation: Oster; organisation: Pohl Schmitt; organisation: PowerXL; "
        "organisation: SAKI; organisation: West Bend; organisation: Teflon; organisation: Amazon Basics",
    },
    # jwz.org (readability "table-style-attributes"), 2003: Linux usability (distributions and programs are
    # products; the company Red Hat is required)
    "table-style-attributes": {
        "person": "Jamie Zawinski",
        "organisation": "Slashdot; Red Hat",
        "place": "",
        "optional": "person: Makali; person: Hitler; organisation: Netscape; organisation: Debian; "
        "organisation: Mandrake; organisation: Gentoo",
    },
    # easy-lms.com: what an online course is (magazines and sites listed as resources are optional)
    "wcxb-0113": {
        "person": "",
        "organisation": "Easy LMS; Research Institute of America",
        "place": "",
        "optional": "organisation: Mighty; organisation: eLearning Industry; organisation: Thinkfic; "
        "organisation: Times Higher Education; person: Bloom",
    },
    # startuplessonslearned.com, 2008: the lean startup (books and methods are no entities)
    "wcxb-4456": {
        "person": "Kent Beck",
        "organisation": "RightScale",
        "place": "",
        "optional": "organisation: Amazon; organisation: Danga",
    },
    # spokesman.com (scrapinghub), 2019: Spokane ad agencies on South Dakota's meth campaign
    "c13b9c0e": {
        "person": "Michelle Hege; Julie Graham; Jeff Sanborn",
        "organisation": "DH; Washington Healthcare Authority; Washington State Department of Health; Chapter & Verse",
        "place": "South Dakota; Spokane; Seattle; Minneapolis; United States",
        "optional": "person: Hege; person: Graham; person: Sanborn; place: America; place: Washington",
    },
    # remember8090.it (scrapinghub), in Italian: Black Friday offers for the nostalgic (brands named in product
    # titles are optional; films, albums and toys are products)
    "20b2b649": {
        "person": "Roger Waters",
        "organisation": "Amazon",
        "place": "United States",
        "optional": "place: USA; place: Marte; place: New York; person: Nolan; organisation: Lego; "
        "organisation: Polistil; organisation: Hasbro; organisation: Hasbro Gaming; organisation: Ravensburger; "
        "organisation: Victorinox; organisation: Polaroid; organisation: MTV; organisation: DeLorean",
    },
    # wethewild.us: low-light houseplants (plants and products; names nothing)
    "wcxb-4703": {
        "person": "",
        "organisation": "",
        "place": "",
    },
    # hamy.xyz: the programming language death spiral (languages and papers are no entities)
    "wcxb-0488": {
        "person": "Scott Arbeit; Richard Feldman",
        "organisation": "Microsoft; Google; Stack Overflow",
        "place": "",
        "optional": "organisation: GitHut",
    },
    # whatissmartenergy.org: is a smart thermostat worth it (thermostat models are products)
    "wcxb-4244": {
        "person": "",
        "organisation": "Honeywell; ecobee; Nest; Google; Georgia Power; Emerson; ComEd; Southern California Edison; "
        "SoCalGas",
        "place": "Atlanta; Chicago; Northern Illinois; United States",
        "optional": "place: Illinois; place: U.S.",
    },
    # latimes.com (scrapinghub), 2019: Disney+ launch problems (services such as Disney+ and ESPN+ are products)
    "098bb3e9": {
        "person": "Kevin Mayer; Bob Iger",
        "organisation": "Walt Disney Co.; Pixar Animation; Marvel Studios; Vox Media; ESPN; Disney Channel; Netflix; "
        "NFL; NBA; Marvel Entertainment; Lucasfilm; BamTech",
        "place": "Burbank; Hollywood",
        "optional": "person: Mayer; organisation: Disney; organisation: Walt Disney; organisation: CBS; "
        "organisation: Code Media; place: Wall Street",
    },
    # The New York Times in Spanish (readability "nytimes-5"): a front page of teasers and photo credits
    "nytimes-5": {
        "person": "Kevin Frayer; Ellen Surrey; Josh Max; Erik Carter; Shira Ovide; Rachel Strugatz; Danielle Chenette; "
        "Cari Vander Yacht; Bianca Bagnarelli; Kim Raff; Andrew B. Myers; Tara Parker-Pope; Pam Belluck; "
        "Dustin Chambers; Johnathon Kelso; Jenn Ackerman; Charlie Rubin; Christopher Lee; Pete Marovich; "
        "Jason Andrew; Cooper Neill; Jenny Hueston; Elizabeth Holmes; David Streitfeld",
        "organisation": "Getty Images; Beatles; Activision Blizzard; Microsoft; The New York Times; Theranos",
        "place": "Liverpool",
        "optional": "person: Ted Cavanaugh; person: Chelsea Cavanaugh; person: Cavanaugh; place: Estados Unidos; "
        "place: United States; organisation: The Beatles; organisation: New York Times",
    },
}
