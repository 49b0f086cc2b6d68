"""The web app (``newsprism serve``): upload articles, follow the job, read the brief.

Needs the ``web`` extra (``pip install 'newsprism[web]'``): FastAPI, uvicorn
and python-multipart. The rest of newsprism never imports this package.
"""

from __future__ import annotations

from newsprism.web.app import create_app, serve
from newsprism.web.settings import WebSettings

__all__ = ["WebSettings", "create_app", "serve"]
