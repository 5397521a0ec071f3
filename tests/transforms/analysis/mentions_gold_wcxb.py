"""Hand-labelled entities of 14 WCXB pages (../shared/data/extraction/wcxb/gold.jsonl bodies), issue 17.

LABELLED FIRST: every label below was written by reading the article bodies, before the project's
mention finder (or any other project code) was run on these pages, and this file was committed
before the first scoring run (bench/results/mentions_wcxb_first_run.txt keeps that run). The pages
are of another era (2022-2025) and other sites than the sets the rules were tuned on
(mentions_gold.py: scrapinghub/readability pages of 2017-2019), so this set is the out-of-set
estimate the issue asks for.

Same conventions as mentions_gold.py: every person, organisation and place the article names, once
per article, under the name it is best known by (or as written when it has no better-known form).
`optional` names are neither required nor wrong to find: fictional characters, a person known by
one name only, a short form of a labelled name (HCA for HCA Healthcare), a place inside a
name (Tokyo in "Tokyo Math Rock Festival"), streets of an address, awards, journals and brands
that are products of a labelled company. Demonyms, films, books, dishes and products
(Zepbound, Lexapro, "Knives Out") are not mentions: finding them is wrong.
Keys are "wcxb-" and the WCXB page id.
"""

from __future__ import annotations

WCXB: dict[str, dict[str, str]] = {
    # abc7ny.com, 2025: a moving company under investigation
    "wcxb-0031": {
        "person": "Nina Pineda; Farah Al-Ibrahim; Melissa Cranon; Stacy Chiarolanza; Joe Hannouch; Nate Wheatley; "
        "Andrea Elliot",
        "organisation": "WABC; ABC 7; Department of Justice; Noble Moving and Storage; Fairfield Police; "
        "Department of Transportation; Federal Motor Carrier Safety Administration; Moving System Holdings Inc.",
        "place": "New Jersey; Fairfield; Brooklyn; California; Atlanta; Georgia; Wisconsin; Louisiana; Clifton",
        "optional": "organisation: Eyewitness News; organisation: 7 On Your Side; organisation: FMCSA; "
        "organisation: Noble Moving; organisation: Noble; organisation: State of New Jersey; "
        "place: southern California; place: NJ",
    },
    # restaurantbusinessonline.com, 2025: Paris Baguette's growth plans
    "wcxb-0153": {
        "person": "Darren Tipton",
        "organisation": "Paris Baguette; Paris Baguette North America; SPC Group; Lavazza; Technomic; "
        "Restaurant Business",
        "place": "Mexico; South America; United States; Canada; New Jersey; Korea; China; Cambodia; Vietnam; "
        "Singapore; Malaysia; Paris; London; Philadelphia; Queens; New York; Texas; North America",
        "optional": "place: Central America; place: Americas; place: South Korea; place: New York City",
    },
    # npr.org, 2023: plumbers train as substitute teachers (a radio transcript)
    "wcxb-0161": {
        "person": "Sacha Pfeiffer; Sergio Martínez-Beltrán; Rosie Curts; Travis Cantwell; Thomas Kennedy; Zeph Capo; "
        "Robin Thicke; Lil Wayne",
        "organisation": "Texas Legislature; The Texas Newsroom; Teachers Against School Vouchers; "
        "Dallas Independent School District; American Federation of Teachers; Texas State Building Trades; "
        "Austin Independent School District; Texas American Federation of Teachers; NPR",
        "place": "Texas; Austin",
        "optional": "place: Texas Capitol; organisation: Republican Party; organisation: NPR News; "
        "organisation: Texas Leg",
    },
    # statnews.com, 2025: employers drop coverage of weight-loss drugs
    "wcxb-0221": {
        "person": "Craig Garthwaite; Donald Trump; Jim Winkler",
        "organisation": "HCA Healthcare; STAT; Eli Lilly; Novo Nordisk; Northwestern University; "
        "Kellogg School of Management; Business Group on Health",
        "place": "United States",
        "optional": "organisation: HCA; organisation: Lilly; organisation: Novo; "
        "organisation: Northwestern University's Kellogg School of Management",
    },
    # houstoniamag.com, 2025: new restaurants in Houston
    "wcxb-0140": {
        "person": "David Skinner; Julia Child; Hugo Ortega",
        "organisation": "Houstonia; Chateau Bellecru; Eculent Restaurant & Liquid Lab; Maison Chinoise; "
        "Murray's Pizza and Wine; Leaf and Grain; Ramen Alley; Zaranda",
        "place": "Houston; Paris; Texas; River Oaks; Asiatown; South Korea; Discovery Green; California; "
        "Baja California",
        "optional": "organisation: Eculent; organisation: Michelin; organisation: James Beard Award; "
        "person: James Beard; place: Downtown; place: Las Californias",
    },
    # slashdot.org quoting the Los Angeles Times, 2025: Stanford graduates and AI
    "wcxb-0396": {
        "person": "Jan Liphardt; Nenad Medvidovic; Amr Awadallah",
        "organisation": "Los Angeles Times; Stanford University; UC Berkeley; University of Southern California; "
        "OpenAI; Anthropic; Vectara",
        "place": "California; Palo Alto",
        "optional": "organisation: USC; organisation: Stanford",
    },
    # dtphx.org, 2025: 23 new businesses in Downtown Phoenix (a listing; businesses are organisations)
    "wcxb-0898": {
        "person": "Ivan Jacobo; Yasmine Rubio; Michael Dodd; Bianca Dodd; Racan Alhoch; Nik Fields",
        "organisation": "Flour & Thyme; Anhelo Restaurant; Ricemill; Urban Edge Cycle + Fitness; Casa de Julia; "
        "Maddie B's Chicago Style Gourmet Popcorn; ACRES Marketplace; Saint Pasta; The Pairing Room; "
        "the larder & the delta; Industry Standard; Condesa; Cocina 10; Cornish Pasty Co.; Crescent Ballroom; "
        "Aroma India; Marlee's Lemonade; The Grind by Chic Chef; Serafina; Generation Tux; Someburros; "
        "Diamondbacks; MLB; Nail Snob; Junebug Coffee; Element Jiu-Jitsu; Red Light District Bar & Lounge; "
        "Killer Whale Sex Club; FYPM; Pour Bastards Hospitality; Eat the Rich; The Pemberton; True North Studio; "
        "Kanfuela Kaffe; Pilates 1st; Longevity Lab; The Ra Ra Room; Suns; Sana Sana Cerveceria; Origen; "
        "Formation Brewing Co.; Indy by Industrious Coworking Space; Tacos los Vales; Club Contact; "
        "Gracie's Tax Bar; Thundercat Lounge",
        "place": "Downtown Phoenix; Orpheum Lofts; Arizona Center; Luhrs building; Mexico; Chicago; Roosevelt Row; "
        "Chase Field; The Rey; San Diego; Arizona; Heard Building; Democratic Republic of Congo; Tanzania; "
        "Evans Churchill",
        "optional": "person: Julia; person: Maddie; person: Marlee; person: Grandma Julia; person: Dodds; "
        "organisation: Anhelo; organisation: Urban Edge; organisation: Red Light District; organisation: The Grind; "
        "organisation: Formation Brewing; organisation: Industrious; organisation: Pemberton; "
        "organisation: Condesa @ Crescent Ballroom; place: Crescent Ballroom; place: Phoenix; place: DTPHX; "
        "place: Congo; place: Tokyo; place: Tokyo Alley; place: PHX arena; place: 850 PBC building; "
        "place: 200 EVB building; place: Luhrs; place: Adams St.; place: Washington St.; place: Jefferson St.; "
        "place: Roosevelt St.; place: Portland St.; place: Central Ave.; place: McKinley St.; place: Pierce St.; "
        "place: Van Buren St.; place: 2nd Ave.; place: Garfield",
    },
    # bssnews.net, 2025: homestead gardening in Rajshahi, Bangladesh
    "wcxb-0395": {
        "person": "Ali Hossain; Muhammad Shahabuddin; Piarul Islam; Shaheda Begum; Atanu Sarker; Azizur Rahman",
        "organisation": "Department of Agricultural Extension; BSS",
        "place": "Rajshahi; Barind tract; Baroipara; Paba Upazila; Palpur; Godagari Upazila; Phulbari; Ishwaripur",
        "optional": "organisation: DAE; place: Barind; place: Paba; place: Godagari",
    },
    # abduzeedo.com, 2025: student design awards (a list of winners and instructors)
    "wcxb-0459": {
        "person": "Jasmine Chang; John Nettleton; Evelyn Kim; Troy Alders; Zack Jacobson; Thomas McNulty; "
        "Ariana Davies; Laurie Makela; Amy Burke; Fiona Blankenship; Goodness Okoro; Hunter Wimmer; Sol Stern; "
        "Ursula McCarthy; Svetlana Shubina; Craig Fowler; Anna Villano; Hannah Coward; Brenda Barrera; "
        "Shivom Patel; Irena Milev; Gavin Wong; Fei Wang; David Blankenship; Ningyi Xu; Jin Young Jang; "
        "Rem Koolhaas",
        "organisation": "Academy of Art University; GDUSA",
        "place": "",
        "optional": "organisation: School of Graphic Design; organisation: GDUSA Design Awards; "
        "organisation: Vignelli Sustainable Paints; organisation: Marebella Fish Co.; "
        "organisation: Hu Kitchen Chocolate; organisation: Hu Kitchen; organisation: Nori Noir; "
        "organisation: Reconnxt Music Festival; organisation: Tokyo Math Rock Festival; "
        "organisation: 1840 Music Festival; person: Vignelli; place: Tokyo",
    },
    # theguardian.com, 2025: five science fiction books
    "wcxb-4370": {
        "person": "Alex Foster; EJ Swift; Silvia Park; Jacek Dukaj; Ursula Phillips; Donald Rumsfeld; Sam Hughes",
        "organisation": "Grove; Arcadia; Magpie; Head of Zeus; Del Rey",
        "place": "Chornobyl; Europe; Korea; Poland; Siberia; Hiroshima; Nagasaki",
        "optional": "person: qntm; person: Ruijie; person: Yoyo; person: Cho Jun; person: Jun; "
        "person: Benedykt Gierosławski; organisation: Antimemetics Division; place: Tunguska; "
        "place: Russian empire",
    },
    # npr.org, 2022: meditation and an anxiety drug
    "wcxb-4560": {
        "person": "Elizabeth Hoge; Jon Kabat-Zinn; Michael Mrazek; Joy Harden Bradford",
        "organisation": "Georgetown University Medical Center; University of Texas; "
        "Center for Mindfulness & Human Potential; University of California, Santa Barbara; NPR; YMCA",
        "place": "Austin; Atlanta",
        "optional": "organisation: JAMA Psychiatry; organisation: Anxiety Disorders Research Program; "
        "organisation: Therapy for Black Girls; organisation: Georgetown University; "
        "organisation: University of California; place: Santa Barbara; person: Harden Bradford",
    },
    # usatoday.com, 2025: ten films to stream (titles and characters are no entities)
    "wcxb-0106": {
        "person": "Leonardo DiCaprio; Marlon Wayans; Riz Ahmed; Tina Romero; George Romero; Brad Pitt; "
        "Damson Idris; Everett Blunck; Owen Teague; Tyriq Withers; Zooey Deschanel; Charlie Cox; "
        "Paul Thomas Anderson; Chase Infiniti; Sean Penn; David Mackenzie; Lily James; Channing Tatum; "
        "Kirsten Dunst; Rob Reiner; Christopher Guest; Michael McKean; Harry Shearer; Elton John; "
        "Paul McCartney; Taylor Swift; Rian Johnson; Daniel Craig; Josh O'Connor; Josh Brolin",
        "organisation": "Netflix; Hulu; Amazon; McDonald's; Toys 'R Us",
        "place": "Boston; Florida; Vancouver",
        "optional": "person: Griffin; person: Anna; person: Russ; person: Merv; person: Benoit Blanc; "
        "person: Blanc; person: Father Jud; person: Jud; person: Sherlock; person: Watson; "
        "organisation: Disney+; organisation: Disney; organisation: HBO Max; organisation: HBO; "
        "organisation: Paramount+; organisation: Paramount; organisation: Prime Video; "
        "organisation: Amazon Prime Video; organisation: Peacock; organisation: Apple TV; organisation: Apple; "
        "organisation: Formula 1; organisation: Golden Globe; organisation: Oscar; organisation: Spinal Tap",
    },
    # itbrief.news, 2025: enterprise AI projects (job-title codes and product names are no entities)
    "wcxb-0480": {
        "person": "Jaimie Tilbrook; Ramy Houssaini",
        "organisation": "EncompaaS; Cloudflare",
        "place": "",
        "optional": "",
    },
    # publichealth.columbia.edu, 2024: climate change and food supply
    "wcxb-4028": {
        "person": "Lewis Ziska; David Tilman",
        "organisation": "Columbia University Mailman School of Public Health; "
        "University of Minnesota College of Biological Sciences; National Science Foundation",
        "place": "",
        "optional": "organisation: Science; organisation: Columbia University; organisation: University of Minnesota; "
        "organisation: Columbia Mailman School of Public Health; organisation: Mailman School of Public Health; "
        "place: Paris",
    },
}


