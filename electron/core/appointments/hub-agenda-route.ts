import { HubAgendaRequest, type AgendaRefusal, type HubAgendaOp } from '../../../shared/central-api/appointments';
import { formatIssues } from '../../../shared/validation/format-issues';
import { CoreError } from '../errors';
import type { AgendaPort } from './agenda-port';

const isOp = (op: string): op is HubAgendaOp => Object.hasOwn(HubAgendaRequest, op);

const refusal = (status: number, body: AgendaRefusal) => ({ status, body });

/**
 * The counter's answers to its kiosks' agenda questions. The kiosk already proved it belongs to
 * this location in the TLS handshake; its input is still checked as if from a stranger.
 */
export function hubAgendaRoute(port: AgendaPort): (op: string, body: unknown) => Promise<{ status: number; body: unknown }> {
  return async (op, body) => {
    if (!isOp(op)) return refusal(404, { code: 'not_found', message: `no agenda operation "${op}"` });
    const parsed = HubAgendaRequest[op].safeParse(body);
    if (!parsed.success) {
      const issue = formatIssues(parsed.error)[0];
      return refusal(422, { code: 'invalid_input', message: issue ? `${issue.path}: ${issue.message}` : 'the request does not match the agenda contract' });
    }
    try {
      return { status: 200, body: await answer(port, op, parsed.data) };
    } catch (err) {
      if (err instanceof CoreError && err.code !== 'internal' && err.code !== 'forbidden') return refusal(422, { code: err.code, message: err.message });
      throw err;
    }
  };
}

function answer(port: AgendaPort, op: HubAgendaOp, input: unknown): Promise<unknown> {
  switch (op) {
    case 'slots':
      return port.slots(HubAgendaRequest.slots.parse(input));
    case 'book':
      return port.book(HubAgendaRequest.book.parse(input));
    case 'cancel': {
      const { locationId, code } = HubAgendaRequest.cancel.parse(input);
      return port.cancel(locationId, code);
    }
    case 'checkIn': {
      const { locationId, code } = HubAgendaRequest.checkIn.parse(input);
      return port.checkIn(locationId, code);
    }
    case 'sessions': {
      const { locationIds, audience } = HubAgendaRequest.sessions.parse(input);
      return port.sessions(locationIds, audience).then((sessions) => ({ sessions }));
    }
    case 'signUp':
      return port.signUp(HubAgendaRequest.signUp.parse(input));
  }
}
