import { PEOPLE_DATASET, searchPeople } from '../org/index.js';
import type { CardSearch } from '../platform/teams/card-search.js';
import type { ApprovalFeatureDeps } from './index.js';

export { PEOPLE_DATASET, personChoice, peopleWithRoles } from '../org/index.js';

/**
 * The delegate picker of an approval card (`people:<approval id>`): neither the person
 * searching nor the approval's requester, who may not decide it (the decision refuses
 * them too, whatever a card sends).
 */
export const peopleSearch: CardSearch<ApprovalFeatureDeps> = {
  dataset: PEOPLE_DATASET,
  async search(ctx, query, top, approvalId) {
    const approval =
      approvalId && UUID.test(approvalId)
        ? await ctx.deps.approvals.approvals.get(approvalId)
        : undefined;
    const excluded = [ctx.actor.aadObjectId, approval?.requesterAadObjectId.toLowerCase()];
    return searchPeople(ctx.deps.org.organisation, excluded, query, top);
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
