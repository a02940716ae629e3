import type { overviewMethods } from '@shared/overview/contract';
import type { ServiceContext } from '@core/context';
import type { Handlers } from '@core/router';
import { getOverview } from './overview';

/** What is due: one read across reviews, actions, visits and minutes. */
export function overviewHandlers(context: ServiceContext): Pick<Handlers, keyof typeof overviewMethods> {
  return {
    'overview.get': (input) => getOverview(context, input),
  };
}
