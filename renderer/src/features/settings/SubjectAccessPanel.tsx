import { subjectAccessSchema } from '@shared/domain/subject-access';
import { offerDownload } from '@renderer/ui/download';
import { Section } from '@renderer/ui/RecordPage';
import { ErrorMessage, StatusMessage } from '@renderer/ui/Screen';
import { TextField } from '@renderer/ui/Select';
import { useApiForm } from '@renderer/ui/useApiForm';

/** A subject access request: everything held about one child reference, in one readable file. */
export function SubjectAccessPanel() {
  const { form, onSubmit, status, failure } = useApiForm({
    schema: subjectAccessSchema,
    defaultValues: { childReference: '' },
    submit: async (values, call) => {
      const file = await call('subjectAccess.export', values);
      offerDownload(file);
      return `Saved ${file.fileName}.`;
    },
  });
  return (
    <Section id="subject-access-heading" title="Subject access request">
      <form className="form form--plain" onSubmit={onSubmit} noValidate aria-label="Subject access request">
        <p>
          Everything the case book holds about one child: their placements, the reviews of them, and every note that
          mentions their reference.
        </p>
        <ErrorMessage message={failure} />
        <TextField
          label="Child reference"
          error={form.formState.errors.childReference?.message}
          registration={form.register('childReference')}
          short
        />
        <button type="submit" className="button" disabled={form.formState.isSubmitting}>
          Save what is held
        </button>
        <StatusMessage message={status} />
      </form>
    </Section>
  );
}
