import { useRef } from 'react';
import { useFieldArray, type FieldErrors } from 'react-hook-form';
import type { z } from 'zod';
import {
  cardContentSchema,
  ownCardContentSchema,
  type CardContent,
  type Deck,
  type DeckCard,
} from '@shared/deck/decks';
import {
  LENSES,
  LENS_LABELS,
  PHASES,
  PHASE_DESCRIPTIONS,
  PHASE_LABELS,
  QUALITY_STANDARDS,
  type FrameworkId,
  type Lens,
  type Phase,
} from '@shared/deck/schema';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { hrefFor, navigate } from '@renderer/navigation/routes';
import { Field } from '@renderer/ui/Field';
import { EmptyState, Screen } from '@renderer/ui/Screen';
import { useApiForm } from '@renderer/ui/useApiForm';
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
  if (deck.status !== 'success') return <DeckNotFound message={failureOf(deck)} />;
  if (deck.data.readOnly) {
    return (
      <Screen title="This deck cannot be changed">
        <EmptyState>
          <p>
            “{deck.data.name}” is the built-in deck: it stays as the paper says. Duplicate it from{' '}
            <a href={hrefFor('deck', deckId)}>the deck’s page</a> to make a deck of your own, then change that.
          </p>
        </EmptyState>
      </Screen>
    );
  }
  return cardId ? <ExistingCard deck={deck.data} cardId={cardId} /> : <CardForm deck={deck.data} />;
}

function ExistingCard({ deck, cardId }: { deck: Deck; cardId: string }) {
  const card = useApiQuery('cards.get', { deckId: deck.id, cardId });
  if (card.status !== 'success') return <DeckNotFound message={failureOf(card)} />;
  return <CardForm deck={deck} card={card.data} />;
}

function CardForm({ deck, card }: { deck: Deck; card?: DeckCard }) {
  // A card of the deck keeps its framework; a new card chooses one.
  const schema = (card ? cardContentSchema : ownCardContentSchema) as unknown as z.ZodType<EditorOutput, EditorValues>;
  const { form, onSubmit, failure } = useApiForm({
    schema,
    defaultValues: {
      title: card?.title ?? '',
      ...(card ? {} : { framework: '' }),
      questions: card
        ? card.questions.map((q) => ({ phase: q.phase, lens: q.lens ?? ('' as const), text: q.text }))
        : [{ phase: 'discover' as const, lens: '' as const, text: '' }],
      qualityStandards: (card?.qualityStandards ?? []).map(String),
      facilitatorNote: card?.facilitatorNote ?? '',
    },
    submit: async ({ framework, ...content }, call) => {
      const input = { deckId: deck.id, ...content, facilitatorNote: content.facilitatorNote ?? '' };
      const saved = card
        ? await call('cards.update', { ...input, cardId: card.id })
        : await call('cards.add', { ...input, framework: framework! });
      navigate('deck', deck.id, 'card', saved.id);
    },
  });
  const questions = useFieldArray({ control: form.control, name: 'questions' });
  const addButtons = useRef<Partial<Record<Phase, HTMLButtonElement | null>>>({});
  const { errors, isSubmitting } = form.formState;
  const problems = [...messagesOf(errors), ...(failure ? [failure] : [])];
  const title = card ? `Change “${card.title}”` : `Add a card to “${deck.name}”`;
  const back = card ? hrefFor('deck', deck.id, 'card', card.id) : hrefFor('deck', deck.id);

  return (
    <Screen title={title}>
      <form className="form deck-editor" onSubmit={onSubmit} noValidate aria-label={title}>
        {problems.length > 0 && (
          <div role="alert" className="error-summary">
            <p className="deck-alert-title">The card was not saved. Some details need attention:</p>
            <ul className="deck-problems">
              {problems.map((message, index) => (
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
          <Field
            label="Framework"
            hint="The framework from the paper this card belongs to."
            error={errors.framework?.message}
          >
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
          A card serves the phases it has questions for. Ask open questions that invite a story: “Tell us about a time
          when…”, “What made that possible?”, “Imagine…”, “What will each of us do, by when?”
        </p>
        {(errors.questions?.root?.message ?? errors.questions?.message) && (
          <p className="field-error">
            <span className="visually-hidden">Error: </span>
            {errors.questions?.root?.message ?? errors.questions?.message}
          </p>
        )}
        {PHASES.map((phase) => {
          const inPhase = questions.fields
            .map((field, index) => ({ field, index }))
            .filter(({ field }) => field.phase === phase);
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
          <p className="field-hint">
            The standards of the Children’s Homes (England) Regulations 2015 this card touches.
          </p>
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
  const messages = [
    errors.title?.message,
    errors.framework?.message,
    errors.questions?.root?.message ?? errors.questions?.message,
  ];
  const questions = (Array.isArray(errors.questions) ? errors.questions : []) as (
    FieldErrors<EditorValues['questions'][number]> | undefined
  )[];
  for (const question of questions) {
    messages.push(question?.text?.message, question?.lens?.message);
  }
  messages.push(errors.qualityStandards?.message, errors.facilitatorNote?.message);
  return [...new Set(messages.filter((message): message is string => Boolean(message)))];
}
