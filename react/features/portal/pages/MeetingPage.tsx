import { JitsiMeeting } from '@jitsi/react-sdk';
import React, { useCallback, useEffect, useMemo } from 'react';

import {
    hardenConfig,
    invitationText,
    leaveChoiceAction,
    policyActions,
    selectJoinedBeforeLock,
    selectIsModerator,
    selectOthers,
    selectRemovalProgress,
    selectWouldLeaveOthersBehind,
} from '../../school-policy';
import {
    LeaveLastDialog,
    NoticeList,
    PasswordNeededDialog,
    type LeaveChoice,
} from '../../school-policy/components/web';
import { Countdown } from '../components/Countdown';
import { MeetingErrorBoundary } from '../components/MeetingErrorBoundary';
import { EarlyParticipants } from '../components/EarlyParticipants';
import { StatusBar } from '../components/StatusBar';
import { asExternalApi } from '../externalApi';
import { useAppDispatch, useAppSelector, usePortalText } from '../hooks';
import { useHost } from '../HostContext';
import { invitationLink } from '../joinLink';
import { portalActions } from '../portalSlice';
import { PATHS, useRouter } from '../router';
import { useSettings } from '../SettingsContext';
import { useExternalApi } from '../useExternalApi';

/** Jitsi's interface settings for the embedded meeting (interface_config.js is deprecated but read). */
const INTERFACE_OVERWRITE = {
    SHOW_JITSI_WATERMARK: false,
    SHOW_PROMOTIONAL_CLOSE_PAGE: false,
    RECENT_LIST_ENABLED: false,
};

/** A failed meeting: what happened, "try again" and "back to the form". */
function FailureCard({
    title,
    onRetry,
    onBack,
}: {
    readonly title: string;
    readonly onRetry: () => void;
    readonly onBack: () => void;
}) {
    const { t } = usePortalText();

    return (
        <section className="card error-card" role="alert">
            <h2>{title}</h2>
            <button type="button" onClick={onRetry}>
                {t('meeting.retry')}
            </button>{' '}
            <button type="button" onClick={onBack}>
                {t('meeting.backToForm')}
            </button>
        </section>
    );
}

