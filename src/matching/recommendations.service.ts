import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy } from '../access/scope/scope-policy';
import { AuditService } from '../audit/audit.service';
import { ResidentsDirectory } from '../residents/residents-directory';
import { TrainingService } from '../training/training.service';
import type { Lang, RecommendationsDto, RecommendedCourseDto } from './dto/match.dto';
import { statedCommuteMinutes } from './engine';
import { CandidateLoader } from './loaders/candidate.loader';
import { SkillCatalogueLoader } from './loaders/skill-catalogue.loader';
import { MatchingSettings } from './matching-settings';
import { RecommendationsRepository } from './recommendations.repository';
import type { MissingSkill } from './results/resident-skill-gap.entity';

const COURSES_SHOWN = 5;

@Injectable()
export class RecommendationsService {
  constructor(
    private readonly repository: RecommendationsRepository,
    private readonly policy: ScopePolicy,
    private readonly audit: AuditService,
    private readonly residents: ResidentsDirectory,
    private readonly training: TrainingService,
    private readonly candidates: CandidateLoader,
    private readonly catalogue: SkillCatalogueLoader,
    private readonly settings: MatchingSettings,
  ) {}

  /**
   * What rank-resident stored for the resident: recommended open postings, and the upcoming
   * courses near their site that teach a skill they lack for a posting they nearly fit.
   */
  async forResident(actor: AuthUser, residentId: string, lang: Lang): Promise<RecommendationsDto> {
    const ref = await this.residents.residentRef(residentId);
    this.policy.require(!!ref && this.policy.readsResident(actor, ref), 'Resident');
    if (actor.role !== 'resident') {
      await this.audit.recordReads(actor, 'resident', [residentId], 'resident.read_recommendations');
    }
    // Stored lists joined with the posting's current state: a posting closed since ranking is not offered.
    const postings = await this.repository.openRecommendations(residentId);
    return {
      postings: postings.map((p) => ({
        postingId: p.postingId,
        title: p.title,
        score: Number(p.score),
        reason: lang === 'en' ? p.reasonEn : p.reasonZh,
      })),
      courses: await this.courses(residentId, lang),
    };
  }

  private async courses(residentId: string, lang: Lang): Promise<RecommendedCourseDto[]> {
    const gaps = await this.repository.openSkillGaps(residentId);
    if (!gaps.length) return [];
    const resident = await this.candidates.resident(residentId);
    if (!resident) return [];
    const [site] = await this.candidates.sitesByIds([resident.input.siteId]);
    if (!site) return [];
    const codes = [...new Set(gaps.flatMap((g) => g.missing.map((s) => s.code)))].sort();
    // Courses are found by straight-line km: the resident's limit in minutes, back through the km rule.
    const d = this.settings.config.distance;
    const stated = statedCommuteMinutes(resident.input.preferences, d.minutesPerKm);
    const withinKm = (stated >= 0 ? stated : d.defaultMaxCommuteMinutes) / d.minutesPerKm;
    const courses = await this.training.upcomingCoursesTeaching(codes, site, {
      withinKm,
      limit: COURSES_SHOWN * 2,
    });
    const { names } = await this.catalogue.load();
    const out: RecommendedCourseDto[] = [];
    for (const c of courses) {
      const taught = new Map(c.skills.map((s) => [s.code, s.level]));
      // A course closes a gap when it teaches the skill at (at least) the level the posting asks.
      const closes = (s: MissingSkill): boolean => (taught.get(s.code) ?? 0) >= s.minLevel;
      const closesGap = codes.filter((code) =>
        gaps.some((g) => g.missing.some((s) => s.code === code && closes(s))),
      );
      if (!closesGap.length) continue;
      const postingsHelped = gaps.filter((g) => g.missing.some(closes)).length;
      const skillZh = closesGap.map((code) => names.get(code)?.zh ?? code).join('、');
      const skillEn = closesGap.map((code) => names.get(code)?.en ?? code).join(', ');
      out.push({
        courseId: c.id,
        title: c.title,
        startDate: c.startDate,
        closesGap,
        reason:
          lang === 'en'
            ? `Teaches ${skillEn}, required by ${postingsHelped} posting(s) you nearly fit; starts ${c.startDate}`
            : `学会${skillZh}，附近 ${postingsHelped} 个岗位需要；${c.startDate} 开课`,
      });
      if (out.length >= COURSES_SHOWN) break;
    }
    return out;
  }
}