# A fifth set, labelled after the fixes the first WCXB run inspired and BEFORE the finder (or any
# project code) ran on these six pages: a held-out check of the finished rules. Its first run is
# kept in bench/results/mentions_wcxb_fresh_first_run.txt; nothing was changed after it. Events
# (CES, Web Summit) and awards are optional: neither persons, organisations nor places, but close.
WCXB_FRESH: dict[str, dict[str, str]] = {
    # newsweek.com, 2025: the best films of the year by Rotten Tomatoes (film titles and characters are no entities)
    "wcxb-0401": {
        "person": "Senh Duong; Patrick Y. Lee; Stephen Wang; Jackie Chan; Jia Zhang\u2011ke; Zhao Tao; Li Zhubin; "
        "Geeta Gandbhir; Shih-Ching Tsou; Park Chan-Wook; Lee Byung-hun; Donald Westlake; Andrea Gibson; "
        "Megan Falley; Ryan White; Nyle DiMarco; Davis Guggenheim; Abou Sangaré; Boris Lojkine; Harry Melling; "
        "Alexander Skarsgård; Harry Lighton; Carson Lund; Rungano Nyoni",
        "organisation": "Rotten Tomatoes; University of California, Berkeley; Morning Consult; Newsweek; "
        "Gallaudet University",
        "place": "Hong Kong; United States; Hollywood; China; Florida; Taipei; Paris; New England",
        "optional": "person: Qiao Qiao; person: Guao Bin; person: Shu-Fen; person: I\u2011Ann; person: I\u2011Jing; "
        "person: Man-Su; person: Souleymane; person: Colin; person: Ray; person: Shula; "
        "organisation: University of California; place: Berkeley; place: America",
    },
    # topgear.com, 2025: the best electric cars (models and model codes are products, no entities)
    "wcxb-4052": {
        "person": "",
        "organisation": "Skoda; Volkswagen; Audi; Porsche; Renault; Dacia; Tesla; Rolls-Royce; BMW",
        "place": "South Korea; United Kingdom",
        "optional": "organisation: Kia; organisation: Volvo; organisation: Hyundai; organisation: Polestar; "
        "organisation: Fiat; organisation: Mini; organisation: MG; place: Great Wall",
    },
    # webpronews.com, 2025: AI coding agents rebuild Minesweeper (models and tools are products)
    "wcxb-0387": {
        "person": "Saining Xie; Robert Youssef; Teng Yan",
        "organisation": "Ars Technica; OpenAI; Google; Anthropic; Meta; SD Times; Reddit; Mistral; Lovable; "
        "MarketScreener; MIT Technology Review; VentureBeat; Zencoder; Andreessen Horowitz; MacRumors; Microsoft; "
        "Twitter",
        "place": "",
        "optional": "person: AICodeKing; organisation: X; organisation: MIT",
    },
    # gumc.georgetown.edu, 2017: meditation and stress biomarkers
    "wcxb-4557": {
        "person": "Elizabeth A. Hoge; Eric Bui; Sophie A. Palitz; Noah R. Schwarz; Maryann E. Owens; Naomi Simon; "
        "Jennifer M. Johnston; Mark H. Pollack",
        "organisation": "National Institutes of Health; Georgetown University Medical Center; FDA; "
        "Massachusetts General Hospital; Boston University; Rush University; "
        "National Center for Complementary and Integrative Health; MedStar Health; "
        "Georgetown Lombardi Comprehensive Cancer Center; National Cancer Institute; "
        "Biomedical Graduate Research Organization; Facebook; Twitter; Instagram",
        "place": "Washington",
        "optional": "organisation: NIH; organisation: MGH; organisation: GUMC; organisation: Department of Psychiatry; "
        "organisation: Psychiatry Research; organisation: School of Medicine; "
        "organisation: School of Nursing & Health Studies; organisation: Georgetown University; "
        "organisation: Georgetown Lombardi; organisation: Clinical and Translational Science Award",
    },
    # businessweekly.co.uk, 2025: human input and generative AI (a research summary)
    "wcxb-0456": {
        "person": "Luna Luan; Yeun Joon Kim; Jing Zhou",
        "organisation": "Cambridge Judge Business School; University of Queensland; Rice University; Netflix",
        "place": "Australia; Texas",
        "optional": "person: Joon; organisation: Cambridge Judge; organisation: Information Systems Research; "
        "place: Queensland; place: Cambridge",
    },
    # emit.digital, 2025: the biggest tech events of 2026 (a listing; photographers credited by name)
    "wcxb-4367": {
        "person": "David von Diemar; Anastasiya Badun; Igor Omilaev; Jason Leung; Dan Taylor; Tyler Delgado; "
        "Andrew Haha Lee; Aaron Boucicault; Max Bender; Luis Quintero; Caleb Oquendo; Declan Sun; Zack Xavier",
        "organisation": "Nvidia; Google; Dell; Apple; Pixabay; AWS",
        "place": "Las Vegas; United States; Barcelona; Spain; San Jose; California; San Francisco; Rio de Janeiro; "
        "Brazil; Paris; France; London; United Kingdom; Bielefeld; Germany; Cupertino; Munich; Dublin; Ireland; "
        "Lisbon; Portugal; Helsinki; Finland; Dubai; United Arab Emirates; Europe; Middle East; Africa",
        "optional": "person: Ricardo L; organisation: CES; organisation: Consumer Electronics Show; "
        "organisation: Mobile World Congress; organisation: MWC; organisation: RSA Conference; "
        "organisation: Web Summit; organisation: Web Summit Rio; organisation: Google Cloud Next; "
        "organisation: Google Cloud; organisation: Dell Technologies World; organisation: Dell Technologies; "
        "organisation: VivaTech; organisation: Viva Technology; organisation: Viva tec; "
        "organisation: AI Summit London; organisation: Hinterland of Things; organisation: WWDC; "
        "organisation: Apple Worldwide Developers Conference; organisation: Black Hat; "
        "organisation: Black Hat USA; organisation: DEF CON; organisation: Bits & Pretzels; organisation: Slush; "
        "organisation: SLUSH; organisation: GITEX Global; organisation: GITEX; "
        "organisation: GPU Technology Conference; organisation: Nvidia GTC; organisation: NVIDIA GTC; "
        "organisation: SREcon26; organisation: USENIX; place: Tobacco Dock; place: Ringlokschuppen; "
        "place: Mandalay Bay; place: Nevada; place: The Convention Centre; place: Dubai Exhibition Centre; "
        "place: Expo City; place: Latin America; place: Rio",
    },
}


# A sixth set, labelled after the fixes the fifth set's first run inspired (126dd1a) and BEFORE the
# finder ran on these seven pages: the held-out check of the rules as committed now. Its first run is
# bench/results/mentions_wcxb_fresh2_first_run.txt. Titles of podcasts, books, films and laws, and
# products (Metasploit, React2Shell) are no entities; characters of novels are optional.
WCXB_FRESH2: dict[str, dict[str, str]] = {
    # cio.com, 2025: podcasts IT leaders listen to (podcast titles are works, no entities)
    "wcxb-4377": {
        "person": "Mark Zuckerberg; Bill Gates; Aleksandr Remniov; Bill Gurley; Brad Gerstner; Ken Englund; "
        "Joe Weider; James Maude; Peter High; Bill Pappas; Erin DeCesare; Dan Glass; Pierre Mouallem; Noam Vander; "
        "Adam Grant; Keyur Ajmera; Jeff McDonald",
        "organisation": "Meta; Microsoft; Hubstaff; EY; Liberty Mutual Insurance; BeyondTrust; MetLife; "
        "Andreessen Horowitz; ezCater; Center for Humane Technology; NTT DATA; Delinea; Atera; iCiMS; Kythera Labs",
        "place": "",
        "optional": "place: Americas; organisation: Liberty Mutual; organisation: NTT",
    },
    # damiengwalter.com, 2024: science fiction books to read (book and film titles are no entities)
    "wcxb-4373": {
        "person": "Stanislaw Lem; HG Wells; Vladimir Lenin; Iain M Banks; Adam Roberts; Taylor Swift; Stephen King; "
        "Lee Pace; Edgar Wright; Elana Gomel; Denis Villeneuve; Sam Hughes; Mary Wollstonecraft Shelley; Byron; "
        "Guillermo del Toro; Brendan Myers; Nick Land; William Gibson; Yanis Varoufakis; Yevgeny Zamyatin; "
        "Simon Stålenhag; Millie Bobby Brown; Chris Pratt",
        "organisation": "YouTube; CCRU; Netflix",
        "place": "",
        "optional": "person: Richard Bachman; person: Moid; person: Schwarzenegger; person: QNTM; person: Shelley; "
        "person: Lord Byron; person: Kant; person: Marx; person: Orwell; person: Russo Brothers; "
        "person: Simon Stalenhag; person: Stalenhag; person: Stålenhag; organisation: Media Death Cult; "
        "organisation: SCP; organisation: Warwick University; organisation: Hugo; organisation: Grammys; "
        "organisation: Science Fiction channel; organisation: Russo Brothers",
    },
    # redfin.com, 2025: housing market predictions
    "wcxb-4135": {
        "person": "Donald Trump",
        "organisation": "Redfin; Fed; Thumbtack; National Association of Realtors",
        "place": "United States; South Florida; Southern California; Los Angeles; Nashville; New York; New York City; "
        "Great Lakes; Midwest; Long Island; Hudson Valley; Fairfield County; Syracuse; Cleveland; St. Louis; "
        "Minneapolis; Madison; Florida; Texas; San Antonio; Austin; Fort Lauderdale; West Palm Beach; Miami; Malibu; "
        "Pacific Palisades; Altadena; Santa Monica; Long Beach",
        "optional": "organisation: NAR; organisation: Federal Reserve; organisation: YIMBY; place: NYC; "
        "place: Northern NJ; place: NJ; place: New Jersey; place: CT; place: Connecticut; place: NY; place: OH; "
        "place: MO; place: MN; place: WI; place: TN; place: TX; place: FL; place: Palisades; place: Great Lakes Region",
    },
    # smartbitchestrashybooks.com, 2025: book notes (characters of the novels are optional)
    "wcxb-0461": {
        "person": "H.G. Parry; Heather Webber; Harley Laroux; Sloane Brooks",
        "organisation": "Tor Books; The Nerd Daily; BookPage; St. Martin’s Press; Kensington Books; New York Times; "
        "TikTok; Atria Books",
        "place": "London; Paris; Pacific Northwest; Alabama",
        "optional": "person: Sydney Carton; person: Charles Darnay; person: Juliet Nightingale; "
        "person: Tallulah Byrd Mayfield; person: Tallulah; person: Lu; person: Salem; person: Rayne; "
        "person: Courtney; person: Bryce; person: Jonathan Strange; person: Norrell; organisation: Book Beat; "
        "organisation: Teen Beat; organisation: Tiger Beat; organisation: Faery Realm; "
        "organisation: Forget-Me-Not Library; place: Forget-Me-Not; place: Balfour Manor; place: Blackridge Island",
    },
    # rapid7.com, 2025: Metasploit release notes (products, CVE ids and code names are no entities)
    "wcxb-2645": {
        "person": "Valentin Lobstein; Zach Hanley; Tarek Nakkouch",
        "organisation": "Horizon3.ai; N-able; GitHub",
        "place": "",
        "optional": "organisation: Metasploit; organisation: AttackerKB; organisation: Rapid7; person: Chocapikk; "
        "person: zeroSteiner",
    },
    # psychiatry.org, 2024: scientific trends in psychiatry
    "wcxb-0192": {
        "person": "Alexander B. Niculescu",
        "organisation": "Psychiatric News",
        "place": "",
        "optional": "organisation: APA; organisation: American Psychiatric Association; person: Vogel; person: Black",
    },
}

