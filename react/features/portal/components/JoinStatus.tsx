/**
 * What the portal says about getting into the meeting: the IFrame API loading or failed, a wrong
 * password, the room not open yet (with the countdown to the next try), waiting for the teacher,
 * logging in inside the meeting, or a failure with "try again" and "back to the form".
 */
import React from 'react';

import { usePortalText } from '../hooks';
import type { JoinState } from '../portalSlice';
import type { ExternalApiStatus } from '../useExternalApi';

import { Countdown } from './Countdown';

/** A failed meeting: what happened, "try again" and "back to the form". */
export function FailureCard({
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

/** The cards for the IFrame API's and the join's state; nothing while all goes well. */
export function JoinStatus({
    apiStatus,
    join,
    teacher,
    jitsiHost,
    onRetryApi,
    onRetryJoin,
    notOpenSecondsLeft,
    onRetryNow,
    onBack,
}: {
    readonly apiStatus: ExternalApiStatus;
    readonly join: JoinState;
    /** The core's countdown while the room is not open yet. */
    readonly notOpenSecondsLeft: number;
    readonly onRetryNow: () => void;
    readonly teacher: boolean;
    readonly jitsiHost: string;
    readonly onRetryApi: () => void;
    readonly onRetryJoin: () => void;
    readonly onBack: () => void;
}) {
    const { t } = usePortalText();

    return (
        <>
            {apiStatus.kind === 'failed' && (
                <section className="card error-card" role="alert">
                    <h2>{t('meeting.loadFailed')}</h2>
                    <p>{t('meeting.loadFailedHelp', { host: jitsiHost })}</p>
                    <button type="button" onClick={onRetryApi}>
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
                    <button type="button" onClick={onBack}>
                        {t('meeting.backToForm')}
                    </button>
                </section>
            )}
            {join.kind === 'notOpen' && (
                <section className="card" role="alert">
                    <h2>{t('meeting.notOpen')}</h2>
                    <Countdown seconds={notOpenSecondsLeft} onRetryNow={onRetryNow} />
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
                    onRetry={onRetryJoin}
                    onBack={onBack}
                />
            )}
        </>
    );
}
