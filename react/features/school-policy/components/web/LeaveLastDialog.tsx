import React from 'react';
import type { LeaveStep, Participant } from '../..';

import { Modal } from './Modal';
import { usePolicyText } from './LangContext';

/** What the teacher can choose in the leave-last dialog (R8). */
export type { LeaveChoice } from '../../slice';
import type { LeaveChoice } from '../../slice';

/** Props of {@link LeaveLastDialog}. */
export interface LeaveLastDialogProps {
    readonly step: LeaveStep;
    /** Who is still in the room. */
    readonly others: readonly Participant[];
    /** Removal progress while removing everyone. */
    readonly progress: { readonly removed: number; readonly total: number } | null;
    readonly onChoose: (choice: LeaveChoice) => void;
}

/**
 * The leave-last dialog: the last teacher wants to leave while others remain. It names them and
 * offers the ways the usage policy allows: ask them to leave, remove them, or end for everyone.
 */
export function LeaveLastDialog({ step, others, progress, onChoose }: LeaveLastDialogProps) {
    const { t } = usePolicyText();
    const busy = step.kind === 'asking' || step.kind === 'removing' || step.kind === 'ending';
    const status =
        step.kind === 'asking'
            ? t('leave.asking')
            : step.kind === 'askedToLeave'
              ? t('leave.asked')
              : step.kind === 'removing' && progress
                ? t('leave.progress', progress)
                : step.kind === 'ending'
                  ? t('leave.ending')
                  : step.kind === 'removalIncomplete'
                    ? t('leave.incomplete', { count: step.failed })
                    : step.kind === 'endFailed'
                      ? t('leave.endFailed')
                      : '';

    return (
        <Modal
            labelledBy="sp-leave-title"
            describedBy="sp-leave-remaining"
            onEscape={busy ? undefined : () => onChoose('cancel')}
        >
            <h2 id="sp-leave-title">{t('leave.title')}</h2>
            <p id="sp-leave-remaining">
                {others.length === 1 ? t('leave.remainingOne') : t('leave.remaining', { count: others.length })}{' '}
                {t('leave.rule')}
            </p>
            <ul className="sp-names">
                {others.map(other => (
                    <li key={other.id}>{other.name ?? t('leave.anonymous')}</li>
                ))}
            </ul>
            <p role="status" aria-live="polite" className="sp-status">
                {status}
            </p>
            <div className="sp-actions">
                <button type="button" disabled={busy} onClick={() => onChoose('askAll')}>
                    {t('leave.askAll')}
                </button>
                <button type="button" disabled={busy} onClick={() => onChoose('removeAll')}>
                    {t('leave.removeAll')}
                </button>
                <button type="button" disabled={busy} onClick={() => onChoose('endForAll')}>
                    {t('leave.endForAll')}
                </button>
                <button
                    type="button"
                    disabled={step.kind === 'removing' || step.kind === 'ending'}
                    onClick={() => onChoose('cancel')}
                >
                    {t('leave.cancel')}
                </button>
            </div>
        </Modal>
    );
}
