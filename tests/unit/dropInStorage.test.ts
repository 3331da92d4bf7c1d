/**
 * R4 in the drop-in: jitsi-meet's settings are written to the device without the name, as the fork
 * build's persistence registration does, while everything else is stored as jitsi-meet wrote it.
 */
import { keepNamesOutOfStorage } from '../../react/features/school-policy/dropin/sharedDevice';

describe('the drop-in’s guard on stored settings', () => {
    let restore: () => void;

    beforeEach(() => {
        localStorage.clear();
        sessionStorage.clear();
        restore = keepNamesOutOfStorage(window);
    });

    afterEach(() => restore());

    it('stores jitsi-meet’s settings without name, e-mail or picture', () => {
        localStorage.setItem(
            'features/base/settings',
            JSON.stringify({
                displayName: 'Lena Schmidt',
                email: 'lena@example.org',
                avatarURL: 'x',
                soundsTalkWhileMuted: false,
            }),
        );

        expect(JSON.parse(localStorage.getItem('features/base/settings') ?? 'null')).toEqual({
            soundsTalkWhileMuted: false,
        });
    });

    it('leaves every other write alone', () => {
        localStorage.setItem('language', 'de');
        localStorage.setItem('features/base/settings', 'not json');
        sessionStorage.setItem('features/base/settings', JSON.stringify({ displayName: 'Lena' }));

        expect(localStorage.getItem('language')).toBe('de');
        expect(localStorage.getItem('features/base/settings')).toBe('not json');
        expect(sessionStorage.getItem('features/base/settings')).toContain('Lena');
    });

    it('can be undone', () => {
        restore();
        localStorage.setItem('features/base/settings', JSON.stringify({ displayName: 'Lena' }));

        expect(localStorage.getItem('features/base/settings')).toContain('Lena');
        restore = keepNamesOutOfStorage(window);
    });
});
