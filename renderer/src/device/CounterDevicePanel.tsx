import './device.css';
import type { AppInfo } from '../../../shared/contract/app-info';
import type { StaffMember } from '../../../shared/contract/staff-channels';
import type { Bridge } from '../bridge/bridge-client';
import { DeviceFacts } from '../counter/DeviceFacts';
import { DiagnosticsSection } from './DiagnosticsSection';
import { EnrollmentSection } from './EnrollmentSection';
import { UpdateSection } from './UpdateSection';

/** The desk's "This device" view: the facts IT asks for, enrollment with the central API, updates, and for IT the diagnostics. */
export function CounterDevicePanel({ bridge, info, me, onSignedOut }: { bridge: Bridge; info: AppInfo; me: StaffMember; onSignedOut(): void }) {
  return (
    <div className="device-panel">
      <DeviceFacts info={info} />
      <EnrollmentSection bridge={bridge} role={me.role} onSignedOut={onSignedOut} />
      <UpdateSection bridge={bridge} />
      {me.role === 'it' && <DiagnosticsSection bridge={bridge} onSignedOut={onSignedOut} />}
    </div>
  );
}
