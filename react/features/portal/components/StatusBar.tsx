import React, { useState } from 'react';

import {
    selectInMeeting,
    selectIsModerator,
    selectJoinedBeforeLock,
    selectOthers,
    type PolicyState,
} from '../../school-policy';
import { CopyButton } from '../../school-policy/components/web';
import { usePortalText } from '../hooks';

/** What the bar says about the lock: protected only when it is true for everyone inside. */
function lockStatusText(policy: PolicyState, t: ReturnType<typeof usePortalText>['t']): string {
    if (policy.lock.kind === 'locked') {
        const early = selectJoinedBeforeLock(policy).length;

        if (early === 0) {
            return t('status.locked');
        }

        return early === 1 ? t('status.lockedButEarlyOne') : t('status.lockedButEarly', { count: early });
    }
    if (policy.lock.kind === 'locking') {
        return t('status.locking');
    }
    if (policy.lock.kind === 'failed') {
        return t('status.failed');
    }

    return selectInMeeting(policy) && !selectIsModerator(policy) ? t('status.notModerator') : t('status.unknown');
}

/** The teacher's slim bar above the meeting: lock state, head count, invitation, password. */
export function StatusBar({ policy, invitation }: { readonly policy: PolicyState; readonly invitation: string }) {
    const { t } = usePortalText();
    const [showPassword, setShowPassword] = useState(false);
    const lockText = lockStatusText(policy, t);

    return (
        <section className="status-bar" aria-label={t('status.label')}>
            <p role="status" aria-live="polite" className={`lock lock-${policy.lock.kind}`}>
                {lockText}
            </p>
            <p>{t('status.participants', { count: selectOthers(policy).length })}</p>
            <CopyButton text={invitation} label={t('status.showInvitation')} />
            <button type="button" aria-expanded={showPassword} onClick={() => setShowPassword(shown => !shown)}>
                {showPassword ? t('status.hidePassword') : t('status.showPassword')}
            </button>
            {showPassword && policy.password && (
                <p className="password">{t('status.passwordIs', { password: policy.password })}</p>
            )}
        </section>
    );
}
