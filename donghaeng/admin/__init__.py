"""The AI control tower: figures, complaint queue and logs that the city team works from.

Pure store queries live here; the HTTP side is ``donghaeng.admin.pages`` (HTML) and
``donghaeng.admin.api`` (JSON), joined in ``donghaeng.api.routes.admin``.
"""
