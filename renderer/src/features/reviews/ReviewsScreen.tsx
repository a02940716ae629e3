import { EmptyState, Screen } from '../../ui/Screen';

export function ReviewsScreen() {
  return (
    <Screen title="Reviews" intro="Joint reviews of a home, a placement or the relationship between two organisations.">
      <EmptyState>
        <p>No reviews yet. Planning and running a review will be available here in a coming version.</p>
        <p>
          For now, start by adding the organisations and homes you review in the <a href="#/casebook">case book</a>.
        </p>
      </EmptyState>
    </Screen>
  );
}
