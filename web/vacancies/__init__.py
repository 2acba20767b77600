"""Vacancies: register, edit, review public submissions, share with partners, export."""
