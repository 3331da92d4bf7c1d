/**
 * The media centre and its short rules on jitsi-meet's prejoin screen (prejoinRules.ts), in a page
 * where jitsi-meet renders its prejoin block late and anew, as it does. The real prejoin screen of
 * the built fork and the drop-in is checked in the browser (fork:verify, tests/e2e).
 */
import { waitFor, within } from '@testing-library/dom';
import '@testing-library/jest-dom';

import { readCentreIdentity } from '../../react/features/school-policy/policy/centreIdentity';
import { PREJOIN_RULES_ID, showRulesOnPrejoin } from '../../react/features/school-policy/jitsi-meet/prejoinRules';

const centre = readCentreIdentity({
    centreName: 'Medienzentrum Muster & Söhne "Nord"',
    colour: '#1d5c8a',
    misuseContact: 'mailto:missbrauch@medienzentrum.example.org',
    termsUrl: 'https://medienzentrum.example.org/nutzungsordnung',
    privacyUrl: 'https://medienzentrum.example.org/datenschutz',
}).identity;

/** What jitsi-meet renders: the prejoin's input block inside its content. */
function renderPrejoin(): HTMLElement {
    const content = document.createElement('div');
    const screen = document.createElement('div');

    screen.dataset.testid = 'prejoin.screen';
    content.append(screen);
    document.body.append(content);

    return content;
}

let stop: () => void = () => undefined;

afterEach(() => {
    stop();
    document.body.innerHTML = '';
});

it('shows the five short rules and the media centre’s links once jitsi-meet renders its prejoin screen', async () => {
    stop = showRulesOnPrejoin(document, { lang: () => 'de', centre: () => centre, done: () => false });
    expect(document.getElementById(PREJOIN_RULES_ID)).toBeNull();
    renderPrejoin();
    const panel = await waitFor(() => within(document.body).getByRole('region', { name: 'Regeln für dieses Meeting' }));

    expect(
        within(panel)
            .getAllByRole('listitem')
            .map(item => item.textContent),
    ).toEqual([
        'Nur für Schule und Unterricht',
        'Zugangsdaten bleiben bei der Lehrkraft',
        'Anonym oder mit Pseudonym',
        'Keine Aufzeichnungen',
        'Niemand hört mit',
    ]);
    expect(within(panel).getByRole('link', { name: 'Nutzungsordnung' })).toHaveAttribute('href', centre.termsUrl);
    expect(within(panel).getByRole('link', { name: 'Datenschutz' })).toHaveAttribute('href', centre.privacyUrl);
    expect(
        within(panel).getByRole('link', { name: 'Missbrauch melden: missbrauch@medienzentrum.example.org' }),
    ).toHaveAttribute('target', '_blank');
    // The name is text from config.js, put in as text.
    expect(within(panel).getByText('Ein Angebot von Medienzentrum Muster & Söhne "Nord"')).toBeInTheDocument();
});

it('comes back when jitsi-meet renders the prejoin screen anew, in its language, and stops once the meeting is joined', async () => {
    let joined = false;

    stop = showRulesOnPrejoin(document, { lang: () => 'en', centre: () => centre, done: () => joined });
    const first = renderPrejoin();

    await waitFor(() => expect(document.getElementById(PREJOIN_RULES_ID)).not.toBeNull());
    first.remove();
    renderPrejoin();
    const panel = await waitFor(() => within(document.body).getByRole('region', { name: 'Rules for this meeting' }));

    expect(within(panel).getByText('Credentials stay with the teacher')).toBeInTheDocument();
    joined = true;
    document.body.innerHTML = '';
    renderPrejoin();
    // The observer saw the change, found the meeting joined and stopped: nothing is placed any more.
    await waitFor(() => expect(document.querySelector('[data-testid="prejoin.screen"]')).not.toBeNull());
    await new Promise<void>(resolve => queueMicrotask(resolve));
    expect(document.getElementById(PREJOIN_RULES_ID)).toBeNull();
});
