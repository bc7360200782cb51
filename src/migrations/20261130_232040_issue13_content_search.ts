import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Full-text search of posts and pages (issue 13), by hand: Payload cannot declare a
 * generated column or a GIN index, and its migrate:create diffs its own snapshot, so
 * these stay invisible to it (Payload never reads or writes `search_vector`).
 *
 * `search_vector` is computed by PostgreSQL on every write of the main table, which holds
 * each document's published state (drafts saved later live in the versions tables), with
 * weights: A the title, B the excerpt or summary (pages: and the hero's lines) and the
 * meta description, C the body's plain text. Configuration 'english' (stemming, stop
 * words): see SEARCH_CONFIG in src/domain/content/search/search.ts, which queries with it.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "posts" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
    setweight(to_tsvector('english'::regconfig, coalesce("excerpt", '') || ' ' || coalesce("meta_description", '')), 'B') ||
    setweight(to_tsvector('english'::regconfig, coalesce("plain_text", '')), 'C')
  ) STORED;
  CREATE INDEX "posts_search_vector_idx" ON "posts" USING gin ("search_vector");
  ALTER TABLE "pages" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
    setweight(to_tsvector('english'::regconfig, coalesce("summary", '') || ' ' || coalesce("hero_headline", '') || ' ' || coalesce("hero_subheadline", '') || ' ' || coalesce("meta_description", '')), 'B') ||
    setweight(to_tsvector('english'::regconfig, coalesce("plain_text", '')), 'C')
  ) STORED;
  CREATE INDEX "pages_search_vector_idx" ON "pages" USING gin ("search_vector");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "posts_search_vector_idx";
  ALTER TABLE "posts" DROP COLUMN IF EXISTS "search_vector";
  DROP INDEX IF EXISTS "pages_search_vector_idx";
  ALTER TABLE "pages" DROP COLUMN IF EXISTS "search_vector";`)
}
