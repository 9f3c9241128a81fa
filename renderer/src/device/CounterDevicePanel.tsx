import './device.css';
import type { AppInfo } from '../../../shared/contract/app-info';
import type { StaffMember } from '../../../shared/contract/staff-channels';
import type { Bridge } from '../bridge/bridge-client';
import { DeviceFacts } from '../counter/DeviceFacts';
import { EnrollmentSection } from './EnrollmentSection';
import { UpdateSection } from './UpdateSection';

/** The desk's "This device" view: the facts IT asks for, enrollment with the central API, and updates. */
export function CounterDevicePanel({ bridge, info, me, onSignedOut }: { bridge: Bridge; info: AppInfo; me: StaffMember; onSignedOut(): void }) {
  return (
    <div className="device-panel">
      <DeviceFacts info={info} />
      <EnrollmentSection bridge={bridge} role={me.role} onSignedOut={onSignedOut} />
      <UpdateSection bridge={bridge} />
    </div>
  );
}
