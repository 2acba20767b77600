"""Helpers of the import benchmark (bench/import_bench.py): scratch databases and the bare-insert floor; and the import fuzzer (bench.imports.fuzz)."""
