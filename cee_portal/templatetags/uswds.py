"""Template tags behind the USWDS form templates (`{% load uswds %}`)."""

from django import template

from cee_portal.forms import USWDSField, error_summary

register = template.Library()


@register.simple_tag
def uswds_field(bound_field):
    """Usage: `{% uswds_field field as f %}`; then f.widget_html, f.options, f.hint_id …"""
    return USWDSField(bound_field)


@register.simple_tag
def uswds_widget(bound_field):
    """Render a field's widget alone with its USWDS classes: `{% uswds_widget field %}`."""
    return USWDSField(bound_field).widget_html


@register.simple_tag
def uswds_error_summary(form):
    """Usage: `{% uswds_error_summary form as problems %}`; each has message and anchor."""
    return error_summary(form)
