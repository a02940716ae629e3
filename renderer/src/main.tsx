import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import '@fontsource/atkinson-hyperlegible/400-italic.css';
import '@fontsource/atkinson-hyperlegible/700-italic.css';
import '@fontsource/atkinson-hyperlegible-mono/400.css';
import './ui/tokens.css';
import './ui/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ApiProvider, createQueryClient } from './api/ApiProvider';
import { createApiClient } from './api/client';
import { hostTransport } from './api/hostTransport';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { VaultGate } from './features/vault/VaultGate';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiProvider client={createApiClient(hostTransport())} queryClient={createQueryClient()}>
      <ErrorBoundary>
        <VaultGate>
          <App />
        </VaultGate>
      </ErrorBoundary>
    </ApiProvider>
  </StrictMode>,
);
