import type { EntityManager } from 'typeorm';
import { reactionPoint } from '../platform/queue/reactions';

/**
 * A reaction to an employer's new name, run inside the renaming transaction (postings keep the
 * name in their search tokens). The reacting provider carries @ReactsTo(EMPLOYER_RENAMED);
 * EmployersService collects every one at start (common/reactions.ts), so employers does not
 * depend on postings. Any number: an installation without postings has nothing to re-tokenize.
 */
export interface EmployerRenamedReaction {
  employerRenamed(manager: EntityManager, employerId: string, name: string): Promise<void>;
}

export const EMPLOYER_RENAMED = reactionPoint<EmployerRenamedReaction>('EMPLOYER_RENAMED', 'any');