# A seventh set for issue 17, WCXB_FRESH3, labelled after the fixes of ee67d09 and 36f34ba and BEFORE the
# finder (or any project code) ran on these pages; this file was committed before the first scoring run,
# bench/results/mentions_wcxb_fresh3_first_run.txt, which is the estimate the issue asks for (>= 300
# entities). The pages were not chosen by hand: the WCXB pages not used above, English, of 300-1,800 words
# and with at least 7 capitalised words after a lower-case word per 100 words (a plain regex count, so that a
# page names something), taken in the order of sha256("fresh3-" + id) and labelled one after the other
# until at least 12 pages and 300 required entities were labelled (23 pages). Pages naming nothing count
# too: whatever is found on them is wrong. They are mostly company blogs, guides and listings, not news.
# Conventions as above, and: a company named for its service (Uber, TikTok, Ahrefs) is an organisation, its
# products (Outlook, Google Meet, Air Max) and standards, laws, certifications and methods (Bluetooth, MiCA,
# GAAP, CPA, Lean Startup) are none; events are optional; venues (convention centres, hotels, stadiums,
# theatres) are optional as places or organisations; named trails, parks, bayous and neighbourhoods are
# places; streets of an address, US state codes (GA, TX) and citations by surname are optional.
WCXB_FRESH3: dict[str, dict[str, str]] = {
    # thewinesociety.com: American wine, a regional guide (wineries are organisations, wine regions places)
    "wcxb-4691": {
        "person": "Robert Mondavi; Jim Clendenen; Jason Lett; Joel Peterson; Randall Grahm",
        "organisation": "University of California; Ravenswood; Ridge; Pedroncelli; Joseph Swan; Dominus; Frog's Leap; "
        "Corrison; Silveroak; Au Bon Climat; Sahndi; Lemleson; Eyrie; Elk Cove; Cristom; Stag's Leap Wine Cellars; "
        "Bonny Doon",
        "place": "United States; California; Napa; Sonoma; San Francisco; Paso Robles; Monterey; Santa Cruz Mountains; "
        "Santa Maria Valley; Oregon; Burgundy; Dundee Hills; Willamette Valley; Washington; Cascade Mountain; "
        "Bordeaux; France; Margaret River; Coonawarra; Australia; Chile; South Africa; Rutherford; Oakville; "
        "St Helena; Howell Mountain; Stags Leap; Croatia; Italy; Russian River Valley; Carneros; Sonoma Coast; "
        "St Emilion; Pomerol",
        "optional": "organisation: Society; organisation: The Wine Society; organisation: Drouhin; "
        "organisation: Jadot; person: Drouhin; person: Jadot; person: Joseph Swan; organisation: The Eyrie Vineyard; "
        "place: The Eyrie Vineyard; place: Eyrie; organisation: Davis; place: Davis; place: America; place: USA; "
        "place: States; place: Santa Maria; place: Eastern Washington; place: Pacific; place: Pacific northwest; "
        "place: Rhône; place: Cascade Mountain range; place: Paris; organisation: Judgement of Paris; "
        "organisation: Stag's Leap; organisation: Au Bon Climat's",
    },
    # erikdemaine.org: the fold-and-cut problem (books, papers, journals and conferences are no entities;
    # journals and meetings are optional)
    "wcxb-0406": {
        "person": "Kan Chu Sen; Betsy Ross; George Washington; Lydia Marie Child; David Lister; Walter Gibson; "
        "Gerald Loe; Martin Gardner; Martin Demaine; Anna Lubiw; Jeff Erickson; Robert Lang; Marshall Bern; "
        "David Eppstein; Barry Hayes; Andrea Hawksley; Hiro Ito; Po-Ru Loh; Shelly Manber; Omari Stephens; "
        "Ivars Peterson; Joseph O’Rourke",
        "organisation": "Congress; E. P. Dutton & Company; Magic, Inc.; Mathematical Association of America",
        "place": "Chicago; Washington, D.C.",
        "optional": "person: Houdini; person: Aichholzer; person: Gardner; person: Loe; "
        "organisation: Harper’s New Monthly Magazine; organisation: Harper’s; organisation: Scientific American; "
        "organisation: Science News; organisation: SIGACT News; organisation: SIGACT; "
        "organisation: International Journal of Computational Geometry and Applications; organisation: ushistory.org; "
        "organisation: Public Paperfolding History Project; organisation: The Public Paperfolding History Project; "
        "organisation: E. P. Dutton; organisation: Magic; organisation: ACM; organisation: SIAM; "
        "organisation: ACM-SIAM; organisation: SODA; organisation: OSME; organisation: CCCG; organisation: JCDCG; "
        "organisation: FUN; organisation: Lecture Notes in Computer Science; place: Japan; place: America; "
        "place: Washington",
    },
    # partnershipstudentsuccess.org: academic tutoring (a resource list; citations by surname are optional)
    "wcxb-0138": {
        "person": "Andre Joshua Nickow; Philip Oreopoulos; Vincent Quan; Sara White; Megan Carey; Annie O’Donnell; "
        "Susanna Loeb; Carly Robinson; Mathew Kraft",
        "organisation": "Annenberg Institute; Brown University; Partnership for Student Success; Accelerate; "
        "National Student Support Accelerator; Global Industry Analysts; Center for Education Market Dynamics; "
        "U.S. Department of Education; Chicago Public Schools; Saga Education; Results for America; "
        "National Center for Learning Disabilities; J-PAL North America",
        "place": "United States",
        "optional": "person: Susan Loeb; person: Philip Oreopoulous; person: Nickow; person: Oreopoulos; person: Quan; "
        "person: Cook; person: Lynch; person: Salvin; person: Dietrichson; person: Bøg; person: Filges; "
        "person: Klint Jørgensen; organisation: Annenberg Institute at Brown University; organisation: PSS; "
        "organisation: EdResearch for Recovery; organisation: J-PAL; organisation: Department of Education; "
        "organisation: National Student Support Accelerator in Partnership; organisation: NCLB; place: Chicago; "
        "place: America; place: North America; place: US",
    },
    # dynamicbusiness.com: an appointment-scheduling tool (companies named for their services are organisations;
    # products of a named company, Outlook, Google Meet, Microsoft Teams, are no entities)
    "wcxb-0464": {
        "person": "",
        "organisation": "Lunacal; Google; Apple; Stripe; PayPal; HubSpot; Pipedrive; Salesforce; Zapier",
        "place": "",
        "optional": "organisation: Zoom; organisation: Microsoft; organisation: Outlook; organisation: lunacal.ai",
    },
    # luccaam.com: SEO strategies for 2025 (tools named for their companies are organisations; Google's products,
    # Search Console, Analytics, and ChatGPT are no entities)
    "wcxb-0040": {
        "person": "",
        "organisation": "Google; Ahrefs; SEMrush; Screaming Frog; Sitebulb; LuccaAM",
        "place": "",
        "optional": "organisation: Google My Business; organisation: Screaming Frog SEO Spider",
    },
    # network1consulting.com: tech conferences in Atlanta (events are optional; venues, convention centres,
    # hotels and stadiums, are optional as places or organisations; streets of an address are optional)
    "wcxb-4365": {
        "person": "David Gracey",
        "organisation": "Network 1 Consulting; Georgia Tech; Microsoft; Technology Association of Georgia; "
        "ManageEngine; Fogo de Chão",
        "place": "Atlanta; Dunwoody",
        "optional": "organisation: TAG; organisation: Marriott; organisation: SpringHill Suites; "
        "organisation: SpringHill Suites by Marriott Atlanta Downtown; place: SpringHill Suites by Marriott Atlanta "
        "Downtown; organisation: Georgia World Congress Center; place: Georgia World Congress Center; "
        "organisation: Cobb Convention Center; place: Cobb Convention Center; organisation: Cobb Galleria Center; "
        "place: Cobb Galleria Center; organisation: Woodruff Arts Center; place: Woodruff Arts Center; "
        "organisation: Westin Peachtree Plaza Hotel; place: Westin Peachtree Plaza Hotel; organisation: Westin; "
        "place: Truist Park; organisation: Truist Park; place: Georgia; place: GA; place: State Street; "
        "place: Ferst Drive; place: Peachtree Street; place: Southeast; place: Atlanta Downtown; "
        "organisation: Atlanta Science Festival; organisation: Celebrate STEAM; organisation: FABCON; "
        "organisation: Microsoft Fabric Community Conference; organisation: Future Festival; "
        "organisation: Future Festival Atlanta; organisation: Georgia Technology Summit; "
        "organisation: Atlanta Tech Week; organisation: Fintech South; organisation: Southeast Design-2-Part Show; "
        "organisation: RE+ Southeast; organisation: MODEX; organisation: Great American Franchise Expo; "
        "organisation: TECHSPO; organisation: TECHSPO Atlanta; organisation: Georgia Public Sector Cybersecurity "
        "Summit; organisation: ManageEngine Shield; organisation: Level Zero Conference; organisation: CIOMeet; "
        "organisation: Global Security Exchange; organisation: GSX",
    },
    # abiweb.com: for-hire livery insurance (plans, Period X and Period Zero, are products)
    "wcxb-0241": {
        "person": "",
        "organisation": "American Business Insurance; Uber; Lyft; Turo; Get Around; State Farm",
        "place": "United States",
        "optional": "organisation: abiweb.com; organisation: Getaround",
    },
    # everywomansmarathon.com: a beginner's marathon plan (the race is an event, optional)
    "wcxb-4114": {
        "person": "Alysha Flynn; Kristy Baumann",
        "organisation": "What Runs You, LLC",
        "place": "",
        "optional": "organisation: Every Woman's Marathon; organisation: What Runs You; person: Marathon Nutritionist",
    },
    # idenfy.com: cryptocurrency regulations around the world (laws, MiCA, BitLicense, and currencies are no entities)
    "wcxb-4155": {
        "person": "",
        "organisation": "Financial Action Task Force; European Union; Securities and Exchange Commission; "
        "Commodity Futures Trading Commission; Financial Crimes Enforcement Network; Ripple; Coinbase; "
        "Financial Transactions and Reports Analysis Centre of Canada; Canada Revenue Agency; Binance; "
        "Financial Conduct Authority; Treasury; Bank of England; Monetary Authority of Singapore; FSA; "
        "Dubai Virtual Assets Regulatory Authority; Australian Securities and Investments Commission; "
        "Reserve Bank of New Zealand; Mt. Gox",
        "place": "Europe; United States; Wyoming; New York; Canada; United Kingdom; Asia; Singapore; China; Japan; "
        "Middle East; Dubai; Australia; New Zealand",
        "optional": "organisation: FATF; organisation: EU; organisation: SEC; organisation: CFTC; "
        "organisation: FinCEN; organisation: CRA; organisation: FCA; organisation: VARA; "
        "organisation: ASIC; organisation: UK government; "
        "place: European Union; place: EU; place: UK; place: US",
    },
    # coerll.utexas.edu: open Spanish teaching materials (titles of books, courses and corpora are works, no entities)
    "wcxb-4555": {
        "person": "Angélica Amezcua; Flavia Belpoliti; Anel Brandl; Stephanie Gonzalez; Jocelly G. Meiners; "
        "Rose Potter; Betsy Arnold; Barbara E. Bullock; Almeida Jacqueline Toribio; Orlando Kelm; Dale Koike; "
        "Meredith Clark; José Sologuren; Gabriela Zapata; Alessandra Ribota; Judith E. Liskin-Gasparro",
        "organisation": "COERLL; ACTFL",
        "place": "United States; Texas; Latin America; Spain",
        "optional": "person: Cervantes; organisation: TeCHS; organisation: Creative Commons; organisation: AP; "
        "organisation: SpinTX; organisation: Spanish in Texas; organisation: TEKS; place: US",
    },
    # creativeramblingsblog.com: ten woodworking projects (credited blogs by their web addresses are optional)
    "wcxb-4452": {
        "person": "",
        "organisation": "",
        "place": "",
        "optional": "organisation: www.littlebitsofhome.com; organisation: www.bitterrootdiy.com; "
        "organisation: www.livingletterhome.com; organisation: diydanielle.com; organisation: thediydreamer.com; "
        "organisation: www.bybrittanygoldwyn.com",
    },
    # thecolumbiastar.com: green gifts for gardeners (tools and seed kits are products; shop web addresses optional)
    "wcxb-0394": {
        "person": "Jenks Farmer; Margaret Roach",
        "organisation": "Johnny's Seeds; Womanswork; Burpee; Park Seed; Grampa's Gardenware; Unique Gardener; USDA",
        "place": "",
        "optional": "place: South; organisation: www.johnnyseeds.com; organisation: seattleseed.com; "
        "organisation: womanswork.com; organisation: www.burpee.com; organisation: www.parkseed.com; "
        "organisation: grampasweeder.com; organisation: awaytogarden.com; organisation: uniquegardener.com; "
        "organisation: Grampa's Weeder; person: Farmer",
    },
    # digitalpreservation.no: a pilot of digital preservation for museums
    "wcxb-0447": {
        "person": "",
        "organisation": "National Library of Norway; Norwegian Directorate for Cultural Heritage; KulturIT; "
        "Norwegian Ministry of Culture and Equality",
        "place": "",
        "optional": "organisation: National Library; organisation: Ministry of Culture and Equality; "
        "organisation: Amazon; organisation: E-ARK; organisation: DPS; place: Norway",
    },
    # nathanbenaich.substack.com: about a newsletter (the newsletter, State of AI, Guide to AI, is a work)
    "wcxb-4440": {
        "person": "Nathan Benaich",
        "organisation": "Air Street Capital; Air Street Press",
        "place": "Europe; United States",
        "optional": "organisation: State of AI; organisation: Guide to AI; organisation: Air Street",
    },
    # accountingdepartment.com: GAAP principles (GAAP is a standard, no entity)
    "wcxb-0118": {
        "person": "",
        "organisation": "AccountingDepartment.com",
        "place": "",
        "optional": "",
    },
    # bryanuniversity.edu: accounting degree or certification (certifications, CPA, CMA, CIA, CFA, are no entities)
    "wcxb-0308": {
        "person": "",
        "organisation": "Bryan University; National Association of Certified Public Bookkeepers; "
        "Internal Revenue Service; Institute of Management Accountants; Association of Certified Fraud Examiners; "
        "American Institute of Certified Public Accountants",
        "place": "United States",
        "optional": "organisation: BU; organisation: Bryan U; organisation: IRS; organisation: IMA; "
        "organisation: ACFE; organisation: AICPA; organisation: Microsoft",
    },
    # fastarz.com: ten shoe companies (brands that are companies are organisations; shoe lines, Air Max,
    # Ultraboost, HOVR, are products)
    "wcxb-0067": {
        "person": "",
        "organisation": "Fastarz; Nike; Adidas; Puma; Under Armour; Skechers; Gucci; Vans; New Balance; Lacoste; Jump; "
        "Ferrari",
        "place": "",
        "optional": "person: Rihanna; organisation: Parley",
    },
    # ers.usda.gov: climate change and agriculture (reports, NCA5, inventories and surveys are works, no entities)
    "wcxb-4025": {
        "person": "",
        "organisation": "ERS; USDA; U.S. Environmental Protection Agency; Office of the Chief Economist",
        "place": "United States; Alaska; Arctic",
        "optional": "organisation: EPA; organisation: Environmental Protection Agency; "
        "organisation: Federal Government; organisation: Amber Waves; "
        "organisation: Economic Research Service; place: US",
    },
    # sofia-health.com: what a meditation class costs (MBSR is a method, no entity)
    "wcxb-0224": {
        "person": "",
        "organisation": "Sofia Health",
        "place": "",
        "optional": "",
    },
    # houstoniamag.com: biking trails in Houston (named trails, parks, bayous and neighbourhoods are places;
    # venues, stadiums and theatres, are optional as places or organisations)
    "wcxb-4628": {
        "person": "",
        "organisation": "Texas Southern University",
        "place": "Houston; Museum District; Heights; Austin; Portland; Seattle; Montrose; Discovery Green; "
        "Buffalo Bayou; Sam Houston Park; Buffalo Bayou Park; White Oak Bayou Greenway; Greater East End; "
        "Harrisburg Hike and Bike Trail; East Downtown; Eastwood; Second Ward; White Oak Bayou; Rice Military; "
        "MKT Trail; M-K-T Heights; Donovan Park; Buffalo Bayou Hike and Bike Trail; Waugh Drive Bridge; Texas; "
        "Memorial Park; Green Ridge Trail; Yellow Trail; Orange Trail; Blue Trail; Purple Trail; "
        "Brays Bayou Greenway Trail; Hermann Park; McGovern Centennial Gardens; Terry Hershey Hike and Bike Trail; "
        "Memorial; George Bush Park Hike and Bike Trails; Spring Creek Greenway; Humble; Spring; Rhode Island; "
        "Spring Creek Nature Trail; Columbia Tap Trail; Third Ward; White Oak Bayou Trail",
        "optional": "place: Bayou City; place: Downtown; place: Heights Hike and Bike Trail; place: Color Trails; "
        "place: Triangle; place: Medical Center; organisation: Medical Center; place: Japanese Garden; "
        "place: Miller Outdoor Theatre; organisation: Miller Outdoor Theatre; place: Terry Hershey Park; "
        "place: Terry Hershey Park Hike and Bike Trail; place: George Bush Park; place: EaDo; place: Columbia Tap; "
        "place: Shell Energy Stadium; organisation: Shell Energy Stadium; place: Minute Maid Park; "
        "organisation: Minute Maid Park; place: White Oak; place: Brays Bayou; place: Spring Creek; "
        "place: Memorial Park Hike and Bike Trailhead; place: Greater East End–Harrisburg Hike and Bike Trail; "
        "place: MKT; place: Buffalo Bayou Greenway",
    },
    # news.theleanstartup.com: a call for proposals (Lean Startup, the method, is no entity; the conferences are
    # events, optional; the venues are optional as places or organisations)
    "wcxb-4458": {
        "person": "Eric Ries; Jennifer Maerz",
        "organisation": "Lean Startup Co.",
        "place": "San Francisco; New York; London",
        "optional": "organisation: Lean Startup Week; organisation: Lean Startup Conference; place: The Warfield; "
        "organisation: The Warfield; place: The Village; organisation: The Village; person: Ries",
    },
    # qcy.com: trends in Bluetooth headphones (standards, codecs and models, Bluetooth, LDAC, MeloBuds, are no
    # entities)
    "wcxb-0234": {
        "person": "",
        "organisation": "QCY",
        "place": "",
        "optional": "",
    },
    # silverbackstrategies.com: social media advertising agencies ranked (agencies and their clients are
    # organisations; services, Reddit Marketing, LinkedIn Ads, are no entities; state codes are optional)
    "wcxb-3036": {
        "person": "",
        "organisation": "TikTok; Meta; Silverback Strategies; Clutch; The Washington Post; LinkedIn; YouTube; "
        "Long Roofing; Strayer University; Armed Forces Mutual; Sociallyin; Angi; The Gift Card Shop; CreditRepair; "
        "LYFE Marketing; Mission Hills Racquet & Swim Club; Arctic Collagen; Fresh Content Society; American Apparel; "
        "KFC; Volume Nine; Access Medical Labs; WideFoc.us Social Media; Sculpt; Loom; Monotype; Pearson; "
        "Ernst Media; Mind Share Partners; KDRO Consulting; Silvertrac; Iron Roots; Gilette; Netflix; Ninja Promo; "
        "Green Man Gaming; DiMarca Rental Car",
        "place": "United States; Washington, DC; Atlanta; Northfield; Denver; Iowa City; Spokane; Austin; New York",
        "optional": "organisation: Inc.; organisation: Inc. 5000; organisation: Silverback; organisation: Slim Jim; "
        "organisation: Reddit; organisation: X; organisation: WideFoc.us; organisation: LYFE; place: U.S.; "
        "place: GA; place: Georgia; place: IL; place: Illinois; place: CO; place: Colorado; place: IA; place: WA; "
        "place: TX; place: NY; place: DC",
    },
}

