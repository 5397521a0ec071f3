"""Hand-labelled entities of 23 real articles of the shared extraction benchmarks (gold bodies).

Written by reading each article, before running the finder on it: every person, organisation and
place the article names, under the name it is best known by. `optional` lists names that are not
wrong to find but not required (a prison, a stock index, a sub-unit, a place inside an
organisation's name). Demonyms ("Russian", "Chinese") are not mentions. Keys are the first 8
characters of the benchmark id (scrapinghub) or the full id (readability).
"""

from __future__ import annotations

from tests.transforms.analysis.mentions_gold_fresh8 import FRESH8
from tests.transforms.analysis.mentions_gold_wcxb import (
    WCXB,
    WCXB_FRESH,
    WCXB_FRESH2,
    WCXB_FRESH3,
    WCXB_FRESH4,
    WCXB_FRESH5,
    WCXB_FRESH6,
    WCXB_FRESH7,
)

GOLD: dict[str, dict[str, str]] = {
    "39d5c43b": {
        "person": "Donald Trump; Derek Scissors; Robert Lighthizer; Liu He",
        "organisation": "American Enterprise Institute; White House",
        "place": "United States; China; Beijing; Washington; Ohio; Michigan; Pennsylvania",
    },
    "5f9c5ed5": {
        "person": "Singh Jabarjung; Lakshiwnder Singh",
        "organisation": "PTI",
        "place": "New Delhi; United States; Punjab; Bhatinda; Mexico; Moscow; Paris; California; Arizona; Amritsar; "
        "Delhi; India; Bangladesh",
    },
    "7a457a4f": {
        "person": "Ilhan Omar; Patrick W. Carlineo Jr.; Sonya Zoghlin; James P. Kennedy Jr.",
        "organisation": "U.S. Attorney's Office; Muslim Brotherhood; US Congress; AP",
        "place": "New York; Addison; Ithaca",
        "optional": "place: Minnesota; place: Western District of New York; place: United States",
    },
    "a1fca19b": {
        "person": "Kevin King; Timothy Weeks; Anas Haqqani; Sirajuddin Haqqani; Mike Pompeo; Stephanie Grisham; "
        "Ashraf Ghani; Scott Morrison; Donald Trump",
        "organisation": "Taliban; American University of Kabul; AFP; White House; Haqqani network",
        "place": "Afghanistan; Kabul; Zabul; Qatar; Doha; United States; Washington",
    },
    "4a44ab3e": {
        "person": "Evo Morales; Nadia Cruz",
        "organisation": "AP; Ruptly",
        "place": "Bolivia; Senkata",
    },
    "5a822960": {
        "person": "Adolf Hitler; Wolfgang Peschorn",
        "organisation": "European Union",
        "place": "Vienna; Austria; Braunau am Inn; Germany",
        "optional": "organisation: Interior Ministry; place: Braunau",
    },
    "7916ecca": {
        "person": "Zabihullah Mujahid; Donald Trump; Mark Milley",
        "organisation": "Taliban; Joint Chiefs of Staff; United Nations",
        "place": "United States; Afghanistan; Logar; Kabul; Pangram; Sarkh; Washington",
        "optional": "organisation: Afghan Taliban",
    },
    "db6b0816": {
        "person": "Mark Esper; John McCain",
        "organisation": "AP; Diplomatic Academy of Vietnam; Communist Party",
        "place": "Hanoi; Vietnam; China; South China Sea; Beijing; United States",
        "optional": "place: Hoa Lo prison; place: Hanoi Hilton; organisation: Navy; "
        "organisation: Vietnam's Communist Party",
    },
    "e7301133": {
        "person": "Bukola Saraki; Dino Melaye; Ben Murray-Bruce; Ibrahim Idris; Mahmud Abubakar Magaji",
        "organisation": "Senate; Nigeria Police; Peoples Democratic Party; Independent National Electoral Commission; "
        "Federal Capital Territory Command",
        "place": "Abuja; Osun State",
        "optional": "place: Nigeria; organisation: Force Headquarters; place: Federal Capital Territory",
    },
    "telegraph": {
        "person": "Robert Mugabe; Grace; Jonathan Moyo; Saviour Kasukuwere; Fidelis Mukonori; Emmerson Mnangagwa; "
        "Morgan Tsvangirai; Jacob Zuma",
        "organisation": "Reuters; Zanu-PF",
        "place": "Zimbabwe; Harare; United Kingdom; South Africa; Africa",
        "optional": "person: Sally; organisation: G40; place: Blue House; person: Grace Mugabe",
    },
    "0dd13570": {
        "person": "Ahmad Lawan; Benjamin Nzeribe; Funke Adedoyin; Bukola Saraki",
        "organisation": "Senate; House of Representatives; National Assembly; Twitter",
        "place": "Yobe North",
        "optional": "person: B. U. Nzeribe; organisation: Nigerian Senate; organisation: NGRSenate",
    },
    "624fcd90": {
        "person": "Cheuk Hau-yip; Liu Xiaming; Chris Tang",
        "organisation": "Polytechnic University; People's Liberation Army",
        "place": "Hong Kong; Beijing; United Kingdom; United States; China; Kowloon West",
    },
    "92101975": {
        "person": "Jose Mourinho; Mauricio Pochettino; Harry Kane",
        "organisation": "Tottenham Hotspur; FC Porto; Inter Milan; Chelsea; Real Madrid; Manchester United; "
        "Sky Sports; Twitter; West Ham",
        "place": "London; Portugal; England; Italy; Spain; China",
        "optional": "person: Dele; organisation: Champions League; organisation: UEFA; organisation: Premier League; "
        "place: Old Trafford; organisation: Spurs; organisation: Tottenham; organisation: Porto; "
        "organisation: UEFA Champions League; organisation: SpursOfficial",
    },
    "d605bdef": {
        "person": "Donald Trump; Jeffrey Halley; Xi Jinping",
        "organisation": "CNN; CNBC; Oanda; Huawei",
        "place": "Hong Kong; United States; China; Beijing; Japan; South Korea; Asia",
        "optional": "organisation: Hang Seng Index; organisation: Nikkei; organisation: Kospi; "
        "organisation: Shanghai Composite; organisation: HSI; organisation: KOSPI; organisation: SHCOMP",
    },
    "e4c6a3b4": {
        "person": "Xi Jinping; Emmanuel Macron; Carrie Lam",
        "organisation": "People's Liberation Army; Ministry of State Security; Chinese Communist Party; "
        "Standing Committee; NBA",
        "place": "Hong Kong; China; Beijing",
        "optional": "organisation: Communist Party; organisation: Chinese Ministry of State Security",
    },
    "06e5123e": {
        "person": "Letitia James; Adam Neumann; Marcelo Claure",
        "organisation": "Reuters; New York State Attorney General; WeWork; The We Company; SoftBank; "
        "The New York Times; Bloomberg; Securities and Exchange Commission; MarketAxess",
        "place": "",
        "optional": "place: Wall Street; organisation: NYAG; place: New York State; place: New York",
    },
    "359fee22": {
        "person": "Rosaly Lopes; Anezina Solomonidou; Michael Malaska; Will Dunham; Tom Brown",
        "organisation": "Reuters; NASA; Jet Propulsion Laboratory; European Space Agency",
        # "the US space agency": United States added on review, missed at the first labelling
        "place": "Washington; California; United States",
        "optional": "organisation: Nature Astronomy; place: Titan; place: Saturn; place: Jupiter; place: Ganymede; "
        "place: Mercury; place: Earth; place: Solar System; organisation: JPL",
    },
    "432362af": {
        "person": "",
        "organisation": "Xinhua",
        "place": "China; Europe; Xilingol; Inner Mongolia; Huade; Beijing",
        "optional": "place: Inner Mongolia Autonomous Region; organisation: Xinhua News Agency",
    },
    "5caf91b8": {
        "person": "Steve Castro; Ed Alvarez",
        "organisation": "AP; BART; San Francisco Chronicle",
        "place": "Hayward; California; San Francisco Bay Area",
        "optional": "organisation: BART Police; place: San Francisco; organisation: Chronicle",
    },
    "ba4dfe2d": {
        "person": "Fan Mengguang",
        "organisation": "AFP; Weibo; Twitter; Centers for Disease Control and Prevention",
        "place": "China; Inner Mongolia; Beijing; Mediterranean; Europe; United States; "
        "Democratic Republic of the Congo; Madagascar; Peru",
        "optional": "organisation: Centre for Disease Control",
    },
    "c7e39ac4": {
        "person": "Julian Assange; Eva-Marie Persson; Caroline Hawley; Kristinn Hrafnsson; Sajid Javid",
        "organisation": "Wikileaks; Swedish Prosecution Authority; BBC",
        "place": "Sweden; London; United States; United Kingdom; Stockholm",
        "optional": "place: Belmarsh; organisation: HMP Belmarsh; organisation: Westminster Magistrate's Court; "
        "place: Westminster",
    },
    "961bd85c": {
        "person": "Elizabeth A. Burton; Matt Harris; Christopher L. Tays; Jonathan P. Blair; Ryan S. Hollman; "
        "Victor N. Burton; Christopher D. Battin",
        "organisation": "Columbus Police Department; Bartholomew County Sheriff's Department; "
        "Joint Narcotics Enforcement Team",
        "place": "Franklin; Hope; Bartholomew County",
        "optional": "organisation: Bartholomew County Jail; organisation: Intelligence Led Policing Unit; "
        "place: Columbus; place: Seventh Street; place: Central Avenue; place: Gladstone Avenue; "
        "place: Jolinda Drive; place: Caldwell Place; place: Eighth St.; "
        "organisation: Columbus Police Department Intelligence Led Policing Unit",
    },
    "8e3efab5": {
        "person": "Anthony Lynn",
        "organisation": "Chargers; Chiefs; Los Angeles Times; AFC",
        "place": "",
        "optional": "organisation: AFC West",
    },
}


