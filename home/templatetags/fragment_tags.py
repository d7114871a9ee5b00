"""`{% fragment "name" extra... %}…{% endfragment %}`: a part of a page kept between requests.

Keyed on the request's host, path, query and language, the content generation and the extra
values given (see home/fragments.py). Like Django's `{% cache %}`, which cannot tell a preview
from the live page nor learn that an editor published something.
"""

from django import template

from home import fragments

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary):
        self.nodelist, self.name, self.vary = nodelist, name, vary

    def render(self, context):
        vary = [value.resolve(context) for value in self.vary]
        return fragments.cached(
            context.get("request"), self.name, vary, lambda: self.nodelist.render(context)
        )


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(f'{bits[0]} needs a quoted name: {bits[0]} "header"')
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]])