# An eighth set, WCXB_FRESH4, labelled after the fixes WCXB_FRESH3's first run inspired (66d08fd, 4ff7a9a,
# a315074) and BEFORE the finder (or any project code) ran on these pages; this file was committed before
# its first scoring run, bench/results/mentions_wcxb_fresh4_first_run.txt, the held-out estimate of the
# rules as fixed after WCXB_FRESH3. The pages follow WCXB_FRESH3's in the same order and by the same rule
# (WCXB pages not used before, English, 300-1,800 words, at least 7 capitalised words after a lower-case
# word per 100 words, sha256("fresh3-" + id) order), labelled one after the other until at least 12 pages
# and 300 required entities were labelled (25 pages). Same conventions as WCXB_FRESH3; in addition a maker
# named only inside a product's name (Rode PodMic, Herman Miller Sayl) is optional, and so is an event
# named after a company (Cisco Live), the company itself being required where it is named on its own.
WCXB_FRESH4: dict[str, dict[str, str]] = {
    # lmsys.org: Mini-SGLang, an inference framework (software, models and GPUs, SGLang, vLLM, Qwen3, H200, are
    # products, no entities)
    "wcxb-0407": {
        "person": "Liangsheng Yin; Lianmin Zheng; Yi Pan; Wenxin Zheng",
        "organisation": "SJTU",
        "place": "",
        "optional": "person: MisakaVan; organisation: OpenAI; organisation: NVIDIA; organisation: SGLang; "
        "organisation: Qwen",
    },
    # levitate.ai: website builders for small businesses (companies named for their service are organisations;
    # WordPress, open-source software, and plugins are products, optional)
    "wcxb-4857": {
        "person": "",
        "organisation": "Wix; Squarespace; Shopify; Webflow; Figma; Levitate",
        "place": "",
        "optional": "organisation: WordPress; organisation: WordPress.org; organisation: Yoast; "
        "organisation: Yoast SEO; organisation: Rank Math",
    },
    # funnelstory.ai: testing Go code with mocks (code identifiers are no entities; Postgres and the fixture's
    # "Acme Corp" are optional)
    "wcxb-0446": {
        "person": "",
        "organisation": "FunnelStory; Salesforce; Slack",
        "place": "",
        "optional": "organisation: Acme Corp; organisation: Postgres; organisation: Nylas",
    },
    # gardening.cals.cornell.edu: gardening in a warming world (a resource list; citations by surname are
    # optional; botanic gardens are organisations, optional as places)
    "wcxb-0275": {
        "person": "Thomas Christopher",
        "organisation": "Cornell Cooperative Extension; Cornell; Timber Press; Brooklyn Botanic Garden; "
        "New Prairie Press; Arbor Day Foundation; National Ecological Observatory Network; Chicago Botanic Garden; "
        "Union of Concerned Scientists; US Department of Agriculture; US Environmental Protection Agency; "
        "Cornell Botanic Gardens",
        "place": "Portland; Manhattan",
        "optional": "person: Wolfe; person: Wolfe, D; person: Cerra; person: Wien; person: Skelly; person: Keane; "
        "person: Tim Keane; person: Keane, Tim; organisation: Master Gardener Volunteer; "
        "organisation: Cornell Cooperative Extension Master Gardener Volunteer; organisation: Project BudBurst; "
        "organisation: National Ecological Observatory Network, Inc.; place: Brooklyn Botanic Garden; "
        "place: Chicago Botanic Garden; place: Cornell Botanic Gardens; place: Oregon; place: Or; place: KS; "
        "place: Kansas; place: Brooklyn; place: Chicago; place: US",
    },
    # securityweek.com: cybersecurity mergers and acquisitions of October 2025 (products, Vectra Fusion, the Ping
    # Identity Platform, are no entities)
    "wcxb-0078": {
        "person": "Robert Simonds; Martin Roesch",
        "organisation": "Dataminr; ThreatConnect; Imprivata; Verosint; Francisco Partners; Jamf; Apple; JumpCloud; "
        "Breez; LevelBlue; Cybereason; NSO Group; Pentera; DevOcean; Ping Identity; Keyless; RecordPoint; Redactive; "
        "Riveron; Eden Data; Searchlight Cyber; Intangic; Twilio; Stytch; Vectra AI; Netography; Veeam Software; "
        "Securiti AI",
        "place": "United States; Israel; London; Melbourne; Austin; Hollywood",
        "optional": "organisation: NSO; organisation: Ping; organisation: Searchlight; organisation: Veeam; "
        "organisation: Vectra; organisation: DevOvean; organisation: Netography Fusion; organisation: Vectra Fusion; "
        "place: US",
    },
    # movieweb.com: the best anime of 2025 (titles are works; characters are optional; animation studios are
    # organisations)
    "wcxb-0417": {
        "person": "Jun Mayuzuki; Shinichiro Watanabe; Chad Stahelski; Keiichi Arawi; Tatsuki Fujimoto; Yukinobu Tatsu",
        "organisation": "CloverWorks; Arvo Animation; EOTA; Letterboxd; MAPPA; Kyoto Animation; Studio LAN; "
        "Science SARU; Studio Rock 'n' Roll Mountain; Cygames Pictures; Netflix",
        "place": "",
        "optional": "organisation: Clover Works; organisation: My Anime List; organisation: Monty Python; "
        "person: Uoto; person: Gojo; person: Marin; person: Momo; person: Okarun; person: Hikaru; person: John Wick; "
        "person: Watanabe; place: Kowloon",
    },
    # cisecurity.org: cybersecurity best practices (CIS Controls, Benchmarks, SecureSuite are products; job titles
    # are no entities)
    "wcxb-0036": {
        "person": "Jim Long; Jeff Kushner",
        "organisation": "CIS; The Long Law Firm; International Public Service Information & Communications Technology "
        "Agency; Allgress",
        "place": "Seattle; South Africa",
        "optional": "organisation: The Long Law Firm, PLLC; organisation: CIS Benchmarks; place: WA",
    },
    # tp-link.com: mesh WiFi (Deco, HomeShield, Zigbee and WiFi 6 are products or standards)
    "wcxb-4235": {
        "person": "",
        "organisation": "TP-Link; Amazon; Walmart; Costco; Newegg",
        "place": "",
        "optional": "organisation: Deco",
    },
    # svs.gsfc.nasa.gov: climate change and crop yields, a visualization (model projects are optional)
    "wcxb-4027": {
        "person": "Mark SubbaRao; Jonas Jaegermeyer; Laurence Schuler; Ian Jones",
        "organisation": "NASA; Scientific Visualization Studio; ADNET Systems; Columbia University",
        "place": "Central America; West Africa; Central Asia; Brazil; China; United States; Canada; "
        "North China Plains; Australia; East Africa",
        "optional": "organisation: GSFC; organisation: NASA/GSFC; organisation: ADNET Systems, Inc.; "
        "organisation: CMIP6; organisation: AgMIP; organisation: Climate Model Intercomparison Project; "
        "organisation: Agricultural Model Intercomparison Project; place: North America; place: North; "
        "place: Earth; place: North China",
    },
    # beefound.agency: Google product reviews (Google's products, Shopping, Merchant Center, Maps, and review
    # types are no entities)
    "wcxb-4846": {
        "person": "",
        "organisation": "Google; Trustpilot; Yotpo",
        "place": "",
        "optional": "organisation: reviews.io",
    },
    # automateed.com: podcast equipment for beginners (gear is named by product; the makers inside the product
    # names are optional; software, Audacity, GarageBand, Reaper, Logic Pro, is no entity)
    "wcxb-4667": {
        "person": "",
        "organisation": "Automateed; Riverside.fm",
        "place": "",
        "optional": "organisation: Rode; organisation: Audio-Technica; organisation: Sennheiser; organisation: Shure; "
        "organisation: Focusrite; organisation: Beyerdynamic; organisation: Universal Audio; organisation: Sony; "
        "organisation: Logitech; organisation: DJI; organisation: Zoom; organisation: Cloudlifter; "
        "organisation: Riverside",
    },
    # industryselect.com: ten appliance manufacturers in the USA (a table of companies and towns; appliance
    # brands, Kenmore, KitchenAid, Sonicare, are optional; state codes are optional)
    "wcxb-0052": {
        "person": "",
        "organisation": "MNI; IndustrySelect; Haier US Appliance Solutions; Whirlpool Corporation; "
        "Electrolux Major Appliances; Roper Corporation; Philips Oral Healthcare; A. O. Smith Water Products Co.; "
        "Bradford White Water Heaters; G.E. Appliances",
        "place": "United States; Louisville; Kentucky; Clyde; Ohio; Springfield; Tennessee; Marion; Findlay; "
        "La Fayette; Georgia; Bothell; Washington; Ashland City; Cleveland; Middleville; Midwest; South; West; "
        "Northeast; Walker County",
        "optional": "organisation: Haier; organisation: Haier U.S. Appliance Solutions; "
        "organisation: Haier US Appliance Solutions, Inc.; organisation: Whirlpool Corp.; organisation: Whirlpool; "
        "organisation: Electrolux; organisation: Roper Corp.; organisation: Roper; organisation: Philips; "
        "organisation: Philips Oral Healthcare, LLC; organisation: A.O. Smith Water Products Co.; "
        "organisation: A. O. Smith; organisation: Bradford White; organisation: G.E.; organisation: GE; "
        "organisation: Kenmore; organisation: KitchenAid; organisation: Estate; organisation: Monogram; "
        "organisation: CAFÉ; organisation: Profile; organisation: Hotpoint; organisation: Sonicare; "
        "organisation: Clyde Operations Facility; organisation: Whirlpool Corp. Cleveland Div.; place: U.S.; "
        "place: USA; place: U.S.A.; place: America; place: KY; place: OH; place: TN; place: GA; place: WA; place: MI; "
        "place: Michigan",
    },
    # nutritionsource.hsph.harvard.edu: the Healthy Eating Plate (guides and indexes, MyPlate, Healthy Eating
    # Pyramid, Healthy Eating Index, are works)
    "wcxb-0073": {
        "person": "",
        "organisation": "Harvard T.H. Chan School of Public Health; Harvard Health Publications; "
        "U.S. Department of Agriculture; Center for Nutrition Policy and Promotion; Harvard University",
        "place": "United States",
        "optional": "organisation: Harvard Chan School of Public Health; organisation: USDA; "
        "organisation: Department of Agriculture; organisation: Harvard; place: U.S.",
    },
    # slatenyc.com: what house cleaning costs in San Diego
    "wcxb-0158": {
        "person": "",
        "organisation": "Slate; Handy; Maid 2 Clean; Yelp",
        "place": "San Diego; La Jolla; Del Mar",
        "optional": "organisation: Handy San Diego; organisation: Maid 2 Clean San Diego; place: CA; place: California",
    },
    # gvbuild.com: house renovation costs in the Bay Area
    "wcxb-4070": {
        "person": "",
        "organisation": "GV Build",
        "place": "Bay Area",
        "optional": "",
    },
    # boardgamersanonymous.com: the top board games of 2025 (game titles and settings are works; designers named
    # by surname only and the co-host by first name are optional)
    "wcxb-4679": {
        "person": "",
        "organisation": "YouTube; Patreon; Chip Theory",
        "place": "",
        "optional": "person: Turczi; person: Buckle; person: Chris; organisation: PAX Unplugged; place: Middle-earth; "
        "place: Santorini",
    },
    # nps.gov: Yosemite webcams (falls, domes, valleys and meadows are places)
    "wcxb-0341": {
        "person": "",
        "organisation": "Yosemite Conservancy; Yosemite Hospitality; US Geological Survey",
        "place": "Yosemite Falls; Upper Yosemite Fall; Middle Cascades; Lower Yosemite Fall; Yosemite Valley; "
        "Yosemite Village; Half Dome; Yosemite; El Capitan; Wawona Tunnel; Tuolumne Meadows; Fairview Dome; "
        "Turtleback Dome; Badger Pass Ski Area; Merced River; Happy Isles",
        "optional": "place: Yosemite High Sierra; place: High Sierra; place: Tuolumne Meadows Store; "
        "organisation: Tuolumne Meadows Store; place: Happy Isles Gaging Station; place: Badger Pass",
    },
    # uk.glossier.com: terms of a skincare promotion (the products and region headings CAD, ROW, EST are none)
    "wcxb-4761": {
        "person": "",
        "organisation": "Glossier",
        "place": "United States; United Kingdom",
        "optional": "organisation: glossier.com; place: US; place: UK; place: EU; place: IR; organisation: EU",
    },
    # roadandtrack.com: the best electric cars for the money (car models, Ioniq 5, Model 3, Mach-E, are products;
    # photo credits are people)
    "wcxb-4499": {
        "person": "Emmet White; Mike Austin; Will Sabel Courtney",
        "organisation": "Hyundai; Nissan; Tesla; Ford; Kia; Cadillac; Rivian; Chevrolet; BMW; Audi",
        "place": "United States",
        "optional": "organisation: Chevy; organisation: EPA; place: U.S.",
    },
    # spinemd.com: office chairs and back pain (chair models are products; their makers inside the model names
    # are optional)
    "wcxb-4796": {
        "person": "Ehsan Jazini",
        "organisation": "VSI; Forbes",
        "place": "",
        "optional": "organisation: Herman Miller; organisation: Mimoglad; organisation: Branch; "
        "organisation: Gabrylly; organisation: Steelcase; organisation: X-Chair; person: Jazini",
    },
    # cnx-software.com: a USB expansion board for the Raspberry Pi 5 (boards and chips are products; makers inside
    # product names are optional)
    "wcxb-0421": {
        "person": "",
        "organisation": "Suptronics; Via Lab; ThePiHut; Geekworm; AliExpress; Amazon",
        "place": "",
        "optional": "organisation: Raspberry Pi; organisation: Terminus; organisation: Radxa; organisation: Kakip",
    },
    # blog.shi.com: top tech conferences of 2026 (events are optional, also the companies' events named after them;
    # state codes, the Sphere and award regions are optional; podcasts are works)
    "wcxb-4366": {
        "person": "Ed McNamara",
        "organisation": "SHI; Stratascale; Lenovo; TCEA; Fortinet; NVIDIA; Google; ServiceNow; IAITAM; "
        "Dell Technologies; Cisco; HPE; Pure Storage; CrowdStrike; Apple; Microsoft; Amazon Web Services",
        "place": "Somerset; Las Vegas; San Antonio; Los Angeles; San Jose; San Diego; Orlando; Minneapolis; Dallas; "
        "Kansas City; Denver; Chicago; Anaheim; San Francisco; United States",
        "optional": "organisation: AWS; organisation: VMware; organisation: Jamf; organisation: EDUCAUSE; "
        "organisation: NVIDIA Partner Network; organisation: SHI Summit; organisation: Lenovo Tech World; "
        "organisation: ViVE; organisation: Fortinet Accelerate; organisation: Accelerate; organisation: NVIDIA GTC; "
        "organisation: Google Cloud Next; organisation: ServiceNow Knowledge; "
        "organisation: IAITAM Annual Conference and Exhibition; organisation: IAITAM ACE; organisation: ACE; "
        "organisation: Dell Technologies World; organisation: Cisco Live; organisation: FinOps X; "
        "organisation: HPE Discover; organisation: ISTELive; organisation: PEARC; "
        "organisation: Practice and Experience in Advanced Research Computing; organisation: VMware Explore; "
        "organisation: Fal.Con; organisation: TribalNet Conference & Tradeshow; organisation: TribalNet; "
        "organisation: Jamf Nation User Conference; organisation: JNUC; organisation: SC26; organisation: CITE; "
        "organisation: California IT in Education; organisation: Microsoft Ignite; organisation: Ignite; "
        "organisation: AWS re:Invent; organisation: International Conference for High Performance Computing, "
        "Networking, Storage, and Analysis; organisation: Education Strategy; place: Sphere; place: USA East Area; "
        "place: North America; place: California; place: NJ; place: NV; place: TX; place: CA; place: FL; place: MN; "
        "place: MO; place: CO; place: IL; place: USA",
    },
    # optimantra.com: SEO for mental health practices (tools named for their companies are organisations; Google's
    # products, Keyword Planner, Business Profile, Analytics, Search Console, are none)
    "wcxb-0306": {
        "person": "",
        "organisation": "Google; Ahrefs; SEMrush; OptiMantra; Psychology Today; GoodTherapy; TherapyDen; Zencare",
        "place": "",
        "optional": "organisation: Ubersuggest; organisation: AnswerThePublic; organisation: Google My Business",
    },
    # connect.bcbsok.com: smartphone basics (phones, operating systems, stores and apps, iPhone, Android, Gmail,
    # are products)
    "wcxb-0344": {
        "person": "",
        "organisation": "Apple; Samsung; Motorola; Google; Sony; Nokia; Netflix; TikTok; AARP; Senior Planet",
        "place": "",
        "optional": "organisation: BCBSOK; organisation: Green Smartphones; organisation: Apple Support; "
        "organisation: Android",
    },
    # clouddb.substack.com: ten tech newsletters (newsletter titles are works; tools in a skills list are optional)
    "wcxb-4443": {
        "person": "John Foley; Justin Gage; Matthew Linley; Benn Stancil; Alex Kantrowitz; Olga Berezovsky; "
        "Timothy B. Lee; Damien Benveniste; Charlie Guo; Alex Xu; Dave Anderson; Kareem Abdul-Jabbar; Patti Smith",
        "organisation": "InformationWeek; Oracle; IBM; MongoDB; LinkedIn; Substack; Mode; Databricks; Advertising Age; "
        "BuzzFeed; Amazon; Apple; Facebook; Google; Microsoft; OpenAI; Washington Post; Vox.com; Ars Technica; "
        "Tesla; Waymo; Meta; Stanford; Zynga; Twitter; AWS; Bezos Academy",
        "place": "Brooklyn; San Francisco",
        "optional": "person: Gage; person: Linley; person: Stancil; person: Kantrowitz; person: Berezovsky; "
        "person: Lee; person: Anderson; organisation: Snowflake; organisation: Azure; organisation: Google Cloud; "
        "organisation: ByteByteGo; organisation: Cafe Anne; organisation: Cloud Database Report; "
        "organisation: Benn.company; organisation: Benn.ventures; organisation: Benn.substack; place: NY; "
        "place: New York; place: SF",
    },
}

