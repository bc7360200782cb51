# Production image of the web process. Build: docker build -t scriptorium .
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# Next's build and the compiled server entries (dist/server), see scripts/buildServer.ts.
RUN npm run build

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY --from=build /app ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 CMD curl -fsS http://127.0.0.1:3000/healthz || exit 1
# Compiled JavaScript with plain node (no TypeScript loader); --conditions=production
# loads Lexical's production build directly (see src/server/lexicalConditions.ts).
# The entry applies pending migrations before it listens.
CMD ["node", "--conditions=production", "dist/server/index.js"]
