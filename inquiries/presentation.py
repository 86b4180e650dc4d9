"""How an inquiry's state looks on the pages that list or show it."""

from .workflow import Status

# Colour of the status tag (templates/components/usa_tag.html variants).
STATUS_VARIANTS = {
    Status.SUBMITTED: "info",
    Status.ASSIGNED: "info",
    Status.IN_REVIEW: "accent",
    Status.AWAITING_IMPORTER: "warning",
    Status.REFERRED: "accent",
    Status.RESOLVED: "success",
    Status.CLOSED: "",
    Status.WITHDRAWN: "",
}
