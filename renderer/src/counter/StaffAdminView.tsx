import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember, StaffMemberRow } from '../../../shared/contract/staff-channels';
import { Pin, Username } from '../../../shared/staff/pin';
import { hasStaffRole, StaffRole } from '../../../shared/staff/staff-role';
import type { Bridge } from '../bridge/bridge-client';
import { errorKey, isSignedOut } from './bridge-errors';
import { Field, focusFirstError } from './Field';

interface Props {
  bridge: Bridge;
  me: StaffMember;
  onSignedOut(): void;
}

const empty = { displayName: '', username: '', pin: '', repeat: '', role: 'staff' as StaffRole };

/** The location manager's page: who may sign in at this desk, with PIN resets and removals. */
export function StaffAdminView({ bridge, me, onSignedOut }: Props) {
  const { t } = useTranslation();
  const [members, setMembers] = useState<StaffMemberRow[]>([]);
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<Partial<Record<keyof typeof empty, string>>>({});
  const [status, setStatus] = useState('');
  const [resetFor, setResetFor] = useState<StaffMemberRow | null>(null);
  const [newPin, setNewPin] = useState('');
  const fields = { displayName: useRef<HTMLInputElement>(null), username: useRef<HTMLInputElement>(null), pin: useRef<HTMLInputElement>(null), repeat: useRef<HTMLInputElement>(null) };

  const fail = useCallback(
    (err: unknown) => {
      if (isSignedOut(err)) onSignedOut();
      else setStatus(t(errorKey(err)));
    },
    [onSignedOut, t],
  );
  const load = useCallback(() => {
    bridge.call('staff.members', {}).then(setMembers, fail);
  }, [bridge, fail]);
  useEffect(load, [load]);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (!form.displayName.trim()) found.displayName = t('counter.setup.nameNeeded');
    if (!Username.safeParse(form.username).success) found.username = t('counter.staff.usernameRule');
    if (!Pin.safeParse(form.pin).success) found.pin = t('counter.staff.pinRule');
    else if (form.pin !== form.repeat) found.repeat = t('counter.setup.pinMismatch');
    setErrors(found);
    if (focusFirstError(found, ['displayName', 'username', 'pin', 'repeat'], fields)) return;
    try {
      const added = await bridge.call('staff.add', { displayName: form.displayName, username: form.username, pin: form.pin, role: form.role });
      setStatus(t('counter.staff.added', { name: added.displayName }));
      setForm(empty);
      fields.displayName.current?.focus();
      load();
    } catch (err) {
      fail(err);
    }
  };

  const reset = async (e: FormEvent) => {
    e.preventDefault();
    if (!resetFor) return;
    if (!Pin.safeParse(newPin).success) return setStatus(t('counter.staff.pinRule'));
    try {
      await bridge.call('staff.resetPin', { id: resetFor.id, pin: newPin });
      setStatus(t('counter.staff.pinReset', { name: resetFor.displayName }));
      setResetFor(null);
      setNewPin('');
      load();
    } catch (err) {
      fail(err);
    }
  };

  const remove = async (member: StaffMemberRow) => {
    if (!window.confirm(t('counter.staff.confirmRemove', { name: member.displayName }))) return;
    try {
      await bridge.call('staff.remove', { id: member.id });
      setStatus(t('counter.staff.removed', { name: member.displayName }));
      load();
    } catch (err) {
      fail(err);
    }
  };

  return (
    <section aria-labelledby="staff-title">
      <h2 id="staff-title">{t('counter.views.staff')}</h2>
      <p role="status" className="desk-status">
        {status}
      </p>
      <table className="desk-table">
        <caption className="visually-hidden">{t('counter.staff.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('counter.staff.displayName')}</th>
            <th scope="col">{t('counter.staff.username')}</th>
            <th scope="col">{t('counter.staff.role')}</th>
            <th scope="col">{t('counter.staff.state')}</th>
            <th scope="col">{t('counter.staff.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <td>{m.displayName}</td>
              <td>{m.username}</td>
              <td>{t(`counter.staffRoles.${m.role}`)}</td>
              <td>{m.locked ? t('counter.staff.locked') : t('counter.staff.active')}</td>
              <td>
                {/* A flex box inside the cell, never on it: a cell with display:flex leaves the table's grid. */}
                {m.id !== me.id && hasStaffRole(me.role, m.role) ? (
                  <div className="desk-table__actions">
                    <button type="button" className="desk-button" onClick={() => setResetFor(m)} aria-label={t('counter.staff.resetPinFor', { name: m.displayName })}>
                      {t('counter.staff.resetPin')}
                    </button>
                    <button type="button" className="desk-button" onClick={() => void remove(m)} aria-label={t('counter.staff.removeFor', { name: m.displayName })}>
                      {t('counter.staff.remove')}
                    </button>
                  </div>
                ) : (
                  <span className="desk-table__none">{t(m.id === me.id ? 'counter.staff.yourAccount' : 'counter.staff.noActions')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {resetFor && (
        <form onSubmit={(e) => void reset(e)} noValidate className="stack desk-panel" aria-labelledby="reset-title">
          <h3 id="reset-title">{t('counter.staff.resetPinFor', { name: resetFor.displayName })}</h3>
          <Field label={t('counter.staff.newPin')} hint={t('counter.staff.pinRule')} type="password" inputMode="numeric" autoComplete="new-password" value={newPin} onChange={(e) => setNewPin(e.target.value)} autoFocus />
          <div className="desk-actions">
            <button type="submit" className="desk-button desk-button--primary">{t('counter.staff.savePin')}</button>
            <button type="button" className="desk-button" onClick={() => setResetFor(null)}>{t('counter.cancel')}</button>
          </div>
        </form>
      )}
      <form onSubmit={(e) => void add(e)} noValidate className="stack desk-panel" aria-labelledby="add-title">
        <h3 id="add-title">{t('counter.staff.addTitle')}</h3>
        <Field label={t('counter.staff.displayName')} value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} error={errors.displayName} inputRef={fields.displayName} autoComplete="off" />
        <Field label={t('counter.staff.username')} hint={t('counter.staff.usernameRule')} value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} error={errors.username} inputRef={fields.username} autoComplete="off" />
        <Field label={t('counter.staff.pin')} hint={t('counter.staff.pinRule')} type="password" inputMode="numeric" autoComplete="new-password" value={form.pin} onChange={(e) => setForm({ ...form, pin: e.target.value })} error={errors.pin} inputRef={fields.pin} />
        <Field label={t('counter.setup.repeatPin')} type="password" inputMode="numeric" autoComplete="new-password" value={form.repeat} onChange={(e) => setForm({ ...form, repeat: e.target.value })} error={errors.repeat} inputRef={fields.repeat} />
        <div className="field">
          <label htmlFor="new-member-role">{t('counter.staff.role')}</label>
          <select id="new-member-role" value={form.role} onChange={(e) => setForm({ ...form, role: StaffRole.parse(e.target.value) })}>
            {StaffRole.options.filter((r) => hasStaffRole(me.role, r)).map((r) => (
              <option key={r} value={r}>
                {t(`counter.staffRoles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="desk-button desk-button--primary">{t('counter.staff.add')}</button>
      </form>
    </section>
  );
}
