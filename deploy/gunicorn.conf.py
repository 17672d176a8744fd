"""gunicorn on one app server, behind nginx (docs/deploy.md).

    gunicorn -c deploy/gunicorn.conf.py portal.wsgi

The environment of the service (deploy/systemd/leerkring-web.service) holds
the Django settings; these few GUNICORN_* variables only tune the server.
"""

import multiprocessing
import os

# nginx reaches every app server on the internal network.
bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")

# Sync workers: nginx buffers slow clients and whole responses, so a worker
# is busy only while Django works. Two per core, plus one.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"

# Load Django and the anonymiser's lookup data (portal/wsgi.py) once in the
# master; the workers share that memory until they write to it.
preload_app = True

# nginx gives up after 30 s (proxy_read_timeout); so does the worker.
timeout = 30
graceful_timeout = 30
# Workers are not recycled unless GUNICORN_MAX_REQUESTS says so: at 5,000 a
# worker served by the page cache was replaced every two seconds under load,
# and the requests waiting for the new one put 0.3-1 s in the p99 (bench/
# load.py: Django alone 4,261 req/s with p99 up to 1,060 ms, 7,385 req/s with
# p99 under 2.3 ms without). Set it only if a worker's memory is seen to grow.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10

# X-Forwarded-Proto from nginx makes request.is_secure() true; only nginx's
# addresses may set it.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

# Access log on stdout (the journal); Django's own log is DJANGO_LOG_FORMAT.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
