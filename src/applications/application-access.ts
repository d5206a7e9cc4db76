import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import type { ScopePolicy } from '../access/scope/scope-policy';
import type { ResidentsDirectory } from '../residents/residents-directory';
import type { Application } from './application.entity';

/**
 * Who reads an application: the employer of the posting, the resident, officers and admins who
 * read the resident (the scope rule). Providers and liaisons never.
 */
export async function mayReadApplication(
  policy: ScopePolicy,
  residents: ResidentsDirectory,
  actor: AuthUser,
  a: Application,
  m?: EntityManager,
): Promise<boolean> {
  switch (actor.role) {
    case 'employer':
      return !!actor.employerId && a.employerId === actor.employerId;
    case 'resident':
      return !!actor.residentId && a.residentId === actor.residentId;
    case 'officer':
    case 'admin': {
      const ref = await residents.residentRef(a.residentId, m);
      return !!ref && policy.readsResident(actor, ref);
    }
    case 'provider':
    case 'liaison':
      return false;
  }
}
