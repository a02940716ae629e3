import { confirmKeySchema, type OrganisationKey } from '@shared/domain/minutes';
import { formatDateTime } from '@shared/format/dates';
import { groupFingerprint } from '@shared/format/fingerprint';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { Fingerprint } from '@renderer/ui/Fingerprint';
import { RecordTable, Section } from '@renderer/ui/RecordPage';
import { ErrorMessage, StatusMessage } from '@renderer/ui/Screen';
import { TextField } from '@renderer/ui/Select';
import { useApiForm } from '@renderer/ui/useApiForm';

const sourceLabels: Record<OrganisationKey['source'], string> = {
  this_computer: 'Made on this computer to seal minutes',
  imported_certificate: 'The organisation’s own certificate, imported here',
  received: 'Accepted with minutes received, its fingerprint compared',
  confirmed: 'Typed in from the fingerprint read out',
};

/**
 * The keys this case book knows each organisation seals with, by fingerprint (trust on first
 * use, as Signal's safety numbers), and a way to add one read out at a meeting.
 */
export function KnownKeysPanel() {
  const keys = useApiQuery('signing.keys', {});
  return (
    <Section id="known-keys-heading" title="Keys this case book knows">
      <p>
        Signatures in minutes are checked against these keys. A key is known when this computer made it, an
        organisation’s certificate was imported here, or someone compared its fingerprint with the one the organisation
        read out.
      </p>
      <ErrorMessage message={failureOf(keys)} />
      {keys.status === 'success' && (
        <RecordTable
          caption="Keys this case book knows, by organisation"
          rows={keys.data}
          empty={<p>None yet: a key is known once minutes are sealed here or received with a fingerprint compared.</p>}
          columns={[
            { header: 'Organisation', cell: (k) => k.organisation },
            { header: 'Fingerprint', cell: (k) => <Fingerprint hex={k.fingerprint} of={`${k.organisation}’s key`} /> },
            { header: 'Where it came from', cell: (k) => sourceLabels[k.source] },
            { header: 'Known since', cell: (k) => formatDateTime(k.addedAt) },
          ]}
        />
      )}
      <AddKeyForm />
    </Section>
  );
}

function AddKeyForm() {
  const { form, onSubmit, status, failure } = useApiForm({
    schema: confirmKeySchema,
    defaultValues: { organisation: '', fingerprint: '' },
    submit: async (values, call) => {
      await call('signing.confirmKey', values);
      return `This case book now knows the key ${groupFingerprint(values.fingerprint)} for ${values.organisation}.`;
    },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form className="form form--plain" onSubmit={onSubmit} noValidate aria-labelledby="add-key-heading">
      <h3 id="add-key-heading">Add a key read out at the meeting</h3>
      <p>
        When an organisation reads out its key’s fingerprint, type it here; minutes it signs with that key are then
        known to come from it.
      </p>
      <ErrorMessage message={failure} />
      <TextField
        label="Organisation"
        hint="As its certificate names it, for example Northshire County Council."
        error={errors.organisation?.message}
        registration={form.register('organisation')}
      />
      <TextField
        label="Fingerprint"
        hint="All 64 letters (a to f) and digits, as read out. Spaces and colons are fine."
        error={errors.fingerprint?.message}
        registration={form.register('fingerprint')}
      />
      <button type="submit" className="button button--secondary" disabled={isSubmitting}>
        Add this key
      </button>
      <StatusMessage message={status} />
    </form>
  );
}
