"""Requests no view should see: paths with control characters, methods pages do not take."""

from django.http import Http404, HttpResponseNotAllowed

# Pages (and the admin) take these; the API lists its own per view (DRF answers 405 itself).
PAGE_METHODS = ("GET", "HEAD", "POST")
API_PREFIX = "/api/"


def has_control_character(text: str) -> bool:
    """True if text holds a C0 control character (NUL included) or DEL."""
    return any(ord(character) < 0x20 or ord(character) == 0x7F for character in text)


class RequestShapeMiddleware:
    """Refuse what no URL of the portal can mean before it reaches a view or SQL.

    No reference, code or id of the portal contains a control character, and PostgreSQL
    refuses a NUL in a query parameter: such a path is a page that does not exist (404),
    whichever view its pattern names. Page views are written for GET and POST only, so
    TRACE, PUT and the like answer 405 as the API's do, instead of rendering the page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_control_character(request.path):
            raise Http404
        if not request.path.startswith(API_PREFIX) and request.method not in PAGE_METHODS:
            return HttpResponseNotAllowed(PAGE_METHODS)
        return self.get_response(request)
