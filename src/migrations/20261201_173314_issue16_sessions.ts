import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  // Sessions (issue 16): what we know of each sign-in beside Payload's users_sessions; a
  // deleted user's sign-ins go with them.
  await db.execute(sql`
   CREATE TYPE "public"."enum_login_sessions_end_reason" AS ENUM('logout', 'logout_all', 'revoked', 'idle', 'limit', 'password_change');
  CREATE TABLE "login_sessions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"sid" varchar NOT NULL,
  	"user_id" integer NOT NULL,
  	"website_id" integer,
  	"device_label" varchar,
  	"user_agent" varchar,
  	"address" varchar,
  	"last_activity_at" timestamp(3) with time zone,
  	"ended_at" timestamp(3) with time zone,
  	"end_reason" "enum_login_sessions_end_reason",
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "tenants" ADD COLUMN "settings_writer_idle_timeout_minutes" numeric DEFAULT 120;
  ALTER TABLE "tenants" ADD COLUMN "settings_session_limits_staff" numeric DEFAULT 5;
  ALTER TABLE "tenants" ADD COLUMN "settings_session_limits_writer" numeric DEFAULT 5;
  ALTER TABLE "tenants" ADD COLUMN "settings_session_limits_client" numeric DEFAULT 5;
  ALTER TABLE "login_sessions" ADD CONSTRAINT "login_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "login_sessions" ADD CONSTRAINT "login_sessions_website_id_tenants_id_fk" FOREIGN KEY ("website_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "login_sessions_sid_idx" ON "login_sessions" USING btree ("sid");
  CREATE INDEX "login_sessions_user_idx" ON "login_sessions" USING btree ("user_id");
  CREATE INDEX "login_sessions_website_idx" ON "login_sessions" USING btree ("website_id");
  CREATE INDEX "login_sessions_updated_at_idx" ON "login_sessions" USING btree ("updated_at");
  CREATE INDEX "login_sessions_created_at_idx" ON "login_sessions" USING btree ("created_at");
  CREATE INDEX "user_endedAt_idx" ON "login_sessions" USING btree ("user_id","ended_at");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "login_sessions" CASCADE;
  ALTER TABLE "tenants" DROP COLUMN "settings_writer_idle_timeout_minutes";
  ALTER TABLE "tenants" DROP COLUMN "settings_session_limits_staff";
  ALTER TABLE "tenants" DROP COLUMN "settings_session_limits_writer";
  ALTER TABLE "tenants" DROP COLUMN "settings_session_limits_client";
  DROP TYPE "public"."enum_login_sessions_end_reason";`)
}
