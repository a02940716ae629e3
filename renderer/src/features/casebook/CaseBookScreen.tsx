import { CaseBookOverview } from './CaseBookOverview';
import { HomeEditor, HomePage, HomesList } from './homes/HomeScreens';
import { OrganisationEditor, OrganisationPage, OrganisationsList } from './organisations/OrganisationScreens';
import { PeopleList, PersonEditor, PersonPage } from './people/PersonScreens';
import { PlacementEditor, PlacementPage, PlacementsList } from './placements/PlacementScreens';

const sections = {
  organisations: { List: OrganisationsList, Page: OrganisationPage, Editor: OrganisationEditor },
  homes: { List: HomesList, Page: HomePage, Editor: HomeEditor },
  placements: { List: PlacementsList, Page: PlacementPage, Editor: PlacementEditor },
  people: { List: PeopleList, Page: PersonPage, Editor: PersonEditor },
};
export type CaseBookSection = keyof typeof sections;

/** #/casebook, #/casebook/<section>, #/casebook/<section>/new, #/casebook/<section>/<id>[/edit] */
export function CaseBookScreen({ path }: { path: string[] }) {
  const [section, id, action] = path;
  if (!section || !(section in sections)) return <CaseBookOverview />;
  const { List, Page, Editor } = sections[section as CaseBookSection];
  if (!id) return <List />;
  if (id === 'new') return <Editor />;
  return action === 'edit' ? <Editor id={id} /> : <Page id={id} />;
}
