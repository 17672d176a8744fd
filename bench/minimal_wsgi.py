"""The smallest WSGI application that answers like the home page: the same
bytes and headers, read once from the files bench/load.py wrote. Under the
same gunicorn settings it is the ceiling Django is measured against.

    BENCH_BODY=home.html BENCH_HEADERS=headers.json \
        gunicorn -c deploy/gunicorn.conf.py --pythonpath bench minimal_wsgi
"""

import json
import os
from pathlib import Path

BODY = Path(os.environ["BENCH_BODY"]).read_bytes()
HEADERS = [
    (name, value)
    for name, value in json.loads(Path(os.environ["BENCH_HEADERS"]).read_text())
] + [("Content-Length", str(len(BODY)))]


def application(environ: dict, start_response) -> list[bytes]:
    start_response("200 OK", HEADERS)
    return [BODY]
