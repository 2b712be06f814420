import type { SendOutcome } from '../outcome';
import type { TwilioClient, TwilioResult } from '../twilio';

/** Twilio's answer as an attempt outcome; a timed-out request stays maybe-sent and is never repeated. */
function outcomeOf(r: TwilioResult): SendOutcome {
  switch (r.kind) {
    case 'sent':
      return { kind: 'sent', providerId: r.sid };
    case 'maybe-sent':
      return { kind: 'maybe-sent', error: r.error };
    case 'retry':
      return { kind: 'retry', error: r.error };
    case 'rejected':
      return { kind: 'rejected', error: r.error };
  }
}

/** An SMS, with the delivery id as Twilio's idempotency token. */
export async function sendSms(twilio: TwilioClient, to: string, body: string, deliveryId: string): Promise<SendOutcome> {
  return outcomeOf(await twilio.sendSms(to, body, deliveryId));
}

/** A call reading the TwiML, with the delivery id as Twilio's idempotency token. */
export async function placeCall(twilio: TwilioClient, to: string, twiml: string, deliveryId: string): Promise<SendOutcome> {
  return outcomeOf(await twilio.call(to, twiml, deliveryId));
}
