"""Hand-labelled quotes in real articles of the extraction gold set, for test_quotes and bench.

Each row: (article id or its first 12 characters, split, the quote's first words, the expected
speaker). The expected speaker is the person or organisation who said it, as the article names
them (a tuple lists the forms accepted for one person), or None when the article does not name
one (an officer, a spokesperson, a sign, a song title). Labelling rules, set before labelling:
- a row for every quoted passage of four words or more; a shorter one only when a speech verb is
  attached to it ("“Amazing,” Davis said"); a quote running over several paragraphs is one row;
- the speaker is the truth as a reader finds it in the article, not what the patterns can reach
  ("The president said" -> Donald Trump), so that recall counts what the code misses.
Split `dev`: 23 articles (and the one in NO_QUOTES) read and labelled first, then used while
writing the patterns.
Split `held_out`: 8 articles labelled before quotes.py ever ran on them. Their first run gave
precision 0.800 (32/40) and recall 0.711 (32/45); two general fixes followed from its errors (a
title taken for a given name: "Speaker Brian Bosma"; a name suffix: "Kennedy Jr."), so the
held-out figures after them are no longer blind. One row ("always fatal", says WHO) was added
after that run: the labelling rules call for it and it had been overlooked.
Split `blind`: 5 more articles labelled last, before quotes.py ran on them, to have one figure
nobody tuned for. First run (commit 2cb075e): precision 0.879 (29/33), recall 0.604 (29/48).
Its errors then led to general fixes (any -ly adverb between subject and verb, "X said “…” and
that “…”", a name opening a chain of appositions, the whole name after a title, plural nouns not
taken for verbs), so its later figures are no longer blind either.
Articles listed in NO_QUOTES have only scare quotes and must give no row.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from tests.conftest import EXTRACTION
from transforms.analysis.quotes import Quote, find_quotes

GOLD_FILES = ("scrapinghub/gold.jsonl", "readability/gold.jsonl")

LABELS: tuple[tuple[str, str, str, str | tuple[str, ...] | None], ...] = (
    ("06e5123e4ef7", "dev", "We received an inquiry from the", None),
    ("06e5123e4ef7", "dev", "We are going to eliminate and", "Marcelo Claure"),
    ("08f793762792", "dev", "can't antagonize a fight and then", "Sheldon Richardson"),
    ("08f793762792", "dev", "The most important thing is we", "Cam Heyward"),
    ("08f793762792", "dev", "I like the fact that we", "Cam Heyward"),
    ("08f793762792", "dev", "We've got to right the ship.", "Cam Heyward"),
    ("39d5c43beb60", "dev", "The president wants the option of", "Derek Scissors"),
    ("39d5c43beb60", "dev", "is going to have to make", "Donald Trump"),
    ("42aad16bde92", "dev", "We have a need and saw", "Steve Clarke"),
    ("42aad16bde92", "dev", "This is based on our objectives,", "Steve Clarke"),
    ("42aad16bde92", "dev", "technical challenges, cost increases and schedule", "Office of the Inspector General"),
    ("42aad16bde92", "dev", "We’re honoured to join this community", "Brent Sherwood"),
    ("42aad16bde92", "dev", "It’s very exciting times.", "Brent Sherwood"),
    ("42aad16bde92", "dev", "Space exploration, and especially humans becoming", "Michael Sims"),
    ("42aad16bde92", "dev", "There are the big established players,", "Michael Sims"),
    ("51d066b0602c", "dev", "Fort Worth P.D. Open the door!", None),
    ("51d066b0602c", "dev", "Hands! Let me see your hands!", None),
    ("51d066b0602c", "dev", "Hey, here she is. Got her!", None),
    ("51d066b0602c", "dev", "We got her. We got her.", None),
    ("51d066b0602c", "dev", "Come on, sweetheart. You are going", None),
    ("624fcd903d56", "dev", "will not sit on our hands", "Liu Xiaming"),
    ("624fcd903d56", "dev", "These rioters, they are also criminals.", "Cheuk Hau-yip"),
    ("624fcd903d56", "dev", "They are already there in the", "Liu Xiaming"),
    ("624fcd903d56", "dev", "one country, two systems", "China"),
    ("624fcd903d56", "dev", "end to the violence and for", "UK"),
    ("6ebac05f637e", "dev", "make threats to harm lawmakers simply", ("James Kennedy Jr.", "James Kennedy")),
    ("6ebac05f637e", "dev", "Pat Carlineo is passionate about his", "Sonya A. Zoghlin"),
    ("6ebac05f637e", "dev", "He has taken responsibility for using", "Sonya A. Zoghlin"),
    (
        "6ebac05f637e",
        "dev",
        "bullet in her f---ing skull.",
        ("Patrick Carlineo Jr.", "Patrick Carlineo", "Patrick W. Carlineo"),
    ),
    ("6ebac05f637e", "dev", "We must teach the defendant love.", "Ilhan Omar"),
    ("6ebac05f637e", "dev", "But we must ask: who are", "Ilhan Omar"),
    ("6ebac05f637e", "dev", "The answer to hate is not", "Ilhan Omar"),
    ("70cb2d5bca75", "dev", "I just want to be able", "Taylor Swift"),
    ("70cb2d5bca75", "dev", "That's it. I've tried to work", "Taylor Swift"),
    ("70cb2d5bca75", "dev", "At no point did we say", "Big Machine"),
    ("70cb2d5bca75", "dev", "In fact, we do not have", "Big Machine"),
    ("70cb2d5bca75", "dev", "[We] have agreed to grant all", "Big Machine"),
    ("70cb2d5bca75", "dev", "It should be noted that recording", "Big Machine"),
    ("70cb2d5bca75", "dev", "Any final agreement on this matter", "Dick Clark Productions"),
    ("776a1c046798", "dev", "Meth. We're on it.", None),
    ("776a1c046798", "dev", "The mission of the campaign is", "Kristi Noem"),
    ("776a1c046798", "dev", "growing at an alarming rate", "Kristi Noem"),
    ("776a1c046798", "dev", "This is our problem, and together,", "Kristi Noem"),
    ("776a1c046798", "dev", "bold, innovative effort like the nation", "Kristi Noem"),
    ("776a1c046798", "dev", "I am confident South Dakota can", "Kristi Noem"),
    ("7916ecca969f", "dev", "The cause of the crash is", "US military"),
    ("7916ecca969f", "dev", "US Chinook helicopter shot down and", "Zabihullah Mujahid"),
    ("7916ecca969f", "dev", "The Americans wanted to raid a", "Zabihullah Mujahid"),
    ("7916ecca969f", "dev", "for several more years", "Mark Milley"),
    ("9ebb3af65694", "dev", "People are a little more cautious", "Dan McDowell"),
    ("9ebb3af65694", "dev", "2019 is just not as strong", "Dan McDowell"),
    ("9ebb3af65694", "dev", "The end of the calendar year", "Jessica Caldwell"),
    ("9ebb3af65694", "dev", "Shoppers in the market for a", "Jessica Caldwell"),
    ("a1fca19b884e", "dev", "give[s] us hope for the success", "Mike Pompeo"),
    ("a1fca19b884e", "dev", "We pray for the full recovery", "Stephanie Grisham"),
    ("a1fca19b884e", "dev", "We thank the Afghan government for", "Stephanie Grisham"),
    ("a1fca19b884e", "dev", "We are profoundly pleased and relieved", "Scott Morrison"),
    ("bc13ff87b263", "dev", "In the areas of the business", "Marcelo Claure"),
    ("bc13ff87b263", "dev", "We are going to eliminate and", "Marcelo Claure"),
    ("bc13ff87b263", "dev", "don’t want to be defined by", "WeWorkers Coalition"),
    ("bc13ff87b263", "dev", "is not following through on its", "WeWorkers Coalition"),
    ("c7e39ac49fa1", "dev", "discontinue the investigation regarding Julian Assange", "Swedish Prosecution Authority"),
    ("c7e39ac49fa1", "dev", "The reason for this decision is", "Swedish Prosecution Authority"),
    ("c7e39ac49fa1", "dev", "I would like to emphasise that", "Eva-Marie Persson"),
    ("c7e39ac49fa1", "dev", "Let us now focus on the", "Kristinn Hrafnsson"),
    ("d0382c0d9573", "dev", "This lack of rain is keeping", "Scott Strenfel"),
    ("d0382c0d9573", "dev", "we won’t roll the dice on", "Andy Vesey"),
    ("d0382c0d9573", "dev", "lack of service is not a", "Marybel Batjer"),
    ("db6b0816c612", "dev", "We will not accept attempts to", "Mark Esper"),
    ("db6b0816c612", "dev", "The United States firmly opposes intimidation", "Mark Esper"),
    ("db6b0816c612", "dev", "We strongly oppose violations of international", "Mark Esper"),
    ("e7994d550087", "dev", "It was an attempt to mislead", "Will Moy"),
    ("e7994d550087", "dev", "And I think it is inappropriate", "Will Moy"),
    ("e7994d550087", "dev", "We make no apology for having", "Dominic Raab"),
    ("e7994d550087", "dev", "voters are entitled to transparency and", "Electoral Commission"),
    ("e7994d550087", "dev", "a role in regulating election campaign", "Electoral Commission"),
    ("e7994d550087", "dev", "Look what I have said I’m", "Boris Johnson"),
    ("f8ff621a0b9b", "dev", "Our third-quarter results reflected broad-based growth", "Craig Menear"),
    ("f8ff621a0b9b", "dev", "We are largely on track with", "Craig Menear"),
    ("f8ff621a0b9b", "dev", "Comp sales were light, though operating", "Jonathan Matuszewski"),
    ("f8ff621a0b9b", "dev", "We interpret lighter [second-half] results to", "Jonathan Matuszewski"),
    ("f8ff621a0b9b", "dev", "While certainly a disappointing result, we", "Zachary Fadem"),
    ("f8ff621a0b9b", "dev", "Excluding these items, we believe Q3", "Zachary Fadem"),
    ("ffc109d474fd", "dev", "This is a stock that until", "Matt Maley"),
    ("ffc109d474fd", "dev", "It was down for four straight", "Matt Maley"),
    ("ffc109d474fd", "dev", "A little bit more risk but", "Matt Maley"),
    ("ffc109d474fd", "dev", "Here's a company that's willing to", "John Petrides"),
    ("ffc109d474fd", "dev", "I would expect more acquisitions like", "John Petrides"),
    ("buzzfeed-1", "dev", "literally burning up from within", "Fiona Parry"),
    ("buzzfeed-1", "dev", "The drug was in her system,", ("Fiona Parry", "Fiona")),
    ("buzzfeed-1", "dev", "As Eloise deteriorated, the staff in", ("Fiona Parry", "Fiona")),
    ("buzzfeed-1", "dev", "They never stood a chance of", ("Fiona Parry", "Fiona")),
    ("buzzfeed-1", "dev", "We are undoubtedly concerned over the", "Jennifer Mattinson"),
    ("buzzfeed-1", "dev", "We advise the public not to", "Food Standards Agency"),
    ("buzzfeed-1", "dev", "[Eloise] just never really understood how", "Fiona Parry"),
    ("buzzfeed-1", "dev", "Most of us don’t believe that", "Fiona Parry"),
    ("liberation-1", "dev", "d’encore plus de 200", "Laurent Fabius"),
    ("liberation-1", "dev", "Pour certains d’entre eux on est", "Laurent Fabius"),
    ("liberation-1", "dev", "plus vulnérables (blessés, familles avec enfants)", "ministère des Affaires étrangères"),
    ("nytimes-1", "dev", "There is no reason to believe", "Eric Reeves"),
    ("nytimes-1", "dev", "These guys are the worst of", "Eric Reeves"),
    ("nytimes-1", "dev", "deal with the devil.", "Eric Reeves"),
    ("yahoo-3", "dev", "This is what he was fighting", "Vanessa Hicks"),
    ("yahoo-3", "dev", "disrespectful, rude, tacky, disgusting, and", None),
    ("yahoo-3", "dev", "I know how low I felt", "Vanessa Hicks"),
    ("yahoo-3", "dev", "[I felt] am I not a", "Vanessa Hicks"),
    ("yahoo-3", "dev", "I have seen first-hand what is", "Vanessa Hicks"),
    ("yahoo-3", "dev", "At the end of the day", "Vanessa Hicks"),
    ("yahoo-3", "dev", "[My husband] wouldn’t die for a", "Vanessa Hicks"),
    ("08f793762792", "dev", "I know it got overshadowed by", "Cam Heyward"),
    ("f8ff621a0b9b", "dev", "seamless, interconnected shopping experience", None),
    (
        "7a457a4f7173",
        "held_out",
        "somebody ought to put a bullet",
        ("Patrick W. Carlineo Jr.", "Patrick W. Carlineo", "Patrick Carlineo"),
    ),
    (
        "7a457a4f7173",
        "held_out",
        "I'll put a bullet in her",
        ("Patrick W. Carlineo Jr.", "Patrick W. Carlineo", "Patrick Carlineo"),
    ),
    ("7a457a4f7173", "held_out", "He has taken responsibility for using", "Sonya Zoghlin"),
    (
        "7a457a4f7173",
        "held_out",
        "The First Amendment right to freedom",
        ("James P. Kennedy Jr.", "James P. Kennedy", "James Kennedy"),
    ),
    (
        "7a457a4f7173",
        "held_out",
        "The Second Amendment right to bear",
        ("James P. Kennedy Jr.", "James P. Kennedy", "James Kennedy"),
    ),
    ("a6968f427cdb", "held_out", "Don’t mind me!", "Deval Patrick"),
    ("a6968f427cdb", "held_out", "I’m running for president because those", "Deval Patrick"),
    ("a6968f427cdb", "held_out", "I come in humbly.", "Deval Patrick"),
    ("a6968f427cdb", "held_out", "He has me thinking now,", "Eyamba Sowers"),
    ("a6968f427cdb", "held_out", "It sounded like strong black women", "Beth Ruffin"),
    ("a6968f427cdb", "held_out", "I want to see how he", "Beth Ruffin"),
    ("c50845a7158a", "held_out", "American aerospace companies of all sizes", "Jim Bridenstine"),
    ("c50845a7158a", "held_out", "Expanding the group of companies who", "Jim Bridenstine"),
    ("c50845a7158a", "held_out", "The CLPS initiative was designed to", "Thomas Zurbuchen"),
    ("c50845a7158a", "held_out", "As we build a steady cadence", "Thomas Zurbuchen"),
    ("c50845a7158a", "held_out", "All of them bring to the", "Steve Clarke"),
    ("c50845a7158a", "held_out", "That's the intent, is to really", "Steve Clarke"),
    ("c50845a7158a", "held_out", "Buying rides to the Moon to", "Steve Clarke"),
    ("7de5241947a5", "held_out", "Fund our schools,", None),
    ("7de5241947a5", "held_out", "Less Money on Testing, More Money", None),
    ("7de5241947a5", "held_out", "We’re Not Gonna Take It", None),
    ("7de5241947a5", "held_out", "We need to make sure we", "Angela Cooper"),
    ("7de5241947a5", "held_out", "They start in the classroom but", "Angela Cooper"),
    ("7de5241947a5", "held_out", "The crisis is now, and we", "Keith Gambill"),
    ("7de5241947a5", "held_out", "The issue is funding, and the", "Keith Gambill"),
    ("7de5241947a5", "held_out", "Red for Ed,", None),
    ("7de5241947a5", "held_out", "We get that you’re frustrated,", "Brian Bosma"),
    ("7de5241947a5", "held_out", "We get that you are concerned", "Brian Bosma"),
    ("7de5241947a5", "held_out", "asking for the moon.", "Jennifer McCormick"),
    ("7de5241947a5", "held_out", "What a shame that it takes", "Jennifer McCormick"),
    ("7de5241947a5", "held_out", "They think they know better about", "Joel Schlabach"),
    ("7de5241947a5", "held_out", "They don’t trust us to make", "Joel Schlabach"),
    ("ac1bfdd4c510", "held_out", "Takin’ It to the Streets,", None),
    ("ac1bfdd4c510", "held_out", "You might remember him from, well,", "Patrick Simmons"),
    ("ac1bfdd4c510", "held_out", "But you might remember him from", "Patrick Simmons"),
    ("ac1bfdd4c510", "held_out", "We’re truly excited about our 50th", "Tom Johnston"),
    ("ac1bfdd4c510", "held_out", "We’ll be performing songs from our", "Tom Johnston"),
    ("ac1bfdd4c510", "held_out", "What a Fool Believes.", None),
    ("c82b3d1d540b", "held_out", "Когда вся ваша жизнь состояла", "Поризкова"),
    ("c82b3d1d540b", "held_out", "Я лично ненавижу, когда вижу", "Поризкова"),
    ("c82b3d1d540b", "held_out", "Я думаю, что кто-то сейчас", "Поризкова"),
    ("eecd2575093b", "held_out", "Coach (Frank) Vogel came in here", "LeBron James"),
    ("eecd2575093b", "held_out", "I really don't know what to", "LeBron James"),
    ("eecd2575093b", "held_out", "Amazing,", "Anthony Davis"),
    ("eecd2575093b", "held_out", "To be able to do that", "Anthony Davis"),
    ("eecd2575093b", "held_out", "He’s just playing terrific basketball,", ("Vogel", "Frank Vogel")),
    ("eecd2575093b", "held_out", "For him to be doing what", ("Vogel", "Frank Vogel")),
    ("eecd2575093b", "held_out", "That’s why (James) is considered probably", "Dennis Schröder"),
    ("eecd2575093b", "held_out", "They obviously hit some tough shots.", "Dennis Schröder"),
    ("eecd2575093b", "held_out", "There’s a lot of things we", "Billy Donovan"),
    ("eecd2575093b", "held_out", "But, you know, we came up", "Billy Donovan"),
    ("8b1945303082", "held_out", "always fatal", "WHO"),
    ("7dfc3e359d7c", "blind", "Dancing with the Stars.", None),
    ("7dfc3e359d7c", "blind", "hardest judge’s verdict so far this season.", "Tom Bergeron"),
    ("7dfc3e359d7c", "blind", "My wife Kimberly and I went through", ("James Van Der Beek", "Van Der Beek")),
    ("7dfc3e359d7c", "blind", "The little soul that we had expected", ("James Van Der Beek", "Van Der Beek")),
    ("7dfc3e359d7c", "blind", "You never know why these things happen,", ("James Van Der Beek", "Van Der Beek")),
    ("7dfc3e359d7c", "blind", "It makes you more human.", ("James Van Der Beek", "Van Der Beek")),
    ("7dfc3e359d7c", "blind", "Hearing the heartbeat was something we never", ("James Van Der Beek", "Van Der Beek")),
    ("7dfc3e359d7c", "blind", "@Vanderkimberly and I have been through three", ("James Van Der Beek", "Van Der Beek")),
    ("7dfc3e359d7c", "blind", "This is not easy. First of all,", ("Carrie Ann Inaba", "Inaba")),
    ("7dfc3e359d7c", "blind", "Can I give it to James?", ("Ally Brooke", "Brooke")),
    ("9e8c9f082a8d", "blind", "say you’ve got to pay attention to this", "David McKinley"),
    ("9e8c9f082a8d", "blind", "There are no hard data, but I find", "Bruce Bagley"),
    ("9e8c9f082a8d", "blind", "remains the primary entry point for heroin", "DEA"),
    ("9e8c9f082a8d", "blind", "Mexico remains the most significant foreign source", "DEA"),
    ("9e8c9f082a8d", "blind", "$53 million a week is coming across", "David McKinley"),
    ("c13b9c0e04fb", "blind", "Meth. We’re on it.", None),
    ("c13b9c0e04fb", "blind", "I guess my first reaction was, ‘Oh", "Michelle Hege"),
    ("c13b9c0e04fb", "blind", "At the end of the day, the", "Michelle Hege"),
    ("c13b9c0e04fb", "blind", "It’s difficult to change people’s behaviors, but", "Michelle Hege"),
    ("c13b9c0e04fb", "blind", "This is our favorite kind of work", "Michelle Hege"),
    ("c13b9c0e04fb", "blind", "When a group is trying to reach", "Julie Graham"),
    ("c13b9c0e04fb", "blind", "You might need to have a message", "Julie Graham"),
    ("c13b9c0e04fb", "blind", "If somebody from the general public saw", "Julie Graham"),
    ("c13b9c0e04fb", "blind", "We were trying to reach young males,", "Julie Graham"),
    ("c13b9c0e04fb", "blind", "It can seem like there’s a thousand", "Julie Graham"),
    ("c13b9c0e04fb", "blind", "OK, great, let’s be provocative, let’s get", "Jeff Sanborn"),
    ("c13b9c0e04fb", "blind", "What’s America talking about? South Dakota’s", "Jeff Sanborn"),
    ("c13b9c0e04fb", "blind", "we want to try to help,", "Jeff Sanborn"),
    ("c13b9c0e04fb", "blind", "The problem is, we tell clients all", "Jeff Sanborn"),
    ("c13b9c0e04fb", "blind", "If that’s the core and heart of", "Jeff Sanborn"),
    ("1ee91d1fce65", "blind", "fairly secular by regional standards and has", "Omar Lamrani"),
    ("1ee91d1fce65", "blind", "I can say with confidence that the", "Charles Simpson"),
    ("1ee91d1fce65", "blind", "From my interviews, it appears all U.S.", "Charles Simpson"),
    ("1ee91d1fce65", "blind", "… prevent the evacuation of the Syrian", None),
    ("1ee91d1fce65", "blind", "Not the U.S. nor any of the", None),
    ("1ee91d1fce65", "blind", "Many people are afraid to return", None),
    ("1ee91d1fce65", "blind", "the United States is not preventing people", "Sean Robertson"),
    ("1ee91d1fce65", "blind", "Rukban is another example of the Assad", "Sean Robertson"),
    ("1ee91d1fce65", "blind", "The (refugees) must not be forced to", "Sean Robertson"),
    ("1ee91d1fce65", "blind", "working in particular with the International Coalition", "Farhan Aziz Haq"),
    ("1ee91d1fce65", "blind", "Although Berm [Rukban] residents have not been", "Charles Simpson"),
    ("1ee91d1fce65", "blind", "This is a motivation for residents to", "Charles Simpson"),
    ("1ee91d1fce65", "blind", "The United States does not support forced", "Sean Robertson"),
    ("abd9d6291b6b", "blind", "We implore you to allow our volunteer", "Doctors for Camp Closure"),
    ("abd9d6291b6b", "blind", "As a law enforcement agency and due", None),
    ("abd9d6291b6b", "blind", "We write with urgency", None),
    ("abd9d6291b6b", "blind", "This is how epidemics begin,", "Luz Contreras Arroyo"),
    ("abd9d6291b6b", "blind", "It's not just migrants. Workers will", "Luz Contreras Arroyo"),
    ("abd9d6291b6b", "blind", "These are people as well,", "Luz Contreras Arroyo"),
    ("abd9d6291b6b", "blind", "They are under the care of the", "Luz Contreras Arroyo"),
    ("abd9d6291b6b", "blind", "Flu season has already begun in many", "Doctors for Camp Closure"),
    ("abd9d6291b6b", "blind", "Many people, including those working at and", "Doctors for Camp Closure"),
    ("abd9d6291b6b", "blind", "create a system to ensure that the", "Doctors for Camp Closure"),
    ("abd9d6291b6b", "blind", "In our professional medical opinion, this alarming", "Doctors for Camp Closure"),
    ("abd9d6291b6b", "blind", "As physicians, we have seen the effects", "Doctors for Camp Closure"),
)
NO_QUOTES = ("telegraph",)


def gold_bodies() -> dict[str, str]:
    """Gold article text by id and by the id's first 12 characters."""
    bodies: dict[str, str] = {}
    for name in GOLD_FILES:
        for line in (EXTRACTION / name).read_text("utf-8").splitlines():
            record = json.loads(line)
            bodies[record["id"]] = bodies[record["id"][:12]] = record["body"] or ""
    return bodies


