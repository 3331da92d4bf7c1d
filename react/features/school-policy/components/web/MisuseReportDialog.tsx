import React from 'react';

import { readableContact } from '../../policy/centreIdentity';

import { Modal } from './Modal';
import { usePolicyText } from './LangContext';

/** Props of {@link MisuseReportDialog}. */
export interface MisuseReportDialogProps {
    /** The media centre's name (may be empty when config.js lacks it). */
    readonly centreName: string;
    /** Where misuse is reported: `mailto:` or `https:` (checked by centreIdentity.ts). */
    readonly contact: string;
    readonly onClose: () => void;
}

/**
 * "Missbrauch melden" in the meeting (R5): who to tell and how. The address is shown as text too: a
 * school laptop without a mail program can still copy it. It opens in a new tab, so the meeting stays.
 */
export function MisuseReportDialog({ centreName, contact, onClose }: MisuseReportDialogProps) {
    const { t } = usePolicyText();

    return (
        <Modal labelledBy="sp-misuse-title" describedBy="sp-misuse-explain" onEscape={onClose}>
            <h2 id="sp-misuse-title">{t('misuse.title')}</h2>
            <p id="sp-misuse-explain">{t('misuse.explain', { centre: centreName || t('misuse.theCentre') })}</p>
            <p>
                <a href={contact} target="_blank" rel="noopener noreferrer">
                    {readableContact(contact)}
                </a>
            </p>
            <p>{t('misuse.what')}</p>
            <div className="sp-actions">
                <button type="button" className="sp-primary" onClick={onClose}>
                    {t('misuse.close')}
                </button>
            </div>
        </Modal>
    );
}
