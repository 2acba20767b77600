"""Helpers of the import benchmark (bench/import_bench.py): scratch databases and the bare-insert floor."""
