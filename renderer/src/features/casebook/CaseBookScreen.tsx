import { Screen } from '../../ui/Screen';
import { HomesSection } from './HomesSection';
import { OrganisationsSection } from './OrganisationsSection';

export function CaseBookScreen() {
  return (
    <Screen
      title="Case book"
      intro="The organisations and children’s homes you review together. Everything here stays on this computer."
    >
      <OrganisationsSection />
      <HomesSection />
    </Screen>
  );
}
