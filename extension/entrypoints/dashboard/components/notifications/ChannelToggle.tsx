import type { Channel } from '../../../../../shared/api/prefs';
import { CHANNEL_LABEL } from '../../notification-form';

const UNAVAILABLE: Record<Channel, string> = {
  email: 'Not available: this server cannot send email.',
  sms: 'Not available: this server has no SMS provider (Twilio) configured.',
  call: 'Not available: this server has no call provider (Twilio) configured.',
  browser: 'Not available on this server.',
};

type Props = {
  channel: Channel;
  checked: boolean;
  /** The server can send on this channel. */
  available: boolean;
  /** A line under the box: what it needs, or what is wrong when `problem`. */
  note: string | null;
  problem: string | null;
  onChange: (on: boolean) => void;
};

/**
 * One channel on or off. A channel the server cannot send on cannot be turned on (the reason is
 * shown); one already on stays switchable so it can be turned off.
 */
export function ChannelToggle({ channel, checked, available, note, problem, onChange }: Props) {
  const noteId = `channel-${channel}-note`;
  const text = problem ?? (available ? note : UNAVAILABLE[channel]);
  return (
    <div class="channel">
      <label class="check">
        <input
          type="checkbox"
          checked={checked}
          disabled={!available && !checked}
          aria-invalid={problem ? true : undefined}
          aria-describedby={text ? noteId : undefined}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        {CHANNEL_LABEL[channel]}
      </label>
      {text && (
        <p id={noteId} class={problem ? 'field-error' : 'note'}>
          {text}
        </p>
      )}
    </div>
  );
}