/** The meeting: Jitsi embedded, with the policy's status, dialogs and notices around it. */
export function MeetingPage({ apiTimeoutMs }: { readonly apiTimeoutMs?: number }) {
    const { lang, t } = usePortalText();
    const settings = useSettings();
    const dispatch = useAppDispatch();
    const host = useHost();
    const { navigate } = useRouter();
    const policy = useAppSelector(state => state.schoolPolicy);
    const { session, join, attempt } = useAppSelector(state => state.portal);
    const [apiStatus, retryApi] = useExternalApi(settings.jitsiOrigin, apiTimeoutMs);
    const configOverwrite = useMemo(
        () => ({
            ...hardenConfig({}),
            // R8: the meeting page would report "left" from its own beforeunload handler, before the
            // teacher has answered the browser's "leave?" question; with this it reports on unload,
            // when the page really goes (jitsi-meet react/features/external-api/middleware.ts).
            disableBeforeUnloadHandlers: true,
        }),
        [],
    );
    const leaveWarning = selectWouldLeaveOthersBehind(policy);

    // R8: closing the tab while students remain gets the browser's leave warning.
    useEffect(() => {
        if (!leaveWarning) {
            return undefined;
        }
        const warn = (event: BeforeUnloadEvent) => {
            event.preventDefault();
            event.returnValue = '';
        };

        window.addEventListener('beforeunload', warn);

        return () => window.removeEventListener('beforeunload', warn);
    }, [leaveWarning]);

    useEffect(() => {
        if (!session) {
            navigate(PATHS.start);
        } else if (policy.phase.kind === 'left') {
            navigate(PATHS.ended);
        }
    }, [session, policy.phase.kind, navigate]);

    // The SDK never disposes its API (docs/jitsi-behaviour.md §5): the host does, when the view goes.
    useEffect(() => () => host.detach(), [host]);

    const onApiReady = useCallback((api: unknown) => host.attach(asExternalApi(api)), [host]);
    const retryJoin = useCallback(() => dispatch(portalActions.joinRetried()), [dispatch]);
    const getIFrameRef = useCallback(
        (parent: HTMLDivElement) => {
            parent.classList.add('meeting-frame');
            parent
                .querySelector('iframe')
                ?.setAttribute('title', t('meeting.frameTitle', { room: session?.room ?? '' }));
        },
        [t, session?.room],
    );

    if (!session) {
        return null;
    }
    const teacher = session.role === 'teacher';
    const invitation = invitationText({
        lang,
        link: invitationLink(window.location.origin, session.room),
        centreName: settings.centreName,
    });
    const backToForm = () => {
        host.detach();
        navigate(teacher ? PATHS.teacher : PATHS.student);
    };
    const choose = (choice: LeaveChoice) => dispatch(leaveChoiceAction(choice));

    return (
        <div className="meeting">
            <h1 className="visually-hidden">{t('meeting.frameTitle', { room: session.room })}</h1>
            {teacher && <StatusBar policy={policy} invitation={invitation} />}
            <NoticeList notices={policy.notices} onDismiss={id => dispatch(policyActions.noticeDismissed({ id }))} />
            {selectIsModerator(policy) && <EarlyParticipants participants={selectJoinedBeforeLock(policy)} />}
            {apiStatus.kind === 'failed' && (
                <section className="card error-card" role="alert">
                    <h2>{t('meeting.loadFailed')}</h2>
                    <p>{t('meeting.loadFailedHelp', { host: settings.jitsiHost })}</p>
                    <button type="button" onClick={retryApi}>
                        {t('meeting.retry')}
                    </button>
                </section>
            )}
            {apiStatus.kind === 'loading' && (
                <p role="status" aria-live="polite">
                    {t('meeting.loading')}
                </p>
            )}
            {join.kind === 'wrongPassword' && (
                <section className="card error-card" role="alert">
                    <h2>{t(teacher ? 'meeting.lockedBySomeoneElse' : 'meeting.wrongPassword')}</h2>
                    <p>{t(teacher ? 'meeting.lockedBySomeoneElseHelp' : 'meeting.wrongPasswordHelp')}</p>
                    <button type="button" onClick={backToForm}>
                        {t('meeting.backToForm')}
                    </button>
                </section>
            )}
            {join.kind === 'notOpen' && (
                <section className="card" role="alert">
                    <h2>{t('meeting.notOpen')}</h2>
                    <Countdown seconds={join.retryInSeconds} onDone={retryJoin} />
                </section>
            )}
            {join.kind === 'waitingForHost' && (
                <p className="card" role="status" aria-live="polite">
                    {t('meeting.waitingForHost')}
                </p>
            )}
            {join.kind === 'logInInMeeting' && (
                <p className="card" role="status" aria-live="polite">
                    {t('meeting.logInInMeeting')}
                </p>
            )}
            {join.kind === 'failed' && (
                <FailureCard
                    title={
                        join.error === 'noAnswer' ? t('meeting.noAnswer') : t('meeting.failed', { error: join.error })
                    }
                    onRetry={retryJoin}
                    onBack={backToForm}
                />
            )}
            {apiStatus.kind === 'ready' && join.kind !== 'wrongPassword' && join.kind !== 'notOpen' && (
                <MeetingErrorBoundary
                    key={attempt}
                    fallback={<FailureCard title={t('meeting.crashed')} onRetry={retryJoin} onBack={backToForm} />}
                >
                    <JitsiMeeting
                        domain={settings.jitsiHost}
                        roomName={session.room}
                        configOverwrite={configOverwrite}
                        interfaceConfigOverwrite={INTERFACE_OVERWRITE}
                        lang={lang}
                        userInfo={{ displayName: session.displayName ?? '', email: '' }}
                        onApiReady={onApiReady}
                        getIFrameRef={getIFrameRef}
                    />
                </MeetingErrorBoundary>
            )}
            {policy.lock.kind === 'passwordNeeded' && (
                <PasswordNeededDialog onSubmit={password => dispatch(policyActions.passwordProvided({ password }))} />
            )}
            {policy.phase.kind === 'leaveBlocked' && (
                <LeaveLastDialog
                    step={policy.phase.step}
                    others={selectOthers(policy)}
                    progress={selectRemovalProgress(policy)}
                    onChoose={choose}
                />
            )}
        </div>
    );
}
