from transforms.html.depth import exceeds_parser_depth
from transforms.html.pages import parse_html_page

PARAGRAPH = "<p>" + "The harbour board approved the new ferry timetable on Monday evening. " * 3 + "</p>"


def _nested(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + PARAGRAPH + "</div>" * depth + "</body></html>"


def test_a_page_nested_past_the_parser_limit_is_detected() -> None:
    assert exceeds_parser_depth(_nested(100_000))
    assert exceeds_parser_depth(_nested(300))


def test_ordinary_pages_and_moderate_nesting_are_not_flagged() -> None:
    assert not exceeds_parser_depth(_nested(40))
    assert not exceeds_parser_depth("<html><body><p>short</p></body></html>")
    assert not exceeds_parser_depth("")
    assert not exceeds_parser_depth("just some text, no tags")


def test_parse_html_page_marks_the_deep_page_and_not_a_page_that_is_merely_empty() -> None:
    deep = parse_html_page(_nested(1_000))
    assert not deep.has_article and deep.is_too_deep
    empty = parse_html_page("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert not empty.has_article and not empty.is_too_deep
    fine = parse_html_page(_nested(20))
    assert fine.has_article and not fine.is_too_deep
