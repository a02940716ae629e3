import type { casebookMethods } from '@shared/casebook/contract';
import type { ServiceContext } from '@core/context';
import type { Handlers } from '@core/router';
import { exportTransferFile, importTransferFile } from './transfer';
import { createHome, getHome, listHomes, updateHome } from './homes';
import { createOrganisation, getOrganisation, listOrganisations, updateOrganisation } from './organisations';
import { createPerson, getPerson, listPeople, updatePerson } from './people';
import { createPlacement, getPlacement, listPlacements, updatePlacement } from './placements';
import { setArchived } from './records';
import { createReview, getReview, listReviews, updateReview } from './reviews';
import { searchCaseBook } from './search';
import { exportSubjectAccess } from './subject-access';

/** The case book's records, search, and the files that carry it. */
export function casebookHandlers(
  context: ServiceContext,
  appVersion: string,
): Pick<Handlers, keyof typeof casebookMethods> {
  /** Archive and restore for one kind of record: each answers with the record as it now is. */
  const archiving = <T>(kind: Parameters<typeof setArchived>[1], get: (context: ServiceContext, id: string) => T) => ({
    archive: ({ id }: { id: string }) => (setArchived(context, kind, id, true), get(context, id)),
    restore: ({ id }: { id: string }) => (setArchived(context, kind, id, false), get(context, id)),
  });
  const organisations = archiving('organisation', getOrganisation);
  const homes = archiving('home', getHome);
  const people = archiving('person', getPerson);
  const placements = archiving('placement', getPlacement);
  const reviews = archiving('review', getReview);

  return {
    'organisations.list': (input) => listOrganisations(context, input),
    'organisations.get': (input) => getOrganisation(context, input.id),
    'organisations.create': (input) => createOrganisation(context, input),
    'organisations.update': (input) => updateOrganisation(context, input),
    'organisations.archive': organisations.archive,
    'organisations.restore': organisations.restore,

    'homes.list': (input) => listHomes(context, input),
    'homes.get': (input) => getHome(context, input.id),
    'homes.create': (input) => createHome(context, input),
    'homes.update': (input) => updateHome(context, input),
    'homes.archive': homes.archive,
    'homes.restore': homes.restore,

    'people.list': (input) => listPeople(context, input),
    'people.get': (input) => getPerson(context, input.id),
    'people.create': (input) => createPerson(context, input),
    'people.update': (input) => updatePerson(context, input),
    'people.archive': people.archive,
    'people.restore': people.restore,

    'placements.list': (input) => listPlacements(context, input),
    'placements.get': (input) => getPlacement(context, input.id),
    'placements.create': (input) => createPlacement(context, input),
    'placements.update': (input) => updatePlacement(context, input),
    'placements.archive': placements.archive,
    'placements.restore': placements.restore,

    'reviews.list': (input) => listReviews(context, input),
    'reviews.get': (input) => getReview(context, input.id),
    'reviews.create': (input) => createReview(context, input),
    'reviews.update': (input) => updateReview(context, input),
    'reviews.archive': reviews.archive,
    'reviews.restore': reviews.restore,

    'search.query': (input) => searchCaseBook(context, input),
    'transfer.export': () => exportTransferFile(context, appVersion),
    'transfer.import': (input) => importTransferFile(context, input),
    'subjectAccess.export': (input) => exportSubjectAccess(context, input),
  };
}
