import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FleetDevice } from '../../../shared/central-api/fleet';
import type { FleetFilter } from '../../../shared/contract/fleet-channels';
import type { Bridge } from '../bridge/bridge-client';
import { healthStates } from './FleetApp';

/** More rows than this help nobody on one screen: the filters narrow it, the CSV export has them all. */
export const tableRowsMax = 250;

const distinct = (values: (string | null)[]): string[] => [...new Set(values.filter((v): v is string => v !== null))].sort();

function download(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

interface Props {
  bridge: Bridge;
  devices: readonly FleetDevice[];
  shown: readonly FleetDevice[];
  filter: FleetFilter;
  onFilter(filter: FleetFilter): void;
  onOpen(deviceId: string): void;
}

/** Every device with search-as-you-type and filters; the export takes the same filters, so the file holds what the table shows. */
export function DevicesTable({ bridge, devices, shown, filter, onFilter, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const [exported, setExported] = useState<string | null>(null);
  const options = useMemo(
    () => ({ region: distinct(devices.map((d) => d.region)), location: distinct(devices.map((d) => d.locationId)), version: distinct(devices.map((d) => d.appVersion)) }),
    [devices],
  );
  const set = (key: keyof FleetFilter, value: string) => onFilter({ ...filter, [key]: value === '' ? undefined : value });
  const exportCsv = () => {
    void bridge.call('fleet.exportCsv', filter).then((file) => {
      download(file.fileName, file.csv);
      setExported(t('fleet.devices.exported', { count: file.rows, file: file.fileName }));
    });
  };
  const select = (key: 'region' | 'location' | 'version', values: string[]) => (
    <label className="fleet-filter">
      {t(`fleet.filters.${key}`)}
      <select value={filter[key] ?? ''} onChange={(e) => set(key, e.target.value)}>
        <option value="">{t('fleet.filters.all')}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      <h2>{t('fleet.devices.title')}</h2>
      <form role="search" className="fleet-filters" onSubmit={(e) => e.preventDefault()}>
        <label className="fleet-filter">
          {t('fleet.filters.search')}
          <input type="search" value={filter.search ?? ''} onChange={(e) => set('search', e.target.value)} autoComplete="off" />
        </label>
        {select('region', options.region)}
        {select('location', options.location)}
        {select('version', options.version)}
        <label className="fleet-filter">
          {t('fleet.filters.state')}
          <select value={filter.state ?? ''} onChange={(e) => set('state', e.target.value)}>
            <option value="">{t('fleet.filters.all')}</option>
            {healthStates.map((h) => (
              <option key={h} value={h}>
                {t(`fleet.health.${h}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="desk-button" onClick={() => onFilter({})}>
          {t('fleet.filters.clear')}
        </button>
        <button type="button" className="desk-button desk-button--primary" onClick={exportCsv}>
          {t('fleet.devices.export')}
        </button>
      </form>
      <p role="status" className="fleet-devices__count">
        {shown.length > tableRowsMax ? t('fleet.devices.countLimited', { count: shown.length, shown: tableRowsMax }) : t('fleet.devices.count', { count: shown.length })}
        {exported ? ` ${exported}` : ''}
      </p>
      <table className="desk-table fleet-devices">
        <thead>
          <tr>
            <th scope="col">{t('fleet.columns.location')}</th>
            <th scope="col">{t('fleet.columns.region')}</th>
            <th scope="col">{t('fleet.columns.role')}</th>
            <th scope="col">{t('fleet.columns.health')}</th>
            <th scope="col">{t('fleet.columns.appVersion')}</th>
            <th scope="col">{t('fleet.columns.channel')}</th>
            <th scope="col">{t('fleet.columns.update')}</th>
            <th scope="col">{t('fleet.columns.printer')}</th>
            <th scope="col">{t('fleet.columns.queue')}</th>
            <th scope="col">{t('fleet.columns.lastSeen')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.slice(0, tableRowsMax).map((d) => (
            <tr key={d.deviceId} data-device={d.deviceId}>
              <th scope="row">
                <button type="button" className="fleet-link" onClick={() => onOpen(d.deviceId)}>
                  {d.locationId}
                </button>
              </th>
              <td>{d.region ?? ''}</td>
              <td>{t(`fleet.roles.${d.role}`)}</td>
              <td>{t(`fleet.health.${d.health}`)}</td>
              <td>{d.appVersion ?? ''}</td>
              <td>{d.channel ? t(`fleet.channels.${d.channel}`) : ''}</td>
              <td>{d.updateState ? t(`fleet.updateStates.${d.updateState}`) : ''}</td>
              <td>{d.printerState ? t(`fleet.printerStates.${d.printerState}`) : ''}</td>
              <td>{d.queueDepth ?? ''}</td>
              <td>{d.lastSeenAt ? new Date(d.lastSeenAt).toLocaleTimeString(i18n.language) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
