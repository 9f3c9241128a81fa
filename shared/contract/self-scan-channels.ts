import { z } from 'zod';
import { Slug, TrainingLevel } from '../content/pack-schema';
import { InterestArea, ScanAnswer } from '../self-scan/riasec';
import { PrintJobSummary } from '../printing/print-job';
import { channel } from './define-channel';
import { LanguageCode } from './languages';

export const SelfScanStatement = z.strictObject({ id: Slug, text: z.string(), pictogram: z.string() });

export const SelfScanResult = z.strictObject({
  /** The two or three strongest areas, strongest first; empty when every answer was "no". */
  strongest: z.array(InterestArea).max(3),
  occupations: z.array(z.strictObject({ id: Slug, name: z.string(), interests: z.array(InterestArea), trainingLevel: TrainingLevel, growing: z.boolean() })),
  /** Providers in the visitor's region who give training advice (opleidingsadvies). */
  providers: z.array(z.strictObject({ id: Slug, name: z.string(), phone: z.string().optional() })),
  /** Whether the region's labour-market figures are invented sample data: the screen must say so. */
  sampleFigures: z.boolean(),
  /** The take-home QR's text: area letters and occupation ids only. */
  takeHome: z.string(),
});
export type SelfScanResult = z.infer<typeof SelfScanResult>;

export const selfScanChannels = {
  'scan.statements': channel({
    summary: 'The career self-scan\'s statements in the visitor\'s language, in the order to ask them, each with its pictogram.',
    input: z.strictObject({ language: LanguageCode }),
    output: z.strictObject({ statements: z.array(SelfScanStatement) }),
  }),
  'scan.result': channel({
    summary: 'Scores the self-scan\'s answers on the six interest areas and gives occupations and providers to explore. Nothing is stored.',
    input: z.strictObject({
      language: LanguageCode,
      region: Slug.optional(),
      answers: z.record(Slug, ScanAnswer).refine((a) => Object.keys(a).length <= 60, 'at most 60 answers'),
    }),
    output: SelfScanResult,
  }),
  'scan.print': channel({
    summary: 'Prints the self-scan\'s take-home slip: the core scores the answers again and prints the areas, occupations and a QR with their codes only. Nothing is stored but the print job.',
    input: z.strictObject({
      language: LanguageCode,
      answers: z.record(Slug, ScanAnswer).refine((a) => Object.keys(a).length <= 60, 'at most 60 answers'),
    }),
    output: PrintJobSummary,
  }),
} as const;
