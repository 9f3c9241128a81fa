import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccreditationMark } from '../../../../shared/content/pack-schema';
import { pickedLanguage, pickText, type LocalizedText } from '../../../../shared/content/localized-text';
import { partLanguage } from '../../i18n/i18n';
import type { TextSegment } from '../../../../shared/content/search-result';
import { LanguageCode } from '../../../../shared/contract/languages';
import { Trajectory } from '../../../../shared/domain/trajectory';
import { useCall } from '../data/use-call';
import { TextField } from '../keyboard/TextField';
import { useKiosk } from '../kiosk-context';
import type { InformationView } from '../navigation/routes';
import { pictogramFor } from '../pictograms/Pictogram';
import { ChoiceTile } from '../screens/ChoiceTile';
import { ErrorNotice } from '../screens/ErrorNotice';
import { Loading } from '../screens/Loading';
import { useVisit } from '../visit/visit-context';
import { isOutpost } from '../appointments/outpost';
import { draftWithProvider, requestRoute } from '../voucher/chosen-provider';
import { ProviderFilters, useProviderFilter } from './ProviderFilters';
import { providerSummary } from './provider-summary';
import { TrendChart } from './TrendChart';
import { WhoElseCanHelp } from '../referral/WhoElseCanHelp';

const marks: readonly AccreditationMark[] = ['noloc', 'nrto', 'cmi', 'blik-op-werk', 'cedeo', 'oval'];

function useText(): (text: LocalizedText) => string {
  const { i18n } = useTranslation();
  return (text) => pickText(text, i18n.language);
}

/** lang and dir for pack text that falls back to another language than the visitor's. */
function usePart(): (text: LocalizedText) => { lang?: string; dir?: 'ltr' | 'rtl' } {
  const { i18n } = useTranslation();
  return (text) => partLanguage(pickedLanguage(text, i18n.language), i18n.language);
}

function Title({ children, part }: { children: ReactNode; part?: { lang?: string; dir?: 'ltr' | 'rtl' } }) {
  return (
    <h1 id="screen-title" tabIndex={-1} {...part}>
      {children}
    </h1>
  );
}

