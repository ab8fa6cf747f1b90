python3 tests/readme_schema.py "$(command -v samsim)"
