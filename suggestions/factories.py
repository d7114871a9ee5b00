import factory
import wagtail_factories

from directory.models.listings import ListingKind
from suggestions.models import ListingSuggestion, ProblemReport, SuggestListingPage


class SuggestListingPageFactory(wagtail_factories.PageFactory):
    title = "Suggest a listing"
    slug = "suggest"
    thank_you = "Thank you: an editor will check it."

    class Meta:
        model = SuggestListingPage


class ListingSuggestionFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Neighbourhood pantry {n}")
    kind = ListingKind.GROUP
    summary = "Free groceries every week for anyone who needs them."
    language = "en"

    class Meta:
        model = ListingSuggestion


class ProblemReportFactory(factory.django.DjangoModelFactory):
    problem = ProblemReport.Problem.CLOSED
    details = "The group stopped meeting last month."
    language = "en"

    class Meta:
        model = ProblemReport
