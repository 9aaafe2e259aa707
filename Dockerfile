# syntax=docker/dockerfile:1.7
# The PipePilot inference server: `pipepilot serve`, following a models repository in git.
# docs/deploy.md explains how to run it; tests/e2e/image-contents.test.ts stages exactly what the
# COPY lines below copy and runs the runtime install, since no Docker engine runs in our CI.
ARG NODE_VERSION=24

# 1. Compile TypeScript to lib/ (needs the dev dependencies: typescript).
FROM node:${NODE_VERSION}-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
RUN npm ci --ignore-scripts
COPY src ./src
COPY schemas ./schemas
RUN npm run build

# 2. Runtime dependencies only. --ignore-scripts skips our own `prepare` (a build); the native
# TensorFlow backend's install script is then run on purpose (it downloads libtensorflow, so it
# needs the network an image build has, and the compilers of this full image if no prebuilt
# binding fits).
FROM node:${NODE_VERSION}-bookworm AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm rebuild @tensorflow/tfjs-node

# 3. The image: slim Node, git and ssh (to follow the repository), no compilers, not root.
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends git openssh-client ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production \
    HOME=/tmp \
    PIPEPILOT_CACHE_DIR=/var/cache/pipepilot \
    PIPEPILOT_HOST=0.0.0.0
COPY package.json ./
COPY bin ./bin
COPY schemas ./schemas
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/lib ./lib
# The only writable places: the git cache and /tmp (mount volumes there for a read-only root).
RUN mkdir -p /var/cache/pipepilot && chown node:node /var/cache/pipepilot
VOLUME ["/var/cache/pipepilot", "/tmp"]
USER node
EXPOSE 8080
ENTRYPOINT ["node", "/app/bin/pipepilot.js", "serve"]
# Replaceable arguments (SageMaker replaces them with `serve`, which the command accepts): the
# listening address comes from PIPEPILOT_HOST above, so it survives that.
CMD ["--port", "8080", "--log-format", "json"]
