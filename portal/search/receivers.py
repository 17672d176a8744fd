"""Receivers of Wagtail's page signals, connected in apps.py: a published or
unpublished page changes the vocabulary of "Did you mean"."""

from wagtail.signals import page_published, page_unpublished

from .suggestions import vocabulary_forget


def _forget_vocabulary(**kwargs) -> None:
    vocabulary_forget()


page_published.connect(_forget_vocabulary, dispatch_uid="search.vocabulary.published")
page_unpublished.connect(
    _forget_vocabulary, dispatch_uid="search.vocabulary.unpublished"
)
