/**
 * Hand-written SQL of magic-link sign-in (issue 16), run by its generated migration (kept
 * apart so the migration can be regenerated and this re-attached).
 * - `magic_links`: one row per link mailed: the SHA-256 of its token (never the token),
 *   whose account, on which website, until when, and when it was used. Not a Payload
 *   collection: nobody reads or writes it through an API or the admin panel, only
 *   `src/operations/logins/magicLink.ts`. A user's or website's deletion takes its links.
 * - The switch starts off: no website has used it (it never worked), so every row is set
 *   off with the column's new default.
 */
export const magicLinksUp = `
CREATE TABLE magic_links (
  id serial PRIMARY KEY,
  token_hash varchar(64) NOT NULL,
  user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  website_id integer NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  expires_at timestamp(3) with time zone NOT NULL,
  used_at timestamp(3) with time zone,
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX magic_links_token_hash_unique ON magic_links (token_hash);
CREATE INDEX magic_links_user_idx ON magic_links (user_id);
UPDATE tenants SET settings_features_magic_link_enabled = false;
`

export const magicLinksDown = `
DROP TABLE IF EXISTS magic_links;
`
