import { DeviceConfigSchema, type DeviceConfig } from '../../../shared/config/device-config';

export const demoDeviceConfig: DeviceConfig = DeviceConfigSchema.parse({
  role: 'kiosk',
  demo: true,
  location: { id: 'utrecht-centrum', name: 'Loopbaanwinkel Utrecht Centrum' },
  region: 'midden-utrecht',
  defaultLanguage: 'nl',
  printer: { type: 'virtual' },
});
