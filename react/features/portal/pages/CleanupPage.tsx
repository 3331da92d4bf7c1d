import React, { useState } from 'react';

import { cleanDevice, type CleanupReport } from '../deviceCleanup';
import { useAppDispatch, usePortalText } from '../hooks';
import { portalActions } from '../portalSlice';
import { useSettings } from '../SettingsContext';

/** "Gerät bereinigen" (R4): what the page clears, and honestly, what it cannot. */
export function CleanupPage() {
    const { t } = usePortalText();
    const settings = useSettings();
    const dispatch = useAppDispatch();
    const [state, setState] = useState<
        { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; report: CleanupReport }
    >({ kind: 'idle' });

    async function run() {
        setState({ kind: 'running' });
        // The session (and with it the password and names) goes first, then the browser's storage.
        dispatch(portalActions.sessionEnded());
        setState({ kind: 'done', report: await cleanDevice(settings.cleanupEndpoint) });
    }

    return (
        <div className="stack">
            <h1>{t('cleanup.heading')}</h1>
            <p>{t('cleanup.intro')}</p>
            <button type="button" className="primary" disabled={state.kind === 'running'} onClick={() => void run()}>
                {state.kind === 'running' ? t('cleanup.running') : t('cleanup.run')}
            </button>
            <div role="status" aria-live="polite">
                {state.kind === 'done' && (
                    <>
                        <p>{t('cleanup.done')}</p>
                        {state.report.endpoint === 'done' && <p>{t('cleanup.endpointDone')}</p>}
                        {state.report.endpoint === 'failed' && <p className="error">{t('cleanup.endpointFailed')}</p>}
                    </>
                )}
            </div>
            <section className="card" aria-labelledby="cannot-heading">
                <h2 id="cannot-heading">{t('cleanup.cannotHeading')}</h2>
                <ul>
                    <li>{t('cleanup.cannotOtherSites')}</li>
                    {new URL(settings.jitsiOrigin).origin !== window.location.origin && (
                        <li>{t('cleanup.cannotJitsi', { host: settings.jitsiHost })}</li>
                    )}
                    <li>{t('cleanup.cannotTablet')}</li>
                    <li>{t('cleanup.cannotCache')}</li>
                </ul>
            </section>
        </div>
    );
}
