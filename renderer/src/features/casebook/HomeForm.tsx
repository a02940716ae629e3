import { newHomeSchema } from '../../../../shared/domain/homes';
import type { Organisation } from '../../../../shared/domain/organisations';
import { api } from '../../api/client';
import { Field } from '../../ui/Field';
import { ErrorMessage, StatusMessage } from '../../ui/Screen';
import { useApiForm } from '../../ui/useApiForm';

export function HomeForm({ providers }: { providers: Organisation[] }) {
  const { form, onSubmit, status, failure } = useApiForm({
    schema: newHomeSchema,
    defaultValues: { providerId: providers.length === 1 ? providers[0]!.id : '', name: '', ofstedUrn: '' },
    submit: async (values) => {
      const home = await api.call('homes.create', values);
      return `Added ${home.name} (${home.ofstedUrn}).`;
    },
  });
  const { errors, isSubmitting } = form.formState;

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="add-home-heading">
      <h3 id="add-home-heading">Add a home</h3>
      <ErrorMessage message={failure} />
      <Field label="Provider" error={errors.providerId?.message}>
        {(control) => (
          <select {...control} {...form.register('providerId')}>
            <option value="">Choose a provider</option>
            {providers.map((provider) => (
              <option key={provider.id} value={provider.id}>
                {provider.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Name of the home" error={errors.name?.message}>
        {(control) => <input {...control} {...form.register('name')} autoComplete="off" />}
      </Field>
      <Field label="Ofsted URN" hint="On the home’s Ofsted report: SC followed by six digits, for example SC123456." error={errors.ofstedUrn?.message}>
        {(control) => <input {...control} {...form.register('ofstedUrn')} autoComplete="off" spellCheck={false} className="input--short" />}
      </Field>
      <button type="submit" className="button" disabled={isSubmitting}>
        Add home
      </button>
      <StatusMessage message={status} />
    </form>
  );
}
