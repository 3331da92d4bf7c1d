/**
 * The drop-in's own React root for the policy's dialogs (password, leave-last, review of early
 * joiners): the same SchoolPolicyDialog the fork build opens through jitsi-meet's dialog system,
 * rendered beside jitsi-meet's UI and reading jitsi-meet's store.
 */
import React, { type ComponentProps } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'react-redux';

import { SchoolPolicyDialog } from '../jitsi-meet/SchoolPolicyDialog';
import type { Lang } from '../rules';

/** jitsi-meet's store, as react-redux takes it (the type comes with react-redux, which jitsi-meet has). */
export type JitsiStore = ComponentProps<typeof Provider>['store'];

/** The language of jitsi-meet's UI: its translation module sets it on the document. */
export function pageLang(doc: Document): Lang {
    return doc.documentElement.lang.startsWith('en') ? 'en' : 'de';
}

/** Mounts the root once; the dialog renders nothing while the policy has no dialog to show. */
export function mountDialogRoot(doc: Document, store: JitsiStore): void {
    if (doc.getElementById('school-policy-root')) {
        return;
    }
    const container = doc.createElement('div');

    container.id = 'school-policy-root';
    doc.body.append(container);
    createRoot(container).render(
        <Provider store={store}>
            <SchoolPolicyDialog lang={pageLang(doc)} />
        </Provider>,
    );
}
