"""`lintgk serve`: a local page where a clerk drops a report and sees what lintgk found in it.

Needs the optional extra: pip install "lintgk[web]" (Starlette, uvicorn, python-multipart, Jinja2).
"""
