from django import template

from ..selectors import news_latest

register = template.Library()


@register.inclusion_tag("knowledge/includes/latest_news.html")
def latest_news(limit: int = 3) -> dict:
    return {"news_items": news_latest(limit=limit)}
