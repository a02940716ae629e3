import { EmptyState, Screen } from '../../ui/Screen';

export function DeckScreen() {
  return (
    <Screen title="Deck" intro="Prompt cards drawn from “Re:thinking Children’s Commissioning”, for each phase of a review.">
      <EmptyState>
        <p>The card deck will be available here in a coming version.</p>
      </EmptyState>
    </Screen>
  );
}
