from django import template

from ..selectors import FooterLink, footer_links, news_latest

register = template.Library()


@register.inclusion_tag("knowledge/includes/latest_news.html")
def latest_news(limit: int = 3) -> dict:
    return {"news_items": news_latest(limit=limit)}


@register.simple_tag
def footer_pages() -> list[FooterLink]:
    return footer_links()
