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
    selectPolicyDialog,
    selectRemovalProgress,
    selectWouldLeaveOthersBehind,
} from '../../school-policy';
import {
    LeaveLastDialog,
    NoticeList,
    PasswordNeededDialog,
    type LeaveChoice,
} from '../../school-policy/components/web';
import { FailureCard, JoinStatus } from '../components/JoinStatus';
import { MeetingErrorBoundary } from '../components/MeetingErrorBoundary';
import { PolicyLog } from '../components/PolicyLog';
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

/** R8: closing the tab while students remain gets the browser's leave warning. */
function useLeaveWarning(active: boolean): void {
    useEffect(() => {
        if (!active) {
            return undefined;
        }
        const warn = (event: BeforeUnloadEvent) => {
            event.preventDefault();
            event.returnValue = '';
        };

        window.addEventListener('beforeunload', warn);

        return () => window.removeEventListener('beforeunload', warn);
    }, [active]);
}

/** Jitsi's meeting page through the IFrame API, with the hardened config and a titled frame. */
function EmbeddedMeeting({
    room,
    displayName,
    onApiReady,
}: {
    readonly room: string;
    readonly displayName: string;
    readonly onApiReady: (api: unknown) => void;
}) {
    const { lang, t } = usePortalText();
    const settings = useSettings();
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
    const getIFrameRef = useCallback(
        (parent: HTMLDivElement) => {
            parent.classList.add('meeting-frame');
            parent.querySelector('iframe')?.setAttribute('title', t('meeting.frameTitle', { room }));
        },
        [t, room],
    );

    return (
        <JitsiMeeting
            domain={settings.jitsiHost}
            roomName={room}
            configOverwrite={configOverwrite}
            interfaceConfigOverwrite={INTERFACE_OVERWRITE}
            lang={lang}
            userInfo={{ displayName, email: '' }}
            onApiReady={onApiReady}
            getIFrameRef={getIFrameRef}
        />
    );
}

/** One policy dialog at a time, the most urgent first: the core's rule, as in the fork build. */
function PolicyDialog() {
    const dispatch = useAppDispatch();
    const policy = useAppSelector(state => state.schoolPolicy);
    const dialog = selectPolicyDialog(policy);

    if (dialog === 'password') {
        return <PasswordNeededDialog onSubmit={password => dispatch(policyActions.passwordProvided({ password }))} />;
    }
    if (dialog === 'leaveLast' && policy.phase.kind === 'leaveBlocked') {
        return (
            <LeaveLastDialog
                step={policy.phase.step}
                others={selectOthers(policy)}
                progress={selectRemovalProgress(policy)}
                onChoose={(choice: LeaveChoice) => dispatch(leaveChoiceAction(choice))}
            />
        );
    }

    return null;
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
    const leaveWarning = selectWouldLeaveOthersBehind(policy);

    useLeaveWarning(leaveWarning);

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
    const retryNow = useCallback(() => dispatch(policyActions.notOpenRetryChosen()), [dispatch]);
    if (!session) {
        return null;
    }
    const teacher = session.role === 'teacher';
    const invitation = invitationText({
        lang,
        link: invitationLink(window.location.origin, session.room),
        centreName: settings.centreName,
        termsUrl: settings.termsUrl,
    });
    const backToForm = () => {
        host.detach();
        navigate(teacher ? PATHS.teacher : PATHS.student);
    };

    return (
        <div className="meeting">
            <h1 className="visually-hidden">{t('meeting.frameTitle', { room: session.room })}</h1>
            {teacher && <StatusBar policy={policy} invitation={invitation} />}
            {teacher && <PolicyLog log={policy.log} />}
            <NoticeList notices={policy.notices} onDismiss={id => dispatch(policyActions.noticeDismissed({ id }))} />
            {selectIsModerator(policy) && <EarlyParticipants participants={selectJoinedBeforeLock(policy)} />}
            <JoinStatus
                apiStatus={apiStatus}
                join={join}
                teacher={teacher}
                jitsiHost={settings.jitsiHost}
                onRetryApi={retryApi}
                onRetryJoin={retryJoin}
                notOpenSecondsLeft={policy.notOpenRetry?.secondsLeft ?? 0}
                onRetryNow={retryNow}
                onBack={backToForm}
            />
            {apiStatus.kind === 'ready' && join.kind !== 'wrongPassword' && join.kind !== 'notOpen' && (
                <MeetingErrorBoundary
                    key={attempt}
                    fallback={<FailureCard title={t('meeting.crashed')} onRetry={retryJoin} onBack={backToForm} />}
                >
                    <EmbeddedMeeting
                        room={session.room}
                        displayName={session.displayName ?? ''}
                        onApiReady={onApiReady}
                    />
                </MeetingErrorBoundary>
            )}
            <PolicyDialog />
        </div>
    );
}
