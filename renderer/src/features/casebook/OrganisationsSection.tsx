import { organisationKindLabels } from '../../../../shared/domain/organisations';
import { formatDate } from '../../../../shared/format/dates';
import { useApiQuery } from '../../api/useApiQuery';
import { EmptyState, ErrorMessage } from '../../ui/Screen';
import { OrganisationForm } from './OrganisationForm';

export function OrganisationsSection() {
  const organisations = useApiQuery('organisations.list', {}, ['casebook.changed']);
  return (
    <section aria-labelledby="organisations-heading" className="panel">
      <h2 id="organisations-heading">Organisations</h2>
      <ErrorMessage message={organisations.error ?? null} />
      {organisations.status === 'ready' &&
        (organisations.data.length === 0 ? (
          <EmptyState>
            <p>No organisations yet. Add the local authority and the provider you are reviewing with, below.</p>
          </EmptyState>
        ) : (
          <table className="table">
            <caption className="visually-hidden">Organisations in the case book</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Added</th>
              </tr>
            </thead>
            <tbody>
              {organisations.data.map((organisation) => (
                <tr key={organisation.id}>
                  <td>{organisation.name}</td>
                  <td>{organisationKindLabels[organisation.kind]}</td>
                  <td>{formatDate(organisation.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      <OrganisationForm />
    </section>
  );
}
