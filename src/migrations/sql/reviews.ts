/**
 * Hand-written SQL of reviews (issue 15): stars are whole numbers from 1 to 5; an order
 * review names its order (unless the order was deleted since) and a website review none; a client has one live review of a
 * website (a rejected one may be written again): the partial unique index backs the
 * check `prepareReview` makes under the client's row lock, as the unique `order_id`
 * backs one review per order. A writer's cached rating count is a whole number.
 */
export const reviewsUp = [
  'ALTER TABLE "reviews" ADD CONSTRAINT "reviews_rating_stars" CHECK ("rating" = trunc("rating") AND "rating" BETWEEN 1 AND 5);',
  'ALTER TABLE "reviews" ADD CONSTRAINT "reviews_writer_rating_stars" CHECK ("writer_rating" IS NULL OR ("writer_rating" = trunc("writer_rating") AND "writer_rating" BETWEEN 1 AND 5));',
  `ALTER TABLE "reviews" ADD CONSTRAINT "reviews_kind_order" CHECK ("kind" = 'order' OR "order_id" IS NULL);`,
  `CREATE UNIQUE INDEX "reviews_one_live_website_review" ON "reviews" ("tenant_id", "client_id") WHERE "kind" = 'website' AND "status" <> 'rejected';`,
  'ALTER TABLE "users" ADD CONSTRAINT "users_rating_count_whole" CHECK ("rating_count" IS NULL OR ("rating_count" = trunc("rating_count") AND "rating_count" >= 0));',
].join('\n')

export const reviewsDown = [
  'ALTER TABLE "users" DROP CONSTRAINT IF EXISTS "users_rating_count_whole";',
  'DROP INDEX IF EXISTS "reviews_one_live_website_review";',
  'ALTER TABLE "reviews" DROP CONSTRAINT IF EXISTS "reviews_kind_order";',
  'ALTER TABLE "reviews" DROP CONSTRAINT IF EXISTS "reviews_writer_rating_stars";',
  'ALTER TABLE "reviews" DROP CONSTRAINT IF EXISTS "reviews_rating_stars";',
].join('\n')
