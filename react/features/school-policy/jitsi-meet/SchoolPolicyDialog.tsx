import React, { useEffect, useMemo, useState } from 'react';
import { useDispatch, useSelector } from 'react-redux';

import { readCentreIdentity } from '../policy/centreIdentity';
import type { Lang } from '../rules';
import { selectPolicyDialog } from '../selectors';
import type { PolicyState } from '../slice';

import type { IPolicyDialogContentProps } from './PolicyDialogContent';
import type { IJitsiMeetState } from './types';

/** The module with the dialogs themselves, as `import()` gives it. */
export interface IPolicyDialogModule {
    readonly PolicyDialogContent: (props: IPolicyDialogContentProps) => React.ReactElement;
}

/** Loads the dialogs' module; a failed load may be tried again. */
export type PolicyDialogLoader = () => Promise<IPolicyDialogModule>;

let loaded: IPolicyDialogModule | null = null;
let loading: Promise<IPolicyDialogModule> | null = null;

/**
 * Loads the dialogs the way jitsi-meet loads its whiteboard (`React.lazy` over `import()`,
 * react/features/whiteboard/components/web/Whiteboard.tsx): webpack puts them in a chunk of their own
 * (`libs/chunks/`, which jitsi-meet's Makefile deploys), the drop-in's single script keeps them
 * inline. Only a teacher's browser ever needs them. Once; a failure is forgotten so that a retry loads
 * again.
 */
export const loadPolicyDialogs: PolicyDialogLoader = () => {
    loading ??= import(/* webpackChunkName: "school-policy-dialogs" */ './PolicyDialogContent').then(
        module => {
            loaded = module;

            return module;
        },
        (error: unknown) => {
            loading = null;
            throw error;
        },
    );

    return loading;
};

/** What the user reads when the dialogs could not be loaded (the connection is gone, most likely). */
const LOAD_FAILED: Readonly<Record<Lang, { readonly text: string; readonly retry: string }>> = {
    de: {
        text: 'Der Dialog der Schulrichtlinie konnte nicht geladen werden. Bitte prüfen Sie die Verbindung.',
        retry: 'Erneut laden',
    },
    en: {
        text: 'The school policy dialog could not be loaded. Please check the connection.',
        retry: 'Load again',
    },
};

/** Props of {@link SchoolPolicyDialog}: jitsi-meet's `openDialog` passes them. */
export interface ISchoolPolicyDialogProps {
    /** The language of jitsi-meet's UI at the time the dialog opened. */
    readonly lang?: Lang;
    /** How the dialogs are loaded (tests give one that fails); {@link loadPolicyDialogs} by default. */
    readonly load?: PolicyDialogLoader;
}

type Loading =
    | { readonly kind: 'loading' }
    | { readonly kind: 'loaded'; readonly module: IPolicyDialogModule }
    | { readonly kind: 'failed' };

/**
 * The policy's dialogs inside jitsi-meet, opened through jitsi-meet's dialog system by the
 * feature's dialog bridge (the password a moderator must set, the leave-last gate, the review of who
 * came in before the lock). It reads the policy from the store, so it always shows the current step;
 * the dialogs themselves (PolicyDialogContent.tsx) are loaded the first time one is needed, and a
 * failed load says so, with a way to try again, instead of showing nothing.
 *
 * @param {ISchoolPolicyDialogProps} props - The dialog's props.
 * @returns {ReactElement|null}
 */
export function SchoolPolicyDialog({ lang = 'de', load = loadPolicyDialogs }: ISchoolPolicyDialogProps) {
    const policy = useSelector((state: IJitsiMeetState) => state['features/school-policy'] as PolicyState | undefined);
    const dispatch = useDispatch();
    const centreSettings = useSelector(
        (state: IJitsiMeetState) =>
            (state['features/base/config'] as { schoolPolicy?: unknown } | undefined)?.schoolPolicy,
    );
    const centre = useMemo(() => readCentreIdentity(centreSettings).identity, [centreSettings]);
    const which = policy ? selectPolicyDialog(policy) : null;
    const loadingState = useState<Loading>(() =>
        loaded && load === loadPolicyDialogs ? { kind: 'loaded', module: loaded } : { kind: 'loading' },
    );
    const status = loadingState[0];
    const setStatus = loadingState[1];
    const needed = which !== null;

    useEffect(() => {
        if (!needed || status.kind !== 'loading') {
            return undefined;
        }
        let current = true;

        load().then(
            module => current && setStatus({ kind: 'loaded', module }),
            () => current && setStatus({ kind: 'failed' }),
        );

        return () => {
            current = false;
        };
    }, [needed, status, load, setStatus]);

    if (!policy || !which || status.kind === 'loading') {
        return null;
    }
    if (status.kind === 'failed') {
        // Styled inline: the dialogs' style sheet comes with the chunk that could not be loaded. A
        // built fork showed this text invisible behind the meeting before it had a place of its own.
        return (
            <div
                style={{
                    position: 'fixed',
                    inset: 0,
                    zIndex: 1000,
                    display: 'flex',
                    alignItems: 'center',
                    justifyContent: 'center',
                    padding: '1rem',
                    background: 'rgba(0, 0, 0, 0.6)',
                }}
            >
                <div
                    role="alert"
                    style={{
                        background: '#fff',
                        color: '#1a1a1a',
                        padding: '1.5rem',
                        borderRadius: '8px',
                        maxWidth: '36rem',
                        font: '16px/1.5 system-ui, sans-serif',
                    }}
                >
                    <p>{LOAD_FAILED[lang].text}</p>
                    <button type="button" onClick={() => setStatus({ kind: 'loading' })}>
                        {LOAD_FAILED[lang].retry}
                    </button>
                </div>
            </div>
        );
    }
    const Content = status.module.PolicyDialogContent;

    return <Content policy={policy} which={which} lang={lang} centre={centre} dispatch={dispatch} />;
}
