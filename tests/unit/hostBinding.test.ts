/**
 * How both hosts get their store (react/features/school-policy/hostBinding.ts): the host is made once,
 * from the store that exists by then, and asking for it before is a wiring mistake that says so.
 */
import { bindHost, type HostStore } from '../../react/features/school-policy';

describe('binding a host to its store', () => {
    it('makes the host once, from the store it was given first', () => {
        const made: HostStore<number>[] = [];
        const binding = bindHost<number, { readonly state: number }>(store => {
            made.push(store);

            return { state: store.getState() };
        });
        const store = { dispatch: <A>(action: A) => action, getState: () => 7 };

        binding.bind(store);
        binding.bind({ ...store, getState: () => 8 });
        expect(binding.host()).toBe(binding.host());
        expect(binding.host().state).toBe(7);
        expect(made).toEqual([store]);
    });

    it('says what is wrong when the host is asked for before the store exists', () => {
        const binding = bindHost<number, object>(() => ({}));

        expect(() => binding.host()).toThrow('the host was asked for before the store existed');
    });
});
