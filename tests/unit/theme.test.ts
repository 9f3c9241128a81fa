import { describe, expect, it } from 'vitest';
import { DeviceConfigSchema, ThemeConfig } from '../../shared/config/device-config';
import { contrastRatio } from '../../shared/theme/contrast';

describe('WCAG contrast', () => {
  it('matches the reference values', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#154273', '#ffffff')).toBeCloseTo(contrastRatio('#ffffff', '#154273'), 10);
    expect(contrastRatio('#154273', '#ffffff')).toBeGreaterThan(10);
  });
});

describe("a region's theme in the device config", () => {
  const base = { role: 'kiosk', location: { id: 'zwolle-centrum', name: 'Zwolle' }, region: 'regio-zwolle' };

  it('takes a dark brand colour with white text, in any case', () => {
    expect(ThemeConfig.parse({ brand: '#005A32' })).toEqual({ brand: '#005a32', brandContrast: '#ffffff' });
    expect(DeviceConfigSchema.parse({ ...base, theme: { brand: '#7A1F5C', brandContrast: '#FFFFFF' } }).theme).toEqual({ brand: '#7a1f5c', brandContrast: '#ffffff' });
  });

  it('refuses colours visitors cannot read, naming the field and the measured contrast', () => {
    const light = ThemeConfig.safeParse({ brand: '#7fb2e5' });
    expect(light.success).toBe(false);
    expect(light.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['brandContrast', expect.stringMatching(/^text in #ffffff on #7fb2e5 has a contrast of 2\.\d\d:1; WCAG AA needs at least 4\.5:1$/)],
      ['brand', expect.stringMatching(/^#7fb2e5 on white has a contrast of 2\.\d\d:1/)],
    ]);
    const darkOnDark = ThemeConfig.safeParse({ brand: '#154273', brandContrast: '#333333' });
    expect(darkOnDark.error?.issues.map((i) => i.path.join('.'))).toEqual(['brandContrast']);
    expect(ThemeConfig.safeParse({ brand: 'green' }).error?.issues[0]?.message).toBe('expected a colour as #rrggbb, e.g. "#154273"');
  });
});
