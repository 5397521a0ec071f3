"""Entities without junk (issue 17): the junk cases seen in the warehouse, one test each, with a
control beside each rule that shows what the rule still lets through."""

from __future__ import annotations

import polars as pl

from transforms.analysis.entities import Mention, resolve_entities
from transforms.analysis.entities import find_mentions as find_with_evidence
from transforms.analysis.mention_candidates import glued


def find_mentions(text: str, *, headline: bool = False) -> list[Mention]:
    """The candidate rules alone (rules=frozenset(), no evidence policy): the policy only drops entities, so
    every "not found" here holds for the shipped finder too; test_entity_evidence.py tests the policy."""
    return find_with_evidence(text, headline=headline, rules=frozenset())


def _ids(text: str) -> set[str]:
    return {m.entity_id for m in find_mentions(text)}


def _kinds(text: str) -> dict[str, str]:
    return {m.mention_text: m.kind for m in find_mentions(text)}


# --- glued runs and block boundaries ---------------------------------------------------------


def test_a_sidebar_glued_into_one_name_is_refused() -> None:
    text = "Governor Kristi NoemKristi Lynn NoemSouth Dakota said the state would appeal the ruling."
    ids = _ids(text)
    assert "person:kristi-noemkristi-lynn-noemsouth-dakota" not in ids
    assert not any("noemkristi" in i or "noemsouth" in i for i in ids)


def test_a_byline_glued_to_a_brand_is_refused() -> None:
    text = "The campaign was signed off by Pamela WilsonBigBrandSystem, the agency said on Monday."
    assert not any("wilsonbigbrandsystem" in i for i in _ids(text))


def test_glued_tells_glue_from_names_with_a_capital_inside() -> None:
    assert glued("Kristi NoemKristi Lynn")
    assert glued("WilsonBigBrandSystem")  # three joins in one word
    for name in ("Leonardo DiCaprio", "Ronald McDonald", "LeBron James", "Douglas MacArthur", "WeWork", "OpenAI"):
        assert not glued(name), name


def test_a_mention_never_crosses_a_block_boundary() -> None:
    text = "Analyst Maria Gonzalez\nMorning Briefing\n\nSenator Elena Ruiz\nWashington bureau said on Monday."
    mentions = find_mentions(text)
    assert {m.mention_text for m in mentions if m.kind == "person"} == {"Maria Gonzalez", "Elena Ruiz"}
    assert all("\n" not in m.mention_text for m in mentions)


# --- short codes and product trims ------------------------------------------------------------


def test_short_codes_and_trims_are_no_organisations() -> None:
    text = (
        "The 2024 Outback comes in AWD and RWD trims, with a GT package, an HVAC upgrade and an IQ display, "
        "the company said."
    )
    ids = _ids(text)
    for code in ("awd", "rwd", "gt", "hvac", "iq"):
        assert f"organisation:{code}" not in ids


def test_an_acronym_used_as_a_kind_of_thing_is_no_organisation_but_an_agency_still_is() -> None:
    text = "He works as an HVAC technician, sells a BLT in NJ and was hired by a TKM contractor; he told the ACLU."
    ids = _ids(text)
    assert {"organisation:hvac", "organisation:blt", "organisation:nj", "organisation:tkm"}.isdisjoint(ids)
    assert "organisation:aclu" in ids  # an unknown acronym with no such cue still names an organisation


def test_an_acronym_given_for_a_technique_is_no_organisation() -> None:
    text = (
        "The study used Mindfulness-Based Stress Reduction, or MBSR, the technique taught in clinics. "
        "MBSR is widely used by nurses."
    )
    assert "organisation:mbsr" not in _ids(text)


# --- organisations that are not people ----------------------------------------------------------


def test_a_production_company_is_not_a_person() -> None:
    text = "The film was produced by Jerry Bruckheimer Films and Amblin Entertainment, and it stars Tom Cruise."
    kinds = _kinds(text)
    assert kinds["Jerry Bruckheimer Films"] == "organisation"
    assert kinds["Amblin Entertainment"] == "organisation"
    assert kinds["Tom Cruise"] == "person"


