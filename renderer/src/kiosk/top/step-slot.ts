import { createContext, useContext } from 'react';

/** The place in the top area where a flow's "Step 2 of 5" goes; null outside the kiosk frame (the step then stays in place). */
export const StepSlotContext = createContext<HTMLElement | null>(null);

export function useStepSlot(): HTMLElement | null {
  return useContext(StepSlotContext);
}
