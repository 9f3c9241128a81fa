import { describe, expect, it } from 'vitest';
import { placeNowServing } from '../../../electron/shell/main/now-serving-display';

const desk = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const wallTv = { id: 7, bounds: { x: 1920, y: 0, width: 3840, height: 2160 } };

describe('where the waiting-room screen opens', () => {
  it('fills the display that is not the desk\'s, whichever order the system lists them in', () => {
    expect(placeNowServing([desk, wallTv], desk.id)).toEqual({ fullscreenOn: wallTv.bounds });
    expect(placeNowServing([wallTv, desk], desk.id)).toEqual({ fullscreenOn: wallTv.bounds });
  });

  it('opens as a window staff can move when the desk has only its own display', () => {
    expect(placeNowServing([desk], desk.id)).toEqual({ windowed: { width: 1280, height: 720 } });
  });
});
