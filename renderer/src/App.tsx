import { useApiClient } from './api/ApiProvider';
import { CaseBookScreen } from './features/casebook/CaseBookScreen';
import { DeckScreen } from './features/deck/DeckScreen';
import { CheckMinutesPanel } from './features/minutes/CheckMinutesPanel';
import { MinutesScreen } from './features/minutes/MinutesScreen';
import { OverviewScreen } from './features/overview/OverviewScreen';
import { PresenterScreen } from './features/presenter/PresenterScreen';
import { ReviewsScreen } from './features/reviews/ReviewsScreen';
import { RunScreen } from './features/sessions/RunScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { BackupsProgress } from './features/vault/BackupsProgress';
import { VisitsScreen } from './features/visits/VisitsScreen';
import { hrefFor, screens, useRoute, type ScreenId } from './navigation/routes';

/**
 * #/reviews/<id>/run and #/reviews/<id>/minutes are a review's session and its minutes, each a
 * feature of its own; below the list of reviews, the check of sealed minutes.
 */
function ReviewRoutes({ path }: { path: string[] }) {
  const [id, action] = path;
  if (id && action === 'run') return <RunScreen reviewId={id} />;
  if (id && action === 'minutes') return <MinutesScreen reviewId={id} />;
  return <ReviewsScreen path={path} belowList={<CheckMinutesPanel />} />;
}

const screenComponents: Record<Exclude<ScreenId, 'present'>, (props: { path: string[] }) => React.JSX.Element> = {
  overview: OverviewScreen,
  casebook: CaseBookScreen,
  reviews: ReviewRoutes,
  visits: VisitsScreen,
  deck: DeckScreen,
  settings: SettingsScreen,
};

/** The skip link must not change the hash: the hash holds the current screen. */
function skipToMain(event: React.MouseEvent) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

export function App() {
  const api = useApiClient();
  const route = useRoute();
  const screen = route.screen;
  if (screen === 'present') return <PresenterScreen reviewId={route.path[0] ?? ''} />;
  const Screen = screenComponents[screen];

  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to main content
      </a>
      <header className="app-header">
        <span className="app-name">Relational Review</span>
        <nav aria-label="Main">
          <ul className="app-nav">
            {screens.map((s) => (
              <li key={s.id}>
                <a href={hrefFor(s.id)} aria-current={s.id === screen ? 'page' : undefined}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <BackupsProgress />
        {/* Not through useApiCall: locking reloads the page (see VaultGate), so nothing is read again. */}
        <button
          type="button"
          className="button button--secondary app-lock"
          onClick={() => void api.call('vault.lock', {})}
        >
          Lock
        </button>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Screen path={route.path} />
      </main>
    </>
  );
}