@dataclass(frozen=True)
class Outcome:
    article: str
    split: str
    prefix: str
    expected: tuple[str, ...]  # empty when the speaker is None
    quote: Quote | None  # the quote found with that beginning, if any

    @property
    def speaker(self) -> str | None:
        return self.quote.speaker if self.quote else None

    @property
    def is_correct(self) -> bool:
        return self.speaker is not None and self.speaker in self.expected


def outcomes(bodies: dict[str, str], split: str | None = None) -> list[Outcome]:
    found = {article: find_quotes(bodies[article]) for article in dict.fromkeys(row[0] for row in LABELS)}
    result = []
    for article, row_split, prefix, expected in LABELS:
        if split and row_split != split:
            continue
        quote = next((q for q in found[article] if q.text.startswith(prefix.rstrip(","))), None)
        accepted = () if expected is None else (expected,) if isinstance(expected, str) else expected
        result.append(Outcome(article, row_split, prefix, accepted, quote))
    return result


def precision_recall(rows: list[Outcome]) -> tuple[float, float, int, int, int]:
    """Speaker attribution -> (precision, recall, correct, attributed, expected with a speaker)."""
    correct = sum(r.is_correct for r in rows)
    attributed = sum(r.speaker is not None for r in rows)
    expected = sum(bool(r.expected) for r in rows)
    return correct / max(attributed, 1), correct / max(expected, 1), correct, attributed, expected
