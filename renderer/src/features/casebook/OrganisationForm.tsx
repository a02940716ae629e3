import { newOrganisationSchema, organisationKindLabels, organisationKinds } from '../../../../shared/domain/organisations';
import { api } from '../../api/client';
import { Field } from '../../ui/Field';
import { ErrorMessage, StatusMessage } from '../../ui/Screen';
import { useApiForm } from '../../ui/useApiForm';

export function OrganisationForm() {
  const { form, onSubmit, status, failure } = useApiForm({
    schema: newOrganisationSchema,
    defaultValues: { name: '', kind: 'local_authority' },
    submit: async (values) => {
      const organisation = await api.call('organisations.create', values);
      return `Added ${organisation.name}.`;
    },
  });
  const { errors, isSubmitting } = form.formState;

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="add-organisation-heading">
      <h3 id="add-organisation-heading">Add an organisation</h3>
      <ErrorMessage message={failure} />
      <Field label="Name" error={errors.name?.message}>
        {(control) => <input {...control} {...form.register('name')} autoComplete="organization" />}
      </Field>
      <Field label="Kind" error={errors.kind?.message}>
        {(control) => (
          <select {...control} {...form.register('kind')}>
            {organisationKinds.map((kind) => (
              <option key={kind} value={kind}>
                {organisationKindLabels[kind]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button" disabled={isSubmitting}>
        Add organisation
      </button>
      <StatusMessage message={status} />
    </form>
  );
}
