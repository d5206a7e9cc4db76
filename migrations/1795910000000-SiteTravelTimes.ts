import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: the sites' travel-times tables. One row = one way from a site to a destination (a region
 * code, or a named place with coordinates) by one mode, with its timetable and who recorded it.
 */
export class SiteTravelTimes1795910000000 implements MigrationInterface {
  name = 'SiteTravelTimes1795910000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "site_travel_time" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "site_id" uuid NOT NULL,
                "destination_region_code" character varying(12),
                "place_name" character varying(100),
                "latitude" double precision,
                "longitude" double precision,
                "mode" character varying(8) NOT NULL,
                "minutes" integer NOT NULL,
                "fare" numeric(6,2),
                "first_departure" character varying(5),
                "last_return" character varying(5),
                "days" smallint array,
                "source" character varying(10) NOT NULL,
                "note" character varying(200),
                "employer_id" uuid,
                "recorded_by" uuid,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_site_travel_time_mode" CHECK (mode IN ('bus', 'shuttle', 'walk', 'ebike', 'car')),
                CONSTRAINT "chk_site_travel_time_source" CHECK (source IN ('measured', 'estimate')),
                CONSTRAINT "chk_site_travel_time_minutes" CHECK (minutes BETWEEN 1 AND 600),
                CONSTRAINT "chk_site_travel_time_destination" CHECK (destination_region_code IS NOT NULL OR (place_name IS NOT NULL AND latitude IS NOT NULL AND longitude IS NOT NULL)),
                CONSTRAINT "chk_site_travel_time_times" CHECK ((first_departure IS NULL OR first_departure ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$') AND (last_return IS NULL OR last_return ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')),
                CONSTRAINT "PK_site_travel_time" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`CREATE INDEX "idx_site_travel_time_site" ON "site_travel_time" ("site_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "site_travel_time"`);
  }
}
