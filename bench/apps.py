from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The benchmark's tools (the load generator and its `generate_load` command).

    Installed only by `bench.settings`: production settings never carry it.
    """

    name = "bench"
    label = "bench"
    verbose_name = "Benchmark"
