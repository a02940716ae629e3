import { method, returns } from '@shared/api/define';
import { overviewInputSchema, type Overview } from '@shared/domain/overview';

/** What is due: the first screen after unlocking. */
export const overviewMethods = {
  'overview.get': method(
    'reads',
    'What is due, most urgent first: reviews by their next-review date, open actions by their due date, homes not visited lately, and sealed minutes awaiting the other organisation’s countersignature.',
    overviewInputSchema,
    returns<Overview>(),
  ),
};
