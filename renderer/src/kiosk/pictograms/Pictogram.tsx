/**
 * Simple line pictograms, always shown next to a text label (never alone), so they are hidden
 * from screen readers. Directional ones mirror in right-to-left languages.
 */
const paths = {
  info: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 5v.01M11 11h1v6h1',
  check: 'M4 4h16v16H4ZM8 12l3 3 5-6',
  voucher: 'M3 6h18v4a2 2 0 0 0 0 4v4H3v-4a2 2 0 0 0 0-4ZM14 6v12',
  talk: 'M3 5h12v8H8l-4 3v-3H3ZM17 9h4v8h-1v3l-3-3h-5v-2',
  back: 'M15 5 8 12l7 7M8 12h12',
  forward: 'M9 5l7 7-7 7M16 12H4',
  home: 'M3 11 12 3l9 8M6 9v11h12V9M10 20v-6h4v6',
  language: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20ZM2 12h20M12 2c3 3 3 17 0 20M12 2c-3 3-3 17 0 20',
  textSize: 'M3 19 8 6l5 13M5 14h6M14 19l3.5-9 3.5 9M15.2 16h4.6',
  contrast: 'M12 2a10 10 0 1 0 0 20ZM12 2a10 10 0 0 1 0 20',
  speaker: 'M4 9h4l5-4v14l-5-4H4ZM16 9a4 4 0 0 1 0 6M18.5 6.5a8 8 0 0 1 0 11',
  stop: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20ZM8 8l8 8M16 8l-8 8',
  staff: 'M12 3a4 4 0 1 0 0 8 4 4 0 0 0 0-8ZM4 21c0-4 4-7 8-7s8 3 8 7',
  search: 'M10 3a7 7 0 1 0 0 14 7 7 0 0 0 0-14ZM15 15l6 6',
  providers: 'M3 21V8l9-5 9 5v13M8 21v-6h8v6M8 11h2M14 11h2',
  money: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20ZM15 8.5a4 4 0 1 0 0 7M7 11h6M7 13.5h6',
  chart: 'M4 20V4M4 20h16M8 16v-5M12 16V7M16 16v-8',
  advice: 'M12 2a6 6 0 0 0-3 11v3h6v-3a6 6 0 0 0-3-11ZM9 19h6M10 22h4',
  career: 'M4 20h4v-5h4v-5h4V5h4',
  study: 'M2 9l10-5 10 5-10 5ZM6 11v5c3 3 9 3 12 0v-5',
  contact: 'M3 6h18v12H3ZM3 6l9 7 9-7',
  consent: 'M12 2 4 5v6c0 5 3.5 9.5 8 11 4.5-1.5 8-6 8-11V5ZM8 12l3 3 5-6',
  ticket: 'M4 4h16v16H4ZM8 9h8M8 13h8M8 17h5',
  keyboard: 'M2 6h20v12H2ZM6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 14h10',
  signpost: 'M12 2v20M5 5h11l3 3-3 3H5ZM19 13H8l-3 3 3 3h11',
  people: 'M9 3a3 3 0 1 0 0 6 3 3 0 0 0 0-6ZM3 20c0-3 3-6 6-6s6 3 6 6M16 4a3 3 0 0 1 0 6M18 14c2 1 3 3 3 6',
  coins: 'M9 4c4 0 7 1.3 7 3s-3 3-7 3-7-1.3-7-3 3-3 7-3ZM2 7v5c0 1.7 3 3 7 3s7-1.3 7-3V7M8 15v2c0 1.7 3 3 7 3s7-1.3 7-3v-5c0-1.5-2-2.6-5-2.9',
  briefcase: 'M3 7h18v13H3ZM8 7V4h8v3M3 12h18',
  book: 'M4 4h6a2 2 0 0 1 2 2v14a2 2 0 0 0-2-2H4ZM20 4h-6a2 2 0 0 0-2 2v14a2 2 0 0 1 2-2h6Z',
  shield: 'M12 2 4 5v6c0 5 3.5 9.5 8 11 4.5-1.5 8-6 8-11V5Z',
  'map-pin': 'M12 2a7 7 0 0 0-7 7c0 5 7 13 7 13s7-8 7-13a7 7 0 0 0-7-7ZM12 6a3 3 0 1 0 0 6 3 3 0 0 0 0-6Z',
  building: 'M4 21V3h10v18M14 8h6v13M2 21h20M7 7h2M7 11h2M7 15h2M17 12h1M17 16h1',
  'face-good': 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20ZM8 14s1.5 2 4 2 4-2 4-2M9 9h.01M15 9h.01',
  'face-okay': 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20ZM8 15h8M9 9h.01M15 9h.01',
  'face-bad': 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20ZM16 16s-1.5-2-4-2-4 2-4 2M9 9h.01M15 9h.01',
} as const;

/** A content pack names its topics' pictograms; an unknown name falls back to the information sign. */
export function pictogramFor(name: string): PictogramName {
  return Object.hasOwn(paths, name) ? (name as PictogramName) : 'info';
}

export type PictogramName = keyof typeof paths;

const directional: ReadonlySet<PictogramName> = new Set(['back', 'forward']);

export function Pictogram({ name, size = 48 }: { name: PictogramName; size?: number }) {
  return (
    <svg
      className={`pictogram${directional.has(name) ? ' pictogram--directional' : ''}`}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={paths[name]} />
    </svg>
  );
}