# A ninth set, WCXB_FRESH5, labelled after the fixes WCXB_FRESH4's first run inspired (b56b472, 5f84782,
# 6132091) and BEFORE the finder (or any project code) ran on these pages; this file was committed before
# its first scoring run, bench/results/mentions_wcxb_fresh5_first_run.txt, the held-out estimate of the rules
# as fixed after WCXB_FRESH4. The pages follow WCXB_FRESH4's in the same order and by the same rule, labelled
# one after the other until at least 12 pages and 300 required entities were labelled (21 pages, 307).
# Same conventions as WCXB_FRESH3 and WCXB_FRESH4; apps named for their companies (YNAB, MyFitnessPal) are
# organisations, but a page that describes apps only as software (alternativeto.net) has them all optional.
WCXB_FRESH5: dict[str, dict[str, str]] = {
    # encorerealtysc.com: kitchen appliance trends from KBIS and IBS 2025 (the shows are events, optional; brands of
    # another named maker, Café, JennAir, Dacor, Signature Kitchen Suite, are optional; models are products)
    "wcxb-0223": {
        "person": "",
        "organisation": "Whirlpool; LG; ZLine; Midea; Miele; Samsung; Danver",
        "place": "Las Vegas",
        "optional": "organisation: Café; organisation: JennAir; organisation: Dacor; organisation: SKS; "
        "organisation: Signature Kitchen Suite; organisation: Tupperware; organisation: KBIS; "
        "organisation: Kitchen & Bath Industry Show; organisation: IBS; organisation: International Builders’ Show; "
        "organisation: KBIS & IBS",
    },
    # nescafe.com: a history of coffee (legendary figures known by one name are optional)
    "wcxb-4040": {
        "person": "Suleyman Aga; Louis XIV; Baba Budan; John Smith; Dorothy Jones",
        "organisation": "Dutch East India Company; British East India Company",
        "place": "Ethiopia; Kenya; Yemen; Arabia; Persia; Egypt; Syria; Turkey; Constantinople; Istanbul; Mecca; "
        "Europe; Italy; Venice; England; Oxford; London; Paris; France; Austria; Germany; Spain; Asia; India; "
        "Africa; Indonesia; Sulawesi; Sumatra; Java; Bali; Thailand; Vietnam; Cambodia; Laos; Jamestown; Boston; "
        "Great Britain; Central America; Brazil",
        "optional": "person: Kaldi; person: Pascal; person: King Louis XIV; person: Captain John Smith; "
        "place: Ottoman Empire; organisation: Ottoman Empire; place: Colony of Virginia; place: Virginia; "
        "place: St.-Germain; place: New World; place: Atlantic; place: Latin America",
    },
    # trezy.io: four website builders for small businesses (WordPress, open-source software, and WooCommerce are
    # products, optional)
    "wcxb-4859": {
        "person": "",
        "organisation": "Squarespace; Weebly; Wix",
        "place": "",
        "optional": "organisation: WordPress; organisation: Wordpress; organisation: WooCommerce",
    },
    # charlestoncoffeeroasters.com: a brief history of coffee
    "wcxb-4044": {
        "person": "",
        "organisation": "",
        "place": "Horn of Africa; Red Sea; Arabian Peninsula; Yemen; Arabia; Near East; Mocha; Alexandria; "
        "Constantinople; Mecca; India; Europe; Venice; Indonesia; Java; Sumatra; Sulawesi; Bali; Latin America; "
        "Martinique; Southeast Asia; Brazil",
        "optional": "place: Spice Route; place: Africa",
    },
    # appaddict.app: a digital photo frame app (devices, systems and apps, iPad, macOS, Google Photos, Digikam, are
    # products; makers inside product names are optional)
    "wcxb-2740": {
        "person": "",
        "organisation": "Apple; Flickr; Unsplash; AppRaven",
        "place": "",
        "optional": "organisation: Aura; organisation: Google; organisation: Intel; organisation: Debian; "
        "person: Ken Burns",
    },
    # cleaningservicesseattle.me: cleaning costs in San Diego
    "wcxb-0159": {
        "person": "",
        "organisation": "American Cleaning Institute",
        "place": "San Diego; California; West Coast; Seattle; Los Angeles",
        "optional": "",
    },
    # netgear.com: what mesh WiFi is (Orbi is a product)
    "wcxb-4233": {
        "person": "",
        "organisation": "NETGEAR",
        "place": "",
        "optional": "organisation: Orbi",
    },
    # myusf.usfca.edu: low-cost counselling providers in San Francisco (a listing; streets of the addresses and a
    # shopping centre are optional)
    "wcxb-0313": {
        "person": "",
        "organisation": "USF; Access Institute for Psychological Services; Center for Somatic Psychotherapy; "
        "CA Institute of Integral Studies; Christian Counseling Centers; California Pacific Medical Center Counseling "
        "Clinic; Dimensions Health Clinic; Golden Gate Integral Counseling Center; Greenlight Clinic; Holos Institute; "
        "Hyde Street Community Services; Tenderloin Outpatient Clinic; Integral Counseling Center; "
        "Marina Counseling Center; New Perspectives Center for Counseling; Open Path; Queer LifeSpace; "
        "SF Therapy Collective; San Francisco Marriage and Couples Center; Well Clinic",
        "place": "San Francisco; Greenbrae; California; Inner Richmond District",
        "optional": "organisation: CIIS; organisation: CIIS Psychological Services Center; "
        "organisation: CA Institute of Integral Studies (CIIS) Psychological Services Center; "
        "organisation: Psychological Services Center; organisation: California Pacific Medical Center; "
        "organisation: Free HELP; organisation: Hyde Street Community Services/Tenderloin Outpatient Clinic; "
        "place: Tenderloin; place: SF; place: CA; place: Inner Richmond; place: Gough St.; place: Montgomery St.; "
        "place: Portola Dr.; place: Polk St; place: Polk Street; place: 17th Street; place: Bon Air Center; "
        "place: Hyde Street; place: Pierce Street; place: Lombard St.; place: Fillmore; place: Geary Blvd.; "
        "place: Market Street; place: Rhode Island St.; place: Bush St.; place: Rhode Island",
    },
    # travelnoire.com: the top car rental company of 2025 (the study is a work)
    "wcxb-0333": {
        "person": "",
        "organisation": "Enterprise Rent-A-Car; J.D. Power; Travel + Leisure; National Car Rental; "
        "Enterprise Mobility; Advantage Rent A Car; Sixt; Hertz; Dollar; Fox Rent A Car; Payless",
        "place": "",
        "optional": "organisation: Enterprise; organisation: National; place: North America",
    },
    # ocs.yale.edu: job offers and salary negotiation (a chair named after a person is optional; web tools named
    # by their addresses are organisations)
    "wcxb-4570": {
        "person": "Madeline L.; Barry Nalebuff; Kathleen McGinn; Deb Ellis",
        "organisation": "OCS; Yale College; National Association of Colleges and Employers; Coursera; SOM; "
        "Idealist.org; Cheeky Scientist; AAAS; Harvard Business School; Yale Women Faculty Forum; YouTube; "
        "American Association of University Women; Salary.com; HomeFair.com; CareerBliss.com; "
        "Chronicle of Higher Education; Yale University",
        "place": "",
        "optional": "person: Milton Steinbach; organisation: Science Magazine; organisation: Science; "
        "organisation: AAUW; organisation: Yale; organisation: Chronicle Data; organisation: Idealist",
    },
    # discodanlives.bearblog.dev: a year of tabletop games (games, modules and their characters are works; people
    # known by one name are optional)
    "wcxb-0412": {
        "person": "Owen O’Donnell; Abe Chester; Tania Herrero; Chris Bissette",
        "organisation": "Discord; Tuesday Knight Games; Glue Trap Games; Cats Have No Lord",
        "place": "",
        "optional": "person: Abe; person: Dimothy; person: Woodgrue; person: Mostlemyre Drouge; person: Dracula; "
        "organisation: Canyonheavy Cowboys; organisation: Year of the Rat; place: Prigwort",
    },
    # filmmakermagazine.com: the U.S. in Progress showcase in Wrocław (films and shows are works; festivals and the
    # showcase are events, optional, also as the places they are named after)
    "wcxb-0405": {
        "person": "Sarah Friedland; India Donaldson; Paula González-Nasser; Amanda Kramer; Pete Ohs; Vero Kompalic; "
        "Gia Rigoli; Julia Baylis; Sam Guest; Stacy Martin; Spike Fearn; Talia Lugacy; Jaffe Zinn; Les Blank; "
        "Mylissa Fitzsimmons; Mackenzie Astin; Lucya Yusimov; Georgia Bernstein; Liane Cunje; Alex Phillips; "
        "Cemre Paksoy; Bruce McKenzie; Liz Sargent; Apoorva Charan; Suzi Yoonessi; Melissa Leo; Doron Max Hagay; "
        "John Early; Blair Beeken; Katy Fullan; Shay Rudolph",
        "organisation": "XANF; Aeroplan; Earworks; Platige Image; Orka; Soundflower; New Europe Film Sales; Fixafilm; "
        "OnlyFans; Black Photon; ATM Virtual",
        "place": "Wrocław; Warsaw; Warsaw Chopin Airport; Long Island; Hamptons; Los Angeles; New York City; "
        "Manhattan; Boulder; Appalachia; Poland; Park City; Japan; United States",
        "optional": "person: Anna; person: Anna Sargent; person: Baylis; person: Guest; person: Zinn; "
        "person: Fitzsimmons; person: Bernstein; person: Sargent; person: Yoonessi; person: Hagay; "
        "organisation: Tauron American Film Festival; organisation: AFF; organisation: U.S. in Progress; "
        "organisation: USiP; organisation: USIP; organisation: Sundance; organisation: Tribeca Festival; "
        "organisation: Tribeca; organisation: Venice; organisation: SXSW; organisation: Cannes; "
        "organisation: Slamdance; organisation: TIFF; organisation: Locarno; organisation: AT&T; "
        "organisation: New Europe; organisation: U.S. Dramatic Competition; place: Venice; place: Cannes; "
        "place: Locarno; place: Tribeca; place: LA; place: NYC; place: New York; place: U.S.; place: Europe; "
        "place: North America",
    },
    # insight2wealth.com: financial tips for millennials (apps named for their companies are organisations; the
    # Great Recession and Roth IRA are no entities)
    "wcxb-4090": {
        "person": "",
        "organisation": "YNAB; Monarch; PocketGuard; Credit Karma; Experian",
        "place": "",
        "optional": "",
    },
    # britannica.com: the history of coffee (a figure of legend is optional)
    "wcxb-4043": {
        "person": "Clement VIII",
        "organisation": "",
        "place": "Kefa; Ethiopia; Red Sea; Arabia; Yemen; Mecca; Constantinople; Istanbul; Turkey; Europe; Britain; "
        "America; Java; Americas; Hawaiian Islands; Brazil; Africa; Vietnam; Colombia; Indonesia",
        "optional": "person: Kaldi; person: Pope Clement VIII; place: Kaffa; place: Ottoman Empire; "
        "organisation: Ottoman Empire; place: Indonesian archipelago; place: Western Hemisphere; "
        "place: Coffee Belt; place: southern Arabia",
    },
    # bbkmarketing.com: product reviews for e-commerce SEO (Google's products and programmes, the markup example's
    # placeholder names and country codes are no entities or optional)
    "wcxb-4845": {
        "person": "",
        "organisation": "Google; Trustpilot; Bazaarvoice; Yotpo",
        "place": "",
        "optional": "organisation: WordLift; organisation: WordLift Blog; person: Jane Doe; "
        "organisation: Example Online Store; organisation: Google Merchant Center; place: FR; place: CH",
    },
    # onetreeplanted.org: ways to reduce waste (reports and campaigns, Meatless Monday, are no entities)
    "wcxb-4614": {
        "person": "Marie Kondo",
        "organisation": "Environmental Protection Agency; UN; Food and Water Watch; TooGoodToGo",
        "place": "United States",
        "optional": "organisation: EPA; organisation: United States EPA; organisation: United Nations; place: US",
    },
    # levitatemedia.com: short-form video production (platforms named for their companies are organisations;
    # YouTube Shorts, Instagram Reels and editing software are products)
    "wcxb-1974": {
        "person": "",
        "organisation": "YouTube; TikTok; Instagram; LinkedIn",
        "place": "",
        "optional": "organisation: Adobe; organisation: YouTube Shorts; organisation: Instagram Reels",
    },
    # alternativeto.net: note-taking apps like Notion (a page of apps described as software: all optional)
    "wcxb-2976": {
        "person": "",
        "organisation": "",
        "place": "",
        "optional": "organisation: Notion; organisation: Obsidian; organisation: Anytype; organisation: AppFlowy; "
        "organisation: Logseq; organisation: Joplin; organisation: ClickUp; organisation: Microsoft; "
        "organisation: Microsoft OneNote; organisation: Standard Notes; organisation: Notesnook; "
        "organisation: AFFiNE; organisation: Zim; organisation: Simplenote; organisation: Dropbox; "
        "organisation: OneDrive; organisation: sNotes; organisation: Students Notes",
    },
    # lillieeatsandtells.com: seven air fryer recipes (tracking apps named for their companies are organisations)
    "wcxb-4633": {
        "person": "",
        "organisation": "MyFitnessPal; Lose It; Macros First",
        "place": "",
        "optional": "",
    },
    # nbcnews.com: smart home hubs (devices, assistants and protocols, Echo Show, Alexa, Siri, Thread, Zigbee, are
    # products; brands named only for their products, Kasa, Nanoleaf, Philips Hue, Aqara, Ring, are optional)
    "wcxb-4472": {
        "person": "Rebecca Rodriguez; Zoe Malin; Carl Prouty",
        "organisation": "NBC Select; Amazon; Google; Apple; Abt",
        "place": "Glenview; Illinois",
        "optional": "organisation: Kasa; organisation: Nanoleaf; organisation: Philips; organisation: Philips Hue; "
        "organisation: Aqara; organisation: Ring; organisation: NBC; person: Prouty; person: Malin",
    },
    # aboutcoffee.org: the history of coffee (a figure of legend is optional; the Boston Tea Party is an event)
    "wcxb-4039": {
        "person": "Clement VIII; Louis XIV; Gabriel de Clieu; Francisco de Mello Palheta; George III",
        "organisation": "Lloyd's of London; National Coffee Association",
        "place": "Arabian Peninsula; Yemen; Iran; Egypt; Syria; Turkey; Middle East; Mecca; Europe; Venice; England; "
        "Austria; France; Germany; Holland; London; Arabia; India; Indonesia; Java; Sumatra; Sulawesi; Mocha; "
        "Vietnam; Bourbon; Tonkin; Americas; Amsterdam; Paris; Martinique; Caribbean; Central America; Brazil; "
        "French Guiana; New York City; United States; Royal Botanical Garden",
        "optional": "person: Kaldi; person: Pope Clement VIII; person: King Louis XIV; person: King George III; "
        "person: Edward Lloyd; person: de Mello Palheta; place: Edward Lloyd's Coffee House; "
        "organisation: Royal Botanical Garden; place: Ethiopian plateau; place: South America; place: Boston; "
        "place: New World; place: U.S.; place: Araby",
    },
}