def test_a_known_person_before_a_company_head_is_the_company() -> None:
    kinds = _kinds("The series is made by Donald Trump Productions for cable.")
    assert kinds == {"Donald Trump Productions": "organisation"}


def test_a_job_title_is_not_a_name_and_the_name_before_it_is_a_person() -> None:
    text = (
        "Jaimie Tilbrook, Chief Product Officer of data management firm EncompaaS, said many firms wait. "
        "Ramy Houssaini, Chief Cyber Solutions Officer at Cloudflare, agreed, said Houssaini, Chief Officer, "
        "Cloudflare."
    )
    kinds = _kinds(text)
    assert kinds["Jaimie Tilbrook"] == "person"
    assert kinds["Ramy Houssaini"] == "person"
    assert kinds["EncompaaS"] == "organisation"
    assert "Product Officer" not in kinds and "Cyber Solutions Officer" not in kinds
    assert all(kind != "person" for text, kind in kinds.items() if text == "Cloudflare")


def test_a_comma_breaks_a_role_or_organisation_cue() -> None:
    kinds = _kinds("We had somebody call us that's very close to your company, Farah, and tell us more.")
    assert "Farah" not in kinds
    kinds = _kinds("As a driver on an underdog racing team, Brad Pitt brings plenty of personality.")
    assert kinds["Brad Pitt"] == "person"


def test_a_transcript_speaker_label_is_a_person_not_a_dateline() -> None:
    text = (
        "SACHA PFEIFFER, HOST: The Texas Legislature is holding a special session.\n\n"
        "ROSIE CURTS: If vouchers pass, it would take money away.\n\nPFEIFFER: Thank you."
    )
    mentions = find_mentions(text)
    people = {m.entity_id for m in mentions if m.kind == "person"}
    assert people == {"person:sacha-pfeiffer", "person:rosie-curts"}
    assert not any(m.kind == "place" and "CURTS" in m.mention_text for m in mentions)
    assert "organisation:host" not in {m.entity_id for m in mentions}


def test_the_title_of_a_work_in_quotes_is_no_organisation() -> None:
    ids = _ids('The concert film features songs from "The Tortured Poets Department." It was filmed in Vancouver.')
    assert ids == {"place:vancouver"}


def test_a_journal_and_a_season_are_no_places() -> None:
    ids = _ids("The paper was published in Science last week. The film Griffin in Summer opens soon.")
    assert "place:science" not in ids and "place:summer" not in ids
    assert "place:senkata" in _ids("The police of the city met protesters in Senkata on Tuesday.")  # the rule guarded


# --- one person under a short first name ------------------------------------------------------


def test_a_short_first_name_is_the_same_person_in_one_article() -> None:
    mentions = find_mentions(
        "Joshua Apte, a professor at the University of Texas, led the study. Josh Apte said the results were clear."
    )
    assert {m.entity_id for m in mentions if m.kind == "person"} == {"person:joshua-apte"}


def test_a_short_first_name_that_fits_two_people_joins_neither() -> None:
    mentions = find_mentions("Joshua Apte and Joseph Apte led the study. Joe Apte said the results were clear.")
    assert {m.entity_id for m in mentions if m.kind == "person"} == {
        "person:joshua-apte",
        "person:joseph-apte",
        "person:joe-apte",
    }


def _mentions(*names: str) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(len(names))],
            "entity_id": ["person:" + n.lower().replace(" ", "-") for n in names],
            "entity_name": list(names),
            "kind": ["person"] * len(names),
            "mention_text": list(names),
        }
    )


def _known(*names: str) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "entity_id": ["person:" + n.lower().replace(" ", "-") for n in names],
            "entity_name": list(names),
            "kind": ["person"] * len(names),
            "aliases": [[] for _ in names],
        },
        schema={"entity_id": pl.String, "entity_name": pl.String, "kind": pl.String, "aliases": pl.List(pl.String)},
    )


