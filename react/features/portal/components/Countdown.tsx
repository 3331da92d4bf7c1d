import React from 'react';

import { usePortalText } from '../hooks';

/**
 * The seconds until the next try, politely announced, and "Jetzt erneut versuchen" to skip the
 * wait. The countdown itself is the policy core's (`retryWhenNotOpen`); this only shows it.
 */
export function Countdown({ seconds, onRetryNow }: { readonly seconds: number; readonly onRetryNow: () => void }) {
    const { t } = usePortalText();

    return (
        <p>
            <span role="status" aria-live="polite">
                {t('meeting.retryIn', { seconds })}
            </span>{' '}
            <button type="button" onClick={onRetryNow}>
                {t('meeting.retryNow')}
            </button>
        </p>
    );
}
