import { useTranslation } from 'react-i18next';
import type { DisplayPrefs } from '../display/display-prefs';
import { Pictogram, type PictogramName } from '../pictograms/Pictogram';

interface Props {
  /** On the welcome screen there is nowhere to go back or home to. */
  showNavigation: boolean;
  prefs: DisplayPrefs;
  speech: { available: boolean; speaking: boolean };
  onBack(): void;
  onHome(): void;
  onLanguage(): void;
  onTextSize(): void;
  onContrast(): void;
  onReadAloud(): void;
  onStop(): void;
  onStaff(): void;
  /** An outpost has no staff: the same button asks for help there, in other words. */
  staffLabel?: string;
}

interface Tool {
  id: string;
  icon: PictogramName;
  label: string;
  onClick(): void;
  pressed?: boolean;
  className?: string;
}

/** The same tools on every screen, in the same place: the bottom of the screen, within reach. */
export function Toolbar(props: Props) {
  const { t } = useTranslation();
  const { prefs, speech } = props;
  const tools: Tool[] = [
    ...(props.showNavigation
      ? [
          { id: 'back', icon: 'back' as const, label: t('toolbar.back'), onClick: props.onBack },
          { id: 'home', icon: 'home' as const, label: t('toolbar.home'), onClick: props.onHome },
          { id: 'language', icon: 'language' as const, label: t('toolbar.language'), onClick: props.onLanguage },
        ]
      : []),
    { id: 'text-size', icon: 'textSize', label: t('toolbar.textSize', { size: t(`toolbar.textSizes.${prefs.textSize}`) }), onClick: props.onTextSize },
    { id: 'contrast', icon: 'contrast', label: t('toolbar.contrast'), onClick: props.onContrast, pressed: prefs.highContrast },
    ...(speech.available
      ? [{ id: 'read-aloud', icon: 'speaker' as const, label: speech.speaking ? t('toolbar.stopReading') : t('toolbar.readAloud'), onClick: props.onReadAloud, pressed: speech.speaking }]
      : []),
    { id: 'stop', icon: 'stop', label: t('toolbar.stop'), onClick: props.onStop, className: 'tool--stop' },
    { id: 'staff', icon: 'staff', label: props.staffLabel ?? t('toolbar.staff'), onClick: props.onStaff, className: 'tool--staff' },
  ];
  return (
    <nav className="toolbar" aria-label={t('toolbar.label')}>
      <ul className="toolbar__list">
        {tools.map((tool) => (
          <li key={tool.id}>
            <button type="button" className={`tool ${tool.className ?? ''}`} data-tool={tool.id} aria-pressed={tool.pressed} onClick={tool.onClick}>
              <Pictogram name={tool.icon} size={32} />
              <span className="tool__label">{tool.label}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
