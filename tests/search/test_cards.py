"""A result card's fields come from one query for every page type (search/service.py)."""

from search import service


def test_cards_show_each_types_own_summary_and_kind(content):
    query = service.make_query("mutual aid breakfasts", language="en")
    results = {result["title"]: result for result in service.search(query).results}
    article = results["What mutual aid means"]
    assert article["kind"] == "article"
    assert article["summary"].startswith("Neighbours sharing what they have")
    assert article["url"] == content["article"].url

    hotline = service.search(service.make_query("nurse", language="en")).results[0]
    assert hotline["kind"] == "hotline"
    assert hotline["summary"] == "Answers to health questions from a nurse, by phone."
