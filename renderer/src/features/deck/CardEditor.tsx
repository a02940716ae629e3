import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { useFieldArray, useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { cardContentSchema, ownCardContentSchema, type CardContent, type Deck, type DeckCard } from '@shared/deck/decks';
import { LENSES, LENS_LABELS, PHASES, PHASE_DESCRIPTIONS, PHASE_LABELS, QUALITY_STANDARDS, type FrameworkId, type Lens, type Phase } from '@shared/deck/schema';
import { ApiCallError, api, errorMessage } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { guardLeaving, hrefFor, navigate } from '@renderer/navigation/routes';
import { useLeaveGuard } from '@renderer/ui/useLeaveGuard';
import { Field } from '@renderer/ui/Field';
import { EmptyState, Screen } from '@renderer/ui/Screen';
import { CardSource } from './CardDetails';
import { DeckNotFound, useDeck } from './DeckBrowser';
import { FrameworkOptions } from './FrameworkOptions';
import { frameworkLabel } from './labels';

interface EditorValues {
  title: string;
  framework?: string;
  questions: { phase: Phase; lens: '' | Lens; text: string }[];
  qualityStandards: string[];
  facilitatorNote: string;
}
type EditorOutput = CardContent & { framework?: FrameworkId };

/** #/deck/<deck>/card/<card>/edit and #/deck/<deck>/add-card. */
export function CardEditor({ deckId, cardId }: { deckId: string; cardId?: string }) {
  const deck = useDeck(deckId);
  if (deck.status !== 'ready') return <DeckNotFound message={deck.error} />;
  if (deck.data.readOnly) {
    return (
      <Screen title="This deck cannot be changed">
        <EmptyState>
          <p>“{deck.data.name}” is the built-in deck: it stays as the paper says. Duplicate it from <a href={hrefFor('deck', deckId)}>the deck’s page</a> to make a deck of your own, then change that.</p>
        </EmptyState>
      </Screen>
    );
  }
  return cardId ? <ExistingCard deck={deck.data} cardId={cardId} /> : <CardForm deck={deck.data} />;
}

function ExistingCard({ deck, cardId }: { deck: Deck; cardId: string }) {
  const card = useApiQuery('cards.get', { deckId: deck.id, cardId });
  if (card.status !== 'ready') return <DeckNotFound message={card.error} />;
  return <CardForm deck={deck} card={card.data} />;
}

function CardForm({ deck, card }: { deck: Deck; card?: DeckCard }) {
  const schema = card ? cardContentSchema : ownCardContentSchema;
  const form = useForm<EditorValues, unknown, EditorOutput>({
    resolver: zodResolver(schema) as unknown as Resolver<EditorValues, unknown, EditorOutput>,
    defaultValues: {
      title: card?.title ?? '',
      ...(card ? {} : { framework: '' }),
      questions: card ? card.questions.map((q) => ({ phase: q.phase, lens: q.lens ?? '', text: q.text })) : [{ phase: 'discover', lens: '', text: '' }],
      qualityStandards: (card?.qualityStandards ?? []).map(String),
      facilitatorNote: card?.facilitatorNote ?? '',
    },
  });
  const questions = useFieldArray({ control: form.control, name: 'questions' });
  const addButtons = useRef<Partial<Record<Phase, HTMLButtonElement | null>>>({});
  const [failure, setFailure] = useState<string[] | null>(null);
  const { errors, isDirty, isSubmitting } = form.formState;
  const title = card ? `Change “${card.title}”` : `Add a card to “${deck.name}”`;
  const back = card ? hrefFor('deck', deck.id, 'card', card.id) : hrefFor('deck', deck.id);

  useLeaveGuard(isDirty);

  const onSubmit = form.handleSubmit(
    async ({ framework, ...content }) => {
      setFailure(null);
      const input = { deckId: deck.id, ...content, facilitatorNote: content.facilitatorNote ?? '' };
      try {
        const saved = card
          ? await api.call('cards.update', { ...input, cardId: card.id })
          : await api.call('cards.add', { ...input, framework: framework! });
        guardLeaving(null);
        navigate('deck', deck.id, 'card', saved.id);
      } catch (error) {
        const fields = error instanceof ApiCallError ? Object.entries(error.body.fields ?? {}) : [];
        fields.forEach(([name, message], index) => form.setError(name as 'title', { message }, { shouldFocus: index === 0 }));
        setFailure(fields.length ? fields.map(([, message]) => message) : [errorMessage(error)]);
      }
    },
    (invalid) => setFailure(messagesOf(invalid)),
  );

  return (
    <Screen title={title}>
      <form className="form deck-editor" onSubmit={onSubmit} noValidate aria-label={title}>
        {failure && (
          <div role="alert" className="error-summary">
            <p className="deck-alert-title">The card was not saved. Some details need attention:</p>
            <ul className="deck-problems">
              {failure.map((message, index) => (
                <li key={index}>{message}</li>
              ))}
            </ul>
          </div>
        )}
        <Field label="Title" error={errors.title?.message}>
          {(control) => <input {...control} {...form.register('title')} type="text" />}
        </Field>
        {card ? (
          <p>
            <strong>Framework:</strong> {frameworkLabel(card.framework)}
          </p>
        ) : (
          <Field label="Framework" hint="The framework from the paper this card belongs to." error={errors.framework?.message}>
            {(control) => (
              <select {...control} {...form.register('framework')}>
                <FrameworkOptions none="Choose a framework" />
              </select>
            )}
          </Field>
        )}
        {card?.paper ? (
          <div className="deck-fixed-source">
            <CardSource paper={card.paper} level={2} />
            <p className="field-hint">What the paper says stays as the paper says it: it cannot be changed here.</p>
          </div>
        ) : (
          <p className="deck-kind">Your own card: it has no quotation from the paper.</p>
        )}

        <h2>Questions</h2>
        <p className="field-hint">
          A card serves the phases it has questions for. Ask open questions that invite a story: “Tell us about a time when…”, “What made that possible?”, “Imagine…”, “What will each of us do, by when?”
        </p>
        {(errors.questions?.root?.message ?? errors.questions?.message) && (
          <p className="field-error">
            <span className="visually-hidden">Error: </span>
            {errors.questions?.root?.message ?? errors.questions?.message}
          </p>
        )}
        {PHASES.map((phase) => {
          const inPhase = questions.fields.map((field, index) => ({ field, index })).filter(({ field }) => field.phase === phase);
          return (
            <fieldset key={phase} className="deck-phase-fieldset">
              <legend>{PHASE_LABELS[phase]}</legend>
              <p className="field-hint">{PHASE_DESCRIPTIONS[phase]}</p>
              {inPhase.map(({ field, index }, n) => {
                const name = `${PHASE_LABELS[phase]} question ${n + 1}`;
                return (
                  <div key={field.id} className="deck-question-editor">
                    <Field label={name} error={errors.questions?.[index]?.text?.message}>
                      {(control) => <textarea {...control} {...form.register(`questions.${index}.text`)} rows={3} />}
                    </Field>
                    <Field label={`${name}: asked about`} error={errors.questions?.[index]?.lens?.message}>
                      {(control) => (
                        <select {...control} {...form.register(`questions.${index}.lens`)}>
                          <option value="">Not one in particular</option>
                          {LENSES.map((lens) => (
                            <option key={lens} value={lens}>
                              {LENS_LABELS[lens]}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                    <button
                      type="button"
                      className="button deck-button-secondary"
                      onClick={() => {
                        questions.remove(index);
                        addButtons.current[phase]?.focus();
                      }}
                    >
                      Remove {name}
                    </button>
                  </div>
                );
              })}
              <button
                type="button"
                ref={(element) => {
                  addButtons.current[phase] = element;
                }}
                className="button deck-button-secondary"
                onClick={() => questions.append({ phase, lens: '', text: '' })}
              >
                Add a question for {PHASE_LABELS[phase]}
              </button>
            </fieldset>
          );
        })}

        <fieldset className="deck-standards">
          <legend>Quality Standards (optional)</legend>
          <p className="field-hint">The standards of the Children’s Homes (England) Regulations 2015 this card touches.</p>
          {QUALITY_STANDARDS.map((standard) => (
            <label key={standard.regulation} className="deck-checkbox">
              <input type="checkbox" value={String(standard.regulation)} {...form.register('qualityStandards')} />
              Regulation {standard.regulation}: {standard.name}
            </label>
          ))}
        </fieldset>

        <Field label="Note for the facilitator (optional)" error={errors.facilitatorNote?.message}>
          {(control) => <textarea {...control} {...form.register('facilitatorNote')} rows={4} />}
        </Field>

        <div className="deck-toolbar">
          <button className="button" type="submit" disabled={isSubmitting}>
            {card ? 'Save changes' : 'Add card'}
          </button>
          <a href={back}>Cancel</a>
        </div>
      </form>
    </Screen>
  );
}

/** Every message in the form's errors, in the order the fields appear. */
function messagesOf(errors: FieldErrors<EditorValues>): string[] {
  const messages = [errors.title?.message, errors.framework?.message, errors.questions?.root?.message ?? errors.questions?.message];
  for (const question of Array.isArray(errors.questions) ? errors.questions : []) {
    messages.push(question?.text?.message, question?.lens?.message);
  }
  messages.push(errors.qualityStandards?.message, errors.facilitatorNote?.message);
  return [...new Set(messages.filter((message): message is string => Boolean(message)))];
}
