# syntax=docker/dockerfile:1
#
# The Next.js web app, from its `output: "standalone"` build.
# Build from the repository root:
#   docker build -f docker/web.Dockerfile --build-arg API_URL=http://server:4000 -t tesseract/web .
#
# API_URL is a build argument because Next bakes the /trpc rewrite destination into the build
# (.next/routes-manifest.json); the runtime API_URL only reaches server components.

ARG NODE_IMAGE=node:24-slim

FROM ${NODE_IMAGE} AS base
# Keep in step with "packageManager" in package.json.
ARG PNPM_VERSION=12.21.0
# PNPM_CONFIG_PM_ON_FAIL=ignore: see docker/server.Dockerfile.
ENV PNPM_CONFIG_STORE_DIR=/pnpm/store \
    PNPM_CONFIG_PM_ON_FAIL=ignore \
    CI=true \
    TURBO_TELEMETRY_DISABLED=1 \
    NEXT_TELEMETRY_DISABLED=1
RUN npm install -g "pnpm@${PNPM_VERSION}" && npm cache clean --force
WORKDIR /app

# --- prune: the web app's slice of the workspace
FROM base AS prune
# Keep in step with "turbo" in the pnpm-workspace.yaml catalog.
ARG TURBO_VERSION=2.11.11
COPY . .
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store \
    pnpm dlx "turbo@${TURBO_VERSION}" prune @tesseract/web --docker --out-dir /out

# --- build: all dependencies (next build type-checks against @tesseract/api's types)
FROM base AS build
COPY --from=prune /out/json/ ./
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile
COPY --from=prune /out/full/ ./
ARG API_URL=http://server:4000
ARG PUBLIC_URL=http://localhost:3000
ENV API_URL=${API_URL} \
    PUBLIC_URL=${PUBLIC_URL}
# "@tesseract/web..." also runs the build script of any workspace dependency that has one.
RUN --mount=type=cache,id=next-cache,target=/app/apps/web/.next/cache \
    pnpm --filter "@tesseract/web..." run build \
    && mkdir -p apps/web/public

# --- runtime: the standalone server carries its own traced node_modules; no pnpm, no sources.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000
WORKDIR /app
# Next writes its runtime cache under .next, so the app's files belong to the app user.
COPY --from=build --chown=node:node /app/apps/web/.next/standalone ./
COPY --from=build --chown=node:node /app/apps/web/.next/static ./apps/web/.next/static
COPY --from=build --chown=node:node /app/apps/web/public ./apps/web/public
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/').then((r) => process.exit(r.status < 500 ? 0 : 1), () => process.exit(1))"]
CMD ["node", "apps/web/server.js"]
