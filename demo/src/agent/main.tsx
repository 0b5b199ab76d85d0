import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAdminApi } from '../shared/adminApi';
import { emulatorUrl } from '../shared/emulatorUrl';
import { AgentConsole } from './AgentConsole';
import './agent.css';

const api = createAdminApi(emulatorUrl(window.location.search, import.meta.env.VITE_EMULATOR_URL));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AgentConsole api={api} />
  </StrictMode>,
);
