import { formatDate } from '../../../../shared/format/dates';
import { useApiQuery } from '../../api/useApiQuery';
import { EmptyState, ErrorMessage } from '../../ui/Screen';
import { HomeForm } from './HomeForm';

export function HomesSection() {
  const homes = useApiQuery('homes.list', {}, ['casebook.changed']);
  const organisations = useApiQuery('organisations.list', {}, ['casebook.changed']);
  const providers = organisations.data?.filter((organisation) => organisation.kind === 'provider') ?? [];

  return (
    <section aria-labelledby="homes-heading" className="panel">
      <h2 id="homes-heading">Children’s homes</h2>
      <ErrorMessage message={homes.error ?? organisations.error ?? null} />
      {homes.status === 'ready' &&
        (homes.data.length === 0 ? (
          <EmptyState>
            <p>No homes yet. Add a home with its Ofsted URN, below.</p>
          </EmptyState>
        ) : (
          <table className="table">
            <caption className="visually-hidden">Children’s homes in the case book</caption>
            <thead>
              <tr>
                <th scope="col">Home</th>
                <th scope="col">Ofsted URN</th>
                <th scope="col">Provider</th>
                <th scope="col">Added</th>
              </tr>
            </thead>
            <tbody>
              {homes.data.map((home) => (
                <tr key={home.id}>
                  <td>{home.name}</td>
                  <td>{home.ofstedUrn}</td>
                  <td>{home.providerName}</td>
                  <td>{formatDate(home.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {organisations.status === 'ready' &&
        (providers.length === 0 ? (
          <EmptyState>
            <p>To add a home, first add the provider that runs it, as an organisation of kind “Provider”.</p>
          </EmptyState>
        ) : (
          <HomeForm providers={providers} />
        ))}
    </section>
  );
}
