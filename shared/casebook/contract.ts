import { z } from 'zod';
import { method, noInput, returns } from '@shared/api/define';
import type { ExportedFile } from '@shared/domain/exported-file';
import { subjectAccessSchema } from '@shared/domain/subject-access';
import { transferImportSchema, type TransferSummary } from '@shared/domain/transfer';
import { homeUpdateSchema, newHomeSchema, type Home } from '@shared/domain/homes';
import { byId, recordId } from '@shared/domain/ids';
import { newOrganisationSchema, organisationUpdateSchema, type Organisation } from '@shared/domain/organisations';
import { newPersonSchema, personUpdateSchema, type Person } from '@shared/domain/people';
import { newPlacementSchema, placementUpdateSchema, type Placement } from '@shared/domain/placements';
import { newReviewSchema, reviewFilterSchema, reviewUpdateSchema, type Review } from '@shared/domain/reviews';
import { searchQuerySchema, type SearchResults } from '@shared/domain/search';

const includeArchived = z.boolean({ message: 'includeArchived should be true or false.' }).optional();
const listInput = z.strictObject({ includeArchived });

/** The case book's records (organisations, homes, people, placements, reviews), search, and the files that carry it. */
export const casebookMethods = {
  'organisations.list': method('reads', 'Organisations, by name.', listInput, returns<Organisation[]>()),
  'organisations.get': method('reads', 'One organisation.', byId, returns<Organisation>()),
  'organisations.create': method('writes', 'Add an organisation.', newOrganisationSchema, returns<Organisation>()),
  'organisations.update': method(
    'writes',
    'Change an organisation.',
    organisationUpdateSchema,
    returns<Organisation>(),
  ),
  'organisations.archive': method(
    'writes',
    'Archive an organisation: kept, but out of everyday lists.',
    byId,
    returns<Organisation>(),
  ),
  'organisations.restore': method('writes', 'Bring an archived organisation back.', byId, returns<Organisation>()),
  'homes.list': method(
    'reads',
    'Children’s homes, by name.',
    z.strictObject({ includeArchived, providerId: recordId().optional() }),
    returns<Home[]>(),
  ),
  'homes.get': method('reads', 'One home.', byId, returns<Home>()),
  'homes.create': method('writes', 'Add a children’s home run by a provider.', newHomeSchema, returns<Home>()),
  'homes.update': method('writes', 'Change a home.', homeUpdateSchema, returns<Home>()),
  'homes.archive': method('writes', 'Archive a home.', byId, returns<Home>()),
  'homes.restore': method('writes', 'Bring an archived home back.', byId, returns<Home>()),
  'people.list': method(
    'reads',
    'People, by name.',
    z.strictObject({ includeArchived, organisationId: recordId().optional() }),
    returns<Person[]>(),
  ),
  'people.get': method('reads', 'One person.', byId, returns<Person>()),
  'people.create': method('writes', 'Add a person.', newPersonSchema, returns<Person>()),
  'people.update': method('writes', 'Change a person.', personUpdateSchema, returns<Person>()),
  'people.archive': method('writes', 'Archive a person.', byId, returns<Person>()),
  'people.restore': method('writes', 'Bring an archived person back.', byId, returns<Person>()),
  'placements.list': method(
    'reads',
    'Placements, newest first.',
    z.strictObject({ includeArchived, homeId: recordId().optional(), placingAuthorityId: recordId().optional() }),
    returns<Placement[]>(),
  ),
  'placements.get': method('reads', 'One placement.', byId, returns<Placement>()),
  'placements.create': method(
    'writes',
    'Add a placement: a child, by reference, at a home.',
    newPlacementSchema,
    returns<Placement>(),
  ),
  'placements.update': method('writes', 'Change a placement.', placementUpdateSchema, returns<Placement>()),
  'placements.archive': method('writes', 'Archive a placement.', byId, returns<Placement>()),
  'placements.restore': method('writes', 'Bring an archived placement back.', byId, returns<Placement>()),
  'reviews.list': method(
    'reads',
    'Reviews, latest first, for a home, a placement or an organisation.',
    reviewFilterSchema,
    returns<Review[]>(),
  ),
  'reviews.get': method('reads', 'One review.', byId, returns<Review>()),
  'reviews.create': method('writes', 'Plan a review.', newReviewSchema, returns<Review>()),
  'reviews.update': method(
    'writes',
    'Change a review’s date, place, purpose or next review date.',
    reviewUpdateSchema,
    returns<Review>(),
  ),
  'reviews.archive': method(
    'writes',
    'Archive a review (for example one that was cancelled).',
    byId,
    returns<Review>(),
  ),
  'reviews.restore': method('writes', 'Bring an archived review back.', byId, returns<Review>()),
  'search.query': method('reads', 'Search the whole case book.', searchQuerySchema, returns<SearchResults>()),
  'transfer.export': method(
    'writes',
    'The whole case book as one transfer file, to move it to another computer.',
    noInput,
    returns<ExportedFile>(),
  ),
  'transfer.import': method(
    'audits',
    'Bring a transfer file into an empty case book.',
    transferImportSchema,
    returns<TransferSummary>(),
  ),
  'subjectAccess.export': method(
    'writes',
    'Everything held about one child reference, as a readable file.',
    subjectAccessSchema,
    returns<ExportedFile>(),
  ),
};
