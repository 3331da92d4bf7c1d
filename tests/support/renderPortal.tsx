/** Renders the real portal (real store, real listeners, real IFrame adapter) at a path. */
import React from 'react';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { App } from '../../react/features/portal/App';
import { makeStore } from '../../react/features/portal/store';
import type { PolicyTiming } from '../../react/features/school-policy';

/** A valid config.js as a deployment would have it. */
export const TEST_CONFIG = {
    hosts: { domain: 'meet.example.org' },
    schoolPolicy: {
        jitsiDomain: 'meet.example.org',
        centreName: 'Kreismedienzentrum Musterkreis',
        termsUrl: 'https://medienzentrum.example.org/nutzungsordnung',
        misuseContact: 'mailto:missbrauch@medienzentrum.example.org',
        cleanupEndpoint: '/clear-site-data',
        sharedDevices: true,
    },
};

export function renderPortal(
    options: {
        path?: string;
        config?: unknown;
        apiTimeoutMs?: number;
        pageAnswerMs?: number;
        timing?: Partial<PolicyTiming>;
    } = {},
) {
    window.history.replaceState(null, '', options.path ?? '/');
    const made = makeStore({
        timing: options.timing ?? { commandTimeoutMs: 500, removalWaitMs: 500, leaveWaitMs: 500 },
        pageAnswerMs: options.pageAnswerMs ?? 1000,
    });
    const user = userEvent.setup();
    const view = render(
        <App
            config={'config' in options ? options.config : TEST_CONFIG}
            {...made}
            options={{ apiTimeoutMs: options.apiTimeoutMs ?? 200 }}
        />,
    );

    return { ...view, ...made, user };
}
