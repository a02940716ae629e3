import { formatDate } from '@shared/format/dates';
import { importIdentitySchema } from '@shared/domain/minutes';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { readFileAsBase64 } from '@renderer/ui/download';
import { Field } from '@renderer/ui/Field';
import { RecordTable, Section } from '@renderer/ui/RecordPage';
import { ErrorMessage, StatusMessage } from '@renderer/ui/Screen';
import { TextField } from '@renderer/ui/Select';
import { useApiForm } from '@renderer/ui/useApiForm';
import { useChosenFile } from '@renderer/ui/useChosenFile';
import { KnownKeysPanel } from './KnownKeysPanel';

/**
 * The certificates minutes are sealed with: this installation's own, made at first use, or an
 * organisation's own certificate imported here.
 */
export function CertificatesPanel() {
  const identities = useApiQuery('signing.identities', {});
  return (
    <>
      <Section id="certificates-heading" title="Sealing certificates">
        <p>
          Minutes are sealed with a certificate naming the organisation and this computer, made the first time it seals.
          An organisation can use its own certificate instead.
        </p>
        <ErrorMessage message={failureOf(identities)} />
        {identities.data && (
          <RecordTable
            caption="Sealing certificates"
            rows={identities.data}
            empty={<p>None yet: one is made the first time minutes are sealed.</p>}
            columns={[
              { header: 'Organisation', cell: (i) => i.organisation },
              {
                header: 'Certificate',
                cell: (i) =>
                  `${i.subject}${i.kind === 'imported' ? ' (the organisation’s own)' : ' (this computer’s)'}`,
              },
              { header: 'Since', cell: (i) => formatDate(i.createdAt) },
            ]}
          />
        )}
        <ImportCertificateForm />
      </Section>
      <KnownKeysPanel />
    </>
  );
}

function ImportCertificateForm() {
  const { form, onSubmit, status, failure } = useApiForm({
    schema: importIdentitySchema,
    defaultValues: { organisation: '', password: '' },
    // The organisation stays; the password does not.
    afterSave: (sent) => ({ ...sent, password: '' }),
    submit: async (values, call) => {
      await call('signing.importIdentity', values);
      return `From now on, minutes sealed for ${values.organisation} use this certificate.`;
    },
  });
  const file = useChosenFile(readFileAsBase64, (p12) =>
    p12 === null ? form.resetField('p12') : form.setValue('p12', p12),
  );
  const { errors, isSubmitting } = form.formState;

  return (
    <form
      className="form form--plain"
      onSubmit={file.whenRead(onSubmit)}
      noValidate
      aria-labelledby="import-certificate-heading"
    >
      <h3 id="import-certificate-heading">Use an organisation’s own certificate</h3>
      <ErrorMessage message={failure} />
      <TextField
        label="Organisation"
        error={errors.organisation?.message}
        registration={form.register('organisation')}
      />
      <Field label="Certificate file (.p12 or .pfx)" error={errors.p12?.message}>
        {(control) => (
          <input {...control} type="file" accept=".p12,.pfx,application/x-pkcs12" onChange={file.onChange} />
        )}
      </Field>
      <Field label="Password" error={errors.password?.message}>
        {(control) => <input {...control} {...form.register('password')} type="password" autoComplete="off" />}
      </Field>
      <button type="submit" className="button button--secondary" disabled={isSubmitting}>
        {isSubmitting ? 'Opening the certificate file…' : 'Use this certificate'}
      </button>
      {/* Deriving its keys can take a while (up to a minute for a file that asks for much work). */}
      <StatusMessage
        message={
          isSubmitting ? 'Opening the certificate file: this can take up to a minute. You can go on meanwhile.' : status
        }
      />
    </form>
  );
}
