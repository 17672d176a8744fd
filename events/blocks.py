from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class AgendaItemBlock(blocks.StructBlock):
    time = blocks.TimeBlock(label=_("time"))
    title = blocks.CharBlock(label=_("item"))
    speaker = blocks.CharBlock(label=_("speaker"), required=False)

    class Meta:
        icon = "time"
        label = _("Agenda item")