def test_across_articles_josh_joins_joshua_and_bill_joins_william() -> None:
    resolved, _ = resolve_entities(_mentions("Josh Apte", "Bill Burton"), _known("Joshua Apte", "William Burton"))
    assert resolved["entity_id"].to_list() == ["person:joshua-apte", "person:william-burton"]


def test_across_articles_a_short_name_that_fits_two_known_people_joins_neither() -> None:
    # "Bill" is short for William and for Robert: with both known, nothing says which one
    resolved, _ = resolve_entities(_mentions("Bill Burton"), _known("William Burton", "Robert Burton"))
    assert resolved["entity_id"].to_list() == ["person:bill-burton"]
    # and a different first name never joins ("Victor" is no short "Elizabeth")
    resolved, _ = resolve_entities(_mentions("Victor Burton"), _known("Elizabeth Burton"))
    assert resolved["entity_id"].to_list() == ["person:victor-burton"]


def test_currency_codes_are_no_organisations_but_npr_is() -> None:
    ids = _ids("Passes cost several hundred EUR or USD depending on access, Mrazek tells NPR in an email.")
    assert "organisation:eur" not in ids and "organisation:usd" not in ids
    assert "organisation:npr" in ids


def test_a_person_of_an_organisation_is_two_entities() -> None:
    kinds = _kinds(
        "Co-authors include Mark H. Pollack of Rush University and Laura Kim of Cambridge Judge Business School."
    )
    assert kinds["Mark H. Pollack"] == "person" and kinds["Rush University"] == "organisation"
    assert kinds["Cambridge Judge Business School"] == "organisation"
    assert kinds["Laura Kim"] == "person"


def test_a_title_word_inside_an_organisation_name_is_no_title() -> None:
    kinds = _kinds("She worked at Massachusetts General Hospital and the company sued General Motors last year.")
    assert kinds["Massachusetts General Hospital"] == "organisation"
    assert "Massachusetts" not in kinds


def test_a_possessive_ends_a_name_glued_to_a_place() -> None:
    kinds = _kinds("She is a professor in Georgetown University Medical Center’s Department of Psychiatry, it said.")
    assert kinds["Georgetown University Medical Center"] == "organisation"
    assert kinds["Department of Psychiatry"] == "organisation"


def test_a_heading_in_capitals_is_no_organisation_and_a_compass_word_ends_a_place() -> None:
    text = "SALEM\n\nI was on a ferry in the Pacific Northwest, said Jeff McDonald, CEO, Kythera Labs."
    kinds = _kinds(text)
    assert "SALEM" not in kinds
    assert kinds["Pacific Northwest"] == "place" and "Pacific" not in kinds
    assert kinds["Kythera Labs"] == "organisation"


def test_a_heading_line_keeps_its_first_word_a_sentence_does_not() -> None:
    text = (
        "The red light was on, a mobile phone rang: the key question.\n\n2. Mobile World Congress (MWC)\n\n"
        "Red Light District Bar & Lounge\n\nKey Security Council powers distanced themselves, it said."
    )
    kinds = _kinds(text)
    assert kinds["Mobile World Congress"] == "organisation" and "World Congress" not in kinds
    assert kinds["Red Light District Bar & Lounge"] == "organisation"
    assert "Key Security Council" not in kinds  # "key" starts a sentence of a paragraph, not a heading


def test_says_she_after_a_name_makes_no_speaker_of_it() -> None:
    kinds = _kinds("A psychologist who hosts the podcast Therapy for Black Girls, says she was surprised.")
    assert "Black Girls" not in kinds
    assert _kinds("Chief negotiator Saeb Erekat said they would act.")["Saeb Erekat"] == "person"


def test_a_title_case_line_of_a_body_keeps_a_third_name_word() -> None:
    text = "Remember when it came out.\n\nFrankenstein by Mary Wollstonecraft Shelley\n\nShe wrote it young."
    assert _kinds(text)["Mary Wollstonecraft Shelley"] == "person"
    headline = {m.mention_text for m in find_mentions("Kevin Volker Meets Putin", headline=True)}
    assert "Kevin Volker" in headline  # a headline's third word may be its verb


