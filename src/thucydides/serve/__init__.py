"""The local web server: a JSON API and pages over the database (issue 17)."""
