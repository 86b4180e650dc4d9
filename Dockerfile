# CEE Portal runtime image: gunicorn serving the Django app; the same image runs the
# Celery worker and beat (see docker-compose.yml).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# psycopg2 is built from source: it needs gcc and the libpq headers at build time and
# only the libpq library at run time.
COPY requirements.txt ./
RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc libpq-dev \
    && pip install -r requirements.txt \
    && apt-mark manual libpq5 \
    && apt-get purge -y --auto-remove gcc libpq-dev \
    && rm -rf /var/lib/apt/lists/*

COPY . .

# Static files are collected into the image and served by WhiteNoise. The secret key here
# is a throwaway used only for this build step; the real one comes from the environment.
RUN DJANGO_SECRET_KEY=collectstatic-build-only-not-a-real-secret \
    DJANGO_DEBUG=false \
    DJANGO_ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --noinput

# Uploaded documents: the folder the settings read (DOCUMENTS_ROOT), owned by the user the
# image runs as, and a volume, so documents outlive the container and replicas can share them
# (docker-compose.yml mounts one named volume on every app service).
ENV DOCUMENTS_ROOT=/app/var/documents
RUN useradd --system --create-home --home-dir /home/cee --uid 10001 --user-group cee \
    && mkdir -p "$DOCUMENTS_ROOT" \
    && chown -R cee:cee /app/var
VOLUME ["/app/var/documents"]
USER cee

EXPOSE 8000

CMD ["gunicorn", "cee_portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "2", "--no-control-socket"]