def test_a_known_place_inside_a_longer_name_is_no_place() -> None:
    kinds = _kinds("On Becoming a Guinea Fowl is both funny and sad. China's Shanghai Composite slumped 0.2%.")
    assert "Guinea" not in kinds and "Shanghai" not in kinds
    assert kinds["China"] == "place"
    assert _kinds("She flew to Shanghai on Monday.")["Shanghai"] == "place"


def test_a_field_after_in_is_no_place() -> None:
    kinds = _kinds("Luna Luan, a Lecturer in Management at the University of Queensland, said so.")
    assert "Management" not in kinds
    assert "place:senkata" in {
        m.entity_id for m in find_mentions("The police of the city met protesters in Senkata on Tuesday.")
    }


def test_a_short_form_of_a_longer_organisation_name_is_that_organisation() -> None:
    text = "Hoge works at Georgetown University Medical Center. The Medical Center includes a school."
    ids = {m.mention_text: m.entity_id for m in find_mentions(text)}
    assert ids["Medical Center"] == ids["Georgetown University Medical Center"]


def test_parks_trails_and_bayous_are_places_and_a_surname_after_a_first_name_is_a_person() -> None:
    kinds = _kinds(
        "Downtown lanes take you to Sam Houston Park, the Harrisburg Hike and Bike Trail and Buffalo Bayou, "
        "and the Museum District is home to Hermann Park. Georgia Tech hosts it, said Jane Park."
    )
    assert kinds["Sam Houston Park"] == "place" and kinds["Hermann Park"] == "place"
    assert kinds["Harrisburg Hike and Bike Trail"] == "place" and "Bike Trail" not in kinds
    assert kinds["Buffalo Bayou"] == "place" and kinds["Museum District"] == "place"
    assert kinds["Georgia Tech"] == "organisation" and kinds["Jane Park"] == "person"


def test_a_common_word_of_the_nicknames_data_cues_no_person() -> None:
    kinds = _kinds("Notable clients: Green Man Gaming.\n\nMake a Wood Jewelry Organizer with a Shelf\n\nIt was fun.")
    assert all(kind != "person" for kind in kinds.values())
    assert _kinds("The study was led by Lewis Ziska of Columbia.")["Lewis Ziska"] == "person"


def test_a_role_after_a_title_a_bare_capital_a_suffix_or_a_demonym_makes_no_person() -> None:
    kinds = _kinds(
        "USDA, Office of the Chief Economist, said so. Nathan Benaich, Founder and General Partner of Air Street "
        "Capital, agreed. As a Bryan U student you pay less. Coverage from American Business Insurance helps. "
        "Her business What Runs You, LLC grows."
    )
    assert not {"Economist", "Partner", "Bryan U", "Business Insurance", "LLC"} & set(kinds)
    assert kinds["Nathan Benaich"] == "person"


def test_a_title_with_in_makes_no_place_and_a_web_address_is_one_name() -> None:
    kinds = _kinds(
        "Spanish Grammar in Context is a website on grammar. The police of the city met Al-Ibrahim in Senkata. "
        "At AccountingDepartment.com, your accounting is done."
    )
    assert "Context" not in kinds and kinds["Senkata"] == "place"  # a name before "in" is no title
    assert kinds["AccountingDepartment.com"] == "organisation" and "AccountingDepartment" not in kinds


def test_a_service_in_common_words_and_an_acronym_of_lower_case_words_are_no_organisations() -> None:
    text = (
        "Services offered:\n- Social Media Marketing Services\n- Paid Social\n\nWe sell social media marketing "
        "services. Climate-Induced Yield Changes and TFP: a report. Without new spending, total-factor-"
        "productivity (TFP) growth would fall, the American Federation of Teachers said."
    )
    kinds = _kinds(text)
    assert "Social Media Marketing Services" not in kinds and "TFP" not in kinds
    assert kinds["American Federation of Teachers"] == "organisation"