/** A body of short plain-text paragraphs separated by blank lines: rendered as text, never as markup. */
function Paragraphs({ text }: { text: string }) {
  return (
    <div className="prose">
      {text.split(/\n\s*\n/).map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
    </div>
  );
}

function Failed() {
  const { t } = useTranslation();
  return <ErrorNotice message={t('info.failed')} />;
}

export function InformationScreen(props: InformationView) {
  const screen = ((): ReactElement => {
    switch (props.view) {
      case 'menu':
        return <Menu />;
      case 'topic':
        return <Topic id={props.id} />;
      case 'page':
        return <Page id={props.id} />;
      case 'providers':
        return <Providers />;
      case 'provider':
        return <Provider id={props.id} />;
      case 'schemes':
        return <Schemes />;
      case 'scheme':
        return <Scheme id={props.id} />;
      case 'work':
        return <Work />;
      case 'search':
        return <Search />;
    }
  })();
  return <div data-screen={`information-${props.view}`}>{screen}</div>;
}

function SearchButton() {
  const { t } = useTranslation();
  const { go } = useKiosk();
  return (
    <div className="actions">
      <button type="button" className="button" data-testid="info-search" onClick={() => go({ screen: 'information', view: 'search' })}>
        {t('info.search.open')}
      </button>
    </div>
  );
}

function Menu() {
  const { t } = useTranslation();
  const { go } = useKiosk();
  const text = useText();
  const part = usePart();
  const topics = useCall('content.topics', {});
  // A pack topic with the same words as a fixed tile would be a second entry for one thing: the fixed tile
  // stays, and lists that topic's pages (Schemes), so no page becomes unreachable.
  const fixed = new Set([t('info.providers.title'), t('info.schemes.title'), t('info.work.title')].map(sameWords));
  return (
    <>
      <Title>{t('info.title')}</Title>
      <p className="lead">{t('info.intro')}</p>
      <SearchButton />
      <ul className="tiles">
        <li>
          <ChoiceTile icon="providers" title={t('info.providers.title')} description={t('info.providers.short')} testId="info-providers" onClick={() => go({ screen: 'information', view: 'providers' })} />
        </li>
        <li>
          <ChoiceTile icon="money" title={t('info.schemes.title')} description={t('info.schemes.short')} testId="info-schemes" onClick={() => go({ screen: 'information', view: 'schemes' })} />
        </li>
        <li>
          <ChoiceTile icon="chart" title={t('info.work.title')} description={t('info.work.short')} testId="info-work" onClick={() => go({ screen: 'information', view: 'work' })} />
        </li>
        {topics.kind === 'ready' &&
          topics.data.filter((topic) => !fixed.has(sameWords(text(topic.title)))).map((topic) => (
            <li key={topic.id}>
              <ChoiceTile icon={pictogramFor(topic.icon)} title={text(topic.title)} part={part(topic.title)} testId={`topic-${topic.id}`} onClick={() => go({ screen: 'information', view: 'topic', id: topic.id })} />
            </li>
          ))}
      </ul>
      {topics.kind === 'loading' && <Loading />}
      {topics.kind === 'failed' && <Failed />}
    </>
  );
}

function sameWords(title: string): string {
  return title.trim().toLocaleLowerCase();
}

function Topic({ id }: { id: string }) {
  const { t } = useTranslation();
  const { info } = useKiosk();
  const text = useText();
  const topics = useCall('content.topics', {});
  const part = usePart();
  const topic = topics.kind === 'ready' ? topics.data.find((x) => x.id === id) : undefined;
  return (
    <>
      <Title part={topic && part(topic.title)}>{topic ? text(topic.title) : t('info.title')}</Title>
      <SearchButton />
      <ul className="tiles tiles--list">
        <TopicPageTiles topic={id} region={info.region} />
      </ul>
    </>
  );
}

/** A topic's pages as list items, for the topic's own screen or the one menu entry it shares words with. */
function TopicPageTiles({ topic, region }: { topic: string; region: string }) {
  const { go } = useKiosk();
  const text = useText();
  const part = usePart();
  const pages = useCall('content.pages', { topic, region });
  if (pages.kind === 'loading') return <li><Loading /></li>;
  if (pages.kind === 'failed') return <li><Failed /></li>;
  return (
    <>
      {pages.data.map((page) => (
        <li key={page.id}>
          <ChoiceTile icon="info" title={text(page.title)} description={text(page.summary)} part={part(page.title)} testId={`page-${page.id}`} onClick={() => go({ screen: 'information', view: 'page', id: page.id })} />
        </li>
      ))}
    </>
  );
}

function Page({ id }: { id: string }) {
  const { t } = useTranslation();
  const text = useText();
  const part = usePart();
  const page = useCall('content.page', { id });
  if (page.kind !== 'ready') return page.kind === 'loading' ? <Loading /> : <Failed />;
  return (
    <article>
      <Title part={part(page.data.title)}>{text(page.data.title)}</Title>
      <p className="lead" {...part(page.data.summary)}>
        {text(page.data.summary)}
      </p>
      <div {...part(page.data.body)}>
        <Paragraphs text={text(page.data.body)} />
      </div>
      <p className="note">{t('info.askStaff')}</p>
      {page.data.referTo && <WhoElseCanHelp kinds={page.data.referTo} />}
    </article>
  );
}

function Providers() {
  const { t, i18n } = useTranslation();
  const { go, info } = useKiosk();
  const filter = useProviderFilter();
  const providers = useCall('content.providers', { region: info.region, ...filter.value });
  return (
    <>
      <Title>{t('info.providers.title')}</Title>
      <p className="lead">{t('info.providers.intro')}</p>
      <ProviderFilters filter={filter} trajectories={Trajectory.options} marks={marks} />
      {providers.kind === 'loading' && <Loading />}
      {providers.kind === 'failed' && <Failed />}
      {providers.kind === 'ready' && (
        <>
          <p className="count" role="status" data-testid="provider-count">
            {t('info.providers.count', { count: providers.data.length })}
          </p>
          <ul className="tiles tiles--list">
            {providers.data.map((provider) => (
              <li key={provider.id}>
                <ChoiceTile
                  icon="providers"
                  title={provider.name}
                  description={providerSummary(provider, t)}
                  part={partLanguage('nl', i18n.language)}
                  testId={`provider-${provider.id}`}
                  onClick={() => go({ screen: 'information', view: 'provider', id: provider.id })}
                />
              </li>
            ))}
          </ul>
          {providers.data.length === 0 && <p>{t('info.providers.none')}</p>}
        </>
      )}
    </>
  );
}

function Provider({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { go, info } = useKiosk();
  const { visit, dispatch } = useVisit();
  const text = useText();
  const part = usePart();
  const provider = useCall('content.provider', { id });
  if (provider.kind !== 'ready') return provider.kind === 'loading' ? <Loading /> : <Failed />;
  const p = provider.data;
  const languageNames = new Intl.DisplayNames([i18n.language], { type: 'language' });
  const list = new Intl.ListFormat([i18n.language], { type: 'conjunction', style: 'narrow' });
  // Names, addresses and quality marks are Dutch proper names, shown as the pack has them.
  const dutch = partLanguage('nl', i18n.language);
  const rows: Array<{ label: string; value: string; part?: { lang?: string; dir?: 'ltr' | 'rtl' } }> = [
    { label: t('info.provider.services'), value: list.format(p.services.map((s) => t(`trajectory.${s}.name`))) },
    { label: t('info.provider.marks'), value: p.marks.map((m) => t(`marks.${m}`)).join(', '), part: dutch },
    { label: t('info.provider.kind'), value: t(`info.provider.kinds.${p.kind}`) },
    { label: t('info.provider.address'), value: `${p.address.street}, ${p.address.postcode} ${p.address.city}`, part: dutch },
    ...(p.phone ? [{ label: t('info.provider.phone'), value: p.phone, part: { dir: 'ltr' as const } }] : []),
    { label: t('info.provider.hours'), value: text(p.openingHours), part: part(p.openingHours) },
    { label: t('info.provider.languages'), value: list.format(p.languages.map((l) => languageNames.of(l) ?? l)) },
  ];
  // A request names a provider of this region (the core refuses others); an outpost starts none.
  const canChoose = !isOutpost(info) && p.regions.includes(info.region);
  const choose = (): void => {
    dispatch({ type: 'voucher', patch: draftWithProvider(visit.voucher, { id: p.id, name: p.name, services: p.services }) });
    go(requestRoute(visit.eligibility));
  };
  return (
    <article>
      <Title part={dutch}>{p.name}</Title>
      <div {...part(p.description)}>
        <Paragraphs text={text(p.description)} />
      </div>
      {canChoose && (
        <div className="actions">
          <button type="button" className="button button--primary button--big" data-testid="provider-choose" onClick={choose}>
            {t('info.provider.choose')}
          </button>
        </div>
      )}
      <dl className="summary summary--facts">
        {rows.map((row) => (
          <div className="summary__row" key={row.label}>
            <dt>{row.label}</dt>
            <dd {...row.part}>{row.value}</dd>
          </div>
        ))}
      </dl>
      {p.marks.length > 0 && (
        <section aria-labelledby="marks-explained">
          <h2 id="marks-explained">{t('kioskHonest.marks.heading')}</h2>
          <ul className="marks-explained" data-testid="marks-explained">
            {p.marks.map((mark) => (
              <li key={mark} data-mark={mark}>
                <span className="marks-explained__name" {...dutch}>
                  {t(`marks.${mark}`)}
                </span>{' '}
                <span className="marks-explained__text">{t(`kioskHonest.marks.${mark}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

function Schemes() {
  const { t } = useTranslation();
  const { go } = useKiosk();
  const text = useText();
  const part = usePart();
  const { info } = useKiosk();
  const schemes = useCall('content.schemes', {});
  const topics = useCall('content.topics', {});
  // The menu shows one entry for money matters (this one); a pack topic with the same words has its pages listed here.
  const sameTopic = topics.kind === 'ready' ? topics.data.find((topic) => sameWords(text(topic.title)) === sameWords(t('info.schemes.title'))) : undefined;
  return (
    <>
      <Title>{t('info.schemes.title')}</Title>
      <p className="lead">{t('info.schemes.intro')}</p>
      {schemes.kind === 'loading' && <Loading />}
      {schemes.kind === 'failed' && <Failed />}
      {schemes.kind === 'ready' && (
        <ul className="tiles tiles--list">
          {schemes.data.map((scheme) => (
            <li key={scheme.id}>
              <ChoiceTile
                icon="money"
                title={endedTitle(text(scheme.name), scheme.status === 'ended', t('info.schemes.ended'))}
                description={text(scheme.summary)}
                part={part(scheme.name)}
                testId={`scheme-${scheme.id}`}
                onClick={() => go({ screen: 'information', view: 'scheme', id: scheme.id })}
              />
            </li>
          ))}
          {sameTopic && <TopicPageTiles topic={sameTopic.id} region={info.region} />}
        </ul>
      )}
    </>
  );
}

/** "(afgelopen)" once: a pack name that already ends in its own bracketed status, "(gestopt)", keeps only that. */
function endedTitle(name: string, ended: boolean, endedWord: string): string {
  return ended && !/\)\s*$/.test(name) ? `${name} (${endedWord})` : name;
}

function Scheme({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const text = useText();
  const part = usePart();
  const schemes = useCall('content.schemes', {});
  if (schemes.kind !== 'ready') return schemes.kind === 'loading' ? <Loading /> : <Failed />;
  const scheme = schemes.data.find((s) => s.id === id);
  if (!scheme) return <Failed />;
  return (
    <article>
      <Title part={part(scheme.name)}>{text(scheme.name)}</Title>
      {scheme.status === 'ended' && <p className="note">{t('info.schemes.endedNote', { period: scheme.period })}</p>}
      <p className="lead" {...part(scheme.summary)}>
        {text(scheme.summary)}
      </p>
      <div {...part(scheme.body)}>
        <Paragraphs text={text(scheme.body)} />
      </div>
      <dl className="summary summary--facts">
        <div className="summary__row">
          <dt>{t('info.schemes.who')}</dt>
          <dd {...part(scheme.who)}>{text(scheme.who)}</dd>
        </div>
        {scheme.amount && (
          <div className="summary__row">
            <dt>{t('info.schemes.amount')}</dt>
            <dd {...part(scheme.amount)}>{text(scheme.amount)}</dd>
          </div>
        )}
        <div className="summary__row">
          <dt>{t('info.schemes.period')}</dt>
          {/* Period and source are one Dutch string in the pack (e.g. "doorlopend"), not translated texts. */}
          <dd lang="nl">{scheme.period}</dd>
        </div>
        <div className="summary__row">
          <dt>{t('info.schemes.source')}</dt>
          {/* Sources are cited as published: in Dutch. */}
          <dd {...partLanguage('nl', i18n.language)}>{scheme.source}</dd>
        </div>
      </dl>
    </article>
  );
}

/** Stands in for a proper name in a translated sentence, so the name can get its own lang. */
const nameSlot = '\u2063';

/** A sentence with a Dutch proper name (a region) in it: the name is marked Dutch on other pages. */
function WithName({ sentence, name }: { sentence: string; name: string }) {
  const { i18n } = useTranslation();
  const [before = '', after = ''] = sentence.split(nameSlot);
  return (
    <>
      {before}
      <span {...partLanguage('nl', i18n.language)}>{name}</span>
      {after}
    </>
  );
}

function Work() {
  const { t } = useTranslation();
  const { info } = useKiosk();
  const text = useText();
  const part = usePart();
  const market = useCall('content.labourMarket', { region: info.region });
  if (market.kind !== 'ready') return market.kind === 'loading' ? <Loading /> : <Failed />;
  const { region, figures } = market.data;
  const trends = (list: typeof figures.growing) => list.map((x) => ({ label: text(x.occupation), part: part(x.occupation), changePercent: x.changePercent }));
  return (
    <>
      <Title>
        <WithName sentence={t('info.work.heading', { region: nameSlot })} name={region.name} />
      </Title>
      <p className="lead">{t('info.work.intro')}</p>
      {figures.sample && <p className="note" data-testid="sample-figures">{t('info.work.sample')}</p>}
      <TrendChart title={t('info.work.growingTitle')} trends={trends(figures.growing)} testId="chart-growing" />
      <TrendChart title={t('info.work.shrinkingTitle')} trends={trends(figures.shrinking)} testId="chart-shrinking" />
      <p>{t('info.work.source', { source: figures.sample ? t('kioskHonest.sampleSource') : figures.source, date: new Date(`${figures.date}T12:00:00`), formatParams: { date: { dateStyle: 'long' } } })}</p>
    </>
  );
}

function Marked({ segments }: { segments: readonly TextSegment[] }) {
  return (
    <>
      {segments.map((segment, i) => (segment.match ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>))}
    </>
  );
}

/** The longest query the field takes; more is cut, and the screen says so. */
const maxQuery = 80;

function Search() {
  const { t, i18n } = useTranslation();
  const { go, info } = useKiosk();
  const { visit, dispatch } = useVisit();
  const query = visit.searchText;
  const language = LanguageCode.catch('nl').parse(i18n.language);
  const result = useCall('content.search', { query, language, region: info.region, limit: 20 });
  const open = (kind: string, id: string): void => {
    if (kind === 'page') go({ screen: 'information', view: 'page', id });
    else if (kind === 'scheme') go({ screen: 'information', view: 'scheme', id });
    else go({ screen: 'information', view: 'provider', id });
  };
  return (
    <>
      <Title>{t('info.search.title')}</Title>
      <TextField name="search" search label={t('info.search.label')} hint={t('info.search.hint')} value={query} maxLength={maxQuery} autoFocus onChange={(text) => dispatch({ type: 'search', text })} />
      {query.length >= maxQuery && (
        <p className="note" role="status" data-testid="search-full">
          {t('kioskHonest.search.full', { count: maxQuery })}
        </p>
      )}
      {query.trim() !== '' && result.kind === 'loading' && <Loading />}
      {result.kind === 'failed' && <Failed />}
      {result.kind === 'ready' && query.trim() !== '' && (
        <>
          {result.data.correctedQuery && <p className="note">{t('info.search.corrected', { query: result.data.correctedQuery })}</p>}
          <p className="count" role="status" data-testid="search-count">
            {t('info.search.count', { count: result.data.hits.length })}
          </p>
          <ul className="results">
            {result.data.hits.map((hit) => (
              <li key={`${hit.kind}-${hit.id}`}>
                <button type="button" className="result" data-testid={`hit-${hit.kind}-${hit.id}`} onClick={() => open(hit.kind, hit.id)}>
                  <span className="result__kind">{t(`info.search.kinds.${hit.kind}`)}</span>
                  <span className="result__title">
                    <Marked segments={hit.title} />
                  </span>
                  <span className="result__snippet">
                    <Marked segments={hit.snippet} />
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {result.data.hits.length === 0 && <NothingFound />}
        </>
      )}
    </>
  );
}

/** Zero results is not an end: the subjects most visitors look for, and a person. */
function NothingFound() {
  const { t } = useTranslation();
  const { go, askStaff } = useKiosk();
  const text = useText();
  const topics = useCall('content.topics', {});
  return (
    <div data-testid="search-none">
      <p>{t('kioskHonest.search.none')}</p>
      <h2>{t('kioskHonest.search.popular')}</h2>
      <ul className="tiles tiles--list">
        {topics.kind === 'ready' &&
          topics.data.slice(0, 3).map((topic) => (
            <li key={topic.id}>
              <ChoiceTile icon={pictogramFor(topic.icon)} title={text(topic.title)} testId={`suggest-${topic.id}`} onClick={() => go({ screen: 'information', view: 'topic', id: topic.id })} />
            </li>
          ))}
        <li>
          <ChoiceTile icon="staff" title={t('toolbar.staff')} testId="suggest-staff" onClick={askStaff} />
        </li>
      </ul>
    </div>
  );
}
