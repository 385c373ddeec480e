# syntax=docker/dockerfile:1
# Branch Instant Issuance: the web server image (target `runtime`, the default) and the tools
# image for migrations and a worker apart from the web instances (target `tools`).
# docs/operations.md#container-image says how to build and run them; compose.yaml runs both.
#
#   docker build -t issuance .                      # the server: node server.js
#   docker build -t issuance-tools --target tools . # migrations: the image's default command
ARG NODE_IMAGE=node:24-slim

# --- deps: every package, from the lock file --------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# --- build: the standalone server (.next/standalone/server.js and only the files it needs) ----
FROM deps AS build
COPY . .
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
# Read by next.config.mjs at build time and kept in the build (not read again at start).
ARG SERVER_ACTIONS_ALLOWED_ORIGINS=""
RUN SERVER_ACTIONS_ALLOWED_ORIGINS="${SERVER_ACTIONS_ALLOWED_ORIGINS}" node_modules/.bin/next build

# --- tools: migrations and the stand-alone worker, run with tsx from the sources --------------
FROM ${NODE_IMAGE} AS tools
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --home-dir /tmp app
WORKDIR /src
COPY --from=deps /src/node_modules ./node_modules
COPY . .
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
USER 10001:10001
# Applies the committed migrations (and the job queue's schema) to DATABASE_URL, then exits.
CMD ["node_modules/.bin/tsx", "scripts/migrate.ts"]

# --- runtime: what the three app instances run -------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --home-dir /tmp app
WORKDIR /app
# Owned by root and read-only to the app's user: the server cannot change its own code. The only
# places it writes are /tmp and .next/cache (mount both as tmpfs with a read-only root filesystem).
COPY --from=build /src/.next/standalone ./
COPY --from=build /src/.next/static ./.next/static
COPY --from=build /src/public ./public
RUN mkdir -p .next/cache && chown app:app .next/cache
# HOSTNAME: server.js listens there (Docker sets it to the container's name otherwise).
# NEXT_MANUAL_SIG_HANDLE: SIGTERM is ours: readiness 503, drain, streams sent elsewhere, the
# worker finishes its job, exit 0 within SHUTDOWN_GRACE_SECONDS (lib/shutdown).
# NODE_OPTIONS: V8's heap sized for about 1,000 open event streams (one per teller's or manager's
# tab); left to itself V8 grows 100–200 MB past what is live. Set it per docs/performance.md
# ("Heap settings per expected number of tellers") for other sizes.
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    NEXT_MANUAL_SIG_HANDLE=true \
    NODE_OPTIONS="--max-old-space-size=320 --max-semi-space-size=2" \
    HOSTNAME=0.0.0.0 \
    PORT=3000
USER 10001:10001
EXPOSE 3000
# Liveness through Node's own fetch: the slim image has no curl, and needs none.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "server.js"]
