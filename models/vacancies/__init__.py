"""Vacancies: the vacancy tables (vacancy.py) and their operations: registering and editing
(edit.py), lists and exports (queries.py), review of public submissions (review.py), sharing and
partner proposals (sharing.py). Import the module you need; this package imports nothing."""
