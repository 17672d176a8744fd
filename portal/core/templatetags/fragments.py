"""``{% shared_fragment "name" [value ...] %}…{% endshared_fragment %}``:
the part between rendered once and shared (portal.core.fragments). Each
value (a page, a number) is part of the key, besides the address, the
language and the audience. Nothing of one account's may be inside."""

from django import template
from django.db.models import Model
from django.template.base import FilterExpression, NodeList

from portal.core.fragments import fragment

register = template.Library()


def _key_part(value: object) -> object:
    if isinstance(value, Model):
        return (value._meta.label_lower, value.pk)
    return value if isinstance(value, (str, int, bool, type(None))) else str(value)


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist: NodeList, name: str, vary: list[FilterExpression]):
        self.nodelist = nodelist
        self.name = name
        self.vary = vary

    def render(self, context: template.Context) -> str:
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        vary = tuple(_key_part(value.resolve(context)) for value in self.vary)
        return fragment(request, self.name, vary, lambda: self.nodelist.render(context))


@register.tag("shared_fragment")
def shared_fragment(parser, token) -> SharedFragmentNode:
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError(
            "shared_fragment takes a quoted name, then the values it varies on"
        )
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    vary = [parser.compile_filter(bit) for bit in bits[2:]]
    return SharedFragmentNode(nodelist, bits[1][1:-1], vary)
