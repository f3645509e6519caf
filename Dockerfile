# syntax=docker/dockerfile:1
# Masthead in one image: `docker run IMAGE serve` (the default), `worker`, `migrate`, `backup`...
# See docs/deploy.md. Three stages: build (dev dependencies, tsc, the editor bundle), then the
# same node_modules pruned to production dependencies, then a runtime with only what runs.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
ARG DEBIAN_FRONTEND=noninteractive
# better-sqlite3 compiles itself when no prebuilt binary fits this Node and libc.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY bin ./bin
COPY src ./src
RUN npm run build \
  && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ARG DEBIAN_FRONTEND=noninteractive
# pg_dump must be at least as new as the server it dumps, so the client comes from the
# PostgreSQL project's apt repository at the major the server runs (compose.yaml: 17), not
# Debian's older one. postgresql-common ships that repository's key: nothing is fetched by hand.
# (Its setup script reads a HOST variable as the repository's host name: the ENV below that
# sets HOST for the app must stay after this step.)
ARG PG_MAJOR=17
# A fixed uid/gid so volumes and bind mounts can be owned by it on the host.
ARG MASTHEAD_UID=10001
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini ca-certificates postgresql-common \
  && /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y \
  && apt-get install -y --no-install-recommends "postgresql-client-${PG_MAJOR}" \
  && rm -rf /var/lib/apt/lists/* \
  && groupadd --system --gid "${MASTHEAD_UID}" masthead \
  && useradd --system --uid "${MASTHEAD_UID}" --gid masthead --home-dir /var/lib/masthead \
    --shell /usr/sbin/nologin masthead \
  && install -d -o masthead -g masthead -m 0750 \
    /var/lib/masthead /var/lib/masthead/data /var/lib/masthead/media

WORKDIR /app
# The code stays owned by root: the process can read it but never change it.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
# The compiled build reads its stylesheets and passkey.js from src/*/assets (http/assets.ts).
COPY --from=build /app/src/site/assets ./src/site/assets
COPY --from=build /app/src/admin/assets ./src/admin/assets

# Inside a container the app must listen on every interface; the proxy in front is the only
# one that reaches it (compose.yaml keeps the web services off the host's ports).
# NODE_OPTIONS holds the heap limits of `npm start` (docs/adr/004), so an operator can change them.
# Node refuses --no-allocation-site-pretenuring (ADR 043) in NODE_OPTIONS, so that flag is on the
# ENTRYPOINT's command line.
ENV NODE_ENV=production \
  HOST=0.0.0.0 \
  PORT=3000 \
  DATABASE_URL=sqlite:/var/lib/masthead/data/masthead.db \
  MEDIA_DIR=/var/lib/masthead/media \
  MAIL_DIR=/var/lib/masthead/data/mail \
  NODE_OPTIONS="--max-semi-space-size=4 --max-old-space-size=256"

# The SQLite database (and mail written as files when no SMTP_URL is set), and uploaded media.
VOLUME ["/var/lib/masthead/data", "/var/lib/masthead/media"]
EXPOSE 3000
USER masthead

# Node's own fetch, so the image needs no curl. A worker container has no HTTP server: compose
# turns this check off there.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# tini is PID 1: it forwards SIGTERM to node (which drains, then exits) and reaps zombies
# (pg_dump children of `masthead backup`).
ENTRYPOINT ["/usr/bin/tini", "--", "node", "--no-allocation-site-pretenuring", "dist/masthead.js"]
CMD ["serve"]