# A tenth set, WCXB_FRESH6, labelled after the fixes WCXB_FRESH5's first run inspired (8fc2646, 82aeb21) and
# BEFORE the finder (or any project code) ran on these pages; this file was committed before its first
# scoring run, bench/results/mentions_wcxb_fresh6_first_run.txt. The pages: the last 11 of WCXB_FRESH3's order
# (the rule's pages with at least 7 capitalised words per 100 ran out there), then the WCXB pages of 4 to 7
# such words per 100, not used before, in the same sha256("fresh3-" + id) order, labelled one after the other
# until at least 300 required entities were labelled (43 pages, 305). Same conventions as WCXB_FRESH3 to 5.
WCXB_FRESH6: dict[str, dict[str, str]] = {
    # tecertifiedelectricians.com: prices of electrical work around Atlanta (services are no entities)
    "wcxb-0226": {
        "person": "",
        "organisation": "TE Certified Electricians",
        "place": "Atlanta",
        "optional": "place: GA; organisation: TE Certified",
    },
    # helpnetsecurity.com: Black Friday cybersecurity offers (NordLayer, NordPass and NordStellar are product lines,
    # optional; devices and plans are products; security conferences are events, optional)
    "wcxb-0080": {
        "person": "",
        "organisation": "Passwork; Yubico; Hack The Box; Ledger; 7ASecurity",
        "place": "",
        "optional": "organisation: NordLayer; organisation: NordPass; organisation: NordPass Business; "
        "organisation: NordStellar; organisation: DEF CON; organisation: Black Hat USA; organisation: Black Hat; "
        "organisation: OWASP; organisation: OWASP Global AppSec; organisation: Nullcon; organisation: BruCON; "
        "place: USA",
    },
    # gurussolutions.com: a CRM comparison chart (NetSuite CRM and Zoho CRM are products of companies named only
    # inside them, optional; HIPAA is a law)
    "wcxb-4255": {
        "person": "",
        "organisation": "Salesforce; HubSpot; Monday.com; Zendesk",
        "place": "United States",
        "optional": "organisation: NetSuite; organisation: NetSuite CRM; organisation: Zoho; organisation: Zoho CRM; "
        "organisation: Salesforce Essentials; place: U.S.",
    },
    # steamritual.com: espresso machines under $500 (machines are products; their makers are named only as
    # product names or brands of machines here, optional)
    "wcxb-4819": {
        "person": "",
        "organisation": "",
        "place": "",
        "optional": "organisation: Breville; organisation: DeLonghi; organisation: Gaggia; organisation: Flair; "
        "organisation: Capresso",
    },
    # strategyandwargaming.com: the best strategy games of 2025 so far (games are works)
    "wcxb-4682": {
        "person": "",
        "organisation": "Strategy and Wargaming; Hooded Horse; Digital Sun",
        "place": "",
        "optional": "organisation: LEGO; organisation: Stem; place: Berlim; person: John Wick",
    },
    # herecomestheguide.com: a wedding checklist (photo credits name venues, optional as places or
    # organisations, and businesses, organisations; a person's name inside a studio's name is optional)
    "wcxb-4588": {
        "person": "",
        "organisation": "Here Comes The Guide; Nantahala Weddings & Events; Pinterest; Cassi Claire Photography; "
        "K & K Photography; Minted Weddings; Stephanie Parsley Photography; Kody Ng Photography; Tay Tesvich Photo; "
        "Sara Zarella Photography; Infinity and Ovation Yacht Charters; Visi Productions; Naba Zabih Photography",
        "place": "",
        "optional": "organisation: Castle Ladyhawke; place: Castle Ladyhawke; organisation: Flora The Venue; "
        "place: Flora The Venue; organisation: Fiddler's Elbow Country Club; place: Fiddler's Elbow Country Club; "
        "organisation: Hilton Clearwater Beach Resort and Spa; place: Hilton Clearwater Beach Resort and Spa; "
        "organisation: Hilton; place: Clearwater Beach; organisation: Meadows At Mossy Creek; "
        "place: Meadows At Mossy Creek; organisation: Regatta Place; place: Regatta Place; "
        "organisation: The St Vrain; place: The St Vrain; organisation: Fireseed Catering and Wedding Venue; "
        "place: Fireseed Catering and Wedding Venue; organisation: Castaway Portland; place: Castaway Portland; "
        "place: Portland; organisation: Minted; organisation: Evite; organisation: MyGuide; person: Cassi Claire; "
        "person: Stephanie Parsley; person: Kody Ng; person: Tay Tesvich; person: Sara Zarella; person: Naba Zabih",
    },
    # barnettghostwriting.com: 25 book publishers in the USA (book series are works)
    "wcxb-0252": {
        "person": "",
        "organisation": "Barnett Ghostwriting; Penguin Random House; Penguin; Random House; HarperCollins Publishers; "
        "Simon & Schuster; Hachette Book Group; Macmillan Publishers; Scholastic Corporation; Wiley; "
        "Workman Publishing; Chronicle Books; Sourcebooks; Kensington Publishing Corp.; Beacon Press; "
        "Melville House Publishing; Grove Atlantic; Algonquin Books; Little, Brown and Company; "
        "Farrar, Straus and Giroux; Tor Books; Harlequin Enterprises; Soho Press; Open Road Media; "
        "University of Chicago Press; Basic Books",
        "place": "United States",
        "optional": "organisation: HarperCollins; organisation: Hachette; organisation: Macmillan; "
        "organisation: Scholastic; organisation: Workman; organisation: Kensington; organisation: Melville House; "
        "organisation: FSG; organisation: Tor; organisation: Harlequin; organisation: Little, Brown; "
        "place: USA; place: U.S.; place: Chicago",
    },
    # getdianahr.com: HR management software (ADP Workforce Now is a product of a company named only inside it)
    "wcxb-4304": {
        "person": "",
        "organisation": "DianaHR; Rippling; BambooHR; Workday; SHRM",
        "place": "",
        "optional": "organisation: ADP; organisation: ADP Workforce Now; organisation: Fortune",
    },
    # os-system.com: software development methodologies (methods, Agile, Waterfall, SAFe, RAD, are no entities)
    "wcxb-0257": {
        "person": "",
        "organisation": "OS-System",
        "place": "",
        "optional": "",
    },
    # happilyconnected.com: a caterer comparison spreadsheet
    "wcxb-0023": {
        "person": "",
        "organisation": "Google",
        "place": "",
        "optional": "organisation: happilyconnected.com",
    },
    # fivebooks.com: award-winning science fiction of 2025 (books and series are works, their characters optional;
    # awards and people named only in them are optional)
    "wcxb-4371": {
        "person": "Sylvia Bishop; Alexander Boldizar; Sierra Greer; Ray Nayler; A.D. Sui; Chris Fenoglio; Ryan North",
        "organisation": "Locus; The Guardian; Paramount+; Strange Horizons; Comics Beat",
        "place": "",
        "optional": "person: Preble Jefferson; person: Preble; person: Doug; person: Annie; person: Annie Bot; "
        "person: Inez Kato; person: Kato; person: Ennis Rezál; person: Rezál; person: Beckett Mariner; "
        "person: Mark Twain; person: Eric Hoffer; person: Arthur C. Clarke; person: Boldizar; person: Greer; "
        "person: Nayler; organisation: CIBA; organisation: Foreword INDIES; organisation: Hugo; "
        "organisation: Nebula; organisation: Locus Sci Fi; organisation: Paramount; place: Cerritos",
    },
    # iprimo.sg: a wedding timeline and budget (Facebook Live and Zoom are products, optional)
    "wcxb-4592": {
        "person": "",
        "organisation": "I-PRIMO; Pinterest; Registry of Marriages; WhatsApp; Telegram",
        "place": "Singapore",
        "optional": "organisation: Facebook; organisation: Facebook Live; organisation: Zoom; "
        "place: Botanic Gardens; organisation: I‑PRIMO",
    },
    # theprairiehomestead.com: an organic pest control spray (Liquid Fence is a product)
    "wcxb-4660": {
        "person": "",
        "organisation": "",
        "place": "Wyoming",
        "optional": "organisation: Prairie Homestead; organisation: Prairie Kids",
    },
    # trcglobalmobility.com: relocation company or moving company
    "wcxb-0238": {
        "person": "",
        "organisation": "TRC; IRS",
        "place": "Northeast; Boston; Hartford; United States",
        "optional": "",
    },
    # learn.hms.harvard.edu: AI for clinicians (a named chair's person is optional)
    "wcxb-4079": {
        "person": "Samir Kendale; Maha Farhat; Isaac Kohane",
        "organisation": "Beth Israel Lahey Health; Harvard Medical School; Massachusetts General Hospital",
        "place": "",
        "optional": "person: Gil Omenn; person: Kendale; person: Farhat; organisation: Harvard",
    },
    # sewcanshe.com: seven sewing machines for beginners (machines are products; makers named only in the machines'
    # names are optional)
    "wcxb-4148": {
        "person": "",
        "organisation": "Brother; Craftsy",
        "place": "Denver",
        "optional": "organisation: Janome; organisation: Juki; organisation: Babylock",
    },
    # myconsultingoffer.org: the pros and cons of consulting
    "wcxb-0353": {
        "person": "",
        "organisation": "Peace Corps; McKinsey",
        "place": "Hawaii; Puerto Rico",
        "optional": "",
    },
    # jefftk.com: a personal backup strategy (Google's services, Gmail, Drive, Google Plus, are products)
    "wcxb-0495": {
        "person": "",
        "organisation": "Google; GitHub",
        "place": "",
        "optional": "organisation: jefftk.com",
    },
    # lakecrestdental.com: dental resolutions for 2025
    "wcxb-0290": {
        "person": "",
        "organisation": "LakeCrest Dental",
        "place": "Broken Arrow",
        "optional": "place: OK; place: Oklahoma",
    },
    # today.com: fitness trends for 2025 (a band is optional; devices and events are no entities)
    "wcxb-0034": {
        "person": "Heather Andersen; Ashley Millers; Taylor Swift; Sabrina Carpenter; Olivia Rodrigo; Kendrick Lamar; "
        "Dua Lipa",
        "organisation": "Strava; ClassPass; TikTok; TODAY.com; New York Pilates; American College of Sports Medicine; "
        "Obé Fitness",
        "place": "",
        "optional": "organisation: ACSM; organisation: TODAY; organisation: Coldplay; organisation: FitBit; "
        "person: Andersen; person: Millers; place: New York",
    },
    # educationdata.org: what online college costs (a table of universities)
    "wcxb-0020": {
        "person": "",
        "organisation": "University of Central Florida; Clayton State University; Southern New Hampshire University; "
        "Ball State University; University of South Dakota; University of Northern Iowa; Liberty University; "
        "Grand Canyon University; Arizona State University; Purdue University Global",
        "place": "United States",
        "optional": "place: U.S.; place: Central Florida; place: South Dakota; place: Northern Iowa; "
        "place: Grand Canyon; place: Arizona",
    },
    # linkedin.com: five trends from Nutrition 2025 (the meeting is an event; trials and drugs are no entities)
    "wcxb-0003": {
        "person": "",
        "organisation": "American Society for Nutrition; American College of Lifestyle Medicine; "
        "Obesity Medicine Association; The Obesity Society",
        "place": "Orlando",
        "optional": "organisation: ASN; organisation: Student Interest Group of ASN; organisation: ACLM; "
        "organisation: OMA; organisation: TOS; organisation: Nutrition 2025",
    },
    # treehugger.com: fifteen low-light indoor plants (plant names and the Victorian era are no entities)
    "wcxb-4708": {
        "person": "",
        "organisation": "ASPCA",
        "place": "Japan; Southeast Asia; India; China; Caribbean; South America; Asia; New Guinea; Central America; "
        "Africa; Australia; South Africa; Peru",
        "optional": "place: American tropics",
    },
    # spaceotechnologies.com: what a mobile app is (apps named for their companies are organisations; Google's,
    # Microsoft's and Uber's products named with the company are optional; languages and stores are no entities)
    "wcxb-0278": {
        "person": "",
        "organisation": "Apple; Instagram; Uber; Spotify; Facebook; Snapchat; WhatsApp; Trello; Asana; Amazon; "
        "Twitter; Forbes; Pinterest; Flipkart; AliExpress",
        "place": "",
        "optional": "organisation: Google; organisation: Google Play; organisation: UberEats; organisation: Microsoft; "
        "organisation: Microsoft Teams",
    },
    # thewoodwhisperer.com: ten easy woodworking projects
    "wcxb-4454": {
        "person": "Chris Hoomani",
        "organisation": "Wood Whisperer; Woodcraft",
        "place": "",
        "optional": "",
    },
    # synergycustomfitness.com: a home gym on a budget (equipment is named by product; the makers and shops inside
    # the product names are optional)
    "wcxb-4643": {
        "person": "",
        "organisation": "",
        "place": "",
        "optional": "organisation: Titan; organisation: Titan Fitness; organisation: PowerBlock; "
        "organisation: Synergee; organisation: REP Fitness; organisation: WOD Nation; organisation: Tractor Supply; "
        "organisation: Facebook; organisation: Facebook Marketplace",
    },
    # commercialappeal.com: meditation and the brain (World Meditation Day and records are no entities)
    "wcxb-0120": {
        "person": "Sri Sri Ravi Shankar",
        "organisation": "United Nations; YouTube",
        "place": "United States; World Trade Center; New York City; Boston",
        "optional": "person: Gurudev Sri Sri Ravi Shankar; organisation: Guinness; "
        "organisation: United Nations Human Rights Mindfulness Initiative; place: U.S.",
    },
    # halomentalhealth.com: mental health trends (a film, drugs and therapies are no entities)
    "wcxb-0190": {
        "person": "Matthew Boland",
        "organisation": "Indiana University School of Medicine; Netflix; Facebook; Instagram; Pinterest; Congress; "
        "National Alliance on Mental Illness; Halo Mental Health",
        "place": "United States; Reno; Nevada; Las Vegas",
        "optional": "organisation: Psych Central; organisation: Psych Central Medical Affairs Team; "
        "organisation: NAMI; organisation: IFS Therapy Las Vegas; place: America; person: Boland",
    },
    # bluelinebikelab.com: local mountain bike trails around Houston (trails, parks and ranches are places;
    # streets and trail features are optional)
    "wcxb-4624": {
        "person": "Benjamin Franklin; Susan B. Anthony",
        "organisation": "",
        "place": "Houston; Memorial Park; Camp Logan; Anthills; Cypress Creek; Spring Creek; Jack Brooks Park; "
        "Double Lake State Park; Huntsville State Park; Bluff Creek Ranch; Warda; Texas; Rocky Hill Ranch; "
        "Smithville; United States",
        "optional": "place: Ho Chi Mihn; place: Laos; place: Laos Trails; place: Memorial Drive; place: Wilcrest; "
        "place: Eldridge; place: Northwest Houston; place: I-45; place: East Texas; place: Piney Woods; "
        "place: East Texas Piney Woods; place: Double Lake; place: Huntsville; place: Gas Pass; place: Rocky Hill; "
        "place: Jack Brooks; place: US; organisation: Google; person: Jack Brooks; person: Fat Chuck; "
        "organisation: CCMTB",
    },
    # worldfutureawards.com: nominations for the top 100 blockchain companies (the ranking is a work)
    "wcxb-0207": {
        "person": "Alexander Chetchikov",
        "organisation": "World Future Awards; Coinbase; Crypto.com; Gemini; GetBlock",
        "place": "",
        "optional": "organisation: WFA",
    },
    # aztecplumbing.net: plumbing maintenance tips
    "wcxb-0320": {
        "person": "",
        "organisation": "Aztec Plumbing & Drains",
        "place": "Fort Myers; Florida",
        "optional": "organisation: Fort Myers Plumbing Experts",
    },
    # glossgenius.com: how much to charge for a yoga class
    "wcxb-0151": {
        "person": "",
        "organisation": "GlossGenius",
        "place": "United States; Los Angeles; New York City; South Dakota; Arkansas",
        "optional": "",
    },
    # tobyhede.com: seven habits of ineffective coding agents (Claude, Claude Code and Bevy are products, no entities)
    "wcxb-0419": {
        "person": "",
        "organisation": "Shadertoy",
        "place": "",
        "optional": "",
    },
    # studiobinder.com: types of cameras (cameras are products; makers named only in model names are optional)
    "wcxb-0271": {
        "person": "",
        "organisation": "Hasselblad; YouTube",
        "place": "",
        "optional": "organisation: Canon; organisation: Panasonic; organisation: Nikon; organisation: Sony; "
        "organisation: GoPro; organisation: Insta360",
    },
    # sumissura.com: sustainable clothing brands (brands that are companies are organisations; a brand named after
    # its designer is the designer where the text speaks of her, else the company; certifications are no entities)
    "wcxb-4110": {
        "person": "Stella McCartney; Kelly Slater",
        "organisation": "Sumissura; Hockerty; Patagonia; Eileen Fisher; Allbirds; Veja; Reformation; Pact; Amour Vert; "
        "Outerknown; Nudie Jeans; Mara Hoffman; People Tree; Thought; Alternative Apparel; Kotn; Nisolo; "
        "Girlfriend Collective; ABLE; Amendi; Nagnata; Indigenous; tentree",
        "place": "Peru",
        "optional": "organisation: Stella McCartney; person: Eileen Fisher; person: Mara Hoffman; person: McCartney; "
        "organisation: B Corp; organisation: GOTS; organisation: Fair Trade",
    },
    # brettlarkin.com: the best non-slip yoga mats (mat brands that are companies are organisations)
    "wcxb-4016": {
        "person": "",
        "organisation": "Jade; Manduka; Yoloha; Gaiam; Hugger Mugger; Lululemon",
        "place": "United States",
        "optional": "organisation: Jade Yoga; place: US; place: America",
    },
    # bennadel.com: formatting compound strings in ColdFusion (ColdFusion is a product; the example's name and
    # address are made up, optional)
    "wcxb-0476": {
        "person": "",
        "organisation": "",
        "place": "",
        "optional": "person: Laura Badonka; organisation: Special Investigations; place: 21 Jump Street; "
        "place: Metropolis; place: Evergreen State; organisation: Big Sexy Poems",
    },
    # bigfuture.collegeboard.org: tips for a college essay (names nothing)
    "wcxb-4621": {
        "person": "",
        "organisation": "",
        "place": "",
        "optional": "",
    },
    # renofi.com: renovations with the best return (shows, reports and indexes are works)
    "wcxb-0227": {
        "person": "",
        "organisation": "HGTV; Remodeling; Investopedia; Zillow",
        "place": "United States",
        "optional": "organisation: S&P",
    },
    # investopedia.com: digital marketing (platforms named for their companies are organisations; Google Ads,
    # Facebook Ads and Bing are products, optional)
    "wcxb-0044": {
        "person": "",
        "organisation": "Netscape; Facebook; DHL; Google; LinkedIn; Twitter; Pinterest; Amazon; YouTube; Instagram; "
        "TikTok",
        "place": "",
        "optional": "organisation: Bing; organisation: X; organisation: Google Ads; organisation: Facebook Ads",
    },
    # gardenista.com: a year of ecological gardening (a poem, a book and a dog are no entities or optional; the
    # High Line is optional as a place or an organisation)
    "wcxb-0400": {
        "person": "Ross Gay; Jeff Lorenz; Kayla Fell; Uli Lorimer; Richard Hayden; Georgia Silvera Seamans; "
        "John Muir Laws; Yinuo Sun; Nadia Alquaddoomi; Kelly D. Norris; Edwina von Gal",
        "organisation": "Perfect Earth Project; Refugia; Native Plant Trust; New York Biodiversity Task Force; "
        "Terremoto",
        "place": "Upper West Side; Manhattan; Central Park; Turtle Pond; Washington Square Park; California",
        "optional": "person: Jasper; organisation: High Line; place: High Line; organisation: Nature’s Notebook; "
        "organisation: NYC Biodiversity Task Force; place: Earth; place: New York",
    },
    # spice.ai: the Spice Cayenne data accelerator (databases, formats and engines, DuckDB, SQLite, Vortex, Arrow,
    # are products; Apache and GitHub named only in product names are optional)
    "wcxb-0433": {
        "person": "",
        "organisation": "Spice.ai; Linux Foundation; YouTube; SpiralDB; PolarSignals; AWS",
        "place": "",
        "optional": "organisation: Spice; organisation: Apache; organisation: GitHub; organisation: Github",
    },
    # greatdayimprovements.com: renovation trends for 2025 (Leafguard is a product)
    "wcxb-0236": {
        "person": "Melissa Skinner; Sam Brubaker; Mike Strmac; Brad Yourkavitch; Kyle Powers",
        "organisation": "Great Day Improvements; Pinterest",
        "place": "",
        "optional": "organisation: Leafguard",
    },
}

