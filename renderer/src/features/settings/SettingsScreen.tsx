import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { DetailList, Section } from '@renderer/ui/RecordPage';
import { ErrorMessage, Screen } from '@renderer/ui/Screen';
import { AuditPanel } from './AuditPanel';
import { AutomaticBackupsPanel } from './AutomaticBackupsPanel';
import { TransferPanel } from './TransferPanel';
import { CertificatesPanel } from './CertificatesPanel';
import { EmailDraftsPanel } from './EmailDraftsPanel';
import { SecurityPanel } from './SecurityPanel';
import { SubjectAccessPanel } from './SubjectAccessPanel';

export function SettingsScreen() {
  const info = useApiQuery('app.info', {});
  return (
    <Screen title="Settings">
      <ErrorMessage message={failureOf(info)} />
      <SecurityPanel />
      <AutomaticBackupsPanel />
      <TransferPanel />
      <SubjectAccessPanel />
      <CertificatesPanel />
      <EmailDraftsPanel />
      <AuditPanel />
      {info.status === 'success' && (
        <Section id="about-heading" title="About this installation">
          <DetailList
            details={[
              { label: 'Version', value: info.data.version },
              { label: 'Case book file', value: <code>{info.data.caseBookFile}</code> },
              { label: 'Case book format', value: info.data.schemaVersion },
            ]}
          />
        </Section>
      )}
    </Screen>
  );
}
