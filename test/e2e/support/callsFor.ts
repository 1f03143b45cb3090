import type { BlueshiftStandIn, RecordedCall } from '../../../local/blueshift/blueshiftStandIn';

/** The trigger calls the stand-in received for one import, oldest first. */
export const callsFor = (standIn: BlueshiftStandIn, uuid: string): RecordedCall[] =>
  standIn.calls.filter((call) => (call.body as { uuid?: unknown } | null)?.uuid === uuid);
