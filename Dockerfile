# policywatch daemon image. Build and run: see docs/deploy.md.
#   docker build -t policywatch .
#   docker run -d --name policywatch -v policywatch-data:/data --env-file policywatch.env \
#     --stop-timeout 30 policywatch
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    POLICYWATCH_DATA_DIR=/data \
    TZ=Asia/Shanghai

WORKDIR /src
# A regular (non-editable) install: the wheel carries the migrations (as store/migrations), the
# templates, the snapshots and the labelled corpus, so /src can be deleted afterwards.
COPY pyproject.toml README.md scheduler.py ./
COPY policywatch ./policywatch
COPY alembic ./alembic
COPY crawler ./crawler
COPY parsers ./parsers
COPY store ./store
COPY notifier ./notifier
# EXTRAS: optional extras, e.g. --build-arg EXTRAS=workers for the crawl-worker topology
# (docs/deploy.md#5-crawl-workers-on-several-machines) or EXTRAS=workers,browser.
ARG EXTRAS=""
RUN pip install ".${EXTRAS:+[$EXTRAS]}" && cd / && rm -rf /src \
    && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin policywatch \
    && mkdir -p /data && chown policywatch:policywatch /data

WORKDIR /data
USER policywatch
VOLUME ["/data"]

# Clean shutdown on `docker stop` (give it --stop-timeout 30; the daemon itself exits within 10 s).
STOPSIGNAL SIGTERM
# Unhealthy while any channel is failing or blocked (start-period covers the first polls). Abroad,
# where some sites geo-block, use a liveness check instead or ignore those sources:
#   HEALTHCHECK CMD policywatch status --alive   |   policywatch status --check --ignore hefei
ARG HEALTH_ARGS="--check"
ENV POLICYWATCH_HEALTH_ARGS=${HEALTH_ARGS}
HEALTHCHECK --interval=5m --timeout=60s --start-period=15m --retries=2 \
    CMD policywatch status $POLICYWATCH_HEALTH_ARGS > /dev/null || exit 1

ENTRYPOINT ["policywatch"]
CMD ["run"]
