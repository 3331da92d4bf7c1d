// Portal entry: reads the deployment's config.js (loaded by a script tag before this bundle, as
// jitsi-meet does) and renders the portal.
import React, { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './features/portal/App';
import { makeStore } from './features/portal/store';

declare global {
    interface Window {
        /** The deployment's config.js defines it. */
        config?: unknown;
    }
}

const root = document.getElementById('root');

if (root) {
    createRoot(root).render(
        <StrictMode>
            <App config={window.config} {...makeStore()} />
        </StrictMode>,
    );
}