# Labelled the same way after the first rules were settled. Its first run measured precision 0.930
# and recall 0.828 (with the labels as first written); generic fixes followed its errors.
HELD_OUT: dict[str, dict[str, str]] = {
    "833caf3b": {
        "person": "Mike Pompeo; Benjamin Netanyahu; Donald Trump; Ayman Safadi; Saeb Erekat; Avi Bell",
        "organisation": "United Nations; European Union; Arab League; UN Security Council; "
        "International Court of Justice; International Criminal Court; Palestinian Authority; "
        "Foreign Office; Kohelet Policy Forum; United Nations High Commissioner for Human Rights",
        "place": "United States; Washington; West Bank; Jerusalem; Israel; Egypt; Jordan; United Kingdom; Russia; "
        "Gush Etzion",
        "optional": "organisation: UN General Assembly; organisation: General Assembly; place: East Jerusalem",
    },
    "e7994d55": {
        "person": "Boris Johnson; Jeremy Corbyn; Will Moy; Dominic Raab; Keir Starmer; Nick Clegg",
        "organisation": "AP; Conservative Party; Labour Party; Twitter; Full Fact; BBC; Electoral Commission; "
        "Liberal Democrats; Facebook; European Union",
        "place": "London; United Kingdom",
        "optional": "organisation: CCHQ Press; organisation: factcheckUK; organisation: CCHQ; "
        "organisation: Liberal Democrat",
    },
    "bbc-1": {
        "person": "Barack Obama; Jon Sopel",
        "organisation": "BBC; US Congress; Islamic State; White House; African Union; European Union",
        "place": "United States; Louisiana; United Kingdom; Iran; Syria; Kenya; South Carolina; Washington; Cuba; "
        "Nairobi; Ethiopia; North America",
        "optional": "organisation: BBC News; place: Gulf",
    },
    "1ee91d1f": {
        "person": "Donald Trump; Omar Lamrani; Charles Simpson; Nisan Ahmado; Sean Robertson; Carla Babb; "
        "Farhan Aziz Haq; Bashar al-Assad",
        "organisation": "Pentagon; Polygraph.info; Islamic State; Maghawir al Thawra; Free Syrian Army; Stratfor; "
        "Business Insider; Tufts University; Feinstein International Center; VOA; United Nations; "
        "Russian Defense Ministry",
        "place": "Syria; al-Tanf; Rukban; United States; Iraq; Jordan; Iran; Russia; Middle East; Damascus; Baghdad; "
        "Homs; Palmyra; Texas",
        "optional": "organisation: MaT; place: Rubkan; organisation: Inherent Resolve; "
        "organisation: International Coalition Forces; organisation: Refugees in Towns Project; "
        "organisation: VOA Extremism Watch Desk; place: Berm; place: M2; "
        "organisation: Government of Syria",  # added on review: named once, missed at first
    },
    "82b6d780": {
        "person": "Gordon Sondland; Donald Trump; Joe Biden; Volodymyr Zelensky; Rudy Giuliani; David Holmes; "
        "Fiona Hill; Alexander Vindman; Hunter Biden; Timothy Morrison; Kurt Volker",
        "organisation": "AP; European Union; White House; US State Department; Burisma; National Security Council; "
        "Democratic Party",
        # "U.S. military aid": United States added on review, missed at the first labelling
        "place": "Washington; Ukraine; Kyiv; Brussels; Warsaw; Russia; United States",
        "optional": "organisation: Army; person: Williams",
    },
}


