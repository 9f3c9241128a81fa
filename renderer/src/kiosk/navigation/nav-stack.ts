import type { Route } from './routes';

/**
 * The visitor's path as a stack in memory. Nothing is pushed to window.history, so the browser's
 * back button never leads to a previous visitor's screens.
 */
export type NavStack = readonly Route[];

export type NavAction =
  | { type: 'go'; route: Route }
  | { type: 'back' }
  | { type: 'home' }
  /** Replaces the path: after a confirmed request, "back" must not lead to the form again. */
  | { type: 'reset'; routes: readonly Route[] };

export const initialStack: NavStack = [{ screen: 'welcome' }];

export function navigate(stack: NavStack, action: NavAction): NavStack {
  switch (action.type) {
    case 'go':
      return [...stack, action.route];
    case 'back':
      return stack.length > 1 ? stack.slice(0, -1) : stack;
    case 'home': {
      const home = stack.findIndex((r) => r.screen === 'home');
      return home >= 0 ? stack.slice(0, home + 1) : [...initialStack, { screen: 'home' }];
    }
    case 'reset':
      return action.routes.length > 0 ? action.routes : initialStack;
  }
}

/**
 * The welcome screen begins a visit and is never a step inside one: an action that would lead back
 * to it (back from home, a reset to nothing) ends the visit instead, so the next visitor never
 * inherits this one's answers, form, settings or path.
 */
export function endsVisit(stack: NavStack, action: NavAction): boolean {
  const next = navigate(stack, action);
  return next !== stack && currentRoute(next).screen === 'welcome';
}

export function currentRoute(stack: NavStack): Route {
  return stack[stack.length - 1] ?? { screen: 'welcome' };
}