# An eleventh set, WCXB_FRESH7 (issue 17), labelled after the evidence policy of 917393e was chosen on the ten
# sets above and BEFORE the finder (or any project code but a page-choosing regex count) ran on these pages;
# this file was committed before its first scoring run, bench/results/mentions_wcxb_fresh7_first_run.txt.
# The pages: the rule of WCXB_FRESH3 to 6 had run out (two pages left), so the WCXB pages not used above, of
# 150 to 3,000 words and at least 97 % ASCII, taken in descending count of capitalised words after a
# lower-case word (the regex count of WCXB_FRESH3, not per 100 words: pages that name many things), labelled
# one after the other until at least 300 required entities were labelled (6 pages, one of which names
# nothing: whatever is found there is wrong). Labelled 2026-12-06 20:11-20:19 UTC by reading the bodies.
# Same conventions as WCXB_FRESH3 to 6, and: hotels, museums, memorials, visitor centres and other venues are
# optional as places or organisations; named national parks, monuments that are areas, lakes, valleys,
# canyons, islands, trails and wine regions are places (a wine region is a place even where its name is also
# the wine's, "Bordeaux", "Chianti"); grape varieties, wines, tour packages, trains and laws are no entities;
# hotel brands and groups (Park Hyatt, Four Seasons, Aman) are organisations, single hotels venues.
WCXB_FRESH7: dict[str, dict[str, str]] = {
    # aaa.com: eleven US vacation packages (package names, "Hawaiian Adventure", "Southern Charm", are products)
    "wcxb-0149": {
        "person": "",
        "organisation": "AAA; Smithsonian Institution; Alaska Railroad; Musk Ox Farm",
        "place": "United States; Honolulu; Waikiki; Hilo; Hawaii Volcanoes National Park; Kona; Honaunau Bay; "
        "Kahului; Iao Valley; Lahaina; Ka'anapali; Maui; O'ahu; Kailua-Kona; Las Vegas; Red Rock Canyon; "
        "Death Valley National Park; Palm Springs; Joshua Tree National Park; Yuma; Sonoran Desert; Tucson; "
        "Saguaro National Park; Phoenix; La Madre Mountain; Death Valley; Mojave National Preserve; Salton Sea; "
        "Imperial Sand Dunes; Charleston; Savannah; St. Simons Island; Jekyll Island; Jacksonville; Fort Sumter; "
        "Florida; New England; Providence; Newport; Plymouth; Falmouth; Hyannis; Nantucket; Chatham; "
        "Martha's Vineyard; Rhode Island; Hyannis Port; Nantucket Island; Cape Cod; Scottsdale; Sedona; "
        "Grand Canyon; Lake Powell; Bryce Canyon National Park; Springdale; Zion National Park; "
        "Kaibab National Forest; Horseshoe Bend; Salt Lake City; Jackson Hole; Grand Teton National Park; "
        "Yellowstone National Park; Cody; Sheridan; Rapid City; Arizona; Utah; Kanab; Wyoming; Bighorn Mountains; "
        "South Dakota; Alaska; Anchorage; Whittier; Palmer; Talkeetna; Fairbanks; Prince William Sound; Monterey; "
        "Carmel; Modesto; Yosemite National Park; Tuolumne; Sacramento; Lake Tahoe; Napa Valley; San Francisco; "
        "Sierra Nevada Mountains; Washington; Arlington National Cemetery; Mount Vernon; Alexandria; Boston; "
        "Woodstock; Stowe; North Conway; Lake Winnipesaukee; Maine; Kennebunkport; Vermont; New Hampshire; "
        "Wolfeboro; Albuquerque; Acoma Pueblo; Chaco Canyon; Gallup; Canyon de Chelly; Chinle; Monument Valley; "
        "Mesa Verde National Park; Durango; Taos; Santa Fe; Window Rock; New Mexico; Rio Grande Gorge; "
        "Taos Pueblo; Freedom Trail; National Mall; Petroglyph National Monument; "
        "Sonoran Desert National Monument; Hovenweep National Monument; Canyons of the Ancients National Monument; "
        "Chaco Culture National Historical Park; California",
        "optional": "place: Washington, D.C.; place: D.C.; place: Hawaii; place: Volcanoes National Park; "
        "place: Road to Hana; place: Pacific; place: Big Island; place: South Coast; place: Petroglyph; "
        "place: Hubbell Trading Post; place: Historic District; place: Factors Walk; place: River Street; "
        "place: Walker's Point; place: Ocean Drive; place: Monument Valley National Tribal Park; "
        "place: Old Town Alexandria; place: Old Town Albuquerque; place: Glen Canyon Dam; place: Navajo Bridge; "
        "place: Nambe Village; place: Neon City; place: Spider Rock; place: Sierra Nevada; place: Yosemite Park; "
        "place: Grand Teton; place: Yellowstone National Parks; place: Last Frontier; place: America; "
        "place: American West; place: Northeast; place: Coastal Maine; place: 17-Mile Drive; place: Kennedy compound; "
        "place: World War II Valor in the Pacific National Monument; place: USS Arizona Memorial; "
        "place: Iolani Palace; place: Rhode Island State House; place: Providence City Hall; "
        "place: Kennedy Memorial; place: Crazy Horse Memorial; place: White House; place: The White House; "
        "place: Washington National Cathedral; place: World War II Memorial; place: Vietnam Veterans Memorial; "
        "place: Korean War Veterans Memorial; place: U.S. Capitol Visitor Center; place: White House Visitor Center; "
        "place: City Market; place: Mission Garden; place: Cold Hollow Cider Mill; place: Georgia Sea Turtle Center; "
        "place: Canyon de Chelly Visitor Center; place: Monterey Bay Aquarium; place: International Spy Museum; "
        "place: Antique Auto Museum; place: California State Railroad Museum; place: Crocker Art Museum; "
        "place: Native American Cultural Center; place: Indian Pueblo Cultural Center; place: Navajo Nation; "
        "place: Great Sioux Nation; place: Sante Fe; place: Ben & Jerry's Cream Factory; "
        "organisation: Monterey Bay Aquarium; organisation: International Spy Museum; "
        "organisation: Antique Auto Museum; organisation: California State Railroad Museum; "
        "organisation: Crocker Art Museum; organisation: Native American Cultural Center; "
        "organisation: Indian Pueblo Cultural Center; organisation: Navajo Nation; organisation: Great Sioux Nation; "
        "organisation: Ben & Jerry's; organisation: Chasers' Club; organisation: Georgia Sea Turtle Center; "
        "organisation: Smithsonian; organisation: White House; organisation: The White House; "
        "organisation: Cold Hollow Cider Mill; person: King Kamehameha; person: Kamehameha; person: Lincoln; "
        "person: Kennedy; person: Trujillo",
    },
    # run.outsideonline.com: a couch-to-marathon training plan (names nothing: table cells and plan names)
    "wcxb-4115": {
        "person": "",
        "organisation": "",
        "place": "",
    },
    # dos.ny.gov: forming a limited liability company in New York (laws and forms are no entities)
    "wcxb-4262": {
        "person": "",
        "organisation": "Department of State; Division of Corporations; Internal Revenue Service; "
        "New York State Department of Taxation and Finance; Taxpayer Assistance Bureau; "
        "NYS Department of Education; Office of the Professions; New York State Department of Labor; "
        "New York State Workers' Compensation Board; United States Postal Service",
        "place": "New York; Albany; New York City; Manhattan; New York County; Brooklyn; Kings County; "
        "Staten Island; Richmond County; Bronx; Queens",
        "optional": "organisation: IRS; organisation: New York State Department of State; "
        "organisation: Division of Corporations, State Records and Uniform Commercial Code; "
        "organisation: New York Business Express; organisation: MasterCard; organisation: Visa; "
        "organisation: American Express; organisation: Department; organisation: Secretary of State; "
        "place: New York State; place: NY; place: One Commerce Plaza; place: Washington Avenue; "
        "place: W.A. Harriman Campus; person: W.A. Harriman",
    },
    # wine-tastings-guide.com: wine regions of the world (grapes and wines are no entities)
    "wcxb-4693": {
        "person": "",
        "organisation": "",
        "place": "France; Bordeaux; Pauillac; St.-Estephe; St.-Julien; Margaux; Graves; St.-Emillion; Pomerol; "
        "Sauternes; Barsac; Burgundy; Côte d'Or; Northern Rhône Valley; Côte-Rôtie; Hermitage; Crozes-Hermitage; "
        "Cornas; St.-Joseph; Condrieu; Chateauneuf-du-Pape; Southern Rhône Valley; Loire Valley; Vouvray; "
        "Savennieres; Coteaux du Layon; Sancerre; Pouilly-Fumé; Muscadet; Alsace; Germany; Champagne; Italy; "
        "Tuscany; Chianti; Piedmont; Barolo; Barbaresco; California; Napa; Sonoma; Central Coast; Santa Barbara; "
        "Bay Area; Russian River Valley; Pfalz; Spain; Rioja; Priorat; Rueda; Madeira; Australia; Portugal; "
        "New Zealand; South Africa; United States",
        "optional": "place: US; place: Northern Rhône; place: Rhône; place: Loire; place: Brunello; "
        "place: Chateau Grillet; organisation: Chateau Grillet; place: Napa Valley; place: Sonoma Valley; "
        "place: Pacific; place: Mosel-Saar-Ruwer; place: Rheinngau; place: Atlantic; place: Duoro; "
        "place: Old World; organisation: For the Love of Port; organisation: Wine 101",
    },
    # theluxurytravelexpert.com: the ten best luxury hotel brands (brands and groups are organisations)
    "wcxb-0189": {
        "person": "John Jacob Astor IV; Solomon Kerzner; Isadore Sharp; Bill Gates; Al-Waleed bin Talal; "
        "Sonu Shivdasani; Eva Malmstrom",
        "organisation": "Park Hyatt; Hyatt Hotel Group; Marriott Hotel Group; The Ritz-Carlton; St Regis; Soneva; "
        "InterContinental; Six Senses; UNESCO; Belmond; Mandarin Oriental; Rosewood; One&Only Resorts; "
        "Four Seasons; Aman; YouTube",
        "place": "United States; Paris; Maldives; Chicago; New York; New York City; Bangkok; Thailand; Manhattan; "
        "Phuket; Oman; Venice; Rio de Janeiro; St. Petersburg; Machu Picchu; Angkor Wat; Swiss Alps; Andes; "
        "Myanmar; Italy; Ravello; Hong Kong; China; Turkey; Bodrum; Europe; Dallas; Texas; France; Mexico; "
        "Cape Town; Rwanda; Australia; Mauritius; Toronto; Canada; Seychelles; Utah; Kunfunadhoo; Asia; London",
        "optional": "organisation: Hyatt; organisation: Marriott; organisation: St. Regis; organisation: One&Only; "
        "organisation: Orient Express; organisation: Soneva Hotel group; organisation: Emirates; "
        "organisation: Four Season Hotels & Resorts; organisation: Six Senses Spa; person: Prince Al-Waleed bin Talal; "
        "person: Sharp; place: USA; place: Rio; place: Fifth Avenue; place: Zighy Bay; place: La Serenissima; "
        "place: Turtle Creek; place: Wolgan Valley; place: Koh; place: Yao Noi; place: Yo Noi; "
        "place: Park Hyatt New York; place: Park Hyatt Bangkok; place: The St Regis New York; "
        "place: St Regis Maldives Vommuli Resort; place: Six Senses Yao Noi; place: Six Senses Yo Noi; "
        "place: Six Senses Zighy Bay; place: Belmond Hotel Cipriani; place: Belmond Hotel Caruso; "
        "place: The Mandarin; place: The Oriental; place: Mandarin Oriental Hong Kong; "
        "place: Mandarin Oriental Bangkok; place: Mandarin Oriental Bodrum; place: The Mansion on Turtle Creek; "
        "place: Rosewood Mansion on Turtle Creek; place: The Carlyle; place: Hôtel de Crillon; "
        "place: One&Only Nyungwe House; place: One&Only Gorilla's Nest; place: Emirates One&Only Wolgan Valley; "
        "place: One&Only Reethi Rah; place: One&Only Le Saint Géran; place: Four Seasons London; "
        "place: Four Seasons Toronto; place: Four Seasons Resort Seychelles; place: Amanpuri; place: Amangiri; "
        "place: Soneva Fushi; place: Soneva Kiri; place: Soneva Jani; place: Venice Simplon-Orient-Express",
    },
    # thequietus.com: the best albums and tracks of November and December 2025 (bands and record labels are
    # organisations, musicians persons, one-name artists optional; albums, tracks and festivals are no entities)
    "wcxb-0402": {
        "person": "Steve Davis; Gaz Williams; Kenny Segal; Stewart Lee; Arnold Dreyblatt; Morton Feldman; "
        "Pauline Oliveros; Alvin Lucier; Dan Bean; Anthony Child; Al Brown; Sonny Brazil; Elijah Minnelli; "
        "Dennis Bovell; Danny Brown; Mark S. Williamson; Mick Aston; Carenza Lewis; Victor Ambrus; Leonard Cohen; "
        "Jo Bevan; Kate Bush; Daniel Johnston; Bill Callahan; Dawn Bothwell; Rhodri Davies; Richard Dawson; "
        "Sally Pilkington; Corita Kent",
        "organisation": "Rack Records; Armand Hammer; Backwoodz Studioz; Earth Ball; Upset The Rhythm; Horse Lords; "
        "RVNG Intl; Old Technology; The Transcendence Orchestra; Ex-Easter Island Head; Coil; Ghold; Human Worth; "
        "Tip Top; Japanese Television; UNKLE; Lambrini Girls; Idles; Deap Vally; Ectopic; Goblin Band; "
        "Broadside Hacks; Warp; Frost Children; Columbia; Forged River; Desperate Journalist; White Town; Rephlex; "
        "Xiu Xiu; Soft Cell; Talking Heads; The Runaways; Polyvinyl; Dry Cleaning; 4AD; Drag City; Hen Ogledd; "
        "Domino; Daemönik Fonce; Property Of The Lost; Sea Power; Crass; Earl Brutus",
        "place": "Abedare; Baltimore; New York City; Salisbury Plain; Hackney",
        "optional": "person: DJ Haram; person: Preservation; person: The Alchemist; person: Alchemist; "
        "person: Woods; person: ELUCID; person: Surgeon; person: Thirlwell; person: Asher; person: Rosalía; "
        "person: Björk; person: Madonna; person: Robyn; person: GloRilla; person: femtanyl; person: Issbrokie; "
        "person: Yves Tumor; person: Christ; person: Bean; person: Child; person: Dreyblatt; person: Minnelli; "
        "person: Brown; person: Williamson; person: Golden Toad; organisation: Golden Toad; organisation: Foetus; "
        "organisation: MOTH Club; place: MOTH Club; organisation: Breadminster County Council; "
        "organisation: RVNG; organisation: Rack Records modular; organisation: Time Team; organisation: Moundabout; "
        "organisation: Tristwch Y Fenywod; organisation: tQ; organisation: The Quietus; organisation: Fonce; "
        "organisation: Brecon Jazz Festival; organisation: Krankenhaus Festival; organisation: FRKWYS; "
        "place: Brecon Cathedral; place: Brecon; place: NYC; place: Downtown NYC; place: Garden of England; "
        "place: Helsinki; place: Costa Rican",
    },
}