def test_identifiers_of_quoted_code_are_no_names() -> None:
    text = (
        "We mock the contracts.\n\ntype CalendarClient interface {\n    identity, err := repo.GetIdentity(ctx)\n}\n"
        "func NewRunner(cal CalendarClient) *Runner {\n    return nil\n}\n\n"
        "Once these pass, we trust that GetIdentity speaks SQL, as Google does."
    )
    kinds = _kinds(text)
    assert not {"CalendarClient", "GetIdentity", "NewRunner"} & set(kinds)
    assert kinds["Google"] == "organisation"
    assert _kinds("She joined HubSpot in May, and HubSpot grew.")["HubSpot"] == "organisation"  # no code: kept


def test_an_acronym_defined_by_common_words_after_it_is_none_even_when_known() -> None:
    text = "This lowers CPC (cost per click) and improves ROAS (return on ad spend). Reduce CPC by testing."
    kinds = _kinds(text)
    assert "CPC" not in kinds and "ROAS" not in kinds


def test_a_title_word_in_a_heading_that_the_text_writes_in_lower_case_is_no_title() -> None:
    text = "Pick an office chair with care.\n\nTop Ergonomic Chair Picks\n\nOffice Chair & Back Pain: Quick Facts\n"
    kinds = _kinds(text)
    assert "Picks" not in kinds and "Back Pain" not in kinds


def test_a_surname_in_a_citation_is_no_place() -> None:
    text = "Cerra, J., Wien, H. C., & Skelly, S. (2015). Making change. New Prairie Press, Manhattan, KS."
    assert "place:vienna" not in {m.entity_id for m in find_mentions(text)}
    text = "Mathematical Association of America, Washington, D.C., 1995."
    assert "place:washington" in {m.entity_id for m in find_mentions(text)}


def test_a_kind_of_network_and_a_heading_description_are_no_organisations() -> None:
    text = (
        "Mesh technology is smart: each mesh node joins the Mesh network. The Haqqani network claimed it.\n\n"
        "Guaranteed Service: professional companies ensure consistent service.\n\n"
        "Flexibility with San Diego's Slate Services\n\n"
        "— Tottenham Hotspur (@SpursOfficial) November 20, 2019\n\nNASA's Scientific Visualization Studio\n"
    )
    kinds = _kinds(text)
    assert not {"Mesh network", "Guaranteed Service", "Slate Services"} & set(kinds)
    assert kinds["Haqqani network"] == "organisation"
    assert kinds["Tottenham Hotspur"] == "organisation" and kinds["Scientific Visualization Studio"] == "organisation"


def test_a_demonym_made_of_a_place_name_is_no_place() -> None:
    kinds = _kinds("The rates of cleaning in this bustling Californian city vary, and the town of Senkata grows.")
    assert "Californian" not in kinds


def test_json_members_web_address_parts_and_lists_of_codes_are_no_organisations() -> None:
    text = (
        'Define AggregateRating properties like this:\n{\n"@type": "AggregateRating",\n"ratingValue": "4.4",\n'
        '"returnFees": "https://schema.org/FreeReturn",\n"name": "Tablet"\n}\n'
        "Details of the product, including GTIN, MPN, SKU, brand, ASIN, and URL. He worked at Oracle, IBM, and MongoDB."
    )
    kinds = _kinds(text)
    assert not {"AggregateRating", "FreeReturn", "MPN", "ASIN", "GTIN"} & set(kinds)
    assert kinds["IBM"] == "organisation"


def test_a_field_after_a_degree_or_chair_and_a_verbs_object_in_a_heading_are_no_organisations() -> None:
    text = (
        "She is Professor of Business Administration at the Harvard Business School. He holds a Bachelor of "
        "Science in Business Administration.\n\n2. Build an Emergency Fund\n\nSave money to build a cushion. "
        "Jennifer Maerz is Program "
        "Chair of Lean Startup Co., and Christian Counseling Centers helps."
    )
    kinds = _kinds(text)
    assert "Business Administration" not in kinds and "Build an Emergency Fund" not in kinds
    assert kinds["Harvard Business School"] == "organisation" and kinds["Lean Startup Co."] == "organisation"
    assert kinds["Christian Counseling Centers"] == "organisation"
