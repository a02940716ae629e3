import { useId } from 'react';
import { sharingSchema, type SharingPreferences } from '@shared/domain/minutes';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { Section } from '@renderer/ui/RecordPage';
import { ErrorMessage, StatusMessage } from '@renderer/ui/Screen';
import { TextField } from '@renderer/ui/Select';
import { useApiForm } from '@renderer/ui/useApiForm';

/** How the email drafts that carry sealed minutes are written: who signs them off, and whether they name the child. */
export function EmailDraftsPanel() {
  const sharing = useApiQuery('minutes.sharing', {});
  return (
    <Section id="email-drafts-heading" title="Email drafts of the minutes">
      <p>
        Sealed minutes are saved with an email draft to send them. The draft names the review, both organisations, the
        version and who signed, with the fingerprint and how to check the seal.
      </p>
      <ErrorMessage message={failureOf(sharing)} />
      {sharing.data && <EmailDraftsForm saved={sharing.data} />}
    </Section>
  );
}

function EmailDraftsForm({ saved }: { saved: SharingPreferences }) {
  const { form, onSubmit, status, failure } = useApiForm({
    schema: sharingSchema,
    defaultValues: saved,
    afterSave: 'keep',
    submit: async (values, call) => {
      await call('minutes.setSharing', values);
      return 'Saved: the next email draft is written this way.';
    },
  });
  const { errors, isSubmitting } = form.formState;
  const hintId = useId();
  return (
    <form className="form form--plain" onSubmit={onSubmit} noValidate aria-label="How email drafts are written">
      <ErrorMessage message={failure} />
      <TextField
        label="Your name, to sign off the covering note (optional)"
        hint="Left empty, the note is signed off with the sealing organisation’s name."
        error={errors.senderName?.message}
        registration={form.register('senderName')}
        autoComplete="name"
      />
      <label className="checkbox">
        <input type="checkbox" {...form.register('childReferenceInEmail')} aria-describedby={hintId} />
        Name the child’s reference in the email’s subject and the file names
      </label>
      <p id={hintId} className="field-hint">
        Off unless you choose it: an email can be read by more people than the minutes. The reference is always inside
        the sealed PDF.
      </p>
      <div className="toolbar">
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Save'}
        </button>
      </div>
      <StatusMessage message={status} />
    </form>
  );
}
