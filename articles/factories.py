import factory
import wagtail_factories

from articles.models import ArticleIndexPage, ArticleKind, ArticlePage, Author


class AuthorFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Author {n}")

    class Meta:
        model = Author


class ArticleIndexPageFactory(wagtail_factories.PageFactory):
    title = "Articles"
    slug = "articles"

    class Meta:
        model = ArticleIndexPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Article {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    kind = ArticleKind.EXPLAINER
    summary = "What mutual aid is, in plain words."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Neighbours share what they have.</p>")])

    class Meta:
        model = ArticlePage
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        # Tags cannot be given to the model's constructor like `authors=[...]` or
        # `related_listings=[ArticleRelatedListing(...)]` can.
        if extracted:
            self.topics.set(extracted)
            self.save()
