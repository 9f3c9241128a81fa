export interface DisplayArea {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

export type NowServingPlacement = { fullscreenOn: DisplayArea['bounds'] } | { windowed: { width: number; height: number } };

/**
 * Where the waiting-room screen goes: full screen on a display other than the desk's own (the
 * TV on the wall); with a single display, an ordinary window staff can drag to wherever they like.
 */
export function placeNowServing(displays: readonly DisplayArea[], deskDisplayId: number): NowServingPlacement {
  const other = displays.find((display) => display.id !== deskDisplayId);
  return other ? { fullscreenOn: other.bounds } : { windowed: { width: 1280, height: 720 } };
}
