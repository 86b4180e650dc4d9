"""Request parsers of the API (DESIGN.md §9): JSON writes take a JSON object, nothing else."""

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

NOT_AN_OBJECT = "The body must be a JSON object."


class JSONObjectParser(JSONParser):
    """application/json whose top level is an object.

    Every JSON body of the API names its fields, so an array, string, number or null is
    refused here, once for every view, before any view could read it as an empty body.
    """

    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        if not isinstance(data, dict):
            raise ParseError(NOT_AN_OBJECT)
        return data
