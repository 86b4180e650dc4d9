"""The access policy: who sees what and who may do what (DESIGN.md §1, §14).

One module per subject: `roles` (who a person is; the ground floor), `importers`, `entries`,
`inquiries`, `plans` and `reports`. The package stands above the models: it imports them and
no model imports it. Each `visible(user, queryset=None)` returns the rows of `queryset` (all
rows of its model by default) that the user may see, as a QuerySet that chains with the
model's own methods: `access.inquiries.visible(user).open()`. Objects a user may not see are
simply absent, so views answer 404, never 403.
"""

from . import entries, importers, inquiries, plans, reports, roles

__all__ = ["entries", "importers", "inquiries", "plans", "reports", "roles"]
