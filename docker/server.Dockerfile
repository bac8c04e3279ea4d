# syntax=docker/dockerfile:1
#
# The API server image (also runs the one-shot migration, see docker/compose.yml), and with
# `--build-arg APP=worker` the worker image (apps/worker: the outbox relay and job consumer).
# Build from the repository root:  docker build -f docker/server.Dockerfile -t tesseract/server .
#                                  docker build -f docker/server.Dockerfile --build-arg APP=worker -t tesseract/worker .
#
# Workspace packages ship raw .ts that Node 24 runs by type stripping, and Node refuses to strip
# types under a node_modules path. So the image keeps the monorepo layout (apps/server and
# packages/* as real folders, linked from node_modules) instead of `pnpm deploy`, which would
# copy the workspace packages into node_modules. `turbo prune` keeps only what the server needs.

ARG NODE_IMAGE=node:24-slim
# server | worker: which app's slice of the workspace the image holds.
ARG APP=server

FROM ${NODE_IMAGE} AS base
# Keep in step with "packageManager" in package.json.
ARG PNPM_VERSION=12.21.0
# PNPM_CONFIG_PM_ON_FAIL=ignore: the pinned pnpm is installed right here, so skip pnpm's own
# package-manager check, which under --frozen-lockfile otherwise wants a
# packageManagerDependencies entry in pnpm-lock.yaml (see docker/README.md).
ENV PNPM_CONFIG_STORE_DIR=/pnpm/store \
    PNPM_CONFIG_PM_ON_FAIL=ignore \
    CI=true \
    TURBO_TELEMETRY_DISABLED=1
RUN npm install -g "pnpm@${PNPM_VERSION}" && npm cache clean --force
WORKDIR /app

# --- prune: the server's slice of the workspace (out/json = manifests + lockfile, out/full = src)
FROM base AS prune
# Keep in step with "turbo" in the pnpm-workspace.yaml catalog.
ARG TURBO_VERSION=2.11.11
ARG APP
COPY . .
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store \
    pnpm dlx "turbo@${TURBO_VERSION}" prune "@tesseract/${APP}" --docker --out-dir /out

# --- deps: production dependencies only. No build step: the packages run from source.
FROM base AS deps
ARG APP
COPY --from=prune /out/json/ ./
# --prod --filter-prod follows dependencies but not devDependencies, so the lint/test tooling
# (eslint, vitest, ...) stays out, and so do the embedded mode's stand-ins (PGlite, ioredis-mock,
# the fauxqs S3/SQS emulator and its fastify), which are devDependencies loaded only in that mode:
# this image runs on real services only. tRPC's TypeScript peer is cut by an override in
# pnpm-workspace.yaml. Result: ~45 MB of node_modules (docker/README.md, "The images");
# apps/server/test/production-install.test.ts runs this very line and keeps it under 150 MB.
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --prod --filter-prod "@tesseract/${APP}..."
COPY --from=prune /out/full/ ./

# --- runtime
FROM ${NODE_IMAGE} AS runtime
ARG APP
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    DATA_DIR=/app/.data
WORKDIR /app
COPY --from=deps /app ./
# Source stays root-owned and read-only for the app user; only the data dir is writable. The
# image has no embedded mode (its stand-ins are not installed): started without DATABASE_URL,
# REDIS_URL and AWS_ENDPOINT_URL (or AWS credentials) it exits with a message naming them.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
WORKDIR /app/apps/${APP}
# The worker image overrides the command and the health check (docker/compose.yml).
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--import", "./src/require-node.js", "src/main.ts"]
