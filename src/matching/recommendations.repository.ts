import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { MissingSkill } from './results/resident-skill-gap.entity';

/** A stored recommendation as the resident reads it. */
export interface RecommendationRow {
  postingId: string;
  title: string;
  score: string;
  reasonZh: string;
  reasonEn: string;
}

/*
 * A resident's stored lists as RecommendationsService reads them (issue 14 item 4), each joined
 * with the posting's current state: a posting closed since ranking is not offered.
 */
@Injectable()
export class RecommendationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The resident's recommended open postings, in the stored rank. */
  async openRecommendations(residentId: string): Promise<RecommendationRow[]> {
    return this.dataSource.query(
      `SELECT rr.posting_id AS "postingId", p.title, rr.score, rr.reason_zh AS "reasonZh", rr.reason_en AS "reasonEn"
           FROM resident_recommendation rr JOIN posting p ON p.id = rr.posting_id AND p.status = 'open'
          WHERE rr.resident_id = $1 ORDER BY rr.rank, rr.posting_id`,
      [residentId],
    );
  }

  /** The skills the resident lacks for open postings they nearly fit. */
  async openSkillGaps(residentId: string): Promise<{ postingId: string; missing: MissingSkill[] }[]> {
    return this.dataSource.query(
      `SELECT g.posting_id AS "postingId", g.missing
         FROM resident_skill_gap g JOIN posting p ON p.id = g.posting_id AND p.status = 'open'
        WHERE g.resident_id = $1`,
      [residentId],
    );
  }
}
