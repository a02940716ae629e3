import { z } from 'zod';
import { homeUpdateSchema, newHomeSchema, type Home } from '../domain/homes';
import { byId, recordId } from '../domain/ids';
import { newOrganisationSchema, organisationUpdateSchema, type Organisation } from '../domain/organisations';
import { newPersonSchema, personUpdateSchema, type Person } from '../domain/people';
import { newPlacementSchema, placementUpdateSchema, type Placement } from '../domain/placements';
import { newReviewSchema, reviewFilterSchema, reviewUpdateSchema, type Review } from '../domain/reviews';
import { searchQuerySchema, type SearchResults } from '../domain/search';
import { deckMethods } from '../deck/contract';
import { method, returns } from './define';
import { backupRestoreSchema, subjectAccessSchema, type BackupFile, type ExportedFile, type RestoreSummary } from '../domain/backup';


const noInput = z.strictObject({});
const includeArchived = z.boolean({ message: 'includeArchived should be true or false.' }).optional();
const listInput = z.strictObject({ includeArchived });

export interface AppInfo {
  appName: string;
  version: string;
  dataDir: string;
  caseBookFile: string;
  schemaVersion: number;
}

/**
 * Every call the renderer can make. The core validates each input with its schema before any
 * service runs; the renderer gets typed results and never sees a transport.
 */
export const contract = {
  'app.info': method('About this installation: version and where its data lives.', noInput, returns<AppInfo>()),

  'organisations.list': method('Organisations, by name.', listInput, returns<Organisation[]>()),
  'organisations.get': method('One organisation.', byId, returns<Organisation>()),
  'organisations.create': method('Add an organisation.', newOrganisationSchema, returns<Organisation>()),
  'organisations.update': method('Change an organisation.', organisationUpdateSchema, returns<Organisation>()),
  'organisations.archive': method('Archive an organisation: kept, but out of everyday lists.', byId, returns<Organisation>()),
  'organisations.restore': method('Bring an archived organisation back.', byId, returns<Organisation>()),

  'homes.list': method(
    'Children’s homes, by name.',
    z.strictObject({ includeArchived, providerId: recordId().optional() }),
    returns<Home[]>(),
  ),
  'homes.get': method('One home.', byId, returns<Home>()),
  'homes.create': method('Add a children’s home run by a provider.', newHomeSchema, returns<Home>()),
  'homes.update': method('Change a home.', homeUpdateSchema, returns<Home>()),
  'homes.archive': method('Archive a home.', byId, returns<Home>()),
  'homes.restore': method('Bring an archived home back.', byId, returns<Home>()),

  'people.list': method(
    'People, by name.',
    z.strictObject({ includeArchived, organisationId: recordId().optional() }),
    returns<Person[]>(),
  ),
  'people.get': method('One person.', byId, returns<Person>()),
  'people.create': method('Add a person.', newPersonSchema, returns<Person>()),
  'people.update': method('Change a person.', personUpdateSchema, returns<Person>()),
  'people.archive': method('Archive a person.', byId, returns<Person>()),
  'people.restore': method('Bring an archived person back.', byId, returns<Person>()),

  'placements.list': method(
    'Placements, newest first.',
    z.strictObject({ includeArchived, homeId: recordId().optional(), placingAuthorityId: recordId().optional() }),
    returns<Placement[]>(),
  ),
  'placements.get': method('One placement.', byId, returns<Placement>()),
  'placements.create': method('Add a placement: a child, by reference, at a home.', newPlacementSchema, returns<Placement>()),
  'placements.update': method('Change a placement.', placementUpdateSchema, returns<Placement>()),
  'placements.archive': method('Archive a placement.', byId, returns<Placement>()),
  'placements.restore': method('Bring an archived placement back.', byId, returns<Placement>()),

  'reviews.list': method('Reviews, latest first, for a home, a placement or an organisation.', reviewFilterSchema, returns<Review[]>()),
  'reviews.get': method('One review.', byId, returns<Review>()),
  'reviews.create': method('Plan a review.', newReviewSchema, returns<Review>()),
  'reviews.update': method('Change a review’s date, place, purpose or next review date.', reviewUpdateSchema, returns<Review>()),
  'reviews.archive': method('Archive a review (for example one that was cancelled).', byId, returns<Review>()),
  'reviews.restore': method('Bring an archived review back.', byId, returns<Review>()),

  'search.query': method('Search the whole case book.', searchQuerySchema, returns<SearchResults>()),

  'backup.export': method('The whole case book as one versioned backup file.', noInput, returns<ExportedFile>()),
  'backup.restore': method('Restore a backup file into an empty case book.', backupRestoreSchema, returns<RestoreSummary>()),
  'subjectAccess.export': method('Everything held about one child reference, as a readable file.', subjectAccessSchema, returns<ExportedFile>()),

  ...deckMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M]['output'];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export type { BackupFile };
