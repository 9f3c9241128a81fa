import { describe, expect, it } from 'vitest';
import { currentRoute, endsVisit, initialStack, navigate, type NavStack } from '../../renderer/src/kiosk/navigation/nav-stack';

const walk = (...actions: Parameters<typeof navigate>[1][]): NavStack => actions.reduce(navigate, initialStack);

describe('kiosk navigation (in memory)', () => {
  it('goes forward and back one screen at a time, and never back past the welcome screen', () => {
    const stack = walk({ type: 'go', route: { screen: 'home' } }, { type: 'go', route: { screen: 'voucher', step: 'trajectory' } });
    expect(currentRoute(stack)).toEqual({ screen: 'voucher', step: 'trajectory' });
    const back = navigate(stack, { type: 'back' });
    expect(currentRoute(back)).toEqual({ screen: 'home' });
    const atStart = walk({ type: 'back' }, { type: 'back' });
    expect(atStart).toEqual(initialStack);
  });

  it('"home" drops everything after the home screen, so back from home goes to the welcome screen', () => {
    const stack = walk(
      { type: 'go', route: { screen: 'home' } },
      { type: 'go', route: { screen: 'voucher', step: 'trajectory' } },
      { type: 'go', route: { screen: 'voucher', step: 'contact' } },
      { type: 'home' },
    );
    expect(stack).toEqual([{ screen: 'welcome' }, { screen: 'home' }]);
    expect(currentRoute(navigate(stack, { type: 'back' }))).toEqual({ screen: 'welcome' });
  });

  it('"home" from a path without home still lands on home, above the welcome screen', () => {
    expect(navigate(initialStack, { type: 'home' })).toEqual([{ screen: 'welcome' }, { screen: 'home' }]);
  });

  it('reset replaces the path, so a confirmed request cannot be reached with back', () => {
    const stack = walk({ type: 'go', route: { screen: 'voucher', step: 'check' } }, { type: 'reset', routes: [{ screen: 'home' }, { screen: 'voucher', step: 'done' }] });
    expect(currentRoute(navigate(stack, { type: 'back' }))).toEqual({ screen: 'home' });
    expect(navigate(stack, { type: 'reset', routes: [] })).toEqual(initialStack);
  });

  it('every step that would lead back to the welcome screen ends the visit instead; nothing else does', () => {
    const home = walk({ type: 'go', route: { screen: 'home' } });
    const deep = walk({ type: 'go', route: { screen: 'home' } }, { type: 'go', route: { screen: 'voucher', step: 'contact' } });
    // Back from home ("Begin", then "Terug"), a reset to nothing, or a link to the welcome screen.
    expect(endsVisit(home, { type: 'back' })).toBe(true);
    expect(endsVisit(navigate(deep, { type: 'home' }), { type: 'back' })).toBe(true);
    expect(endsVisit(deep, { type: 'reset', routes: [] })).toBe(true);
    expect(endsVisit(deep, { type: 'go', route: { screen: 'welcome' } })).toBe(true);
    // Moving within the visit, or "back" on the untouched welcome screen (nothing to end), does not.
    expect(endsVisit(deep, { type: 'back' })).toBe(false);
    expect(endsVisit(deep, { type: 'home' })).toBe(false);
    expect(endsVisit(initialStack, { type: 'back' })).toBe(false);
    expect(endsVisit(initialStack, { type: 'go', route: { screen: 'home' } })).toBe(false);
    expect(endsVisit(deep, { type: 'reset', routes: [{ screen: 'welcome' }, { screen: 'home' }, { screen: 'voucher', step: 'done' }] })).toBe(false);
  });
});
