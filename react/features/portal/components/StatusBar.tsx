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

/** The teacher's slim bar above the meeting: lock state, head count, invitation, password. */
export function StatusBar({ policy, invitation }: { readonly policy: PolicyState; readonly invitation: string }) {
    const { t } = usePortalText();
    const [showPassword, setShowPassword] = useState(false);
    const early = selectJoinedBeforeLock(policy).length;
    // "Protected" only when it is true for everyone inside: whoever came in before the lock is not.
    const lockText =
        policy.lock.kind === 'locked'
            ? early > 1
                ? t('status.lockedButEarly', { count: early })
                : early === 1
                  ? t('status.lockedButEarlyOne')
                  : t('status.locked')
            : policy.lock.kind === 'locking'
              ? t('status.locking')
              : policy.lock.kind === 'failed'
                ? t('status.failed')
                : selectInMeeting(policy) && !selectIsModerator(policy)
                  ? t('status.notModerator')
                  : t('status.unknown');

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
