"""Dropping the index of a foreign key without touching the key (for migrations).

Django's AlterField to `db_index=False` drops and re-adds the foreign key constraint, and
re-adding it re-validates every row: minutes of locking on the inquiry and event tables at
national volume. `drop_own_index` changes the field's state and drops only its index.
"""

from django.db import migrations


def drop_own_index(
    model_name: str, name: str, field, *, table: str, column: str, index: str
) -> migrations.SeparateDatabaseAndState:
    """Set `field` (with db_index=False) and drop `index`, the column's own index, and on
    PostgreSQL its `_like` twin for varchar columns (IF EXISTS: SQLite has none)."""
    return migrations.SeparateDatabaseAndState(
        state_operations=[migrations.AlterField(model_name=model_name, name=name, field=field)],
        database_operations=[
            migrations.RunSQL(
                [f'DROP INDEX IF EXISTS "{index}"', f'DROP INDEX IF EXISTS "{index}_like"'],
                reverse_sql=[f'CREATE INDEX "{index}" ON "{table}" ("{column}")'],
            )
        ],
    )
