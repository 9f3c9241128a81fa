import { Pictogram, type PictogramName } from '../pictograms/Pictogram';

interface Props {
  icon: PictogramName;
  title: string;
  description?: string;
  onClick(): void;
  testId?: string;
  pressed?: boolean;
  /** lang and dir of title and description when they are in another language than the page. */
  part?: { lang?: string; dir?: 'ltr' | 'rtl' };
}

/** A big choice: pictogram, a few words, and one sentence that says what happens next. */
export function ChoiceTile({ icon, title, description, onClick, testId, pressed, part }: Props) {
  return (
    <button type="button" className="tile" onClick={onClick} data-testid={testId} aria-pressed={pressed}>
      <Pictogram name={icon} size={56} />
      <span className="tile__text" {...part}>
        <span className="tile__title">{title}</span>
        {description && <span className="tile__description">{description}</span>}
      </span>
    </button>
  );
}