# Labelled last, before running the finder on them. Their first run (precision 0.887, recall 0.755)
# is kept in bench/results/mentions_frozen_first_run.txt; generic fixes followed its errors too.
FROZEN: dict[str, dict[str, str]] = {
    "c90731f0": {
        "person": "Donald Trump; Volodymyr Zelensky; Joe Biden; Alexander Vindman; Jennifer Williams; Pence; "
        "Kurt Volker; Tim Morrison; Stephanie Grisham; Schiff",
        "organisation": "Democratic Party; US House of Representatives; Republican Party; "
        "House Select Committee on Intelligence; National Security Council; White House",
        "place": "United States; Ukraine; Kyiv; Russia",
        "optional": "organisation: House Committee; organisation: NSC; organisation: House Select Committee",
    },
    "ef4e67b6": {
        "person": "Donald Trump; Sanjay Gupta; Ronny Jackson; Hogan Gidley; Stephanie Grisham; Harold Bornstein; "
        "Hillary Clinton",
        "organisation": "CNN; White House; Walter Reed; Mayo Clinic; The Washington Post",
        "place": "",
        "optional": "organisation: Fact Checker; organisation: Republican Party",
    },
    "nytimes-1": {
        "person": "Barack Obama; Bill Clinton; Osama bin Laden; Omar Hassan al-Bashir; Eric Reeves; Donald Trump; "
        "Ashraf Shazly",
        "organisation": "United Nations; AFP; Getty Images; International Criminal Court; "
        "François-Xavier Bagnoud Center for Health and Human Rights; Harvard University",
        "place": "Sudan; United States; South Sudan; London; Africa; Khartoum; Kenya; Tanzania; Darfur; Iran; Syria; "
        "Libya",
        "optional": "organisation: United States Embassies",
    },
    "04a6711c": {
        "person": "Donald Trump; Matt Bevin; John Bel Edwards; Jim Hood; Phil Bryant; Andy Beshear; Mitch McConnell",
        "organisation": "Democratic Party; Republican Party; ABC News; Reuters; US Senate; US Congress; White House",
        "place": "Virginia; Mississippi; Kentucky; Louisiana; Ukraine; Turkey; Saudi Arabia; Washington; United States",
        "optional": "organisation: US House of Representatives; person: MattBevin; place: Watergate",
    },
    "0d461229": {
        "person": "Rafael Nadal; Marcel Granollers; Feliciano Lopez; Karen Khachanov; Andrey Rublev; "
        "Roberto Bautista-Agut; Novak Djokovic; Andy Murray; Gerard Pique; Neymar; Vasek Pospisil; "
        "Reilly Opelka; Denis Shapovalov; Taylor Fritz; Pierre-Hugues Herbert; Nicolas Mahut; "
        "Ben McLachlan; Yasutaka Uchiyama; Jo-Wilfried Tsonga; Yoshihito Nishioka; Gael Monfils; "
        "Raven Klaasen; Michael Venus; Guido Pella; Nicolas Jarry; Diego Schwartzman; Cristian Garin; "
        "Maximo Gonzalez; Leonardo Mayer; Hans Podlipnik-Castillo; Mikhail Kukushkin; Alexander Bublik; "
        "Robin Haase; Jean-Julien Rojer; Botic van de Zanschulp; Nick Kyrgios; Alejandro Gonzalez; "
        "Alex de Minaur; Daniel Elahi Galan",
        "organisation": "International Tennis Federation; Kosmos; Barcelona",
        "place": "Madrid; Spain; Russia; Croatia; Serbia; United Kingdom; Japan; Netherlands; Brazil; United States; "
        "Canada; France; South Africa; New Zealand; London; Argentina; Chile; Kazakhstan; Australia; "
        "Colombia; Belgium",
        "optional": "place: Caja Magica; place: Magic Box; organisation: Davis Cup; organisation: ATP; "
        "organisation: ATP Finals; place: North America",
    },
}


def gold_entities(key: str) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(required, optional) sets of (kind, name) for one article."""
    entry = {
        **GOLD,
        **HELD_OUT,
        **FROZEN,
        **WCXB,
        **WCXB_FRESH,
        **WCXB_FRESH2,
        **WCXB_FRESH3,
        **WCXB_FRESH4,
        **WCXB_FRESH5,
        **WCXB_FRESH6,
        **WCXB_FRESH7,
        **FRESH8,
    }[key]
    required = {
        (kind, name.strip())
        for kind in ("person", "organisation", "place")
        for name in entry.get(kind, "").split(";")
        if name.strip()
    }
    optional = set()
    for item in entry.get("optional", "").split(";"):
        if item.strip():
            kind, name = item.split(":", 1)
            optional.add((kind.strip(), name.strip()))
    return required, optional
