"""Page-number paging for the portal's lists, with no total count.

One row more than the page is read to know whether a next page exists, so a page costs one
query whatever the list's length. (The staff queue pages by keyset instead: see
inquiries.pagination.)
"""

from dataclasses import dataclass

PER_PAGE = 25
MAX_PAGE = 10_000


@dataclass
class Page:
    rows: list
    previous_url: str
    next_url: str

    def __iter__(self):
        return iter(self.rows)

    def __len__(self):
        return len(self.rows)

    def __bool__(self):
        return bool(self.rows)

    def parts(self) -> tuple[list, str, str]:
        return self.rows, self.previous_url, self.next_url


def page_of(request, items, *, per_page: int = PER_PAGE, param: str = "page") -> Page:
    """The page of `items` named by the query parameter `param`, with neighbour links."""
    try:
        number = min(MAX_PAGE, max(1, int(request.GET.get(param, "1"))))
    except ValueError:
        number = 1
    start = (number - 1) * per_page
    rows = list(items[start : start + per_page + 1])

    def url(to: int) -> str:
        query = request.GET.copy()
        query[param] = str(to)
        return f"{request.path}?{query.urlencode()}"

    return Page(
        rows[:per_page],
        url(number - 1) if number > 1 else "",
        url(number + 1) if len(rows) > per_page else "",
    )
