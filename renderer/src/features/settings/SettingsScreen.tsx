import { useApiQuery } from '../../api/useApiQuery';
import { ErrorMessage, Screen } from '../../ui/Screen';

export function SettingsScreen() {
  const info = useApiQuery('app.info', {});
  return (
    <Screen title="Settings">
      <ErrorMessage message={info.error ?? null} />
      {info.status === 'ready' && (
        <section aria-labelledby="about-heading" className="panel">
          <h2 id="about-heading">About this installation</h2>
          <dl className="details">
            <dt>Version</dt>
            <dd>{info.data.version}</dd>
            <dt>Case book file</dt>
            <dd>
              <code>{info.data.caseBookFile}</code>
            </dd>
            <dt>Case book format</dt>
            <dd>{info.data.schemaVersion}</dd>
          </dl>
        </section>
      )}
    </Screen>
  );
}
